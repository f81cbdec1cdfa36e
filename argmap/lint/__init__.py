"""The lint rules, their registry, and ``lint(map) -> findings``.

A rule is a module of this package with a ``RULE`` (code, name, severity, and its
docstring as documentation) and, unless the loader reports it, ``check(ctx)``
yielding findings. The registry below is the one list of rules; ``argmap lint
--list-rules`` and ``--explain`` read it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from types import ModuleType

from argmap.findings import MAX_PER_FILE, Finding, sort_findings
from argmap.gc_pause import cyclic_gc_paused
from argmap.lint import unused_ignore
from argmap.lint.context import LintContext, LintOptions
from argmap.lint.rule import Rule
from argmap.model import ArgMap

RULE_MODULES: tuple[str, ...] = (
    "yaml_syntax",
    "schema",
    "duplicate_key",
    "unsupported_yaml",
    "unreadable_file",
    "duplicate_id",
    "dangling_reference",
    "unknown_party",
    "self_reference",
    "unused_ignore",
    "misdirected_against",
    "unanswered",
    "circular_support",
    "isolated",
    "friendly_fire",
    "party_colours",
    "conflicting_relation",
    "self_defeating",
    "open_but_defeated",
    "unused_term",
    "missing_citation",
    "quote_not_found",
    "source_text_missing",
    "source_text_refused",
    "quote_speaker",
)

__all__ = ["LintContext", "LintOptions", "Rule", "lint", "registry", "resolve_codes"]


@cache
def registry() -> dict[str, ModuleType]:
    """Rule code -> rule module, in code order."""
    modules = [importlib.import_module(f"{__name__}.{name}") for name in RULE_MODULES]
    return {m.RULE.code: m for m in sorted(modules, key=lambda m: m.RULE.code)}


def resolve_codes(selectors: Iterable[str]) -> set[str]:
    """Codes matched by selectors: a code, a code prefix (``AM2``), a rule name, or ``ALL``.

    Raises ``ValueError`` naming the allowed values for a selector that matches nothing.
    """
    rules = registry()
    by_name = {m.RULE.name: code for code, m in rules.items()}
    codes: set[str] = set()
    for raw in selectors:
        selector = raw.strip()
        if not selector:
            continue
        if selector.upper() == "ALL":
            codes.update(rules)
        elif selector in by_name:
            codes.add(by_name[selector])
        else:
            matched = {code for code in rules if code.startswith(selector.upper())}
            if not matched or not selector.upper().startswith("AM"):
                raise ValueError(
                    f"unknown rule {selector!r} (must be a code such as AM201, a prefix such as "
                    f"AM2, a rule name such as 'unanswered', or ALL)"
                )
            codes.update(matched)
    return codes


def lint(
    amap: ArgMap,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    options: LintOptions | None = None,
) -> list[Finding]:
    """Every finding of the selected rules on a loaded map, acknowledged where the map says."""
    rules = registry()
    selected = resolve_codes(select) if select is not None else set(rules)
    selected -= resolve_codes(ignore)
    ctx = LintContext(amap, options or LintOptions())
    by_name = {m.RULE.name: code for code, m in rules.items()}
    acknowledged = _Acknowledgements(amap, by_name)
    findings: list[Finding] = []
    with cyclic_gc_paused():  # rules build indexes over the whole map: see gc_pause.py
        for code in sorted(selected):
            if code == "AM105":
                continue  # needs every other finding first
            found = map(acknowledged, _run(rules[code], ctx))
            loaded = getattr(rules[code], "check", None) is None  # the loader caps its own
            findings.extend(found if loaded else _capped(found))
        if "AM105" in selected:
            unused = unused_ignore.unused(amap, acknowledged.used, selected, by_name)
            findings.extend(_capped(unused))
        return sort_findings(findings)


def _run(module: ModuleType, ctx: LintContext) -> Iterator[Finding]:
    check = getattr(module, "check", None)
    if check is None:
        return ctx.load_problems(module.RULE.code)
    result: Iterator[Finding] = check(ctx)
    return result


class _Acknowledgements:
    """Turns findings a claim's ``ignore`` names into acknowledged ones, noting which were used."""

    def __init__(self, amap: ArgMap, by_name: dict[str, str]) -> None:
        self.wanted: dict[tuple[str, str], str] = {}
        for claim in amap.claims:
            for entry in claim.ignore:
                code = by_name.get(entry.code, entry.code.upper())
                self.wanted.setdefault((claim.id, code), entry.reason)
        self.used: set[tuple[str, str]] = set()

    def __call__(self, finding: Finding) -> Finding:
        if finding.claim is None or not self.wanted:
            return finding
        key = (finding.claim, finding.code)
        reason = self.wanted.get(key)
        if reason is None:
            return finding
        self.used.add(key)
        return finding.acknowledge(reason)


def _capped(findings: Iterable[Finding]) -> list[Finding]:
    """One rule's findings, at most ``MAX_PER_FILE`` per file, then one that counts the rest.

    The rest are counted, not kept, so a flood (200,000 dangling references) costs a
    bounded report. The count fails a run if any finding it stands for would.
    """
    kept: list[Finding] = []
    listed: dict[str, int] = {}
    rest: dict[str, tuple[Finding, int, bool]] = {}  # path -> first unlisted, count, any fails
    for finding in findings:
        path = finding.span.path
        count = listed.get(path, 0)
        if count < MAX_PER_FILE:
            listed[path] = count + 1
            kept.append(finding)
            continue
        first, more, fails = rest.get(path, (finding, 0, False))
        rest[path] = (first, more + 1, fails or finding.acknowledged is None)
    for first, more, fails in rest.values():
        summary = replace(
            first,
            message=f"{more:,} more {first.rule} findings in this file are not listed, from "
            "here on; fix the ones above first",
            claim=None,
            acknowledged=None if fails else "every one of them is acknowledged",
        )
        kept.append(summary)
    return kept
