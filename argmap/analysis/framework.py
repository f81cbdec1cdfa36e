"""Abstract argumentation frameworks, and the translation of a map into one.

A framework (Dung 1995) is a set of arguments and an attack relation between them.
``Framework`` keeps arguments in the order given and attacks as adjacency lists of
indices, so that the algorithms of ``argmap.analysis.semantics`` run in time linear
in its size.

``from_map(amap, mode)`` reads a map as a framework (docs/semantics.md has the
details, with examples):

- every claim is an argument; a rebuttal ``A rebuts B`` is the attack ``A -> B``;
- a relation ``A -> B`` that some claim undercuts gets an *inference argument*
  named ``A->B`` (as in AIF and ASPIC+): it stands only while ``A`` stands and
  every undercutter falls. ``A`` attacks an auxiliary ``~A`` ("A does not stand"),
  which attacks the inference; each undercutter attacks the inference. An undercut
  rebuttal's attack on ``B`` is carried by its inference argument;
- ``mode="bipolar"`` adds the derived attacks of bipolar frameworks (Cayrol and
  Lagasquie-Schiex 2005): *supported* attacks (``a`` supports, possibly through a
  chain of supports, a claim that attacks ``c``: ``a`` attacks ``c``) and
  *secondary* attacks (``c`` attacks ``a``, and ``a`` supports, possibly through a
  chain, ``b``: ``c`` attacks ``b``). A derived attack that runs through undercut
  relations holds only while their undercutters fall: it is carried by an argument
  attacked by them, so a claim whose every support is undercut loses what those
  supports gave it. ``mode="attack-only"`` is the plain reading: rebuttals and
  undercuts only.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from argmap.model import ArgMap
from argmap.relations import Edge, relations_of

Mode = Literal["bipolar", "attack-only"]
MODES: tuple[Mode, ...] = ("bipolar", "attack-only")
Role = Literal["claim", "inference", "auxiliary", "carrier"]

MAX_DERIVED_ATTACKS = 2_000_000
"""Beyond this many derived attacks (long chains of supports), the bipolar reading stops."""


class FrameworkTooLarge(ValueError):
    """The bipolar reading of a map would derive more attacks than ``MAX_DERIVED_ATTACKS``."""


Condition = frozenset[Edge]
"""The undercut relations an attack runs through: it holds while their undercutters fall."""


class Framework:
    """Arguments (names, unique, in the order given) and the attacks between them.

    Attacks naming an argument that is not in the framework raise ``ValueError``;
    repeated attacks are kept once. Two frameworks are equal when they have the same
    arguments and the same attacks, in whatever order. Attacks are stored as
    compressed rows of indices (``adjacency``): compact and cache-friendly, so that a
    million arguments fit in tens of megabytes.
    """

    __slots__ = ("_arguments", "_index", "_rows", "_unique_rows")

    def __init__(
        self, arguments: Iterable[str] = (), attacks: Iterable[tuple[str, str]] = ()
    ) -> None:
        names = tuple(dict.fromkeys(arguments))
        index = _name_positions(names)
        sources, targets = array("i"), array("i")
        for attacker, attacked in attacks:
            source, target = index.get(attacker), index.get(attacked)
            if source is None or target is None:
                missing = attacker if source is None else attacked
                raise ValueError(
                    f"attack ({attacker!r}, {attacked!r}) names {missing!r}, "
                    "which is not an argument of the framework"
                )
            sources.append(source)
            targets.append(target)
        self._arguments = names
        self._index: dict[str, int] | None = index
        self._rows = _grouped_rows(len(names), sources, targets)
        self._unique_rows: tuple[array[int], array[int]] | None = None

    @classmethod
    def from_indices(
        cls,
        arguments: Sequence[str],
        sources: Sequence[int],
        targets: Sequence[int],
        base: int = 0,
    ) -> Framework:
        """A framework from argument names and attacks as index pairs (fast).

        Indices count from ``base``: 0, or 1 as in ICCMA 2023 files.
        """
        names = tuple(arguments)
        if len(set(names)) != len(names):
            index = _name_positions(names)
            duplicate = next(n for i, n in enumerate(names) if index[n] != i)
            raise ValueError(f"argument {duplicate!r} is named twice")
        if len(sources) != len(targets):
            raise ValueError("sources and targets differ in length")
        size = len(names)
        last = size - 1 + base
        for indices in (sources, targets):
            if indices and (min(indices) < base or max(indices) > last):
                bad = next(i for i in indices if not base <= i <= last)
                raise ValueError(f"attack index {bad} is outside {base}..{last}")
        framework = cls.__new__(cls)
        framework._arguments = names
        framework._index = None  # built when a name is first looked up
        framework._rows = _grouped_rows(size, sources, targets, base)
        framework._unique_rows = None
        return framework

    @property
    def arguments(self) -> tuple[str, ...]:
        return self._arguments

    @property
    def adjacency(self) -> tuple[array[int], array[int]]:
        """(starts, targets): argument i attacks ``targets[starts[i]:starts[i + 1]]``.

        Each attack once. Read only; shared with the framework, not copied.
        """
        if self._unique_rows is None:
            self._unique_rows = _without_repeats(*self._rows)
        return self._unique_rows

    @property
    def attack_rows(self) -> tuple[array[int], array[int]]:
        """Like ``adjacency``, but an attack given twice may be listed twice.

        For algorithms that count attacks and uncount them the same way (the
        grounded labelling): they need not pay for removing repeats.
        """
        return self._rows

    def index(self, argument: str) -> int:
        """The position of ``argument`` (``KeyError`` if it is not in the framework)."""
        return self._positions()[argument]

    def _positions(self) -> dict[str, int]:
        """Name -> position, built on first use (a solver reading indices never needs it)."""
        if self._index is None:
            self._index = _name_positions(self._arguments)
        return self._index

    def targets_of(self, argument: str) -> list[str]:
        """The arguments that ``argument`` attacks."""
        i = self.index(argument)
        names = self._arguments
        starts, targets = self.adjacency
        return [names[t] for t in targets[starts[i] : starts[i + 1]]]

    def attackers(self, argument: str) -> list[str]:
        """The arguments that attack ``argument`` (linear in the framework's size)."""
        return [a for a, b in self.attacks() if b == argument]

    def attacks(self) -> Iterator[tuple[str, str]]:
        """Every attack as (attacker, attacked), grouped by attacker in argument order."""
        names = self._arguments
        starts, targets = self.adjacency
        for source, name in enumerate(names):
            for k in range(starts[source], starts[source + 1]):
                yield name, names[targets[k]]

    @property
    def attack_count(self) -> int:
        return len(self.adjacency[1])

    def __len__(self) -> int:
        return len(self._arguments)

    def __contains__(self, argument: object) -> bool:
        return argument in self._positions()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Framework):
            return NotImplemented
        return set(self._arguments) == set(other._arguments) and set(self.attacks()) == set(
            other.attacks()
        )

    def __hash__(self) -> int:
        return hash((frozenset(self._arguments), frozenset(self.attacks())))

    def __repr__(self) -> str:
        return f"Framework({len(self)} arguments, {self.attack_count} attacks)"


