"""AM103 unknown-party: a party or against that no file declares."""

from __future__ import annotations

from .conftest import LintMap

PARTIES = "parties:\n  defence: {name: Defence}\n  prosecution: {name: Prosecution}\n"


def test_unknown_parties_are_reported_where_written(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": PARTIES,
            "b.yaml": """\
party: defense
claims:
  - {id: a, text: A.}
  - {id: b, text: B., rebuts: a}
  - id: c
    party: witnes
    kind: allegation
    against: prosecutor
    text: C.
""",
        }
    )
    assert linted.at("AM103") == [("b.yaml", 1, 8), ("b.yaml", 6, 12), ("b.yaml", 8, 14)]
    file_party, party, against = linted.messages("AM103")
    assert file_party == "party 'defense' is not a declared party; did you mean 'defence'?"
    assert party == "party 'witnes' is not a declared party; declare it under 'parties'"
    assert "against 'prosecutor' is not a declared party; did you mean 'prosecution'?" in against


def test_declared_parties_pass_from_any_file(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "z.yaml": PARTIES,
            "a.yaml": """\
party: defence
claims:
  - {id: a, text: A.}
  - {id: b, party: prosecution, kind: allegation, against: defence, text: B., rebuts: a}
""",
        }
    )
    assert linted.of("AM103") == []
