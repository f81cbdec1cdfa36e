"""Hostile file systems: links that loop or leave the map, source paths that reach
outside it, files that cannot be read. Nothing outside the map is read unless a
trusted source root allows it, and what is refused never reaches any output.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from argmap.commands.export import EXPORTERS
from tests.conftest import MapWriter

from .conftest import LintJson, RunArgmap

MARKER = "ZQXJ-7731-CONFIDENTIAL"
SECRET_TEXT = (
    "Minutes of the closed session. The minister said that the harvest was burned in "
    f"the night by persons unknown, {MARKER}, and that nobody outside this room may know it.\n"
)
ALMOST = "the harvest was burnt in the night by persons unknown"
PARTIES = "parties: {p: {name: P}, q: {name: Q}}\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A directory beside the map holding a secret text and a secret claim file."""
    directory = tmp_path / "outside"
    directory.mkdir()
    (directory / "secret.txt").write_text(SECRET_TEXT, encoding="utf-8")
    (directory / "secret.yaml").write_text(f"{MARKER}: 1\n", encoding="utf-8")
    return directory


def citing(text_path: str, quote: str = ALMOST) -> str:
    """A valid claim file citing one source whose text is ``text_path``."""
    return (
        f"party: p\n{PARTIES}"
        f"sources:\n  s: {{title: Minutes, text: {text_path!r}}}\n"
        "claims:\n"
        "  - id: a\n    kind: allegation\n    text: It happened.\n"
        f"    cite: {{source: s, quote: {quote!r}}}\n"
        "  - {id: b, party: q, text: It was not., rebuts: a}\n"
    )


def every_output(run_argmap: RunArgmap, root: Path, workdir: Path, *options: str) -> Iterator[str]:
    """Everything argmap says about a map: lint reports, exports, diagrams, handouts."""
    for fmt in ("text", "json", "github", "sarif"):
        run = run_argmap("lint", "--no-config", "--format", fmt, *options, root)
        yield run.stdout + run.stderr
    for exported in EXPORTERS:
        run = run_argmap("export", "--no-config", "--to", exported, *options, root)
        yield run.stdout + run.stderr
    outputs = [("render", name) for name in ("m.dot", "m.mmd", "m.md", "m.svg", "m.html")]
    outputs += [("debate", name) for name in ("side.md", "side.html")]
    for command, name in outputs:
        target = workdir / name
        who = ("--side", "p") if command == "debate" else ()
        run = run_argmap(command, "--no-config", *who, *options, root, "-o", target)
        yield run.stdout + run.stderr
        if target.exists():
            yield target.read_text(encoding="utf-8", errors="replace")


def assert_never_shown(outputs: Iterator[str], *secrets: str) -> None:
    count = 0
    for output in outputs:
        count += 1
        for secret in secrets:
            assert secret not in output, output[:2000]
    assert count >= 4


# -- claim files: links ------------------------------------------------------------------


def test_symbolic_link_loops_are_findings(
    write_map: MapWriter, lint_json: LintJson, outside: Path
) -> None:
    root = write_map(
        {"a.yaml": f"party: p\n{PARTIES}claims:\n  - {{id: a, text: x, supports: b}}\n"}
    )
    (root / "loop1.yaml").symlink_to("loop2.yaml")
    (root / "loop2.yaml").symlink_to("loop1.yaml")
    (root / "self.yaml").symlink_to("self.yaml")
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to("..")  # a directory loop
    (root / "sub" / "here").symlink_to(".")

    run = lint_json(root)

    assert run.code == 1
    unreadable = sorted((Path(f["path"]).name, f["line"], f["column"]) for f in run.of("AM005"))
    assert unreadable == [("loop1.yaml", 1, 1), ("loop2.yaml", 1, 1), ("self.yaml", 1, 1)]
    assert all("link" in f["message"] for f in run.of("AM005"))
    assert len(run.of("AM102")) == 1  # a.yaml was read exactly once: no AM101 duplicates
    assert not run.of("AM101")


