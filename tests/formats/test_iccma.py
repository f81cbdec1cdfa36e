"""ICCMA framework files: readers robust to what is found in the wild, clear errors,
writers that round-trip, and answers in the competitions' formats."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.framework import Framework
from argmap.analysis.semantics import grounded_extension
from argmap.formats.iccma import (
    FrameworkFileError,
    format_of,
    format_set,
    format_sets,
    format_witnesses,
    generate,
    generate_apx,
    generate_i23,
    generate_tgf,
    parse,
    parse_apx,
    parse_i23,
    parse_tgf,
    read_framework,
)
from tests.conftest import MapWriter

# --- ASPARTIX .apx -------------------------------------------------------------------------


def test_apx_with_comments_blank_lines_quotes_and_several_facts_a_line() -> None:
    text = """% a framework from ASPARTIX
arg(a).  arg(b). % two on a line

arg( "united center" ).
arg("say \\"no\\"").
att(a,b).att(b, "united center").
   att("say \\"no\\"",a).
"""
    framework = parse_apx(text, "f.apx")
    assert framework.arguments == ("a", "b", "united center", 'say "no"')
    assert set(framework.attacks()) == {
        ("a", "b"),
        ("b", "united center"),
        ('say "no"', "a"),
    }


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("arg(a).\narg(b)\n", "f.apx:2:1:", "expected a fact arg(NAME). or att(NAME,NAME)."),
        (
            "arg(a).\natt(a,c).\n",
            "f.apx:2:1:",
            "'c', which is not declared; declare it with arg(c).",
        ),
        ("arg(a). foo(a).\n", "f.apx:1:9:", "unknown fact 'foo(a).'"),
        ("arg(a,b).\n", "f.apx:1:1:", "unknown fact"),
        ('arg("open).\n', "f.apx:1:1:", "expected a fact"),
    ],
)
def test_apx_errors_name_the_place_and_what_to_do(text: str, where: str, what: str) -> None:
    with pytest.raises(FrameworkFileError) as caught:
        parse_apx(text, "f.apx")
    assert str(caught.value).startswith(where)
    assert what in str(caught.value)


def test_apx_writer_quotes_what_asp_would_misread() -> None:
    framework = Framework(["a1", "Upper", "united-center", "7"], [("a1", "united-center")])
    assert generate_apx(framework) == (
        'arg(a1).\narg("Upper").\narg("united-center").\narg(7).\natt(a1,"united-center").\n'
    )


# --- trivial graph format ----------------------------------------------------------------


def test_tgf_with_blank_lines_comments_labels_and_quoted_names() -> None:
    text = """
a
b  label after the name is ignored
"c d"
# a comment before the separator

#
a b
b "c d"

