"""Terminal views shared by the command line and the guided planner: consoles, tables, errors."""
