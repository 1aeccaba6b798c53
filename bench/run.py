"""Benchmarks: every figure as a ratio to its floor, measured in pairs, printed with its budget.

Run ``python bench/run.py`` (or ``--quick``) from the repository with hii-planner
installed. Prints a table and writes JSON to ``bench/results/latest.json``.

Each command is timed alternately with its floor (``python -c "import typer"``
for start-up, parsing the same files with ``tomllib`` for library and caseload
reads), and the ratio is the median of the paired ratios, so a machine shared
with other work moves both sides together. Budgets are for the 2-core reference
machine. The tests never assert timings: this script is where they are measured.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import tomli_w

ROOT = Path(__file__).resolve().parent
CLI = [sys.executable, "-m", "hii_planner"]
TYPER_FLOOR = [sys.executable, "-c", "import typer"]
README_PLAN = [
    "plan", "new", "--no-input", "--participant", "P-0042",
    "--need", "identity-meaning-belonging", "--need", "us-and-them-thinking",
    "--start", "2027-01-04", "--weekday", "mon", "--out", "-",
]  # fmt: skip


@dataclass
class Figure:
    """One measured figure: seconds, its ratio to the floor, and the budget it is held to."""

    name: str
    seconds: float
    ratio: float | None = None
    floor: str = ""
    budget: str = ""
    ok: bool | None = None


def _run(command: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, env=env, check=False)
    return time.perf_counter() - start


def paired(
    command: Sequence[str], floor: Sequence[str], runs: int, env: dict[str, str]
) -> tuple[float, float]:
    """Median seconds of *command* and the median of its paired ratios to *floor*."""
    _run(command, env)  # warm-up: file system caches, the library cache
    _run(floor, env)
    seconds, ratios = [], []
    for _ in range(runs):
        base = _run(floor, env)
        taken = _run(command, env)
        seconds.append(taken)
        ratios.append(taken / base)
    return statistics.median(seconds), statistics.median(ratios)


def limit(name: str, seconds: float, ratio: float, floor: str, most: float) -> Figure:
    """A figure held to at most *most* times its floor."""
    return Figure(name, seconds, ratio, floor, f"≤ {most}×", ratio <= most)


def parse_floor(folder: Path, pattern: str = "*.toml") -> list[str]:
    """A process that only parses the files of *folder* with tomllib: the floor of reading it."""
    code = (
        "import pathlib, tomllib\n"
        f"for p in sorted(pathlib.Path({str(folder)!r}).glob({pattern!r})):\n"
        "    tomllib.loads(p.read_text(encoding='utf-8'))\n"
    )
    return [sys.executable, "-c", code]


def generate_library(folder: Path, modules: int, *, seed: int = 7) -> Path:
    """A valid library of *modules* modules, 3 sessions each.

    Modules come in groups of eight, each requiring the one before (chains);
    from the fourth of a group on they also have a requires_any and an after
    on earlier modules; the last of each group excludes the last of the next.
    """
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    needs = [f"need-{n}" for n in range(40)]
    info = {
        "name": f"Generated library ({modules} modules)",
        "version": "1",
        "needs": [{"id": n, "title": n.replace("-", " ")} for n in needs],
        "tracks": [{"id": "main", "title": "Main"}, {"id": "twin", "title": "Twin", "twin": True}],
    }
    (folder / "library.toml").write_text(tomli_w.dumps(info), encoding="utf-8")
    for index in range(modules):
        place = index % 8
        data: dict[str, object] = {
            "id": f"m{index:05d}",
            "title": f"Module {index}",
            "track": "twin" if index % 7 == 0 else "main",
            "summary": f"Generated module number {index}.",
            "addresses": rng.sample(needs, 1),
        }
        if place:
            data["requires"] = [f"m{index - 1:05d}"]
        if place >= 3:
            data["requires_any"] = [[f"m{index - 3:05d}", f"m{index - 2:05d}"]]
            data["after"] = [f"m{rng.randrange(max(0, index - 50), index - 2):05d}"]
        if place == 7 and index + 8 < modules:
            data["excludes"] = [f"m{index + 8:05d}"]
        data["sessions"] = [
            {
                "id": f"s{n}",
                "title": f"Session {n} of module {index}",
                "minutes": 60 + 15 * n,
                "optional": n == 2,
                "objectives": [f"Objective {n} of module {index}."],
                "handout": {"body": f"Handout text for session {n} of module {index}."},
            }
            for n in range(3)
        ]
        (folder / f"m{index:05d}.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    return folder


def every_need_plan(path: Path, env: dict[str, str]) -> Path:
    """A plan of the shipped library for every need (42 sessions): the longest it makes."""
    listed = subprocess.run(
        [*CLI, "library", "info", "--json"], env=env, check=True, capture_output=True, text=True
    )
    needs = [arg for n in json.loads(listed.stdout)["needs"] for arg in ("--need", n["id"])]
    command = [*README_PLAN[:-1], str(path), *needs]
    subprocess.run([*CLI, *command], env=env, check=True, capture_output=True)
    return path


def usual_size_plan(path: Path, env: dict[str, str]) -> Path:
    """A plan of 32 sessions, the shipped library's usual maximum (the issue's `plan show`)."""
    listed = subprocess.run(
        [*CLI, "library", "info", "--json"], env=env, check=True, capture_output=True, text=True
    )
    needs = [arg for n in json.loads(listed.stdout)["needs"][:6] for arg in ("--need", n["id"])]
    command = [
        "plan", "new", "--no-input", "--participant", "P-0042", *needs, "--max-sessions", "32",
        "--start", "2027-01-04", "--weekday", "mon", "--out", str(path),
    ]  # fmt: skip
    subprocess.run([*CLI, *command], env=env, check=True, capture_output=True)
    return path


def startup(runs: int, env: dict[str, str], work: Path) -> list[Figure]:
    """Commands a facilitator types, each against `python -c "import typer"`."""
    plan = usual_size_plan(work / "P-0042.toml", env)
    longest = every_need_plan(work / "P-0043.toml", env)
    figures = []
    for name, args, most in (
        ("--help", ["--help"], 2.0),
        ("--version", ["--version"], 1.5),
        ("library list", ["library", "list"], 2.0),
        ("library info", ["library", "info"], 2.0),
        ("library list --json", ["library", "list", "--json"], 2.0),
        (f"plan show ({_sessions(plan)} sessions)", ["plan", "show", str(plan)], 2.0),
        ("plan new (README example)", README_PLAN, 3.5),
    ):
        seconds, ratio = paired([*CLI, *args], TYPER_FLOOR, runs, env)
        figures.append(limit(name, seconds, ratio, "import typer", most))
    seconds, ratio = paired([*CLI, "plan", "show", str(longest)], TYPER_FLOOR, runs, env)
    figures.append(
        Figure(
            f"plan show ({_sessions(longest)} sessions, every need)", seconds, ratio, "import typer"
        )
    )
    seconds, ratio = paired([*CLI, *README_PLAN, "--holidays", "none"], TYPER_FLOOR, runs, env)
    figures.append(Figure("plan new --holidays none", seconds, ratio, "import typer"))
    return figures


def _sessions(plan: Path) -> int:
    return plan.read_text(encoding="utf-8").count("[[sessions]]")


def scaling(sizes: Sequence[int], runs: int, env: dict[str, str], work: Path) -> list[Figure]:
    """Cold `library check` against tomllib, and warm `plan new`, on generated libraries."""
    figures: list[Figure] = []
    for size in sizes:
        # Up to the budget's size, three times the pairs: the ratio at 4,000 modules
        # moved by a tenth between runs of three.
        size_runs = runs * 3 if size <= 4000 else runs
        library = generate_library(work / f"lib-{size}", size)
        chosen = [f"m{i:05d}" for i in range(1, min(size, 40 * 8), 8)][:40]
        cold = {**env, "HII_PLANNER_NO_CACHE": "1"}
        seconds, ratio = paired(
            [*CLI, "--library", str(library), "library", "check"],
            parse_floor(library),
            size_runs,
            cold,
        )
        figure = Figure(f"library check, cold ({size:,} modules)", seconds, ratio, "tomllib parse")
        if size == 4000:  # the budget's size: smaller libraries are mostly start-up
            figure.budget, figure.ok = "≤ 1.3×", ratio <= 1.3
        figures.append(figure)
        plan = [
            *CLI, "--library", str(library), "plan", "new", "--no-input",
            "--participant", "P-0001", "--start", "2027-01-04", "--out", "-",
            "--need", "need-1", "--twin-track", "twin",
            *[arg for module in chosen for arg in ("--module", module)],
        ]  # fmt: skip
        seconds, ratio = paired(plan, parse_floor(library), size_runs, env)
        figure = Figure(f"plan new, warm ({size:,} modules)", seconds, ratio, "tomllib parse")
        if size == 4000:
            figure.budget, figure.ok = "≤ 1.0 s", seconds <= 1.0
        figures.append(figure)
        if size >= 16000:
            figures += big_plan(library, env, work)
    return figures


def big_plan(library: Path, env: dict[str, str], work: Path) -> list[Figure]:
    """A plan with 500 modules chosen from a 16,000-module library: written, then read back."""
    path = work / "P-BIG.toml"
    chosen = [f"m{i:05d}" for i in range(0, 16000, 32)][:500]
    base = [*CLI, "--library", str(library)]
    args = [arg for module in chosen for arg in ("--module", module)]
    start = time.perf_counter()
    made = subprocess.run(
        [*base, "plan", "new", "--no-input", "--participant", "P-BIG", "--start", "2027-01-04",
         "--out", str(path), *args], env=env, capture_output=True, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    size = path.stat().st_size if made.returncode == 0 else 0
    readers = [["plan", "show", str(path)], ["plan", "check", str(path)],
               ["plan", "list", str(work)]]  # fmt: skip
    readable = made.returncode == 0 and all(
        subprocess.run([*base, *r], env=env, capture_output=True, check=False).returncode == 0
        for r in readers
    )
    return [
        Figure(f"plan from 16,000 modules, 500 chosen: {size / 1e6:.2f} MB", seconds,
               budget="readable by show, check, list", ok=readable),
    ]  # fmt: skip


def caseload(plans: int, runs: int, env: dict[str, str], work: Path) -> list[Figure]:
    """`plan list` of a folder of *plans* 32-session plans, against parsing them with tomllib."""
    folder = work / "caseload"
    folder.mkdir()
    first = folder / "P-00000.toml"
    subprocess.run([*CLI, *README_PLAN[:-1], str(first)], env=env, check=True, capture_output=True)
    text = first.read_text(encoding="utf-8")
    for n in range(1, plans):
        (folder / f"P-{n:05d}.toml").write_text(text.replace("P-0042", f"P-{n:05d}"), "utf-8")
    figures = []
    for name, extra, most in (("plan list --json", ["--json"], 1.2), ("plan list", [], None)):
        command = [*CLI, "plan", "list", str(folder), *extra]
        seconds, ratio = paired(command, parse_floor(folder), runs, env)
        label = f"{name} ({plans:,} plans)"
        if most is None:  # the text table: rich lays out every row
            figures.append(Figure(label, seconds, ratio, "tomllib parse"))
        else:
            figures.append(limit(label, seconds, ratio, "tomllib parse", most))
    return figures


def handouts(runs: int, env: dict[str, str], work: Path, batch: int) -> list[Figure]:
    """Every document of a 32-session plan (HTML, PDF), and a batch of plans in one process."""
    folder = work / "batch"
    folder.mkdir()
    plan = every_need_plan(folder / "P-00000.toml", env)
    sessions = [arg for n in range(1, 33) for arg in ("--session", str(n))]
    figures = []
    for output_format, most in (("html", None), ("pdf", 1.0)):
        out = work / f"one-{output_format}"

        def render(output_format: str = output_format, out: Path = out) -> None:
            command = [*CLI, "handouts", str(plan), "--out", str(out), "--format", output_format]
            subprocess.run([*command, *sessions], env=env, check=True, capture_output=True)

        seconds = timed(render, runs)
        figure = Figure(f"handouts, 32 sessions, both audiences ({output_format})", seconds)
        if most is not None:
            figure.budget, figure.ok = f"≤ {most} s", seconds <= most
        figures.append(figure)
    text = plan.read_text(encoding="utf-8")
    for n in range(1, batch):
        (folder / f"P-{n:05d}.toml").write_text(text.replace("P-0042", f"P-{n:05d}"), "utf-8")

    def render_batch() -> None:
        command = [*CLI, "handouts", str(folder), "--out", str(work / "printing")]
        subprocess.run(command, env=env, check=True, capture_output=True)

    seconds = timed(render_batch, 1)
    figures.append(
        Figure(f"handouts batch, {batch} {_sessions(plan)}-session plans (pdf), "
               f"{seconds / batch:.2f} s a plan", seconds,
               budget="≤ 1.0 s a plan", ok=seconds / batch <= 1.0)
    )  # fmt: skip
    return figures


def timed(action: Callable[[], object], runs: int) -> float:
    """Median wall time of *action* over *runs* runs."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks, print a table, write JSON; exit 1 if a budget is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs and smaller inputs")
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "latest.json")
    parser.add_argument(
        "--only",
        choices=["startup", "scaling", "caseload", "handouts"],
        action="append",
        help="run only these groups (repeatable)",
    )
    args = parser.parse_args(argv)
    runs = 3 if args.quick else 9
    sizes = [250, 1000] if args.quick else [250, 1000, 4000, 16000]
    groups = set(args.only or ["startup", "scaling", "caseload", "handouts"])
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    env.pop("HII_PLANNER_LIBRARY", None)
    env.pop("HII_PLANNER_NO_CACHE", None)

    # As a pip install does: the package's bytecode is compiled before it is timed, so a
    # machine with PYTHONDONTWRITEBYTECODE set does not time compiling every module.
    compileall.compile_dir(ROOT.parent / "hii_planner", quiet=1)

    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="hii-bench-") as temp:
        work = Path(temp)
        env["XDG_CACHE_HOME"] = str(work / "cache")
        if "startup" in groups:
            # A start-up is a tenth of a second: three times the pairs cost little and
            # steady the median on a machine shared with other work.
            figures += startup(runs * 3, env, work)
        if "scaling" in groups:
            figures += scaling(sizes, max(1, runs // 3), env, work)
        if "caseload" in groups:
            figures += caseload(100 if args.quick else 1000, max(1, runs // 3), env, work)
        if "handouts" in groups:
            figures += handouts(max(1, runs // 3), env, work, 4 if args.quick else 20)

    width = max(len(f.name) for f in figures)
    print(f"{'benchmark':<{width}}  {'seconds':>8}  {'ratio':>6}  {'floor':<13}  budget")
    for f in figures:
        ratio = f"{f.ratio:.2f}" if f.ratio is not None else ""
        verdict = "" if f.ok is None else ("ok" if f.ok else "OVER")
        line = (
            f"{f.name:<{width}}  {f.seconds:8.3f}  {ratio:>6}  {f.floor:<13}  {f.budget} {verdict}"
        )
        print(line.rstrip())
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
