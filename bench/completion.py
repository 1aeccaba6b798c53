"""Benchmark: shell completion start-up (one <TAB>) against the typer floor.

Run ``python bench/completion.py`` (``--quick`` for fewer runs) with hii-planner
installed. Every <TAB> starts hii-planner, so completing a module id must cost
little more than importing typer: no library validation, no heavy imports.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence

CLI = [sys.executable, "-m", "hii_planner"]
BUDGET = 2.5  # times the floor: `library list --json` (a cache hit) is allowed 2.0

CASES = {
    "complete: hii-planner <TAB>": "hii-planner ",
    "complete: plan new --module <TAB>": "hii-planner plan new --module ",
    "complete: plan new --need <TAB>": "hii-planner plan new --need ",
}


def median_seconds(command: Sequence[str], runs: int, env: dict[str, str]) -> float:
    """Median wall time of *command* over *runs* runs (after one warm-up run)."""
    subprocess.run(command, capture_output=True, env=env, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    """Print each completion's median time and its ratio to the floor; 1 if over budget."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    runs = 3 if parser.parse_args(argv).quick else 15
    base = {**os.environ, "NO_COLOR": "1"}
    base.pop("HII_PLANNER_LIBRARY", None)
    floor = median_seconds([sys.executable, "-c", "import typer"], runs, base)
    print(f"{'floor: python -c import typer':<40} {floor:7.3f} s")
    over = False
    for name, line in CASES.items():
        words = line.split(" ")
        env = {
            **base,
            "_HII_PLANNER_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
        }
        seconds = median_seconds(CLI, runs, env)
        ratio = seconds / floor
        over |= ratio > BUDGET
        verdict = "ok" if ratio <= BUDGET else "OVER"
        print(f"{name:<40} {seconds:7.3f} s  {ratio:5.2f}× floor (≤ {BUDGET}×) {verdict}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
