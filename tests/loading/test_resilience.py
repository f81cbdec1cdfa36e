"""One mistake, one error: a file that does not parse keeps what came before the error,
and no other file gets false dangling references or unanswered allegations."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from argmap.lint import LintOptions, lint
from argmap.loading.build import UNCHECKED_NOTE, load
from tests.conftest import MapWriter

CLEAN = {
    "map.yaml": """\
map: {title: A small trial}
parties: {prosecution: {name: Prosecution}, defence: {name: Defence}}
sources: {record: {title: The record}}
""",
    "prosecution.yaml": """\
party: prosecution
claims:
  - id: meeting
    kind: allegation
    text: The accused met the plotters in 1932.
    cite: {source: record, at: p. 1}
  - id: witness
    kind: evidence
    text: A witness saw them together.
    supports: meeting
    cite: {source: record, at: p. 2}
""",
    "defence.yaml": """\
party: defence
claims:
  - id: abroad
    text: The accused was abroad all of 1932.
    rebuts: meeting
  - id: unreliable
    text: The witness recanted.
    undercuts: witness -> meeting
""",
}
BROKEN_TAIL = '  - id: late\n    text: "an unclosed quote\n'


def errors(root: Path) -> list[tuple[str, str]]:
    found = lint(load(root), options=LintOptions())
    return [(f.code, Path(f.span.path).name) for f in found if f.fails()]


def test_the_clean_map_is_clean(write_map: MapWriter) -> None:
    assert errors(write_map(CLEAN)) == []


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_an_unclosed_quote_in_one_file_is_one_error(write_map: MapWriter, name: str) -> None:
    files = dict(CLEAN)
    files[name] += BROKEN_TAIL if "claims:" in files[name] else 'x: "open\n'
    root = write_map(files)
    assert errors(root) == [("AM001", name)]
    amap = load(root)
    (problem,) = [p for p in amap.problems if p.code == "AM001"]
    text = (root / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert problem.span.line <= len(lines), "points inside the file"
    assert problem.span.column <= len(lines[problem.span.line - 1]) + 1
    assert "while scanning a quoted scalar at line" in problem.message
    assert problem.message.endswith(UNCHECKED_NOTE)
    assert [Path(s.path).name for s in amap.unparsed] == [name]
    # What came before the error is kept: every claim of the clean map is there.
    assert {c.id for c in amap.claims} == {"meeting", "witness", "abroad", "unreliable"}


def test_the_note_is_said_once_for_several_broken_files(write_map: MapWriter) -> None:
    files = {name: text + BROKEN_TAIL for name, text in CLEAN.items() if "claims:" in text}
    root = write_map({**CLEAN, **files})
    found = lint(load(root), options=LintOptions())
    assert sorted(f.code for f in found if f.fails()) == ["AM001", "AM001"]
    assert sum(UNCHECKED_NOTE in f.message for f in found) == 1


def test_a_binary_file_also_holds_back_the_checks_that_need_it(write_map: MapWriter) -> None:
    root = write_map({**CLEAN, "defence.yaml": b"party: defence\x00\n"})
    assert errors(root) == [("AM001", "defence.yaml")]


def test_with_every_file_read_the_checks_come_back(write_map: MapWriter) -> None:
    files = dict(CLEAN)
    files["defence.yaml"] = files["defence.yaml"].replace("rebuts: meeting", "rebuts: meetng")
    assert errors(write_map(files)) == [("AM102", "defence.yaml")]


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(["prosecution.yaml", "defence.yaml"]), st.integers(0, 400))
def test_wherever_a_file_is_cut_by_an_error_only_that_error_fails(
    tmp_path_factory: pytest.TempPathFactory, name: str, cut: int
) -> None:
    root = tmp_path_factory.mktemp("map")
    for file, text in CLEAN.items():
        if file == name:
            text = text[:cut] + '\n"'  # an unclosed quote at some point of the file
        (root / file).write_text(text, encoding="utf-8")
    found = errors(root)
    assume(("AM001", name) in found)  # some cuts leave valid YAML
    assert not {code for code, _ in found} & {"AM102", "AM201"}
    assert all(file == name for _, file in found), found
