"""AM004 unsupported-yaml: anchors, aliases, tags, and nesting too deep to read."""

from __future__ import annotations

from argmap.loading.build import load

from .conftest import LintMap


def test_anchors_aliases_and_tags_are_refused_where_written(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties:
  p: {name: P}
claims:
  - id: a
    party: p
    text: &t Shared text.
  - id: b
    party: p
    text: *t
  - id: c
    party: p
    text: !!python/object/apply:os.system [echo hi]
"""
        }
    )
    assert linted.at("AM004") == [("a.yaml", 6, 11), ("a.yaml", 9, 11), ("a.yaml", 12, 11)]
    anchor, alias, tag = linted.messages("AM004")
    assert "anchors are not supported" in anchor
    assert "alias '*t'" in alias
    assert "tag '!!python/object/apply:os.system' is not supported" in tag
    claims = {c.id: c.text for c in load(linted.root).claims}
    assert claims["a"] == "Shared text."
    assert claims["b"] == claims["c"] == ""  # refused values are never expanded or built


def test_nesting_deeper_than_32_levels_stops_the_file(lint_map: LintMap) -> None:
    deep = "x: " + "[" * 40 + "]" * 40 + "\n"
    linted = lint_map({"a.yaml": deep}, select=["AM004"])
    # the top mapping is level 1, so the 32nd bracket (column 3 + 32) is level 33
    assert linted.at("AM004") == [("a.yaml", 1, 35)]
    assert "deeper than 32 levels" in linted.messages("AM004")[0]


def test_plain_values_and_32_levels_pass(lint_map: LintMap) -> None:
    nested = "x: " + "[" * 31 + "]" * 31 + "\n"
    linted = lint_map(
        {
            "a.yaml": nested,
            "b.yaml": """\
parties:
  p: {name: P}
claims:
  - {id: a, party: p, text: !!str 012}
  - {id: b, party: p, text: "*not an alias &nor an anchor", note: !!null}
""",
        },
        select=["AM004"],
    )
    assert linted.findings == []