"c d" a
"""
    framework = parse_tgf(text, "f.tgf")
    assert framework.arguments == ("a", "b", "c d")
    assert set(framework.attacks()) == {("a", "b"), ("b", "c d"), ("c d", "a")}


def test_tgf_without_attacks_section_has_no_attacks() -> None:
    assert parse_tgf("a\nb\n") == Framework(["a", "b"])


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("a\n#\na c\n", "f.tgf:3:1:", "'c', which is not declared; list it above the '#' line"),
        ("a\n#\na\n", "f.tgf:3:2:", "expected an attack 'ATTACKER ATTACKED'"),
        ("a\n#\n#\n", "f.tgf:3:1:", "a second '#' line"),
        ('"a\n', "f.tgf:1:1:", "expected an argument name"),
    ],
)
def test_tgf_errors_name_the_place_and_what_to_do(text: str, where: str, what: str) -> None:
    with pytest.raises(FrameworkFileError) as caught:
        parse_tgf(text, "f.tgf")
    assert str(caught.value).startswith(where)
    assert what in str(caught.value)


# --- ICCMA 2023 --------------------------------------------------------------------------


def test_i23_with_comments_and_blank_lines() -> None:
    text = "# made by hand\n\np af 4\n# attacks follow\n1 2\n\n2 3\n  3 1  \n"
    framework = parse_i23(text, "f.i23")
    assert framework.arguments == ("1", "2", "3", "4")
    assert set(framework.attacks()) == {("1", "2"), ("2", "3"), ("3", "1")}


def test_i23_names_come_back_from_argmaps_comments() -> None:
    text = 'p af 2\n# 1 "no-contact"\n# 2 "united center"\n1 2\n'
    framework = parse_i23(text)
    assert framework.arguments == ("no-contact", "united center")
    assert list(framework.attacks()) == [("no-contact", "united center")]


def test_i23_with_names_for_only_some_arguments_keeps_numbers() -> None:
    framework = parse_i23('p af 2\n# 1 "x"\n1 2\n')
    assert framework.arguments == ("1", "2")


@pytest.mark.parametrize(
    ("text", "where", "what"),
    [
        ("1 2\n", "f.i23:1:1:", "an attack before the 'p af N' line"),
        ("# only comments\n", "f.i23:1:1:", "no 'p af N' line"),
        ("p af x\n", "f.i23:1:1:", "expected 'p af N'"),
        ("p af 2\np af 2\n", "f.i23:2:1:", "a second 'p af N' line"),
        ("p af 3\n1 2\n  2   9\n", "f.i23:3:7:", "argument 9 is outside 1..3"),
        ("p af 3\n1 -2\n", "f.i23:2:1:", "expected an attack 'i j'"),
        ("p af 3\n1 2 3\n", "f.i23:2:1:", "expected an attack 'i j'"),
    ],
)
def test_i23_errors_name_the_place_and_what_to_do(text: str, where: str, what: str) -> None:
    with pytest.raises(FrameworkFileError) as caught:
        parse_i23(text, "f.i23")
    assert str(caught.value).startswith(where)
    assert what in str(caught.value)


def test_i23_writer_records_the_numbering() -> None:
    framework = Framework(["a", "b", "c"], [("a", "b"), ("c", "a")])
    assert generate_i23(framework) == 'p af 3\n# 1 "a"\n# 2 "b"\n# 3 "c"\n1 2\n3 1\n'


# --- files -------------------------------------------------------------------------------


def test_read_framework_follows_the_suffix(tmp_path: Path) -> None:
    for suffix, text in (
        (".apx", "arg(a).\narg(b).\natt(a,b).\n"),
        (".tgf", "a\nb\n#\na b\n"),
        (".i23", 'p af 2\n# 1 "a"\n# 2 "b"\n1 2\n'),
        (".af", 'p af 2\n# 1 "a"\n# 2 "b"\n1 2\n'),
    ):
        path = tmp_path / f"f{suffix}"
        path.write_text(text)
        assert format_of(path) is not None
        assert read_framework(path) == Framework(["a", "b"], [("a", "b")])
    assert format_of(tmp_path / "claims.yaml") is None


def test_unreadable_files_are_errors_with_a_place(tmp_path: Path) -> None:
    binary = tmp_path / "f.apx"
    binary.write_bytes(b"arg(a).\n\x00\x01")
    with pytest.raises(FrameworkFileError, match=r"f\.apx:2:1: binary content"):
        read_framework(binary)
    with pytest.raises(FrameworkFileError, match="cannot read file"):
        read_framework(tmp_path / "missing.tgf")
    latin = tmp_path / "g.tgf"
    latin.write_bytes("caf\xe9\n".encode("latin-1"))
    with pytest.raises(FrameworkFileError, match=r"g\.tgf:1:4: not valid UTF-8"):
        read_framework(latin)


# --- round trips -----------------------------------------------------------------------------

NAMES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
    | st.sampled_from("\n\t "),
    min_size=1,
    max_size=8,
)


@st.composite
def named_frameworks(draw: st.DrawFn) -> Framework:
    names = draw(st.lists(NAMES, max_size=10, unique=True))
    if not names:
        return Framework()
    pairs = st.tuples(st.sampled_from(names), st.sampled_from(names))
    return Framework(names, draw(st.lists(pairs, max_size=30)))


@settings(max_examples=200, deadline=None)
@given(named_frameworks(), st.sampled_from(["apx", "tgf", "i23"]))
def test_readers_round_trip_with_writers(framework: Framework, fmt: str) -> None:
    text = generate(framework, fmt)
    read = parse(text, fmt)
    assert read == framework
    assert read.arguments == framework.arguments, "argument order is kept"
    assert list(read.attacks()) == list(framework.attacks())


def test_writers_round_trip_through_files(tmp_path: Path) -> None:
    framework = Framework(["a", "b c", "d"], [("a", "b c"), ("b c", "d"), ("d", "d")])
    for fmt, writer in (("apx", generate_apx), ("tgf", generate_tgf), ("i23", generate_i23)):
        path = tmp_path / f"f.{fmt}"
        path.write_text(writer(framework))
        assert read_framework(path) == framework
        assert grounded_extension(read_framework(path)) == frozenset({"a"})


# --- answers -------------------------------------------------------------------------------


def test_answers_as_the_competitions_write_them() -> None:
    assert format_set({"b", "a10", "a2"}) == "[a10,a2,b]"
    assert format_set({"3", "10", "2"}) == "[2,3,10]"
    assert format_set(set()) == "[]"
    assert format_set({"a b", "c,d"}) == '["a b","c,d"]'
    assert format_sets([{"a", "b"}, {"c"}]) == "[[a,b],[c]]"
    assert format_sets([]) == "[]"
    framework = Framework(["x", "y", "z"])
    assert format_witnesses(framework, [{"z", "x"}, set()]) == "w 1 3\nw\n"
    assert format_witnesses(framework, []) == "NO\n"


def test_windows_line_endings_are_read() -> None:
    assert parse_apx("arg(a).\r\narg(b).\r\natt(a,b).\r\n") == Framework("ab", [("a", "b")])
    assert parse_tgf("a\r\nb\r\n#\r\na b\r\n") == Framework("ab", [("a", "b")])
    assert parse_i23("p af 2\r\n1 2\r\n") == Framework("12", [("1", "2")])


# --- a map's attack graph ------------------------------------------------------------------

MAP = """\
map: {title: "A trial\\nin two lines"}
parties: {pro: {name: P}, def: {name: D}}
claims:
  - {id: charge, party: pro, kind: allegation, text: They met.}
  - {id: denial, party: def, text: They never met., rebuts: charge}
  - {id: diary, party: def, text: A diary., supports: denial}
  - {id: forged, party: pro, text: Forged., undercuts: "diary -> denial", rebuts: diary}
  - {id: Upper.Case_id, party: pro, text: An id ASP would misread., rebuts: forged}
