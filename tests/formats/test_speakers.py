"""Who says a quote (a citation's ``by``) survives every interchange format (issue 13).

AIF carries it as a locution (an L-node "Speaker : quote" whose ``personID`` is that
party) and in argmap's extension; Argdown in the statement's data; node-link JSON
in the node's citations. Each reader gives it back.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.formats.aif import AIF
from argmap.formats.aif.read import read_aif
from argmap.formats.aif.write import generate_aif
from argmap.formats.json import generate_json, read_json
from argmap.model import ArgMap, Citation, Claim, Party, Source, Span

SPAN = Span("a.yaml", 1, 1)
EXPECTED = [("only if you intend to struggle for power", "kamenev"), ("I never met them", None)]


def reported_speech() -> ArgMap:
    """Trotsky reports what Kamenev said: his evidence quotes Kamenev's words."""
    cites = (
        Citation("chapter", SPAN, EXPECTED[0][0], "para 14", by="kamenev"),
        Citation("chapter", SPAN, "I never met them", "para 24"),
    )
    return ArgMap(
        root=".",
        claims=(
            Claim("report", "Kamenev told Trotsky a bloc needed a bid for power.", "trotsky", SPAN,
                  kind="evidence", cite=cites),
        ),
        parties=(Party("trotsky", "Leon Trotsky", SPAN), Party("kamenev", "Lev Kamenev", SPAN)),
        sources=(Source("chapter", "Thirst for Power", SPAN, ".", "."),),
    )  # fmt: skip


def speakers(amap: ArgMap) -> list[tuple[str | None, str | None]]:
    return [(c.quote, c.by) for claim in amap.claims for c in claim.cite]


def test_aif_writes_the_quote_as_a_locution_of_its_speaker() -> None:
    document: dict[str, Any] = json.loads("".join(generate_aif(reported_speech())))
    people = {p["participantID"]: p["firstname"] for p in document["participants"]}
    speaker = {loc["nodeID"]: people[loc["personID"]] for loc in document["locutions"]}
    quotes = [n for n in document["nodes"] if AIF.EXTENSION in n and n["type"] == "L"]
    assert [n["text"] for n in quotes] == ["Lev Kamenev : only if you intend to struggle for power"]
    assert speaker[quotes[0]["nodeID"]] == "Lev Kamenev"
    assert quotes[0][AIF.EXTENSION] == {AIF.QUOTE_OF: "report"}


def test_aif_reads_the_speaker_back_without_a_finding() -> None:
    amap, findings = read_aif("".join(generate_aif(reported_speech())), "map.aif.json")
    assert speakers(amap) == EXPECTED
    assert findings == []


def test_aif_speaker_that_is_no_party_is_a_finding() -> None:
    document: dict[str, Any] = json.loads("".join(generate_aif(reported_speech())))
    node = next(n for n in document["nodes"] if n["type"] == "I")
    node[AIF.EXTENSION]["cite"][0]["by"] = "nobody"
    amap, findings = read_aif(json.dumps(document), "map.aif.json")
    assert speakers(amap)[0] == (EXPECTED[0][0], None)
    assert any("speaker 'nobody'" in f.message for f in findings)


def test_aif_newer_extension_says_so() -> None:
    document: dict[str, Any] = json.loads("".join(generate_aif(reported_speech())))
    document[AIF.EXTENSION]["version"] = AIF.VERSION + 1
    _, findings = read_aif(json.dumps(document), "map.aif.json")
    assert [f.code for f in findings] == ["AIF013"]
    assert f"version {AIF.VERSION + 1}, newer than" in findings[0].message


def test_node_link_json_keeps_the_speaker() -> None:
    amap, _ = read_json("".join(generate_json(reported_speech())), "map.json")
    assert speakers(amap) == EXPECTED
