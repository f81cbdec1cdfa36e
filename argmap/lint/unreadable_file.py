"""A claim file that cannot be read, or a path that leaves the map.

## What it does
Reports files and directories that cannot be opened (permissions, a vanished
file), symbolic links whose target lies outside the map's directory, and symbolic
link loops.

## Why is this bad?
The map silently loses the claims of a file it cannot read; a link out of the map
would let a claim file pull in content from anywhere on the machine.

## Example
```
claims/evidence.yaml -> /etc/passwd     # AM005: link leaves the map
```
"""

from argmap.findings import UNREADABLE_FILE

RULE = UNREADABLE_FILE.documented(__doc__)