def _name_positions(names: Sequence[str]) -> dict[str, int]:
    """Name -> position; a repeated name keeps its last."""
    return dict(zip(names, range(len(names)), strict=True))


def _grouped_rows(
    size: int, sources: Sequence[int], targets: Sequence[int], base: int = 0
) -> tuple[array[int], array[int]]:
    """Attacks grouped by attacker, in the order given, in linear time (a counting sort).

    Indices count from ``base``; the rows count from 0.
    """
    counts = array("i", bytes(4 * (size + 1 + base)))
    for source in sources:
        counts[source + 1] += 1
    starts = array("i", accumulate(counts))
    fill = starts[:]  # where each attacker's next target goes
    grouped = array("i", bytes(4 * len(sources)))
    for source, target in zip(sources, targets, strict=True):
        place = fill[source]
        grouped[place] = target - base
        fill[source] = place + 1
    return starts[base:], grouped


def _without_repeats(starts: array[int], grouped: array[int]) -> tuple[array[int], array[int]]:
    """The same rows with each attack once (its first place kept)."""
    size = len(starts) - 1
    unique_starts = array("i", bytes(4 * (size + 1)))
    unique = array("i")
    for source in range(size):
        first, last = starts[source], starts[source + 1]
        if last - first > 1:
            unique.extend(dict.fromkeys(grouped[first:last]))
        elif last > first:
            unique.append(grouped[first])
        unique_starts[source + 1] = len(unique)
    return unique_starts, unique


