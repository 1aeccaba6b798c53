"""Allow ``python -m hii_planner``."""

from hii_planner.cli import main

main()
