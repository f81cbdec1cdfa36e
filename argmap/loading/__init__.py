"""Loading claim files, in layers, each module one step:

- ``files``: which files make a map; reading one (regular files only, bounded);
- ``text``: bytes to text, with a diagnosis of binary and mis-encoded files;
- ``events``: libyaml's event stream, the parser, what a null is, the limits;
- ``tree``: events to a tree of positioned values (``Node``, ``Field``), the part
  before a syntax error kept;
- ``fields``: the claim schema as both paths read it (keys, value types, checks);
- ``fast``: the claims of a plain valid file, straight from its events;
- ``build``: a file's tree validated into records (``read_file_text``), the map
  assembled from its files (``assemble``), and ``load``.

``load`` is re-exported here (imported on first use, so that importing a layer does
not import them all).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from argmap.loading.build import load

__all__ = ["load"]


def __getattr__(name: str) -> Any:
    if name == "load":
        from argmap.loading.build import load

        return load
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
