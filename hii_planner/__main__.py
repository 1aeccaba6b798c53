"""Console entry point, also `python -m hii_planner`: answers `--version` before the CLI loads."""

from __future__ import annotations

import gc
import sys

EXIT_INTERRUPTED = 130


def main() -> None:
    """Run hii-planner; a bare ``--version`` is answered without importing the command line.

    Ctrl-C at any moment, even while the command line is still being imported,
    ends with exit code 130 and one line, never a traceback.
    """
    try:
        code = _run()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted; nothing was written\n")
        code = EXIT_INTERRUPTED
    # The process ends here: what it built need not be searched for cycles once more as
    # the interpreter shuts down (a fifth of `plan show`'s time). Shutdown itself (exit
    # handlers, closing files, freeing modules) happens as always.
    gc.freeze()
    sys.exit(code)


def _run() -> int | str | None:
    from hii_planner.cli.streams import flush_stdout, guard_stdout

    guard_stdout()
    code: int | str | None = 0
    if sys.argv[1:] == ["--version"]:
        from hii_planner import __version__

        sys.stdout.write(f"hii-planner {__version__}\n")
    else:
        from hii_planner.cli.app import main as run_cli

        try:
            run_cli()
        except SystemExit as finished:
            code = finished.code
    # Data still buffered is written now, so a full disk is reported, not ignored.
    return flush_stdout() or code


if __name__ == "__main__":
    main()
