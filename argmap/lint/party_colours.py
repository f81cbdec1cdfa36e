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
from collections.abc import Iterator, Mapping

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule

RULE = Rule("AM210", "party-colours", "warning", __doc__ or "")

TOO_CLOSE = 10.0
"""CIEDE2000 difference below which two box colours are hard to tell apart."""
VIEWERS: dict[str | None, str] = {
    None: "everyone",
    "deutan": "deuteranopia",
    "protan": "protanopia",
    "tritan": "tritanopia",
}
"""Who may see two colours alike: everyone, then each deficiency (coloraide's filter)."""
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")

Alike = tuple[str | None, float]
"""Who sees two colours alike (a deficiency's filter, or None for everyone) and their
colour difference as those readers see it."""

PALETTE_ALIKE: Mapping[frozenset[str], Alike] = {
    frozenset({"#009E73", "#44AA99"}): (None, 9.643),
    frozenset({"#44AA99", "#56B4E9"}): ("tritan", 5.886),
    frozenset({"#44AA99", "#999999"}): ("deutan", 3.284),
    frozenset({"#44AA99", "#CC79A7"}): ("deutan", 4.002),
    frozenset({"#999999", "#CC79A7"}): ("deutan", 6.930),
    frozenset({"#CC79A7", "#E69F00"}): ("tritan", 7.935),
    frozenset({"#DDCC77", "#F0E442"}): ("deutan", 9.587),
}
"""``alike`` of every pair of colours of ``argmap.draw.palette`` that some readers see
alike, computed once: a map that keeps to the palettes (as the shipped one does) is
checked without loading colour science, about 50 ms of every lint. The test of this
rule computes the table again for every pair of the palettes."""


def check(ctx: LintContext) -> Iterator[Finding]:
    declared = [p for p in ctx.amap.party_by_id.values() if p.color and _HEX.match(p.color)]
    if len(declared) < 2:
        return
    from argmap.draw.palette import OKABE_ITO, PARTY_PALETTE

    colours = [(p.color or "").upper() for p in declared]
    palette = {*OKABE_ITO.values(), *PARTY_PALETTE}
    compare = _from_palette if palette.issuperset(colours) else alike
    spare = [c for c in PARTY_PALETTE if c not in colours]
    for i, first in enumerate(declared):
        for j in range(i + 1, len(declared)):
            second = declared[j]
            found = compare(colours[i], colours[j])
            if found is None:
                continue
            viewer, difference = found
            hint = f"; try {spare[0]}" if spare else ""
            yield RULE.finding(
                f"parties '{first.id}' ({first.color}) and '{second.id}' "
                f"({second.color}) look alike to readers with {VIEWERS[viewer]} "
                f"(colour difference {difference:.1f}, under {TOO_CLOSE:g}): give "
                f"'{second.id}' another colour{hint}",
                second.span,
            )


def alike(first: str, second: str) -> Alike | None:
    """Who first sees two ``#RRGGBB`` colours alike (everyone, then each deficiency)."""
    from coloraide import Color  # colour science, loaded only for colours off the palettes

    one, other = Color(first), Color(second)
    for viewer in VIEWERS:
        seen = (one, other) if viewer is None else (one.filter(viewer), other.filter(viewer))
        difference = seen[0].delta_e(seen[1], method="2000")
        if difference < TOO_CLOSE:
            return viewer, difference
    return None


def _from_palette(first: str, second: str) -> Alike | None:
    return PALETTE_ALIKE.get(frozenset({first, second}))
