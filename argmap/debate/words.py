"""What the handouts say, whatever their format: escaping, anchors, roles, the intro."""

from __future__ import annotations

import re
from collections.abc import Iterable

from argmap.debate.records import (
    LABEL_MEANING,
    ClaimView,
    Handout,
    Link,
    ModeratorSheet,
    PartyView,
    SourceView,
)

FORMATS = ("md", "html", "pdf")

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_MD_ALWAYS = frozenset("\\`*_[]<>#|~$&@")
_ORDERED_START = re.compile(r"^(\d+)([.)])")

PREPARE = "PREPARE"
STATUS_TEXT = {
    "answered": "answered",
    "unanswered": "UNANSWERED",
    "acknowledged": "acknowledged as open",
}


class HandoutError(Exception):
    """A handout could not be produced in the format asked for (one clear line)."""


# -- escaping -------------------------------------------------------------------------------


def md_text(text: str) -> str:
    """Map text as inert Markdown: it renders as itself, on one line.

    White space (line breaks included) is collapsed, so the text cannot start a
    block; the characters that make emphasis, code, links, images, HTML, entities,
    tables, strike-through, maths, mentions or headings are backslash-escaped, and
    so are the dots and colons that would make a bare address into a link.
    """
    flat = " ".join(text.split())
    out: list[str] = []
    for i, char in enumerate(flat):
        after = flat[i + 1] if i + 1 < len(flat) else ""
        if (
            char in _MD_ALWAYS
            or (char == "." and after.isascii() and after.isalnum())
            or (char in ":/" and after == "/")
        ):
            out.append("\\" + char)
        else:
            out.append(char)
    escaped = "".join(out)
    if escaped and escaped[0] in "-+=.)":
        escaped = "\\" + escaped
    return _ORDERED_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped, count=1)


def anchor(claim_id: str) -> str:
    """The anchor name of a claim: ``claim-<id>`` (other characters hex-encoded)."""
    if _ID_RE.fullmatch(claim_id):
        return f"claim-{claim_id}"
    return "claim-x" + claim_id.encode("utf-8").hex()


def md_id(claim_id: str) -> str:
    return f"`{claim_id}`" if _ID_RE.fullmatch(claim_id) else md_text(claim_id)


# -- words shared by both formats ----------------------------------------------------------


def kind_and_label(claim: ClaimView) -> list[str]:
    parts = [claim.party_name]
    if claim.kind != "claim":
        parts.append(claim.kind)
    if claim.label is not None:
        parts.append(f"grounded: {LABEL_MEANING[claim.label]}")
    return parts


def see_also(claim: ClaimView, sections: dict[str, int]) -> str:
    if claim.id in sections:
        return f"An allegation with its own section, no. {sections[claim.id]}:"
    return "Set out in full at"


def role_of(link: Link, side: PartyView, above: ClaimView) -> str:
    """What a link is to the reader: a reason, their reply, or an attack to expect."""
    if link.relation == "supports":
        return "Backed by"
    if link.claim.party == side.id:
        return "Your reply"
    if above.party == side.id:
        return f"Counter-attack by {link.claim.party_name}"
    return f"Attacked by {link.claim.party_name}"


def intro(doc: Handout) -> tuple[str, list[str], str, list[str]]:
    """The counts at the top of a handout: two lines, each with its sub-lines."""
    must = doc.must_answer
    own = doc.own
    must_subs = (
        [
            f"answered: {sum(b.status == 'answered' for b in must)}",
            f"no answer yet, to prepare: {len(doc.to_prepare)}"
            + (f" ({len(doc.acknowledged)} acknowledged as open)" if doc.acknowledged else ""),
        ]
        if must
        else []
    )
    own_subs = (
        [
            f"answered by the other side: {sum(b.status == 'answered' for b in own)}",
            f"not answered: {sum(b.status != 'answered' for b in own)}",
            f"answers you do not attack yet, to prepare: {len(doc.to_counter)}",
        ]
        if own
        else []
    )
    return (
        f"Allegations you must answer: {len(must)}",
        must_subs,
        f"Your own allegations: {len(own)}",
        own_subs,
    )


def prepare_lead(doc: Handout) -> str:
    lead = (
        f"{len(doc.to_prepare)} of the allegations you must answer have no answer from you "
        "in the map"
    )
    if doc.acknowledged:
        lead += (
            f" ({len(doc.acknowledged)} acknowledged as open by the map's authors, "
            "with their reason)"
        )
    return lead + ". Prepare what you will say to each:"


NOTHING_TO_PREPARE = "None: the map gives you an answer to every allegation you must answer."
COUNTER_LEAD = (
    "The other side answers your allegations with these claims, and none of your claims "
    "attacks them yet. Prepare a counter-attack to each:"
)
NOTHING_TO_COUNTER = "None: you have a counter-attack on every answer to your allegations."


HOW_TO_READ = (
    "Claims are named by their id. A claim is set out in full once, with its evidence; "
    "afterwards it is referred to by its id. “Backed by” lists the reasons given for a "
    "claim; “Counter-attack” is what another party can say against one of your claims, "
    "“Your reply” what you can say back, and “Attacked by” any other attack."
)
SEMANTICS_NOTE = (
    "Grounded (a formal calculation by argmap, not a finding of fact): in = every attack "
    "on the claim is itself out, out = an attack on it is in, undecided = the map does not "
    "settle it. It does not measure the strength of evidence, and it favours whoever "
    "speaks last: a claim that no one answers is in."
)
NO_SEMANTICS_NOTE = "Grounded status is not shown: argmap's semantics module is not installed."


def section_numbers(doc: Handout) -> dict[str, int]:
    """Allegation id -> its section number, counted through both parts of the handout."""
    return {b.claim.id: n for n, b in enumerate((*doc.must_answer, *doc.own), 1)}


def walk(links: Iterable[Link]) -> Iterable[ClaimView]:
    for link in links:
        yield link.claim
        yield from walk(link.supports)
        yield from walk(link.attacks)


def main_source(doc: Handout | ModeratorSheet) -> SourceView | None:
    """The source most quoted in a document: named once, not on every card."""
    if isinstance(doc, Handout):
        claims: Iterable[ClaimView] = (
            c
            for brief in (*doc.must_answer, *doc.own)
            for c in (brief.claim, *walk(brief.case), *walk(brief.answers))
        )
    else:
        claims = (entry.claim for entry in doc.entries)
    counts: dict[str, int] = {}
    for claim in claims:
        for card in claim.cards:
            counts[card.source] = counts.get(card.source, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda s: counts[s])
    return next((s for s in doc.sources if s.id == best), None)


def claim_counts(sheet: ModeratorSheet) -> dict[str, int]:
    counts: dict[str, int] = {}
    for entry in sheet.entries:
        counts[entry.claim.party] = counts.get(entry.claim.party, 0) + 1
    return counts
