"""AM206 self-defeating: a party attacks a claim it relies on."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.lint import LintContext, self_defeating
from argmap.model import ArgMap, Claim, Ref, Span, Undercut
from argmap.relations import relations_of

from .conftest import LintMap

PARTIES = "parties: {t: {name: Trotsky}, k: {name: Kamenev}, p: {name: Prosecution}}\n"


def test_rebutting_a_claim_that_supports_your_own_is_an_error_at_the_rebuttal(
    lint_map: LintMap,
) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES
            + """\
claims:
  - {id: break, party: t, text: We broke in 1927.}
  - {id: horses, party: k, text: Kamenev said we should unite., supports: break}
  - {id: repeat, party: t, text: It would not repeat 1917., rebuts: horses}
"""
        },
        select=["AM206"],
    )
    assert linted.at("AM206") == [("a.yaml", 5, 69)]
    (finding,) = linted.of("AM206")
    assert (finding.severity, finding.claim) == ("error", "repeat")
    assert "'repeat' attacks 'horses', which supports 'break'" in finding.message


def test_a_chain_of_supports_and_an_undercut_count_too(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES
            + """\
claims:
  - {id: own, party: t, text: Own claim.}
  - {id: middle, party: k, text: Middle., supports: own}
  - {id: far, party: k, text: Far., supports: middle}
  - {id: other, party: p, text: Other., supports: far}
  - {id: cut, party: t, text: Cut., undercuts: other -> far}
"""
        },
        select=["AM206"],
    )
    (finding,) = linted.of("AM206")
    assert finding.claim == "cut"
    assert "through a chain of supports, 'own'" in finding.message


def test_attacking_what_the_other_side_relies_on_passes(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES
            + """\
claims:
  - {id: charge, party: p, kind: allegation, text: They met.}
  - {id: witness, party: k, text: Kamenev said they met., supports: charge}
  - {id: denial, party: t, text: Kamenev's words were forced., rebuts: witness}
  - {id: report, party: t, kind: evidence, text: Trotsky reports Kamenev's words., supports: denial}
"""
        },
        select=["AM206"],
    )
    assert linted.findings == []


def chain(length: int) -> ArgMap:
    """Claim i of party i supports claim i + 1 and rebuts claim i - 1: each rebuttal
    attacks a claim the rebutting party relies on."""
    at = Span("a.yaml", 1, 1)
    return ArgMap(
        "map",
        claims=tuple(
            Claim(
                f"c{i}",
                "text",
                f"p{i}",
                at,
                supports=(Ref(f"c{i + 1}", at),) if i + 1 < length else (),
                rebuts=(Ref(f"c{i - 1}", at),) if i else (),
            )
            for i in range(length)
        ),
    )


def test_every_party_is_checked_within_a_bound_of_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    amap = chain(60)
    assert len(list(self_defeating.check(LintContext(amap)))) == 59
    monkeypatch.setattr(self_defeating, "MAX_STEPS", 100)
    bounded = list(self_defeating.check(LintContext(chain(60))))
    assert 0 < len(bounded) < 59


IDS = ["a", "b", "c", "d", "e", "f"]


@st.composite
def maps(draw: st.DrawFn) -> ArgMap:
    at = Span("a.yaml", 1, 1)
    pairs = st.tuples(st.sampled_from(IDS), st.sampled_from(IDS))
    return ArgMap(
        "map",
        claims=tuple(
            Claim(
                cid,
                "text",
                draw(st.sampled_from(["p", "q", "r"])),
                at,
                supports=tuple(
                    Ref(t, at) for t in draw(st.lists(st.sampled_from(IDS), max_size=2))
                ),
                rebuts=tuple(Ref(t, at) for t in draw(st.lists(st.sampled_from(IDS), max_size=2))),
                undercuts=tuple(Undercut(s, t, at) for s, t in draw(st.lists(pairs, max_size=1))),
            )
            for cid in IDS
        ),
    )


@settings(max_examples=300, deadline=None)
@given(maps())
def test_findings_are_the_attacks_on_what_the_attacker_s_party_relies_on(amap: ArgMap) -> None:
    """Each finding, and only those, by the rule's definition: a party's claim attacks a
    claim that supports one of the party's claims, directly or through a chain."""
    rel = relations_of(amap)
    party = {c.id: c.party for c in amap.claims}

    def reaches(start: str) -> set[str]:
        seen: set[str] = set()
        todo = list(rel.supported(start))
        while todo:
            if (node := todo.pop()) not in seen:
                seen.add(node)
                todo.extend(rel.supported(node))
        return seen

    expected = {
        (attacker.id, target)
        for target in party
        for attacker in rel.attackers(target)
        if any(party[own] == attacker.party for own in reaches(target))
    }
    found = {}
    for finding in self_defeating.check(LintContext(amap)):
        attacker, target, own = re.findall(r"'([^']+)'", finding.message)[:3]
        found[attacker, target] = own
        direct = "through a chain" not in finding.message
        assert party[own] == party[attacker]
        assert own in (set(rel.supported(target)) if direct else reaches(target))
        mine = {o for o in rel.supported(target) if party[o] == party[attacker]}
        assert direct == bool(mine)
    assert set(found) == expected
