"""Choosing which claims a diagram shows: a focus, parties, tags, unanswered allegations.

``select(map, ...)`` returns a set of claim ids; a drawing takes it as
``DiagramOptions(claims=...)`` and still judges every claim on the whole map.

- ``focus`` and ``depth``: the claims at most ``depth`` relations away from the focus,
  whatever the direction (an undercut links its author to both ends of the relation
  it attacks).
- ``parties``, ``tags``, ``only_unanswered``: the claims of those parties, with one
  of those tags, or the unanswered allegations, each with its *answer chain*: the
  claims that rebut, undercut or support it, and theirs in turn (everything that is
  argued about it), plus the claims it directly supports or attacks (what it is for; both ends of a
  relation it undercuts).

Every option narrows the view: the selection is the intersection of what each asks.
"""

from __future__ import annotations

import difflib
from collections import deque
from collections.abc import Collection, Iterable

from argmap.model import ArgMap

__all__ = ["LAYOUT_LIMIT", "SelectionError", "neighbourhood", "select", "size_problem"]

LAYOUT_LIMIT = 300
"""Claims beyond which a drawing is no longer readable (and Graphviz gets slow)."""


class SelectionError(ValueError):
    """An option names something the map does not have: one line, with suggestions."""


def select(
    amap: ArgMap,
    *,
    focus: str | None = None,
    depth: int = 2,
    parties: Collection[str] = (),
    tags: Collection[str] = (),
    only_unanswered: bool = False,
) -> set[str]:
    """The ids of the claims to draw (all of them when no option is given)."""
    chosen = set(amap.claim_by_id)
    if focus is not None:
        chosen &= neighbourhood(amap, focus, depth)
    seeds: set[str] | None = None
    if parties:
        _check_known(
            "party", parties, [p.id for p in amap.parties] + [c.party for c in amap.claims]
        )
        seeds = {c.id for c in amap.claim_by_id.values() if c.party in parties}
    if tags:
        _check_known("tag", tags, [t for c in amap.claims for t in c.tags])
        tagged = {c.id for c in amap.claim_by_id.values() if set(c.tags) & set(tags)}
        seeds = tagged if seeds is None else seeds & tagged
    if only_unanswered:
        from argmap.relations import relations_of

        open_ids = set(relations_of(amap).unanswered_ids())
        seeds = open_ids if seeds is None else seeds & open_ids
    if seeds is not None:
        chosen &= answer_chains(amap, seeds)
    return chosen


def neighbourhood(amap: ArgMap, focus: str, depth: int) -> set[str]:
    """Claims at most ``depth`` relations from ``focus``, in either direction."""
    if focus not in amap.claim_by_id:
        raise SelectionError(f"no claim {focus!r} in the map{_suggest(focus, amap.claim_by_id)}")
    if depth < 0:
        raise SelectionError(f"--depth must be 0 or more, not {depth}")
    adjacent = _adjacency(amap)
    seen = {focus: 0}
    queue = deque([focus])
    while queue:
        current = queue.popleft()
        if seen[current] == depth:
            continue
        for other in adjacent.get(current, ()):
            if other not in seen:
                seen[other] = seen[current] + 1
                queue.append(other)
    return set(seen)


def answer_chains(amap: ArgMap, seeds: Iterable[str]) -> set[str]:
    """``seeds``, everything argued about them (transitively), and what they directly target."""
    arguing = _arguments_about(amap)
    chosen = set(seeds)
    queue = deque(chosen)
    while queue:
        for other in arguing.get(queue.popleft(), ()):
            if other not in chosen:
                chosen.add(other)
                queue.append(other)
    for claim_id in list(seeds):
        claim = amap.claim_by_id.get(claim_id)
        if claim is None:
            continue
        chosen.update(r.target for r in (*claim.supports, *claim.rebuts))
        for undercut in claim.undercuts:  # both ends, so the attacked relation is drawn
            chosen.update((undercut.source, undercut.target))
    return chosen & set(amap.claim_by_id)


def size_problem(count: int, limit: int = LAYOUT_LIMIT) -> str | None:
    """Why ``count`` claims are too many to draw readably, with what to do; else ``None``."""
    if count <= limit:
        return None
    return (
        f"{count} claims are too many to lay out readably (the limit is {limit}): "
        "draw part of the map with --focus ID --depth N, --party or --tag, "
        "cluster it with --group, or pass --force to draw it anyway"
    )


def _adjacency(amap: ArgMap) -> dict[str, set[str]]:
    """Claim id -> the claims one relation or undercut away, in either direction."""
    from argmap.relations import relations_of

    relations = relations_of(amap)
    adjacent: dict[str, set[str]] = {}

    def link(a: str, b: str) -> None:
        adjacent.setdefault(a, set()).add(b)
        adjacent.setdefault(b, set()).add(a)

    for source, target, _ in relations.edges():
        link(source, target)
    for (source, target), undercutters in relations.undercut_relations().items():
        for claim in undercutters:
            link(claim.id, source)
            link(claim.id, target)
    return adjacent


def _arguments_about(amap: ArgMap) -> dict[str, set[str]]:
    """Claim id -> the claims that support, rebut or undercut (a relation ending at) it."""
    from argmap.relations import relations_of

    relations = relations_of(amap)
    about: dict[str, set[str]] = {}
    for claim_id in amap.claim_by_id:
        found = {c.id for c in (*relations.supporters(claim_id), *relations.attackers(claim_id))}
        if found:
            about[claim_id] = found
    return about


def _check_known(what: str, wanted: Iterable[str], known: Iterable[str]) -> None:
    names = sorted(set(known))
    for name in wanted:
        if name not in names:
            shown = ", ".join(names[:20]) + (", ..." if len(names) > 20 else "")
            raise SelectionError(
                f"no {what} {name!r} in the map{_suggest(name, names)}"
                + (f" ({what}s: {shown})" if names and not _close(name, names) else "")
            )


def _close(name: str, names: Iterable[str]) -> list[str]:
    return difflib.get_close_matches(name, list(names), n=3, cutoff=0.6)


def _suggest(name: str, names: Iterable[str]) -> str:
    close = _close(name, names)
    if not close:
        return ""
    return " (did you mean " + " or ".join(repr(c) for c in close) + "?)"
