"""A `quote` that is not in its source's text.

## What it does
Checks every `cite` with a `quote` against the plain-text copy named by its
source's `text`, after folding white space, typographic quote marks and dashes,
and joining words hyphenated at a line break. When the quote is not found, the
closest passage of the text is suggested.

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

from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule
from argmap.quotes import QuoteIndex

RULE = Rule("AM302", "quote-not-found", "error", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    texts = ctx.source_texts
    for claim in ctx.amap.claims:
        for citation in claim.cite:
            text = texts.get(citation.source)
            if citation.quote is None or not isinstance(text, QuoteIndex):
                continue
            if text.contains(citation.quote):
                continue
            passage = text.closest_passage(citation.quote)
            hint = f'; closest passage: "{_clip(passage)}"' if passage else ""
            yield RULE.finding(
                f"quote not found in the text of source '{citation.source}'{hint}",
                citation.quote_span or citation.span,
                claim.id,
            )


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
