"""Console entry point, also `python -m hii_planner`: answers `--version` before the CLI loads."""

from __future__ import annotations

import sys


def main() -> None:
    """Run hii-planner; a bare ``--version`` is answered without importing the command line."""
    if sys.argv[1:] == ["--version"]:
        from hii_planner import __version__

        sys.stdout.write(f"hii-planner {__version__}\n")
        return
    from hii_planner.cli.app import main as run_cli

    run_cli()


if __name__ == "__main__":
    main()