def test_links_that_leave_the_map_are_not_followed(
    write_map: MapWriter, lint_json: LintJson, outside: Path
) -> None:
    root = write_map({"a.yaml": f"party: p\n{PARTIES}"})
    (root / "evil.yaml").symlink_to(outside / "secret.yaml")
    (root / "sub").symlink_to(outside, target_is_directory=True)
    (root / "etc.yaml").symlink_to("/etc/passwd")
    (root / "zero.yaml").symlink_to("/dev/zero")
    (root / "broken.yaml").symlink_to(root / "nowhere.yaml")

    run = lint_json(root)

    assert run.code == 1
    found = {Path(f["path"]).name: f["message"] for f in run.of("AM005")}
    assert set(found) == {"evil.yaml", "sub", "etc.yaml", "zero.yaml", "broken.yaml"}
    for name in ("evil.yaml", "sub", "etc.yaml", "zero.yaml"):
        assert "leaves the map" in found[name]
    assert "broken" in found["broken.yaml"]
    assert MARKER not in run.stdout
    assert "root:" not in run.stdout


# -- source texts: confinement -----------------------------------------------------------

ESCAPES = {
    "parent": "../outside/secret.txt",
    "etc-passwd": "../" * 30 + "etc/passwd",
    "absolute": "{outside}/secret.txt",
    "link-inside-the-map": "link.txt",
    "through-a-directory-link": "door/secret.txt",
    "home": "~/.bashrc",
    "proc": "/proc/self/environ",
    "device": "/dev/zero",
}


@pytest.mark.parametrize("path", ESCAPES.values(), ids=ESCAPES.keys())
def test_source_text_outside_the_map_is_refused_and_never_read(
    path: str,
    tmp_path: Path,
    outside: Path,
    write_map: MapWriter,
    run_argmap: RunArgmap,
    lint_json: LintJson,
) -> None:
    root = write_map({"a.yaml": citing(path.format(outside=outside))})
    (root / "link.txt").symlink_to(outside / "secret.txt")
    (root / "door").symlink_to(outside, target_is_directory=True)

    run = lint_json(root)

    assert run.code == 1
    (refused,) = run.of("AM304")
    assert (refused["line"], refused["column"]) == (4, 29)
    assert "outside the map" in refused["message"]
    assert not run.of("AM302")  # the quote was not checked against anything
    assert_never_shown(
        every_output(run_argmap, root, tmp_path), MARKER, "root:x:", "burned in the night"
    )


MALFORMED = {
    "nul": ("a\\0b.txt", "NUL"),
    "unknown-user": ("~no-such-user-here/x.txt", "does not exist"),
    "home-and-nul": ("~\\0", "NUL"),  # found by fuzz/: expanduser raised ValueError
    "very-long": ("x" * 100_000, "cannot be read"),
    "very-deep": ("a/" * 5_000 + "x.txt", "cannot be read"),
}


