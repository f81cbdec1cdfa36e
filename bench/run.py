"""The figures of issue 8, each as a ratio to its floor measured in the same run.

    .venv/bin/python bench/run.py                  # everything: 100,000 claims, 10^3 .. 10^6
    .venv/bin/python bench/run.py --sizes 1000,10000,100000 --repeat 5
    .venv/bin/python bench/run.py --quick          # tiny sizes: proves the benchmark runs (CI)

Every figure is CPU time (user + system) of a child process, read with ``os.wait4``,
so that other work on a shared machine does not count; wall time is shown where a
person waits for it. Each figure is the median of ``--repeat`` runs, and the spread
(max - min, relative to the median) says how noisy the machine was. Nothing here
asserts a time: the table is for people to read.

Floors: plain ``yaml.load(..., Loader=CSafeLoader)`` of the same claim files (which
does nothing but read them), ``python -c pass`` for start-up, one pass of
``normalise`` over the source text for quote checks, and ``dot`` alone for rendering.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
SHIPPED_MAP = REPO / "claims" / "moscow-1936"
sys.path.insert(0, str(BENCH))

from exports import export_rows, iccma_rows  # noqa: E402 - bench/ is not a package
from generate import Spec, generate  # noqa: E402

MEMORY_LIMIT = 4 * 2**30  # a child that needs more fails and is reported (a shared machine)
GIB = 2**30

# -- code run in child processes ------------------------------------------------------

_FILES = """
import sys
from pathlib import Path
root = Path(sys.argv[1])
files = sorted(p for p in root.rglob("*") if p.suffix in (".yaml", ".yml"))
"""

FLOOR_LOAD = (
    _FILES
    + """
import gc, json, time, yaml
mode = sys.argv[2] if len(sys.argv) > 2 else "drop"
if mode == "nogc":
    gc.disable()
start = time.process_time()
documents = []
for path in files:
    with open(path, "rb") as handle:
        document = yaml.load(handle.read(), Loader=yaml.CSafeLoader)
    if mode == "keep":
        documents.append(document)
print(json.dumps({"cpu": time.process_time() - start}))
"""
)
"""Plain ``yaml.load`` of every file: ``drop`` each document (the strictest floor: it
does nothing but read), ``keep`` them all (as a loaded map is kept), or ``nogc``:
dropped, with the cycle collector off (as argmap runs)."""

FLOOR_EVENTS = (
    _FILES
    + """
import json, time, yaml
start = time.process_time()
for path in files:
    with open(path, "rb") as handle:
        parser = yaml.CSafeLoader(handle.read())
        while parser.get_event() is not None:
            pass
        parser.dispose()
print(json.dumps({"cpu": time.process_time() - start}))
"""
)

LOAD_AND_LINT = """
import json, sys, time
import argmap
from argmap.lint import LintOptions, lint
start = time.process_time()
amap = argmap.load(sys.argv[1])
loaded = time.process_time()
findings = lint(amap, options=LintOptions())
done = time.process_time()
print(json.dumps({"cpu": done - start, "load": loaded - start, "lint": done - loaded,
                  "claims": len(amap.claims), "findings": len(findings)}))
"""

QUOTES = """
import json, random, sys, time
sys.path.insert(0, sys.argv[1])
from generate import _Text, _word_starts, cut_quote, spoil
from argmap.quotes import QuoteIndex, normalise
raw = open(sys.argv[2], encoding="utf-8").read()
count = int(sys.argv[3])
rng = random.Random(count)
text = _Text(raw, _word_starts(raw))
quotes = [cut_quote(text, rng) for _ in range(count)]
quotes = [spoil(q, rng) if i % 500 == 3 else q for i, q in enumerate(quotes)]
start = time.process_time()
index = QuoteIndex.of(raw)
found = index.contains_all(quotes)
missing = [q for q, ok in zip(quotes, found) if not ok]
index.closest_passages(missing)
checked = time.process_time()
normalise(raw)
for quote in quotes:
    normalise(quote)
