"""DOT export: conventions, SVG attributes, and hostile text that must stay text."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.draw.diagram import DiagramOptions, build_diagram, clean
from argmap.draw.dot import escape_html, generate_dot, quote
from argmap.draw.render import render_svg
from argmap.loading.build import load
from argmap.model import ArgMap, Citation, Claim, MapInfo, Party, Span
from tests.conftest import MapWriter, needs_dot

SVG = "{http://www.w3.org/2000/svg}"

TRIAL = """
parties:
  prosecution: {name: The prosecution, color: "#B71C1C"}
  defence: {name: The defence}
  press: {name: The press}
sources:
  record: {title: Trial record}
claims:
  - id: charge
    party: prosecution
    kind: allegation
    against: defence
    text: The accused met the conspirators in Berlin in 1932.
    cite: {source: record, at: p. 7}
    tags: [berlin]
  - id: ticket
    party: prosecution
    kind: evidence
    text: A train ticket to Berlin was found.
    supports: charge
  - id: alibi
    party: defence
    text: The accused was in Copenhagen that week.
    rebuts: charge
    tags: [berlin]
  - id: forged
    party: defence
    text: The ticket was printed after the trial began.
    undercuts: "ticket -> charge"
  - id: motive
    party: prosecution
    kind: allegation
    against: defence
    text: The accused wanted power.
  - id: sabotage
    party: prosecution
    kind: allegation
    against: defence
    text: The accused ordered sabotage.
    ignore: {AM201: the defence chose not to answer this in court}
  - id: rumour
    party: press
    text: Everyone knew it.
    supports: motive
