"""Issue 20, second round: output turned against its reader (8, 9), files that are not
files and permissions (12-15), what users cause (16), signals (18)."""

from __future__ import annotations

import json
import os
import re
import resource
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import argmap
from argmap.output import write
from argmap.terminal import escape
from tests.conftest import MapWriter, needs_dot

from .conftest import RunArgmap, limit_resources

# Cursor up, erase line (twice), to column 1, a fake all-clear, then hide what follows.
ERASER = "x\x1b[1A\x1b[2K\x1b[1A\x1b[2K\x1b[GNo problems found.\x1b[8m"
HOSTILE_CHARS = "\x1b\x00\x07\x08\x7f\x85\x9b\u202e\u2066\u200f\u2028"
RAW = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)
INJECTED_NAME = "a\n::error file=x.yaml,line=1::INJECTED.yaml"


def claims(reason: str = "later", text: str = "Said.") -> str:
    return (
        "party: p\nparties: {p: {name: P}, q: {name: Q}}\nsources: {s: {title: S}}\nclaims:\n"
        f"  - {{id: a, kind: allegation, text: {json.dumps(text)}, cite: {{source: s}},"
        f" ignore: {{AM201: {json.dumps(reason)}}}}}\n"
        "  - {id: b, party: q, text: Denied., rebuts: zz}\n"
    )


# -- 8: one escaper for every string that reaches a terminal or a CI log ----------------


@given(st.text())
def test_escape_leaves_no_control_character_and_keeps_printable_text(text: str) -> None:
    shown = escape(text)
    assert RAW.search(shown) is None
    assert "\n" not in shown and "\r" not in shown and "\t" not in shown
    if RAW.search(text) is None and not set(text) & set("\n\r\t"):
        assert shown == text


@given(st.text())
def test_json_style_escapes_keep_a_json_document_equal(text: str) -> None:
    document = json.dumps({"t": text}, ensure_ascii=False, indent=2)
    shown = escape(document, keep="\n", style="json")
    assert RAW.search(shown.replace("\n", "")) is None
    assert json.loads(shown) == {"t": text}


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_an_ignore_reason_cannot_erase_lines_or_fake_an_all_clear(
    write_map: MapWriter, run_argmap: RunArgmap, fmt: str
) -> None:
    root = write_map({"a.yaml": claims(reason=ERASER + HOSTILE_CHARS)})
    run = run_argmap("lint", "--no-config", "--format", fmt, root)
    assert run.code == 1
    assert RAW.search(run.stdout.replace("\n", "")) is None
    assert "\\x1b[1A" in run.stdout or "%1B" in run.stdout or "\\x1b" in run.stdout
    if fmt == "text":
        assert run.stdout.splitlines()[-1].startswith("Found 1 error(s)")


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--to", "argdown"),
        ("export", "--to", "json"),
        ("stats",),
        ("analyse",),
        ("lint", "--format", "sarif"),
        ("lint", "--format", "json"),
        ("lint", "--format", "junit"),
        ("lint", "--format", "gitlab"),
    ],
)
def test_claim_text_reaches_standard_output_escaped(
    write_map: MapWriter, run_argmap: RunArgmap, args: tuple[str, ...]
) -> None:
    root = write_map({"a.yaml": claims(text="T" + ERASER + HOSTILE_CHARS)})
    run = run_argmap(*args, root)
    assert RAW.search(run.stdout.replace("\n", "").replace("\t", "")) is None, run.stdout[:500]
    if args[-1] in ("json", "sarif", "gitlab"):
        json.loads(run.stdout)  # still a valid document, with the same strings


def test_analyse_of_an_iccma_file_escapes_argument_names(
    tmp_path: Path, run_argmap: RunArgmap
) -> None:
    framework = tmp_path / "f.apx"
    framework.write_text('arg("a\x1b[2Jb").\narg(c\u202e).\natt(c\u202e,"a\x1b[2Jb").\n')
    run = run_argmap("analyse", framework)
    assert RAW.search(run.stdout.replace("\n", "")) is None


# -- 9: no workflow command through a file name -----------------------------------------


