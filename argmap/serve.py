"""``argmap serve``: a live preview of a map in the browser, redrawn as its files change.

One page on 127.0.0.1: the explorer of the map in a frame, and the findings below it,
each linked to its line in the claim file. A watcher (watchfiles) redraws when a
file of the map changes, and the page hears of it through server-sent events and
reloads itself. When a file breaks, the page shows the error and keeps the last good
drawing. Standard library HTTP server; no script from anywhere else.
"""

from __future__ import annotations

import html
import json
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from argmap.findings import Finding
from argmap.model import ArgMap

LOCALHOST = "127.0.0.1"
_LOAD_CODES = ("AM001", "AM002", "AM003", "AM004", "AM005")
"""Findings that mean a file did not load as written: the drawing would be wrong."""


@dataclass
class State:
    """What the page shows: the last good explorer, the findings, the current error."""

    version: int = 0
    explorer: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    title: str = "argmap preview"
    files: dict[str, str] = field(default_factory=dict)
    """Path shown in the page -> the file on disk (the only files served)."""


class Preview:
    """The map at ``path``, rebuilt on demand; waiters hear of each new version."""

    def __init__(self, path: Path, build: Callable[[Path], tuple[ArgMap, list[Finding]]]):
        self.path = path
        self.build = build
        self.state = State()
        self.changed = threading.Condition()
        self.stopping = False

    def rebuild(self) -> None:
        """Load, lint and draw again; keep the last good drawing when this one fails."""
        from argmap.draw.render import render

        state = self.state
        error: str | None = None
        explorer = state.explorer
        try:
            amap, findings = self.build(self.path)
            broken = [f for f in findings if f.code in _LOAD_CODES and f.acknowledged is None]
            if broken:
                first = broken[0]
                error = f"{first.span}: {first.message} (the drawing is the last good one)"
            else:
                drawn = render(amap, "html")
                explorer = drawn if isinstance(drawn, str) else drawn.decode("utf-8")
            title = amap.info.title if amap.info and amap.info.title else state.title
            files = {_shown(f, self.path): f for f in amap.files}
        except Exception as exc:  # a map a user can break must never stop the preview
            error = f"{type(exc).__name__}: {exc} (the drawing is the last good one)"
            findings, title, files = state.findings, state.title, state.files
        with self.changed:
            self.state = State(state.version + 1, explorer, findings, error, title, files)
            self.changed.notify_all()

    def wait(self, version: int, timeout: float) -> int:
        """The current version, once it differs from ``version`` (or after ``timeout``)."""
        with self.changed:
            self.changed.wait_for(
                lambda: self.state.version != version or self.stopping, timeout=timeout
            )
            return self.state.version

    def stop(self) -> None:
        with self.changed:
            self.stopping = True
            self.changed.notify_all()


def _shown(file: str, root: Path) -> str:
    base = root if root.is_dir() else root.parent
    try:
        return os.path.relpath(file, base)
    except ValueError:
        return file


def default_build(path: Path) -> tuple[ArgMap, list[Finding]]:
    """Load and lint the map with its ``[tool.argmap]`` settings."""
    from argmap.config import find_config
    from argmap.lint import LintOptions, lint
    from argmap.loading.build import load

    amap = load(path)
    config = find_config(path)
    options = LintOptions(source_roots=config.source_roots)
    return amap, lint(amap, select=config.select, ignore=config.ignore, options=options)


# -- the page ----------------------------------------------------------------------------

_SCRIPT = """\
"use strict";
const shown = Number(document.body.dataset.version);
const events = new EventSource("/events?since=" + shown);
events.onmessage = (event) => {
  if (Number(event.data) !== shown) { events.close(); location.reload(); }
};
"""

_STYLE = """\
body { font: 15px/1.4 system-ui, sans-serif; margin: 0; display: flex; flex-direction: column;
  height: 100vh; }
header { padding: .4rem 1rem; border-bottom: 1px solid #ccc; display: flex; gap: 1rem;
  align-items: baseline; }
header h1 { font-size: 1.1rem; margin: 0; }
.error { background: #fde8e8; color: #8a1010; padding: .5rem 1rem;
  border-bottom: 2px solid #8a1010; }
iframe { flex: 1; border: 0; width: 100%; }
#findings { max-height: 30vh; overflow: auto; border-top: 1px solid #ccc; padding: 0 1rem; }
#findings li { margin: .2rem 0; }
.acknowledged { color: #555; }
pre { counter-reset: line; }
pre a { display: block; color: inherit; text-decoration: none; }
pre a:target { background: #fff3b0; }
"""

_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'"
)


def page(state: State) -> str:
    """The preview page: error, explorer frame, findings linked to their lines."""
    e = html.escape
    error = f'<div class="error" role="alert">{e(state.error)}</div>' if state.error else ""
    frame = (
        f'<iframe title="the map" src="/explorer?v={state.version}"></iframe>'
        if state.explorer
        else "<p>No drawing yet: fix the error above.</p>"
    )
    failing = sum(1 for f in state.findings if f.acknowledged is None)
    items = "".join(_finding_item(f, state) for f in state.findings)
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        f"<title>{e(state.title)} (preview)</title>"
        '<link rel="stylesheet" href="/preview.css"></head>'
        f'<body data-version="{state.version}"><header><h1>{e(state.title)}</h1>'
        f"<span>{failing} open finding(s); redrawn when a claim file is saved</span></header>"
        f'{error}{frame}<section id="findings" aria-label="findings"><ul>{items}</ul></section>'
        '<script src="/preview.js"></script></body></html>\n'
    )