"""


@pytest.fixture
def trial(write_map: MapWriter) -> ArgMap:
    return load(write_map({"trial.yaml": TRIAL}))


def parse_svg(svg: str) -> ET.Element:
    return ET.fromstring(svg.encode("utf-8"))


def claim_groups(root: ET.Element) -> dict[str, ET.Element]:
    return {
        g.get("id", "")[len("claim-") :]: g
        for g in root.iter(f"{SVG}g")
        if g.get("id", "").startswith("claim-") and "node" in g.get("class", "").split()
    }


def edge_groups(root: ET.Element) -> list[set[str]]:
    return [
        set(g.get("class", "").split())
        for g in root.iter(f"{SVG}g")
        if "edge" in g.get("class", "").split()
    ]


def test_node_ids_are_generated_in_claim_order(trial: ArgMap) -> None:
    source = generate_dot(trial)
    names = re.findall(r"^\s*(\w+) \[id=", source, flags=re.MULTILINE)
    assert names[:7] == ["c1", "c2", "c3", "c4", "c5", "c6", "c7"]
    assert "i1 [id=" in source
    assert re.search(r"^\s*charge \[", source, flags=re.MULTILINE) is None


def test_conventions_bottom_to_top_rounded_colours_and_arrowheads(trial: ArgMap) -> None:
    source = generate_dot(trial)
    assert "rankdir=BT" in source
    assert 'style="rounded,filled"' in source
    assert re.search(r'c3 -> c1 \[class="rebuts[^]]*arrowhead=tee', source)
    assert re.search(r'c2 -> i1 \[class="supports[^]]*arrowhead=none', source)
    assert re.search(r'i1 -> c1 \[class="supports[^]]*color="#0072B2", arrowhead=normal', source)
    assert re.search(r'c3 -> c1 \[class="rebuts[^]]*style=dashed', source)
    assert re.search(r'c4 -> i1 \[class="undercuts[^]]*style=dotted', source)
    assert "#B71C1C" in source  # the party's own colour
    assert "rankdir=LR" in generate_dot(trial, DiagramOptions(rankdir="LR"))


def test_status_badges_and_borders(trial: ArgMap) -> None:
    nodes = {n.claim.id: n for n in build_diagram(trial).nodes}
    assert nodes["motive"].status == "unanswered"
    assert nodes["sabotage"].status == "acknowledged"
    assert nodes["sabotage"].reason == "the defence chose not to answer this in court"
    assert nodes["charge"].status is None  # the defence answers it
    source = generate_dot(trial)
    motive = next(line for line in source.splitlines() if line.strip().startswith("c5 "))
    sabotage = next(line for line in source.splitlines() if line.strip().startswith("c6 "))
    assert "⚠ UNANSWERED" in motive and "penwidth=5" in motive and "peripheries=2" in motive
    assert "acknowledged" in sabotage and "dashed" in sabotage and "UNANSWERED" not in sabotage


def test_a_filtered_view_still_judges_answers_on_the_whole_map(trial: ArgMap) -> None:
    nodes = build_diagram(trial, DiagramOptions(claims={"charge", "ticket"})).nodes
    assert [n.claim.id for n in nodes] == ["charge", "ticket"]
    assert nodes[0].status is None  # answered by 'alibi', which is not drawn


def test_labels_add_a_badge_a_fill_and_a_class(trial: ArgMap) -> None:
    options = DiagramOptions(labels={"charge": "out", "alibi": "in", "motive": "undec"})
    nodes = {n.claim.id: n for n in build_diagram(trial, options).nodes}
    assert "label-out" in nodes["charge"].classes and "label-in" in nodes["alibi"].classes
    source = generate_dot(trial, options)
    assert "✘ OUT" in source and "✔ IN" in source and "? UNDECIDED" in source
    assert "#F8D7DA" in source  # the 'out' fill
    with pytest.raises(ValueError, match="unknown label 'maybe'"):
        build_diagram(trial, DiagramOptions(labels={"charge": "maybe"}))


def test_group_by_party_tag_and_file(write_map: MapWriter) -> None:
    amap = load(
        write_map(
            {"a.yaml": TRIAL, "sub/b.yaml": "claims:\n- {id: extra, party: press, text: X}\n"}
        )
    )
    by_party = generate_dot(amap, DiagramOptions(group="party"))
    assert by_party.count("subgraph cluster_") == 3
    assert "<B>The prosecution</B>" in by_party
    by_tag = generate_dot(amap, DiagramOptions(group="tag"))
    assert by_tag.count("subgraph cluster_") == 1 and "<B>berlin</B>" in by_tag
    by_file = generate_dot(amap, DiagramOptions(group="file"))
    assert by_file.count("subgraph cluster_") == 2 and "sub/b.yaml" in by_file


def test_the_output_is_deterministic(trial: ArgMap) -> None:
    assert generate_dot(trial) == generate_dot(trial)


@needs_dot
@pytest.mark.dot
def test_svg_ids_classes_titles_and_counts(trial: ArgMap) -> None:
    root = parse_svg(render_svg(trial))
    claims = claim_groups(root)
    assert set(claims) == {"charge", "ticket", "alibi", "forged", "motive", "sabotage", "rumour"}
    classes = {cid: set(g.get("class", "").split()) for cid, g in claims.items()}
    assert {"claim", "allegation", "party-prosecution"} <= classes["charge"]
    assert "unanswered" in classes["motive"] and "acknowledged" not in classes["motive"]
    # an acknowledged allegation is still unanswered: a stylesheet finds it by either class
    assert {"acknowledged", "unanswered"} <= classes["sabotage"]
    assert "evidence" in classes["ticket"] and "party-defence" in classes["alibi"]
    assert not {"unanswered", "acknowledged"} & classes["charge"]
    title = claims["charge"].find(f"{SVG}title")
    assert title is not None
    assert title.text == "charge: The accused met the conspirators in Berlin in 1932."
    edges = edge_groups(root)
    # supports: rumour->motive, and ticket->charge drawn in two segments through its point
    assert sum("supports" in e for e in edges) == 3
    assert sum("supports" in e and not e & {"segment-tail", "segment-head"} for e in edges) == 1
    assert sum("rebuts" in e for e in edges) == 1
    undercuts = [e for e in edges if "undercuts" in e]
    assert len(undercuts) == 1 and {"from-forged", "to-ticket", "to-charge"} <= undercuts[0]
    assert len(edges) == 5
    inference = [g for g in root.iter(f"{SVG}g") if "inference" in g.get("class", "").split()]
    assert len(inference) == 1
    legend = [g for g in root.iter(f"{SVG}g") if g.get("id") == "legend"]
    assert len(legend) == 1
    texts = " ".join(t.text or "" for t in legend[0].iter(f"{SVG}text"))
    assert "The prosecution" in texts and "UNANSWERED" in texts


def hostile_map(texts: list[str]) -> ArgMap:
    span = Span("hostile.yaml", 1, 1)
    parties = (Party("p", texts[0] if texts else "p", span), Party("q", "Q", span))
    claims = tuple(
        Claim(
            id=f"h{n}",
            text=text,
            party="p" if n % 2 else "q",
            span=span,
            kind="allegation",
            tags=(text,),
            cite=(Citation(text, span, at=text),),
        )
        for n, text in enumerate(texts)
    )
    info = MapInfo(texts[-1] if texts else None, None, span)
    return ArgMap(root=".", claims=claims, parties=parties, infos=(info,))


HOSTILE = [
    'say "hello" \\" ] ; } { -> digraph',
    "\\N \\G \\L \\E \\T \\H \\n \\l \\r \\",
    '<TABLE><TR><TD HREF="javascript:alert(1)">x</TD></TR></TABLE>',
    "<<B>bold</B>>",
    "] ; node [shape=circle label=pwned]; c1 -> c2",
    'line one\nline two\r\n"\n}\n',
    "&amp; &lt; &#92;N &#x5C;G &bogus; & < >",
    "}\n} digraph x { a -> b",
    "-- /* comment */ // comment # hash",
    "\x00\x01\x07\x1b[31m control \ud800 surrogate",
    "émoji 🎉 RTL \u202e reversed",
    "",
]


def dot_json_nodes(source: str) -> list[dict[str, object]]:
    import json

    completed = subprocess.run(
        ["dot", "-Tjson"], input=source.encode(), capture_output=True, check=True, timeout=60
    )
    graph = json.loads(completed.stdout)
    return [o for o in graph.get("objects", []) if "nodes" not in o]


@needs_dot
@pytest.mark.dot
def test_hostile_labels_reparse_with_exactly_one_node_per_claim() -> None:
    amap = hostile_map(HOSTILE)
    source = generate_dot(amap)
    objects = dot_json_nodes(source)
    claims = [o for o in objects if str(o.get("id", "")).startswith("claim-")]
    assert sorted(str(o["name"]) for o in claims) == sorted(f"c{n}" for n in range(1, 13))
    assert len(objects) == len(HOSTILE) + 1  # and the legend
    root = parse_svg(render_svg(amap))
    groups = claim_groups(root)
    assert set(groups) == {f"h{n}" for n in range(len(HOSTILE))}
    texts = {cid: " ".join(t.text or "" for t in g.iter(f"{SVG}text")) for cid, g in groups.items()}
    flat = {cid: re.sub(r"\s+", "", text) for cid, text in texts.items()}
    assert "\\N \\G \\L" in texts["h1"]  # escapes stay text, not node names
    assert '<TABLE><TR><TDHREF="javascript:alert(1)">' in flat["h2"]
    links = [e for e in root.iter() if "{http://www.w3.org/1999/xlink}href" in e.attrib]
    assert links == []  # the HREF stayed text: no link anywhere in the SVG
    assert "&amp; &lt; &#92;N" in texts["h6"]
    titles = {cid: g.find(f"{SVG}title") for cid, g in groups.items()}
    assert titles["h1"] is not None and titles["h1"].text == "h1: " + clean(HOSTILE[1])
    assert titles["h5"] is not None and titles["h5"].text == 'h5: line one line two " }'


@needs_dot
@pytest.mark.dot
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.text(max_size=60), min_size=1, max_size=6),
    st.sampled_from([None, "party", "tag"]),
)
def test_any_text_reparses_with_one_node_per_claim(texts: list[str], group: str | None) -> None:
    options = DiagramOptions(group=group, title=True)  # type: ignore[arg-type]
    source = generate_dot(hostile_map(texts), options)
    objects = dot_json_nodes(source)
    claims = [o for o in objects if str(o.get("id", "")).startswith("claim-")]
    assert len(claims) == len(texts)
    assert {str(o["id"]) for o in claims} == {f"claim-h{n}" for n in range(len(texts))}


@given(st.text())
def test_escaped_text_has_no_markup_and_no_unescaped_backslash(text: str) -> None:
    html = escape_html(text)
    assert "<" not in html and ">" not in html and '"' not in html
    assert "]" not in html
    assert re.search(r"&(?!amp;|lt;|gt;|quot;|#93;)", html) is None
    assert re.fullmatch(r"(?:[^\\]|\\\\)*", html)
    quoted = quote(text)
    inner = quoted[1:-1]
    assert re.fullmatch(r'(?:[^\\"]|\\\\|\\")*', inner)
