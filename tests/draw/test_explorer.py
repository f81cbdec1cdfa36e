"""The HTML explorer, in a real browser: Debian's chromium, headless, through Playwright.

Every page is opened from a file with every request recorded, and any request
other than the page itself refused; console errors and uncaught exceptions fail
the test. Unit tests of the escaping and of the SVG clean-up run without a browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from argmap.draw.explorer import generate_html, json_for_script, sanitise_svg
from argmap.loading.build import load
from argmap.model import ArgMap
from tests.conftest import SHIPPED_MAP, MapWriter, RunCli, needs_dot

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Route

HOSTILE_TEXT = (
    '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> '
    "</script><script>window.__pwned = 3</script> & &amp; \u2028 done"
)

TRIAL = {
    "map.yaml": f"""
        map:
          title: "A trial </script><script>window.__pwned = 4</script>"
          description: The prosecution's case and the defence's answers.
        parties:
          prosecution: {{name: The prosecution}}
          defence: {{name: The defence}}
        sources:
          record: {{title: The trial record, url: "javascript:window.__pwned = 5"}}
          book: {{title: A history, author: A. Historian, url: "https://example.org/book"}}
        claims:
          - id: plot
            party: prosecution
            kind: allegation
            against: defence
            text: The accused led a plot from abroad.
            cite: {{source: record, quote: he led the plot from abroad, at: p. 12}}
          - id: letter
            party: prosecution
            kind: evidence
            text: A letter in his hand gave the orders.
            supports: plot
            cite: {{source: record, quote: the letter was in his hand, at: p. 14}}
          - id: money
            party: prosecution
            kind: allegation
            against: defence
            text: The accused paid the plotters.
          - id: hostile
            party: prosecution
            text: {json.dumps(HOSTILE_TEXT)}
            supports: plot
          - id: abroad
            party: defence
            text: He had no contact with anyone in the country after 1927.
            rebuts: plot
            cite: {{source: book, quote: no contact of any kind, at: ch. 3}}
          - id: forged
            party: defence
            kind: evidence
            text: Experts found the letter forged.
            undercuts: "letter -> plot"
    """
}


def page_claims(amap: ArgMap) -> list[str]:
    return [c.id for c in amap.claims]


@dataclass
class Opened:
    page: Page
    url: str
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.console == [], self.console
        assert self.requests == [self.url], self.requests


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[[Path], Opened]]:
    contexts: list[BrowserContext] = []

    def open_(path: Path) -> Opened:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.resolve().as_uri())

        def route(route: Route) -> None:
            if route.request.url == opened.url:
                route.continue_()
            else:
                route.abort()

        context.route("**/*", route)
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on(
            "console",
            lambda message: (
                opened.console.append(f"{message.type}: {message.text}")
                if message.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.goto(opened.url, wait_until="load")
        return opened

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def trial(write_map: MapWriter) -> ArgMap:
    return load(write_map(TRIAL))


@pytest.fixture
def explorer(trial: ArgMap, tmp_path: Path, run_cli: RunCli) -> Path:
    """The explorer of the trial map, written by ``argmap render -o map.html``."""
    if shutil.which("dot") is None:
        pytest.skip("needs Graphviz's dot")
    output = tmp_path / "map.html"
    code, _, err = run_cli("render", trial.root, "-o", output)
    assert (code, err) == (0, "")
    return output


def visible_claims(opened: Opened) -> set[str]:
    ids: list[str] = opened.page.eval_on_selector_all(
        "g[data-claim]",
        "gs => gs.filter(g => g.getBoundingClientRect().width > 0)"
        ".map(g => g.getAttribute('data-claim'))",
    )
    return set(ids)


# -- in the browser ----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.dot
@needs_dot
def test_the_page_loads_offline_with_no_error_and_every_claim_drawn(
    explorer: Path, trial: ArgMap, open_page: Callable[[Path], Opened]
) -> None:
    opened = open_page(explorer)
    page = opened.page
    assert visible_claims(opened) == set(page_claims(trial))
    assert page.inner_text("#shown-count") == "6 of 6 claims shown"
    assert page.is_hidden("#panel")
    assert page.evaluate("window.__pwned") is None
    opened.assert_clean()


@pytest.mark.browser
@pytest.mark.dot
@needs_dot
def test_clicking_a_claim_shows_its_text_citations_and_relations(
    explorer: Path, open_page: Callable[[Path], Opened]
) -> None:
    opened = open_page(explorer)
    page = opened.page
    page.click("#claim-plot")
    panel = page.locator("#panel")
    assert panel.is_visible()
    text = panel.inner_text()
    assert "The accused led a plot from abroad." in text
    assert "he led the plot from abroad" in text
    assert "The trial record" in text and "p. 12" in text
    assert "UNANSWERED" not in text and "answered allegation" in text
    assert "letter: A letter in his hand gave the orders." in text  # backed by
    assert "abroad: He had no contact" in text and "(rebuts it)" in text  # attacked by
    # A relation in the panel leads to the other claim.
    page.get_by_role("button", name=re.compile(r"^abroad: ")).click()
    assert page.inner_text("#panel h2") == "abroad"
    assert "no contact of any kind" in page.inner_text("#panel")
    link = page.locator("#panel a")
    assert link.count() == 1 and link.get_attribute("href") == "https://example.org/book"
    opened.assert_clean()


@pytest.mark.browser
@pytest.mark.dot
@needs_dot
def test_filters_hide_the_right_claims(
    explorer: Path, trial: ArgMap, open_page: Callable[[Path], Opened]
) -> None:
    opened = open_page(explorer)
    page = opened.page
    everyone = set(page_claims(trial))
    defence = {c.id for c in trial.claims if c.party == "defence"}
    page.uncheck('input[name="party"][value="defence"]')
    assert visible_claims(opened) == everyone - defence
    assert page.inner_text("#shown-count") == "4 of 6 claims shown"
    # Edges from a hidden claim go with it.
    assert page.locator("g.edge.from-abroad").first.is_hidden()
    page.check('input[name="party"][value="defence"]')
    page.uncheck('input[name="kind"][value="allegation"]')
    assert visible_claims(opened) == everyone - {"plot", "money"}
    page.uncheck('input[name="status"][value="none"]')
    assert visible_claims(opened) == set()
    page.click("#show-all")
    page.uncheck('input[name="status"][value="unanswered"]')
    assert visible_claims(opened) == everyone - {"money"}
    # The list of claims follows the filters too.
    assert page.locator("#item-claim-money").is_hidden()
    assert page.locator("#item-claim-plot").is_visible()
    opened.assert_clean()


@pytest.mark.browser
@pytest.mark.dot
@needs_dot
def test_a_claim_holding_script_shows_it_as_text_and_nothing_runs(
    explorer: Path, open_page: Callable[[Path], Opened]
) -> None:
    opened = open_page(explorer)
    page = opened.page
    page.click("#claim-hostile")
    shown = page.inner_text("#panel .text")
    assert shown == HOSTILE_TEXT
    assert page.locator("#panel script, #panel img").count() == 0
    assert page.locator("script").count() == 2  # the data block and the page's own script
    assert page.locator("img").count() == 0
    assert "</script><script>window.__pwned = 4</script>" in page.inner_text("h1")
    assert page.title().startswith("A trial </script>")
    assert HOSTILE_TEXT.split("\u2028")[0] in page.inner_text("#item-claim-hostile")
    assert page.evaluate("window.__pwned") is None
    # javascript: is no link.
    page.click("#claim-plot")
    assert page.locator("#panel a").count() == 0
    opened.assert_clean()


@pytest.mark.browser
@pytest.mark.dot
@needs_dot
def test_search_marks_matches_and_enter_opens_the_first(
    explorer: Path, open_page: Callable[[Path], Opened]
) -> None:
    opened = open_page(explorer)
    page = opened.page
    page.fill("#search", "letter")
    assert page.inner_text("#search-count") == "2 claims match"  # letter, forged (its text)
    matched = page.eval_on_selector_all("g.am-match", "gs => gs.map(g => g.id)")
    assert sorted(matched) == ["claim-forged", "claim-letter"]
    assert page.locator("#claim-plot.am-dim").count() == 1
    page.press("#search", "Enter")
    assert page.inner_text("#panel h2") == "letter"
    page.fill("#search", "no contact of any kind")  # a quotation
    assert page.inner_text("#search-count") == "1 claim matches"
    opened.assert_clean()


@pytest.mark.browser
@pytest.mark.dot
@needs_dot
def test_keyboard_tab_arrows_enter_and_escape(
    explorer: Path, open_page: Callable[[Path], Opened]
) -> None:
    opened = open_page(explorer)
    page = opened.page
    page.focus("#claim-letter")
    page.keyboard.press("Enter")
    assert page.inner_text("#panel h2") == "letter"
    page.keyboard.press("Escape")
    assert page.is_hidden("#panel")
    assert page.evaluate("document.activeElement.id") == "claim-letter"
    # letter supports plot, drawn above it (bottom to top): Up reaches a claim above.
    page.keyboard.press("ArrowUp")
    above = page.evaluate("document.activeElement.getAttribute('data-claim')")
    assert above in {"plot", "money", "abroad", "hostile", "forged"}
    y = page.evaluate(
        "id => document.getElementById('claim-' + id).getBoundingClientRect().top", above
    )
    y_letter = page.evaluate(
        "() => document.getElementById('claim-letter').getBoundingClientRect().top"
    )
    assert y < y_letter
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-claim')") is not None
    page.keyboard.press("Space")
    assert page.is_visible("#panel")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search"
    opened.assert_clean()


@pytest.mark.browser
@pytest.mark.dot
@needs_dot
def test_print_shows_the_map_and_the_claims_not_the_controls(
    explorer: Path, open_page: Callable[[Path], Opened]
) -> None:
    opened = open_page(explorer)
    page = opened.page
    page.click("#claim-plot")
    page.emulate_media(media="print")
    assert page.is_hidden(".toolbar")
    assert page.is_hidden("#panel")
    assert page.is_visible("#diagram svg")
    assert page.is_visible("#item-claim-letter")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
    opened.assert_clean()


@pytest.mark.browser
@pytest.mark.dot
@needs_dot
def test_the_shipped_map_explorer_loads_clean(
    tmp_path: Path, run_cli: RunCli, open_page: Callable[[Path], Opened]
) -> None:
    output = tmp_path / "moscow.html"
    code, _, err = run_cli("render", SHIPPED_MAP, "-o", output)
    assert (code, err) == (0, "")
    opened = open_page(output)
    amap = load(SHIPPED_MAP)
    assert visible_claims(opened) == {c.id for c in amap.claims}
    opened.page.click("#claim-no-contact-after-1927")
    assert "We were never again to exchange one single letter" in opened.page.inner_text("#panel")
    opened.assert_clean()


# -- without a browser -------------------------------------------------------------------------


def test_json_for_script_cannot_close_the_script_block() -> None:
    data = {"t": "</script><!-- <script> & \u2028\u2029"}
    text = json_for_script(data)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == data


def test_the_svg_is_cleaned_of_anything_live() -> None:
    svg = """<?xml version="1.0"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg width="10pt" height="10pt" xmlns="http://www.w3.org/2000/svg"
     xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">
