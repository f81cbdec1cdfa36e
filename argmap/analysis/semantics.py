"""Which arguments stand: Dung's semantics as labellings and extensions.

- ``labelling(framework, "grounded")``: each argument ``"in"``, ``"out"`` or
  ``"undec"``, in time linear in the framework's size. A worklist holds the
  arguments whose attackers are all out; taking one in puts what it attacks out,
  and each argument put out lowers the count of live attackers of its targets.
  Every argument and attack is handled at most twice: no fixed-point iteration.
- ``extensions(framework, semantics, timeout)``: every complete, preferred or
  stable extension, from clingo (``argmap.analysis.asp``); grounded directly.
- A labelling of an extension: ``in`` its arguments, ``out`` what it attacks,
  ``undec`` the rest. For semantics with several extensions, ``labelling`` is the
  sceptical one: ``in`` (``out``) where every extension says so, else ``undec``.
- ``claim_labels(amap)`` and ``allegation_status(amap)``: the same for a map, as
  the renderer and the handouts use them.

Grounded semantics is a property of the graph, not a finding of fact: whoever
speaks last wins, nothing is weighed. ``LABELS_DO_NOT_MEASURE`` says so in one
sentence, for every output that shows labels to readers.
"""

from __future__ import annotations

import operator
from array import array
from collections.abc import Iterable, Mapping
from itertools import compress, islice
from typing import Literal, TypedDict

from argmap.analysis.asp import SolverTimeout, SolverUnavailable
from argmap.analysis.framework import Framework, Mode, from_map
from argmap.model import ArgMap, Claim
from argmap.relations import acknowledgement, relations_of

Label = Literal["in", "out", "undec"]
LABELS: tuple[Label, ...] = ("in", "out", "undec")
Semantics = Literal["grounded", "complete", "preferred", "stable"]
SEMANTICS: tuple[Semantics, ...] = ("grounded", "complete", "preferred", "stable")
DEFAULT_TIMEOUT = 60.0

LABELS_DO_NOT_MEASURE = (
    "These labels are a property of the graph, not a finding of fact: they do not measure "
    "the strength of the evidence (nothing is weighed), and whoever speaks last wins, "
    "since an attack that nobody answers defeats what it attacks."
)
"""The sentence that goes with labels wherever they reach readers."""

__all__ = [
    "DEFAULT_TIMEOUT",
    "LABELS",
    "LABELS_DO_NOT_MEASURE",
    "SEMANTICS",
    "AllegationStatus",
    "Label",
    "Semantics",
    "SolverTimeout",
    "SolverUnavailable",
    "acknowledges_unanswered",
    "allegation_status",
    "argument_order",
    "claim_labels",
    "extensions",
    "grounded_extension",
    "labelling",
    "labelling_of",
    "sceptical_labelling",
    "sorted_arguments",
]

_UNDEC, _IN, _OUT = 0, 1, 2
_NAMES: tuple[Label, Label, Label] = ("undec", "in", "out")


def _grounded_codes(framework: Framework) -> bytearray:
    """Per argument index: 1 in, 2 out, 0 undec, for the grounded labelling.

    An attack listed twice is counted twice and uncounted twice, so repeats need not
    be removed first (``Framework.attack_rows``).
    """
    starts, targets = framework.attack_rows
    size = len(framework)
    live_attackers = array("i", bytes(4 * size))
    for target in targets:
        live_attackers[target] += 1
    codes = bytearray(size)
    worklist = [i for i in range(size) if live_attackers[i] == 0]
    for argument in worklist:
        codes[argument] = _IN
    while worklist:
        accepted = worklist.pop()
        for defeated in targets[starts[accepted] : starts[accepted + 1]]:
            if codes[defeated] != _UNDEC:
                continue
            codes[defeated] = _OUT
            for target in targets[starts[defeated] : starts[defeated + 1]]:
                if codes[target] == _UNDEC:
                    live_attackers[target] -= 1
                    if live_attackers[target] == 0:
                        codes[target] = _IN
                        worklist.append(target)
    return codes


def grounded_extension(framework: Framework) -> frozenset[str]:
    """The grounded extension: the least complete extension (linear time)."""
    codes = _grounded_codes(framework)
    return frozenset(compress(framework.arguments, map(_IN.__eq__, codes)))


def labelling_of(framework: Framework, extension: Iterable[str]) -> dict[str, Label]:
    """``in`` the extension's arguments, ``out`` those it attacks, ``undec`` the rest."""
    members = {framework.index(a) for a in extension}
    starts, targets = framework.attack_rows  # a repeated attack marks its target out twice
    codes = bytearray(len(framework))
    for i in members:
        codes[i] = _IN
    for i in members:
        for target in targets[starts[i] : starts[i + 1]]:
            if codes[target] == _UNDEC:
                codes[target] = _OUT
    return _as_labels(framework, codes)


