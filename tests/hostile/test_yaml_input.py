"""Hostile YAML: each file gets a clear finding, fast, in bounded memory; nothing runs.

Every run is a bounded subprocess (see conftest): a crash, a traceback, an internal
error, more than 1 GiB of memory or too much CPU fails the test on top of what it
asserts.
"""

from __future__ import annotations

import codecs
import os
import random
from pathlib import Path

import pytest

from argmap.loading.tree import MAX_DEPTH, MAX_LISTED, MAX_NODES
from tests.conftest import MapWriter, needs_dot

from .conftest import LintJson, RunArgmap

PARTIES = "parties: {p: {name: P}, q: {name: Q}}\n"


def test_billion_laughs_is_refused_without_expanding_a_single_alias(
    write_map: MapWriter, lint_json: LintJson
) -> None:
    levels = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        below = ", ".join([f"*lol{level - 1}"] * 9)
        levels.append(f"lol{level}: &lol{level} [{below}]")
    bomb = "\n".join(levels) + "\nclaims: *lol9\n"  # 9**10 strings if expanded

    run = lint_json(write_map({"bomb.yaml": bomb}))

    assert run.code == 1
    refused = run.of("AM004")
    assert (refused[0]["line"], refused[0]["column"]) == (1, 7)
    assert "anchors are not supported" in refused[0]["message"]
    aliases = [f for f in refused if "alias" in f["message"]]
    assert len(aliases) == 9 * 9 + 1  # one finding per alias written, none per expansion
    assert (aliases[-1]["line"], aliases[-1]["column"]) == (11, 9)
    assert "'*lol9'" in aliases[-1]["message"]


def test_self_referencing_alias_is_refused_not_followed(
    write_map: MapWriter, lint_json: LintJson
) -> None:
    run = lint_json(write_map({"loop.yaml": "claims: &x [1, *x]\n"}))

    assert run.code == 1
    assert [(f["line"], f["column"]) for f in run.of("AM004")] == [(1, 9), (1, 16)]
    assert "alias '*x'" in run.of("AM004")[1]["message"]


@pytest.mark.parametrize(
    "nesting",
    [
        pytest.param("[" * 200_000 + "]" * 200_000, id="flow-sequences"),
        pytest.param("{a: " * 200_000 + "}" * 200_000, id="flow-mappings"),
        pytest.param("claims: " + "[" * 200_000 + "x" + "]" * 200_000, id="flow-in-a-mapping"),
    ],
)
def test_flow_nesting_200000_deep_is_a_finding_not_a_crash(
    nesting: str, write_map: MapWriter, lint_json: LintJson
) -> None:
    # libyaml rescans every open flow level per token (quadratic), some builds segfault
    # near 30,000 levels, others stop at 1,000 with an error; argmap stops at MAX_DEPTH.
    run = lint_json(write_map({"deep.yaml": nesting}))

    assert run.code == 1
    (finding,) = run.findings()
    assert finding["code"] in ("AM001", "AM004")  # libyaml's own limit, or argmap's
    assert "nesting" in finding["message"]
    assert finding["line"] == 1
    assert finding["column"] <= 1001 + len("claims: ")


@pytest.mark.parametrize(
    ("nesting", "where"),
    [
        pytest.param("- " * 200_000 + "x\n", (1, 2 * MAX_DEPTH + 1), id="one-line"),
        pytest.param(
            "claims:\n" + "".join("  " * i + "- \n" for i in range(1, 3000)),
            (MAX_DEPTH + 1, 2 * MAX_DEPTH + 1),
            id="indented",
        ),
    ],
)
def test_block_nesting_stops_at_max_depth_with_a_finding(
    nesting: str, where: tuple[int, int], write_map: MapWriter, lint_json: LintJson
) -> None:
    run = lint_json(write_map({"deep.yaml": nesting}))

    assert run.code == 1
    (finding,) = run.findings()
    assert finding["code"] == "AM004"
    assert f"deeper than {MAX_DEPTH}" in finding["message"]
    assert (finding["line"], finding["column"]) == where