one_pass = time.process_time() - checked  # what no check can skip: reading text and quotes
needle = normalise(quotes[0]).replace(" ", "  ")  # absent: what a scan per quote costs
scan_start = time.process_time()
for _ in range(20):
    needle in index.text
scan = (time.process_time() - scan_start) / 20
print(json.dumps({"cpu": checked - start, "one_pass": one_pass, "scan": scan,
                  "missing": len(missing), "mb": len(raw.encode()) / 1e6}))
"""


# -- measuring ----------------------------------------------------------------------


@dataclass
class Run:
    """One child process: its CPU time, wall time, peak memory, exit code and output."""

    cpu: float
    wall: float
    rss: int  # bytes
    code: int
    out: str
    err: str

    def data(self) -> dict[str, float]:
        if self.code != 0:
            raise RuntimeError(f"benchmark child failed ({self.code}): {self.err.strip()[-400:]}")
        result: dict[str, float] = json.loads(self.out.strip().splitlines()[-1])
        return result


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


# Children use and write bytecode caches, as an installed argmap does: with
# PYTHONDONTWRITEBYTECODE set (some shells and CI images set it), every run would
# compile argmap's modules from source again, about 40 ms of each start-up.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def child(argv: Sequence[str | Path], cwd: Path = REPO) -> Run:
    """Run a child process to the end; its own CPU time and peak RSS, from ``wait4``."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(
            [str(a) for a in argv],
            cwd=cwd,
            env=CHILD_ENV,
            stdout=out,
            stderr=err,
            preexec_fn=_limit_memory,
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Run(
            cpu=usage.ru_utime + usage.ru_stime,
            wall=wall,
            rss=usage.ru_maxrss * 1024,
            code=process.returncode,
            out=out.read().decode("utf-8", "replace"),
            err=err.read().decode("utf-8", "replace"),
        )


def python(code: str, *args: str | Path) -> list[str | Path]:
    return [sys.executable, "-c", code, *args]


def argmap_command(*args: str | Path) -> list[str | Path]:
    script = Path(sys.executable).parent / "argmap"
    prefix: list[str | Path] = [script] if script.exists() else [sys.executable, "-m", "argmap"]
    return [*prefix, *args]


@dataclass
class Sample:
    """Repeated measurements of one figure."""

    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def spread(self) -> float:
        """(max - min) / median: how much the runs disagreed."""
        if len(self.values) < 2 or self.median == 0:
            return 0.0
        return (max(self.values) - min(self.values)) / self.median


def sample(repeat: int, measure: Callable[[], float]) -> Sample:
    result = Sample()
    for _ in range(repeat):
        result.values.append(measure())
    return result


def progress(message: str) -> None:
    sys.stderr.write(f"[bench] {message}\n")
    sys.stderr.flush()


# -- the figures --------------------------------------------------------------------


@dataclass
class Row:
    figure: str
    value: str
    floor: str
    ratio: str
    target: str
    spread: str = ""


def seconds(value: float) -> str:
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def mib(value: float) -> str:
    return f"{value / 2**20:,.0f} MiB"


def ratio(value: float, floor: float) -> str:
    return f"{value / floor:.2f}" if floor > 0 else "n/a"


def spread(*samples: Sample) -> str:
    return " / ".join(f"±{s.spread * 50:.0f}%" for s in samples)