def _as_labels(framework: Framework, codes: bytearray) -> dict[str, Label]:
    return dict(zip(framework.arguments, map(_NAMES.__getitem__, codes), strict=True))


def extensions(
    framework: Framework, semantics: str, timeout: float = DEFAULT_TIMEOUT
) -> list[frozenset[str]]:
    """Every extension of ``semantics``, sorted; grounded has exactly one.

    Complete, preferred and stable extensions come from clingo, within ``timeout``
    seconds; ``SolverTimeout`` (with the extensions found so far in ``found``) when
    the limit is reached, ``SolverUnavailable`` when clingo is not installed.
    """
    _check(semantics)
    if semantics == "grounded":
        return [grounded_extension(framework)]
    from argmap.analysis.asp import solve

    found = solve(framework, semantics, timeout)
    return sorted(found, key=lambda e: sorted(e, key=argument_order))


def labelling(
    framework: Framework, semantics: str = "grounded", timeout: float = DEFAULT_TIMEOUT
) -> dict[str, Label]:
    """One label per argument: grounded, or the sceptical labelling of ``semantics``."""
    _check(semantics)
    if semantics == "grounded":
        return _as_labels(framework, _grounded_codes(framework))
    found = extensions(framework, semantics, timeout)
    return sceptical_labelling(framework.arguments, [labelling_of(framework, e) for e in found])


def sceptical_labelling(
    arguments: Iterable[str], labellings: list[dict[str, Label]]
) -> dict[str, Label]:
    """``in`` (``out``) where every labelling agrees, ``undec`` otherwise or with none."""
    result: dict[str, Label] = {}
    for argument in arguments:
        seen = {labels[argument] for labels in labellings}
        result[argument] = seen.pop() if len(seen) == 1 else "undec"
    return result


def argument_order(name: str) -> tuple[int, int, str]:
    """Sort key: numbers (ICCMA 2023 arguments) numerically, before names."""
    return (0, int(name), name) if name.isascii() and name.isdigit() else (1, 0, name)


def sorted_arguments(names: Iterable[str]) -> list[str]:
    """``names`` in ``argument_order``; plain numbers (ICCMA 2023) take a faster key."""
    listed = list(names)
    joined = "".join(listed)
    if all(listed) and joined.isascii() and joined.isdigit():  # every name a plain number
        numbers = list(map(int, listed))
        if all(map(operator.lt, numbers, islice(numbers, 1, None))):
            return listed  # already in order, as a framework read from ICCMA 2023 is
        return [name for _, name in sorted(zip(numbers, listed, strict=True))]
    return sorted(listed, key=argument_order)


def _check(semantics: str) -> None:
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r} (must be one of {list(SEMANTICS)})")


def claim_labels(
    amap: ArgMap,
    semantics: str = "grounded",
    mode: Mode = "bipolar",
    timeout: float = DEFAULT_TIMEOUT,
) -> dict[str, Label]:
    """Claim id -> ``in``/``out``/``undec`` for the map read as a framework (``from_map``).

    With several extensions (complete, preferred, stable) the label is sceptical.
    """
    translated = from_map(amap, mode)
    labels = labelling(translated.framework, semantics, timeout)
    return {claim: labels[claim] for claim in amap.claim_by_id}


class AllegationStatus(TypedDict):
    """What lint says of an allegation, and whether it still stands."""

    answered: bool
    """A claim of the party that must answer rebuts or undercuts it (lint's AM201)."""
    acknowledged: bool
    """Unanswered, and the claim acknowledges it with ``ignore: {AM201: reason}``."""
    label: Label
    """The allegation's label in the graph (nothing is weighed; see ``LABELS_DO_NOT_MEASURE``)."""
    answers: list[str]
    """The claims that answer it, in map order."""


def allegation_status(
    amap: ArgMap,
    semantics: str = "grounded",
    mode: Mode = "bipolar",
    timeout: float = DEFAULT_TIMEOUT,
    labels: Mapping[str, Label] | None = None,
) -> dict[str, AllegationStatus]:
    """Allegation id -> answered (as lint sees it) and its label.

    An allegation that is answered and still ``in`` stands because its answers were
    themselves defeated (or their inference undercut). ``labels`` (claim id -> label)
    saves computing them again when the caller has them.
    """
    rel = relations_of(amap)
    if labels is None:
        labels = claim_labels(amap, semantics, mode, timeout)
    status: dict[str, AllegationStatus] = {}
    for claim in amap.claim_by_id.values():
        if not claim.is_allegation:
            continue
        found = rel.status(claim)
        status[claim.id] = {
            "answered": not found.is_open,
            "acknowledged": found.status == "acknowledged",
            "label": labels[claim.id],
            "answers": [a.id for a in found.answers],
        }
    return status


def acknowledges_unanswered(claim: Claim) -> bool:
    """Whether the claim's ``ignore`` acknowledges AM201 (by code or by rule name), as lint does."""
    return acknowledgement(claim) is not None
