"""``argmap init``: a starter map that lints clean at once, and never over another map."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from argmap.cli import main
from argmap.loading.build import load


def test_init_then_lint_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "debate"
    assert main(["init", str(target)]) == 0
    assert main(["lint", "--no-config", str(target)]) == 0
    assert "No problems found" in capsys.readouterr().out


def test_the_starter_shows_an_allegation_a_rebuttal_and_a_support(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path)]) == 0
    amap = load(tmp_path)
    assert amap.info is not None and amap.info.title
    assert len(amap.parties) == 2
    assert [s.text for s in amap.sources] == ["texts/minutes.txt"]
    kinds = {c.kind for c in amap.claims}
    assert "allegation" in kinds
    assert any(c.rebuts for c in amap.claims) and any(c.supports for c in amap.claims)
    assert any(cite.by for c in amap.claims for cite in c.cite)


def test_claim_files_point_at_the_schema_written_beside_them(tmp_path: Path) -> None:
    assert main(["init", str(tmp_path)]) == 0
    schema = json.loads((tmp_path / ".argmap/claim-file.schema.json").read_text())
    for claim_file in sorted(p for p in tmp_path.glob("*.yaml") if not p.name.startswith(".")):
        text = claim_file.read_text()
        modeline = text.splitlines()[0]
        assert modeline == "# yaml-language-server: $schema=.argmap/claim-file.schema.json"
        jsonschema.validate(yaml.safe_load(text), schema)
    settings = json.loads((tmp_path / ".vscode/settings.json").read_text())
    assert "./.argmap/claim-file.schema.json" in settings["yaml.schemas"]


def test_ci_files_name_the_hook_and_the_map(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert main(["init", str(tmp_path / "maps" / "uniforms")]) == 0
    hooks = yaml.safe_load((tmp_path / "maps/uniforms/.pre-commit-config.yaml").read_text())
    hook = hooks["repos"][0]["hooks"][0]
    assert hook["id"] == "argmap-lint"
    assert hook["args"] == ["maps/uniforms"]
    ours = yaml.safe_load(Path(".pre-commit-hooks.yaml").read_text())
    assert hook["id"] in {h["id"] for h in ours}
    workflow = (tmp_path / "maps/uniforms/.github/workflows/argmap.yml").read_text()
    assert 'argmap lint --format sarif -o argmap.sarif "maps/uniforms"' in workflow
    yaml.safe_load(workflow)


def test_a_directory_with_a_map_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "claims.yaml").write_text("claims: []\n")
    assert main(["init", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already holds claim files" in err
    assert not (tmp_path / "map.yaml").exists()


def test_existing_starter_files_are_kept_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".vscode").mkdir()
    (tmp_path / ".vscode/settings.json").write_text("{}")
    assert main(["init", str(tmp_path)]) == 2
    assert "settings.json already exists" in capsys.readouterr().err
    assert (tmp_path / ".vscode/settings.json").read_text() == "{}"
    assert main(["init", "--force", str(tmp_path)]) == 0
    assert "yaml.schemas" in (tmp_path / ".vscode/settings.json").read_text()
