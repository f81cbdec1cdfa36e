"""YAML features that claim files do not need: anchors, aliases, tags, deep nesting.

## What it does
Reports anchors (`&a`), aliases (`*a`), explicit tags other than `!!str` and
`!!null` (for example `!!python/object/apply`), and nesting deeper than 32 levels
(the rest of such a file is not read).

## Why is this bad?
Aliases can expand exponentially (the "billion laughs") or form cycles; tags ask
a loader to build objects or run code; deep nesting crashes some YAML parsers.
None of them has a meaning in a claim file, so argmap refuses them.

## Example
```yaml
claims:
  - id: a
    text: &t Shared text.   # AM004: anchors are not supported
  - id: b
    text: *t                # AM004: aliases are not supported
```
"""

from argmap.findings import UNSUPPORTED_YAML

RULE = UNSUPPORTED_YAML.documented(__doc__)
