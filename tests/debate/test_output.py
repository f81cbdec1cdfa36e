"""Handouts and the moderator sheet as Markdown, HTML and PDF: content against the map,
hostile text kept as text (rendered with a real Markdown engine and parsed as HTML)."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from argmap.debate.brief import handout, moderator_sheet
from argmap.debate.output import (
    anchor,
    handout_html,
    handout_markdown,
    md_text,
    moderator_html,
    moderator_markdown,
)
from argmap.lint import lint
from argmap.loading.build import load
from argmap.model import ArgMap
from tests.conftest import SHIPPED_MAP, MapWriter, RunCli

# GitHub-flavoured: links from bare addresses, tables, strike-through, raw HTML allowed.
MARKDOWN = MarkdownIt("commonmark", {"linkify": True, "html": True}).enable(
    ["linkify", "table", "strikethrough"]
)

HOSTILE = (
    "<script>window.__pwned=1</script> [click](http://evil.example/x) ![img](x.png) "
    "www.evil.example http://evil.example a@evil.example *bold* _it_ `code` ~~gone~~ "
    "&amp; $x$ | pipe \n# Heading\n1. list\n- item\n> quote <img src=x onerror=alert(1)>"
)

COURT = {
    "parties.yaml": """
        parties:
          pro: {name: The prosecution}
          def: {name: The defence}
        sources:
          rec: {title: The record}
          diary: {title: The diary}
    """,
    "pro.yaml": """
        party: pro
        claims:
          - id: a1
            kind: allegation
            against: def
            text: The accused met the plotters in 1932.
            cite: {source: rec, quote: "met them in the summer, said the clerk", at: p. 3}
          - id: s1
            kind: evidence
            text: A witness saw the meeting.
            supports: a1
            cite: {source: rec, quote: I saw them meet, at: p. 4}
          - id: a2
            kind: allegation
            against: def
            text: The accused wrote a letter.
          - id: a3
            kind: allegation
            against: def
            text: The accused ran a cell in the city.
            ignore: {AM201: The source says nothing about the cell.}
          - id: counter
            text: The accused's diary has gaps.
            rebuts: d1
    """,
    "def.yaml": """
        party: def
        claims:
          - id: d1
            text: The accused was abroad all of 1932.
            rebuts: a1
          - id: d2
            kind: evidence
            text: His passport shows no entry.
            supports: d1
            cite:
              - {source: diary, quote: "no entry stamp, 'ever'", at: p. 9}
    """,
}


class _Tags(HTMLParser):
    """The elements and the text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if not self.tags or self.tags[-1][0] not in ("style", "title"):
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.chunks).split())


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def court(write_map: MapWriter) -> ArgMap:
    return load(write_map(COURT))


# -- Markdown escaping -----------------------------------------------------------------------


def test_the_renderer_used_here_does_make_links_and_markup_from_plain_markdown() -> None:
    # The control for the tests below: without escaping, the same text is live.
    tags = {t for t, _ in parse(MARKDOWN.render("Claim: " + HOSTILE)).tags}
    assert {"a", "img", "script", "h1", "em", "code"} <= tags


def test_hostile_text_renders_as_itself_and_nothing_else() -> None:
    rendered = parse(MARKDOWN.render("Claim: " + md_text(HOSTILE)))
    assert [t for t, _ in rendered.tags] == ["p"]
    assert rendered.text == flat("Claim: " + HOSTILE)


MARKDOWN_PUNCTUATION = st.sampled_from([*"\\`*_{}[]()#+-.!|<>~$&@:/\"'=^%;,?", "\n", " "])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            MARKDOWN_PUNCTUATION,
            st.sampled_from(["www.", "http://", "a@b.co", "1.", "&amp;", "&#65;", "<b>", "x.com"]),
            st.characters(blacklist_categories=("Cs", "Cc")),
        ),
        max_size=40,
    ).map("".join)
)
def test_any_text_renders_verbatim_as_one_paragraph(text: str) -> None:
    source = "Claim: " + md_text(text)
    rendered = parse(MARKDOWN.render(source))
    assert [t for t, _ in rendered.tags] == ["p"]
    assert rendered.text == flat("Claim: " + text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30))
def test_text_at_the_start_of_a_line_starts_no_block(text: str) -> None:
    rendered = parse(MARKDOWN.render(md_text(text)))
    assert [t for t, _ in rendered.tags] in ([], ["p"])
    assert rendered.text == flat(text)


def test_text_in_a_table_cell_stays_in_its_cell() -> None:
    table = f"| a | b |\n|---|---|\n| {md_text('x | y')} | {md_text('[z](http://e)')} |\n"
    rendered = parse(MARKDOWN.render(table))
    assert [t for t, _ in rendered.tags].count("td") == 2
    assert "a" not in [t for t, _ in rendered.tags]


# -- handouts: content against the map ------------------------------------------------------


def rendered_markdown(markdown: str) -> _Tags:
    return parse(MARKDOWN.render(markdown))


