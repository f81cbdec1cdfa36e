"""A source `text` path that leaves the map without being trusted.

## What it does
Reports a source whose `text` path (relative, absolute, or through a symbolic
link) resolves outside the map's directory and outside every trusted source root.
The file is never opened.

## Why is this bad?
Claim files may come from strangers (a pull request). A path such as
`../../etc/passwd` would otherwise let a claim file make argmap read, and quote
back in its report, any file the CI runner can see.

## Example
```yaml
sources:
  leak:
    title: Not a source
    text: ../../../etc/passwd     # AM304
```
Allow a directory on purpose with `--source-root DIR` or, in `pyproject.toml`,
`[tool.argmap] source-roots = ["DIR"]`.
"""

from collections.abc import Iterator

from argmap.findings import Finding
from argmap.lint.context import LintContext
from argmap.lint.rule import Rule
from argmap.sources import Refused

RULE = Rule("AM304", "source-text-refused", "error", __doc__ or "")


def check(ctx: LintContext) -> Iterator[Finding]:
    for source_id, text in ctx.source_texts.items():
        if isinstance(text, Refused):
            source = ctx.amap.source_by_id[source_id]
            yield RULE.finding(
                f"text '{text.path}' of source '{source_id}' lies outside the map; not read. "
                "Trust its directory with --source-root or [tool.argmap] source-roots",
                source.text_span or source.span,
            )
