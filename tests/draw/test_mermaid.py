"""Mermaid export: the flowchart's shape, and label text that never becomes structure."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from argmap.draw.diagram import DiagramOptions, clean
from argmap.draw.mermaid import escape_label, generate_markdown, generate_mermaid
from argmap.loading.build import load
from argmap.model import ArgMap, Claim, Party, Span
from tests.conftest import REPO, MapWriter

MERMAID_TOOLS = REPO / "tools" / "mermaid"
MERMAID_JS = MERMAID_TOOLS / "node_modules" / "mermaid" / "dist" / "mermaid.min.js"

TRIAL = """
parties:
  prosecution: {name: The prosecution, color: "#B71C1C"}
  defence: {name: The defence}
claims:
  - id: charge
    party: prosecution
    kind: allegation
    text: The accused met the conspirators in Berlin.
  - id: ticket
    party: prosecution
    kind: evidence
    text: A train ticket to Berlin was found.
    supports: charge
  - id: alibi
    party: defence
    text: The accused was in Copenhagen that week.
    rebuts: charge
  - id: forged
    party: defence
    text: The ticket was printed after the trial began.
    undercuts: "ticket -> charge"
  - id: end
    party: prosecution
    kind: allegation
    text: The accused wanted power.
"""

# One line of the flowchart, as argmap writes it: every line must be one of these.
NODE = re.compile(r'(?:c|legend_)\w+(?:\("|\[\["|\[")(?P<label>[^"\n]*)(?:"\)|"\]\]|"\])')
LINE_SHAPES = [
    re.compile(r"flowchart (?:BT|TB|LR|RL)"),
    re.compile(rf"\s+{NODE.pattern}"),
    re.compile(r'\s+i\d+\(\(" "\)\)'),
    re.compile(r"\s+(?:c|i)\d+ (?:-->|--x|-\.->|---) (?:c|i)\d+"),
    re.compile(r'\s+subgraph (?:g\d+|legend)\["(?P<label>[^"\n]*)"\]'),
    re.compile(r"\s+end"),
    re.compile(r"\s+classDef \w+ [\w:#,. -]+"),
    re.compile(r"\s+class [\w,]+ \w+"),
    re.compile(r"\s+linkStyle [\d,]+ [\w:#,.-]+(?:,stroke-dasharray:\d+ \d+)?"),
]
OWN_MARKUP = re.compile(r"</?b>|</?i>|<br/>|#\w+;")


def labels_of(source: str) -> list[str]:
    """Every label of the flowchart; fails if a line has any other shape."""
    labels = []
    for line in source.splitlines():
        match = next((m for p in LINE_SHAPES if (m := p.fullmatch(line))), None)
        assert match is not None, f"unexpected line: {line!r}"
        if "label" in match.groupdict():
            labels.append(match.group("label"))
    return labels


def text_map(texts: list[str], party_name: str = "P") -> ArgMap:
    span = Span("m.yaml", 1, 1)
    claims = tuple(
        Claim(id=f"t{n}", text=text, party="p", span=span, kind="allegation", tags=(text,))
        for n, text in enumerate(texts)
    )
    return ArgMap(root=".", claims=claims, parties=(Party("p", party_name, span),))


@pytest.fixture
def trial(write_map: MapWriter) -> ArgMap:
    return load(write_map({"trial.yaml": TRIAL}))


def test_flowchart_shape(trial: ArgMap) -> None:
    source = generate_mermaid(trial)
    assert source.startswith("flowchart BT\n")
    labels_of(source)
    assert re.search(r"^  c1\[\[\"<b>charge</b> · ALLEGATION", source, re.MULTILINE)
    assert re.search(r'^  c2\["<b>ticket</b> · EVIDENCE', source, re.MULTILINE)
    assert re.search(r'^  c3\("<b>alibi</b>', source, re.MULTILINE)
    assert "  c3 --x c1" in source
    assert "  c2 --- i1" in source and "  i1 --> c1" in source
    assert "  c4 -.-> i1" in source
    assert re.search(r"^  class [\w,]*c5[\w,]* unanswered$", source, re.MULTILINE)
    assert "⚠ UNANSWERED" in source
    assert "c1" in source and not re.search(r"^\s*end\b(?!$)", source, re.MULTILINE)
    assert generate_mermaid(trial, DiagramOptions(rankdir="LR")).startswith("flowchart LR\n")


def test_link_styles_count_every_edge(trial: ArgMap) -> None:
    source = generate_mermaid(trial)
    edges = [
        line
        for line in source.splitlines()
        if re.fullmatch(r"\s+\w+ (-->|--x|-\.->|---) \w+", line)
    ]
    styled = [
        int(n)
        for line in source.splitlines()
        if line.strip().startswith("linkStyle ")
        for n in line.split()[1].split(",")
    ]
    assert sorted(styled) == list(range(len(edges))) and len(edges) == 4


def test_groups_become_subgraphs(trial: ArgMap) -> None:
    source = generate_mermaid(trial, DiagramOptions(group="party"))
    assert source.count("  subgraph g") == 2
    assert '  subgraph g1["<b>The prosecution</b>"]' in source
    labels_of(source)


def test_a_claim_named_end_is_a_generated_id(trial: ArgMap) -> None:
    source = generate_mermaid(trial)
    assert "<b>end</b>" in source
    assert re.search(r"^\s*end\s*$", source, re.MULTILINE) is None or "subgraph" in source


HOSTILE = [
    'say "hi" end click c1 call alert(1)',
    "%%{init: {'theme': 'dark', 'securityLevel': 'loose'}}%%",
    'a --> b; c -.-> d\nend\nclick c1 href "javascript:alert(1)"',
    "<img src=x onerror=alert(1)> <b>bold</b> &amp; #quot; #35; &#60;",
    "`**markdown**` _under_ ~strike~ | pipe | [x] {y} (z)",
    "style c1 fill:#f00; classDef x fill:#0f0;",
    '\\n \\" back\\slash',
    "",
]


@given(st.lists(st.text(max_size=40), min_size=1, max_size=5), st.text(max_size=20))
@settings(max_examples=200)
def test_random_text_never_leaves_its_label(texts: list[str], party: str) -> None:
    amap = text_map(texts, party or "P")
    for group in (None, "party", "tag"):
        source = generate_mermaid(amap, DiagramOptions(group=group))
        labels = labels_of(source)
        for label in labels:
            plain = OWN_MARKUP.sub("", label)
            assert not set(plain) & set('"#%<>`:;{}[]|\\&\n\r'), label
        claim_nodes = re.findall(r"^\s+c\d+[(\[]", source, re.MULTILINE)
        assert len(claim_nodes) == len(texts)


@given(st.text())
def test_escape_label_decodes_back_to_the_text(text: str) -> None:
    escaped = escape_label(text)
    decoded = re.sub(
        r"#(\w+);",
        lambda m: (
            {"quot": '"', "amp": "&", "lt": "<", "gt": ">"}.get(m.group(1)) or chr(int(m.group(1)))
        ),
        escaped,
    )
    decoded = re.sub(r"\\([_*`\\])", r"\1", decoded)  # Markdown escapes, as Mermaid reads them
    assert decoded == (clean(text) or " ")


def test_markdown_page_embeds_the_flowchart(trial: ArgMap, write_map: MapWriter) -> None:
    amap = load(
        write_map(
            {"m.yaml": 'map: {title: "A *title* with ```` and <b>x</b> # end"}\n' + TRIAL},
            directory="titled",
        )
    )
    page = generate_markdown(amap)
    tokens = MarkdownIt("commonmark").parse(page)
    heading = tokens[tokens.index(next(t for t in tokens if t.type == "heading_open")) + 1]
    assert [c.type for c in heading.children or []] == ["text"]  # no emphasis, code or HTML
    assert (
        heading.content
        and heading.children
        and heading.children[0].content == ("A *title* with ```` and <b>x</b> # end")
    )
    fences = [t for t in tokens if t.type == "fence"]
    assert len(fences) == 1 and fences[0].info == "mermaid"
    assert fences[0].content == generate_mermaid(amap)
    assert not [t for t in tokens if t.type in ("html_block", "html_inline")]
    assert "⚠ UNANSWERED" in page


def mermaid_js() -> Path:
    """Mermaid's browser bundle, installed from tools/mermaid's lock file on first use."""
    if not MERMAID_JS.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("needs npm to install Mermaid (tools/mermaid)")
        completed = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--prefix", str(MERMAID_TOOLS)],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if completed.returncode != 0 or not MERMAID_JS.exists():
            pytest.skip(f"could not install Mermaid: {completed.stderr.strip()[-300:]}")
    return MERMAID_JS


def render_in_browser(sources: list[str]) -> list[dict[str, object]]:
    """Render each source with the real Mermaid in headless Chromium: nodes and label texts."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("needs Debian's chromium")
    playwright = pytest.importorskip("playwright.sync_api")
    script = mermaid_js()
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.set_content("<html><body><div id=out></div></body></html>")
            page.add_script_tag(path=str(script))
            results: list[dict[str, object]] = page.evaluate(
                """async (sources) => {
                  mermaid.initialize({startOnLoad: false, securityLevel: 'strict'});
                  const out = [];
                  for (const [n, src] of sources.entries()) {
                    try {
                      const {svg} = await mermaid.render('m' + n, src);
                      const holder = document.createElement('div');
                      holder.innerHTML = svg;
                      const nodes = [...holder.querySelectorAll('g.node')].map(g => ({
                        id: g.id, text: g.textContent.replace(/\\s+/g, ' ').trim(),
                        links: g.querySelectorAll('a').length,
                      }));
                      out.push({ok: true, nodes, scripts: holder.querySelectorAll(
                        'script, img, [onerror], [onclick]').length,
                        style: [...holder.querySelectorAll('style')].map(
                          s => s.textContent).join('\\n')});
                    } catch (e) {
                      out.push({ok: false, error: String(e)});
                    }
                  }
                  return out;
                }""",
                sources,
            )
        finally:
            browser.close()
    return results