def throughput(directory: Path, claims: int, files: int, repeat: int) -> list[Row]:
    """Load + lint against plain libyaml loads of the same files; and peak memory.

    The runs of argmap and of its floors alternate, so that a busy spell of a shared
    machine falls on both sides of a ratio alike.
    """
    progress(f"throughput: {claims:,} claims over {files} files, {repeat} run(s) each")
    names = ("drop", "keep", "nogc", "events", "argmap", "floor process", "argmap process")
    samples = {name: Sample() for name in names}
    rss: dict[str, list[int]] = {"keep": [], "argmap process": []}
    for _ in range(repeat):
        for mode in ("drop", "keep", "nogc"):
            run = child(python(FLOOR_LOAD, directory, mode))
            samples[mode].values.append(run.data()["cpu"])
            if mode == "keep":
                rss["keep"].append(run.rss)
        samples["events"].values.append(child(python(FLOOR_EVENTS, directory)).data()["cpu"])
        samples["argmap"].values.append(child(python(LOAD_AND_LINT, directory)).data()["cpu"])
        samples["floor process"].values.append(child(python(FLOOR_LOAD, directory)).cpu)
        run = child(argmap_command("lint", directory, "--no-config"))
        if run.code not in (0, 1):
            raise RuntimeError(f"argmap lint failed: {run.err.strip()[-400:]}")
        samples["argmap process"].values.append(run.cpu)
        rss["argmap process"].append(run.rss)
    name = f"{claims:,} claims / {files} files"
    argmap, drop = samples["argmap"], samples["drop"]

    def against(floor: str, label: str, target: str = "") -> Row:
        value = samples[floor]
        return Row(
            f"load + lint, in-process, {name}",
            seconds(argmap.median),
            f"{label} {seconds(value.median)}",
            ratio(argmap.median, value.median),
            target,
            spread(argmap, value),
        )

    return [
        against("drop", "yaml.load CSafeLoader, each document dropped:", "≤ 1"),
        against("keep", "yaml.load, all documents kept:"),
        against("nogc", "yaml.load, dropped, cycle collector off:"),
        Row(
            f"`argmap lint` process, {name}",
            seconds(samples["argmap process"].median),
            f"process running yaml.load, dropped: {seconds(samples['floor process'].median)}",
            ratio(samples["argmap process"].median, samples["floor process"].median),
            "≤ 1",
            spread(samples["argmap process"], samples["floor process"]),
        ),
        Row(
            "(reference) libyaml's events alone, no objects built",
            seconds(samples["events"].median),
            f"yaml.load, dropped: {seconds(drop.median)}",
            ratio(samples["events"].median, drop.median),
            "",
            spread(samples["events"], drop),
        ),
        Row(
            f"peak RSS of `argmap lint`, {name}",
            mib(statistics.median(rss["argmap process"])),
            f"1 GiB (yaml.load keeping all: {mib(statistics.median(rss['keep']))})",
            ratio(statistics.median(rss["argmap process"]), GIB),
            "< 1",
        ),
    ]


def quote_checks(text: Path, counts: Sequence[int], repeat: int) -> list[Row]:
    """Quotes against a big text: cost per quote must not grow with the number of quotes."""
    progress(f"quote checks: {', '.join(f'{c:,}' for c in counts)} quotes, {repeat} run(s) each")
    results: dict[int, Sample] = {}
    one_pass = Sample()
    scan = 0.0
    megabytes = 0.0
    for count in counts:
        runs = [child(python(QUOTES, BENCH, text, str(count))).data() for _ in range(repeat)]
        results[count] = Sample([r["cpu"] for r in runs])
        one_pass.values.extend(r["one_pass"] for r in runs)
        scan = statistics.median([r["scan"] for r in runs])
        megabytes = runs[0]["mb"]
    largest, smallest = max(counts), min(counts)
    big, small = results[largest], results[smallest]
    rows = [
        Row(
            f"check {largest:,} quotes against a {megabytes:.1f} MB text",
            seconds(big.median),
            f"normalising the text and the quotes once: {seconds(one_pass.median)}",
            ratio(big.median, one_pass.median),
            "",
            spread(big, one_pass),
        ),
        Row(
            f"(for contrast) one scan of the text per quote, {largest:,} quotes",
            seconds(scan * largest),
            f"argmap: {seconds(big.median)}",
            ratio(scan * largest, big.median),
            "",
        ),
    ]
    if largest > smallest:
        exponent = math.log(big.median / small.median) / math.log(largest / smallest)
        per_quote = (big.median - small.median) / (largest - smallest)
        rows.append(
            Row(
                f"growth of quote checks, {smallest:,} → {largest:,} quotes "
                f"(each more quote: {per_quote * 1e6:.0f} µs; a scan: {scan * 1e6:.0f} µs)",
                f"time ∝ quotes^{exponent:.2f}",
                "linear: exponent 1",
                f"{exponent:.2f}",
                "≤ 1",
                spread(big, small),
            )
        )
    return rows


