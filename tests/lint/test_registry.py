"""The rule registry, selectors, ``lint()``'s ordering and acknowledgements."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import argmap
from argmap.lint import RULE_MODULES, registry, resolve_codes
from argmap.loading.build import load

from .conftest import LintMap

NOT_RULES = {"context", "report", "rule"}


def test_every_rule_module_is_registered_once_with_a_unique_code_and_name() -> None:
    modules = {
        m.name for m in pkgutil.iter_modules(importlib.import_module("argmap.lint").__path__)
    } - NOT_RULES
    assert set(RULE_MODULES) == modules
    rules = registry()
    assert len(rules) == len(modules)
    assert list(rules) == sorted(rules)
    assert len({m.RULE.name for m in rules.values()}) == len(rules)
    for code, module in rules.items():
        assert code == module.RULE.code
        assert code[:2] == "AM" and code[2:].isdigit() and len(code) == 5
        assert module.RULE.severity in ("error", "warning")


@pytest.mark.parametrize("module", RULE_MODULES)
def test_every_rule_module_has_its_test_file(module: str) -> None:
    assert (Path(__file__).parent / f"test_{module}.py").is_file()


@pytest.mark.parametrize("code", sorted(registry()))
def test_every_rule_documents_what_why_and_an_example(code: str) -> None:
    doc = registry()[code].RULE.explanation
    for heading in ("## What it does", "## Why is this bad?", "## Example"):
        assert heading in doc, f"{code} lacks {heading!r}"
    assert "```" in doc
    assert registry()[code].RULE.summary == doc.splitlines()[0]


def test_the_spec_codes_and_severities() -> None:
    expected = {
        "AM001": ("yaml-syntax", "error"),
        "AM002": ("schema", "error"),
        "AM003": ("duplicate-key", "error"),
        "AM101": ("duplicate-id", "error"),
        "AM102": ("dangling-reference", "error"),
        "AM103": ("unknown-party", "error"),
        "AM104": ("self-reference", "error"),
        "AM201": ("unanswered", "error"),
        "AM202": ("circular-support", "error"),
        "AM203": ("isolated", "warning"),
        "AM204": ("friendly-fire", "warning"),
        "AM206": ("self-defeating", "error"),
        "AM207": ("open-but-defeated", "warning"),
        "AM208": ("unused-term", "warning"),
        "AM305": ("quote-speaker", "warning"),
        "AM301": ("missing-citation", "warning"),
        "AM302": ("quote-not-found", "error"),
    }
    rules = registry()
    assert {c: (rules[c].RULE.name, rules[c].RULE.severity) for c in expected} == expected
    assert rules["AM303"].RULE.severity == "warning"  # a missing text never fails a run


def test_selectors_are_codes_prefixes_names_or_all() -> None:
    assert resolve_codes(["AM201"]) == {"AM201"}
    assert resolve_codes(["am20"]) == {f"AM20{n}" for n in range(1, 9)}
    assert resolve_codes(["unanswered", " isolated ", ""]) == {"AM201", "AM203"}
    assert resolve_codes(["ALL"]) == set(registry())
    assert resolve_codes([]) == set()
    for bad in ("AM9", "XX1", "unanswerd", "201"):
        with pytest.raises(ValueError, match=f"unknown rule '{bad}'"):
            resolve_codes([bad])


SORTING = {
    "b.yaml": "party: p\nclaims:\n  - {id: b1, text: B.}\n",
    "a.yaml": "parties: {p: {name: P}}\nclaims:\n  - {id: a1, party: q, text: A.}\n"
    "  - {id: a2, party: p, text: A., rebuts: zz}\n",
}


def test_findings_are_sorted_by_path_line_column(lint_map: LintMap) -> None:
    linted = lint_map(SORTING)
    places = [(f.span.path, f.span.line, f.span.column) for f in linted.findings]
    assert places == sorted(places)
    assert linted.at("AM103")[0][0] == "a.yaml"
    assert [f.code for f in linted.findings] == ["AM203", "AM103", "AM102", "AM203"]


def test_select_and_ignore(lint_map: LintMap) -> None:
    assert lint_map(SORTING, select=["AM1"]).codes == {"AM102", "AM103"}
    assert lint_map(SORTING, select=["AM1"], ignore=["unknown-party"], directory="m2").codes == {
        "AM102"
    }
    assert lint_map(SORTING, ignore=["AM203"], directory="m3").codes == {"AM102", "AM103"}
    with pytest.raises(ValueError, match="unknown rule"):
        lint_map(SORTING, select=["AM7"], directory="m4")


def test_loading_problems_are_subject_to_select_too(lint_map: LintMap) -> None:
    files = {"a.yaml": "claims: [\n"}
    assert lint_map(files).codes == {"AM001"}
    assert lint_map(files, ignore=["AM0"], directory="m2").findings == []


def test_the_public_api(lint_map: LintMap) -> None:
    linted = lint_map(SORTING)
    amap = argmap.load(linted.root)
    assert [f.code for f in argmap.lint(amap)] == [f.code for f in linted.findings]
    graph = argmap.to_digraph(amap)
    assert set(graph.nodes) == {"a1", "a2", "b1"}
    assert isinstance(load(linted.root / "a.yaml"), argmap.ArgMap)
