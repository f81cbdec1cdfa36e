"""AM303 source-text-missing: a source text that cannot be read is a warning."""

from __future__ import annotations

from .conftest import LintMap

MAP = """\
party: p
parties: {p: {name: P}}
sources:
  gone: {title: Gone, text: texts/speech.txt}
  folder: {title: Folder, text: texts}
  binary: {title: Binary, text: image.txt}
claims:
  - id: a
    kind: evidence
    text: A.
    cite: [{source: gone, quote: anything at all}, {source: binary, quote: x}]
"""


def test_unreadable_texts_are_warnings_at_the_text_path(lint_map: LintMap) -> None:
    linted = lint_map(
        {"a.yaml": MAP, "texts/other.txt": "x", "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00"}
    )
    assert linted.at("AM303") == [("a.yaml", 4, 29), ("a.yaml", 5, 33), ("a.yaml", 6, 33)]
    gone, folder, binary = linted.messages("AM303")
    assert gone == (
        "text 'texts/speech.txt' of source 'gone' does not exist; its quotes are not checked"
    )
    assert "'texts' of source 'folder' is a directory" in folder
    assert "'image.txt' of source 'binary' is not text" in binary
    assert all(f.severity == "warning" and not f.fails() for f in linted.of("AM303"))
    assert linted.of("AM302") == []  # unchecked, not failed


def test_a_readable_text_passes(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": MAP.replace("texts/speech.txt", "texts/other.txt")
            .replace("text: texts}", "text: texts/other.txt}")
            .replace("image.txt", "texts/other.txt"),
            "texts/other.txt": "anything at all, x",
        },
        select=["AM303", "AM302"],
    )
    assert linted.findings == []
