"""A source `text` that cannot be read, so its quotes go unchecked.

## What it does
Reports a source whose `text` names a file that does not exist, is a directory,
cannot be read, or is not text. Its quotes are then not verified.

## Why is this bad?
Quotes that cannot be checked may be wrong. It is a warning, not an error: a clone
without the source texts (they may be copyrighted) can still be linted.

## Example
```yaml
sources:
  speech:
    title: The prosecutor's speech
    text: texts/speech.txt      # AM303 when texts/speech.txt is absent
```
"""

from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule
from argmap.sources import Missing

RULE = Rule("AM303", "source-text-missing", "warning", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    for source_id, text in ctx.source_texts.items():
        if isinstance(text, Missing):
            source = ctx.amap.source_by_id[source_id]
            yield RULE.finding(
                f"text '{text.path}' of source '{source_id}' {text.reason}; "
                "its quotes are not checked",
                source.text_span or source.span,
            )
