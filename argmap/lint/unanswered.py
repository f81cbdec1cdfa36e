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
from argmap.model import ArgMap, Claim

RULE = Rule("AM201", "unanswered", "error", __doc__ or "")


def answers(allegation: Claim, claim: Claim) -> bool:
    """Whether ``claim`` is by a party that may answer ``allegation``."""
    if not claim.party or claim.party == allegation.party:
        return False
    return allegation.against is None or claim.party == allegation.against


def unanswered_allegations(amap: ArgMap, attackers: dict[str, list[Claim]]) -> Iterator[Claim]:
    """Allegations with no answer from the party that must give one."""
    for claim in amap.claims:
        if claim.is_allegation and not any(answers(claim, a) for a in attackers.get(claim.id, ())):
            yield claim


def unanswered_ids(amap: ArgMap) -> set[str]:
    """Ids of the map's unanswered allegations, acknowledged or not (as AM201 finds them)."""
    return {claim.id for claim in unanswered_allegations(amap, LintContext(amap).attackers)}


def check(ctx: LintContext) -> Iterator[Finding]:
    for claim in unanswered_allegations(ctx.amap, ctx.attackers):
        who = f"'{claim.against}'" if claim.against else "any other party"
        yield RULE.finding(
            f"allegation '{claim.id}' is unanswered: no claim of {who} rebuts or undercuts it",
            claim.span,
            claim.id,
        )