@pytest.mark.parametrize("command", [("export", "--to", "json"), ("stats",)])
def test_a_file_name_cannot_start_a_workflow_command(
    write_map: MapWriter, run_argmap: RunArgmap, command: tuple[str, ...]
) -> None:
    root = write_map({"ok.yaml": claims(), INJECTED_NAME: "claims: [\n"})
    run = run_argmap(*command, root)
    assert "warning" in run.stderr
    assert not any(line.startswith("::") for line in run.stderr.splitlines()), run.stderr
    assert not any(line.startswith("::") for line in run.stdout.splitlines())


def test_a_file_name_in_a_github_annotation_stays_in_its_property(
    write_map: MapWriter, run_argmap: RunArgmap
) -> None:
    root = write_map({INJECTED_NAME: "claims: [\n"})
    run = run_argmap("lint", "--no-config", "--format", "github", root)
    lines = run.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::error file=")
    assert "INJECTED" in lines[0]


# -- 12: -o never replaces what is not a regular file ----------------------------------


def test_output_to_a_device_writes_to_it_and_leaves_it_a_device(
    write_map: MapWriter, run_argmap: RunArgmap, tmp_path: Path
) -> None:
    root = write_map({"a.yaml": claims()})
    link = tmp_path / "null-link"
    link.symlink_to("/dev/null")
    for target in (link, Path("/dev/null")):
        run = run_argmap("export", "--to", "json", "-o", target, root)
        assert run.code == 0, run.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert link.is_symlink()


def test_output_to_a_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    write(fifo, "through the pipe\n")
    out, _ = reader.communicate(timeout=30)
    assert out == b"through the pipe\n"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_output_through_a_link_to_standard_output(write_map: MapWriter, tmp_path: Path) -> None:
    root = write_map({"a.yaml": claims()})
    link = tmp_path / "stdout-link"
    link.symlink_to("/proc/self/fd/1")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "export", "--to", "json", "-o", str(link), str(root)],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)
    assert link.is_symlink()


# -- 13: the umask and an existing file's mode -----------------------------------------


def test_a_new_file_follows_the_umask_and_an_old_one_keeps_its_mode(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        write(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "new.txt").st_mode) == 0o600
    kept = tmp_path / "kept.txt"
    kept.write_text("old")
    kept.chmod(0o640)
    write(kept, "new")
    assert (stat.S_IMODE(os.stat(kept).st_mode), kept.read_text()) == (0o640, "new")
    old = os.umask(0o022)
    try:
        write(tmp_path / "open.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "open.txt").st_mode) == 0o644


# -- 14: a failed write to standard output is an error, not a quiet truncation --------


def test_standard_output_on_a_full_disk_is_exit_2(write_map: MapWriter) -> None:
    root = write_map({"a.yaml": claims()})
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "export", "--to", "json", str(root)],
            stdout=full,
            stderr=subprocess.PIPE,
            check=False,
        )
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert err.splitlines() == [err.splitlines()[0]]
    assert err.startswith("argmap: error: cannot write to standard output")


def test_standard_output_past_ulimit_f_is_exit_2(write_map: MapWriter, tmp_path: Path) -> None:
    root = write_map({"a.yaml": claims(text="long " * 20000)})
    limit = 4096

    def small_files() -> None:
        limit_resources()
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    with open(tmp_path / "out.json", "wb") as out:
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "export", "--to", "json", str(root)],
            stdout=out,
            stderr=subprocess.PIPE,
            preexec_fn=small_files,
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert b"cannot write to standard output" in done.stderr
    assert b"Traceback" not in done.stderr


# -- 15: long -o names ------------------------------------------------------------------


@pytest.mark.parametrize("length", [238, 250, 255])
def test_output_names_up_to_the_file_system_limit(tmp_path: Path, length: int) -> None:
    target = tmp_path / ("o" * (length - 5) + ".json")
    assert len(target.name) == length
    write(target, "{}\n")
    assert target.read_text() == "{}\n"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


# -- 16: what users cause is one clear line ---------------------------------------------


def test_a_path_too_long_for_the_system_is_one_line(run_argmap: RunArgmap) -> None:
    run = run_argmap("lint", "x" * 5000)
    assert run.code == 2
    assert "internal error" not in run.stderr


