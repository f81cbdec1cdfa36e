"""A claim's `party` or `against`, or a cite's `by`, that no file of the map declares.

## What it does
Reports party ids used by claims (directly or through a file's `party:`), by
`against` and by a cite's `by` (who says the quoted words) that are not declared
under `parties` in any file of the map. A file's `party:` is reported once, at that
line, not once per claim.

## Why is this bad?
Whether an allegation is answered depends on who speaks: a misspelt party makes
a rebuttal count as the wrong side's.

## Example
```yaml
parties:
  defence: {name: Defence}
claims:
  - id: reply
    party: defense            # AM103: no party 'defense'; did you mean 'defence'?
    text: There was no meeting.
    cite:
      - {source: s, quote: "no meeting", by: defense}    # AM103 too
```
"""

import difflib
from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule
from argmap.model import Span

DECLARE = "; declare it under 'parties'"

RULE = Rule("AM103", "unknown-party", "error", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    parties = ctx.amap.party_by_id
    hints: dict[str, str] = {}
    reported: set[Span] = set()  # a file's `party:` is shared by its claims: report it once
    for claim in ctx.amap.claims:
        unknown: list[tuple[str, str | None, Span | None]] = []  # mostly none: kept cheap
        if claim.party not in parties:
            unknown.append(("party", claim.party, claim.party_span))
        if claim.against is not None and claim.against not in parties:
            unknown.append(("against", claim.against, claim.against_span))
        for cite in claim.cite:
            if cite.by is not None and cite.by not in parties:
                unknown.append(("cite 'by'", cite.by, cite.by_span))
        for key, party, span in unknown:
            if party and span is not None and span not in reported:
                reported.add(span)
                hint = hints.get(party)
                if hint is None:  # one search per unknown name, however often it is used
                    close = difflib.get_close_matches(party, list(parties), n=1)
                    hint = f"; did you mean '{close[0]}'?" if close else DECLARE
                    hints[party] = hint
                yield RULE.finding(f"{key} '{party}' is not a declared party{hint}", span, claim.id)