@dataclass(frozen=True)
class MapFramework:
    """A map read as a framework, with what each argument stands for.

    ``roles`` maps every argument to ``"claim"`` (a claim id), ``"inference"`` (the
    inference ``A->B`` of an undercut relation), ``"auxiliary"`` (``~A``: claim A
    does not stand) or ``"carrier"`` (carries a derived attack through undercut
    relations).
    """

    framework: Framework
    mode: Mode
    roles: Mapping[str, Role]

    def shown(self) -> list[str]:
        """The arguments a reader cares about: claims, then inferences, in framework order."""
        return [a for a in self.framework.arguments if self.roles[a] in ("claim", "inference")]


def inference_argument(relation: Edge) -> str:
    """The argument standing for the inference of ``relation`` (as ``argmap.graph`` names it)."""
    return f"{relation[0]}->{relation[1]}"


def auxiliary_argument(claim: str) -> str:
    """The argument "``claim`` does not stand", attacked by the claim alone."""
    return f"~{claim}"


def carrier_argument(source: str, target: str, condition: Condition) -> str:
    """The argument carrying a derived attack that runs through undercut relations."""
    through = ";".join(inference_argument(r) for r in sorted(condition))
    return f"{source}=>{target}[{through}]"


def from_map(amap: ArgMap, mode: Mode = "bipolar") -> MapFramework:
    """The map's claims and attacks as an abstract framework (see the module docstring)."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r} (must be one of {list(MODES)})")
    relations, undercutters = map_relations(amap)
    primary = _primary_attacks(relations, undercutters)
    attacks = primary
    if mode == "bipolar":
        attacks = primary + _derived_attacks(relations, undercutters, primary)
    return _flatten(list(amap.claim_by_id), undercutters, attacks, mode)


def map_relations(amap: ArgMap) -> tuple[dict[Edge, str], dict[Edge, list[str]]]:
    """Relation -> kind, and undercut relation -> its undercutters' ids, in map order.

    Read from ``argmap.relations`` (relations between existing, distinct claims, the
    first written wins; an undercut counts when its relation exists and the
    undercutter is neither end of it).
    """
    rel = relations_of(amap)
    undercutters = {
        edge: [claim.id for claim in claims] for edge, claims in rel.undercut_relations().items()
    }
    return dict(rel.kinds), undercutters


Attack = tuple[str, str, Condition]
_ALWAYS: Condition = frozenset()


def _primary_attacks(
    relations: dict[Edge, str], undercutters: dict[Edge, list[str]]
) -> list[Attack]:
    """Rebuttals (through their inference when undercut), and undercutters -> inferences."""
    attacks: list[Attack] = []
    for relation, kind in relations.items():
        if kind == "rebuts":
            condition = frozenset({relation}) if relation in undercutters else _ALWAYS
            attacks.append((relation[0], relation[1], condition))
    for relation, claims in undercutters.items():
        attacks.extend((claim, inference_argument(relation), _ALWAYS) for claim in claims)
    return attacks


def _derived_attacks(
    relations: dict[Edge, str],
    undercutters: dict[Edge, list[str]],
    primary: list[Attack],
) -> list[Attack]:
    """Supported and secondary attacks along chains of supports.

    The closure of each supporting claim is computed once and dropped after use; the
    work (closure steps plus derived attacks) is bounded by ``MAX_DERIVED_ATTACKS``.
    """
    if not primary:
        return []  # nothing to carry along the supports
    supports: dict[str, list[tuple[str, Condition]]] = {}
    for relation, kind in relations.items():
        if kind == "supports":
            condition = frozenset({relation}) if relation in undercutters else _ALWAYS
            supports.setdefault(relation[0], []).append((relation[1], condition))
    attacks_from: dict[str, list[tuple[str, Condition]]] = {}
    attackers_of: dict[str, list[tuple[str, Condition]]] = {}
    for source, target, condition in primary:
        attacks_from.setdefault(source, []).append((target, condition))
        attackers_of.setdefault(target, []).append((source, condition))
    derived: list[Attack] = []
    work = [0]
    for claim in supports:
        closure = _support_closure(claim, supports, work)
        for b, conditions in closure.items():  # supported: claim supports+ b, b attacks t
            for target, attack_condition in attacks_from.get(b, ()):
                derived.extend((claim, target, _union(c, attack_condition)) for c in conditions)
        for attacker, attack_condition in attackers_of.get(claim, ()):  # secondary
            for b, conditions in closure.items():
                derived.extend((attacker, b, _union(attack_condition, c)) for c in conditions)
        if work[0] + len(derived) > MAX_DERIVED_ATTACKS:
            raise FrameworkTooLarge(
                f"the bipolar reading of this map derives more than {MAX_DERIVED_ATTACKS:,} "
                "attacks (long chains of supports); the attack-only reading "
                "('argmap analyse --mode attack-only') stays linear"
            )
    return derived


def _union(first: Condition, second: Condition) -> Condition:
    """``first | second`` without building a new set in the common case, an empty one."""
    if not second:
        return first
    return first | second if first else second


def _support_closure(
    start: str, supports: dict[str, list[tuple[str, Condition]]], work: list[int]
) -> dict[str, list[Condition]]:
    """Claims reachable from ``start`` by one or more supports, each with the minimal
    sets of undercut relations a path to it runs through (the empty set if one avoids them).
    ``work[0]`` counts the steps taken, so that the caller can bound them.
    """
    best: dict[str, list[Condition]] = {}
    stack = list(supports.get(start, ()))
    steps = 0
    while stack:
        claim, condition = stack.pop()
        steps += 1
        known = best.setdefault(claim, [])
        if any(k <= condition for k in known):
            continue
        known[:] = [k for k in known if not condition <= k]
        known.append(condition)
        stack.extend((nxt, _union(condition, more)) for nxt, more in supports.get(claim, ()))
        if steps > MAX_DERIVED_ATTACKS:
            break  # the caller raises FrameworkTooLarge
    work[0] += steps
    return best


def _flatten(
    claims: list[str],
    undercutters: dict[Edge, list[str]],
    attacks: list[Attack],
    mode: Mode,
) -> MapFramework:
    """Plain attacks stay; an attack under a condition goes through a carrier argument."""
    roles: dict[str, Role] = dict.fromkeys(claims, "claim")
    plain: dict[tuple[str, str], None] = {}
    conditional: dict[tuple[str, str], list[Condition]] = {}
    for source, target, condition in attacks:
        if not condition:
            plain[source, target] = None
    for source, target, condition in attacks:
        if condition and (source, target) not in plain:
            known = conditional.setdefault((source, target), [])
            if not any(k <= condition for k in known):
                known[:] = [k for k in known if not condition <= k]
                known.append(condition)
    edges: dict[tuple[str, str], None] = dict(plain)
    for relation, claims_undercutting in undercutters.items():
        inference = inference_argument(relation)
        roles[inference] = "inference"
        _needs(roles, edges, relation[0], inference)
        for claim in claims_undercutting:
            edges[claim, inference] = None
    for (source, target), conditions in sorted(conditional.items()):
        for condition in sorted(conditions, key=sorted):
            if len(condition) == 1 and next(iter(condition))[0] == source:
                carrier = inference_argument(next(iter(condition)))
            else:
                carrier = carrier_argument(source, target, condition)
                roles.setdefault(carrier, "carrier")
                _needs(roles, edges, source, carrier)
                for relation in sorted(condition):
                    for claim in undercutters[relation]:
                        edges[claim, carrier] = None
            edges[carrier, target] = None
    framework = Framework(roles, edges)
    return MapFramework(framework, mode, roles)


def _needs(
    roles: dict[str, Role], edges: dict[tuple[str, str], None], claim: str, argument: str
) -> None:
    """Make ``argument`` stand only while ``claim`` stands: claim -> ~claim -> argument."""
    auxiliary = auxiliary_argument(claim)
    roles.setdefault(auxiliary, "auxiliary")
    edges[claim, auxiliary] = None
    edges[auxiliary, argument] = None
