"""The floor for ``argmap analyse FILE.i23 --semantics grounded``: a plain linear solver.

It does the same job with nothing else: read an ICCMA 2023 file (``p af N``, ``i j``
lines, ``#`` comments) in bulk, compute the grounded labelling by counting each
argument's attackers not yet out (one pass over the attacks, linear), and print the
arguments in, out and undecided. No validation beyond what ``int`` does, no names,
no error messages: what no careful tool can go below.

    python bench/reference_grounded.py FILE.i23
"""

from __future__ import annotations

import sys
from array import array


def main(path: str) -> None:
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle.read().split("\n") if not line.startswith("#")]
    header = next(i for i, line in enumerate(lines) if line.strip())
    size = int(lines[header].split()[2])
    numbers = array("i", map(int, "\n".join(lines[header + 1 :]).split()))
    sources, targets = numbers[0::2], numbers[1::2]
    starts = array("i", bytes(4 * (size + 2)))
    for source in sources:
        starts[source + 1] += 1
    for i in range(1, size + 2):
        starts[i] += starts[i - 1]
    rows = array("i", bytes(4 * len(targets)))
    fill = starts[:]
    for source, target in zip(sources, targets, strict=True):
        rows[fill[source]] = target
        fill[source] += 1
    attackers = array("i", bytes(4 * (size + 1)))
    for target in targets:
        attackers[target] += 1
    label = bytearray(size + 1)  # 0 undecided, 1 in, 2 out
    queue = [a for a in range(1, size + 1) if attackers[a] == 0]
    while queue:
        argument = queue.pop()
        label[argument] = 1
        for attacked in rows[starts[argument] : starts[argument + 1]]:
            if label[attacked] != 2:
                label[attacked] = 2
                for next_target in rows[starts[attacked] : starts[attacked + 1]]:
                    attackers[next_target] -= 1
                    if attackers[next_target] == 0 and label[next_target] == 0:
                        queue.append(next_target)
    for name, value in (("in", 1), ("out", 2), ("undecided", 0)):
        members = [str(a) for a in range(1, size + 1) if label[a] == value]
        sys.stdout.write(f"{name} ({len(members)}): {', '.join(members)}\n")


if __name__ == "__main__":
    main(sys.argv[1])
