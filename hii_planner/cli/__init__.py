"""The command line: `app.py` registers the command groups, one module per group."""
