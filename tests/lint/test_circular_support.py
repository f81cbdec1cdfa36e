"""AM202 circular-support: one finding per cycle of supports (per strong component)."""

from __future__ import annotations

import itertools

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.lint import LintContext
from argmap.lint.circular_support import check
from argmap.model import ArgMap, Claim, Ref, Span

from .conftest import LintMap

HEAD = "party: p\nparties: {p: {name: P}}\nclaims:\n"


def test_one_finding_per_cycle_at_its_first_claim(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": HEAD
            + """\
  - {id: a, text: A., supports: b}
  - {id: b, text: B., supports: a}
  - {id: c, text: C., supports: d}
  - {id: d, text: D., supports: e}
  - {id: e, text: E., supports: [c, a]}
"""
        }
    )
    assert linted.at("AM202") == [("a.yaml", 4, 5), ("a.yaml", 6, 5)]
    assert linted.messages("AM202") == [
        "circular support: a -> b -> a",
        "circular support: c -> d -> e -> c",
    ]
    assert [f.claim for f in linted.of("AM202")] == ["a", "c"]


def test_a_component_with_several_cycles_is_one_finding(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "b.yaml": HEAD + "  - {id: y, text: Y., supports: [x, z]}\n",
            "a.yaml": HEAD
            + "  - {id: x, text: X., supports: y}\n  - {id: z, text: Z., supports: y}\n",
        }
    )
    assert linted.at("AM202") == [("a.yaml", 4, 5)]  # x: first in file order
    assert linted.messages("AM202") == ["circular support: x -> y -> x"]


def test_a_long_cycle_is_found_without_recursion(lint_map: LintMap) -> None:
    n = 3000
    claims = "".join(f"  - {{id: c{i}, text: T., supports: c{(i + 1) % n}}}\n" for i in range(n))
    linted = lint_map({"a.yaml": HEAD + claims}, select=["AM202"])
    (finding,) = linted.findings
    assert (finding.span.line, finding.span.column) == (4, 5)
    assert finding.message.startswith("circular support: c0 -> c1 -> c2 -> ")
    assert finding.message.endswith(f" -> c{n - 1} -> c0")


def test_support_without_a_cycle_passes(lint_map: LintMap) -> None:
    linted = lint_map(
        {
            "a.yaml": HEAD
            + """\
  - {id: a, text: A., supports: [b, c]}
  - {id: b, text: B., supports: c, rebuts: a}
  - {id: c, text: C., rebuts: a}
  - {id: d, text: D., supports: d}
"""
        },
        select=["AM202"],
    )
    assert linted.findings == []  # rebuttals and self-support (AM104) are not support cycles


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=12).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n),
        )
    )
)
def test_findings_match_the_strong_components_networkx_finds(
    graph: tuple[int, list[tuple[int, int]]],
) -> None:
    n, edges = graph
    span = Span("a.yaml", 1, 1)
    targets: dict[int, list[int]] = {i: [] for i in range(n)}
    for source, target in edges:
        targets[source].append(target)
    claims = tuple(
        Claim(f"c{i}", "T.", "p", span, supports=tuple(Ref(f"c{t}", span) for t in targets[i]))
        for i in range(n)
    )
    findings = list(check(LintContext(ArgMap(root=".", claims=claims))))

    oracle = nx.DiGraph()
    oracle.add_nodes_from(range(n))
    oracle.add_edges_from((s, t) for s, t in edges if s != t)
    components = [c for c in nx.strongly_connected_components(oracle) if len(c) > 1]
    assert sorted(f.claim or "" for f in findings) == sorted(f"c{min(c)}" for c in components)
    for finding in findings:
        cycle = finding.message.removeprefix("circular support: ").split(" -> ")
        assert cycle[0] == cycle[-1] == finding.claim
        nodes = [int(name[1:]) for name in cycle]
        assert all(oracle.has_edge(a, b) for a, b in itertools.pairwise(nodes))
