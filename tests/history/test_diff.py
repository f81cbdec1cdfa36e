"""compare(): what a change does to a map, matched by claim id."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.history.as_of import as_of
from argmap.history.diff import compare
from argmap.loading.build import load
from argmap.model import ArgMap, Claim, Ref, Span
from tests.conftest import MapWriter

BASE = """
parties:
  pros: {name: Prosecution}
  def: {name: Defence}
claims:
  - id: charge
    party: pros
    kind: allegation
    against: def
    text: They formed a bloc.
  - id: step
    party: pros
    text: A letter confirmed it.
    supports: charge
  - id: denial
    party: def
    text: There was no bloc.
    rebuts: charge
"""


def test_nothing_changed_is_empty(write_map: MapWriter) -> None:
    old = load(write_map({"m.yaml": BASE}, directory="old"))
    new = load(write_map({"a.yaml": BASE}, directory="new"))
    assert compare(old, new).empty


def test_a_removed_answer_opens_the_allegation_and_names_it(write_map: MapWriter) -> None:
    old = load(write_map({"m.yaml": BASE}, directory="old"))
    without = BASE[: BASE.index("  - id: denial")]
    new = load(write_map({"m.yaml": without}, directory="new"))
    diff = compare(old, new)
    assert [c.id for c in diff.removed] == ["denial"]
    assert [(a.id, a.old, a.new, a.because) for a in diff.newly_open] == [
        ("charge", "answered", "unanswered", ("denial",))
    ]
    assert [a.id for a in diff.new_unanswered] == ["charge"]
    assert ("denial", "rebuts", "charge") in diff.relations_removed
    labels = {c.id: (c.old, c.new, c.because, c.reason) for c in diff.labels}
    assert labels["charge"] == ("out", "in", ("denial",), "no longer attacked by")


def test_reworded_claim_is_changed_not_removed(write_map: MapWriter) -> None:
    old = load(write_map({"m.yaml": BASE}, directory="old"))
    new = load(write_map({"m.yaml": BASE.replace("There was no bloc.", "No bloc existed.")}, "new"))
    diff = compare(old, new)
    assert not diff.added and not diff.removed
    assert [(c.id, c.old_text, c.new_text) for c in diff.changed] == [
        ("denial", "There was no bloc.", "No bloc existed.")
    ]


def test_undercut_weakens_the_step_and_strengthens_what_it_attacked(
    write_map: MapWriter,
) -> None:
    later = (
        BASE
        + "  - id: letters\n    party: pros\n    text: Letters show contacts.\n"
        + '    undercuts: "denial -> charge"\n'
    )
    old = load(write_map({"m.yaml": BASE}, directory="old"))
    new = load(write_map({"m.yaml": later}, directory="new"))
    diff = compare(old, new)
    bearing = {b.id: b for b in diff.bearings}
    assert bearing["denial"].weakens == (("its step to {} undercut by", "charge", "letters"),)
    assert bearing["charge"].strengthens == (("the step from {} undercut by", "denial", "letters"),)


DATED = """
parties:
  pros: {name: Prosecution}
  def: {name: Defence}
  hist: {name: Historian}
sources:
  trial: {title: Trial, date: "1936"}
  study: {title: Study, date: "1980"}
claims:
  - id: charge
    party: pros
    kind: allegation
    text: They formed a bloc.
    cite: {source: trial, at: p 1}
  - id: finding
    party: hist
    text: The bloc is documented.
    supports: charge
    cite: {source: study, at: p 2}
"""


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=1900, max_value=2100), st.integers(min_value=1900, max_value=2100))
def test_as_of_two_dates_adds_exactly_what_was_said_between(
    write_map: MapWriter, first: int, second: int
) -> None:
    early, late = sorted((first, second))
    amap = load(write_map({"m.yaml": DATED}, directory="dated"))
    diff = compare(as_of(amap, str(early)), as_of(amap, str(late)))
    said = {"charge": 1936, "finding": 1980}
    assert {c.id for c in diff.added} == {i for i, y in said.items() if early < y <= late}
    assert not diff.removed


@pytest.mark.parametrize("name", ["old", "new"])
def test_a_file_that_does_not_parse_still_compares(write_map: MapWriter, name: str) -> None:
    good = load(write_map({"m.yaml": BASE}, directory="good"))
    bad = load(write_map({"m.yaml": BASE, "broken.yaml": "claims: [\n"}, directory="bad"))
    diff = compare(good, bad) if name == "new" else compare(bad, good)
    assert diff.empty and bad.problems


HERE = Span("m.yaml", 1, 1)
IDS = ["a", "b", "c", "d", "e"]


def _refs(draw: st.DrawFn, others: list[str]) -> tuple[Ref, ...]:
    if not others:
        return ()
    return tuple(Ref(t, HERE) for t in draw(st.lists(st.sampled_from(others), unique=True)))


@st.composite
def maps(draw: st.DrawFn) -> ArgMap:
    """Small maps: two parties, some allegations, random supports and rebuts."""
    chosen = draw(st.lists(st.sampled_from(IDS), min_size=1, unique=True))
    claims = []
    for claim_id in chosen:
        others = [i for i in chosen if i != claim_id]
        claims.append(
            Claim(
                id=claim_id,
                text=draw(st.sampled_from(["x", "y"])),
                party=draw(st.sampled_from(["p", "q"])),
                span=HERE,
                kind=draw(st.sampled_from(["allegation", "claim"])),
                supports=_refs(draw, others),
                rebuts=_refs(draw, others),
            )
        )
    return ArgMap(root=".", claims=tuple(claims))


@settings(max_examples=60, deadline=None)
@given(maps(), maps())
def test_diff_is_symmetric_and_empty_on_itself(old: ArgMap, new: ArgMap) -> None:
    assert compare(new, new).empty
    forward, backward = compare(old, new), compare(new, old)
    assert {c.id for c in forward.added} == {c.id for c in backward.removed}
    assert set(forward.relations_added) == set(backward.relations_removed)
    assert {a.id for a in forward.newly_answered} <= {a.id for a in backward.newly_open}
    assert {(c.id, c.old, c.new) for c in forward.labels} == {
        (c.id, c.new, c.old) for c in backward.labels
    }