@pytest.mark.parametrize(
    ("content", "where"),
    [
        pytest.param(b"claims:\n  - id: a\x00b\n", (2, 10), id="nul-byte"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), (3, 1), id="png"),
        pytest.param(b"\x7fELF\x02\x01\x01\x00" + bytes(64), (1, 8), id="elf"),
    ],
)
def test_binary_file_is_a_syntax_finding_at_the_first_nul(
    content: bytes, where: tuple[int, int], write_map: MapWriter, lint_json: LintJson
) -> None:
    run = lint_json(write_map({"binary.yaml": content}))

    assert run.code == 1
    (finding,) = run.findings()
    assert finding["code"] == "AM001"
    assert "binary" in finding["message"]
    assert (finding["line"], finding["column"]) == where


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["plain", "utf-8-bom"])
def test_file_not_in_utf8_names_the_byte_and_its_place(
    bom: bytes, write_map: MapWriter, lint_json: LintJson
) -> None:
    latin1 = f"party: p\n{PARTIES}claims:\n  - id: a\n    text: Caf\xe9 cr\xe8me\n"
    run = lint_json(write_map({"latin1.yaml": bom + latin1.encode("latin-1")}))

    assert run.code == 1
    (finding,) = run.findings()
    assert finding["code"] == "AM001"
    assert "UTF-8" in finding["message"]
    assert "0xe9" in finding["message"]
    assert (finding["line"], finding["column"]) == (5, 14)


def test_control_character_is_a_syntax_finding(write_map: MapWriter, lint_json: LintJson) -> None:
    run = lint_json(
        write_map({"bell.yaml": f"party: p\n{PARTIES}claims:\n  - id: a\n    text: x\x07\n"})
    )

    assert run.code == 1
    (finding,) = run.findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("AM001", 5, 12)
    assert "control characters are not allowed: U+0007" in finding["message"]


TRILINGUAL = (
    "party: p\n"
    + PARTIES
    + "claims:\n"
    + "  - id: a\n"
    + "    text: Caf\xe9, \u0421\u0442\u0430\u043b\u0438\u043d, \U0001f4dc\n"
    + "    supports: nowhere\n"
    + "    na\xefve: 1\n"
)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-8", "utf-32-le", "utf-32-be"])
def test_file_with_a_byte_order_mark_loads_as_the_yaml_it_is(
    encoding: str, write_map: MapWriter, lint_json: LintJson
) -> None:
    bom = {
        "utf-16-le": codecs.BOM_UTF16_LE,
        "utf-16-be": codecs.BOM_UTF16_BE,
        "utf-8": codecs.BOM_UTF8,
        "utf-32-le": codecs.BOM_UTF32_LE,
        "utf-32-be": codecs.BOM_UTF32_BE,
    }[encoding]
    run = lint_json(write_map({"bom.yaml": bom + TRILINGUAL.encode(encoding)}))

    assert run.code == 1
    assert [(f["code"], f["line"], f["column"]) for f in run.findings()] == [
        ("AM102", 6, 15),
        ("AM002", 7, 5),
    ]
    assert "na\\xefve" in run.of("AM002")[0]["message"]  # decoded, not mojibake


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\n\n   \n", id="blank"),
        pytest.param(b"# only a comment\n", id="comment"),
        pytest.param(b"---\n...\n", id="empty-document"),
        pytest.param(b"~\n", id="null"),
    ],
)
def test_empty_file_holds_nothing_and_fails_nothing(
    content: bytes, write_map: MapWriter, lint_json: LintJson
) -> None:
    run = lint_json(write_map({"empty.yaml": content}))

    assert run.code == 0
    assert run.findings() == []


@pytest.mark.parametrize(
    ("content", "what"),
    [
        pytest.param("- id: a\n  text: x\n", "a list", id="list"),
        pytest.param("just a sentence\n", "the string 'just a sentence'", id="scalar"),
        pytest.param('"quoted"\n', "the string 'quoted'", id="quoted-scalar"),
    ],
)
def test_file_that_is_not_a_mapping_is_a_schema_finding(
    content: str, what: str, write_map: MapWriter, lint_json: LintJson
) -> None:
    run = lint_json(write_map({"top.yaml": content}))

    assert run.code == 1
    (finding,) = run.findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("AM002", 1, 1)
    assert finding["message"] == f"a claim file must be a mapping, not {what}"


