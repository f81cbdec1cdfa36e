"""The HTML explorer: one self-contained, offline page to walk a map on a projector.

``generate_html(amap, svg)`` wraps the SVG diagram (drawn by Graphviz from
``argmap.draw.dot``) in a page with a side panel (the full claim, its citations
and its relations, when a claim is clicked), a search box, filters by party, kind,
status and grounded label, keyboard navigation, a list of every claim, and a print
stylesheet. Nothing is fetched: CSS and script are inline, and the map's data is a
JSON block that no ``</script>`` in a claim can close.

Claim text is never markup. Python escapes what it writes (``html.escape``,
``xml.etree``); the script builds the panel with DOM calls and ``textContent``. The
SVG is re-serialised with scripts, foreign objects, event handlers, styles and
outside links removed. A Content-Security-Policy allows only this page's own
script and stylesheet (by hash) and nothing from anywhere else.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from argmap.analysis.semantics import LABELS_DO_NOT_MEASURE
from argmap.htmltext import h, sha256
from argmap.model import ArgMap

if TYPE_CHECKING:
    from argmap.debate.brief import ModeratorSheet, PartyView
    from argmap.draw.overview import Line

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_DROPPED_ELEMENTS = frozenset(
    {
        "script",
        "foreignObject",
        "iframe",
        "object",
        "embed",
        "style",
        "image",
        "use",
        "animate",
        "set",
        "animateMotion",
        "animateTransform",
        "handler",
        "listener",
    }
)
_PRESENTATION = frozenset(
    {
        "fill",
        "fill-opacity",
        "stroke",
        "stroke-width",
        "stroke-dasharray",
        "stroke-opacity",
        "font-family",
        "font-size",
        "font-style",
        "font-weight",
        "text-anchor",
        "opacity",
    }
)
STATUS_NAMES = {
    "answered": "answered allegation",
    "unanswered": "unanswered allegation",
    "acknowledged": "acknowledged as open",
    "none": "not an allegation",
}
LABEL_NAMES = {"in": "in", "out": "out", "undec": "undecided"}
"""Grounded labels as the explorer names them: a property of the graph, not a verdict."""


class ExplorerError(ValueError):
    """The SVG given to the explorer could not be read."""


def generate_html(amap: ArgMap, svg: str, *, lines: Sequence[Line] | None = None) -> str:
    """The explorer page for ``amap`` around ``svg`` (Graphviz's SVG of it).

    With ``lines``, ``svg`` is the overview (``argmap.draw.overview``): clicking a
    box lists the claims of that line of argument in the side panel.
    """
    from argmap.debate.brief import moderator_sheet
    from argmap.draw.diagram import css_name, party_colours

    sheet = moderator_sheet(amap)
    colours = party_colours(amap)
    dom_ids = {claim_id: f"claim-{css_name(claim_id)}" for claim_id in amap.claim_by_id}
    data = _data(amap, sheet, dom_ids, css_name)
    if lines is not None:
        from argmap.draw.overview import summary

        data["lines"] = {
            line.dom_id: {"name": line.name, "summary": summary(line), "claims": list(line.claims)}
            for line in lines
        }
    clean_svg = sanitise_svg(svg, {dom: data["claims"][cid] for cid, dom in dom_ids.items()})
    css = _css(sheet.parties, colours)
    script = asset("explorer.js")
    policy = (
        "default-src 'none'; "
        f"script-src 'sha256-{sha256(script)}'; "
        f"style-src 'sha256-{sha256(css)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    title = sheet.title or "Argument map"
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>{h(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n",
        '<a class="skip" href="#claims">Skip to the list of claims</a>\n',
        f'<header class="top">\n<h1>{h(title)}</h1>\n',
    ]
    if sheet.description:
        parts.append(f'<p class="description">{h(sheet.description)}</p>\n')
    parts.append("</header>\n")
    parts.append(_toolbar(sheet, data))
    parts.append(_time_slider(data))
    parts.append(
        '<div class="layout">\n'
        '<div id="diagram" class="diagram" role="group" '
        'aria-label="Argument map: Tab or arrow keys move between claims, Enter opens one">\n'
        f"{clean_svg}\n</div>\n"
        '<aside id="panel" class="panel" hidden aria-live="polite" aria-label="Claim details">'
        "</aside>\n</div>\n"
    )
    parts.append(_claim_list(sheet, dom_ids))
    parts.append(
        '<footer class="help"><p><strong>Keys:</strong> Tab or the arrow keys move between '
        "claims; Enter opens the selected claim; Escape closes the panel; / goes to the "
        "search box. Everything works offline.</p></footer>\n"
    )
    parts.append(
        '<script type="application/json" id="argmap-data">'
        f"{json_for_script(data)}</script>\n"
        f"<script>{script}</script>\n</body>\n</html>\n"
    )
    return "".join(parts)


def json_for_script(data: Any) -> str:
    """JSON that is inert inside ``<script>``: no ``<``, ``>``, ``&`` or line separators."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def sanitise_svg(svg: str, claims_by_dom_id: dict[str, dict[str, Any]]) -> str:
    """The SVG re-serialised without anything live; claim groups made focusable.

    Removed: the XML prolog and doctype, comments, scripts, foreign objects, styles
    and other active or fetching elements, ``on*`` handlers, and any link that does
    not point inside the page. A ``style`` attribute becomes presentation attributes.
    Each claim group (``id="claim-..."``) gets ``tabindex``, ``role`` and an
    ``aria-label`` with the claim's id and text.
    """
    body = re.sub(r"^\s*<\?xml[^>]*\?>", "", svg)
    body = re.sub(r"<!DOCTYPE[^>\[]*(\[[^\]]*\])?\s*>", "", body, count=1)
    try:
        parser = ET.XMLParser()
        root = ET.fromstring(body, parser=parser)
    except ET.ParseError as exc:
        raise ExplorerError(f"the diagram is not valid SVG: {exc}") from None
    if _local(root.tag) != "svg":
        raise ExplorerError("the diagram is not an SVG document")
    _clean(root)
    for group in root.iter(f"{{{SVG_NS}}}g"):
        claim = claims_by_dom_id.get(group.get("id", ""))
        if claim is None:
            continue
        group.set("tabindex", "0")
        group.set("role", "button")
        group.set("aria-label", f"{claim['id']} ({claim['partyName']}): {claim['text']}")
        group.set("data-claim", claim["id"])
    for attribute in ("width", "height"):  # the page sizes the drawing (fit, zoom)
        root.attrib.pop(attribute, None)
    root.set("class", "map")
    root.set("focusable", "false")
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="unicode")


