"""Drawing a map into a file format: the one place that runs Graphviz's ``dot``.

``render(map, fmt, options)`` returns the bytes or text of one format:
``svg``, ``png`` and ``pdf`` are laid out by ``dot`` (``run_dot`` is its only
caller in argmap, with the source on standard input and a timeout); ``dot`` and
``mmd`` (Mermaid) and ``md`` (a Markdown page embedding the Mermaid) need no
Graphviz; ``html`` is the interactive explorer of ``argmap.draw.explorer``, built
around the SVG.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any
from xml.sax.saxutils import escape

from argmap.draw.diagram import Diagram, DiagramOptions
from argmap.model import ArgMap

__all__ = [
    "DOT_FORMATS",
    "FORMATS",
    "RenderError",
    "format_of",
    "render",
    "render_svg",
    "run_dot",
]

DOT_FORMATS = ("svg", "png", "pdf")
"""Formats laid out by Graphviz's ``dot``."""
FORMATS = ("svg", "png", "pdf", "dot", "mmd", "md", "html")
"""Every format ``render`` knows, named by the output file's suffix."""
DOT_TIMEOUT = 120.0
"""Seconds ``dot`` may take before the render is abandoned (``None`` with ``--force``)."""
PNG_DPI = 96
"""Pixels per inch of PNG output: sharp when projected."""
INSTALL_HINT = (
    "Graphviz's dot was not found: install it with 'apt-get install graphviz' "
    "(or 'brew install graphviz'), or write .dot or .mmd, which need no Graphviz"
)


class RenderError(Exception):
    """A diagram could not be drawn: one line saying why and what to do."""


def format_of(path: str | Path) -> str:
    """The format named by ``path``'s suffix; ``RenderError`` naming the allowed ones."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        shown = suffix or f"no suffix in {str(path)!r}"
        raise RenderError(
            f"unknown format: {shown!r} (must be one of {list(FORMATS)})"
            if suffix
            else f"unknown format: {shown} (must be one of {list(FORMATS)})"
        )
    return suffix


def run_dot(source: str, fmt: str, *, timeout: float | None = DOT_TIMEOUT) -> bytes:
    """Lay out DOT ``source`` with Graphviz's ``dot`` into ``fmt`` (svg, png, pdf)."""
    if fmt not in DOT_FORMATS:
        raise RenderError(f"unknown format: {fmt!r} (must be one of {list(DOT_FORMATS)})")
    executable = shutil.which("dot")
    if executable is None:
        raise RenderError(INSTALL_HINT)
    command = [executable, f"-T{fmt}"]
    if fmt == "png":
        command.append(f"-Gdpi={PNG_DPI}")
    stdout, stderr, returncode = _run_killable(command, source.encode("utf-8"), timeout)
    if returncode != 0 or not stdout:
        raise RenderError(f"Graphviz's dot failed: {_first_line(stderr)}")
    return stdout


def _run_killable(
    command: list[str], data: bytes, timeout: float | None
) -> tuple[bytes, bytes, int]:
    """Run ``command`` on ``data``; it dies with argmap: on SIGTERM, SIGINT or a timeout.

    Without this, a SIGTERM to argmap leaves ``dot`` running, re-parented to init,
    with no time limit. While ``dot`` runs, SIGTERM kills it, then acts as before.
    """
    try:
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
    except OSError as exc:
        raise RenderError(f"Graphviz's dot could not be run: {exc.strerror or exc}") from None
    previous = _on_sigterm(process)
    try:
        stdout, stderr = process.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RenderError(
            f"Graphviz's dot took more than {timeout:g} seconds: draw less of the map "
            "(--focus ID --depth N, --party, --tag), draw its --overview, or cluster it (--group)"
        ) from None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return stdout, stderr, process.returncode


_Handler = Callable[[int, FrameType | None], Any] | int | None


def _on_sigterm(process: subprocess.Popen[bytes]) -> _Handler:
    """Make SIGTERM kill ``process`` first; the handler it replaces (None off the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    previous = signal.getsignal(signal.SIGTERM)

    def stop(signum: int, frame: FrameType | None) -> None:
        if process.poll() is None:
            process.kill()
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
        os.kill(os.getpid(), signum)  # then what SIGTERM did before (by default: end)

    signal.signal(signal.SIGTERM, stop)
    return previous if previous is not None else signal.SIG_DFL


def render_svg(
    amap: ArgMap, options: DiagramOptions | None = None, *, timeout: float | None = DOT_TIMEOUT
) -> str:
    """The map as SVG, each claim's ``<title>`` holding its full text for hover."""
    from argmap.draw.diagram import build_diagram
    from argmap.draw.dot import dot_source

    diagram = build_diagram(amap, options)
    svg = run_dot(dot_source(diagram), "svg", timeout=timeout).decode("utf-8")
    return _with_titles(svg, diagram)


