"""Dung's semantics: textbook frameworks with hand-derived answers, and properties on
random frameworks cross-checked against a brute-force enumeration of subsets."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis.framework import Framework
from argmap.analysis.semantics import (
    SolverTimeout,
    argument_order,
    extensions,
    grounded_extension,
    labelling,
    labelling_of,
    sorted_arguments,
)
from tests.conftest import MapWriter

# --- brute force, straight from the definitions (Dung 1995) ------------------------------


def attacks_of(framework: Framework) -> set[tuple[str, str]]:
    return set(framework.attacks())


def conflict_free(attacks: set[tuple[str, str]], s: frozenset[str]) -> bool:
    return not any((a, b) in attacks for a in s for b in s)


def defends(framework: Framework, attacks: set[tuple[str, str]], s: frozenset[str], a: str) -> bool:
    """Every attacker of ``a`` is attacked by some member of ``s``."""
    return all(any((d, b) in attacks for d in s) for b in framework.arguments if (b, a) in attacks)


def admissible(framework: Framework, attacks: set[tuple[str, str]], s: frozenset[str]) -> bool:
    return conflict_free(attacks, s) and all(defends(framework, attacks, s, a) for a in s)


def brute_force(framework: Framework, semantics: str) -> set[frozenset[str]]:
    attacks = attacks_of(framework)
    args = framework.arguments
    subsets = [frozenset(c) for n in range(len(args) + 1) for c in combinations(args, n)]
    complete = {
        s
        for s in subsets
        if admissible(framework, attacks, s)
        and all(a in s for a in args if defends(framework, attacks, s, a))
    }
    if semantics == "complete":
        return complete
    if semantics == "grounded":
        return {min(complete, key=len)}
    if semantics == "preferred":
        return {s for s in complete if not any(s < t for t in complete)}
    if semantics == "stable":
        return {
            s
            for s in subsets
            if conflict_free(attacks, s)
            and all(any((d, a) in attacks for d in s) for a in args if a not in s)
        }
    raise AssertionError(semantics)


def af(arguments: str, attacks: Iterable[str]) -> Framework:
    """``af("abc", ["ab", "bc"])``: one-letter arguments, attacks as two-letter strings."""
    return Framework(arguments, ((x[0], x[1]) for x in attacks))


def sets(*members: str) -> list[frozenset[str]]:
    return sorted((frozenset(m) for m in members), key=sorted)


# --- textbook frameworks -----------------------------------------------------------------

TEXTBOOK = {
    # name: (framework, grounded in, complete, preferred, stable)
    "unattacked": (af("a", []), "a", ["a"], ["a"], ["a"]),
    "chain of three (reinstatement: a reinstates c)": (
        af("abc", ["ab", "bc"]),
        "ac",
        ["ac"],
        ["ac"],
        ["ac"],
    ),
    "chain of four": (af("abcd", ["ab", "bc", "cd"]), "ac", ["ac"], ["ac"], ["ac"]),
    "even cycle of two (mutual attack)": (
        af("ab", ["ab", "ba"]),
        "",
        ["", "a", "b"],
        ["a", "b"],
        ["a", "b"],
    ),
    "even cycle of four": (
        af("abcd", ["ab", "bc", "cd", "da"]),
        "",
        ["", "ac", "bd"],
        ["ac", "bd"],
        ["ac", "bd"],
    ),
    "odd cycle of three": (af("abc", ["ab", "bc", "ca"]), "", [""], [""], []),
    "odd cycle broken from outside": (
        af("abcd", ["da", "ab", "bc", "ca"]),
        "db",
        ["bd"],
        ["bd"],
        ["bd"],
    ),
    "self-attack": (af("a", ["aa"]), "", [""], [""], []),
    "self-attacker attacking another": (af("ab", ["aa", "ab"]), "", [""], [""], []),
    "self-attacker defeated": (af("ab", ["aa", "ba"]), "b", ["b"], ["b"], ["b"]),
    "floating defeat (floating reinstatement)": (
        af("abcd", ["ab", "ba", "ac", "bc", "cd"]),
        "",
        ["", "ad", "bd"],
        ["ad", "bd"],
        ["ad", "bd"],
    ),
    "stable is stricter than preferred": (
        af("abc", ["ab", "ba", "bc", "cc"]),
        "",
        ["", "a", "b"],
        ["a", "b"],
        ["b"],
    ),
    "empty": (Framework(), "", [""], [""], [""]),
}


@pytest.mark.parametrize("name", sorted(TEXTBOOK))
def test_textbook_frameworks(name: str) -> None:
    framework, grounded, complete, preferred, stable = TEXTBOOK[name]
    assert grounded_extension(framework) == frozenset(grounded)
    assert extensions(framework, "grounded") == [frozenset(grounded)]
    assert extensions(framework, "complete") == sets(*complete)
    assert extensions(framework, "preferred") == sets(*preferred)
    assert extensions(framework, "stable") == sets(*stable)


def test_grounded_labelling_of_a_chain_alternates() -> None:
    framework = af("abcde", ["ab", "bc", "cd", "de"])
    assert labelling(framework) == {"a": "in", "b": "out", "c": "in", "d": "out", "e": "in"}


def test_grounded_leaves_the_nixon_diamond_undecided() -> None:
    framework = Framework(
        ["quaker", "republican"], [("quaker", "republican"), ("republican", "quaker")]
    )
    assert labelling(framework) == {"quaker": "undec", "republican": "undec"}
    assert extensions(framework, "preferred") == [
        frozenset({"quaker"}),
        frozenset({"republican"}),
    ]


def test_floating_defeat_sceptical_preferred_labels() -> None:
    framework = TEXTBOOK["floating defeat (floating reinstatement)"][0]
    assert labelling(framework, "grounded") == dict.fromkeys("abcd", "undec")
    # c is out in every preferred extension, so d is in: grounded cannot see it.
    assert labelling(framework, "preferred") == {"a": "undec", "b": "undec", "c": "out", "d": "in"}
    assert labelling(framework, "complete") == labelling(framework, "grounded")


def test_no_stable_extension_leaves_every_label_undecided() -> None:
    framework = TEXTBOOK["odd cycle of three"][0]
    assert labelling(framework, "stable") == dict.fromkeys("abc", "undec")


def test_labelling_of_an_extension() -> None:
    framework = af("abcd", ["ab", "bc", "cd", "da"])
    assert labelling_of(framework, {"a", "c"}) == {"a": "in", "b": "out", "c": "in", "d": "out"}
    assert labelling_of(framework, set()) == dict.fromkeys("abcd", "undec")


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["1", "2", "10"], ["1", "2", "10"]),
        (["10", "2", "1"], ["1", "2", "10"]),
        (["1", "01", "2"], ["01", "1", "2"]),  # the same number: by name
        (["01", "2"], ["01", "2"]),
        (["2", "", "1"], ["1", "2", ""]),  # an empty name is not a number
        (["b", "2", "a", "1"], ["1", "2", "a", "b"]),
        (["\u00b2", "1"], ["1", "\u00b2"]),  # a digit, but not an ASCII number
    ],
)
def test_sorted_arguments_puts_numbers_first_in_numeric_order(
    names: list[str], expected: list[str]
) -> None:
    assert sorted_arguments(names) == expected
    assert sorted_arguments(names) == sorted(names, key=argument_order)


def test_unknown_semantics_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match=r"ideal.*grounded"):
        extensions(Framework("a"), "ideal")


def test_time_limit_raises_with_what_was_found() -> None:
    # 40 mutual attacks have 3^40 complete extensions: no solver lists them in a second.
    pairs = [(f"a{i}", f"b{i}") for i in range(40)]
    framework = Framework(
        [x for pair in pairs for x in pair], [*pairs, *((b, a) for a, b in pairs)]
    )
    with pytest.raises(SolverTimeout, match=r"time limit of 0\.5 s") as caught:
        extensions(framework, "complete", timeout=0.5)
    assert caught.value.found, "the extensions found before the limit are kept"
    assert all(isinstance(e, frozenset) for e in caught.value.found)


def test_a_long_chain_is_labelled_without_recursion() -> None:
    size = 200_000
    framework = Framework.from_indices(
        [str(i) for i in range(size)], range(size - 1), range(1, size)
    )
    labels = labelling(framework)
    assert labels["0"] == "in" and labels[str(size - 1)] == ("in" if size % 2 else "out")
    assert sum(label == "in" for label in labels.values()) == size // 2


# --- properties on random frameworks ---------------------------------------------------


@st.composite
def frameworks(draw: st.DrawFn, max_size: int = 8) -> Framework:
    size = draw(st.integers(0, max_size))
    names = [f"x{i}" for i in range(size)]
    if not names:
        return Framework()
    pairs = st.tuples(st.sampled_from(names), st.sampled_from(names))
    return Framework(names, draw(st.lists(pairs, max_size=size * 3)))


PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY_SETTINGS
@given(frameworks())
def test_solver_agrees_with_brute_force(framework: Framework) -> None:
    for semantics in ("grounded", "complete", "preferred", "stable"):
        assert set(extensions(framework, semantics)) == brute_force(framework, semantics)


@PROPERTY_SETTINGS
@given(frameworks(max_size=14))
def test_grounded_is_the_least_complete_extension(framework: Framework) -> None:
    attacks = attacks_of(framework)
    grounded = grounded_extension(framework)
    complete = extensions(framework, "complete")
    assert conflict_free(attacks, grounded)
    assert admissible(framework, attacks, grounded)
    assert grounded in complete, "complete includes grounded"
    assert all(grounded <= e for e in complete), "grounded is in every complete extension"
    assert grounded == frozenset.intersection(*complete)


@PROPERTY_SETTINGS
@given(frameworks(max_size=14))
def test_stable_are_preferred_and_preferred_are_complete(framework: Framework) -> None:
    complete = set(extensions(framework, "complete"))
    preferred = set(extensions(framework, "preferred"))
    stable = set(extensions(framework, "stable"))
    assert stable <= preferred <= complete
    assert preferred, "every framework has a preferred extension"
    assert all(not any(p < q for q in complete) for p in preferred)


@PROPERTY_SETTINGS
@given(frameworks(max_size=40))
def test_grounded_labelling_is_a_legal_labelling(framework: Framework) -> None:
    """in iff every attacker is out; out iff some attacker is in (a complete labelling)."""
    labels = labelling(framework)
    attackers: dict[str, list[str]] = {a: [] for a in framework.arguments}
    for a, b in framework.attacks():
        attackers[b].append(a)
    for argument, label in labels.items():
        assert (label == "in") == all(labels[b] == "out" for b in attackers[argument])
        assert (label == "out") == any(labels[b] == "in" for b in attackers[argument])
    assert {a for a, lab in labels.items() if lab == "in"} == grounded_extension(framework)


@PROPERTY_SETTINGS
@given(frameworks(max_size=40))
def test_grounded_is_the_least_fixed_point_of_the_characteristic_function(
    framework: Framework,
) -> None:
    """The linear worklist agrees with the definition: iterate F(S) = {a | S defends a}."""
    attacks = attacks_of(framework)
    current: frozenset[str] = frozenset()
    while True:
        following = frozenset(
            a for a in framework.arguments if defends(framework, attacks, current, a)
        )
        if following == current:
            break
        current = following
    assert grounded_extension(framework) == current


@PROPERTY_SETTINGS
@given(frameworks(max_size=20), st.randoms(use_true_random=False))
def test_labels_do_not_depend_on_the_order_arguments_are_given(
    framework: Framework, random: object
) -> None:
    names = list(framework.arguments)
    attacks = list(framework.attacks())
    random.shuffle(names)  # type: ignore[attr-defined]
    random.shuffle(attacks)  # type: ignore[attr-defined]
    shuffled = Framework(names, attacks)
    assert labelling(shuffled) == labelling(framework)
    assert extensions(shuffled, "preferred") == extensions(framework, "preferred")


# --- maps: what the renderer and the handouts call ------------------------------------------

STANDING = """\
parties: {pro: {name: P}, def: {name: D}}
claims:
  - {id: charge, party: pro, kind: allegation, against: def, text: They met.}
  - {id: denial, party: def, text: They never met., rebuts: charge}
  - {id: record, party: pro, text: The register shows it., rebuts: denial}
  - {id: open, party: pro, kind: allegation, text: Open., ignore: {AM201: not yet answered}}
  - {id: fair, party: pro, kind: allegation, text: Fair.}
  - {id: reply, party: def, text: Reply., rebuts: fair}
"""


def test_allegation_status_says_answered_and_whether_it_stands(
    write_map: MapWriter,
) -> None:
    from argmap.analysis.semantics import allegation_status, claim_labels
    from argmap.loading.build import load

    amap = load(write_map({"map.yaml": STANDING}))
    assert allegation_status(amap) == {
        "charge": {"answered": True, "acknowledged": False, "label": "in", "answers": ["denial"]},
        "open": {"answered": False, "acknowledged": True, "label": "in", "answers": []},
        "fair": {"answered": True, "acknowledged": False, "label": "out", "answers": ["reply"]},
    }
    labels = claim_labels(amap, "preferred")
    assert labels == {
        "charge": "in",
        "denial": "out",
        "record": "in",
        "open": "in",
        "fair": "out",
        "reply": "in",
    }