def test_the_defence_handout_has_every_allegation_and_flags_the_open_ones(court: ArgMap) -> None:
    markdown = handout_markdown(handout(court, "def"))
    headings = re.findall(r"^### (\d+)\. (.*)$", markdown, flags=re.M)
    assert [h for _, h in headings] == [
        "`a1` (answered)",
        "⚠ PREPARE: `a2` (UNANSWERED)",
        "⚠ PREPARE: `a3` (acknowledged as open)",
    ]
    prepare = markdown.split("## Points to prepare", 1)[1].split("## Allegations you must", 1)[0]
    assert "**⚠ PREPARE** [`a2`](#claim-a2)" in prepare
    assert "**⚠ PREPARE** [`a3`](#claim-a3)" in prepare
    assert "[`a1`]" not in prepare
    assert "The source says nothing about the cell." in prepare


def test_the_prosecution_handout_lists_answers_to_counter(court: ArgMap) -> None:
    markdown = handout_markdown(handout(court, "pro"))
    prepare = markdown.split("## Points to prepare", 1)[1].split("## Allegations you must", 1)[0]
    assert "### Answers to your allegations that you do not attack yet" in prepare
    # d2 backs d1; `counter` attacks d1, so d1 is countered: only the undercut is open.
    assert "### Allegations with no answer from you" not in prepare
    text = parse(handout_html(handout(court, "pro"))).text
    assert "⚠ PREPARE a counter to d1 (by The defence; it answers a1 ):" not in text
    assert "⚠ PREPARE a counter to d1" not in text


def test_quotes_sources_and_locators_appear_verbatim(court: ArgMap) -> None:
    for side in ("def", "pro"):
        text = rendered_markdown(handout_markdown(handout(court, side))).text
        assert "p. 3: “met them in the summer, said the clerk”" in text
        assert "p. 4: “I saw them meet”" in text
        # The diary is not the main source: its title is on the card.
        assert "p. 9, The diary: “no entry stamp, 'ever'”" in text
        assert "Quotations are from The record unless another source is named." in text


def test_the_html_handout_has_the_same_content(court: ArgMap) -> None:
    page = handout_html(handout(court, "def"))
    parsed = parse(page)
    anchors = {a.get("id") for _, a in parsed.tags}
    for claim_id in ("a1", "a2", "a3", "s1", "d1", "d2", "counter"):
        assert f"claim-{claim_id}" in anchors
    assert "p. 3: “met them in the summer, said the clerk”" in parsed.text
    # Two in the list of points to prepare, two in the headings, one for the missing answer.
    assert parsed.text.count("⚠ PREPARE") == 5
    assert "Acknowledged as open: The source says nothing about the cell." in parsed.text


def cross_references_resolve(ids: set[str | None], hrefs: list[str]) -> None:
    targets = {h[1:] for h in hrefs if h.startswith("#")}
    assert targets, "no cross-reference at all"
    assert targets <= ids, f"dangling: {sorted(targets - ids)}"


@pytest.mark.parametrize("side", ["def", "pro"])
def test_every_cross_reference_has_its_anchor_and_anchors_are_unique(
    court: ArgMap, side: str
) -> None:
    for page in (
        MARKDOWN.render(handout_markdown(handout(court, side))),
        handout_html(handout(court, side)),
        MARKDOWN.render(moderator_markdown(moderator_sheet(court))),
        moderator_html(moderator_sheet(court)),
    ):
        tags = parse(page).tags
        ids = [a["id"] for _, a in tags if a.get("id")]
        assert len(ids) == len(set(ids))
        hrefs = [a["href"] or "" for t, a in tags if t == "a" and "href" in a]
        assert all(h.startswith("#claim-") for h in hrefs)
        cross_references_resolve(set(ids), hrefs)


def hostile_map(write_map: MapWriter) -> ArgMap:
    return load(
        write_map(
            {
                "m.yaml": f"""
                    map: {{title: "<script>alert(1)</script> [t](http://e.example)"}}
                    parties:
                      pro: {{name: "Pro <b>bold</b> *x*"}}
                      def: {{name: "[Def](javascript:alert(1))"}}
                    sources:
                      s: {{title: "![src](http://e.example/i.png)", url: "javascript:alert(1)"}}
                    claims:
                      - id: a1
                        party: pro
                        kind: allegation
                        against: def
                        text: {json.dumps(HOSTILE)}
                        cite:
                          source: s
                          quote: "<img src=x onerror=alert(2)> www.e.example"
                          at: "# p"
                      - id: d1
                        party: def
                        text: "`code` | </script> ~~x~~"
                        rebuts: a1
                        note: "<iframe src=//e.example></iframe>"
                """
            }
        )
    )


def test_hostile_text_stays_text_in_markdown(write_map: MapWriter) -> None:
    amap = hostile_map(write_map)
    for document in (
        handout_markdown(handout(amap, "def")),
        handout_markdown(handout(amap, "pro")),
        moderator_markdown(moderator_sheet(amap)),
    ):
        rendered = parse(MARKDOWN.render(document))
        names = [t for t, _ in rendered.tags]
        assert "img" not in names and "script" not in names and "iframe" not in names
        assert "b" not in names and "h1" in names
        for tag, attrs in rendered.tags:
            if tag == "a":
                assert (attrs.get("href") or "").startswith("#claim-") or (
                    attrs.get("id") or ""
                ).startswith("claim-")
        assert flat(HOSTILE) in rendered.text
        assert "`code` | </script> ~~x~~" in rendered.text


