"""AM001 yaml-syntax: files that are not YAML, not text, or hold several documents."""

from __future__ import annotations

from argmap.loading.build import load

from .conftest import LintMap

VALID = """\
parties:
  p: {name: P}
claims:
  - {id: a, party: p, text: A.}
"""


def test_parse_error_is_reported_where_the_parser_stops(lint_map: LintMap) -> None:
    linted = lint_map({"a.yaml": "claims:\n  - id: a\n    text: b: c\n"})
    assert linted.at("AM001") == [("a.yaml", 3, 12)]
    (message,) = linted.messages("AM001")
    assert "invalid YAML" in message
    assert "mapping values are not allowed" in message
    assert linted.of("AM001")[0].severity == "error"


def test_unclosed_flow_sequence(lint_map: LintMap) -> None:
    linted = lint_map({"a.yaml": "claims:\n  - {id: a, text: b, supports: [x, y\n"})
    assert linted.at("AM001") == [("a.yaml", 2, 32)]  # inside the file: where the list opens
    assert "did not find expected" in linted.messages("AM001")[0]


def test_binary_content_names_the_nul_byte(lint_map: LintMap) -> None:
    linted = lint_map({"a.yaml": b"claims:\n  - id: a\x00\n"})
    assert linted.at("AM001") == [("a.yaml", 2, 10)]
    assert "binary" in linted.messages("AM001")[0]


def test_invalid_utf8_names_the_byte_and_says_what_to_do(lint_map: LintMap) -> None:
    linted = lint_map({"a.yaml": b"parties:\n  p: {name: Caf\xe9}\n"})
    assert linted.at("AM001") == [("a.yaml", 2, 16)]
    (message,) = linted.messages("AM001")
    assert "0xe9" in message
    assert "UTF-8" in message


def test_a_second_document_is_refused_at_its_start(lint_map: LintMap) -> None:
    linted = lint_map({"a.yaml": VALID + "---\nclaims: []\n"})
    assert linted.at("AM001") == [("a.yaml", 5, 1)]
    assert "one YAML document" in linted.messages("AM001")[0]


def test_loading_goes_on_with_the_other_files(lint_map: LintMap) -> None:
    files = {"a.yaml": "claims: [\n", "b.yaml": VALID}
    linted = lint_map(files)
    assert linted.at("AM001") == [("a.yaml", 1, 10)]
    amap = load(linted.root)
    assert [c.id for c in amap.claims] == ["a"]


def test_valid_files_in_utf8_utf8_bom_and_utf16_pass(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": VALID,
            "b.yaml": ("\ufeff" + VALID.replace("id: a", "id: b")).encode("utf-8"),
            "c.yaml": ("\ufeff" + VALID.replace("id: a", "id: c")).encode("utf-16-le"),
        },
        select=["AM001"],
    )
    assert linted.findings == []
    claims = load(linted.root).claims
    assert [(c.id, c.span.line, c.span.column) for c in claims] == [
        ("a", 4, 5),
        ("b", 4, 5),
        ("c", 4, 5),
    ]
