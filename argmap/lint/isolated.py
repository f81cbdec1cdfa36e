"""A claim with no relation at all.

## What it does
Reports claims that neither support, rebut nor undercut anything, and that nothing
supports, rebuts or undercuts.

## Why is this bad?
An isolated claim takes no part in the argument: it is usually a relation the
author forgot to write.

## Example
```yaml
claims:
  - id: aside
    text: A remark linked to nothing.   # AM203
```
"""

from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule

RULE = Rule("AM203", "isolated", "warning", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    connected = ctx.connected
    for claim in ctx.amap.claims:
        if claim.id not in connected:
            yield RULE.finding(
                f"claim '{claim.id}' has no relation; link it with supports, rebuts or undercuts",
                claim.span,
                claim.id,
            )