def test_hostile_text_stays_text_in_html(write_map: MapWriter) -> None:
    amap = hostile_map(write_map)
    for page in (
        handout_html(handout(amap, "def")),
        handout_html(handout(amap, "pro")),
        moderator_html(moderator_sheet(amap)),
    ):
        parsed = parse(page)
        names = [t for t, _ in parsed.tags]
        assert "script" not in names and "img" not in names and "iframe" not in names
        assert names.count("b") == 0
        assert all((a.get("href") or "#").startswith("#") for t, a in parsed.tags if t == "a"), (
            "a link to outside the page"
        )
        assert flat(HOSTILE) in parsed.text
        assert "<script>alert(1)</script> [t](http://e.example)" in parsed.text
        assert "default-src 'none'" in page and "script-src" not in page


def test_anchor_names_are_safe_for_any_id() -> None:
    assert anchor("united-center") == "claim-united-center"
    assert re.fullmatch(r"claim-x[0-9a-f]+", anchor('a"><script>'))


# -- the command -----------------------------------------------------------------------------


def test_debate_writes_a_handout_per_side(
    court: ArgMap, run_cli: RunCli, tmp_path: Path, write_map: MapWriter
) -> None:
    root = write_map(COURT)
    code, _, err = run_cli("debate", root, "--side", "def", "--dossier", "-o", tmp_path / "def.md")
    assert (code, err) == (0, "")
    assert (tmp_path / "def.md").read_text(encoding="utf-8") == handout_markdown(
        handout(court, "def")
    )
    code, _, err = run_cli("debate", root, "--side", "pro", "-o", tmp_path / "pro.html")
    assert code == 0
    assert (tmp_path / "pro.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, out, _ = run_cli("debate", root, "--moderator", "--dossier")
    assert code == 0 and out.startswith("# Moderator sheet")


def test_an_unknown_side_exits_2_listing_the_parties(run_cli: RunCli, write_map: MapWriter) -> None:
    code, out, err = run_cli("debate", write_map(COURT), "--side", "judge")
    assert code == 2 and out == ""
    assert err.strip() == ("argmap: error: unknown side 'judge' (the map's parties are: pro, def)")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--side", "def", "-o", "x.docx"], "unknown handout format"),
        (["--side", "def", "--moderator"], "not allowed with argument"),
        ([], "one of the arguments --side --moderator is required"),
        (["--side", "def", "--format", "pdf"], "a PDF needs -o FILE.pdf"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    run_cli: RunCli, write_map: MapWriter, args: list[str], message: str
) -> None:
    code, _, err = run_cli("debate", write_map(COURT), *args)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1


def test_a_claim_file_is_never_overwritten(run_cli: RunCli, write_map: MapWriter) -> None:
    root = write_map(COURT)
    before = (root / "pro.yaml").read_bytes()
    code, _, err = run_cli("debate", root, "--moderator", "-o", root / "pro.yaml", "--format", "md")
    assert code == 2 and "refusing to overwrite claim file" in err
    assert (root / "pro.yaml").read_bytes() == before


def test_a_pdf_dossier_is_typeset_by_weasyprint(
    run_cli: RunCli, write_map: MapWriter, tmp_path: Path
) -> None:
    code, _, err = run_cli(
        "debate", write_map(COURT), "--side", "def", "--dossier", "-o", tmp_path / "d.pdf"
    )
    assert (code, err) == (0, "")
    data = (tmp_path / "d.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 2000
    if shutil.which("pdftotext"):
        import subprocess

        text = subprocess.run(
            ["pdftotext", tmp_path / "d.pdf", "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Debate handout: The defence" in text
        assert "PREPARE" in text


# -- the shipped map -------------------------------------------------------------------------


@pytest.mark.parametrize("side", ["trotsky", "prosecution"])
def test_the_shipped_maps_handouts_against_the_map(side: str) -> None:
    amap = load(SHIPPED_MAP)
    doc = handout(amap, side)
    text = rendered_markdown(handout_markdown(doc)).text
    html_text = parse(handout_html(doc)).text
    open_ids = {f.claim for f in lint(amap, select=["AM201"])}
    for claim in amap.claims:
        if not claim.is_allegation:
            continue
        involved = claim.party == side or claim.against in (side, None)
        if not involved:
            continue
        assert f"{claim.id} " in text and flat(claim.text) in text
        assert flat(claim.text) in html_text
        if claim.against == side and claim.id in open_ids:
            assert f"⚠ PREPARE: {claim.id} (" in text
        for cite in claim.cite:
            if cite.quote:
                assert f"“{flat(cite.quote)}”" in text
                assert flat(cite.quote) in html_text
