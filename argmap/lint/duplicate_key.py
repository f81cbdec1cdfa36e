"""A key repeated in one YAML mapping.

## What it does
Reports the second (and every later) occurrence of a key in the same mapping.
argmap keeps the first value.

## Why is this bad?
YAML loaders silently keep one of the two values: half of what the author wrote
disappears without a word.

## Example
```yaml
claims:
  - id: a
    text: First version.
    text: Second version.   # AM003
```
"""

from argmap.findings import DUPLICATE_KEY

RULE = DUPLICATE_KEY.documented(__doc__)
