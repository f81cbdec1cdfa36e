"""A claim that quotes another speaker's words as if they were its party's own.

## What it does
Reports a cite whose `by` names a party other than the claim's own, on a claim
whose text does not say the words are reported. A text says so when it names the
speaker (the party's id, its name, or a word of four letters or more from its
name) or uses a reporting phrase: "said", "says", "reports", "according to",
"wrote", "recalls", "told", "states", "claims", "testified", "quotes", "alleged",
"charged", "summarises", "held that", "argued", "asserted", "maintained",
"insisted", "in the words of". For reported speech, the usual form is an
evidence claim of the reporting party ("Trotsky reports that Kamenev said ...").

## Why is this bad?
A quote is evidence of who said it. Cited under another party's claim without a
word, an editor's paraphrase or a prosecutor's words pass for the party's own
testimony. Say that the words are reported, or cite the party's own words.

## Example
```yaml
parties: {trotsky: {name: Leon Trotsky}, editor: {name: The Editor}}
claims:
  - id: no-contact
    party: trotsky
    text: Trotsky had no contact with them after 1927.
    cite:
      - {source: intro, quote: "is thus an explicit denial", by: editor}   # AM305
  - id: editor-reads-denial
    party: trotsky
    kind: evidence
    text: The editor reads the letter as an explicit denial.              # passes
    cite:
      - {source: intro, quote: "is thus an explicit denial", by: editor}
```
"""

import re
from collections.abc import Iterator, Mapping

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule
from argmap.model import Claim, Party

RULE = Rule("AM305", "quote-speaker", "warning", __doc__ or "")

REPORTING = re.compile(
    r"\b(said|says|reports?|reported|according to|wrote|writes|recalls?|recalled|told|tells|"
    r"states|stated|claims|claimed|testified|testifies|quotes|quoted|alleged|alleges|"
    r"charged|summari[sz]es|summari[sz]ed|narrates|narrated|held that|holds that|argued|"
    r"argues|asserted|asserts|maintained|maintains|insisted|insists|in the words of)\b",
    re.IGNORECASE,
)
"""Phrases that say a claim reports someone's words."""


def check(ctx: LintContext) -> Iterator[Finding]:
    parties = ctx.amap.party_by_id
    for claim in ctx.amap.claims:
        for cite in claim.cite:
            speaker = cite.by
            if not speaker or speaker == claim.party or says_reported(claim, speaker, parties):
                continue
            name = parties[speaker].name if speaker in parties else speaker
            yield RULE.finding(
                f"claim '{claim.id}' of '{claim.party}' quotes words of '{speaker}' ({name}) "
                "as its own; say in its text that they are reported (for instance "
                f"'{name} said ...'), or cite the party's own words",
                cite.by_span or cite.span,
                claim.id,
            )


def says_reported(claim: Claim, speaker: str, parties: Mapping[str, Party] | None = None) -> bool:
    """Whether ``claim`` presents ``speaker``'s words as reported (see the rule's doc)."""
    text = claim.text
    if REPORTING.search(text):
        return True
    names = {speaker}
    party = (parties or {}).get(speaker)
    if party is not None:
        names.add(party.name)
        names.update(word for word in re.findall(r"[^\W\d_]+", party.name) if len(word) >= 4)
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) for name in names)
