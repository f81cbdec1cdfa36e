"""The loader: discovery, typed values by tag, defaults, one-or-many, never raising."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.lint import LintOptions, lint
from argmap.loading.build import MapNotFoundError, load
from argmap.model import ArgMap, Citation, Ref, Span, Undercut
from tests.conftest import MapWriter

PARTY = "parties: {p: {name: P}}\n"


def claim_file(*ids: str) -> str:
    return "party: p\nclaims:\n" + "".join(f"  - {{id: {i}, text: T.}}\n" for i in ids)


def test_a_directory_is_searched_recursively_in_sorted_order(write_map: MapWriter) -> None:
    root = write_map(
        {
            "b.yaml": claim_file("b"),
            "a/z.yml": claim_file("az"),
            "a/b/c.yaml": claim_file("abc"),
            "0.yaml": PARTY,
            "notes.txt": "not a claim file",
            "claims.json": "{}",
            ".hidden/x.yaml": claim_file("hidden"),
            ".dotfile.yaml": claim_file("dot"),
        }
    )
    amap = load(root)
    assert [Path(f).relative_to(root).as_posix() for f in amap.files] == [
        "0.yaml",
        "a/b/c.yaml",
        "a/z.yml",
        "b.yaml",
    ]
    assert [c.id for c in amap.claims] == ["abc", "az", "b"]
    assert amap.root == str(root)


def test_single_files_and_several_paths(write_map: MapWriter) -> None:
    root = write_map({"x/a.yaml": claim_file("a"), "y/b.yaml": claim_file("b"), "p.yaml": PARTY})
    one = load(root / "x" / "a.yaml")
    assert [c.id for c in one.claims] == ["a"]
    assert one.root == str(root / "x")
    both = load(root / "y", root / "x" / "a.yaml", root / "p.yaml", root / "y" / "b.yaml")
    assert [c.id for c in both.claims] == ["b", "a"]  # in the order given; each file once
    assert len(both.files) == 3
    assert [p.id for p in both.parties] == ["p"]


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(MapNotFoundError, match="no such file or directory"):
        load(tmp_path / "nowhere")


def test_yaml_1_1_traps_stay_strings(write_map: MapWriter) -> None:
    root = write_map(
        {
            "a.yaml": """\
parties:
  no: {name: Norway}
  yes: {name: 012}
sources:
  1e3: {title: 2024-01-01, date: 2024-01-01}
claims:
  - id: no
    party: no
    text: 012
    tags: [1e3, 2024-01-01, on, ~x, 0x1F]
    supports: 012
    cite: {source: 1e3, at: 12:30}
  - id: "012"
    party: yes
    text: 1e3
    note: off
"""
        }
    )
    amap = load(root)
    assert amap.problems == ()
    no, twelve = amap.claims
    assert (no.id, no.party, no.text) == ("no", "no", "012")
    assert no.tags == ("1e3", "2024-01-01", "on", "~x", "0x1F")
    assert [r.target for r in no.supports] == ["012"]
    assert no.cite[0].source == "1e3" and no.cite[0].at == "12:30"
    assert (twelve.id, twelve.party, twelve.text, twelve.note) == ("012", "yes", "1e3", "off")
    assert amap.party_by_id["yes"].name == "012"
    source = amap.source_by_id["1e3"]
    assert (source.title, source.date) == ("2024-01-01", "2024-01-01")


def test_the_file_party_is_the_default(write_map: MapWriter) -> None:
    root = write_map(
        {
            "a.yaml": """\
party: defence
claims:
  - {id: a, text: A.}
  - {id: b, party: witness, text: B.}
""",
            "b.yaml": "claims:\n  - {id: c, party: judge, text: C.}\n",
        }
    )
    a, b, c = load(root).claims
    assert (a.party, a.party_span) == ("defence", Span(str(root / "a.yaml"), 1, 8))
    assert (b.party, b.party_span) == ("witness", Span(str(root / "a.yaml"), 4, 20))
    assert c.party == "judge"


def test_one_id_or_a_list_for_supports_rebuts_and_undercuts(write_map: MapWriter) -> None:
    root = write_map(
        {
            "a.yaml": """\
party: p
claims:
  - id: a
    text: A.
    supports: b
    rebuts: [c, d]
    undercuts: b -> c
  - id: e
    text: E.
    supports: [b]
    rebuts: c
    undercuts: ["b->c", " c  ->  d "]
"""
        }
    )
    path = str(root / "a.yaml")
    a, e = load(root).claims
    assert a.supports == (Ref("b", Span(path, 5, 15)),)
    assert a.rebuts == (Ref("c", Span(path, 6, 14)), Ref("d", Span(path, 6, 17)))
    assert a.undercuts == (Undercut("b", "c", Span(path, 7, 16)),)
    assert [r.target for r in e.supports] == ["b"]
    assert [r.target for r in e.rebuts] == ["c"]
    assert [u.label for u in e.undercuts] == ["b -> c", "c -> d"]
    assert [(r.kind, r.source, r.target) for r in load(root).relations] == [
        ("supports", "a", "b"),
        ("rebuts", "a", "c"),
        ("rebuts", "a", "d"),
        ("supports", "e", "b"),
        ("rebuts", "e", "c"),
    ]


def test_cite_is_a_mapping_or_a_list(write_map: MapWriter) -> None:
    root = write_map(
        {
            "a.yaml": """\
party: p
claims:
  - id: a
    text: A.
    cite: {source: s, quote: "the words", at: p. 4}
  - id: b
    text: B.
    cite:
      - source: s
      - {source: t, quote: other words}
