"""An `ignore` entry on a claim that acknowledges nothing.

## What it does
Reports entries of a claim's `ignore` mapping that name an unknown rule, or a rule
that ran and found nothing on that claim.

## Why is this bad?
Stale acknowledgements hide the next real problem: once an allegation is answered,
its `ignore: {AM201: ...}` should go, or a later regression passes unseen.

## Example
```yaml
claims:
  - id: motive
    kind: allegation
    text: Power was the only motive.
    ignore:
      AM301: cited elsewhere   # AM105 when the claim has a `cite`
```
"""

from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.rule import Rule
from argmap.model import ArgMap

RULE = Rule("AM105", "unused-ignore", "warning", __doc__ or "")


def unused(
    amap: ArgMap, used: set[tuple[str, str]], selected: set[str], by_name: dict[str, str]
) -> Iterator[Finding]:
    """Ignore entries that matched no finding of a rule that ran.

    ``by_name`` maps every rule's name to its code: the codes it holds are the known rules.
    """
    known = set(by_name.values())
    for claim in amap.claims:
        for entry in claim.ignore:
            code = by_name.get(entry.code, entry.code.upper())
            if code not in known:
                yield RULE.finding(
                    f"ignore names no rule '{entry.code}'; use a code such as AM201 "
                    "(see 'argmap lint --list-rules')",
                    entry.span,
                    claim.id,
                )
            elif code in selected and (claim.id, code) not in used:
                yield RULE.finding(
                    f"ignore of {code} on '{claim.id}' matches no finding; remove it",
                    entry.span,
                    claim.id,
                )
