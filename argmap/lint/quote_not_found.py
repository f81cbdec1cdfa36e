"""A `quote` that is not in its source's text.

## What it does
Checks every `cite` with a `quote` against the plain-text copy named by its
source's `text`, after folding white space, typographic quote marks and dashes,
and joining words hyphenated at a line break. A quote that differs from the text
only in its hyphens also counts as found: `well-known` matches a `well-` broken
before `known` at a line end, and `face-to-face` an extracted `face-toface`. When
the quote is not found, the closest passage of the text is suggested.

## Why is this bad?
A quotation is evidence only if it is verbatim. A misquote, even a small one, puts
words in someone's mouth.

## Example
```yaml
cite:
  source: speech
  quote: power at any cost      # AM302: closest passage: "power at all costs"
```
"""

from collections import defaultdict
from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule
from argmap.model import Citation, Claim
from argmap.quotes import QuoteIndex

RULE = Rule("AM302", "quote-not-found", "error", __doc__ or "")
SUGGEST_FROM = 500


def check(ctx: LintContext) -> Iterator[Finding]:
    # The quotes of each source are checked together: the text is then indexed
    # once for all of them (see QuoteIndex.contains_all), not searched per quote.
    by_source: defaultdict[str, list[tuple[Claim | None, Citation, str]]] = defaultdict(list)
    for claim in ctx.amap.claims:
        for citation in claim.cite:
            if citation.quote is not None:
                by_source[citation.source].append((claim, citation, citation.quote))
    for event in ctx.amap.events:  # an event's quote is checked like a claim's
        if event.cite is not None and event.cite.quote is not None:
            by_source[event.cite.source].append((None, event.cite, event.cite.quote))
    texts = ctx.source_texts
    for source_id, quoted in by_source.items():
        text = texts.get(source_id)
        if not isinstance(text, QuoteIndex):
            continue
        found = text.contains_all([quote for _, _, quote in quoted])
        missing = [item for item, ok in zip(quoted, found, strict=True) if not ok]
        if missing:
            missing = _without_hyphen_variants(text, missing)
        # A passage is suggested for the quote's first SUGGEST_FROM characters: likening
        # costs length times length, and a stranger's quote may be megabytes long.
        passages = text.closest_passages([quote[:SUGGEST_FROM] for _, _, quote in missing])
        for (owner, citation, _), passage in zip(missing, passages, strict=True):
            hint = f'; closest passage: "{_clip(passage)}"' if passage else ""
            yield RULE.finding(
                f"quote not found in the text of source '{source_id}'{hint}",
                citation.quote_span or citation.span,
                owner.id if owner else None,
            )


def _without_hyphen_variants(
    text: QuoteIndex, missing: list[tuple[Claim | None, Citation, str]]
) -> list[tuple[Claim | None, Citation, str]]:
    """The quotes still missing when hyphens are ignored on both sides.

    Joining a word hyphenated at a line break cannot tell a split ``hyphen-ation`` from a
    real compound such as ``well-known``, and extracted texts lose hyphens (``face-toface``):
    so a quote that differs from the text only in its hyphens counts as found. Only the
    quotes the fast check missed are searched again, all at once in one indexed copy.
    """
    found = text.contains_all_ignoring_hyphens([item[2] for item in missing])
    return [item for item, ok in zip(missing, found, strict=True) if not ok]


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
