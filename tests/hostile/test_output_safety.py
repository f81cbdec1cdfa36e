"""Output safety: every file is written atomically by ``argmap.output.write``; a failed or
interrupted run leaves the previous file intact and no partial file; ``-o`` never
overwrites a claim file.
"""

from __future__ import annotations

import ast
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

import argmap
from argmap import output
from argmap.output import OutputError, write
from tests.conftest import MapWriter

from .conftest import WALL_SECONDS, RunArgmap, limit_resources

PACKAGE = Path(argmap.__file__).parent
CLAIMS = """\
party: p
parties: {p: {name: P}, q: {name: Q}}
claims:
  - {id: a, kind: allegation, text: Said., cite: {source: s}}
  - {id: b, party: q, text: Denied., rebuts: a}
sources: {s: {title: S}}
"""

# -- one writer -----------------------------------------------------------------------

_OS_WRITES = {"link", "symlink", "remove", "unlink", "rename", "renames", "replace", "truncate"}
_OS_WRITES |= {"mkdir", "makedirs", "rmdir", "removedirs", "mkfifo"}
_SHUTIL_WRITES = {"copy", "copy2", "copyfile", "copytree", "copyfileobj", "move", "rmtree"}
_TEMPFILES = {"mkstemp", "mkdtemp", "NamedTemporaryFile", "TemporaryFile", "TemporaryDirectory"}
_PATH_WRITES = {"write_text", "write_bytes", "touch", "symlink_to", "hardlink_to", "mkdir"}
_STREAM_DUMPS = {"dump", "safe_dump", "dump_all", "safe_dump_all"}
_WRITE_FLAGS = {"O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND", "O_TMPFILE"}


def _writes(call: ast.Call) -> str | None:
    """Why ``call`` may write a file, or None."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    owner = getattr(func.value, "id", "") if isinstance(func, ast.Attribute) else ""
    shown = f"{ast.unparse(func)}()"
    if (name in ("open", "fdopen") and owner != "os") or (name == "fdopen" and owner == "os"):
        is_method = isinstance(func, ast.Attribute) and owner not in ("io", "builtins", "os")
        position = 0 if is_method else 1  # Path.open(mode) or open(file, mode)
        mode = call.args[position] if len(call.args) > position else None
        mode = next((k.value for k in call.keywords if k.arg == "mode"), mode)
        if mode is not None and (
            not isinstance(mode, ast.Constant) or set(str(mode.value)) & set("wax+")
        ):
            return f"{shown} with mode {ast.unparse(mode)}"
        return None
    if name == "open" and owner == "os":
        flags = {n.attr for n in ast.walk(call) if isinstance(n, ast.Attribute)}
        return "os.open() for writing" if flags & _WRITE_FLAGS else None
    if (
        (owner == "os" and name in _OS_WRITES)
        or (owner == "shutil" and name in _SHUTIL_WRITES)
        or name in _TEMPFILES
        or (owner != "os" and name in _PATH_WRITES)
    ):
        return shown
    has_stream = len(call.args) > 1 or any(k.arg == "stream" for k in call.keywords)
    if owner in ("yaml", "json") and name in _STREAM_DUMPS and has_stream:
        return f"{shown} to a stream"
    return None


def _python_files() -> Iterator[Path]:
    return (p for p in sorted(PACKAGE.rglob("*.py")) if p != Path(output.__file__))


def test_only_argmap_output_writes_files() -> None:
    offenders = []
    for path in _python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (why := _writes(node)):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {why}")
    assert offenders == [], "write files only through argmap.output.write:\n" + "\n".join(offenders)


def test_the_scan_would_see_a_writer() -> None:
    snippets = [
        "open(p, 'w')",
        "open(p, mode='ab')",
        "Path(p).write_text(t)",
        "path.open('w')",
        "os.replace(a, b)",
        "shutil.copy(a, b)",
        "os.open(p, os.O_WRONLY | os.O_CREAT)",
        "json.dump(x, handle)",
        "yaml.safe_dump(x, handle)",
        "open(p, mode)",
    ]
    for snippet in snippets:
        (call,) = [n for n in ast.walk(ast.parse(snippet)) if isinstance(n, ast.Call)][:1]
        assert _writes(call), snippet
    for harmless in ["open(p, 'rb')", "open(p)", "text.replace('a', 'b')", "yaml.dump(x)"]:
        call = next(n for n in ast.walk(ast.parse(harmless)) if isinstance(n, ast.Call))
        assert _writes(call) is None, harmless


# -- atomic writes --------------------------------------------------------------------


@pytest.fixture(params=["unnamed", "named"])
def writer_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways ``write`` creates its temporary: Linux's unnamed file, a named one."""
    if request.param == "named":
        monkeypatch.setattr(output, "_write_unnamed", lambda target, payload, mode: False)
    return str(request.param)


def test_a_write_replaces_the_file_and_leaves_nothing_else(
    tmp_path: Path, writer_path: str
) -> None:
    target = tmp_path / "out" / "map.svg"
    write(target, "first")
    write(target, b"second")
    assert target.read_bytes() == b"second"
    assert os.listdir(target.parent) == ["map.svg"]
    assert target.stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, SystemExit])