"""


def test_exported_attack_graphs_analyse_like_the_map(write_map: MapWriter) -> None:
    from argmap.analysis.framework import from_map
    from argmap.analysis.semantics import labelling
    from argmap.formats.iccma import export_apx, export_i23, export_tgf
    from argmap.loading.build import load

    amap = load(write_map({"map.yaml": MAP}))
    expected = from_map(amap).framework
    apx = "".join(export_apx(amap))
    assert apx.startswith("% argmap: the attack graph of A trial in two lines (bipolar reading)\n")
    assert 'arg("Upper.Case_id").' in apx and 'arg("diary->denial").' in apx
    tgf, i23 = "".join(export_tgf(amap)), "".join(export_i23(amap))
    for text, fmt in ((apx, "apx"), (tgf, "tgf"), (i23, "i23")):
        framework = parse(text, fmt)
        assert framework == expected
        assert labelling(framework, "grounded") == labelling(expected, "grounded")


def _symbol_name(symbol: object) -> str:
    import clingo

    assert isinstance(symbol, clingo.Symbol)
    if symbol.type == clingo.SymbolType.String:
        return symbol.string
    if symbol.type == clingo.SymbolType.Number:
        return str(symbol.number)
    return symbol.name


@settings(max_examples=100, deadline=None)
@given(named_frameworks())
def test_clingo_reads_our_apx_as_the_framework_it_is(framework: Framework) -> None:
    """The .apx text is valid ASP: clingo, given it and the stable encoding, finds the same
    extensions as argmap does from the framework itself."""
    import clingo

    from argmap.analysis.asp import ENCODINGS
    from argmap.analysis.semantics import extensions

    control = clingo.Control(["0"], logger=lambda _code, _message: None)
    control.add("base", [], ENCODINGS["stable"] + generate_apx(framework))
    control.ground([("base", [])])
    found: set[frozenset[str]] = set()
    control.solve(
        on_model=lambda m: found.add(
            frozenset(_symbol_name(s.arguments[0]) for s in m.symbols(shown=True))
        )
    )
    assert found == set(extensions(framework, "stable"))


def test_an_absurd_argument_count_is_refused_before_any_memory_is_spent() -> None:
    with pytest.raises(FrameworkFileError, match=r"f\.i23:2:1: 'p af 99999999999': argmap reads"):
        parse_i23("# big\np af 99999999999\n1 2\n", "f.i23")


def test_digits_that_are_not_ascii_are_errors_not_crashes() -> None:
    with pytest.raises(FrameworkFileError, match=r"f\.i23:2:1: expected an attack 'i j'"):
        parse_i23("p af 3\n¹ 2\n", "f.i23")
    with pytest.raises(FrameworkFileError, match=r"f\.i23:1:1: expected 'p af N'"):
        parse_i23("p af ²\n", "f.i23")
    assert format_set({"²", "10", "9"}) == "[9,10,²]"


def test_a_quoted_name_with_a_backslash_not_json_reads() -> None:
    """``"a\\1"`` is no JSON string: its escaped character is read as itself."""
    assert parse_tgf('"a\\1"\n#\n', "f.tgf").arguments == ("a1",)
    assert parse_apx('arg("x\\q").', "f.apx").arguments == ("xq",)


@pytest.mark.parametrize(
    "text",
    [
        "p af 3\n1 2\n2 3\n",
        '# c\n\np af 3\n# 1 "a"\n# 2 "b"\n# 3 "c"\n  1\t2 \r\n3 1\n\n',
        "p af 3\n1 2\n0 1\n",
        "p af 3\n1 2 3\n",
        "p af 3\n1\n2 3 4\n",
        "1 2\np af 3\n",
        "p af 2\np af 2\n",
        "p af 3\n+1 2\n",
        "p af 3\n1\x0c2\n",
        "p af 2\n1 99999999999999999999\n",
    ],
)
def test_the_bulk_reading_gives_what_the_careful_one_does(text: str) -> None:
    """Same framework, or the same error (line, column, message), whichever path reads it."""
    from argmap.formats.iccma import _parse_i23_lines

    results: list[object] = []
    for reader in (parse_i23, _parse_i23_lines):
        try:
            framework = reader(text, "f.i23")
            results.append((framework.arguments, sorted(framework.attacks())))
        except FrameworkFileError as exc:
            results.append(str(exc))
    assert results[0] == results[1]
