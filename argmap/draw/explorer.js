
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

  // Empties the side panel, leaving only its close button.
  function clearPanel() {
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    var close = el("button", "close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close the panel");
    close.addEventListener("click", closePanel);
    panel.appendChild(close);
  }

  function showPanel(id) {
    var claim = claims[id];
    clearPanel();
    panel.appendChild(el("h2", "id", claim.id));
    var meta = el("p", "meta");
    meta.appendChild(el("span", "badge", claim.partyName));
    meta.appendChild(el("span", "badge", claim.kind));
    var status = statusText(claim);
    if (status) { meta.appendChild(el("span", "badge " + claim.status, status)); }
    if (claim.label) {
      var labels = {"in": "grounded: in", out: "grounded: out",
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
      if (card.quote) {
        var who = card.speaker ? card.speaker + (card.at ? ", " + card.at : "") + ": " : "";
        if (who) { box.appendChild(el("span", "speaker", who)); }
        box.appendChild(el("q", null, card.quote));
        box.appendChild(el("br"));
      }
      if (card.outside) { box.appendChild(el("span", "outside badge", "outside this text")); }
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

  // -- time slider: the map as it stood on a date (claims appear, answers arrive) ------
  var slider = document.getElementById("time-slider");
  var sliderDate = document.getElementById("time-date");
  var sliderOpen = document.getElementById("time-open");
  var dates = Object.keys(claims).map(function (id) { return claims[id].said; })
    .filter(Boolean).sort().filter(function (d, i, all) { return i === 0 || all[i - 1] !== d; });
  function asOf() {
    if (!slider || Number(slider.value) >= dates.length) { return null; }
    return dates[Number(slider.value)];
  }
  function said(claim, date) { return date === null || !claim.said || claim.said <= date; }
  function openThen(claim, date) {
    if (claim.kind !== "allegation") { return false; }
    return !claim.answers.some(function (a) { return claims[a] && said(claims[a], date); });
  }
  function updateTime() {
    var date = asOf();
    var open = 0;
    Object.keys(claims).forEach(function (id) {
      var claim = claims[id];
      var here = said(claim, date);
      var isOpen = here && openThen(claim, date);
      if (isOpen) { open += 1; }
      var g = groups[id];
      if (g) {  // today, the drawing's own borders say it; on a past date, these classes
        g.classList.toggle("am-later", !here);
        g.classList.toggle("am-open-then", date !== null && isOpen);
        g.classList.toggle("am-answered-then",
          date !== null && here && claim.kind === "allegation" && !isOpen);
      }
    });
    if (sliderDate) { sliderDate.textContent = date === null ? "today (everything said)" : date; }
    if (sliderOpen) {
      sliderOpen.textContent = open + (open === 1 ? " allegation" : " allegations") +
        (date === null ? " unanswered" : " unanswered then");
    }
  }

  function passes(claim, filters) {
    function ok(name, value) {
      var values = filters[name];
      return !values || values[value] === undefined || values[value];
    }
    return ok("party", claim.party) && ok("kind", claim.kind) && ok("status", claim.status) &&
      (!data.semantics || !claim.label || ok("label", claim.label)) && said(claim, asOf());
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
    updateTime();
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
  if (slider) { slider.addEventListener("input", apply); }
  document.getElementById("show-all").addEventListener("click", function () {
    Array.prototype.forEach.call(document.querySelectorAll(".filter input"), function (box) {
      box.checked = true;
    });
    search.value = "";
    apply();
  });

  // -- zoom --------------------------------------------------------------------------------
  function setZoom(value) {
    zoom = Math.max(0.25, Math.min(60, value));
    if (svg) { svg.style.width = (zoom * 100) + "%"; }
  }
  function onClick(id, action) { document.getElementById(id).addEventListener("click", action); }
  onClick("zoom-in", function () { setZoom(zoom * 1.25); });
  onClick("zoom-out", function () { setZoom(zoom / 1.25); });
  onClick("zoom-fit", function () { setZoom(1); });

  // -- the overview: a box per line of argument; clicking one lists its claims -----------
  var lines = data.lines || {};
  function showLine(domId) {
    var line = lines[domId];
    clearPanel();
    panel.appendChild(el("h2", null, line.name));
    panel.appendChild(el("p", "meta", line.summary));
    var open = line.claims.filter(function (id) {
      return claims[id] && claims[id].status === "unanswered" ||
        claims[id] && claims[id].status === "acknowledged";
    });
    var rest = line.claims.filter(function (id) { return open.indexOf(id) < 0; });
    var limit = 300;
    [["Unanswered allegations", open], ["Claims", rest]].forEach(function (pair) {
      var block = section(pair[0], pair[1].slice(0, limit).map(function (id) {
        return relationItem(id);
      }));
      if (block) { panel.appendChild(block); }
      if (pair[1].length > limit) {
        panel.appendChild(el("p", "more", "and " + (pair[1].length - limit) +
          " more: search for them, or draw this line with argmap render --tag"));
      }
    });
    panel.hidden = false;
  }
  Object.keys(lines).forEach(function (domId) {
    var g = document.getElementById(domId);
    if (!g) { return; }
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    g.setAttribute("aria-label", lines[domId].name + ": " + lines[domId].summary);
    g.addEventListener("click", function () { showLine(domId); });
    g.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); showLine(domId); }
    });
  });

  // -- first view: text large enough to read, on what is still open ----------------------
  function firstView() {
    if (!svg || !svg.viewBox || !svg.viewBox.baseVal || !svg.viewBox.baseVal.width) { return; }
    var fit = diagram.clientWidth / svg.viewBox.baseVal.width;
    var needed = LEGIBLE_PX / (TEXT_PT * fit);
    if (needed > 1) { setZoom(needed); }
    var target = diagram.querySelector("g.unanswered") || diagram.querySelector("g.claim");
    if (target && needed > 1) {  // scroll the drawing, not the page
      var box = target.getBoundingClientRect();
      var outer = diagram.getBoundingClientRect();
      diagram.scrollLeft += box.left - outer.left - (outer.width - box.width) / 2;
      diagram.scrollTop += box.top - outer.top - (outer.height - box.height) / 2;
    }
  }
  var LEGIBLE_PX = 14;
  var TEXT_PT = 14;

  apply();
  firstView();
}());
