"""A claim that both supports and rebuts the same claim.

## What it does
Reports a claim whose `supports` and `rebuts` name the same target, at the second
of the two references.

## Why is this bad?
A reason cannot be for and against the same claim at once. The graph keeps only one
edge between two claims, so the diagram, the scoreboard and the semantics would each
show one of the two relations while the reader meant something else: usually one of
the two ids is a slip for a neighbour.

## Example
```yaml
claims:
  - id: reply
    party: defence
    text: There was a meeting, but not a conspiracy.
    supports: meeting
    rebuts: meeting             # AM205: keep one, or split the claim in two
```
"""

from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule

RULE = Rule("AM205", "conflicting-relation", "error", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    for claim in ctx.amap.claims:
        supported = {ref.target: ref for ref in claim.supports}
        for ref in claim.rebuts:
            if ref.target in supported and ref.target != claim.id:
                later = max(ref, supported[ref.target], key=lambda r: (r.span.line, r.span.column))
                yield RULE.finding(
                    f"claim '{claim.id}' both supports and rebuts '{ref.target}'; keep one, "
                    "or split the claim in two",
                    later.span,
                    claim.id,
                )
