"""``generate_argdown``: the real Argdown CLI parses it into the same statements and relations.

The CLI (``@argdown/cli`` 2.0.0 with the Node it needs) is installed once per session
by ``tools/argdown/install.sh``; each check writes a file, runs ``argdown json FILE
DIR`` and compares the parsed model with the map. The CLI prints one harmless stack
trace on standard error every time, so a run is judged by its exit code and output.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.formats.argdown.read import read_argdown_json
from argmap.formats.argdown.write import escape, generate_argdown
from argmap.formats.claimfiles import claim_files
from argmap.graph import to_digraph
from argmap.loading.build import load
from argmap.model import ArgMap, Citation, Claim, Party, Ref, Source, Span
from argmap.output import write
from tests.conftest import REPO, SHIPPED_MAP, MapWriter

INSTALL = REPO / "tools" / "argdown" / "install.sh"

MAP = """\
map: {title: "The === trial: {data} & more"}
parties:
  pro: {name: "Prosecution #1 [state]", color: '#aa0000'}
  def.x: {name: Defence, role: "answers"}
claims:
  - id: charge
    party: pro
    kind: allegation
    against: def.x
    text: "They plotted <in secret> & met at *night* :smile: in the U.S.A. -- see http://x.org/a_b."
    tags: [plot]
  - id: letter_1
    party: pro
    kind: evidence
    text: |
      A letter [exhibit 7],
      signed #7 {sic} @home; e.g. 10:30 \\ back-slash ==> =
    supports: charge
    note: For teachers.
  - id: denial
    party: def.x
    text: "- No letter was sent. + 1. (2) > quote"
    rebuts: letter_1
  - id: forged
    party: def.x
    text: The letter is forged.
    undercuts: [letter_1 -> charge, denial -> letter_1]
  - id: alone
    party: def.x
    text: Nobody answers this one.
"""


@pytest.fixture(scope="session")
def argdown_cli() -> Path:
    """The runner of the pinned Argdown CLI, installed once per session."""
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed (scripts/setup node installs it)")
    result = subprocess.run(
        [str(INSTALL)], capture_output=True, text=True, timeout=900, check=False
    )
    if result.returncode != 0:
        pytest.fail(f"tools/argdown/install.sh failed:\n{result.stderr[-3000:]}")
    return Path(result.stdout.strip().splitlines()[-1])


def parse(cli: Path, text: str, directory: Path) -> dict[str, Any]:
    """Argdown's model of ``text``: ``argdown json`` run on it."""
    directory.mkdir(parents=True, exist_ok=True)
    source = directory / "map.argdown"
    source.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [str(cli), "json", str(source), str(directory / "out")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = directory / "out" / "map.json"
    assert result.returncode == 0 and output.exists(), result.stdout + result.stderr[-2000:]
    model: dict[str, Any] = json.loads(output.read_text(encoding="utf-8"))
    return model


def statement_text(member: dict[str, Any]) -> str:
    """A statement's text without its tags, as Argdown reports it."""
    text = str(member["text"])
    for tag in sorted(
        (r for r in member.get("ranges", []) if r["type"] == "tag"), key=lambda r: -r["start"]
    ):
        text = text[: tag["start"]] + text[tag["stop"] + 1 :]
    return " ".join(text.split())


def defined(model: dict[str, Any], title: str) -> dict[str, Any]:
    """The member of a statement that carries its text."""
    members = model["statements"][title]["members"]
    return next(m for m in members if m.get("text"))


def expected_counts(amap: ArgMap) -> tuple[int, int, int]:
    graph = to_digraph(amap)
    types = [data["type"] for _, data in graph.nodes(data=True)]
    return types.count("claim"), graph.number_of_edges(), types.count("inference")


def counts(model: dict[str, Any]) -> tuple[int, int, int]:
    return len(model["statements"]), len(model["relations"]), len(model["arguments"])


@pytest.mark.node
def test_the_cli_parses_every_claim_and_relation(
    argdown_cli: Path, write_map: MapWriter, tmp_path: Path
) -> None:
    amap = load(write_map({"a.yaml": MAP}))
    model = parse(argdown_cli, "".join(generate_argdown(amap)), tmp_path / "trial")
    assert counts(model) == expected_counts(amap) == (5, 4, 2)
    for claim in amap.claims:
        member = defined(model, claim.id)
        assert statement_text(member) == " ".join(claim.text.split())
        assert member["tags"] == [claim.party]
    assert defined(model, "charge")["data"] == {
        "kind": "allegation",
        "against": "def.x",
        "tags": ["plot"],
    }
    relations = {(r["from"], r["relationType"], r["to"], r["toType"]) for r in model["relations"]}
    assert relations == {
        ("letter_1", "support", "charge", "equivalence-class"),
        ("denial", "attack", "letter_1", "equivalence-class"),
        ("forged", "undercut", "letter_1 to charge", "inference"),
        ("forged", "undercut", "denial against letter_1", "argument"),
    }
    sections = {s["title"]: s for s in model["sections"]}
    assert set(sections) == {"Prosecution #1 [state]", "Defence"}
    assert sections["Defence"]["data"] == {
        "party": "def.x",
        "name": "Defence",
        "role": "answers",
    }


@pytest.mark.node
@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(
        st.text(
            st.sampled_from([*"aZ9 .:_*#@[]<>{}()/\\=+-,;!?'\"`~|&%$^\t\n", "é", "ß", "中"]),
            min_size=1,
            max_size=30,
        ).filter(lambda s: bool(s.strip())),
        min_size=1,
        max_size=25,
    )
)
def test_any_text_stays_text_and_data_stays_data(
    argdown_cli: Path, tmp_path_factory: pytest.TempPathFactory, texts: list[str]
) -> None:
    span = Span("x.yaml", 1, 1)
    claims = tuple(
        Claim(
            f"c{n}",
            text,
            "p",
            span,
            supports=(Ref("c0", span),) if n else (),
            tags=(text,),
            note=text,
        )
        for n, text in enumerate(texts)
    )
    amap = ArgMap(".", claims=claims, parties=(Party("p", "P", span),))
    model = parse(argdown_cli, "".join(generate_argdown(amap)), tmp_path_factory.mktemp("texts"))
    assert counts(model) == expected_counts(amap)
    for claim in claims:
        member = defined(model, claim.id)
        assert statement_text(member) == " ".join(claim.text.split())
        assert member["data"] == {"tags": [claim.text], "note": claim.text}  # exact, in data


