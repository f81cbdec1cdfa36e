"""Some files of a map, checked within the whole map (``argmap lint FILE``, editors).

Claims reference each other across files, so a file linted alone would report every
reference into another file as dangling. ``lint_within_map`` loads the whole map the
files belong to, optionally with an unsaved buffer in place of one of them, lints it,
and keeps only the findings in those files.

The map root of a file is found by walking up from its directory:

- a directory holding a ``map.yaml``, or an argmap config (``argmap.toml``,
  ``.argmap.toml``, ``pyproject.toml``), ``.git``, or the ``.argmap`` folder of
  ``argmap init`` is the root, at the latest;
- before that, the walk goes up only while the parent directory itself holds claim
  files (``*.yaml``, ``*.yml``): the highest directory of claim files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.findings import Finding
    from argmap.model import ArgMap

_ROOT_MARKERS = (
    "map.yaml",
    "map.yml",
    "argmap.toml",
    ".argmap.toml",
    "pyproject.toml",
    ".git",
    ".argmap",  # the schema folder of a map that argmap init started
)
_SUFFIXES = (".yaml", ".yml")


def map_root(file: str | os.PathLike[str]) -> Path:
    """The directory of the map that ``file`` (a claim file, existing or not) belongs to.

    Walks up while the parent directory holds claim files too, stopping at a project
    root marker, and never above the working directory when the file is below it.
    """
    here = Path(os.path.abspath(file)).parent
    cwd = Path(os.path.abspath(os.curdir))
    below_cwd = here == cwd or cwd in here.parents
    while True:
        if _any_exists(here, _ROOT_MARKERS) or here.parent == here:
            return here
        if below_cwd and here == cwd:
            return here
        if not _holds_claim_files(here.parent):
            return here
        here = here.parent


def _any_exists(directory: Path, names: Sequence[str]) -> bool:
    for name in names:
        try:
            if (directory / name).exists():
                return True
        except OSError:
            continue
    return False


def _holds_claim_files(directory: Path) -> bool:
    try:
        with os.scandir(directory) as entries:
            return any(e.name.endswith(_SUFFIXES) and e.is_file() for e in entries)
    except OSError:
        return False


def load_within_map(
    files: Sequence[str], texts: Mapping[str, bytes | str] | None = None
) -> tuple[ArgMap, set[str]]:
    """The whole map of ``files`` (one map: the first file's), and their real paths.

    Paths in the map read relative to the working directory when the map is below it.
    """
    root = map_root(files[0])
    shown = os.path.relpath(root)
    if shown.startswith(os.pardir):
        shown = str(root)
    return load_with(Path(shown), texts or {}), {os.path.realpath(f) for f in files}


def load_with(root: Path, texts: Mapping[str, bytes | str]) -> ArgMap:
    """The map at ``root``, with ``texts`` (path -> content) read in place of those files.

    A path of ``texts`` that is not a file of the map yet (a new, unsaved buffer) is
    read as one more file of it.
    """
    from argmap.loading.build import assemble, discover, read_file, read_file_text

    buffers = {os.path.realpath(path): (path, text) for path, text in texts.items()}
    files, problems = discover(root)
    records = []
    for file in files:
        buffer = buffers.pop(os.path.realpath(file), None)
        if buffer is None:
            records.append(read_file(file, root))
        else:
            records.append(read_file_text(buffer[1], str(file), root))
    for path, text in buffers.values():
        records.append(read_file_text(text, path, root))
    return assemble(root, records, problems)


def only_in(findings: Sequence[Finding], files: set[str]) -> list[Finding]:
    """The findings located in one of ``files`` (real paths)."""
    return [f for f in findings if os.path.realpath(f.span.path) in files]


def lint_within_map(
    files: Sequence[str],
    texts: Mapping[str, bytes | str] | None = None,
    linter: Callable[[ArgMap], list[Finding]] | None = None,
) -> tuple[ArgMap, list[Finding]]:
    """Lint the whole map of ``files``; the findings in ``files`` alone.

    ``linter`` lints a map (default: every rule, ``argmap.lint.lint``).
    """
    if linter is None:
        from argmap.lint import lint

        linter = lint
    amap, wanted = load_within_map(files, texts)
    return amap, only_in(linter(amap), wanted)