@pytest.mark.node
@pytest.mark.browser
def test_real_mermaid_draws_hostile_labels_as_text(trial: ArgMap) -> None:
    amap = text_map(HOSTILE, party_name="%%{init: {'theme':'dark'}}%% end")
    sources = [
        generate_mermaid(amap),
        generate_mermaid(amap, DiagramOptions(group="tag")),
        generate_mermaid(trial),
    ]
    results = render_in_browser(sources)
    for result in results:
        assert result["ok"], result.get("error")
    hostile, grouped, plain = results
    for result in (hostile, grouped):
        nodes = result["nodes"]
        assert isinstance(nodes, list)
        claims = {
            int(m.group(1)): node
            for node in nodes
            if (m := re.search(r"-c(\d+)-", str(node["id"])))
        }
        assert sorted(claims) == list(range(1, len(HOSTILE) + 1))
        for number, node in claims.items():
            expected = clean(HOSTILE[number - 1]).replace(" ", "")
            assert expected in str(node["text"]).replace(" ", "")
            assert node["links"] == 0
        assert result["scripts"] == 0
        style = str(result["style"])
        assert "#ECECFF" in style.upper() and "#1F2020" not in style.upper()  # not dark
    nodes = plain["nodes"]
    assert isinstance(nodes, list)
    assert len([n for n in nodes if re.search(r"-c\d+-", str(n["id"]))]) == 5


