"""AM206 self-defeating: a party attacks a claim it relies on."""

from __future__ import annotations

import pytest

from argmap.lint import LintContext, self_defeating
from argmap.model import ArgMap, Claim, Ref, Span

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