def start_up(repeat: int) -> list[Row]:
    progress(f"start-up, {repeat} run(s) each")
    if SHIPPED_MAP.exists():  # once unmeasured: writes the bytecode caches (CHILD_ENV)
        child(argmap_command("lint", SHIPPED_MAP))
    nothing = sample(repeat, lambda: child([sys.executable, "-c", "pass"]).cpu)
    version = sample(repeat, lambda: child(argmap_command("--version")).cpu)
    rows = [
        Row(
            "`argmap --version`",
            seconds(version.median),
            f"python -c pass {seconds(nothing.median)}",
            ratio(version.median, nothing.median),
            "< 0.3 s",
            spread(version, nothing),
        )
    ]
    if SHIPPED_MAP.exists():
        lint = sample(repeat, lambda: child(argmap_command("lint", SHIPPED_MAP)).cpu)
        rows.append(
            Row(
                "`argmap lint claims/moscow-1936`",
                seconds(lint.median),
                f"python -c pass {seconds(nothing.median)}",
                ratio(lint.median, nothing.median),
                "< 0.5 s",
                spread(lint, nothing),
            )
        )
    return rows


def rendering(repeat: int, work: Path) -> list[Row]:
    if not SHIPPED_MAP.exists():
        return []
    dot = shutil.which("dot")
    progress(f"rendering the shipped map, {repeat} run(s) each")
    source = work / "map.dot"
    made = child(argmap_command("render", SHIPPED_MAP, "-o", source))
    if made.code != 0 or dot is None:
        why = "Graphviz's dot is not installed" if dot is None else made.err.strip()[-200:]
        return [Row("render the shipped map to SVG", "not measured", why, "", "< 1 s")]
    walls: list[float] = []

    def render() -> float:
        run = child(argmap_command("render", SHIPPED_MAP, "-o", work / "map.svg"))
        if run.code != 0:
            raise RuntimeError(f"argmap render failed: {run.err.strip()[-400:]}")
        walls.append(run.wall)
        return run.cpu  # includes dot, which argmap waits for

    svg = sample(repeat, render)
    floor = sample(repeat, lambda: child([dot, "-Tsvg", "-o", work / "floor.svg", source]).cpu)
    return [
        Row(
            "`argmap render claims/moscow-1936 -o map.svg` (CPU; wall "
            f"{seconds(statistics.median(walls))})",
            seconds(svg.median),
            f"dot -Tsvg alone {seconds(floor.median)}",
            ratio(svg.median, floor.median),
            "< 1 s",
            spread(svg, floor),
        )
    ]


def focused_rendering(directory: Path, claims: int, repeat: int, work: Path) -> list[Row]:
    """A large map is drawn in part: the neighbourhood of one claim."""
    focus = f"c{claims // 2:07d}"  # an id of the generated map
    progress(f"rendering the neighbourhood of {focus} in {claims:,} claims, {repeat} run(s)")
    walls: list[float] = []

    def render() -> float:
        argv = argmap_command(
            "render", directory, "--no-config", "--focus", focus, "-o", work / "focus.svg"
        )
        run = child(argv)
        if run.code != 0:
            raise RuntimeError(f"argmap render --focus failed: {run.err.strip()[-400:]}")
        walls.append(run.wall)
        return run.cpu

    svg = sample(repeat, render)
    floor = sample(repeat, lambda: child(python(FLOOR_LOAD, directory)).cpu)
    return [
        Row(
            f"`argmap render --focus {focus}` of {claims:,} claims (wall "
            f"{seconds(statistics.median(walls))})",
            seconds(svg.median),
            f"process running yaml.load, dropped: {seconds(floor.median)}",
            ratio(svg.median, floor.median),
            "",
            spread(svg, floor),
        )
    ]


