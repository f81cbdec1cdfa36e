"""An id used twice in a map: a claim, party or source id declared more than once.

## What it does
Reports every declaration of an id after the first, naming the first place. Claims,
parties and sources each have their own namespace, shared by all files of the map.

## Why is this bad?
References to the id become ambiguous: a rebuttal may reach a different claim than
its author meant. argmap keeps the first declaration.

## Example
```yaml
claims:
  - id: motive
    text: Power was the only motive.
  - id: motive                # AM101: also declared at claims.yaml:2:5
    text: A second claim.
```
"""

from collections.abc import Iterator, Mapping, Sequence

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule
from argmap.model import Claim, Party, Source

Declared = Claim | Party | Source

RULE = Rule("AM101", "duplicate-id", "error", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    amap = ctx.amap
    groups: list[tuple[str, Sequence[Declared], Mapping[str, Declared]]] = [
        ("claim", amap.claims, dict(amap.claim_by_id)),
        ("party", amap.parties, dict(amap.party_by_id)),
        ("source", amap.sources, dict(amap.source_by_id)),
    ]
    for what, items, first in groups:
        for item in items:
            original = first[item.id]
            if original is not item:
                yield RULE.finding(
                    f"{what} id '{item.id}' is already declared at {original.span}; rename one",
                    item.span,
                    item.id if what == "claim" else None,
                )
