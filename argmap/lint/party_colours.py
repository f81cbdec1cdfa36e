"""Two parties whose colours many readers cannot tell apart.

## What it does
Compares the colours the map declares for its parties (`parties: {id: {color: ...}}`),
as they look to readers with each common colour-vision deficiency (deuteranopia,
protanopia, tritanopia, simulated with the Brettel and Viénot filters) and to
everyone else. It reports each pair whose colour difference (CIEDE2000) falls
below 10 for any of them, naming the deficiency and a colour-blind-safe
replacement from the Okabe-Ito palette.

## Why is this bad?
About one man in twelve sees red and green alike. When two parties' boxes look the
same, a student cannot tell whose claim is whose from the diagram. The party name is
written in every box, but colour is what a projected map is read by at a glance.

## Example
```yaml
parties:
  prosecution: {name: Prosecution, color: "#B71C1C"}
  defence: {name: Defence, color: "#2E7D32"}     # AM210: red and green look alike
```
Use, for instance, `#D55E00` (vermillion) and `#0072B2` (blue).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule

RULE = Rule("AM210", "party-colours", "warning", __doc__ or "")

TOO_CLOSE = 10.0
"""CIEDE2000 difference below which two box colours are hard to tell apart."""
DEFICIENCIES = (("deutan", "deuteranopia"), ("protan", "protanopia"), ("tritan", "tritanopia"))
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


def check(ctx: LintContext) -> Iterator[Finding]:
    declared = [p for p in ctx.amap.party_by_id.values() if p.color and _HEX.match(p.color)]
    if len(declared) < 2:
        return
    from coloraide import Color  # only this rule needs colour science

    from argmap.draw.palette import PARTY_PALETTE

    views: dict[str | None, list[Color]] = {None: [Color(p.color or "") for p in declared]}
    for filter_name, _ in DEFICIENCIES:
        views[filter_name] = [c.filter(filter_name) for c in views[None]]
    names: dict[str | None, str] = {None: "everyone"}
    names.update(DEFICIENCIES)
    used = {p.color.upper() for p in declared if p.color}
    spare = [c for c in PARTY_PALETTE if c not in used]
    for i, first in enumerate(declared):
        for j in range(i + 1, len(declared)):
            second = declared[j]
            for key, colours in views.items():
                difference = colours[i].delta_e(colours[j], method="2000")
                if difference < TOO_CLOSE:
                    hint = f"; try {spare[0]}" if spare else ""
                    yield RULE.finding(
                        f"parties '{first.id}' ({first.color}) and '{second.id}' "
                        f"({second.color}) look alike to readers with {names[key]} "
                        f"(colour difference {difference:.1f}, under {TOO_CLOSE:g}): give "
                        f"'{second.id}' another colour{hint}",
                        second.span,
                    )
                    break
