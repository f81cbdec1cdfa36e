"""The HTML explorer: one self-contained, offline page to walk a map on a projector.

``generate_html(amap, svg)`` wraps the SVG diagram (drawn by Graphviz from
``argmap.export.dot``) in a page with a side panel (the full claim, its citations
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

import base64
import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from argmap.model import ArgMap

if TYPE_CHECKING:
    from argmap.debate import ModeratorSheet, PartyView

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
LABEL_NAMES = {"in": "in (stands)", "out": "out (defeated)", "undec": "undecided"}


class ExplorerError(ValueError):
    """The SVG given to the explorer could not be read."""


def generate_html(amap: ArgMap, svg: str) -> str:
    """The explorer page for ``amap`` around ``svg`` (Graphviz's SVG of it)."""
    from argmap.debate import moderator_sheet
    from argmap.export.diagram import css_name, party_colours

    sheet = moderator_sheet(amap)
    colours = party_colours(amap)
    dom_ids = {claim_id: f"claim-{css_name(claim_id)}" for claim_id in amap.claim_by_id}
    data = _data(amap, sheet, dom_ids, css_name)
    clean_svg = sanitise_svg(svg, {dom: data["claims"][cid] for cid, dom in dom_ids.items()})
    css = _css(sheet.parties, colours)
    script = SCRIPT
    policy = (
        "default-src 'none'; "
        f"script-src 'sha256-{_sha256(script)}'; "
        f"style-src 'sha256-{_sha256(css)}'; "
        "base-uri 'none'; form-action 'none'"
    )
    title = sheet.title or "Argument map"
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="referrer" content="no-referrer">\n',
        f"<title>{_h(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n",
        '<a class="skip" href="#claims">Skip to the list of claims</a>\n',
        f'<header class="top">\n<h1>{_h(title)}</h1>\n',
    ]
    if sheet.description:
        parts.append(f'<p class="description">{_h(sheet.description)}</p>\n')
    parts.append("</header>\n")
    parts.append(_toolbar(sheet, data))
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


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _h(text: str) -> str:
    return escape(text, quote=True)


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
    claims: dict[str, dict[str, Any]] = {}
    for entry in sheet.entries:
        view = entry.claim
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
                }
                for card in view.cards
            ],
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


