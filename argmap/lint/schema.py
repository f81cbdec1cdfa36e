"""A value of the wrong type, an unknown key, a missing required key, a bad id.

## What it does
Checks every file against the claim-file schema (`argmap schema` prints it): the
top-level keys, claims, parties, sources and citations; required keys (`id`, `text`,
and `party` unless the file sets one); id syntax `^[A-Za-z0-9][A-Za-z0-9_.-]*$`.

## Why is this bad?
A misspelt key (`rebut:` for `rebuts:`) silently drops a relation from the map.

## Example
```yaml
claims:
  - id: a
    txt: A typo for text.     # AM002: unknown key 'txt' (expected one of ...)
```
"""

from argmap.findings import SCHEMA

RULE = SCHEMA.documented(__doc__)
