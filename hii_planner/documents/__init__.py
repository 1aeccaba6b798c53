"""Printable documents: a shared block model and its Markdown, HTML and PDF renderers."""