def test_an_empty_path_is_a_usage_error_not_the_working_directory(
    run_argmap: RunArgmap, tmp_path: Path
) -> None:
    for command in (("lint",), ("stats",), ("export", "--to", "json")):
        run = run_argmap(*command, "", cwd=tmp_path)
        assert run.code == 2, run


def test_a_deeply_nested_pyproject_is_one_line(
    write_map: MapWriter, run_argmap: RunArgmap, tmp_path: Path
) -> None:
    root = write_map({"a.yaml": claims()}, "project/claims")
    (tmp_path / "project" / "pyproject.toml").write_text(
        "[tool.argmap]\nx = " + "[" * 50000 + "]" * 50000 + "\n"
    )
    run = run_argmap("lint", root)
    assert run.code == 2 and "pyproject.toml" in run.stderr
    assert run_argmap("lint", "--no-config", root).code == 1


def test_a_path_that_is_a_symlink_loop_is_one_line(run_argmap: RunArgmap, tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    run = run_argmap("lint", loop)  # with the config lookup: no internal error
    assert run.code in (1, 2) and "symbolic links" in run.stdout + run.stderr


# -- 17: the settings of a parent project never apply ---------------------------------


def test_a_parent_projects_source_roots_cannot_reach_a_secret(
    write_map: MapWriter, run_argmap: RunArgmap, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is hunter2.\n")
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nsource-roots = ["/"]\n')
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "pyproject.toml").write_text('[project]\nname = "mine"\n')
    root = write_map(
        {
            "a.yaml": "party: p\nparties: {p: {name: P}}\n"
            f"sources: {{s: {{title: S, text: {json.dumps(str(secret))}}}}}\n"
            "claims:\n  - {id: a, text: A., cite: {source: s, quote: The password is hunt.}}\n"
        },
        "project/claims",
    )
    run = run_argmap("lint", "--format", "json", root)
    assert "hunter2" not in run.stdout


# -- 18: signals ------------------------------------------------------------------------


def _startup_import() -> tuple[str, str]:
    init = Path(argmap.__file__)
    lines = init.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("import argmap.startup"))
    return str(init), str(number)


STARTUP_IMPORT = _startup_import()


def test_ctrl_c_during_start_up_never_prints_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    tracebacks = []
    for attempt in range(24):
        child = subprocess.Popen(
            [sys.executable, "-m", "argmap", "lint", "--list-rules"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        time.sleep(0.005 * attempt)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)
        # Python's own start-up (site, runpy, finding argmap.startup itself) runs before
        # any code of argmap can: such a traceback names no argmap line but the import of
        # argmap.startup, and is out of argmap's reach.
        text = err.decode(errors="replace")
        frames = re.findall(r'File "([^"]*/argmap/[^"]*)", line (\d+)', text)
        if "Traceback" in text and any(frame != STARTUP_IMPORT for frame in frames):
            tracebacks.append(text)
    assert not tracebacks, tracebacks[0]


@needs_dot
def test_sigterm_during_render_leaves_no_dot_running(write_map: MapWriter, tmp_path: Path) -> None:
    lines = ["party: p", "parties: {p: {name: P}, q: {name: Q}}", "claims:"]
    lines += [
        f"  - {{id: c{i}, party: {'pq'[i % 2]}, text: Claim {i}., rebuts: c{(i * 7 + 1) % 1500}}}"
        for i in range(1500)
    ]
    root = write_map({"a.yaml": "\n".join(lines) + "\n"})
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "argmap",
            "render",
            "--force",
            "-o",
            str(tmp_path / "m.svg"),
            str(root),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    dots: list[int] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not dots and child.poll() is None:
        time.sleep(0.1)
        found = subprocess.run(
            ["pgrep", "-s", str(child.pid), "dot"], capture_output=True, text=True, check=False
        )
        dots = [int(p) for p in found.stdout.split()]
    if not dots:
        child.kill()
        pytest.skip("dot finished before it could be interrupted")
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 128 + signal.SIGTERM
    assert b"Traceback" not in err
    time.sleep(0.5)
    for pid in dots:
        assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text()
    assert not (tmp_path / "m.svg").exists()
