"""The framework type, and how a map becomes one (rebuttals, undercuts, supports)."""

from __future__ import annotations

from array import array

import pytest

from argmap.analysis.framework import Framework, from_map
from argmap.analysis.semantics import claim_labels
from argmap.loading.build import load
from argmap.model import ArgMap
from tests.conftest import MapWriter

# --- the type ------------------------------------------------------------------------------


def test_arguments_keep_their_order_and_attacks_are_kept_once() -> None:
    framework = Framework(["b", "a", "b"], [("a", "b"), ("a", "b"), ("b", "b")])
    assert framework.arguments == ("b", "a")
    assert sorted(framework.attacks()) == [("a", "b"), ("b", "b")]
    assert framework.attack_count == 2
    assert framework.attackers("b") == ["b", "a"]
    assert framework.targets_of("a") == ["b"]
    assert "a" in framework and "c" not in framework and len(framework) == 2


def test_an_attack_on_an_unknown_argument_is_refused() -> None:
    with pytest.raises(ValueError, match="'c', which is not an argument"):
        Framework(["a", "b"], [("a", "c")])


def test_frameworks_are_equal_whatever_the_order() -> None:
    one = Framework(["a", "b", "c"], [("a", "b"), ("c", "a")])
    other = Framework(["c", "b", "a"], [("c", "a"), ("a", "b")])
    assert one == other and hash(one) == hash(other)
    assert one != Framework(["a", "b", "c"], [("a", "b")])


def test_from_indices_checks_names_and_ranges() -> None:
    framework = Framework.from_indices(["x", "y"], [0, 1, 0], [1, 0, 1])
    assert sorted(framework.attacks()) == [("x", "y"), ("y", "x")]
    with pytest.raises(ValueError, match=r"outside 0\.\.1"):
        Framework.from_indices(["x", "y"], [0], [2])
    with pytest.raises(ValueError, match="'x' is named twice"):
        Framework.from_indices(["x", "x"], [], [])
    with pytest.raises(ValueError, match="'y' is named twice"):
        Framework.from_indices(["y", "x", "y"], [], [])


def test_from_indices_counts_from_the_base_and_looks_names_up() -> None:
    framework = Framework.from_indices(["x", "y", "z"], [3, 1, 3, 2], [1, 3, 2, 3], base=1)
    assert list(framework.attacks()) == [("x", "z"), ("y", "z"), ("z", "x"), ("z", "y")]
    assert framework.attack_rows == (array("i", [0, 1, 2, 4]), array("i", [2, 2, 0, 1]))
    assert framework.index("z") == 2 and "y" in framework and "w" not in framework
    assert framework.targets_of("z") == ["x", "y"]
    with pytest.raises(ValueError, match=r"outside 1\.\.3"):
        Framework.from_indices(["x", "y", "z"], [0], [1], base=1)


# --- maps as frameworks ------------------------------------------------------------------------


def load_claims(write_map: MapWriter, claims: str) -> ArgMap:
    """A map whose claims alternate between parties p and q unless they say otherwise."""
    text = "parties: {p: {name: P}, q: {name: Q}}\nparty: p\nclaims:\n" + claims
    return load(write_map({"map.yaml": text}))


def attacks(amap: ArgMap, mode: str = "bipolar") -> set[tuple[str, str]]:
    return set(from_map(amap, mode).framework.attacks())  # type: ignore[arg-type]


def test_rebuttals_are_attacks_and_supports_are_not_in_attack_only_mode(
    write_map: MapWriter,
) -> None:
    amap = load_claims(
        write_map,
        """
  - {id: a, text: A}
  - {id: b, text: B, supports: a}
  - {id: c, text: C, party: q, rebuts: b}
""",
    )
    assert attacks(amap, "attack-only") == {("c", "b")}
    # bipolar: c attacks b, which supports a: the secondary attack c -> a
    assert attacks(amap, "bipolar") == {("c", "b"), ("c", "a")}


def test_supported_attacks_follow_chains_of_supports(write_map: MapWriter) -> None:
    amap = load_claims(
        write_map,
        """
  - {id: a, text: A, supports: b}
  - {id: b, text: B, supports: c}
  - {id: c, text: C, rebuts: x}
  - {id: x, text: X, party: q}
""",
    )
    assert attacks(amap) == {("c", "x"), ("b", "x"), ("a", "x")}


def test_secondary_attacks_follow_chains_of_supports(write_map: MapWriter) -> None:
    amap = load_claims(
        write_map,
        """
  - {id: a, text: A, supports: b}
  - {id: b, text: B, supports: c}
  - {id: c, text: C}
  - {id: x, text: X, party: q, rebuts: a}
""",
    )
    assert attacks(amap) == {("x", "a"), ("x", "b"), ("x", "c")}
    assert claim_labels(amap) == {"a": "out", "b": "out", "c": "out", "x": "in"}
    assert claim_labels(amap, mode="attack-only") == {"a": "out", "b": "in", "c": "in", "x": "in"}


