"""A claim that rebuts a claim of its own party.

## What it does
Reports a `rebuts` whose target is a claim of the same party.

## Why is this bad?
Usually a claim filed under the wrong party or a `rebuts` meant as `supports`. When
a side really contradicts itself, acknowledge it with `ignore: {AM204: reason}`.

## Example
```yaml
party: defence
claims:
  - {id: a, text: There was no meeting.}
  - {id: b, text: There was one meeting., rebuts: a}    # AM204
```
"""

from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule

RULE = Rule("AM204", "friendly-fire", "warning", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    claims = ctx.amap.claim_by_id
    for claim in ctx.amap.claims:
        for ref in claim.rebuts:
            target = claims.get(ref.target)
            if target is not None and claim.party and target.party == claim.party:
                yield RULE.finding(
                    f"claim '{claim.id}' rebuts '{target.id}' of its own party '{claim.party}'",
                    ref.span,
                    claim.id,
                )
