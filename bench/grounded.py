"""Benchmark: grounded labelling on generated frameworks of 10^4, 10^5 and 10^6 arguments.

Not a test: it prints a table of times, the time per argument and per item
(argument or attack), for two shapes of framework, so that linear growth shows
(docs/semantics.md quotes the figures). "build" makes the ``Framework`` (names,
compressed attack rows); "label" is ``labelling(framework, "grounded")``, the
labels dictionary included; the best of ``--repeat`` runs is kept.

- ``chain``: a1 attacks a2 attacks a3 ...: labels alternate in, out, in, ... down
  the chain; a fixed-point iteration would take one round per argument.
- ``random``: each argument attacks three others chosen at random (seeded): a
  large grounded part and a large undecided part.

    .venv/bin/python bench/grounded.py                 # 10^4, 10^5, 10^6
    .venv/bin/python bench/grounded.py --max-size 10000   # CI: small and quick
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from collections.abc import Callable, Mapping

from argmap.analysis.framework import Framework
from argmap.analysis.semantics import labelling

SIZES = (10**4, 10**5, 10**6)
RANDOM_OUT_DEGREE = 3


def chain(size: int, _seed: int) -> Framework:
    """a1 -> a2 -> ... -> a<size>."""
    return Framework.from_indices(
        [f"a{i + 1}" for i in range(size)], range(size - 1), range(1, size)
    )


def random_framework(size: int, seed: int) -> Framework:
    """Each argument attacks RANDOM_OUT_DEGREE arguments drawn uniformly (self-attacks too)."""
    rng = random.Random(seed)
    sources = [i for i in range(size) for _ in range(RANDOM_OUT_DEGREE)]
    targets = [rng.randrange(size) for _ in sources]
    return Framework.from_indices([f"a{i + 1}" for i in range(size)], sources, targets)


SHAPES: dict[str, Callable[[int, int], Framework]] = {"chain": chain, "random": random_framework}


def measure(shape: str, size: int, seed: int, repeat: int) -> dict[str, float | int | str]:
    """Build once, then label ``repeat`` times; the best labelling time is kept."""
    gc.collect()
    start = time.perf_counter()
    framework = SHAPES[shape](size, seed)
    built = time.perf_counter() - start
    best = float("inf")
    labels: Mapping[str, str] = {}
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        labels = labelling(framework, "grounded")
        best = min(best, time.perf_counter() - start)
    counts = {label: 0 for label in ("in", "out", "undec")}
    for label in labels.values():
        counts[label] += 1
    return {
        "shape": shape,
        "arguments": size,
        "attacks": framework.attack_count,
        "build_s": built,
        "label_s": best,
        "us_per_argument": best / size * 1e6,
        "ns_per_item": best / (size + framework.attack_count) * 1e9,
        "in": counts["in"],
        "out": counts["out"],
        "undec": counts["undec"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--max-size", type=int, default=SIZES[-1], help="largest framework (default 10^6)"
    )
    parser.add_argument("--shape", choices=sorted(SHAPES), action="append", help="repeatable")
    parser.add_argument("--repeat", type=int, default=3, help="labellings per size; best kept")
    parser.add_argument("--seed", type=int, default=1936)
    args = parser.parse_args(argv)
    sizes = [s for s in SIZES if s <= args.max_size] or [args.max_size]
    print(
        f"{'shape':<7} {'arguments':>10} {'attacks':>10} {'build s':>8} {'label s':>8} "
        f"{'us/arg':>7} {'ns/(arg+att)':>12} {'in':>8} {'out':>8} {'undec':>8}"
    )
    for shape in args.shape or sorted(SHAPES):
        for size in sizes:
            row = measure(shape, size, args.seed, args.repeat)
            print(
                f"{row['shape']:<7} {row['arguments']:>10} {row['attacks']:>10} "
                f"{row['build_s']:>8.3f} {row['label_s']:>8.3f} {row['us_per_argument']:>7.2f} "
                f"{row['ns_per_item']:>12.0f} "
                f"{row['in']:>8} {row['out']:>8} {row['undec']:>8}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