def test_interrupted_write_leaves_the_previous_file_and_no_partial_one(
    interruption: type[BaseException],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    writer_path: str,
) -> None:
    target = tmp_path / "report.json"
    target.write_text("previous", encoding="utf-8")

    def interrupted(src: object, dst: object) -> None:
        raise interruption()

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(interruption):
        write(target, "x" * 1_000_000)

    assert target.read_text(encoding="utf-8") == "previous"
    assert os.listdir(tmp_path) == ["report.json"]


def test_failed_write_is_an_output_error_and_keeps_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer_path: str
) -> None:
    target = tmp_path / "report.json"
    target.write_text("previous", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OutputError, match=r"cannot write .*No space left on device"):
        write(target, "new")

    assert target.read_text(encoding="utf-8") == "previous"
    assert os.listdir(tmp_path) == ["report.json"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux's O_TMPFILE")
def test_process_killed_mid_write_leaves_the_previous_file_and_nothing_else(
    tmp_path: Path, write_map: MapWriter
) -> None:
    root = write_map({"a.yaml": CLAIMS})
    out = tmp_path / "out"
    out.mkdir()
    report = out / "report.txt"
    report.write_text("previous report\n", encoding="utf-8")
    program = textwrap.dedent(
        f"""
        import os, signal
        from argmap import output
        from argmap.cli import main

        def killed(fd):  # the data is written, not yet renamed: SIGKILL, no clean-up
            os.kill(os.getpid(), signal.SIGKILL)

        output.os.fsync = killed
        main(["lint", "--no-config", {str(root)!r}, "-o", {str(report)!r}])
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        preexec_fn=limit_resources,
        timeout=WALL_SECONDS,
        check=False,
    )

    assert completed.returncode == -signal.SIGKILL
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert os.listdir(out) == ["report.txt"]


def test_failing_graphviz_leaves_the_previous_diagram(
    tmp_path: Path, write_map: MapWriter, run_argmap: RunArgmap
) -> None:
    root = write_map({"a.yaml": CLAIMS})
    fake = tmp_path / "bin"
    fake.mkdir()
    dot = fake / "dot"
    dot.write_text("#!/bin/sh\nprintf '<svg><g>half a dia'\necho 'out of memory' >&2\nexit 1\n")
    dot.chmod(0o755)
    out = tmp_path / "out"
    out.mkdir()
    diagram = out / "map.svg"
    diagram.write_text("<svg>previous</svg>", encoding="utf-8")

    run = run_argmap(
        "render", "--no-config", root, "-o", diagram, env={**os.environ, "PATH": str(fake)}
    )

    assert run.code == 2
    assert "dot" in run.stderr
    assert diagram.read_text(encoding="utf-8") == "<svg>previous</svg>"
    assert os.listdir(out) == ["map.svg"]


# -- never over a claim file -------------------------------------------------------------


def _commands() -> Iterator[tuple[str, ...]]:
    yield ("lint", "--format", "json")
    yield ("render",)
    yield ("export", "--to", "json")
    yield ("debate", "--side", "p")


@pytest.mark.parametrize("command", list(_commands()), ids=lambda c: c[0])
@pytest.mark.parametrize("alias", ["itself", "relative", "symlink", "hardlink"])
def test_output_never_overwrites_a_claim_file_of_the_map(
    command: tuple[str, ...],
    alias: str,
    tmp_path: Path,
    write_map: MapWriter,
    run_argmap: RunArgmap,
) -> None:
    root = write_map({"a.yaml": CLAIMS, "sub/b.yaml": "claims: []\n"})
    claim_file = root / "a.yaml"
    before = claim_file.read_bytes()
    target = {
        "itself": claim_file,
        "relative": root / "sub" / ".." / "a.yaml",
        "symlink": tmp_path / "link.yaml",
        "hardlink": tmp_path / "hard.yaml",
    }[alias]
    if alias == "symlink":
        target.symlink_to(claim_file)
    elif alias == "hardlink":
        os.link(claim_file, target)

    run = run_argmap(command[0], "--no-config", *command[1:], root, "-o", target)

    assert run.code == 2
    # render and debate refuse a .yaml suffix even before they would write
    assert "refusing to overwrite claim file" in run.stderr or "format" in run.stderr
    assert claim_file.read_bytes() == before
    assert sorted(os.listdir(root)) == ["a.yaml", "sub"]
    if alias == "hardlink":
        assert claim_file.stat().st_nlink == 2


_NAMED_LIKE_OUTPUT = {"lint": "claims.yaml", "render": "claims.dot", "export": "claims.json"}
_NAMED_LIKE_OUTPUT["debate"] = "claims.md"


@pytest.mark.parametrize("command", list(_commands()), ids=lambda c: c[0])
def test_output_never_overwrites_a_claim_file_given_by_name(
    command: tuple[str, ...], write_map: MapWriter, run_argmap: RunArgmap
) -> None:
    name = _NAMED_LIKE_OUTPUT[command[0]]
    root = write_map({name: CLAIMS})
    claim_file = root / name
    before = claim_file.read_bytes()

    run = run_argmap(command[0], "--no-config", *command[1:], claim_file, "-o", claim_file)

    assert run.code == 2
    assert "refusing to overwrite claim file" in run.stderr
    assert claim_file.read_bytes() == before
    assert os.listdir(root) == [name]