def _checkboxes(name: str, legend: str, options: Iterable[tuple[str, str, str]]) -> str:
    items = "".join(
        f'<label class="choice"><input type="checkbox" name="{_h(name)}" value="{_h(value)}" '
        f'checked><span class="{_h(extra)}"></span>{_h(label)}</label>'
        for value, label, extra in options
    )
    return (
        f'<fieldset class="filter" id="filter-{_h(name)}"><legend>{_h(legend)}</legend>'
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
            + (f"<q>{_h(card.quote)}</q> " if card.quote else "")
            + f"— <cite>{_h(card.title)}</cite>"
            + (f", {_h(card.at)}" if card.at else "")
            + "</li>"
            for card in view.cards
        )
        relations = []
        for name, ids in (
            ("supports", entry.supports),
            ("rebuts", entry.rebuts),
            ("backed by", entry.supported_by),
            ("attacked by", entry.attacked_by),
        ):
            if ids:
                relations.append(f"{name} " + ", ".join(_h(i) for i in ids))
        relations.extend(f"undercuts {_h(label)}" for label in entry.undercuts)
        items.append(
            f'<li class="item" id="item-{_h(dom_ids[view.id])}" data-claim="{_h(view.id)}">'
            f'<button type="button" class="open" data-claim="{_h(view.id)}">'
            f'<span class="id">{_h(view.id)}</span></button> '
            f'<span class="facts">{_h(" · ".join(facts))}</span>'
            f'<p class="text">{_h(view.text)}</p>'
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
    return CSS + "".join(rules) + "\n"


CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,"DejaVu Sans",Arial,sans-serif;color:#111;background:#fff}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px;z-index:9}
header.top{padding:10px 16px 4px}header.top h1{font-size:1.35em;margin:0 0 4px}
.description{margin:0;max-width:75em;color:#333}
.toolbar{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:flex-start;padding:8px 16px;
 border-top:1px solid #ccc;border-bottom:1px solid #ccc;background:#f6f6f6;
 position:sticky;top:0;z-index:5}
.search input{font:inherit;padding:3px 6px;width:16em}
.filter{border:1px solid #bbb;border-radius:4px;padding:2px 8px 4px;margin:0}
.filter legend{font-size:.8em;color:#444;padding:0 3px}
.choice{display:inline-flex;align-items:center;gap:3px;margin-right:8px;font-size:.9em;white-space:nowrap}
.swatch{display:inline-block;width:.9em;height:.9em;border:1px solid #333;border-radius:2px}
.buttons button{font:inherit;padding:2px 8px}.count{font-size:.85em;color:#333}
.layout{display:flex;align-items:flex-start}
.diagram{flex:1 1 auto;overflow:auto;height:calc(100vh - 150px);min-height:360px;padding:8px}
.diagram svg.map{width:100%;height:auto;display:block}
.panel{flex:0 0 25em;max-width:40vw;height:calc(100vh - 150px);overflow:auto;
 border-left:2px solid #333;padding:10px 14px;background:#fff}
.panel[hidden]{display:none}
.panel h2{font-size:1.15em;margin:0 0 4px;word-break:break-all}
.panel .close{float:right;font:inherit;font-size:1.2em;line-height:1;padding:0 6px}
.panel .meta{font-size:.9em;color:#333;margin:0 0 8px}
.panel .text{font-size:1.08em;margin:8px 0}
.panel h3{font-size:.95em;margin:12px 0 4px;border-bottom:1px solid #ccc}
.panel ul{list-style:none;padding-left:0;margin:4px 0}
.panel li{margin:5px 0}
.panel .card{margin:6px 0;border-left:3px solid #555;padding-left:8px;list-style:none}
.panel .card q{font-style:italic}
.panel .go{font:inherit;text-align:left;background:none;border:0;padding:0;color:#0645ad;
 text-decoration:underline;cursor:pointer}
.badge{display:inline-block;border:1px solid #000;border-radius:3px;padding:0 4px;
 font-size:.85em;margin-right:4px}
.badge.unanswered{border-width:2px;font-weight:bold}
g.claim{cursor:pointer}
g.claim:focus{outline:none}
g.claim:focus path,g.claim:focus polygon{stroke:#000;stroke-width:4px}
g.claim.am-selected path,g.claim.am-selected polygon{stroke:#000;stroke-width:5px;
 stroke-dasharray:none}
g.am-dim{opacity:.18}
g.am-match path,g.am-match polygon{stroke:#000;stroke-width:3px}
g.am-hidden{display:none}
li.am-hidden{display:none}
.claims{padding:8px 16px 24px;border-top:1px solid #ccc}
.claims h2{font-size:1.1em}
.claim-list{padding-left:1.6em}
.claim-list .item{margin:8px 0;max-width:60em}
.claim-list .open{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;
 text-decoration:underline}
.claim-list .facts{font-size:.88em;color:#333}
.claim-list .text{margin:2px 0}
.claim-list .cards{margin:2px 0;padding-left:1.2em;font-size:.92em}
.claim-list .relations{margin:2px 0;font-size:.85em;color:#333}
.id{font-family:"DejaVu Sans Mono",monospace;font-size:.92em}
.help{padding:4px 16px 16px;font-size:.85em;color:#333}
@media print{
 @page{size:A4 landscape;margin:10mm}
 body{font-size:10pt}
 .toolbar,.panel,.skip,.help{display:none}
 .layout{display:block}
 .diagram{height:auto;overflow:visible;padding:0;break-after:page}
 header.top h1{font-size:14pt}.description{font-size:9pt}
 .diagram svg.map{width:100%!important;height:auto;max-height:150mm}
 g.am-dim{opacity:1}
 .claims{border:0;padding:0}
 .claim-list .item{break-inside:avoid}
 a{color:inherit}
}
"""

SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var claims = data.claims;
  var diagram = document.getElementById("diagram");
  var panel = document.getElementById("panel");
  var svg = diagram.querySelector("svg");
  var groups = {};
  var selected = null;
  var zoom = 1;

  Array.prototype.forEach.call(diagram.querySelectorAll("g[data-claim]"), function (g) {
    var id = g.getAttribute("data-claim");
    if (Object.prototype.hasOwnProperty.call(claims, id)) { groups[id] = g; }
  });

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function claimButton(id) {
    var button = el("button", "go");
    button.type = "button";
    var claim = claims[id];
    button.textContent = claim ? id + ": " + shorten(claim.text, 90) : id;
    button.addEventListener("click", function () { select(id, true); });
    return button;
  }

  function shorten(text, limit) {
    return text.length > limit ? text.slice(0, limit - 1) + "…" : text;
  }

  function section(title, items) {
    if (!items.length) { return null; }
    var wrap = el("div", "section");
    wrap.appendChild(el("h3", null, title));
    var list = el("ul");
    items.forEach(function (item) {
      var li = el("li");
      li.appendChild(item);
      list.appendChild(li);
    });
    wrap.appendChild(list);
    return wrap;
  }

  function howAttacked(attackerId, targetId) {
    var attacker = claims[attackerId];
    if (attacker && attacker.rebuts.indexOf(targetId) >= 0) { return "rebuts it"; }
    if (attacker) {
      for (var i = 0; i < attacker.undercuts.length; i++) {
        if (attacker.undercuts[i][1] === targetId) {
          return "undercuts the step " + attacker.undercuts[i][0] + " → " + targetId;
        }
      }
    }
    return "attacks it";
  }

  function relationItem(id, how) {
    var span = el("span");
    span.appendChild(claimButton(id));
    if (how) { span.appendChild(document.createTextNode(" (" + how + ")")); }
    return span;
  }

  function statusText(claim) {
    var names = {answered: "answered allegation", unanswered: "UNANSWERED allegation",
      acknowledged: "acknowledged as open"};
    return names[claim.status] || null;
  }

  function showPanel(id) {
    var claim = claims[id];
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    var close = el("button", "close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close the panel");
    close.addEventListener("click", closePanel);
    panel.appendChild(close);
    panel.appendChild(el("h2", "id", claim.id));
    var meta = el("p", "meta");
    meta.appendChild(el("span", "badge", claim.partyName));
    meta.appendChild(el("span", "badge", claim.kind));
    var status = statusText(claim);
    if (status) { meta.appendChild(el("span", "badge " + claim.status, status)); }
    if (claim.label) {
      var labels = {"in": "grounded: in (stands)", out: "grounded: out (defeated)",
        undec: "grounded: undecided"};
      meta.appendChild(el("span", "badge", labels[claim.label] || claim.label));
    }
    panel.appendChild(meta);
    panel.appendChild(el("p", "text", claim.text));
    if (claim.reason) { panel.appendChild(el("p", "reason", "Left open: " + claim.reason)); }
    if (claim.note) { panel.appendChild(el("p", "note", "Note: " + claim.note)); }
    if (claim.tags.length) { panel.appendChild(el("p", "tags", "Tags: " + claim.tags.join(", "))); }
    var cards = claim.cite.map(function (card) {
      var box = el("div");
      if (card.quote) { box.appendChild(el("q", null, card.quote)); box.appendChild(el("br")); }
      var where = el("span", "where");
      where.appendChild(document.createTextNode("— "));
      where.appendChild(el("cite", null, card.title));
      var details = [card.author, card.date, card.at].filter(Boolean);
      if (details.length) { where.appendChild(document.createTextNode(", " + details.join(", "))); }
      box.appendChild(where);
      if (card.url) {
        box.appendChild(document.createTextNode(" "));
        var link = el("a", null, "source");
        link.href = card.url;
        link.rel = "noopener noreferrer";
        link.target = "_blank";
        box.appendChild(link);
      }
      return box;
    });
    var citeSection = section("Citations", cards);
    if (citeSection) {
      Array.prototype.forEach.call(citeSection.querySelectorAll("li"), function (li) {
        li.className = "card";
      });
      panel.appendChild(citeSection);
    } else {
      panel.appendChild(el("p", "no-cite", "No citation."));
    }
    var blocks = [
      section("Supports", claim.supports.map(function (t) { return relationItem(t); })),
      section("Rebuts", claim.rebuts.map(function (t) { return relationItem(t); })),
      section("Undercuts", claim.undercuts.map(function (pair) {
        return relationItem(pair[1], "the step from " + pair[0]);
      })),
      section("Backed by", claim.supportedBy.map(function (s) { return relationItem(s); })),
      section("Attacked by", claim.attackedBy.map(function (a) {
        return relationItem(a, howAttacked(a, claim.id));
      }))
    ];
    blocks.forEach(function (block) { if (block) { panel.appendChild(block); } });
    panel.hidden = false;
  }

  function select(id, focus) {
    if (!Object.prototype.hasOwnProperty.call(claims, id)) { return; }
    if (selected && groups[selected]) { groups[selected].classList.remove("am-selected"); }
    selected = id;
    var g = groups[id];
    if (g) {
      g.classList.add("am-selected");
      if (focus) {
        g.focus({preventScroll: true});
        g.scrollIntoView({block: "center", inline: "center"});
      }
    }
    showPanel(id);
  }

  // A printed map shows no selection.
  window.addEventListener("beforeprint", function () {
    if (selected && groups[selected]) { groups[selected].classList.remove("am-selected"); }
  });
  window.addEventListener("afterprint", function () {
    if (selected && groups[selected]) { groups[selected].classList.add("am-selected"); }
  });

  function closePanel() {
    panel.hidden = true;
    var g = selected && groups[selected];
    if (g) { g.classList.remove("am-selected"); g.focus({preventScroll: true}); }
    selected = null;
  }

  Object.keys(groups).forEach(function (id) {
    var g = groups[id];
    g.addEventListener("click", function () { select(id, false); });
    g.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select(id, false);
      }
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll("button.open[data-claim]"), function (b) {
    b.addEventListener("click", function () { select(b.getAttribute("data-claim"), true); });
  });

  // -- spatial keyboard navigation ------------------------------------------------------
  function centre(g) {
    var box = g.getBoundingClientRect();
    return {x: box.left + box.width / 2, y: box.top + box.height / 2};
  }

  function visible(g) { return !g.classList.contains("am-hidden"); }

  function neighbour(fromId, key) {
    var here = centre(groups[fromId]);
    var best = null;
    var bestScore = Infinity;
    Object.keys(groups).forEach(function (id) {
      if (id === fromId || !visible(groups[id])) { return; }
      var there = centre(groups[id]);
      var dx = there.x - here.x;
      var dy = there.y - here.y;
      var along = {ArrowRight: dx, ArrowLeft: -dx, ArrowDown: dy, ArrowUp: -dy}[key];
      var across = (key === "ArrowRight" || key === "ArrowLeft") ? Math.abs(dy) : Math.abs(dx);
      if (along <= 1) { return; }
      var score = along + 2 * across;
      if (score < bestScore) { bestScore = score; best = id; }
    });
    return best;
  }

  diagram.addEventListener("keydown", function (event) {
    var arrows = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"];
    if (arrows.indexOf(event.key) < 0) { return; }
    var current = event.target.closest ? event.target.closest("g[data-claim]") : null;
    if (!current) { return; }
    event.preventDefault();
    var next = neighbour(current.getAttribute("data-claim"), event.key);
    if (next) {
      groups[next].focus({preventScroll: true});
      groups[next].scrollIntoView({block: "nearest", inline: "nearest"});
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) {
      event.preventDefault();
      closePanel();
    } else if (event.key === "/" && document.activeElement !== search) {
      event.preventDefault();
      search.focus();
    }
  });

  // -- filters and search ------------------------------------------------------------------
  var search = document.getElementById("search");
  var searchCount = document.getElementById("search-count");
  var shownCount = document.getElementById("shown-count");

  function checkedValues(name) {
    var values = {};
    Array.prototype.forEach.call(
      document.querySelectorAll('input[name="' + name + '"]'), function (box) {
        values[box.value] = box.checked;
      });
    return values;
  }

  function haystack(claim) {
    var parts = [claim.id, claim.text, claim.partyName, claim.note || "", claim.reason || ""];
    parts = parts.concat(claim.tags);
    claim.cite.forEach(function (card) {
      parts.push(card.quote || "", card.title, card.at || "");
    });
    return parts.join("\n").toLowerCase();
  }
  var haystacks = {};
  Object.keys(claims).forEach(function (id) { haystacks[id] = haystack(claims[id]); });

  function passes(claim, filters) {
    function ok(name, value) {
      var values = filters[name];
      return !values || values[value] === undefined || values[value];
    }
    return ok("party", claim.party) && ok("kind", claim.kind) && ok("status", claim.status) &&
      (!data.semantics || !claim.label || ok("label", claim.label));
  }

  function edgeEnds(edge) {
    var ends = [];
    Array.prototype.forEach.call(edge.classList, function (name) {
      var match = /^(from|to)-(.+)$/.exec(name);
      if (!match) { return; }
      if (Object.prototype.hasOwnProperty.call(data.cssNames, match[2])) {
        ends.push(data.cssNames[match[2]]);
      } else if (Object.prototype.hasOwnProperty.call(data.inferences, match[2])) {
        ends.push.apply(ends, data.inferences[match[2]]);
      }
    });
    return ends;
  }
  var edges = Array.prototype.map.call(diagram.querySelectorAll("g.edge"), function (edge) {
    return {node: edge, ends: edgeEnds(edge)};
  });

  function apply() {
    var filters = {party: checkedValues("party"), kind: checkedValues("kind"),
      status: checkedValues("status"), label: checkedValues("label")};
    var query = search.value.trim().toLowerCase();
    var shown = {};
    var matches = 0;
    var total = 0;
    Object.keys(claims).forEach(function (id) {
      var claim = claims[id];
      var show = passes(claim, filters);
      var match = query !== "" && haystacks[id].indexOf(query) >= 0;
      shown[id] = show;
      if (show) { total += 1; }
      if (show && match) { matches += 1; }
      var g = groups[id];
      if (g) {
        g.classList.toggle("am-hidden", !show);
        g.classList.toggle("am-match", show && match);
        g.classList.toggle("am-dim", show && query !== "" && !match);
      }
      var item = document.getElementById("item-" + claim.dom);
      if (item) { item.classList.toggle("am-hidden", !show || (query !== "" && !match)); }
    });
    edges.forEach(function (edge) {
      var hide = edge.ends.some(function (id) { return shown[id] === false; });
      var dim = query !== "" && !edge.ends.some(function (id) {
        return groups[id] && groups[id].classList.contains("am-match");
      });
      edge.node.classList.toggle("am-hidden", hide);
      edge.node.classList.toggle("am-dim", !hide && dim);
    });
    searchCount.textContent = query === "" ? "" :
      matches + (matches === 1 ? " claim matches" : " claims match");
    shownCount.textContent = total + " of " + Object.keys(claims).length + " claims shown";
  }

  search.addEventListener("input", apply);
  search.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") { return; }
    event.preventDefault();
    var first = Object.keys(claims).filter(function (id) {
      return groups[id] && groups[id].classList.contains("am-match");
    })[0];
    if (first) { select(first, true); }
  });
  Array.prototype.forEach.call(document.querySelectorAll(".filter input"), function (box) {
    box.addEventListener("change", apply);
  });
  document.getElementById("show-all").addEventListener("click", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".filter input"), function (box) {
      box.checked = true;
    });
    search.value = "";
    apply();
  });

  // -- zoom --------------------------------------------------------------------------------
  function setZoom(value) {
    zoom = Math.max(0.25, Math.min(6, value));
    if (svg) { svg.style.width = (zoom * 100) + "%"; }
  }
  function onClick(id, action) { document.getElementById(id).addEventListener("click", action); }
  onClick("zoom-in", function () { setZoom(zoom * 1.25); });
  onClick("zoom-out", function () { setZoom(zoom / 1.25); });
  onClick("zoom-fit", function () { setZoom(1); });

  apply();
}());
"""