@pytest.mark.parametrize(
    ("template", "where"),
    [
        pytest.param('!!python/object/apply:os.system ["touch {marker}"]\n', (1, 1), id="top"),
        pytest.param(
            'claims:\n  - id: a\n    text: !!python/object/apply:os.system ["touch {marker}"]\n',
            (3, 11),
            id="claim-text",
        ),
        pytest.param(
            "claims: !!python/object/new:subprocess.Popen [[sh, -c, 'touch {marker}']]\n",
            (1, 9),
            id="popen",
        ),
        pytest.param(
            'claims:\n  - ? !!python/object/apply:os.system ["touch {marker}"]\n    : x\n',
            (2, 7),
            id="key",
        ),
        pytest.param(
            "party: !!python/name:os.system\nclaims: !!python/object:__main__.X {{}}\n",
            (1, 8),
            id="name",
        ),
    ],
)
def test_python_tags_never_run(
    template: str,
    where: tuple[int, int],
    tmp_path: Path,
    write_map: MapWriter,
    lint_json: LintJson,
) -> None:
    marker = tmp_path / "pwned"
    run = lint_json(write_map({"evil.yaml": template.format(marker=marker)}))

    assert not marker.exists()
    assert run.code == 1
    refused = run.of("AM004")
    assert (refused[0]["line"], refused[0]["column"]) == where
    assert "!!python/" in refused[0]["message"]
    assert "not supported" in refused[0]["message"]


@pytest.mark.parametrize(
    ("content", "tag"),
    [
        pytest.param("party: !foo p\n", "!foo", id="local"),
        pytest.param(
            "party: !<tag:evil.example,2024:x> p\n", "tag:evil.example,2024:x", id="verbatim"
        ),
        pytest.param(
            "%TAG !e! tag:evil.example,2024:\n---\nparty: !e!x p\n", "evil.example", id="directive"
        ),
        pytest.param("party: !!binary cA==\n", "!!binary", id="binary"),
        pytest.param("party: !!set {p}\n", "!!set", id="set"),
        pytest.param("party: !!int 12\n", "!!int", id="int"),
    ],
)
def test_unknown_and_non_string_tags_are_refused(
    content: str, tag: str, write_map: MapWriter, lint_json: LintJson
) -> None:
    run = lint_json(write_map({"tags.yaml": content}))

    assert run.code == 1
    (finding,) = run.of("AM004")
    assert tag in finding["message"]
    assert finding["line"] == content.count("\n", 0, content.index("party:")) + 1
    assert finding["column"] == 8


def test_duplicate_keys_are_findings_at_the_repeat(
    write_map: MapWriter, lint_json: LintJson
) -> None:
    content = (
        f"party: p\n{PARTIES}claims:\n  - id: a\n    text: first\n    text: second\nparty: q\n"
    )
    run = lint_json(write_map({"dup.yaml": content}))

    assert run.code == 1
    assert [(f["line"], f["column"]) for f in run.of("AM003")] == [(6, 5), (7, 1)]
    assert "line 5" in run.of("AM003")[0]["message"]
    assert "line 1" in run.of("AM003")[1]["message"]


def test_yaml_1_1_traps_stay_strings(write_map: MapWriter, lint_json: LintJson) -> None:
    # Under YAML 1.1, PyYAML reads no/yes/off as booleans, 012 as 10, 0x1F as 31,
    # 1e3 as a float, 2024-01-01 as a date and 12:30:00 as 45000.
    content = """\
        parties:
          no: {name: Norway}
          yes: {name: Yes}
        sources:
          2024-01-01: {title: 1e3, date: 2024-01-01, author: null_but_text}
        claims:
          - id: 012
            party: no
            kind: allegation
            against: yes
            text: 1e3
            tags: [2024-01-01, on, 0x1F, 1_000, 12:30:00, .inf, .NaN, 0o17]
            cite: {source: 2024-01-01, at: 012}
          - id: 0x1F
            party: yes
            text: off
            rebuts: 012
          - id: 1e3
            party: yes
            text: 12:30:00
            supports: [0x1F, 010]
        """
    run = lint_json(write_map({"traps.yaml": content}))

    assert run.code == 1
    (finding,) = run.findings()  # nothing else: every trap above is a valid string
    assert (finding["code"], finding["line"], finding["column"]) == ("AM102", 21, 22)
    assert "'010'" in finding["message"]  # not 8


def test_a_claim_text_of_10_mb_loads(write_map: MapWriter, lint_json: LintJson) -> None:
    text = ("The accused met no one in Copenhagen that year. " * 220_000)[: 10 * 2**20]
    content = (
        f"party: p\n{PARTIES}claims:\n"
        f"  - id: long\n    kind: allegation\n    text: {text}\n    cite: {{source: s}}\n"
        "  - {id: answer, party: q, text: No., rebuts: long}\n"
        "sources: {s: {title: S}}\n"
    )
    run = lint_json(write_map({"long.yaml": content}))

    assert run.code == 0
    assert run.findings() == []


