"""The numbers of ``argmap stats`` as a plain-text report, for a slide."""

from __future__ import annotations

from typing import Any


def format_text(numbers: dict[str, Any]) -> str:
    """The statistics as a plain-text report."""
    claims, relations, allegations = (
        numbers["claims"],
        numbers["relations"],
        numbers["allegations"],
    )
    lines: list[str] = []
    if numbers["title"]:
        lines += [numbers["title"], ""]
    kinds = claims["by_kind"]
    lines.append(
        f"claims: {claims['total']} ("
        + ", ".join(f"{count} {kind}" for kind, count in kinds.items())
        + ")"
    )
    lines += _table(["party", *kinds, "total"], claims["by_party"])
    lines.append("")
    lines.append(
        f"relations: {relations['supports']} supports, {relations['rebuts']} rebuts, "
        f"{relations['undercuts']} undercuts"
    )
    total = allegations["total"]
    lines.append("")
    lines.append(
        f"allegations: {total['total']} ({total['answered']} answered, "
        f"{total['unanswered']} unanswered, {total['acknowledged']} acknowledged as unanswered)"
    )
    lines += _table(
        ["party", "answered", "unanswered", "acknowledged", "total"], allegations["by_party"]
    )
    chain = numbers["longest_rebuttal_chain"]
    lines.append("")
    if chain["steps"]:
        path = " rebuts ".join(
            step[0] if len(step) == 1 else "{" + ", ".join(step) + "}" for step in chain["steps"]
        )
        lines.append(f"longest rebuttal chain: {chain['length']} rebuttal(s): {path}")
    else:
        lines.append("longest rebuttal chain: none (no rebuttals)")
    if chain["cycles"]:
        lines.append(
            f"rebuttal cycles: {chain['cycles']} (claims in braces rebut each other in a "
            "cycle; each cycle counts as one step)"
        )
    for key, title in (
        ("isolated", "isolated claims"),
        ("without_citation", "claims citing no source"),
    ):
        ids = numbers[key]
        lines.append(f"{title}: {len(ids)}" + (": " + ", ".join(ids) if ids else ""))
    return "\n".join(lines) + "\n"


def _table(header: list[str], rows: dict[str, dict[str, int]]) -> list[str]:
    if not rows:
        return []
    width = max(len(header[0]), *(len(party) for party in rows))
    columns = header[1:]
    out = ["  " + header[0].ljust(width) + "".join(f"  {c:>{len(c)}}" for c in columns)]
    for party, counts in rows.items():
        out.append("  " + party.ljust(width) + "".join(f"  {counts[c]:>{len(c)}}" for c in columns))
    return out
