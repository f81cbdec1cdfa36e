"""argmap: map, lint and draw arguments written as YAML claim files.

>>> import argmap
>>> amap = argmap.load("claims/moscow-1936")
>>> findings = argmap.lint(amap)
>>> graph = argmap.to_digraph(amap)      # a networkx.DiGraph
"""

from __future__ import annotations

import argmap.startup  # noqa: F401  (first: the argmap command quits quietly on Ctrl-C)

# isort: split
from typing import TYPE_CHECKING

__version__ = "0.1.0"

from argmap.findings import Finding
from argmap.lint import lint
from argmap.loading.build import load
from argmap.model import ArgMap, Claim, Party, Relation, Source, Span

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "ArgMap",
    "Claim",
    "Finding",
    "Party",
    "Relation",
    "Source",
    "Span",
    "lint",
    "load",
    "to_digraph",
]


def to_digraph(amap: ArgMap) -> nx.DiGraph:
    """The map as a ``networkx.DiGraph`` (imports networkx only when called)."""
    from argmap.graph import to_digraph as build

    return build(amap)