@needs_dot
@pytest.mark.parametrize("suffix", [".svg", ".html", ".mmd"])
def test_a_claim_text_of_10_mb_is_drawn(
    suffix: str, tmp_path: Path, write_map: MapWriter, run_argmap: RunArgmap
) -> None:
    # The whole text was a DOT tooltip, and dot refuses a quoted string of megabytes.
    text = ("The accused met no one in Copenhagen that year. " * 220_000)[: 10 * 2**20]
    content = (
        f"party: p\n{PARTIES}claims:\n  - id: long\n    text: {text}\n"
        "  - {id: answer, party: q, text: No., rebuts: long}\n"
    )
    out = tmp_path / f"map{suffix}"

    run = run_argmap("render", "--no-config", write_map({"long.yaml": content}), "-o", out)

    assert run.code == 0, run.stderr
    drawn = out.read_text(encoding="utf-8").replace("&#45;", "-")
    assert "claim-long" in drawn or suffix == ".mmd"
    assert out.stat().st_size < 100 * 2**20


def test_10000_files_load_with_one_finding_where_it_belongs(
    write_map: MapWriter, lint_json: LintJson
) -> None:
    files: dict[str, str | bytes] = {"parties.yaml": PARTIES}
    for i in range(10_000):
        nxt = "nowhere" if i == 4321 else f"c{i + 1}"
        files[f"part{i // 1000}/c{i:05d}.yaml"] = (
            f"claims:\n  - id: c{i}\n    party: p\n    text: Claim {i}.\n    supports: {nxt}\n"
        )
    files["last.yaml"] = "claims:\n  - {id: c10000, party: p, text: The end.}\n"

    run = lint_json(write_map(files))

    assert run.code == 1
    (finding,) = run.findings()
    assert finding["code"] == "AM102"
    assert finding["path"].endswith("part4/c04321.yaml")
    assert (finding["line"], finding["column"]) == (5, 15)


def test_tab_indentation_is_a_syntax_finding_at_the_tab(
    write_map: MapWriter, lint_json: LintJson
) -> None:
    run = lint_json(write_map({"tabs.yaml": "party: p\nclaims:\n\t- id: a\n"}))

    assert run.code == 1
    (finding,) = run.findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("AM001", 3, 1)


def test_tabs_inside_values_are_text(write_map: MapWriter, lint_json: LintJson) -> None:
    content = (
        f"party: p\n{PARTIES}claims:\n  - id:\ta\n    text: one\ttwo\n    supports:\tnowhere\n"
    )
    run = lint_json(write_map({"tabs.yaml": content}))

    assert [(f["code"], f["line"], f["column"]) for f in run.findings()] == [("AM102", 6, 15)]


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_and_cr_line_endings_keep_positions(
    newline: str, write_map: MapWriter, lint_json: LintJson
) -> None:
    lines = [
        "party: p",
        PARTIES.strip(),
        "claims:",
        "  - id: a",
        "    text: x",
        "    supports: nowhere",
    ]
    run = lint_json(write_map({"crlf.yaml": newline.join(lines).encode() + newline.encode()}))

    assert run.code == 1
    assert [(f["code"], f["line"], f["column"]) for f in run.findings()] == [("AM102", 6, 15)]


def test_several_documents_in_one_file_are_a_finding(
    write_map: MapWriter, lint_json: LintJson
) -> None:
    run = lint_json(
        write_map({"two.yaml": "party: p\n---\n!!python/object/apply:os.system [ls]\n"})
    )

    assert run.code == 1
    (finding,) = run.findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("AM001", 2, 1)


def test_an_undercut_built_to_backtrack_is_a_finding_in_linear_time(
    write_map: MapWriter, lint_json: LintJson
) -> None:
    # With a lazy 'A -> B' pattern whose A may hold '>', this took hours at 200 KB.
    hostile = "a->" * 70_000 + " x"
    content = f"party: p\n{PARTIES}claims:\n  - id: a\n    text: x\n    undercuts: '{hostile}'\n"
    run = lint_json(write_map({"undercut.yaml": content}))

    assert run.code == 1
    (finding,) = run.of("AM002")
    assert (finding["line"], finding["column"]) == (6, 16)
    assert "must name a relation as 'A -> B'" in finding["message"]
    assert len(finding["message"]) < 300


