"""Any ``ArgMap`` as v1 claim files: ``map.yaml`` and one file of claims per party.

``claim_files(map)`` returns ``{relative path: YAML text}``; the caller writes them
with ``argmap.output.write``. The YAML is plain block style without anchors; PyYAML
quotes every string that YAML 1.1 would read as something else (``no``, ``012``,
dates), so the loader reads back exactly the strings written.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from typing import Any

import yaml

from argmap.formats.naming import UniqueNames
from argmap.model import ArgMap, Claim

MAP_FILE = "map.yaml"
CLAIMS_DIR = "claims"
MAX_STEM_BYTES = 120
"""The longest party file name before ``.yaml`` (and a number), in UTF-8 bytes."""


class _Dumper(yaml.SafeDumper):
    """Block style, no anchors or aliases (claim files refuse them)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    """Double quotes for strings with breaks YAML would fold (CR, NEL, LS, PS)."""
    style = '"' if any(c in data for c in _FOLDED_BREAKS) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_FOLDED_BREAKS = "\r\x85\u2028\u2029"
_Dumper.add_representer(str, _represent_str)


def dump(data: Any) -> str:
    """``data`` as YAML the way claim files are written."""
    return yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=88,
    )


def claim_files(amap: ArgMap, *, header: str | None = None) -> dict[str, str]:
    """The claim files of ``amap`` (see the module documentation)."""
    comment = _comment(header)
    files: dict[str, str] = {MAP_FILE: comment + dump(_map_document(amap))}
    by_party: dict[str, list[Claim]] = {}
    for claim in amap.claims:
        by_party.setdefault(claim.party, []).append(claim)
    taken = UniqueNames(fold=True)
    for party, claims in by_party.items():
        name = _file_name(party, taken)
        document = {"party": party, "claims": [claim_entry(c) for c in claims]}
        files[f"{CLAIMS_DIR}/{name}"] = comment + dump(document)
    return files


def rebase_sources(amap: ArgMap, directory: str | os.PathLike[str]) -> ArgMap:
    """The map with each source's relative ``text`` path made relative to ``directory``.

    A ``text`` path is relative to the file that declared it; claim files written into
    ``directory`` (``map.yaml`` holds the sources) must point at the same file. Paths
    that do not lead to a file are kept as written.
    """
    rebased = []
    for source in amap.sources:
        text = source.text
        if text and not os.path.isabs(text):
            target = os.path.realpath(os.path.join(source.base_dir, text))
            if os.path.isfile(target):
                text = os.path.relpath(target, os.path.realpath(directory))
        rebased.append(replace(source, text=text))
    return replace(amap, sources=tuple(rebased))


def _comment(header: str | None) -> str:
    if not header:
        return ""
    lines = " ".join(header.split())
    return f"# {lines}\n"


def _file_name(party: str, taken: UniqueNames) -> str:
    """``<party>.yaml``, unique ignoring case; a long party id is cut (with a digest of
    the whole id) so that the name fits any file system's 255 bytes."""
    stem = party or "no-party"
    if len(stem.encode("utf-8")) > MAX_STEM_BYTES:
        digest = hashlib.sha256(stem.encode("utf-8")).hexdigest()[:12]
        cut = stem.encode("utf-8")[: MAX_STEM_BYTES - 13].decode("utf-8", "ignore")
        stem = f"{cut}-{digest}"
    return taken.unique(stem, ".yaml")


def _map_document(amap: ArgMap) -> dict[str, Any]:
    document: dict[str, Any] = {}
    if amap.info is not None:
        info = {
            k: v
            for k, v in (("title", amap.info.title), ("description", amap.info.description))
            if v is not None
        }
        document["map"] = info
    if amap.party_by_id:
        document["parties"] = {
            p.id: _without_none({"name": p.name, "role": p.role, "color": p.color})
            for p in amap.party_by_id.values()
        }
    if amap.source_by_id:
        document["sources"] = {
            s.id: _without_none(
                {"title": s.title, "author": s.author, "date": s.date, "url": s.url, "text": s.text}
            )
            for s in amap.source_by_id.values()
        }
    return document


def claim_entry(claim: Claim) -> dict[str, Any]:
    """One claim as the mapping a claim file holds (its party left to the file)."""
    entry: dict[str, Any] = {"id": claim.id}
    if claim.kind != "claim":
        entry["kind"] = claim.kind
    if claim.against is not None:
        entry["against"] = claim.against
    entry["text"] = claim.text
    for key, values in (
        ("supports", [r.target for r in claim.supports]),
        ("rebuts", [r.target for r in claim.rebuts]),
        ("undercuts", [u.label for u in claim.undercuts]),
    ):
        if values:
            entry[key] = values[0] if len(values) == 1 else values
    if claim.cite:
        cites = [
            _without_none({"source": c.source, "quote": c.quote, "at": c.at, "by": c.by})
            for c in claim.cite
        ]
        entry["cite"] = cites[0] if len(cites) == 1 else cites
    if claim.tags:
        entry["tags"] = list(claim.tags)
    if claim.note is not None:
        entry["note"] = claim.note
    if claim.ignore:
        entry["ignore"] = {i.code: i.reason for i in claim.ignore}
    return entry


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}
