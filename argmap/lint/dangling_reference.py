"""A `supports`, `rebuts`, `undercuts` or `cite` that names nothing in the map.

## What it does
Reports references to claim ids no file declares, undercuts of a relation `A -> B`
that does not exist (A neither supports nor rebuts B), and citations of an
undeclared source. A close id is suggested.

## Why is this bad?
The relation silently vanishes from the diagram and from every analysis.

## Example
```yaml
claims:
  - id: reply
    party: defence
    text: There was no meeting.
    rebuts: meetng            # AM102: no claim 'meetng'; did you mean 'meeting'?
```
"""

import difflib
from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule

RULE = Rule("AM102", "dangling-reference", "error", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    claims = ctx.amap.claim_by_id
    sources = ctx.amap.source_by_id
    for claim in ctx.amap.claims:
        for key, refs in (("supports", claim.supports), ("rebuts", claim.rebuts)):
            for ref in refs:
                if ref.target not in claims:
                    yield RULE.finding(
                        f"'{key}' names no claim '{ref.target}'{_hint(ref.target, claims)}",
                        ref.span,
                        claim.id,
                    )
        for undercut in claim.undercuts:
            missing = [i for i in (undercut.source, undercut.target) if i not in claims]
            if missing:
                yield RULE.finding(
                    f"undercut '{undercut.label}' names no claim '{missing[0]}'"
                    f"{_hint(missing[0], claims)}",
                    undercut.span,
                    claim.id,
                )
            elif (undercut.source, undercut.target) not in ctx.relation_kinds:
                yield RULE.finding(
                    f"undercut '{undercut.label}' names no relation: '{undercut.source}' neither "
                    f"supports nor rebuts '{undercut.target}'",
                    undercut.span,
                    claim.id,
                )
        for citation in claim.cite:
            if citation.source not in sources:
                yield RULE.finding(
                    f"citation names no source '{citation.source}'{_hint(citation.source, sources)}"
                    "; declare it under 'sources'",
                    citation.span,
                    claim.id,
                )


def _hint(name: str, known: object) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)  # type: ignore[call-overload]
    return f"; did you mean '{close[0]}'?" if close else ""
