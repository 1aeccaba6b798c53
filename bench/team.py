"""Benchmarks for working as a team: the team view of 1,000 plans, and one merge.

Run ``python bench/team.py`` (``--plans N`` for another caseload size) from the
repository with hii-planner installed. It builds a caseload of generated plans
from the shipped library (records, misses, a paused plan, conflict copies), then
times ``plan list DIR --summary --json``, the summary alone over plans already
read, and ``plan merge`` as git's driver. Budgets are printed beside each figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import CLI, Figure, timed

from hii_planner.library.loader import default_library_path, load_library
from hii_planner.planning.planner import build_plan
from hii_planner.planning.request import PlanRequest
from hii_planner.plans.caseload import read_caseload
from hii_planner.plans.delivery import record_session
from hii_planner.plans.models import HistoryEntry, Plan
from hii_planner.plans.planfile import write_plan
from hii_planner.plans.sync_copies import find_conflict_copies
from hii_planner.plans.team_summary import team_summary

NOW = dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC)


def template() -> Plan:
    """A full plan from the shipped library, sessions weekly from 2026-09-07."""
    library = load_library(default_library_path())
    request = PlanRequest.model_validate(
        {
            "participant": "P-0000",
            "needs": [n.id for n in library.info.needs],
            "schedule": {"start": "2026-09-07", "weekdays": ["mon"]},
        }
    )
    return build_plan(library, request, now=NOW).plan


def recorded(plan: Plan, rng: random.Random, count: int) -> Plan:
    """A copy of *plan* with those of its first *count* sessions still planned recorded."""
    copy = plan.model_copy(deep=True)
    for number in range(1, count + 1):
        if copy.sessions[number - 1].status != "planned":
            continue
        status = rng.choice(["delivered"] * 6 + ["missed", "cancelled"])
        summary = record_session(copy, number, status=status, today=NOW.date()).summary  # type: ignore[arg-type]
        copy.revision += 1
        copy.history.append(HistoryEntry(at=NOW, change=summary))
    return copy


def caseload(folder: Path, plans: int, *, seed: int = 18) -> None:
    """*plans* plan files (and a conflict copy for every hundredth) in *folder*."""
    rng = random.Random(seed)
    base = template()
    folder.mkdir(parents=True)
    for index in range(plans):
        plan = recorded(base, rng, rng.randint(0, 9))
        plan.participant.reference = f"P-{index:04d}"
        plan.status = "paused" if index % 50 == 0 else "active"
        write_plan(folder / f"P-{index:04d}.toml", plan)
        if index % 100 == 0:
            shutil.copy(folder / f"P-{index:04d}.toml", folder / f"P-{index:04d}-LAPTOP.toml")


def merge_figure(work: Path, runs: int, env: dict[str, str]) -> Figure:
    """`plan merge BASE OURS THEIRS` on a plan both sides recorded sessions of."""
    rng = random.Random(7)
    base = recorded(template(), rng, 2)
    ours, theirs = recorded(base, rng, 5), recorded(base, rng, 0)
    theirs.sessions[5].notes = "from the other machine"
    paths = {name: work / f"{name}.toml" for name in ("base", "ours", "theirs", "scratch")}
    for name, plan in (("base", base), ("ours", ours), ("theirs", theirs)):
        write_plan(paths[name], plan)
    command = [
        *CLI,
        "plan",
        "merge",
        str(paths["base"]),
        str(paths["scratch"]),
        str(paths["theirs"]),
    ]

    def merge() -> None:
        shutil.copy(paths["ours"], paths["scratch"])
        subprocess.run(command, capture_output=True, env=env, check=False)

    seconds = timed(merge, runs)
    return Figure("plan merge (git driver, one plan)", seconds, budget="< 1.5 s", ok=seconds < 1.5)


def main(argv: list[str] | None = None) -> int:
    """Build the caseload, time the team view and a merge, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plans", type=int, default=1000, help="plans in the caseload")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("HII_PLANNER_LIBRARY", None)
    figures = []
    with tempfile.TemporaryDirectory(prefix="hii-bench-team-") as temp:
        work = Path(temp)
        env["XDG_CACHE_HOME"] = str(work / "cache")
        folder = work / "caseload"
        started = time.perf_counter()
        caseload(folder, args.plans)
        print(f"caseload of {args.plans} plans built in {time.perf_counter() - started:.1f} s")
        listing = [*CLI, "plan", "list", str(folder), "--summary", "--json"]
        seconds = timed(lambda: subprocess.run(listing, capture_output=True, env=env), args.runs)
        figures.append(
            Figure(
                f"plan list --summary --json ({args.plans} plans)",
                seconds,
                budget="< 5 s",
                ok=seconds < 5.0,
            )
        )
        entries = read_caseload(folder, today=NOW.date())
        seconds = timed(
            lambda: team_summary(entries, today=NOW.date(), copies=find_conflict_copies(entries)),
            args.runs,
        )
        figures.append(
            Figure(
                f"summary and copies over {args.plans} plans already read",
                seconds,
                budget="< 0.2 s",
                ok=seconds < 0.2,
            )
        )
        figures.append(merge_figure(work, args.runs, env))
    width = max(len(f.name) for f in figures)
    for f in figures:
        verdict = "" if f.ok is None else ("ok" if f.ok else "OVER")
        print(f"{f.name:<{width}}  {f.seconds:8.3f} s  {f.budget} {verdict}".rstrip())
    return 0 if all(f.ok is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
