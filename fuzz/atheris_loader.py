"""Coverage-guided fuzzing of claim-file loading with atheris (libFuzzer for Python).

Each input is one claim file's bytes: it is loaded as a map, linted with every rule and
reported in every format. Any exception that leaves argmap is a crash; libFuzzer's
``-rss_limit_mb`` and ``-timeout`` catch memory and time blow-ups.

Not run in CI (the hypothesis fuzzers are); run it by hand for as long as you like::

    .venv/bin/pip install atheris          # a wheel for CPython 3.11 on Linux x86-64
    mkdir -p .fuzz-corpus
    .venv/bin/python fuzz/atheris_loader.py .fuzz-corpus claims/ \\
        -max_total_time=600 -rss_limit_mb=1024 -timeout=10

The first directory collects the inputs that reach new code; the others seed it (the
shipped map's files are a good start). A crash is written to ``crash-<sha1>``; replay it
with ``.venv/bin/python fuzz/atheris_loader.py crash-<sha1>``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports(include=["argmap"]):
    from argmap.lint import lint
    from argmap.lint.report import FORMATS, render
    from argmap.loading.build import load

_DIRECTORY = Path(tempfile.mkdtemp(prefix="argmap-atheris-"))
_FILE = _DIRECTORY / "fuzz.yaml"


def test_one_input(data: bytes) -> None:
    """Load, lint and report one claim file; whatever it holds, nothing may raise.

    No ``gc.collect()`` here on purpose: argmap pauses the cycle collector while it
    loads and lints (argmap/gc_pause.py), so a reference cycle left per file would pile
    up in this long-lived process until ``-rss_limit_mb`` reports it, as it once did.
    """
    _FILE.write_bytes(data)
    amap = load(_DIRECTORY)
    findings = lint(amap)
    for fmt in FORMATS:
        render(findings, fmt)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
