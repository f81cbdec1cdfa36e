"""The cycle collector's pause: state restored, and nothing left for it to collect."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from argmap import gc_pause
from argmap.gc_pause import cyclic_gc_paused
from argmap.lint import LintOptions, lint
from argmap.loading.build import load
from tests.conftest import MapWriter


@pytest.fixture
def collector_enabled() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_paused_and_restored(collector_enabled: None) -> None:
    with cyclic_gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    with cyclic_gc_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # a program that turned it off keeps it off


def test_what_a_program_froze_stays_frozen(collector_enabled: None) -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with cyclic_gc_paused():
            kept = [[i] for i in range(1000)]
        assert gc.get_freeze_count() == frozen
        assert len(kept) == 1000
    finally:
        gc.unfreeze()


def test_every_so_often_a_pause_ends_with_a_full_collection(
    collector_enabled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gc_pause, "FULL_COLLECTION_EVERY", 3)
    collections = gc.get_stats()[2]["collections"]
    for _ in range(6):
        with cyclic_gc_paused():
            pass
    assert gc.get_stats()[2]["collections"] - collections == 2


def test_loading_and_linting_make_no_reference_cycle(write_map: MapWriter) -> None:
    """Garbage cycles made while the collector is paused wait long: argmap makes none."""
    root = write_map(
        {
            "meta.yaml": """
                parties: {p: {name: P}, q: {name: Q}}
                sources: {s: {title: S, text: s.txt}}
            """,
            "fast.yaml": """
                party: p
                claims:
                  - {id: a, text: A., cite: {source: s, quote: b d}}
            """,
            "slow.yaml": "claims:\n  - {id: b, party: q, text: B., rebuts: a, unknown: 1}\n",
            "broken.yaml": "claims: [\n",
            "s.txt": "a b c d " * 20000,
        }
    )
    was = gc.isenabled()
    gc.collect()
    gc.disable()  # so that no collection runs on its own, nor at the end of a pause
    try:
        findings = lint(load(root), options=LintOptions())
        assert {f.code for f in findings} >= {"AM001", "AM002", "AM302"}  # every path ran
        del findings
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
