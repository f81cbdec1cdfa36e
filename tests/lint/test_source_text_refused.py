"""AM304 source-text-refused: source texts outside the map unless a root is trusted."""

from __future__ import annotations

from pathlib import Path

from argmap.findings import Finding

from .conftest import LintMap

SECRET = "root:x:0:0:the secret line of a file outside the map\n"


def claims(text_path: str) -> str:
    return f"""\
party: p
parties: {{p: {{name: P}}}}
sources:
  leak: {{title: Not a source, text: '{text_path}'}}
claims:
  - id: a
    kind: evidence
    text: A.
    cite: {{source: leak, quote: the secret line of a file}}
"""


def outside(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "passwd"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(SECRET)
    return secret


def never_quoted(findings: list[Finding]) -> None:
    assert not any("secret" in f.message or "root:x" in f.message for f in findings)


def test_relative_paths_out_of_the_map_are_refused(lint_map: LintMap, tmp_path: Path) -> None:
    outside(tmp_path)
    linted = lint_map({"sub/a.yaml": claims("../../elsewhere/passwd")})
    assert linted.at("AM304") == [("sub/a.yaml", 4, 37)]
    (message,) = linted.messages("AM304")
    assert "text '../../elsewhere/passwd' of source 'leak' lies outside the map" in message
    assert "--source-root" in message
    assert linted.of("AM304")[0].severity == "error"
    assert linted.of("AM302") == [] and linted.of("AM303") == []
    never_quoted(linted.findings)


def test_etc_passwd_and_absolute_paths_are_refused(lint_map: LintMap) -> None:
    deep = "../" * 40 + "etc/passwd"
    linted = lint_map({"a.yaml": claims(deep), "b.yaml": claims("/etc/passwd")})
    assert linted.at("AM304") == [("a.yaml", 4, 37)]  # b's source is a duplicate id (AM101)
    linted = lint_map({"b.yaml": claims("/etc/passwd")}, directory="m2")
    assert linted.at("AM304") == [("b.yaml", 4, 37)]
    never_quoted(linted.findings)


def test_a_link_out_of_the_map_is_refused(lint_map: LintMap, tmp_path: Path) -> None:
    secret = outside(tmp_path)
    linted = lint_map({"a.yaml": claims("speech.txt")})
    (linted.root / "speech.txt").symlink_to(secret)
    linted = lint_map({})
    assert linted.at("AM304") == [("a.yaml", 4, 37)]
    never_quoted(linted.findings)


def test_a_trusted_source_root_allows_it(lint_map: LintMap, tmp_path: Path) -> None:
    secret = outside(tmp_path)
    linted = lint_map(
        {"a.yaml": claims(str(secret))}, source_roots=[tmp_path / "elsewhere"], select=["AM3"]
    )
    assert linted.findings == []


def test_paths_inside_the_map_pass(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "sub/a.yaml": claims("../texts/../texts/speech.txt"),
            "texts/speech.txt": SECRET,
        },
        select=["AM3"],
    )
    assert linted.findings == []