def test_an_undercut_rebuttal_is_carried_by_its_inference(write_map: MapWriter) -> None:
    amap = load_claims(
        write_map,
        """
  - {id: a, text: A, rebuts: b}
  - {id: b, text: B, party: q}
  - {id: u, text: U, party: q, undercuts: "a -> b"}
""",
    )
    translated = from_map(amap, "attack-only")
    assert translated.roles == {
        "a": "claim",
        "b": "claim",
        "u": "claim",
        "a->b": "inference",
        "~a": "auxiliary",
    }
    assert set(translated.framework.attacks()) == {
        ("a", "~a"),  # a stands, so "a does not stand" falls
        ("~a", "a->b"),  # the inference needs a
        ("u", "a->b"),  # the undercut attacks the inference, not a
        ("a->b", "b"),  # the rebuttal holds only through its inference
    }
    assert translated.shown() == ["a", "b", "u", "a->b"]
    labels = claim_labels(amap)
    assert labels == {"a": "in", "b": "in", "u": "in"}, "the undercut saves b and spares a"


def test_a_defeated_undercut_lets_the_rebuttal_through(write_map: MapWriter) -> None:
    amap = load_claims(
        write_map,
        """
  - {id: a, text: A, rebuts: b}
  - {id: b, text: B, party: q}
  - {id: u, text: U, party: q, undercuts: "a -> b"}
  - {id: w, text: W, rebuts: u}
""",
    )
    assert claim_labels(amap) == {"a": "in", "b": "out", "u": "out", "w": "in"}


def test_a_defeated_rebutter_carries_no_undercut_attack(write_map: MapWriter) -> None:
    amap = load_claims(
        write_map,
        """
  - {id: a, text: A, rebuts: b}
  - {id: b, text: B, party: q}
  - {id: u, text: U, party: q, undercuts: "a -> b"}
  - {id: z, text: Z, party: q, rebuts: a}
""",
    )
    labels = claim_labels(amap)
    assert labels["a"] == "out" and labels["b"] == "in"


def test_a_claim_whose_support_is_undercut_loses_what_the_support_gave(
    write_map: MapWriter,
) -> None:
    """Secondary attack through an undercut support: b no longer rests on a."""
    rebutted_supporter = """
  - {id: a, text: A, supports: b}
  - {id: b, text: B}
  - {id: c, text: C, party: q, rebuts: a}
"""
    plain = load_claims(write_map, rebutted_supporter)
    assert claim_labels(plain) == {"a": "out", "b": "out", "c": "in"}
    undercut = load_claims(
        write_map, rebutted_supporter + '  - {id: u, text: U, party: q, undercuts: "a -> b"}\n'
    )
    translated = from_map(undercut)
    carrier = "c=>b[a->b]"
    assert translated.roles[carrier] == "carrier"
    assert {(x, y) for x, y in translated.framework.attacks() if carrier in (x, y)} == {
        ("~c", carrier),
        ("u", carrier),
        (carrier, "b"),
    }
    assert claim_labels(undercut) == {"a": "out", "b": "in", "c": "in", "u": "in"}


def test_a_supported_attack_through_an_undercut_support_needs_the_inference(
    write_map: MapWriter,
) -> None:
    claims = """
  - {id: a, text: A, supports: b}
  - {id: b, text: B, rebuts: x}
  - {id: x, text: X, party: q}
  - {id: y, text: Y, party: q, rebuts: b}
"""
    # b is out (y), but a still attacks x through its support of b: x falls.
    assert claim_labels(load_claims(write_map, claims))["x"] == "out"
    undercut = load_claims(
        write_map, claims + '  - {id: u, text: U, party: q, undercuts: "a -> b"}\n'
    )
    # the supported attack is carried by the inference a->b, which u defeats: x stands.
    assert ("a->b", "x") in attacks(undercut)
    assert claim_labels(undercut)["x"] == "in"


def test_the_nixon_diamond_as_a_map(write_map: MapWriter) -> None:
    amap = load_claims(
        write_map,
        """
  - {id: quaker, text: Nixon is a Quaker, kind: evidence, supports: pacifist}
  - {id: republican, text: Nixon is a Republican, kind: evidence, party: q, supports: hawk}
  - {id: pacifist, text: Nixon is a pacifist, rebuts: hawk}
  - {id: hawk, text: Nixon is not a pacifist, party: q, rebuts: pacifist}
""",
    )
    assert claim_labels(amap, mode="attack-only") == {
        "quaker": "in",
        "republican": "in",
        "pacifist": "undec",
        "hawk": "undec",
    }
    assert claim_labels(amap, "preferred", mode="attack-only")["pacifist"] == "undec"
    # bipolar: each fact attacks the other side's conclusion (supported attacks): both fall
    assert claim_labels(amap) == {
        "quaker": "in",
        "republican": "in",
        "pacifist": "out",
        "hawk": "out",
    }


def test_dangling_and_self_references_are_left_out(write_map: MapWriter) -> None:
    amap = load_claims(
        write_map,
        """
  - {id: a, text: A, rebuts: [nothing, a], supports: ghost, undercuts: "x -> y"}
""",
    )
    translated = from_map(amap)
    assert translated.framework.arguments == ("a",)
    assert translated.framework.attack_count == 0


def test_unknown_mode_names_the_allowed_ones(write_map: MapWriter) -> None:
    amap = load_claims(write_map, "  - {id: a, text: A}\n")
    with pytest.raises(ValueError, match="'bipolar', 'attack-only'"):
        from_map(amap, "sideways")  # type: ignore[arg-type]
