"""The classroom kit as its readers get it: role cards and the lesson pack typeset to PDF
by the real engine (WeasyPrint) and read back with pypdf; the cards' length, reading grade
and words; equal footing; timings; and a small map of its own with no glossary or events."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
import textstat  # type: ignore[import-untyped]
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from argmap.debate.card import role_card
from argmap.debate.lesson import PHASES, lesson_pack, timings
from argmap.debate.outline import (
    Card,
    Items,
    Outline,
    Table,
    block_text,
    plain,
    quotes_of,
    words_of,
)
from argmap.debate.output import generate
from argmap.loading.build import load
from argmap.model import ArgMap
from tests.conftest import SHIPPED_MAP, MapWriter, RunCli

SIDES = ("trotsky", "prosecution")
FORBIDDEN = re.compile(r"\b(rebut\w*|undercut\w*|grounded|semantics|yaml)\b", re.IGNORECASE)

SMALL = {
    "case.yaml": """
        map: {title: The missing bicycle}
        parties:
          school: {name: The school}
          pupil: {name: Sam Jones}
        sources:
          log: {title: The caretaker's log}
        claims:
          - id: took-bike
            party: school
            kind: allegation
            against: pupil
            text: Sam took the bicycle from the shed on Monday.
            cite: {source: log, quote: "the pupil was seen by the shed", at: line 4}
          - id: was-away
            party: pupil
            text: Sam was at home ill on Monday.
            cite: {source: log, quote: "absent, ill", at: line 2}
            rebuts: took-bike
          - id: broke-lock
            party: school
            kind: allegation
            against: pupil
            text: Sam broke the lock of the shed.
    """
}


def pdf_pages(data: bytes) -> list[str]:
    """The text layer of each page of a PDF."""
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def as_sentences(outline: Outline) -> str:
    """The card's text as a reader meets it: every heading, line and quote is a unit."""
    return "\n".join(
        u if u.rstrip().endswith((".", "!", "?", ":")) else u + "." for u in words_of(outline)
    )


def card_titles(outline: Outline) -> list[str]:
    return [plain(b.title) for s in outline.sections for b in s.blocks if isinstance(b, Card)]


@pytest.fixture(scope="module")
def shipped() -> ArgMap:
    """The chapter's map: its role cards leave the later record out (docs/history.md)."""
    from argmap.history.as_of import as_of

    return as_of(load(SHIPPED_MAP), "1937-01-03")


@pytest.fixture(scope="module")
def card_pdfs(shipped: ArgMap) -> dict[str, bytes]:
    out = {}
    for side in SIDES:
        data = generate(role_card(shipped, side), "pdf")
        assert isinstance(data, bytes)
        out[side] = data
    return out


@pytest.mark.parametrize("side", SIDES)
def test_a_role_card_is_at_most_two_numbered_a4_pages(
    side: str, card_pdfs: dict[str, bytes]
) -> None:
    reader = PdfReader(io.BytesIO(card_pdfs[side]))
    assert 1 <= len(reader.pages) <= 2
    pages = pdf_pages(card_pdfs[side])
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    assert reader.metadata is not None and (reader.metadata.title or "").startswith("Role card")


@pytest.mark.parametrize("side", SIDES)
def test_no_argument_card_is_split_across_pages(
    side: str, shipped: ArgMap, card_pdfs: dict[str, bytes]
) -> None:
    pages = [" ".join(p.split()) for p in pdf_pages(card_pdfs[side])]
    cards = [b for s in role_card(shipped, side).sections for b in s.blocks if isinstance(b, Card)]
    assert cards
    for card in cards:
        head = " ".join(plain(card.title).split()[:5])
        tail = " ".join(block_text([card.blocks[-1]])[-1].split()[-3:])
        assert any(head in text and tail in text for text in pages), f"{head!r} is split"


@pytest.mark.parametrize("side", SIDES)
def test_a_role_card_is_short_and_plain(
    side: str, shipped: ArgMap, card_pdfs: dict[str, bytes]
) -> None:
    outline = role_card(shipped, side)
    text = as_sentences(outline)
    printed = "\n".join(pdf_pages(card_pdfs[side]))
    words = [w for w in printed.split() if any(c.isalnum() for c in w)]  # not bullets
    assert len(words) <= 900
    assert textstat.flesch_kincaid_grade(text) <= 10
    assert not FORBIDDEN.search(printed), FORBIDDEN.search(printed)
    for claim_id in shipped.claim_by_id:
        assert not re.search(rf"(?<![\w-]){re.escape(claim_id)}(?![\w-])", printed), claim_id
    for verdict in ("stands", "defeated", "accepted", "✓", "✗", "✔", "✘"):
        assert verdict not in printed


def test_every_quote_on_a_card_names_its_speaker_and_place(shipped: ArgMap) -> None:
    for side in SIDES:
        quotes = quotes_of(role_card(shipped, side))
        assert quotes
        assert all(q.speaker and q.place for q in quotes)
        for q in quotes:
            assert any(
                q.text == " ".join((c.quote or "").split())
                for claim in shipped.claims
                for c in claim.cite
            ), q.text


def test_the_prosecution_quotes_the_text_at_least_as_often_as_the_defence(
    shipped: ArgMap,
) -> None:
    counts = {side: len(quotes_of(role_card(shipped, side))) for side in SIDES}
    assert counts["prosecution"] >= counts["trotsky"] > 0


def test_both_cards_have_the_same_sections(shipped: ArgMap) -> None:
    titles = [[s.title for s in role_card(shipped, side).sections] for side in SIDES]
    assert titles[0] == titles[1]
    assert "Where the text is silent" in titles[0]


def test_every_open_charge_is_on_the_defence_card_as_silent(shipped: ArgMap) -> None:
    from argmap.relations import relations_of

    rel = relations_of(shipped)
    opened = [
        c
        for c in shipped.claims
        if c.is_allegation and c.against == "trotsky" and rel.status(c).is_open
    ]
    outline = role_card(shipped, "trotsky")
    silent = next(s for s in outline.sections if s.title == "Where the text is silent")
    text = " ".join(words_of(Outline("", sections=(silent,))))
    assert "the text is silent here" in text
    assert sum(len(b.items) for b in silent.blocks if isinstance(b, Items)) == len(opened)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=len(PHASES), max_value=600))