<script>alert(2)</script>
<g id="claim-a" class="node claim" onclick="alert(3)" style="fill:red;behavior:url(x)">
  <title>a &lt;b&gt;</title>
  <a xlink:href="javascript:alert(4)"><text>A</text></a>
  <a xlink:href="#claim-a"><text>self</text></a>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>
  <image xlink:href="http://example.org/x.png"/>
</g>
</svg>"""
    out = sanitise_svg(svg, {"claim-a": {"id": "a", "partyName": "P", "text": "<b>A</b>"}})
    for live in ("onload", "onclick", "<script", "javascript:", "foreignObject", "<image", "url("):
        assert live not in out
    assert 'href="#claim-a"' in out
    assert 'fill="red"' in out
    assert 'tabindex="0"' in out and 'data-claim="a"' in out
    assert 'aria-label="a (P): &lt;b&gt;A&lt;/b&gt;"' in out
    assert "<title>a &lt;b&gt;</title>" in out
    assert re.search(r"<svg[^>]*\swidth=", out) is None


def test_the_page_allows_only_its_own_script_and_style(trial: ArgMap) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><g id="claim-plot" class="node"/></svg>'
    page = generate_html(trial, svg)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert policy is not None
    rules = dict(rule.strip().split(" ", 1) for rule in policy.group(1).split(";"))
    assert rules["default-src"] == "'none'"
    assert "unsafe-inline" not in policy.group(1)
    scripts = re.findall(r"<script>(.*?)</script>", page, flags=re.S)
    styles = re.findall(r"<style>(.*?)</style>", page, flags=re.S)
    assert len(scripts) == 1 and len(styles) == 1

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()

    assert rules["script-src"] == f"'sha256-{digest(scripts[0])}'"
    assert rules["style-src"] == f"'sha256-{digest(styles[0])}'"
    assert "http://" not in page.replace("http://www.w3.org/", "")
    assert page.count("https://") == 1  # the book's address, as data


def test_the_page_is_deterministic(trial: ArgMap) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><g id="claim-plot" class="node"/></svg>'
    assert generate_html(trial, svg) == generate_html(trial, svg)


# -- overview, first view, time slider, speakers (issues 13, 15, 16) ---------------------------

BENCH = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
LEGIBLE_PX = 11.0

RECORD = {
    "map.yaml": """
        parties:
          prosecution: {name: The prosecution}
          defence: {name: Leon Trotsky}
          editor: {name: The editor}
        sources:
          trial: {title: The trial record, date: "1936-08"}
          commission: {title: The commission's findings, date: "1937-09", outside: true}
          court: {title: The court's ruling, date: "1988"}
        claims:
          - id: plot
            party: prosecution
            kind: allegation
            text: The accused led a plot.
            cite: {source: trial, quote: he led the plot, at: p. 12}
          - id: letter
            party: prosecution
            kind: allegation
            text: The accused wrote a letter.
            cite: {source: trial, quote: the letter, at: p. 13}
          - id: findings
            party: defence
            text: The commission found the plot invented.
            rebuts: plot
            cite: {source: commission, quote: invented from start to end, at: p. 2, by: editor}
          - id: ruling
            party: defence
            text: The court annulled the verdict.
            rebuts: letter
            cite: {source: court, quote: the verdict is annulled, at: p. 1}
    """
}


def font_px(opened: Opened) -> list[float]:
    """Rendered sizes, in CSS pixels, of the drawing's texts now in view."""
    sizes: list[float] = opened.page.evaluate(
        """() => {
          const view = document.getElementById('diagram').getBoundingClientRect();
          return Array.from(document.querySelectorAll('#diagram svg text')).filter(t => {
            const r = t.getBoundingClientRect();
            return r.width > 0 && r.right > view.left && r.left < view.right &&
              r.bottom > view.top && r.top < view.bottom;
          }).map(t => parseFloat(getComputedStyle(t).fontSize || t.getAttribute('font-size'))
                     * t.getScreenCTM().a);
        }"""
    )
    return sizes


@pytest.mark.browser
@pytest.mark.dot
@needs_dot
def test_a_5000_claim_explorer_opens_legible_on_its_overview(
    tmp_path: Path, run_cli: RunCli, open_page: Callable[[Path], Opened]
) -> None:
    import subprocess
    import sys

    mapdir = tmp_path / "big"
    subprocess.run(
        [sys.executable, str(BENCH), "--claims", "5000", "--files", "10", "--text-mb", "0.05",
         "-o", str(mapdir)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    output = tmp_path / "big.html"
    code, _, err = run_cli("render", mapdir, "-o", output)
    assert code == 0 and "drew the overview" in err
    opened = open_page(output)
    sizes = font_px(opened)
    assert sizes, "no text of the drawing in view"
    assert min(sizes) >= LEGIBLE_PX, sizes
    box = opened.page.locator("g.line").first
    box.click()
    assert opened.page.is_visible("#panel")
    assert opened.page.locator("#panel button.go").count() > 0
    opened.page.locator("#panel button.go").first.click()
    assert "Citations" in opened.page.inner_text(
        "#panel"
    ) or "No citation" in opened.page.inner_text("#panel")
    opened.assert_clean()


@pytest.mark.browser
@pytest.mark.dot
@needs_dot
def test_the_shipped_map_opens_with_legible_text(
    tmp_path: Path, run_cli: RunCli, open_page: Callable[[Path], Opened]
) -> None:
    output = tmp_path / "map.html"
    assert run_cli("render", SHIPPED_MAP, "-o", output)[0] == 0
    opened = open_page(output)
    sizes = sorted(font_px(opened))
    assert sizes and sizes[len(sizes) // 2] >= LEGIBLE_PX, sizes
    opened.assert_clean()


@pytest.mark.browser
@pytest.mark.dot
@needs_dot
def test_the_time_slider_replays_the_map(
    write_map: MapWriter, tmp_path: Path, run_cli: RunCli, open_page: Callable[[Path], Opened]
) -> None:
    output = tmp_path / "record.html"
    assert run_cli("render", write_map(RECORD), "-o", output)[0] == 0
    opened = open_page(output)
    page = opened.page
    slider = page.locator("#time-slider")
    assert slider.get_attribute("max") == "3"  # 1936-08, 1937-09, 1988, and today
    assert visible_claims(opened) == {"plot", "letter", "findings", "ruling"}
    assert page.inner_text("#time-open") == "0 allegations unanswered"

    def move_to(value: int) -> None:
        slider.evaluate(
            "(s, v) => { s.value = String(v); s.dispatchEvent(new Event('input')); }", value
        )

    move_to(0)  # the trial: nothing answered yet
    assert visible_claims(opened) == {"plot", "letter"}
    assert page.inner_text("#time-date") == "1936-08-31"
    assert page.inner_text("#time-open") == "2 allegations unanswered then"
    move_to(1)  # the commission answers the plot
    assert visible_claims(opened) == {"plot", "letter", "findings"}
    assert page.inner_text("#time-open") == "1 allegation unanswered then"
    assert page.locator("g.am-open-then").count() == 1
    move_to(3)
    assert visible_claims(opened) == {"plot", "letter", "findings", "ruling"}
    opened.assert_clean()


@pytest.mark.browser
@pytest.mark.dot
@needs_dot
def test_quotes_name_their_speaker_and_outside_sources_say_so(
    write_map: MapWriter, tmp_path: Path, run_cli: RunCli, open_page: Callable[[Path], Opened]
) -> None:
    output = tmp_path / "record.html"
    assert run_cli("render", write_map(RECORD), "-o", output)[0] == 0
    html = output.read_text()
    assert "The editor, p. 2 (outside this text): “invented from start to end”" in html  # hover
    opened = open_page(output)
    opened.page.click("g[data-claim='findings']")
    panel = opened.page.inner_text("#panel")
    assert "The editor, p. 2:" in panel and "outside this text" in panel
    opened.page.click("g[data-claim='plot']")
    panel = opened.page.inner_text("#panel")
    assert "The prosecution, p. 12:" in panel and "outside this text" not in panel
    opened.assert_clean()
