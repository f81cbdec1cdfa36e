"""AM102 dangling-reference: supports, rebuts, undercuts and cite naming nothing."""

from __future__ import annotations

from .conftest import LintMap

HEAD = """\
parties:
  pro: {name: Prosecution}
  def: {name: Defence}
sources:
  speech: {title: Speech}
claims:
  - {id: meeting, party: pro, text: They met.}
  - {id: letter, party: pro, text: A letter., supports: meeting}
"""


def test_each_dangling_reference_is_reported_at_the_reference(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": HEAD
            + """\
  - id: reply
    party: def
    text: There was no meeting.
    rebuts: meetng
    supports: [letter, nowhere]
    undercuts: [letter -> meting, meeting -> letter]
    cite: {source: speach}
"""
        }
    )
    found = dict(zip(linted.at("AM102"), linted.messages("AM102"), strict=True))
    assert set(found) == {
        ("a.yaml", 12, 13),
        ("a.yaml", 13, 24),
        ("a.yaml", 14, 17),
        ("a.yaml", 14, 35),
        ("a.yaml", 15, 20),
    }
    assert found["a.yaml", 12, 13] == "'rebuts' names no claim 'meetng'; did you mean 'meeting'?"
    assert "'supports' names no claim 'nowhere'" in found["a.yaml", 13, 24]
    assert "undercut 'letter -> meting' names no claim 'meting'" in found["a.yaml", 14, 17]
    assert "did you mean 'meeting'?" in found["a.yaml", 14, 17]
    assert (
        "undercut 'meeting -> letter' names no relation: 'meeting' neither supports nor rebuts "
        "'letter'" in found["a.yaml", 14, 35]
    )
    assert "citation names no source 'speach'; did you mean 'speech'?" in found["a.yaml", 15, 20]
    assert {f.claim for f in linted.of("AM102")} == {"reply"}


def test_references_across_files_resolve(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": HEAD,
            "sub/b.yaml": """\
party: def
claims:
  - id: reply
    text: There was no meeting.
    rebuts: meeting
    undercuts: letter -> meeting
    cite: [{source: speech, at: p. 3}]
""",
        }
    )
    assert linted.of("AM102") == []