def test_lesson_timings_add_up_to_the_minutes_asked(minutes: int) -> None:
    parts = timings(minutes)
    assert sum(parts) == minutes
    assert all(p >= 1 for p in parts)


@pytest.mark.parametrize("minutes", [30, 45, 50, 90])
def test_the_lesson_plan_table_adds_up(shipped: ArgMap, minutes: int) -> None:
    plan = lesson_pack(shipped, minutes).sections[0]
    table = plan.blocks[0]
    assert isinstance(table, Table)
    assert sum(int(plain(row[1])) for row in table.rows) == minutes
    assert plain(table.rows[-1][0]).endswith(str(minutes))


def test_the_shipped_lesson_pack_has_a_glossary_and_a_timeline(shipped: ArgMap) -> None:
    pack = lesson_pack(shipped)
    sections = {s.title: s for s in pack.sections}
    glossary = sections["Glossary"].blocks[-1]
    assert isinstance(glossary, Table) and len(glossary.rows) >= 10
    timeline = sections["Timeline"].blocks[-1]
    assert isinstance(timeline, Table)
    dated_events = [row for row in timeline.rows if not plain(row[1]).startswith("Charge:")]
    assert len(dated_events) >= 10
    text = " ".join(words_of(pack))
    for needed in ("Prosecution", "Defence", "Historians", "Jury", "rubric", "only witness"):
        assert needed.lower() in text.lower()
    assert "strength of evidence" in text and "last speaker" in text


def test_the_lesson_pack_pdf_is_numbered(shipped: ArgMap) -> None:
    data = generate(lesson_pack(shipped), "pdf")
    assert isinstance(data, bytes)
    pages = pdf_pages(data)
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text
    assert "Glossary" in "".join(pages)


def test_a_small_map_without_glossary_or_events_gets_a_kit_that_says_so(
    write_map: MapWriter, run_cli: RunCli, tmp_path: Path
) -> None:
    root = write_map(SMALL)
    amap = load(root)
    card = role_card(amap, "pupil")
    text = " ".join(words_of(card))
    assert "Sam was at home ill" in text
    assert "the text is silent here" in text
    assert "broke the lock" in text
    pack = " ".join(words_of(lesson_pack(amap, 30)))
    assert "no glossary" in pack and "no dated events" in pack
    for side in ("pupil", "school"):
        code, _, err = run_cli("debate", root, "--side", side, "-o", tmp_path / f"{side}.pdf")
        assert code == 0, err
        pages = pdf_pages((tmp_path / f"{side}.pdf").read_bytes())
        assert pages and "Page 1 of" in pages[0]
    code, _, err = run_cli(
        "debate", root, "--moderator", "--minutes", "30", "-o", tmp_path / "p.pdf"
    )
    assert code == 0, err
    assert "no glossary" in " ".join(pdf_pages((tmp_path / "p.pdf").read_bytes()))
    code, out, _ = run_cli("debate", root, "--moderator", "--minutes", "30")
    assert code == 0 and "Lesson plan (30 minutes)" in out
