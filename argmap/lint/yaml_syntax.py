"""A file that is not valid YAML, or not readable text.

## What it does
Reports the position of the YAML parser's error, or a file that is binary, not
UTF-8 (or UTF-16 with a byte-order mark), or holds more than one YAML document.

## Why is this bad?
Nothing in the file can be loaded, so none of its claims reach the map.

## Example
```yaml
claims:
  - id: a
    text: "an unclosed quote
```
Close the quote; save the file as UTF-8.
"""

from argmap.findings import YAML_SYNTAX

RULE = YAML_SYNTAX.documented(__doc__)
