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
from collections.abc import Iterator, Mapping

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule
from argmap.model import Ref

RULE = Rule("AM102", "dangling-reference", "error", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    if ctx.amap.unparsed:
        return  # the target may be in a file that did not parse; its AM001 says so, once
    claims = ctx.amap.claim_by_id
    sources = ctx.amap.source_by_id
    claim_like, source_like = _Hints(claims), _Hints(sources)
    for claim in ctx.amap.claims:
        for ref in claim.supports:
            if ref.target not in claims:
                yield _no_claim("supports", ref, claim.id, claim_like(ref.target))
        for ref in claim.rebuts:
            if ref.target not in claims:
                yield _no_claim("rebuts", ref, claim.id, claim_like(ref.target))
        for undercut in claim.undercuts:
            missing = [i for i in (undercut.source, undercut.target) if i not in claims]
            if missing:
                yield RULE.finding(
                    f"undercut '{undercut.label}' names no claim '{missing[0]}'"
                    f"{claim_like(missing[0])}",
                    undercut.span,
                    claim.id,
                )
            elif ctx.relations.kind(undercut.source, undercut.target) is None:
                yield RULE.finding(
                    f"undercut '{undercut.label}' names no relation: '{undercut.source}' neither "
                    f"supports nor rebuts '{undercut.target}'",
                    undercut.span,
                    claim.id,
                )
        for citation in claim.cite:
            if citation.source not in sources:
                yield RULE.finding(
                    f"citation names no source '{citation.source}'{source_like(citation.source)}"
                    "; declare it under 'sources'",
                    citation.span,
                    claim.id,
                )


def _no_claim(key: str, ref: Ref, claim_id: str, hint: str) -> Finding:
    return RULE.finding(f"'{key}' names no claim '{ref.target}'{hint}", ref.span, claim_id)


class _Hints:
    """``; did you mean 'x'?`` for a name missing from ``known``, each name looked up once.

    The search compares the name with every id (difflib): a fraction of a second on
    100,000 claims, so a renamed claim referenced from many places costs it once.
    """

    def __init__(self, known: Mapping[str, object]) -> None:
        self.known = known
        self.found: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        if name not in self.found:
            close = difflib.get_close_matches(name, list(self.known), n=1)
            self.found[name] = f"; did you mean '{close[0]}'?" if close else ""
        return self.found[name]
