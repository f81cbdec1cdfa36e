"""The README's "Writing claim files" lists every key and kind, and its example is a
clean map (with its source text) that the JSON Schema accepts too."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from argmap.lint import LintOptions, lint
from argmap.loading.build import load
from argmap.model import CLAIM_KINDS
from argmap.schema import CLAIM_FILE_SCHEMA
from tests.conftest import REPO

README = REPO / "README.md"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Writing claim files")
    return text[start : text.index("\n## ", start + 1)]


def example() -> str:
    match = re.search(r"```yaml\n(.*?)```", section(), re.S)
    assert match
    return match.group(1)


def test_every_key_and_kind_is_listed() -> None:
    body = section()
    properties = CLAIM_FILE_SCHEMA["properties"]
    keys = set(properties)
    keys |= set(properties["claims"]["items"]["properties"])
    keys |= set(properties["sources"]["additionalProperties"]["properties"])
    keys |= set(properties["parties"]["additionalProperties"]["properties"])
    keys |= set(properties["events"]["items"]["properties"])
    keys |= set(properties["claims"]["items"]["properties"]["cite"]["anyOf"][0]["properties"])
    missing = {key for key in keys if not re.search(rf"[`{{ ]{key}\b", body)}
    assert not missing
    assert all(f"`{kind}`" in body for kind in CLAIM_KINDS)
    assert "map: {title:" in body


def test_the_example_is_a_clean_map(tmp_path: Path) -> None:
    (tmp_path / "map.yaml").write_text(example(), encoding="utf-8")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "speech.txt").write_text(
        'He spoke of "A secret “United Center”" and the witness: "I never saw him."',
        encoding="utf-8",
    )
    amap = load(tmp_path)
    assert amap.problems == ()
    assert [f.code for f in lint(amap, options=LintOptions()) if f.fails()] == []
    assert any(cite.by for claim in amap.claims for cite in claim.cite), "shows reported speech"
    assert amap.glossary and amap.events and amap.info and amap.info.title
    jsonschema.Draft7Validator(CLAIM_FILE_SCHEMA).validate(as_editors_read(example()))


def as_editors_read(text: str) -> Any:
    """The YAML as a YAML 1.2 editor reads it: ``1936-08-19`` is a string, not a date."""

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: plain(item) for key, item in value.items()}
        if isinstance(value, list):
            return [plain(item) for item in value]
        return value.isoformat() if isinstance(value, datetime.date) else value

    return plain(yaml.safe_load(text))
