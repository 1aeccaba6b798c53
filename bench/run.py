"""Benchmarks: start-up against the typer floor, scaling of check and plan, handout rendering.

Run ``python bench/run.py`` (or ``--quick``) from the repository with hii-planner
installed. Prints a table and writes JSON to ``bench/results/latest.json``.
Budgets (on the 2-core reference machine) are printed beside each figure; the
tests never assert timings, this script is where they are measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import tomli_w

ROOT = Path(__file__).resolve().parent
CLI = [sys.executable, "-m", "hii_planner"]


@dataclass
class Figure:
    """One measured figure and its budget."""

    name: str
    seconds: float
    ratio: float | None = None
    budget: str = ""
    ok: bool | None = None


def median_seconds(command: Sequence[str], runs: int, env: dict[str, str]) -> float:
    """Median wall time of *command* over *runs* runs (after one warm-up run)."""
    subprocess.run(command, capture_output=True, env=env, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, env=env, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def timed(action: Callable[[], object], runs: int) -> float:
    """Median wall time of an in-process *action*."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def generate_library(folder: Path, modules: int, *, seed: int = 7) -> Path:
    """A library of *modules* modules, 3 sessions each, prerequisites on earlier modules."""
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    needs = [f"need-{n}" for n in range(40)]
    info = {
        "name": f"Generated library ({modules} modules)",
        "version": "1",
        "needs": [{"id": n, "title": n.replace("-", " ")} for n in needs],
        "tracks": [{"id": "main", "title": "Main"}, {"id": "twin", "title": "Twin"}],
    }
    (folder / "library.toml").write_text(tomli_w.dumps(info), encoding="utf-8")
    for index in range(modules):
        earlier = [f"m{i:05d}" for i in range(max(0, index - 50), index)]
        data: dict[str, object] = {
            "id": f"m{index:05d}",
            "title": f"Module {index}",
            "track": "twin" if index % 7 == 0 else "main",
            "summary": f"Generated module number {index}.",
            "addresses": rng.sample(needs, 1),
            "requires": rng.sample(earlier, min(len(earlier), rng.randint(0, 2))),
            "after": rng.sample(earlier, min(len(earlier), rng.randint(0, 1))),
            "sessions": [
                {
                    "id": f"s{n}",
                    "title": f"Session {n} of module {index}",
                    "minutes": 60 + 15 * n,
                    "optional": n == 2,
                    "objectives": [f"Objective {n} of module {index}."],
                    "handout": {"body": f"Handout text for session {n} of module {index}."},
                }
                for n in range(3)
            ],
        }
        if len(earlier) >= 4 and rng.random() < 0.2:
            data["requires_any"] = [rng.sample(earlier, 2)]
        (folder / f"m{index:05d}.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    return folder


def startup(runs: int, env: dict[str, str]) -> list[Figure]:
    """`--version` and `library list --json` against `python -c "import typer"`."""
    floor = median_seconds([sys.executable, "-c", "import typer"], runs, env)
    figures = [Figure("floor: python -c 'import typer'", floor, 1.0)]
    for name, args, limit in (
        ("hii-planner --version", ["--version"], 1.5),
        ("hii-planner library list --json", ["library", "list", "--json"], 2.0),
    ):
        seconds = median_seconds([*CLI, *args], runs, env)
        ratio = seconds / floor
        figures.append(Figure(name, seconds, ratio, f"≤ {limit}× floor", ratio <= limit))
    return figures


def scaling(sizes: Sequence[int], runs: int, env: dict[str, str], work: Path) -> list[Figure]:
    """`library check` and `plan new` on generated libraries, with the growth ratio."""
    figures: list[Figure] = []
    results: dict[str, dict[int, float]] = {"check": {}, "plan": {}}
    for size in sizes:
        library = generate_library(work / f"lib-{size}", size)
        chosen = [f"m{i:05d}" for i in range(size - 1, size - 40, -4)]
        check = [*CLI, "--library", str(library), "library", "check"]
        plan = [
            *CLI, "--library", str(library), "plan", "new", "--no-input",
            "--participant", "P-0001", "--start", "2027-01-04", "--out", "-",
            "--need", "need-1", "--need", "need-2", "--twin-track", "twin",
            *[arg for module in chosen for arg in ("--module", module)],
        ]  # fmt: skip
        for kind, command in (("check", check), ("plan", plan)):
            seconds = median_seconds(command, runs, env)
            results[kind][size] = seconds
            limit = 3.0 if size >= 2000 else None
            figures.append(
                Figure(
                    f"library {kind} ({size} modules)"
                    if kind == "check"
                    else f"plan new ({size} modules)",
                    seconds,
                    budget=f"< {limit:.0f} s" if limit else "",
                    ok=seconds < limit if limit else None,
                )
            )
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        for kind in ("check", "plan"):
            growth = results[kind][large] / results[kind][small]
            allowed = 5.0 * (large / small) / 4.0
            figures.append(
                Figure(
                    f"{kind}: time({large}) / time({small})",
                    results[kind][large],
                    growth,
                    f"≤ {allowed:.1f} (no quadratic passes)",
                    growth <= allowed,
                )
            )
    return figures


def handouts(runs: int, work: Path) -> list[Figure]:
    """All handouts, guides and the overview of a 32-session plan, as HTML and as PDF."""
    try:
        from hii_planner.handouts import write_handouts
    except ImportError:
        return []
    from hii_planner.library.loader import default_library_path, load_library
    from hii_planner.planning.planner import build_plan
    from hii_planner.planning.request import PlanRequest

    library = load_library(default_library_path())
    needs = [n.id for n in library.info.needs]
    request = PlanRequest(participant="P-0032", needs=needs)
    plan = build_plan(library, request, now=dt.datetime(2026, 11, 22, tzinfo=dt.UTC)).plan
    plan.sessions = plan.sessions[:32]  # the longest plan the programme runs
    formats: list[Literal["html", "pdf"]] = ["html", "pdf"]
    figures = []
    for output_format in formats:
        out = work / f"handouts-{output_format}"

        def render(output_format: Literal["html", "pdf"] = output_format, out: Path = out) -> None:
            shutil.rmtree(out, ignore_errors=True)
            write_handouts(plan, library, out_dir=out, output_format=output_format, audience="all")

        seconds = timed(render, runs)
        figures.append(
            Figure(
                f"handouts, {len(plan.sessions)}-session plan, all audiences ({output_format})",
                seconds,
                budget="< 5 s",
                ok=seconds < 5.0,
            )
        )
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks, print a table, write JSON; exit 1 if a budget is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs and smaller libraries")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "latest.json")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else 9
    sizes = [100, 400] if args.quick else [500, 2000]
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("HII_PLANNER_LIBRARY", None)

    with tempfile.TemporaryDirectory(prefix="hii-bench-") as temp:
        work = Path(temp)
        env["XDG_CACHE_HOME"] = str(work / "cache")
        figures = startup(runs, env)
        figures += scaling(sizes, max(1, runs // 3), env, work)
        figures += handouts(max(1, runs // 3), work)

    width = max(len(f.name) for f in figures)
    print(f"{'benchmark':<{width}}  {'seconds':>8}  {'ratio':>6}  budget")
    for f in figures:
        ratio = f"{f.ratio:.2f}" if f.ratio is not None else ""
        verdict = "" if f.ok is None else ("ok" if f.ok else "OVER")
        print(f"{f.name:<{width}}  {f.seconds:8.3f}  {ratio:>6}  {f.budget} {verdict}".rstrip())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
                "quick": args.quick,
                "figures": [asdict(f) for f in figures],
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"results written to {args.out}")
    return 0 if all(f.ok is not False for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
