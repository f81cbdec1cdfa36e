"""AM005 unreadable-file: links that leave the map or go nowhere, unreadable files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from argmap.loading.build import load

from .conftest import LintMap

CLAIMS = "parties:\n  p: {name: P}\nclaims:\n  - {id: a, party: p, text: A.}\n"


def test_a_link_out_of_the_map_is_not_followed(lint_map: LintMap, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("claims:\n  - {id: secret, party: p, text: Secret.}\n")
    linted = lint_map({"a.yaml": CLAIMS})
    (linted.root / "leak.yaml").symlink_to(outside)
    linted = lint_map({}, select=["AM005"])
    assert linted.at("AM005") == [("leak.yaml", 1, 1)]
    assert "leaves the map" in linted.messages("AM005")[0]
    assert [c.id for c in load(linted.root).claims] == ["a"]


def test_a_broken_link_is_reported(lint_map: LintMap) -> None:
    linted = lint_map({"a.yaml": CLAIMS})
    (linted.root / "gone.yaml").symlink_to(linted.root / "missing.yaml")
    linted = lint_map({}, select=["AM005"])
    assert linted.at("AM005") == [("gone.yaml", 1, 1)]
    assert "broken or looping" in linted.messages("AM005")[0]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_reported(lint_map: LintMap) -> None:
    linted = lint_map({"a.yaml": CLAIMS, "b.yaml": CLAIMS.replace("id: a", "id: b")})
    (linted.root / "b.yaml").chmod(0)
    try:
        linted = lint_map({}, select=["AM005"])
        assert linted.at("AM005") == [("b.yaml", 1, 1)]
        assert "cannot read" in linted.messages("AM005")[0]
    finally:
        (linted.root / "b.yaml").chmod(0o644)


def test_links_inside_the_map_are_followed_once(lint_map: LintMap) -> None:
    linted = lint_map({"sub/a.yaml": CLAIMS})
    (linted.root / "again").symlink_to(linted.root / "sub", target_is_directory=True)
    (linted.root / "sub" / "loop").symlink_to(linted.root, target_is_directory=True)
    linted = lint_map({}, select=["AM005", "AM101"])
    assert linted.findings == []
    assert [c.id for c in load(linted.root).claims] == ["a"]
