"""AM002 schema: unknown keys, wrong types, missing id/text/party, bad ids."""

from __future__ import annotations

from .conftest import LintMap

PARTIES = "parties:\n  pro: {name: Prosecution, color: '#1f77b4'}\n"


def test_each_schema_problem_is_reported_at_its_node(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES
            + """\
claims:
  - id: a
    party: pro
    txt: A typo.
  - text: No id here.
    party: pro
  - id: "bad id"
    party: pro
    text: x
  - id: b
    text: No party.
  - id: c
    party: pro
    text: [not, a, string]
"""
        }
    )
    found = dict(zip(linted.at("AM002"), linted.messages("AM002"), strict=True))
    assert set(found) == {
        ("a.yaml", 4, 5),  # claim 'a' has no text (the claim's mapping)
        ("a.yaml", 6, 5),  # the key 'txt'
        ("a.yaml", 7, 5),  # the claim without an id
        ("a.yaml", 9, 9),  # the id value
        ("a.yaml", 12, 5),  # claim 'b' without a party
        ("a.yaml", 16, 11),  # the text value
    }
    assert "unknown key 'txt'" in found["a.yaml", 6, 5]
    assert "did you mean 'text'?" in found["a.yaml", 6, 5]
    assert "no 'text'" in found["a.yaml", 4, 5]
    assert "no 'id'" in found["a.yaml", 7, 5]
    assert "'bad id' is not a valid id" in found["a.yaml", 9, 9]
    assert "no 'party'" in found["a.yaml", 12, 5]
    assert "must be a string, not a list" in found["a.yaml", 16, 11]
    assert {f.claim for f in linted.of("AM002")} == {"a", None, "b", "c"}


def test_top_level_must_be_a_mapping_of_known_keys(lint_map: LintMap) -> None:
    assert lint_map({"a.yaml": "- a\n- b\n"}).at("AM002") == [("a.yaml", 1, 1)]
    linted = lint_map({"a.yaml": PARTIES + "claim:\n  - {id: a, text: A.}\n"}, directory="m2")
    assert linted.at("AM002") == [("a.yaml", 3, 1)]
    assert "did you mean 'claims'?" in linted.messages("AM002")[0]


def test_bad_values_of_kind_undercut_color_and_citation(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties:
  pro: {name: Prosecution, color: blue}
sources:
  s: {author: Nobody}
claims:
  - id: a
    party: pro
    kind: accusation
    text: A.
    undercuts: a => b
    cite: {quote: no source}
"""
        }
    )
    found = dict(zip(linted.at("AM002"), linted.messages("AM002"), strict=True))
    assert set(found) == {
        ("a.yaml", 2, 35),
        ("a.yaml", 4, 6),
        ("a.yaml", 8, 11),
        ("a.yaml", 10, 16),
        ("a.yaml", 11, 11),
    }
    assert "'#' and six hex digits" in found["a.yaml", 2, 35]
    assert "needs a 'title'" in found["a.yaml", 4, 6]
    assert "'accusation' is not one of: allegation, claim, evidence" in found["a.yaml", 8, 11]
    assert "'A -> B'" in found["a.yaml", 10, 16]
    assert "needs a 'source'" in found["a.yaml", 11, 11]


def test_ids_are_matched_whole_not_up_to_a_trailing_newline(lint_map: LintMap) -> None:
    linted = lint_map(
        {"a.yaml": PARTIES + "claims:\n  - party: pro\n    text: A.\n    id: |\n      a\n"}
    )
    assert linted.at("AM002") == [("a.yaml", 6, 9)]
    assert "not a valid id" in linted.messages("AM002")[0]


def test_empty_optional_values_are_reported(lint_map: LintMap) -> None:
    linted = lint_map(
        {"a.yaml": PARTIES + "claims:\n  - id: a\n    party: pro\n    text: A.\n    note:\n"}
    )
    assert linted.at("AM002") == [("a.yaml", 7, 10)]
    assert "'note' is empty" in linted.messages("AM002")[0]


def test_a_complete_valid_file_passes(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
# yaml-language-server: $schema=../argmap/schema/claim-file.schema.json
map: {title: A trial, description: Who said what.}
party: pro
parties:
  pro: {name: Prosecution, role: accuses, color: '#aa0000'}
  def: {name: Defence}
sources:
  speech: {title: Speech, author: Someone, date: '1936-08-19', url: 'https://example.org'}
claims:
  - id: a
    kind: allegation
    against: def
    text: A happened.
    cite: {source: speech, quote: A happened, at: p. 1}
    tags: [one, two]
    note: For teachers.
  - id: b
    kind: evidence
    text: A record of A.
    supports: [a]
    cite:
      - {source: speech}
      - source: speech
        at: p. 2
  - id: c.1_x-y
    party: def
    text: A did not happen.
    rebuts: a
    undercuts: [b -> a, "b->a"]
    ignore: {AM204: reason}
"""
        },
        select=["AM002"],
    )
    assert linted.findings == []


def test_empty_claims_and_empty_source_text_are_reported(lint_map: LintMap) -> None:
    linted = lint_map({"a.yaml": "sources:\n  s: {title: S, text: ''}\nclaims:\n"})
    assert linted.at("AM002") == [("a.yaml", 2, 23), ("a.yaml", 3, 8)]
    assert "must not be empty" in linted.messages("AM002")[0]
    assert "'claims' must be a list of claims, not empty" in linted.messages("AM002")[1]


def test_problems_inside_a_claim_name_the_claim(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES
            + """\
claims:
  - id: a
    party: pro
    text: A.
    note: [not, text]
    cite: [just a string, {source: s, at: [1]}]
    ignore: [AM201]
    tags: ['  ']
"""
        },
        select=["AM002"],
    )
    assert linted.at("AM002") == [
        ("a.yaml", 7, 11),
        ("a.yaml", 8, 12),
        ("a.yaml", 8, 43),
        ("a.yaml", 9, 13),
        ("a.yaml", 10, 12),
    ]
    assert {f.claim for f in linted.findings} == {"a"}
