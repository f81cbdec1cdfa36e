"""Injection: claim text is text in every output, whatever it holds.

One hostile map carries the tricks of each format: DOT quotes, escapes (``\\N``
``\\G`` ``\\L``) and HTML-like labels; SVG links to ``javascript:``; Mermaid's ``end``,
``click`` and ``%%{init}%%``; HTML and Markdown markup; GitHub workflow commands (``%``,
line breaks, ``::``) in messages and file names. Each output is produced by the real
command line in a bounded subprocess and checked with a parser of its format.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

import jsonschema
import pytest

from tests.conftest import SARIF_SCHEMA, MapWriter, needs_dot, needs_shared

from .conftest import Run, RunArgmap

if TYPE_CHECKING:
    from markdown_it.token import Token
    from playwright.sync_api import Browser, Dialog

DOT_TEXT = '<TD HREF="javascript:alert(1)">x</TD> " \\" \\N \\G \\L \\E \\T \\H ; ] } -> end'
MARKUP_TEXT = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> "
    "[click](javascript:alert(3)) ![t](http://evil.example/t.png) ```"
)
MERMAID_TEXT = (
    'end\nclick a call alert(4)\nclick b href "javascript:alert(5)"\n'
    "%%{init: {'securityLevel': 'loose'}}%%\n]]) --> x\n# Heading\n| a | b |"
)
PARTY_NAME = "<b>Prosecution</b> \\N end"
HOSTILE_MAP = {
    "a.yaml": f"""\
        parties:
          p: {{name: {json.dumps(PARTY_NAME)}}}
          q: {{name: end}}
        sources:
          s: {{title: {json.dumps(MARKUP_TEXT)}, url: "javascript:alert(6)"}}
        claims:
          - id: a
            party: p
            kind: allegation
            text: {json.dumps(DOT_TEXT)}
            tags: [{json.dumps("<img src=x onerror=alert(7)>")}, end]
            cite: {{source: s, quote: {json.dumps(MARKUP_TEXT)}, at: "%%{{init}}%%"}}
          - id: b
            party: q
            text: {json.dumps(MARKUP_TEXT)}
            rebuts: a
            note: "<script>alert(8)</script>"
          - id: c
            party: q
            text: {json.dumps(MERMAID_TEXT)}
            undercuts: "b -> a"
        """
}
CLAIMS = {"a", "b", "c"}


@pytest.fixture
def hostile_map(write_map: MapWriter) -> Path:
    return write_map(HOSTILE_MAP)


def produce(run_argmap: RunArgmap, *args: str | Path) -> Run:
    run = run_argmap(*args)
    assert run.code == 0, run.stderr
    return run


# -- lint reports ----------------------------------------------------------------------

LINT_MAP = {
    "x%0A::error file=evil.yaml::pwned, 100%.yaml": """\
        party: p
        parties: {p: {name: P}}
        claims:
          - id: a
            text: x
            "k%0A::warning::injected\\r\\n::error::more": 1
            ignore: {AM203: "50%\\n::error file=a.yaml,line=1::fake\\r\\nreason\\u2028\\x1e\\x85"}
        """,
    "line\nbreak.yaml": "party: p\nclaims: [{id: b, text: y, supports: nowhere}]\n",
}


def _unescape_data(value: str) -> str:
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(value: str) -> str:
    return _unescape_data(value.replace("%3A", ":").replace("%2C", ","))


def test_github_annotations_carry_hostile_text_as_data(
    write_map: MapWriter, run_argmap: RunArgmap
) -> None:
    root = write_map(LINT_MAP)
    expected = run_argmap("lint", "--no-config", "--format", "json", root).findings()
    run = run_argmap("lint", "--no-config", "--format", "github", root)

    assert run.code == 1
    lines = run.stdout.split("\n")[:-1]  # the runner breaks lines at LF (and CR) only
    assert len(lines) == len(expected) >= 3  # one command per finding, no injected ones
    pattern = re.compile(r"\A::(error|warning|notice) ((?:[a-z]+=[^,:]*,?)+)::([^\r\n]*)\Z")
    for line, finding in zip(lines, expected, strict=True):
        match = pattern.match(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match.group(2).split(","))
        assert set(props) == {"file", "line", "col", "title"}
        assert _unescape_property(props["file"]) == finding["path"]
        assert int(props["line"]) == finding["line"]
        message = _unescape_data(match.group(3))
        assert message.startswith(finding["message"])


@needs_shared(SARIF_SCHEMA)
def test_sarif_is_valid_and_keeps_hostile_text_exactly(
    write_map: MapWriter, run_argmap: RunArgmap
) -> None:
    root = write_map(LINT_MAP)
    found = run_argmap("lint", "--no-config", "--format", "json", root).findings()
    expected = [f for f in found if not f["acknowledged"]]  # SARIF leaves acknowledged out
    run = run_argmap("lint", "--no-config", "--format", "sarif", root)

    document = json.loads(run.stdout)
    jsonschema.validate(document, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    results = document["runs"][0]["results"]
    assert [r["message"]["text"] for r in results] == [f["message"] for f in expected]
    for result in results:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not set(uri) & set("\n\r :,")  # percent-encoded


def test_text_report_is_one_line_per_finding(write_map: MapWriter, run_argmap: RunArgmap) -> None:
    root = write_map(LINT_MAP)
    expected = run_argmap("lint", "--no-config", "--format", "json", root).findings()
    run = run_argmap("lint", "--no-config", root)

    assert len(run.stdout.splitlines()) == len(expected) + 1  # and the summary


# -- DOT and SVG -----------------------------------------------------------------------


def _svg_claim_ids(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return [
        e.get("id", "")[len("claim-") :]
        for e in root.iter()
        if e.get("id", "").startswith("claim-") and "claim" in e.get("class", "").split()
    ]


def _assert_svg_is_inert(svg: str) -> None:
    root = ET.fromstring(svg)
    for element in root.iter():
        tag = element.tag.rsplit("}", 1)[-1]
        assert tag not in ("script", "foreignObject", "iframe", "object", "embed"), tag
        for name, value in element.attrib.items():
            local = name.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), (tag, name, value)
            if local in ("href", "src"):
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not scheme.startswith(("javascript:", "data:", "vbscript:")), value


@needs_dot
def test_dot_keeps_hostile_labels_as_text(
    hostile_map: Path, tmp_path: Path, run_argmap: RunArgmap
) -> None:
    out = tmp_path / "map.dot"
    produce(run_argmap, "render", "--no-config", hostile_map, "-o", out)

    completed = subprocess.run(
        ["dot", "-Tsvg"], input=out.read_bytes(), capture_output=True, timeout=120, check=False
    )
    assert completed.returncode == 0, completed.stderr
    svg = completed.stdout.decode("utf-8")
    assert sorted(_svg_claim_ids(svg)) == sorted(CLAIMS)  # one node per claim, no more
    _assert_svg_is_inert(svg)
    texts = " ".join(t.text or "" for t in ET.fromstring(svg).iter() if t.tag.endswith("text"))
    assert "\\N" in texts and "\\G" in texts and "\\L" in texts  # not expanded
    assert "argmap" not in texts  # \G would give the graph's name


@needs_dot
def test_svg_has_no_script_and_no_javascript_link(
    hostile_map: Path, tmp_path: Path, run_argmap: RunArgmap
) -> None:
    out = tmp_path / "map.svg"
    produce(run_argmap, "render", "--no-config", hostile_map, "-o", out)

    svg = out.read_text(encoding="utf-8")
    assert sorted(_svg_claim_ids(svg)) == sorted(CLAIMS)
    _assert_svg_is_inert(svg)
    assert "<script" not in svg.lower()


# -- Mermaid ---------------------------------------------------------------------------


def _assert_mermaid_is_inert(flowchart: str) -> None:
    lines = [line.strip() for line in flowchart.splitlines()]
    assert "%%{" not in flowchart  # no init directive: securityLevel stays strict
    assert not [line for line in lines if re.match(r"click\b", line)]
    assert lines.count("end") == sum(line.startswith("subgraph") for line in lines)
    assert "javascript:" not in flowchart
    assert "<script" not in flowchart and "<img" not in flowchart
    assert "```" not in flowchart
    for line in lines:
        if re.match(r"c\d+[\[({>]", line):  # a claim node: its whole label in one string
            label = re.match(r'c\d+[\[({>]+"([^"]*)"[\])}]+$', line)
            assert label, line


@pytest.mark.parametrize("suffix", [".mmd", ".md"])
def test_mermaid_keeps_end_click_and_init_as_text(
    suffix: str, hostile_map: Path, tmp_path: Path, run_argmap: RunArgmap
) -> None:
    out = tmp_path / f"map{suffix}"
    produce(run_argmap, "render", "--no-config", hostile_map, "-o", out)

    text = out.read_text(encoding="utf-8")
    if suffix == ".md":
        fences = [line for line in text.splitlines() if line.startswith("```")]
        assert fences == ["```mermaid", "```"]
        text = text.split("```mermaid", 1)[1].rsplit("```", 1)[0]
    _assert_mermaid_is_inert(text)
    assert len(re.findall(r"^\s*c\d+[\[({>]", text, re.MULTILINE)) == len(CLAIMS)


# -- HTML ------------------------------------------------------------------------------


class _Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[tuple[dict[str, str], str]] = []
        self._in_script: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attributes))
        if tag == "script":
            self._in_script = attributes
            self.scripts.append((attributes, ""))

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            attributes, text = self.scripts[-1]
            self.scripts[-1] = (attributes, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None


def _csp(elements: _Elements) -> dict[str, list[str]]:
    policies = [
        a["content"]
        for t, a in elements.tags
        if t == "meta" and a.get("http-equiv", "").lower() == "content-security-policy"
    ]
    assert len(policies) == 1, policies
    directives: dict[str, list[str]] = {}
    for part in policies[0].split(";"):
        if part.strip():
            name, *values = part.split()
            directives[name] = values
    return directives


def _assert_html_is_inert(html: str) -> None:
    elements = _Elements()
    elements.feed(html)
    policy = _csp(elements)
    sources = policy.get("script-src", policy.get("default-src", []))
    assert "'unsafe-inline'" not in sources and "'unsafe-eval'" not in sources, policy
    assert "*" not in sources and not any(s.startswith(("http", "data:")) for s in sources)
    hashes = {s.strip("'") for s in sources if s.startswith("'sha")}
    for attributes, text in elements.scripts:
        assert "src" not in attributes
        if attributes.get("type") == "application/json":
            json.loads(text)  # data, not code, and not cut short by a '</script>' in it
            continue
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"sha256-{digest}" in hashes, "an inline script the policy does not name"
    for tag, attributes in elements.tags:
        assert tag not in ("iframe", "object", "embed", "base", "form"), tag
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "xlink:href", "action"):
                scheme = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                assert not scheme.startswith(("javascript:", "vbscript:")), value
        if tag == "img":
            assert not attributes.get("src", "").startswith("x"), attributes
    for raw in ("<script>alert", "<img src=x", '<TD HREF="javascript'):
        assert raw not in html


@needs_dot
def test_html_explorer_escapes_claim_text_under_a_strict_policy(
    hostile_map: Path, tmp_path: Path, run_argmap: RunArgmap
) -> None:
    out = tmp_path / "map.html"
    produce(run_argmap, "render", "--no-config", hostile_map, "-o", out)

    _assert_html_is_inert(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("who", [("--side", "q"), ("--side", "p"), ("--moderator",)])
def test_printable_html_handout_escapes_claim_text(
    who: tuple[str, ...], hostile_map: Path, tmp_path: Path, run_argmap: RunArgmap
) -> None:
    out = tmp_path / "handout.html"
    produce(run_argmap, "debate", "--no-config", *who, hostile_map, "-o", out)

    _assert_html_is_inert(out.read_text(encoding="utf-8"))


@needs_dot
@pytest.mark.browser
def test_html_explorer_runs_nothing_from_claims_in_a_real_browser(
    hostile_map: Path, tmp_path: Path, run_argmap: RunArgmap, browser: Browser
) -> None:
    out = tmp_path / "map.html"
    produce(run_argmap, "render", "--no-config", hostile_map, "-o", out)
    dialogs: list[str] = []
    problems: list[str] = []
    page = browser.new_page()
    try:
        page.route(
            "**/*",
            lambda route: route.continue_() if route.request.url == out.as_uri() else route.abort(),
        )

        def on_dialog(dialog: Dialog) -> None:
            dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        page.goto(out.as_uri())
        for claim in sorted(CLAIMS):
            page.locator(f"#claim-{claim}").first.click()
        shown = page.evaluate("document.body.innerText")
        images = page.evaluate("Array.from(document.images, i => i.getAttribute('src'))")
    finally:
        page.close()

    assert dialogs == []
    assert problems == []  # a blocked inline script would be a CSP error here
    assert "<script>alert(1)</script>" in shown  # shown as text
    assert "x" not in images


# -- Markdown --------------------------------------------------------------------------


@pytest.mark.parametrize("who", [("--side", "q"), ("--side", "p"), ("--moderator",)])
def test_markdown_handout_keeps_markup_as_text(
    who: tuple[str, ...], hostile_map: Path, tmp_path: Path, run_argmap: RunArgmap
) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    out = tmp_path / "handout.md"
    produce(run_argmap, "debate", "--no-config", *who, hostile_map, "-o", out)

    source = out.read_text(encoding="utf-8")
    parser = markdown_it.MarkdownIt("commonmark").enable("table")  # raw HTML on, as many are
    tokens: list[Token] = []
    pending = parser.parse(source)
    while pending:
        token = pending.pop(0)
        tokens.append(token)
        pending[:0] = token.children or []
    for token in tokens:
        if token.type in ("html_inline", "html_block"):
            # only the handout's own anchors, never markup from a claim
            assert re.fullmatch(r'\s*(<a id="claim-[\w.-]+">|</a>)\s*', token.content), token
        if token.type == "link_open":
            href = token.attrs.get("href", "")
            assert str(href).startswith(("#", "https://", "http://")), token.attrs
            assert "evil.example" not in str(href) and "javascript" not in str(href)
        assert token.type != "image", token
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Heading" not in headings  # '# Heading' in a claim stays inside its paragraph
    html = parser.render(source)
    assert "<script" not in html
    assert "<img" not in html
    assert 'href="javascript' not in html