@pytest.mark.node
def test_the_shipped_map(argdown_cli: Path, tmp_path: Path) -> None:
    amap = load(SHIPPED_MAP)
    model = parse(argdown_cli, "".join(generate_argdown(amap)), tmp_path / "parsed")
    assert counts(model) == expected_counts(amap)
    assert {m["title"] for m in model["sections"]} >= {
        p.name for p in amap.parties if any(c.party == p.id for c in amap.claims)
    }
    assert_same_through_argdown(amap, back_to_claims(model, tmp_path / "claims"))


@pytest.mark.node
def test_a_map_with_loading_problems_still_parses(
    argdown_cli: Path, write_map: MapWriter, tmp_path: Path
) -> None:
    claims = (
        "claims:\n  - {id: a, text: No party.}\n  - {id: b, party: ghost, text: B., supports: a}\n"
    )
    amap = load(write_map({"a.yaml": claims}))
    assert amap.problems  # a claim without a party
    model = parse(argdown_cli, "".join(generate_argdown(amap)), tmp_path)
    assert counts(model) == expected_counts(amap) == (2, 1, 0)


def back_to_claims(model: dict[str, Any], directory: Path) -> ArgMap:
    """``argmap import argdown`` of the model, written as claim files and loaded."""
    amap, _ = read_argdown_json(json.dumps(model), str(directory / "model.json"))
    for relative, text in claim_files(amap).items():
        write(directory / relative, text)
    loaded = load(directory)
    assert loaded.problems == ()
    return loaded


def assert_same_through_argdown(expected: ArgMap, actual: ArgMap) -> None:
    """Isomorphic graphs: same ids, texts (on one line), parties, kinds, relations."""
    before, after = to_digraph(expected), to_digraph(actual)
    for _, data in before.nodes(data=True):
        if data["type"] == "claim":
            data["text"] = " ".join(data["text"].split())
    fields = (
        "type",
        "text",
        "party",
        "kind",
        "against",
        "tags",
        "note",
        "ignore",
        "source",
        "target",
    )

    def node_match(a: dict[str, Any], b: dict[str, Any]) -> bool:
        return all(a.get(k) == b.get(k) for k in fields)

    assert nx.is_isomorphic(
        before, after, node_match=node_match, edge_match=lambda a, b: a["relation"] == b["relation"]
    )
    assert sorted(before.edges(data="relation")) == sorted(after.edges(data="relation"))
    assert before.graph["parties"] == after.graph["parties"]


@pytest.mark.node
def test_argdown_and_back(argdown_cli: Path, write_map: MapWriter, tmp_path: Path) -> None:
    amap = load(write_map({"a.yaml": MAP}))
    model = parse(argdown_cli, "".join(generate_argdown(amap)), tmp_path / "parsed")
    assert_same_through_argdown(amap, back_to_claims(model, tmp_path / "claims"))


def test_escape_keeps_words_and_hides_syntax() -> None:
    assert escape("a  plain\n text.") == "a plain text."
    assert escape("[x]: <y> #t *b* _i_ @m {d}") == r"\[x\]: \<y\> \#t \*b\* \_i\_ \@m \{d\}"
    assert escape("http://x :smile: U.S.A. 10:30 e.g. ===") == (
        r"http:\//x \:smile: U\.S\.A. 10:30 e\.g. \=\=="
    )


def test_argdown_keeps_who_says_a_quote(argdown_cli: Path, tmp_path: Path) -> None:
    """A citation's ``by`` travels in the statement's data and is read back."""
    span = Span("a.yaml", 1, 1)
    cites = (
        Citation("chapter", span, "only if you intend to struggle", "para 14", by="kamenev"),
        Citation("chapter", span, "I never met them {x}: #y", None),
    )
    amap = ArgMap(
        root=".",
        claims=(Claim("report", "Kamenev told Trotsky.", "trotsky", span, cite=cites),),
        parties=(Party("trotsky", "Leon Trotsky", span), Party("kamenev", "Lev Kamenev", span)),
        sources=(Source("chapter", "Thirst for Power", span, ".", "."),),
    )
    model = parse(argdown_cli, "".join(generate_argdown(amap)), tmp_path)
    read, findings = read_argdown_json(json.dumps(model), "map.json")
    got = [(c.source, c.quote, c.at, c.by) for claim in read.claims for c in claim.cite]
    assert got == [(c.source, c.quote, c.at, c.by) for c in cites]
    assert [s.id for s in read.sources] == ["chapter"]
    assert any("carries only their ids" in f.message for f in findings)
