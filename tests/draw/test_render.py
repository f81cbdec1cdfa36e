"""The one caller of Graphviz: formats, errors, a missing dot, SVG titles."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.draw.diagram import DiagramOptions
from argmap.draw.render import FORMATS, RenderError, format_of, render, render_svg, run_dot
from argmap.loading.build import load
from argmap.model import ArgMap
from tests.conftest import MapWriter, needs_dot

SVG = "{http://www.w3.org/2000/svg}"

SMALL = """
parties:
  a: {name: Alice}
  b: {name: Bob}
claims:
  - {id: claim-one, party: a, kind: allegation, text: 'It rained & the "roads" <were> wet.'}
  - {id: two, party: b, text: 'No: \\N was dry.', rebuts: claim-one}
"""


@pytest.fixture
def small(write_map: MapWriter) -> ArgMap:
    return load(write_map({"s.yaml": SMALL}))


def test_format_of_names_the_allowed_formats() -> None:
    assert [format_of(f"x.{f}") for f in FORMATS] == list(FORMATS)
    assert format_of("Map.SVG") == "svg"
    with pytest.raises(RenderError) as error:
        format_of("map.svgz")
    assert str(error.value) == (
        "unknown format: 'svgz' (must be one of ['svg', 'png', 'pdf', 'dot', 'mmd', 'md', 'html'])"
    )
    with pytest.raises(RenderError, match="unknown format: no suffix in 'map'"):
        format_of("map")


def test_text_formats_need_no_graphviz(small: ArgMap) -> None:
    dot = render(small, "dot")
    assert isinstance(dot, str) and dot.startswith("digraph argmap {")
    mermaid = render(small, "mmd")
    assert isinstance(mermaid, str) and mermaid.startswith("flowchart BT")
    page = render(small, "md")
    assert isinstance(page, str) and "```mermaid\nflowchart BT" in page


@needs_dot
@pytest.mark.dot
def test_svg_titles_hold_the_full_text(small: ArgMap) -> None:
    root = ET.fromstring(render_svg(small))
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id", "").startswith("claim-")}
    assert set(groups) == {"claim-claim-one", "claim-two"}
    titles = {key: g.findtext(f"{SVG}title") for key, g in groups.items()}
    assert titles["claim-claim-one"] == 'claim-one: It rained & the "roads" <were> wet.'
    assert titles["claim-two"] == "two: No: \\N was dry."


@needs_dot
@pytest.mark.dot
def test_binary_formats_are_laid_out_by_dot(small: ArgMap) -> None:
    png = render(small, "png")
    assert isinstance(png, bytes) and png.startswith(b"\x89PNG\r\n\x1a\n")
    pdf = render(small, "pdf")
    assert isinstance(pdf, bytes) and pdf.startswith(b"%PDF")
    assert render(small, "svg") == render(small, "svg")  # deterministic
    assert render(small, "png") == png


@needs_dot
@pytest.mark.dot
def test_a_dot_failure_is_one_line() -> None:
    with pytest.raises(RenderError) as error:
        run_dot("digraph { a -> ; }", "svg")
    message = str(error.value)
    assert message.startswith("Graphviz's dot failed: ") and "syntax error" in message
    assert "\n" not in message


@needs_dot
@pytest.mark.dot
def test_a_layout_past_its_time_is_stopped(small: ArgMap) -> None:
    with pytest.raises(RenderError, match=r"took more than .* seconds: draw less of the map"):
        render(small, "svg", timeout=1e-6)


def test_unknown_dot_format_is_refused() -> None:
    with pytest.raises(RenderError, match=r"unknown format: 'gif' \(must be one of"):
        run_dot("digraph {}", "gif")


def test_html_uses_the_explorer_or_says_it_is_missing(small: ArgMap) -> None:
    import importlib.util

    if importlib.util.find_spec("argmap.draw.explorer") is None:
        with pytest.raises(RenderError, match="the HTML explorer is not available"):
            render(small, "html")
    elif shutil.which("dot") is not None:
        html = render(small, "html")
        assert isinstance(html, str) and "claim-claim-one" in html


def test_missing_graphviz_is_named_with_how_to_install_it(small: ArgMap, tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    env = {**os.environ, "PATH": str(empty)}
    code = (
        "import sys\n"
        "from argmap.loading.build import load\n"
        "from argmap.draw.render import RenderError, render\n"
        f"amap = load({small.root!r})\n"
        "assert render(amap, 'dot').startswith('digraph')\n"
        "assert render(amap, 'mmd').startswith('flowchart')\n"
        "try:\n"
        "    render(amap, 'svg')\n"
        "except RenderError as exc:\n"
        "    print(exc)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == (
        "Graphviz's dot was not found: install it with 'apt-get install graphviz' "
        "(or 'brew install graphviz'), or write .dot or .mmd, which need no Graphviz"
    )


@needs_dot
@pytest.mark.dot
def test_focus_options_reach_the_drawing(small: ArgMap) -> None:
    root = ET.fromstring(render_svg(small, DiagramOptions(claims={"two"})))
    ids = [g.get("id") for g in root.iter(f"{SVG}g") if g.get("id", "").startswith("claim-")]
    assert ids == ["claim-two"]


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@needs_dot
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads processes from /proc")
def test_sigterm_during_render_ends_dot_too(tmp_path: Path) -> None:
    """SIGTERM to argmap while dot lays out a large map leaves no dot behind (issue 20)."""
    import signal
    import time

    bench = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
    mapdir = tmp_path / "big"
    subprocess.run(
        [sys.executable, str(bench), "--claims", "5000", "--files", "5", "--text-mb", "0.01",
         "-o", str(mapdir)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "render", str(mapdir), "-o", str(tmp_path / "x.svg"),
         "--force"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    dots: list[int] = []
    deadline = time.monotonic() + 60
    while not dots and time.monotonic() < deadline and process.poll() is None:
        dots = _children(process.pid)
        time.sleep(0.05)
    assert dots, "dot never started"
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    assert process.returncode in (-signal.SIGTERM, 128 + signal.SIGTERM)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in dots) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in dots), "dot outlived argmap"
    assert not (tmp_path / "x.svg").exists()
