"""Placing a claim beside what it argues about: the nearest linked claim's place.

The overview puts an untagged claim in the line of argument of the nearest tagged
claim it is linked to; the timeline puts an undated claim in the column of the
nearest dated one. Both spread known places over the links, breadth first.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from typing import TypeVar

from argmap.model import Claim

__all__ = ["neighbours", "spread"]

T = TypeVar("T")


def spread(placed: dict[str, T], adjacent: Mapping[str, list[str]]) -> None:
    """Give each claim not in ``placed`` the value of its nearest placed neighbour
    (breadth first, in map order, so the result does not vary from run to run)."""
    queue = deque(placed)
    while queue:
        current = queue.popleft()
        for other in adjacent.get(current, ()):
            if other not in placed:
                placed[other] = placed[current]
                queue.append(other)


def neighbours(claims: Iterable[Claim]) -> dict[str, list[str]]:
    """Claim id -> the ids of ``claims`` it supports, rebuts or undercuts towards, or
    that do so towards it (links to claims outside ``claims`` are left out)."""
    chosen = list(claims)
    known = {c.id for c in chosen}
    adjacent: dict[str, list[str]] = {}
    for claim in chosen:
        targets = [r.target for r in (*claim.supports, *claim.rebuts)]
        targets += [u.target for u in claim.undercuts]
        for target in targets:
            if target in known and target != claim.id:
                adjacent.setdefault(target, []).append(claim.id)
                adjacent.setdefault(claim.id, []).append(target)
    return adjacent
