"""Fuzz whole maps: random claim files full of hostile strings, through every stage.

A map of one to three files, each drawn as data and written by ``yaml.safe_dump``, is
loaded, linted with every rule, reported in every format, drawn as DOT and Mermaid,
exported to every interchange format and turned into debate handouts. Nothing may
raise; reports must parse; every claim is drawn exactly once.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import event, given
from hypothesis import strategies as st

from argmap.lint import lint
from argmap.lint.report import FORMATS, render
from argmap.loading.build import load
from argmap.model import ArgMap

from .strategies import claim_files, dumped, hostile_text

SOURCE_TEXT = "The accused said: “power at all costs”. Nobody heard him say it twice.\n"
maps = st.lists(dumped(claim_files), min_size=1, max_size=3)


def _optional(module: str) -> Any | None:
    """A module another engineer may still be writing: None until it exists."""
    return importlib.import_module(module) if importlib.util.find_spec(module) else None


def check_reports(amap: ArgMap) -> None:
    findings = lint(amap)
    files = set(amap.files) | {str(Path(amap.root))}
    for finding in findings:
        assert finding.span.line >= 1 and finding.span.column >= 1
        assert finding.span.path in files or Path(finding.span.path).parent.exists()
    outputs = {fmt: render(findings, fmt) for fmt in FORMATS}
    assert len(json.loads(outputs["json"])) == len(findings)
    sarif = json.loads(outputs["sarif"])
    open_findings = [f for f in findings if f.acknowledged is None]  # SARIF leaves out the rest
    assert len(sarif["runs"][0]["results"]) == len(open_findings)
    github = outputs["github"].split("\n")[:-1]  # the runner breaks lines at \n only
    assert len(github) == len(findings)
    assert all(re.match(r"::(error|warning|notice) file=", line) for line in github)
    assert len(outputs["text"].splitlines()) == len(findings) + 1


def check_drawings(amap: ArgMap) -> None:
    render_module = _optional("argmap.draw.render")
    if render_module is None:
        return
    dot = render_module.render(amap, "dot")
    assert sorted(re.findall(r'\bid="claim-([^"]*)"', dot)) == sorted(amap.claim_by_id)
    mermaid = render_module.render(amap, "mmd")
    lines = [line.strip() for line in mermaid.splitlines()]
    assert "%%{" not in mermaid
    assert lines.count("end") == sum(line.startswith("subgraph") for line in lines)
    assert not [line for line in lines if line.startswith("click")]
    render_module.render(amap, "md")


def check_exports(amap: ArgMap) -> None:
    commands = _optional("argmap.commands.export")
    if commands is None:
        return
    for name, (module_name, function, _what) in commands.EXPORTERS.items():
        module = _optional(module_name)
        if module is None:
            continue
        text = getattr(module, function)(amap)
        if not isinstance(text, str):  # a writer that yields its text in pieces
            text = "".join(text)
        assert isinstance(text, str)
        if name in ("json", "aif"):
            json.loads(text)


def check_handouts(amap: ArgMap) -> None:
    debate, handout = _optional("argmap.debate.brief"), _optional("argmap.debate.output")
    if debate is None or handout is None or not amap.claims:
        return
    documents = [debate.moderator_sheet(amap)]
    documents += [debate.handout(amap, party.id) for party in amap.party_by_id.values()]
    for document in documents:
        for fmt in ("md", "html"):
            assert handout.generate(document, fmt)


@given(maps, st.sampled_from(["texts/speech.txt", "speech.txt", None]))
def test_any_map_goes_through_every_stage(files: list[str], text_at: str | None) -> None:
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory) / "map"
        for number, content in enumerate(files):
            path = root / f"part{number}" / "claims.yaml"
            path.parent.mkdir(parents=True)
            path.write_text(content, encoding="utf-8")
        if text_at:
            (root / "part0" / text_at).parent.mkdir(parents=True, exist_ok=True)
            (root / "part0" / text_at).write_text(SOURCE_TEXT, encoding="utf-8")
        amap = load(root)
        event(f"claims loaded: {min(len(amap.claims), 3)}")
        event(f"relations: {min(len(amap.relations), 2)}")
        check_reports(amap)
        check_drawings(amap)
        check_exports(amap)
        check_handouts(amap)


@given(hostile_text, hostile_text)
def test_quotes_and_source_paths_of_any_shape(quote: str, text_path: str) -> None:
    content = json.dumps(
        {
            "party": "p",
            "parties": {"p": {"name": "P"}},
            "sources": {"s": {"title": "S", "text": text_path}},
            "claims": [{"id": "a", "text": "x", "cite": {"source": "s", "quote": quote}}],
        }
    )
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory) / "map"
        root.mkdir()
        (root / "a.yaml").write_text(content, encoding="utf-8")
        (root / "speech.txt").write_text(SOURCE_TEXT, encoding="utf-8")
        amap = load(root)
        check_reports(amap)
