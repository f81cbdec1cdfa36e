"""AM101 duplicate-id: an id declared twice in a map, both places named."""

from __future__ import annotations

from argmap.loading.build import load

from .conftest import LintMap

A = """\
parties:
  pro: {name: Prosecution}
sources:
  speech: {title: Speech}
claims:
  - id: motive
    party: pro
    text: Power was the only motive.
"""
B = """\
parties:
  pro: {name: Prosecution again}
sources:
  speech: {title: Another speech}
claims:
  - id: other
    party: pro
    text: Another claim.
    supports: motive
  - id: motive
    party: pro
    text: A second claim with the same id.
"""


def test_every_later_declaration_names_the_first(lint_map: LintMap) -> None:
    linted = lint_map({"a.yaml": A, "b.yaml": B})
    assert linted.at("AM101") == [("b.yaml", 2, 3), ("b.yaml", 4, 3), ("b.yaml", 10, 5)]
    first = linted.root / "a.yaml"
    party, source, claim = linted.messages("AM101")
    assert f"party id 'pro' is already declared at {first}:2:3" in party
    assert f"source id 'speech' is already declared at {first}:4:3" in source
    assert f"claim id 'motive' is already declared at {first}:6:5" in claim
    assert [f.claim for f in linted.of("AM101")] == [None, None, "motive"]
    amap = load(linted.root)
    assert amap.claim_by_id["motive"].text == "Power was the only motive."  # the first is kept


def test_three_declarations_give_two_findings(lint_map: LintMap) -> None:
    claims = "".join(f"  - {{id: x, party: p, text: T{i}.}}\n" for i in range(3))
    linted = lint_map({"a.yaml": "parties:\n  p: {name: P}\nclaims:\n" + claims})
    assert linted.at("AM101") == [("a.yaml", 5, 5), ("a.yaml", 6, 5)]
    assert all(":4:5" in m for m in linted.messages("AM101"))


def test_the_same_id_for_a_claim_a_party_and_a_source_passes(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties:
  x: {name: X}
sources:
  x: {title: X}
claims:
  - {id: x, party: x, text: X.}
"""
        }
    )
    assert linted.of("AM101") == []
