"""A claim that supports, rebuts or undercuts itself.

## What it does
Reports a claim listing its own id in `supports` or `rebuts`, or undercutting a
relation that starts or ends at itself.

## Why is this bad?
A claim cannot be its own reason or its own refutation; it is nearly always a
copy-paste slip for a neighbouring id.

## Example
```yaml
claims:
  - id: motive
    text: Power was the only motive.
    supports: motive          # AM104
```
"""

from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule

RULE = Rule("AM104", "self-reference", "error", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    for claim in ctx.amap.claims:
        for key, refs in (("supports", claim.supports), ("rebuts", claim.rebuts)):
            for ref in refs:
                if ref.target == claim.id:
                    yield RULE.finding(f"claim '{claim.id}' {key} itself", ref.span, claim.id)
        for undercut in claim.undercuts:
            if claim.id in (undercut.source, undercut.target):
                yield RULE.finding(
                    f"claim '{claim.id}' undercuts its own relation '{undercut.label}'",
                    undercut.span,
                    claim.id,
                )
