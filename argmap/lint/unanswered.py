"""An allegation that no other party answers.

## What it does
An allegation is answered when a claim of another party (of the `against` party,
where the allegation names one) rebuts it, or undercuts a relation that ends at
it. This rule reports every other allegation.

## Why is this bad?
In a debate or a trial, an allegation left without reply stands by default. These
are the points a side must still prepare, or acknowledge as open with
`ignore: {AM201: reason}`.

## Example
```yaml
claims:
  - id: letter
    party: prosecution
    kind: allegation
    against: defence
    text: The accused sent a letter in 1932.     # AM201 until the defence answers
  - id: no-letter
    party: defence
    text: No letter was exchanged after 1927.
    rebuts: letter                                # answers it
```
"""

from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule
from argmap.relations import UNANSWERED_CODE, UNANSWERED_NAME

RULE = Rule(UNANSWERED_CODE, UNANSWERED_NAME, "error", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    if ctx.amap.unparsed:
        return  # an answer may be in a file that did not parse; its AM001 says so, once
    for claim in ctx.relations.unanswered():
        who = f"'{claim.against}'" if claim.against else "any other party"
        yield RULE.finding(
            f"allegation '{claim.id}' is unanswered: no claim of {who} rebuts or undercuts it",
            claim.span,
            claim.id,
        )