"""
        }
    )
    path = str(root / "a.yaml")
    a, b = load(root).claims
    assert a.cite == (Citation("s", Span(path, 5, 20), "the words", "p. 4", Span(path, 5, 30)),)
    assert [(c.source, c.quote, c.at) for c in b.cite] == [
        ("s", None, None),
        ("t", "other words", None),
    ]


def test_records_keep_their_positions_and_metadata(write_map: MapWriter) -> None:
    root = write_map(
        {
            "sub/a.yaml": """\
map: {title: T, description: D}
parties:
  p: {name: Prosecution, role: accuses, color: '#123abc'}
sources:
  s: {title: Speech, text: ../texts/s.txt}
claims:
  - id: a
    party: p
    kind: allegation
    against: q
    text: A.
    ignore: {AM201: open}
"""
        }
    )
    path = str(root / "sub" / "a.yaml")
    amap = load(root)
    assert amap.info is not None and (amap.info.title, amap.info.description) == ("T", "D")
    party = amap.party_by_id["p"]
    assert (party.name, party.role, party.color, party.span) == (
        "Prosecution",
        "accuses",
        "#123abc",
        Span(path, 3, 3),
    )
    source = amap.source_by_id["s"]
    assert (source.text, source.base_dir, source.root) == (
        "../texts/s.txt",
        str(root / "sub"),
        str(root),
    )
    assert source.text_span == Span(path, 5, 28)
    (claim,) = amap.claims
    assert (claim.kind, claim.against, claim.against_span) == (
        "allegation",
        "q",
        Span(path, 10, 14),
    )
    assert [(i.code, i.reason, i.span) for i in claim.ignore] == [
        ("AM201", "open", Span(path, 12, 14))
    ]
    assert claim.span == Span(path, 7, 5)


# -- never crash: random text and random structures --------------------------------

_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # the line breaks libyaml counts
KEYS = st.sampled_from(
    [
        "map", "party", "parties", "sources", "claims", "id", "text", "kind", "against",
        "supports", "rebuts", "undercuts", "cite", "source", "quote", "at", "tags", "note",
        "ignore", "name", "role", "color", "title", "author", "date", "url", "AM201",
    ]
)  # fmt: skip
SCALARS = st.one_of(
    st.sampled_from(["a", "b", "p", "q", "s", "allegation", "evidence", "a -> b", "#aabbcc"]),
    st.sampled_from(["", "~", "no", "012", "../x", "/etc/passwd", ".", "b->a", "AM105"]),
    st.text(max_size=12),
)
VALUES: st.SearchStrategy[Any] = st.recursive(
    st.none() | SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(KEYS | st.text(max_size=5), children, max_size=6)
    ),
    max_leaves=30,
)
DOCUMENTS = st.dictionaries(KEYS, VALUES, max_size=6)
LINES = st.sampled_from(
    [
        "claims:", "  - id: a", "    text: x", "  - {id: b, text: y, rebuts: a}", "parties:",
        "  p: {name: P}", "party: p", "sources:", "  s: {title: S, text: t.txt}", "&a x: *a",
        "    supports: [a, b", "- - -", "? x", ": y", "  ignore: {AM201: r}", "\t", "'", "---",
        "!!python/object:x y", "    cite: {source: s, quote: q}", "[[[[[[", "%YAML 1.1",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(),
    st.lists(LINES | st.text(max_size=10), max_size=12).map("\n".join),
    st.binary(max_size=200),
)


def within(text: str, line: int, column: int) -> bool:
    """Whether a place exists in the text, counting lines as libyaml does (CR, LF, CRLF,
    NEL, LS, PS) or, for problems found before parsing (a NUL byte), at LF only."""
    for lines in (_BREAKS.split(text), text.split("\n")):
        if line <= len(lines) and column <= len(lines[line - 1]) + 1:
            return True
    return False


def check_map(files: dict[str, str | bytes]) -> None:
    """Load and lint files; every finding must point into a file, at a real place."""
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        texts: dict[str, str | None] = {}
        for name, content in files.items():
            path = root / name
            if isinstance(content, bytes):
                path.write_bytes(content)
                try:
                    texts[str(path)] = content.decode("utf-8")
                except UnicodeDecodeError:
                    texts[str(path)] = None
            else:
                path.write_text(content, encoding="utf-8", newline="")
                texts[str(path)] = content
        amap = load(root)
        assert isinstance(amap, ArgMap)
        findings = lint(amap, options=LintOptions())
        for finding in findings:
            span = finding.span
            assert span.path in texts, finding
            assert span.line >= 1 and span.column >= 1, finding
            text = texts[span.path]
            if text is not None:
                assert within(text.removeprefix("\ufeff"), span.line, span.column), finding
            assert finding.message and "\n" not in finding.message, finding


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(["a.yaml", "b.yaml", "c.yml"]), TEXTS, max_size=3))
def test_random_text_never_crashes_the_loader_or_lint(files: dict[str, str | bytes]) -> None:
    check_map(dict(files))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(DOCUMENTS, st.sampled_from([None, True, False])), max_size=3))
def test_random_structures_never_crash_the_loader_or_lint(
    documents: list[tuple[dict[str, Any], bool | None]],
) -> None:
    check_map(
        {
            f"{i}.yaml": yaml.safe_dump(doc, default_flow_style=flow, allow_unicode=True)
            for i, (doc, flow) in enumerate(documents)
        }
    )
