"""AM208 unused-term: a glossary term that nothing in the map uses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.lint import LintContext
from argmap.lint.unused_term import check
from argmap.model import ArgMap, Claim, GlossaryEntry, Span

from .conftest import LintMap

HEAD = """\
parties: {pro: {name: Prosecution}}
glossary:
  Zinoviev: Head of the Comintern until 1926.
  Kirov: Leningrad party chief, murdered in 1934.
  show trial: A trial staged for the public.
  Thermidor: The turn of 1794.
  NEP: The New Economic Policy.
  Secret Police (NKVD): The political police.
"""


def test_terms_no_text_uses_are_warnings_at_the_term(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": HEAD
            + """\
claims:
  - id: a
    party: pro
    text: ZINOVIEV met him before the show-trial, and the NKVD knew.
    note: A Thermidorian turn, said the NEPmen.
"""
        },
        select=["AM208"],
    )
    assert [f.message.split("'")[1] for f in linted.of("AM208")] == ["Kirov", "NEP"]
    assert linted.at("AM208")[0] == ("a.yaml", 4, 3)
    assert {f.severity for f in linted.of("AM208")} == {"warning"}


def test_terms_used_in_quotes_events_and_notes_pass(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": HEAD
            + """\
sources: {s: {title: Source}}
events:
  - {date: 1934-12-01, text: Kirov is murdered in Leningrad.}
claims:
  - id: a
    party: pro
    text: Zinoviev, the secret police and the NEP.
    note: It was a show trial.
    cite: [{source: s, quote: "the Thermidor of the revolution"}]
"""
        },
        select=["AM208"],
    )
    assert linted.findings == []


AT = Span("a.yaml", 1, 1)
WORDS = st.text(alphabet="abcxyz", min_size=1, max_size=4)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(WORDS, min_size=1, max_size=30),
    st.lists(st.lists(WORDS, min_size=1, max_size=3), max_size=6),
)
def test_a_term_is_used_exactly_when_its_words_run_in_some_text(
    text: list[str], terms: list[list[str]]
) -> None:
    amap = ArgMap(
        "map",
        claims=(Claim("a", " ".join(text).upper(), "p", AT),),
        glossary=tuple(GlossaryEntry(" ".join(t), "a definition", AT) for t in terms),
    )
    unused = {f.message.split("'")[1] for f in check(LintContext(amap))}
    padded = f" {' '.join(text)} "
    assert unused == {" ".join(t) for t in terms if f" {' '.join(t)} " not in padded}