def test_a_flood_of_problems_lists_a_hundred_and_counts_the_rest(
    write_map: MapWriter, lint_json: LintJson
) -> None:
    # 2,500,000 aliases, each also a claim that is not a mapping: listed one by one, the
    # findings alone took 3 GB; now each rule lists MAX_LISTED and counts the others.
    flood = "x: &a 1\nclaims:\n" + "  - *a\n" * 2_500_000
    run = lint_json(write_map({"flood.yaml": flood}))

    assert run.code == 1
    for code in ("AM002", "AM004"):
        found = run.of(code)
        assert len(found) == MAX_LISTED + 1
        assert f"{2_500_001 - MAX_LISTED} more" in found[-1]["message"]  # + 'x', + '&a'
        assert "not listed" in found[-1]["message"]


def test_a_file_of_millions_of_tiny_values_stops_at_max_nodes(
    write_map: MapWriter, lint_json: LintJson
) -> None:
    run = lint_json(write_map({"tiny.yaml": "claims: [" + "a," * (MAX_NODES + 10) + "a]\n"}))

    assert run.code == 1
    (finding,) = run.findings()
    assert (finding["code"], finding["line"]) == ("AM004", 1)
    # node 1 is the key 'claims', so the value refused is item MAX_NODES of the list
    assert finding["column"] == len("claims: [") + 2 * (MAX_NODES - 1) + 1
    assert f"more than {MAX_NODES:,} values" in finding["message"]


def test_a_misquote_of_700_kb_gets_its_closest_passage_in_linear_time(
    write_map: MapWriter, lint_json: LintJson
) -> None:
    # Likening the whole quote to a passage as long costs length squared: 20,000
    # words took more than five minutes. The suggestion now likens its first part.
    rng = random.Random(1936)
    vocabulary = [f"w{i}" for i in range(100_000)]
    source = " ".join(rng.choice(vocabulary) for _ in range(400_000))
    quote = " ".join(rng.choice(vocabulary) for _ in range(100_000))
    content = (
        f"party: p\n{PARTIES}sources: {{s: {{title: S, text: source.txt}}}}\n"
        f"claims:\n  - id: a\n    text: x\n    cite: {{source: s, quote: '{quote}'}}\n"
        "  - {id: b, party: q, text: y, rebuts: a}\n"
    )
    run = lint_json(write_map({"a.yaml": content, "source.txt": source}))

    assert run.code == 1
    (finding,) = run.findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("AM302", 7, 30)
    assert "closest passage" in finding["message"]
    assert len(finding["message"]) < 400


@pytest.mark.parametrize(
    ("content", "code"),
    [
        pytest.param("[" * 200_000 + "]" * 200_000, "AM004", id="deep-flow"),
        pytest.param("- " * 200_000 + "x\n", "AM004", id="deep-block"),
        pytest.param("claims: &x [1, *x]\n", "AM004", id="self-alias"),
        pytest.param("claims: !!python/object/apply:os.system [ls]\n", "AM004", id="python-tag"),
        pytest.param(b"claims:\n  - id: \x01\n", "AM001", id="control-character"),
    ],
)
def test_pure_python_yaml_parser_gives_the_same_findings(
    content: str | bytes,
    code: str,
    tmp_path: Path,
    write_map: MapWriter,
    run_argmap: RunArgmap,
) -> None:
    # PyYAML built without libyaml parses in Python: no crash, no RecursionError there.
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import yaml\nyaml.CSafeLoader = yaml.SafeLoader  # as if built without libyaml\n"
    )
    root = write_map({"a.yaml": content})
    env = {**os.environ, "PYTHONPATH": str(site)}

    run = run_argmap("lint", "--no-config", "--format", "json", root, env=env)

    assert run.code == 1
    assert code in run.codes()


def test_loading_again_and_again_leaves_no_garbage_behind(write_map: MapWriter) -> None:
    # argmap pauses the cycle collector while it loads and lints, so one reference cycle
    # per file (a reader holding its own bound methods did) piled up without end in a
    # long-lived process: 26 KB per load, 5 GB in one fuzzing run.
    import gc

    from argmap.lint import lint
    from argmap.loading.build import load

    root = write_map(
        {
            "fast.yaml": f"party: p\n{PARTIES}claims:\n  - {{id: a, text: x, supports: b}}\n",
            "slow.yaml": "claims:\n  - {id: b, party: q, text: y, unknown: 1}\n",
        }
    )
    for _ in range(50):
        lint(load(root))
    before = len(gc.get_objects())
    for _ in range(1000):
        lint(load(root))
    assert len(gc.get_objects()) - before < 1000  # not one object per file and run