GROWTH_COMMANDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lint", ("lint", "--no-config")),
    ("stats", ("stats", "--no-config", "--format", "json", "-o", "{out}/stats.json")),
    (
        "analyse grounded",
        ("analyse", "--no-config", "--semantics", "grounded", "-o", "{out}/grounded.txt"),
    ),
    ("export json", ("export", "--no-config", "--to", "json", "-o", "{out}/map.json")),
    ("render html", ("render", "--no-config", "-o", "{out}/map.html")),
    ("render overview", ("render", "--no-config", "--overview", "-o", "{out}/overview.svg")),
)


def available_commands() -> dict[str, bool]:
    from argmap.cli import COMMANDS

    return {name: args[0] in COMMANDS for name, args in GROWTH_COMMANDS}


def growth(
    sizes: Sequence[int], text_mb: float, repeat: int, work: Path
) -> tuple[list[str], dict[int, dict[str, Run | None]]]:
    """Each command's CPU time at each size, beside the floor, and the growth exponent."""
    available = available_commands()
    names = ["yaml.load", *(name for name, _ in GROWTH_COMMANDS if available[name])]
    runs: dict[int, dict[str, Run | None]] = {}
    for size in sizes:
        times = 1 if size >= 1_000_000 else repeat  # the largest size runs once
        files = max(1, size // 1000)
        progress(f"growth: {size:,} claims over {files} files, {times} run(s) each")
        directory = generate(Spec(size, files, text_mb))
        row: dict[str, Run | None] = {
            "yaml.load": _median_run(python(FLOOR_LOAD, directory), times, "yaml.load")
        }
        for name, args in GROWTH_COMMANDS:
            if available[name]:
                argv = [a.replace("{out}", str(work)) for a in args]
                row[name] = _median_run(argmap_command(argv[0], directory, *argv[1:]), times, name)
        runs[size] = row

    def cpu(size: int, name: str) -> float | None:
        run = runs[size][name]
        return run.cpu if run is not None else None

    lines = ["| claims | " + " | ".join(names) + " |", "|" + "---|" * (len(names) + 1)]
    for size in sizes:
        cells = []
        floor = cpu(size, "yaml.load")
        for name in names:
            value = cpu(size, name)
            if value is None:
                cells.append("failed")
            elif name == "yaml.load" or not floor:
                cells.append(seconds(value))
            else:
                cells.append(f"{seconds(value)} ({value / floor:.2f})")
        lines.append(f"| {size:,} | " + " | ".join(cells) + " |")
    steps = [(sizes[0], sizes[-1])] if len(sizes) > 1 else []
    steps += [(sizes[-2], sizes[-1])] if len(sizes) > 2 else []
    for small, large in steps:
        cells = []
        for name in names:
            a, b = cpu(small, name), cpu(large, name)
            cells.append(f"n^{math.log(b / a) / math.log(large / small):.2f}" if a and b else "n/a")
        lines.append(f"| growth {small:,} → {large:,} | " + " | ".join(cells) + " |")
    missing = [name for name, ok in available.items() if not ok]
    if missing:
        lines += ["", f"Not measured (no such command yet): {', '.join(missing)}."]
    return lines, runs


def _median_run(argv: list[str | Path], times: int, name: str) -> Run | None:
    """The run of median CPU time, or None if the command failed."""
    done = []
    for _ in range(times):
        run = child(argv)
        if run.code not in (0, 1):
            progress(f"{name} failed ({run.code}): {run.err.strip()[-300:]}")
            return None
        done.append(run)
    return sorted(done, key=lambda r: r.cpu)[len(done) // 2]


def huge(size: int, runs: dict[str, Run | None]) -> list[Row]:
    """The largest map of the growth series: lint time against the floor and a minute."""
    lint, floor = runs.get("lint"), runs.get("yaml.load")
    if lint is None or floor is None:
        return [Row(f"`argmap lint`, {size:,} claims", "failed", "", "", "well under 60 s")]
    return [
        Row(
            f"`argmap lint`, {size:,} claims / {max(1, size // 1000)} files "
            f"(wall {seconds(lint.wall)}, peak RSS {mib(lint.rss)})",
            seconds(lint.cpu),
            f"process of yaml.load {seconds(floor.cpu)}",
            ratio(lint.cpu, floor.cpu),
            "well under 60 s",
        )
    ]


def table(rows: list[Row]) -> list[str]:
    lines = [
        "| figure | argmap | floor | ratio | target | spread |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r.figure} | {r.value} | {r.floor} | {r.ratio} | {r.target} | {r.spread} |"
        )
    return lines


def machine() -> str:
    import platform

    import yaml

    return (
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"PyYAML {yaml.__version__} (libyaml: {yaml.__with_libyaml__}), "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start"
    )


def _tools() -> dict[str, Any]:
    """What bench/exports.py measures with: this module's runners and formatting."""
    return {
        "Row": Row, "child": child, "python": python, "argmap_command": argmap_command,
        "generate": generate, "Spec": Spec, "FLOOR_LOAD": FLOOR_LOAD, "progress": progress,
        "seconds": seconds, "mib": mib, "ratio": ratio, "BENCH": BENCH,
    }  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, for CI (seconds)")
    parser.add_argument(
        "--sizes", help="claims per growth step, comma-separated (default 10^3 .. 10^6)"
    )
    parser.add_argument("--claims", type=int, help="claims of the throughput map (100000)")
    parser.add_argument("--files", type=int, help="files of the throughput map (100)")
    parser.add_argument("--text-mb", type=float, help="size of the big source text (4)")
    parser.add_argument("--repeat", type=int, help="runs per figure (3; 1 with --quick)")
    parser.add_argument(
        "--skip",
        default="",
        help="skip parts: throughput,quotes,startup,render,exports,iccma,growth",
    )
    args = parser.parse_args(argv)
    quick = args.quick
    claims = args.claims or (2000 if quick else 100_000)
    files = args.files or (20 if quick else 100)
    text_mb = args.text_mb or (0.2 if quick else 4.0)
    repeat = args.repeat or (1 if quick else 3)
    default_sizes = "200,2000" if quick else "1000,10000,100000,1000000"
    sizes = sorted(int(s) for s in (args.sizes or default_sizes).split(","))
    quote_counts = (200, 800) if quick else (10_000, 40_000)
    skip = set(filter(None, args.skip.split(",")))
    started = time.perf_counter()
    progress(machine())
    rows: list[Row] = []
    growth_lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="argmap-bench-") as scratch:
        work = Path(scratch)
        directory = generate(Spec(claims, files, text_mb))
        if "throughput" not in skip:
            rows += throughput(directory, claims, files, repeat)
        if "quotes" not in skip:
            rows += quote_checks(directory / "texts" / "s0.txt", quote_counts, repeat)
        if "startup" not in skip:
            rows += start_up(max(repeat, 3 if quick else 10))
        if "render" not in skip:
            rows += rendering(max(repeat, 2 if quick else 5), work)
            rows += focused_rendering(directory, claims, repeat, work)
        big = sizes if quick else [s for s in sizes if s >= 100_000]  # 10^5 and 10^6
        if "exports" not in skip:
            rows += export_rows(big, text_mb, repeat, work, _tools())
        if "iccma" not in skip:
            arguments = [2000] if quick else [s for s in sizes if s >= 100_000]
            rows += iccma_rows(arguments, repeat, work, _tools())
        if "growth" not in skip:
            growth_lines, growth_runs = growth(sizes, text_mb, repeat, work)
            if max(sizes) > claims:
                rows += huge(max(sizes), growth_runs[max(sizes)])
    print(f"Machine: {machine()}. Median of {repeat} run(s); spread = ±(max-min)/2/median.\n")
    print("\n".join(table(rows)))
    if growth_lines:
        print("\nCPU time of each command (in brackets: ratio to yaml.load of the same files):\n")
        print("\n".join(growth_lines))
    progress(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