@pytest.mark.parametrize(("path", "reason"), MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_source_path_is_a_warning_with_a_bounded_message(
    path: str, reason: str, write_map: MapWriter, lint_json: LintJson
) -> None:
    content = citing(path).replace(f"text: {path!r}", f'text: "{path}"')
    run = lint_json(write_map({"a.yaml": content}))

    assert run.code == 0
    (finding,) = run.findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("AM303", 4, 29)
    assert reason in finding["message"]
    assert len(finding["message"]) < 400


def test_trusted_source_root_allows_a_text_outside_the_map(
    outside: Path, write_map: MapWriter, lint_json: LintJson
) -> None:
    root = write_map({"a.yaml": citing("../outside/secret.txt")})

    run = lint_json(root, "--source-root", str(outside))

    assert run.code == 1
    assert not run.of("AM304")
    (misquote,) = run.of("AM302")
    assert "harvest was burned in the night" in misquote["message"]  # trusted, so shown


def test_trusted_source_root_from_the_project_configuration(
    tmp_path: Path, outside: Path, write_map: MapWriter, run_argmap: RunArgmap
) -> None:
    root = write_map({"a.yaml": citing("../outside/secret.txt", "the harvest was burned")})
    (tmp_path / "pyproject.toml").write_text(
        '[tool.argmap]\nsource-roots = ["outside"]\n', encoding="utf-8"
    )

    trusted = run_argmap("lint", "--format", "json", root)
    untrusted = run_argmap("lint", "--no-config", "--format", "json", root)

    assert (trusted.code, trusted.codes()) == (0, set())
    assert untrusted.code == 1
    assert untrusted.codes() == {"AM304"}


def test_closest_passage_quotes_only_a_permitted_file(
    tmp_path: Path, outside: Path, write_map: MapWriter, run_argmap: RunArgmap
) -> None:
    claims = citing("../outside/secret.txt").replace(
        "  - {id: b,",
        f"  - id: c\n    text: Same quote, permitted text.\n    supports: a\n"
        f"    cite: {{source: mine, quote: {ALMOST!r}}}\n  - {{id: b,",
    )
    claims = claims.replace("sources:\n", "sources:\n  mine: {title: Notes, text: notes.txt}\n")
    root = write_map(
        {
            "a.yaml": claims,
            "notes.txt": "Our notes say the barn was burnt at dawn by persons well known.\n",
        }
    )

    run = run_argmap("lint", "--no-config", "--format", "json", root)

    assert run.code == 1
    assert len(run.of("AM304")) == 1
    (misquote,) = run.of("AM302")
    assert "closest passage" in misquote["message"]
    assert "barn was burnt" in misquote["message"]
    assert_never_shown(every_output(run_argmap, root, tmp_path), MARKER, "harvest was burned")


# -- unreadable files ------------------------------------------------------------------


def test_fifo_claim_file_is_a_finding_not_a_hang(
    write_map: MapWriter, lint_json: LintJson, run_argmap: RunArgmap
) -> None:
    root = write_map({"a.yaml": f"party: p\n{PARTIES}"})
    os.mkfifo(root / "pipe.yaml")  # opening it for reading would wait for a writer forever

    run = lint_json(root)
    explicit = run_argmap("lint", "--no-config", "--format", "json", root / "pipe.yaml")

    assert run.code == 1
    (finding,) = run.findings()
    assert finding["code"] == "AM005"
    assert finding["path"].endswith("pipe.yaml")
    assert "not a regular file" in finding["message"]
    assert explicit.code == 1
    assert [f["code"] for f in explicit.findings()] == ["AM005"]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(os.mkfifo, "not a regular file", id="fifo"),
        pytest.param(os.mkdir, "is a directory", id="directory"),
    ],
)
def test_source_text_that_is_not_a_file_is_a_warning_not_a_hang(
    make: Callable[[Path], None], reason: str, write_map: MapWriter, lint_json: LintJson
) -> None:
    root = write_map({"a.yaml": citing("speech.txt")})
    make(root / "speech.txt")

    run = lint_json(root)

    assert run.code == 0  # a missing text is a warning: its quotes go unchecked
    (finding,) = run.findings()
    assert (finding["code"], finding["line"], finding["column"]) == ("AM303", 4, 29)
    assert reason in finding["message"]


def test_directory_named_like_a_claim_file_is_searched_not_read(
    write_map: MapWriter, lint_json: LintJson
) -> None:
    root = write_map(
        {
            "a.yaml": f"party: p\n{PARTIES}",
            "more.yaml/b.yaml": "claims:\n  - {id: b, party: p, text: x, supports: nowhere}\n",
        }
    )

    run = lint_json(root)

    (finding,) = run.findings()
    assert finding["code"] == "AM102"
    assert finding["path"].endswith("more.yaml/b.yaml")


@pytest.mark.skipif(
    IS_ROOT,
    reason="runs as root here: chmod 000 does not deny root reads, so nothing is unreadable; "
    "the FIFO and directory tests above cover unreadable claim files and source texts",
)
def test_unreadable_file_and_directory_are_findings(
    write_map: MapWriter, lint_json: LintJson
) -> None:
    root = write_map(
        {
            "a.yaml": citing("speech.txt"),
            "locked.yaml": "claims: []\n",
            "private/b.yaml": "claims: []\n",
            "speech.txt": SECRET_TEXT,
        }
    )
    for name in ("locked.yaml", "speech.txt"):
        (root / name).chmod(0)
    (root / "private").chmod(0)
    try:
        run = lint_json(root)
    finally:
        (root / "private").chmod(stat.S_IRWXU)

    assert run.code == 1
    unreadable = sorted(Path(f["path"]).name for f in run.of("AM005"))
    assert unreadable == ["locked.yaml", "private"]
    (missing,) = run.of("AM303")
    assert "cannot be read" in missing["message"]
    assert MARKER not in run.stdout


@pytest.mark.parametrize("fmt", ["aif", "argdown", "json"])
def test_importing_json_nested_200000_deep_is_a_clear_error(
    fmt: str, tmp_path: Path, run_argmap: RunArgmap
) -> None:
    nested = tmp_path / "deep.json"
    nested.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")

    run = run_argmap("import", fmt, nested, "-o", tmp_path / "out")

    assert run.code == 2
    assert "nested too deeply" in run.stderr
    assert not (tmp_path / "out").exists()
