"""An allegation or evidence with no `cite`.

## What it does
Reports claims of kind `allegation` or `evidence` that cite no source.

## Why is this bad?
An allegation must be traceable to who made it and where; evidence without a
source is only another claim. Readers and debaters need the place to check it.

## Example
```yaml
claims:
  - id: letter
    kind: allegation
    text: A letter confirmed the union.    # AM301: add cite: {source: ..., quote: ...}
```
"""

from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule

RULE = Rule("AM301", "missing-citation", "warning", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    for claim in ctx.amap.claims:
        if claim.kind in ("allegation", "evidence") and not claim.cite:
            yield RULE.finding(
                f"{claim.kind} '{claim.id}' cites no source; add cite: {{source: ..., quote: ...}}",
                claim.span,
                claim.id,
            )