def _clean(element: ET.Element) -> None:
    for child in list(element):
        if not isinstance(child.tag, str) or _local(child.tag) in _DROPPED_ELEMENTS:
            element.remove(child)
            continue
        if not child.tag.startswith(f"{{{SVG_NS}}}"):
            element.remove(child)
            continue
        _clean(child)
    for name in list(element.attrib):
        local = _local(name).lower()
        value = element.attrib[name]
        if local.startswith("on") or (local == "href" and not value.startswith("#")):
            del element.attrib[name]
        elif local == "style":
            del element.attrib[name]
            for declaration in value.split(";"):
                key, _, setting = declaration.partition(":")
                key, setting = key.strip().lower(), setting.strip()
                if key in _PRESENTATION and setting and "url(" not in setting.lower():
                    element.set(key, setting)
        elif "url(" in value.lower() and local not in ("title",):
            del element.attrib[name]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _safe_url(url: str | None) -> str | None:
    """An http(s) address that may be a link, or None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _data(
    amap: ArgMap,
    sheet: ModeratorSheet,
    dom_ids: dict[str, str],
    css_name: Callable[[str], str],
) -> dict[str, Any]:
    from argmap.draw.diagram import speaker_place
    from argmap.history import said_period
    from argmap.relations import relations_of

    index = relations_of(amap)
    claims: dict[str, dict[str, Any]] = {}
    for entry in sheet.entries:
        view = entry.claim
        claim = amap.claim_by_id[view.id]
        said = said_period(claim, amap)
        speakers = [
            {
                "speaker": speaker_place(amap, claim, cite.by, None),
                "outside": bool(
                    (source := amap.source_by_id.get(cite.source)) is not None and source.outside
                ),
            }
            for cite in claim.cite
        ]
        claims[view.id] = {
            "id": view.id,
            "dom": dom_ids[view.id],
            "text": view.text,
            "party": view.party,
            "partyName": view.party_name,
            "kind": view.kind,
            "status": view.status or "none",
            "reason": view.reason,
            "label": view.label,
            "note": view.note,
            "tags": list(view.tags),
            "cite": [
                {
                    "source": card.source,
                    "title": card.title,
                    "author": card.author,
                    "date": card.date,
                    "url": _safe_url(card.url),
                    "quote": card.quote,
                    "at": card.at,
                    **speaker,
                }
                for card, speaker in zip(view.cards, speakers, strict=False)
            ],
            "said": said.end.isoformat() if said else None,
            "answers": [a.id for a in index.answers(claim)] if claim.is_allegation else [],
            "supports": list(entry.supports),
            "rebuts": list(entry.rebuts),
            "undercuts": [list(label.split(" -> ", 1)) for label in entry.undercuts],
            "supportedBy": list(entry.supported_by),
            "attackedBy": list(entry.attacked_by),
        }
    relations: dict[str, list[str]] = {}
    for relation in amap.relations:
        relations[css_name(f"{relation.source}->{relation.target}")] = [
            relation.source,
            relation.target,
        ]
    return {
        "title": sheet.title,
        "semantics": sheet.semantics,
        "claims": claims,
        "cssNames": {css_name(cid): cid for cid in claims},
        "inferences": relations,
    }


def _time_slider(data: dict[str, Any]) -> str:
    """A slider over the dates the claims were said (``argmap.history``), if any."""
    dates = sorted({c["said"] for c in data["claims"].values() if c["said"]})
    if not dates:
        return ""
    last = len(dates)
    return (
        '<div class="timeline" id="time">'
        '<label for="time-slider">The map as it stood on</label> '
        f'<input type="range" id="time-slider" min="0" max="{last}" value="{last}" step="1" '
        f'aria-describedby="time-date"> <output id="time-date" for="time-slider"></output> '
        '<span id="time-open" class="count" aria-live="polite"></span></div>\n'
    )


def _checkboxes(name: str, legend: str, options: Iterable[tuple[str, str, str]]) -> str:
    items = "".join(
        f'<label class="choice"><input type="checkbox" name="{h(name)}" value="{h(value)}" '
        f'checked><span class="{h(extra)}"></span>{h(label)}</label>'
        for value, label, extra in options
    )
    return (
        f'<fieldset class="filter" id="filter-{h(name)}"><legend>{h(legend)}</legend>'
        f"{items}</fieldset>"
    )


def _toolbar(sheet: ModeratorSheet, data: dict[str, Any]) -> str:
    claims = data["claims"].values()
    present = {c["party"] for c in claims}
    parties = [
        (p.id, p.name, f"swatch swatch-{i}") for i, p in enumerate(sheet.parties) if p.id in present
    ]
    kinds = [
        (k, k, "")
        for k in ("allegation", "claim", "evidence")
        if any(c["kind"] == k for c in claims)
    ]
    statuses = [
        (s, STATUS_NAMES[s], "")
        for s in ("answered", "unanswered", "acknowledged", "none")
        if any(c["status"] == s for c in claims)
    ]
    parts = [
        '<div class="toolbar" role="search">\n',
        '<div class="search"><label for="search">Search</label> '
        '<input type="search" id="search" placeholder="words, id or quotation" '
        'autocomplete="off" spellcheck="false"> '
        '<span id="search-count" class="count" aria-live="polite"></span></div>\n',
        _checkboxes("party", "Party", parties),
        _checkboxes("kind", "Kind", kinds),
        _checkboxes("status", "Status", statuses),
    ]
    if sheet.semantics:
        labels = [
            (s, LABEL_NAMES[s], "")
            for s in ("in", "out", "undec")
            if any(c["label"] == s for c in claims)
        ]
        parts.append(_checkboxes("label", "Grounded", labels))
        parts.append(f'<p class="caveat">{h(LABELS_DO_NOT_MEASURE)}</p>\n')
    parts.append(
        '<div class="buttons"><button type="button" id="show-all">Show all</button> '
        '<span class="zoom" role="group" aria-label="Zoom">'
        '<button type="button" id="zoom-out" aria-label="Zoom out">&minus;</button>'
        '<button type="button" id="zoom-fit">Fit</button>'
        '<button type="button" id="zoom-in" aria-label="Zoom in">+</button></span> '
        '<span id="shown-count" class="count" aria-live="polite"></span></div>\n'
        "</div>\n"
    )
    return "".join(parts)


def _claim_list(sheet: ModeratorSheet, dom_ids: dict[str, str]) -> str:
    items = []
    for entry in sheet.entries:
        view = entry.claim
        facts = [view.party_name, view.kind]
        if view.status:
            facts.append(STATUS_NAMES[view.status])
        if view.label:
            facts.append(f"grounded: {LABEL_NAMES[view.label]}")
        cards = "".join(
            '<li class="card">'
            + (f"<q>{h(card.quote)}</q> " if card.quote else "")
            + f"— <cite>{h(card.title)}</cite>"
            + (f", {h(card.at)}" if card.at else "")
            + "</li>"
            for card in view.cards
        )
        relations = [
            f"{name.lower()} " + ", ".join(h(i) for i in ids) for name, ids in entry.relations()
        ]
        relations.extend(f"undercuts {h(label)}" for label in entry.undercuts)
        items.append(
            f'<li class="item" id="item-{h(dom_ids[view.id])}" data-claim="{h(view.id)}">'
            f'<button type="button" class="open" data-claim="{h(view.id)}">'
            f'<span class="id">{h(view.id)}</span></button> '
            f'<span class="facts">{h(" · ".join(facts))}</span>'
            f'<p class="text">{h(view.text)}</p>'
            + (f'<ul class="cards">{cards}</ul>' if cards else "")
            + (f'<p class="relations">{"; ".join(relations)}</p>' if relations else "")
            + "</li>\n"
        )
    return (
        f'<section id="claims" class="claims"><h2>All claims ({len(items)})</h2>\n'
        f'<ol class="claim-list">\n{"".join(items)}</ol>\n</section>\n'
    )


def _css(parties: Iterable[PartyView], colours: dict[str, str]) -> str:
    """The page's stylesheet, with one swatch colour per party (validated ``#RRGGBB``)."""
    rules = []
    for index, party in enumerate(parties):
        colour = colours.get(party.id, "")
        rules.append(f".swatch-{index}{{background:{colour if _COLOUR.match(colour) else '#999'}}}")
    return asset("explorer.css") + "".join(rules) + "\n"


@cache
def asset(name: str) -> str:
    """A file shipped beside this module: the explorer's stylesheet or its script."""
    return resources.files(__package__ or "argmap.draw").joinpath(name).read_text("utf-8")
