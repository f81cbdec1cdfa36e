"""AM305 quote-speaker: another speaker's words cited as the party's own."""

from __future__ import annotations

import pytest

from .conftest import LintMap

HEAD = """\
parties: {trotsky: {name: Leon Trotsky}, editor: {name: The Editor}}
sources: {intro: {title: Introduction}}
claims:
"""


def test_an_editors_quote_under_trotskys_claim_is_a_warning_at_by(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": HEAD
            + """\
  - id: no-contact
    party: trotsky
    text: He had no contact with them after 1927.
    cite:
      - {source: intro, quote: "an explicit denial", by: editor}
"""
        },
        select=["AM305"],
    )
    assert linted.at("AM305") == [("a.yaml", 8, 58)]
    (finding,) = linted.of("AM305")
    assert (finding.severity, finding.claim) == ("warning", "no-contact")
    assert "quotes words of 'editor' (The Editor)" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "The editor reads it as an explicit denial.",
        "According to the introduction, it is an explicit denial.",
        "Davenport says it is an explicit denial.",
    ],
)
def test_an_evidence_claim_that_says_the_words_are_reported_passes(
    lint_map: LintMap, text: str
) -> None:
    linted = lint_map(
        {
            "a.yaml": HEAD
            + f"""\
  - id: reading
    party: trotsky
    kind: evidence
    text: {text}
    cite:
      - {{source: intro, quote: "an explicit denial", by: editor}}
  - id: own
    party: trotsky
    text: My own words.
    cite:
      - {{source: intro, quote: "an explicit denial", by: trotsky}}
"""
        },
        select=["AM305"],
    )
    assert linted.findings == []


def test_a_year_in_the_speakers_name_does_not_count_as_naming_it(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": """\
parties: {trotsky: {name: Leon Trotsky}, editor: {name: Tim Davenport (2002)}}
sources: {intro: {title: Introduction}}
claims:
  - id: reading
    party: trotsky
    kind: allegation
    text: In 2002 it became an explicit denial.
    cite:
      - {source: intro, quote: "an explicit denial", by: editor}
  - id: alleged
    party: trotsky
    kind: allegation
    text: The prosecution alleged an explicit denial.
    cite:
      - {source: intro, quote: "an explicit denial", by: editor}
"""
        },
        select=["AM305"],
    )
    assert [f.claim for f in linted.of("AM305")] == ["reading"]


def test_an_undeclared_speaker_is_an_unknown_party(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": HEAD
            + """\
  - id: reading
    party: trotsky
    kind: evidence
    text: Vyshinsky said so.
    cite:
      - {source: intro, quote: "an explicit denial", by: vyshinsky}
"""
        },
        select=["AM103"],
    )
    assert linted.at("AM103") == [("a.yaml", 9, 58)]
    assert linted.messages("AM103") == [
        "cite 'by' 'vyshinsky' is not a declared party; declare it under 'parties'"
    ]
