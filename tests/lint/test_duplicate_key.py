"""AM003 duplicate-key: a key repeated in one mapping; the first value is kept."""

from __future__ import annotations

from argmap.loading.build import load

from .conftest import LintMap


def test_a_repeated_key_is_reported_at_the_repeat_naming_the_first(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties:
  p: {name: P}
claims:
  - id: a
    party: p
    text: First version.
    text: Second version.
parties:
  q: {name: Q, name: R}
"""
        }
    )
    assert linted.at("AM003") == [("a.yaml", 7, 5), ("a.yaml", 8, 1), ("a.yaml", 9, 16)]
    messages = linted.messages("AM003")
    assert "key 'text' repeats the one on line 6" in messages[0]
    assert "key 'parties' repeats the one on line 1" in messages[1]
    assert "key 'name' repeats the one on line 9" in messages[2]
    assert all(f.severity == "error" for f in linted.of("AM003"))
    (claim,) = load(linted.root).claims
    assert claim.text == "First version."


def test_the_same_key_in_different_mappings_passes(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties:
  p: {name: P}
  q: {name: Q}
claims:
  - {id: a, party: p, text: A.}
  - {id: b, party: q, text: B., rebuts: a}
"""
        }
    )
    assert linted.of("AM003") == []