@pytest.mark.node
@pytest.mark.browser
@settings(max_examples=4, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=50), min_size=10, max_size=10))
def test_real_mermaid_keeps_random_text(texts: list[str]) -> None:
    (result,) = render_in_browser([generate_mermaid(text_map(texts))])
    assert result["ok"], result.get("error")
    nodes = result["nodes"]
    assert isinstance(nodes, list)
    claims = {int(m.group(1)): n for n in nodes if (m := re.search(r"-c(\d+)-", str(n["id"])))}
    assert sorted(claims) == list(range(1, len(texts) + 1))
    for number, node in claims.items():
        expected = re.sub(r"\s+", "", clean(texts[number - 1]))
        assert expected in re.sub(r"\s+", "", str(node["text"]))


@given(st.text(min_size=1))
def test_markdown_escaping_keeps_any_text_as_text(text: str) -> None:
    from argmap.draw.mermaid import escape_markdown

    parser = MarkdownIt("commonmark").enable(["strikethrough", "table"])
    tokens = parser.parse(f"# {escape_markdown(text)}\n\n{escape_markdown(text)}\n")
    inline = [t for t in tokens if t.type == "inline"]
    expected = clean(text).strip()
    if not expected:
        return
    assert [t.type for t in tokens if t.type.endswith("_open")] == [
        "heading_open",
        "paragraph_open",
    ]
    for token in inline:
        assert {c.type for c in token.children or []} <= {"text"}
        assert "".join(c.content for c in token.children or []) == expected


def test_markdown_page_leaves_no_live_address(tmp_path: Path) -> None:
    """Title, description and party names with addresses stay text (issue 20, item 10)."""
    (tmp_path / "map.yaml").write_text(
        "title: See https://evil.example/x and www.evil.example\n"
        "description: Mail admin@evil.example or visit http://evil.example\n"
        "parties: {p: {name: 'https://party.example'}}\n"
        "claims:\n  - {id: a, party: p, text: A.}\n",
        encoding="utf-8",
    )
    page = generate_markdown(load(str(tmp_path)))
    before_diagram = page.split("```mermaid")[0] + page.split("```\n", 1)[-1]
    parser = MarkdownIt("gfm-like")
    for token in parser.parse(before_diagram):
        for child in token.children or []:
            assert child.type != "link_open", child
    assert "https://" not in before_diagram and "http://" not in before_diagram
    assert "www.evil" not in before_diagram