def render(
    amap: ArgMap,
    fmt: str,
    options: DiagramOptions | None = None,
    *,
    timeout: float | None = DOT_TIMEOUT,
    overview: bool = False,
    paper: str | None = None,
    landscape: bool = False,
) -> str | bytes:
    """The map in format ``fmt`` (one of ``FORMATS``).

    ``overview``: the map folded into its lines of argument (``argmap.draw.overview``);
    ``paper`` (``a4``, ``a3``, ``letter``; PDF only): pages that print with no text under
    8 pt (``argmap.draw.paper``).
    """
    if paper is not None:
        if fmt != "pdf":
            raise RenderError(f"--paper lays out a PDF: write a .pdf file, not .{fmt}")
        from argmap.draw.paper import paper_pdf

        return paper_pdf(
            amap,
            paper,
            landscape=landscape,
            options=options,
            run=lambda source: run_dot(source, "pdf", timeout=timeout),
        )
    if overview:
        return _render_overview(amap, fmt, timeout=timeout)
    if fmt == "dot":
        from argmap.draw.dot import generate_dot

        return generate_dot(amap, options)
    if fmt == "mmd":
        from argmap.draw.mermaid import generate_mermaid

        return generate_mermaid(amap, options)
    if fmt == "md":
        from argmap.draw.mermaid import generate_markdown

        return generate_markdown(amap, options)
    if fmt == "svg":
        return render_svg(amap, options, timeout=timeout)
    if fmt == "html":
        generate_html = _html_generator()
        return generate_html(amap, render_svg(amap, options, timeout=timeout))
    if fmt in DOT_FORMATS:
        from argmap.draw.dot import generate_dot

        return run_dot(generate_dot(amap, options), fmt, timeout=timeout)
    raise RenderError(f"unknown format: {fmt!r} (must be one of {list(FORMATS)})")


OVERVIEW_FORMATS = ("svg", "png", "pdf", "dot", "html")


def _render_overview(amap: ArgMap, fmt: str, *, timeout: float | None) -> str | bytes:
    """The overview of ``amap`` in ``fmt``; in HTML, an explorer that opens each line."""
    from argmap.draw.overview import lines_of_argument, overview_source

    if fmt not in OVERVIEW_FORMATS:
        raise RenderError(
            f"the overview is drawn as {', '.join('.' + f for f in OVERVIEW_FORMATS)}, not .{fmt}"
        )
    lines = lines_of_argument(amap)
    source = overview_source(amap, lines)
    if fmt == "dot":
        return source
    if fmt != "html":
        return run_dot(source, fmt, timeout=timeout)
    from argmap.draw.explorer import generate_html

    svg = run_dot(source, "svg", timeout=timeout).decode("utf-8")
    return generate_html(amap, svg, lines=lines)


def _html_generator() -> Callable[[ArgMap, str], str]:
    """``argmap.draw.explorer.generate_html``, imported only when HTML is asked for."""
    import importlib

    try:
        module = importlib.import_module("argmap.draw.explorer")
    except ModuleNotFoundError as exc:
        if exc.name != "argmap.draw.explorer":
            raise
        raise RenderError(
            "the HTML explorer is not available in this version of argmap "
            "(argmap.draw.explorer is missing): write .svg instead"
        ) from None
    generate: Callable[[ArgMap, str], str] = module.generate_html
    return generate


_NODE_TITLE = re.compile(r"<title>([ci][0-9]+)</title>")


def _with_titles(svg: str, diagram: Diagram) -> str:
    """Replace the generated node names in ``<title>`` by what a reader should see."""
    titles = diagram.node_titles()

    def title(match: re.Match[str]) -> str:
        text = titles.get(match.group(1))
        return match.group(0) if text is None else f"<title>{escape(text)}</title>"

    return _NODE_TITLE.sub(title, svg)


def _first_line(stderr: bytes) -> str:
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines()]
    return next((line for line in lines if line), "no output and no message")
