"""docs/rules.md is generated from the rules' docstrings and must be up to date."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from argmap.lint import registry
from tests.conftest import REPO

SCRIPT = REPO / "scripts" / "gen_rules_doc.py"
DOC = REPO / "docs" / "rules.md"


def generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_rules_doc", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_rules_doc_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == generator().generate(), (
        "docs/rules.md is stale: run .venv/bin/python scripts/gen_rules_doc.py"
    )


def test_every_rule_has_a_row_and_a_section() -> None:
    text = generator().generate()
    for code, module in registry().items():
        rule = module.RULE
        assert f"| [{code}](#{code.lower()}-{rule.name}) | {rule.name} | {rule.severity} |" in text
        assert f"\n## {code} {rule.name}\n" in text
    assert text.count("### What it does") == len(registry())


def test_check_mode_reports_staleness(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, timeout=120
    )
    assert (done.returncode, done.stderr) == (0, "")
    module = generator()
    doc = tmp_path / "rules.md"
    setattr(module, "DOC", doc)  # noqa: B010 - the generator's target, redirected
    doc.write_text("# hand-edited\n")
    assert module.main(["--check"]) == 1
    assert module.main([]) == 0
    assert doc.read_text(encoding="utf-8") == module.generate()
