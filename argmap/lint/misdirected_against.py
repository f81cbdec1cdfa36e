"""An `against` that names the allegation's own party, or sits on a claim that is not an allegation.

## What it does
Reports `against` on a claim whose `kind` is not `allegation` (where it means
nothing), and an allegation `against` its own party (which no one could answer:
only another party's claims answer an allegation).

## Why is this bad?
In both cases the author meant something the map does not say: a forgotten
`kind: allegation`, or the wrong party id after `against`.

## Example
```yaml
party: prosecution
claims:
  - id: letter
    kind: allegation
    against: prosecution     # AM106: name the party that must answer it
    text: A letter confirmed the union.
```
"""

from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule

RULE = Rule("AM106", "misdirected-against", "warning", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    for claim in ctx.amap.claims:
        if claim.against is None or claim.against_span is None:
            continue
        if not claim.is_allegation:
            yield RULE.finding(
                f"'against' applies only to allegations; make '{claim.id}' kind: allegation "
                "or remove 'against'",
                claim.against_span,
                claim.id,
            )
        elif claim.party and claim.against == claim.party:
            yield RULE.finding(
                f"allegation '{claim.id}' is against its own party '{claim.party}', so no one "
                "can answer it; name the party that must answer it",
                claim.against_span,
                claim.id,
            )
