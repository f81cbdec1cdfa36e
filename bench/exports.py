"""Exports and ICCMA analyses beside their floors (issue 19), for bench/run.py.

- Each ``argmap export --to FORMAT`` of a generated map: CPU time against a process
  that loads the same files with ``yaml.load`` (the floor of reading them), and peak
  memory against ``argmap lint`` of the same map.
- ``argmap analyse FILE --semantics grounded`` of a random framework (N arguments,
  4N attacks) in each ICCMA format: CPU time and peak memory against
  ``bench/reference_grounded.py`` (a plain linear parse, label, print of the i23 file),
  whose answer it must give (checked on the i23 run).
"""

from __future__ import annotations

import random
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

FORMATS = ("json", "aif", "graphml", "argdown", "apx", "tgf", "i23")
ICCMA = ("i23", "apx", "tgf")


def write_framework(size: int, directory: Path, seed: int = 19) -> dict[str, Path]:
    """A random framework (``size`` arguments, ``4 * size`` attacks) in each ICCMA format."""
    from argmap.analysis.framework import Framework
    from argmap.formats.iccma import generate_apx, generate_tgf

    rng = random.Random(seed)
    pairs = [(rng.randrange(size), rng.randrange(size)) for _ in range(4 * size)]
    paths = {fmt: directory / f"er_{size}_{4 * size}.{fmt}" for fmt in ICCMA}
    body = "".join(f"{a + 1} {b + 1}\n" for a, b in pairs)
    paths["i23"].write_text(f"p af {size}\n{body}", encoding="utf-8")
    framework = Framework.from_indices(
        [str(i) for i in range(1, size + 1)], [a for a, _ in pairs], [b for _, b in pairs]
    )
    paths["apx"].write_text(generate_apx(framework), encoding="utf-8")
    paths["tgf"].write_text(generate_tgf(framework), encoding="utf-8")
    return paths


def _median(runs: list[Any]) -> Any:
    return sorted(runs, key=lambda r: r.cpu)[len(runs) // 2]


def export_rows(
    sizes: Sequence[int], text_mb: float, repeat: int, work: Path, tools: dict[str, Any]
) -> list[Any]:
    """A row per export and size: CPU against the load floor, peak RSS against lint."""
    Row, child, python, argmap_command = (
        tools[k] for k in ("Row", "child", "python", "argmap_command")
    )
    generate, Spec, FLOOR_LOAD, progress = (
        tools[k] for k in ("generate", "Spec", "FLOOR_LOAD", "progress")
    )
    seconds, mib, ratio = tools["seconds"], tools["mib"], tools["ratio"]
    rows = []
    for size in sizes:
        times = 1 if size >= 1_000_000 else repeat
        files = max(1, size // 1000)
        progress(f"exports: {size:,} claims over {files} files, {times} run(s) each")
        directory = generate(Spec(size, files, text_mb))
        floor = _median([child(python(FLOOR_LOAD, directory)) for _ in range(times)])
        lint = _median(
            [child(argmap_command("lint", directory, "--no-config")) for _ in range(times)]
        )
        for fmt in FORMATS:
            out = work / f"export.{fmt}"
            argv = argmap_command("export", directory, "--no-config", "--to", fmt, "-o", out)
            runs = [child(argv) for _ in range(times)]
            run = _median(runs)
            if run.code != 0:
                rows.append(Row(f"`export --to {fmt}`, {size:,} claims", "failed",
                                run.err.strip()[-120:], "", "≤ 1.5"))  # fmt: skip
                continue
            megabytes = out.stat().st_size / 2**20
            out.unlink()
            rows.append(
                Row(
                    f"`export --to {fmt}`, {size:,} claims ({megabytes:,.0f} MiB written; "
                    f"peak RSS {mib(run.rss)}, {ratio(run.rss, lint.rss)} of lint's "
                    f"{mib(lint.rss)})",
                    seconds(run.cpu),
                    f"process of yaml.load {seconds(floor.cpu)}",
                    ratio(run.cpu, floor.cpu),
                    "≤ 1.5 (CPU and RSS)",
                    f"±{(max(r.cpu for r in runs) - min(r.cpu for r in runs)) / 2 / run.cpu:.0%}"
                    if len(runs) > 1
                    else "",
                )
            )
    return rows


def iccma_rows(sizes: Sequence[int], repeat: int, work: Path, tools: dict[str, Any]) -> list[Any]:
    """A row per ICCMA format and size: ``argmap analyse`` against the reference solver."""
    Row, child, argmap_command, progress = (
        tools[k] for k in ("Row", "child", "argmap_command", "progress")
    )
    seconds, mib, ratio = tools["seconds"], tools["mib"], tools["ratio"]
    reference_solver = Path(__file__).resolve().parent / "reference_grounded.py"
    rows = []
    for size in sizes:
        times = 1 if size >= 1_000_000 else repeat
        progress(f"ICCMA: {size:,} arguments, {4 * size:,} attacks, {times} run(s) each")
        paths = write_framework(size, work)
        reference = [child([sys.executable, reference_solver, paths["i23"]]) for _ in range(times)]
        floor = _median(reference)
        expected = _labels(floor.out)
        for fmt in ICCMA:
            runs = [
                child(argmap_command("analyse", paths[fmt], "--semantics", "grounded"))
                for _ in range(times)
            ]
            run = _median(runs)
            same = _labels(run.out) == expected if fmt == "i23" else None
            answer = "" if same is None else ("; same answer" if same else "; ANSWER DIFFERS")
            rows.append(
                Row(
                    f"`analyse {paths[fmt].name} --semantics grounded` (peak RSS "
                    f"{mib(run.rss)}{answer})",
                    seconds(run.cpu) if run.code == 0 else "failed",
                    f"reference solver on the i23 file {seconds(floor.cpu)} (RSS {mib(floor.rss)})",
                    ratio(run.cpu, floor.cpu),
                    "≤ 1.5" if fmt == "i23" else "",
                    spread_of([r.cpu for r in runs]),
                )
            )
        for path in paths.values():
            path.unlink()
    return rows


def spread_of(values: list[float]) -> str:
    if len(values) < 2:
        return ""
    return f"±{(max(values) - min(values)) / 2 / statistics.median(values):.0%}"


def _labels(text: str) -> dict[str, set[str]]:
    """The in / out / undecided sets of a grounded answer (argmap's text or the reference's)."""
    found: dict[str, set[str]] = {}
    for line in text.splitlines():
        head, colon, rest = line.strip().partition(":")
        name = head.split(" (")[0].strip().lower()[:5]  # "undec" or "undecided"
        if colon and name in ("in", "out", "undec"):
            found[name] = {a.strip() for a in rest.split(",") if a.strip()}
    return found