def _finding_item(finding: Finding, state: State) -> str:
    e = html.escape
    span = finding.span
    shown = next((k for k, v in state.files.items() if v == span.path), span.path)
    where = f"{shown}:{span.line}:{span.column}"
    link = (
        f'<a href="/file/{e(shown)}#L{span.line}">{e(where)}</a>'
        if shown in state.files
        else e(where)
    )
    note = f" (acknowledged: {e(finding.acknowledged)})" if finding.acknowledged else ""
    css = ' class="acknowledged"' if finding.acknowledged else ""
    return f"<li{css}>{link} {e(finding.code)} {e(finding.message)}{note}</li>"


def file_page(shown: str, text: str) -> str:
    """A claim file with numbered, linkable lines (``#L12``)."""
    e = html.escape
    lines = "".join(
        f'<a id="L{n}" href="#L{n}">{n:>4}  {e(line)}</a>'
        for n, line in enumerate(text.splitlines(), 1)
    )
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        f'<title>{e(shown)}</title><link rel="stylesheet" href="/preview.css"></head>'
        f'<body><header><h1>{e(shown)}</h1><a href="/">back to the map</a></header>'
        f"<pre>{lines}</pre></body></html>\n"
    )


# -- the server --------------------------------------------------------------------------


class _Handler(BaseHTTPRequestHandler):
    preview: Preview
    server_version = "argmap-serve"

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the terminal shows the URL and the errors only

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        state = self.preview.state
        if url.path == "/":
            self._send(page(state), "text/html")
        elif url.path == "/explorer" and state.explorer:
            self._send(state.explorer, "text/html")
        elif url.path == "/preview.js":
            self._send(_SCRIPT, "text/javascript")
        elif url.path == "/preview.css":
            self._send(_STYLE, "text/css")
        elif url.path == "/state.json":
            self._send(json.dumps(_state_json(state)), "application/json")
        elif url.path == "/events":
            self._events(url.query)
        elif url.path.startswith("/file/") and unquote(url.path[6:]) in state.files:
            shown = unquote(url.path[6:])
            text = Path(state.files[shown]).read_text(encoding="utf-8", errors="replace")
            self._send(file_page(shown, text), "text/html")
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def _send(self, body: str, kind: str) -> None:
        data = body.encode("utf-8")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(data)

    def _events(self, query: str) -> None:
        """Server-sent events: the version, now and whenever it changes."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        version = -1
        try:
            while not self.preview.stopping:
                current = self.preview.wait(version, timeout=15)
                if current == version:
                    self.wfile.write(b": still here\n\n")
                else:
                    self.wfile.write(f"data: {current}\n\n".encode())
                    version = current
                self.wfile.flush()
        except OSError:
            pass  # the page went away


def _state_json(state: State) -> dict[str, object]:
    return {
        "version": state.version,
        "error": state.error,
        "findings": [f.as_dict() for f in state.findings],
    }


class PreviewServer:
    """The HTTP server and the file watcher of one preview; ``stop`` ends both."""

    def __init__(self, preview: Preview, host: str = LOCALHOST, port: int = 8000) -> None:
        self.preview = preview
        handler = type("Handler", (_Handler,), {"preview": preview})
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self._stop_watching = threading.Event()
        self._threads: list[threading.Thread] = []
        self._started = 0.0

    @property
    def address(self) -> tuple[str, int]:
        host, port = self.httpd.server_address[:2]
        return str(host), int(port)

    @property
    def url(self) -> str:
        host, port = self.address
        return f"http://{host}:{port}/"

    def start(self) -> None:
        self._started = time.time()
        self.preview.rebuild()
        for target in (self.httpd.serve_forever, self._watch):
            thread = threading.Thread(target=target, daemon=True)
            thread.start()
            self._threads.append(thread)

    def _watch(self) -> None:
        from watchfiles import watch

        path = self.preview.path
        watching = False
        for changes in watch(
            path,
            stop_event=self._stop_watching,
            debounce=200,
            step=50,
            rust_timeout=500,
            yield_on_timeout=True,
        ):
            if not watching or any(_relevant(changed) for _, changed in changes):
                if watching or self._changed_since_start():
                    self.preview.rebuild()  # the first time: an edit before the watch began
                watching = True

    def _changed_since_start(self) -> bool:
        return any(_mtime(f) > self._started for f in self.preview.state.files.values())

    def stop(self, timeout: float = 5.0) -> None:
        self._stop_watching.set()
        self.preview.stop()
        self.httpd.shutdown()
        self.httpd.server_close()
        for thread in self._threads:
            thread.join(timeout)


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return 0.0


def _relevant(path: str) -> bool:
    """A change that can change the map: a claim file, or a source text."""
    name = os.path.basename(path)
    return not name.startswith(".") and name.endswith((".yaml", ".yml", ".txt"))
