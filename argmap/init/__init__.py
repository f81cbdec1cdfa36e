"""``argmap init``: a starter map that lints clean, with the editor and CI wired up.

The templates are package data (``templates/``); the schema is written from
``argmap.schema`` so that a new map always validates against this version's format.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from argmap import __version__

SCHEMA_PATH = ".argmap/claim-file.schema.json"
"""Where the map keeps its JSON Schema; the claim files' modelines point here."""

STARTER: dict[str, str] = {
    "map.yaml": "map.yaml",
    "council.yaml": "council.yaml",
    "parents.yaml": "parents.yaml",
    "texts/minutes.txt": "minutes.txt",
    ".vscode/settings.json": "vscode-settings.json",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    ".github/workflows/argmap.yml": "workflow.yml",
}
"""File of the new map -> its template."""


class StarterExistsError(FileExistsError):
    """A file ``init`` would write is already there (and ``force`` was not given)."""


def starter_files(map_path: str = ".") -> dict[str, str]:
    """The starter map's files (relative path -> text); ``map_path`` is how CI names it."""
    from argmap.schema import schema_json

    folder = resources.files(__package__) / "templates"
    files = {
        target: (folder / template)
        .read_text(encoding="utf-8")
        .replace("{version}", __version__)
        .replace("{map}", map_path)
        for target, template in STARTER.items()
    }
    files[SCHEMA_PATH] = schema_json()
    return files


def create(directory: Path, *, map_path: str = ".", force: bool = False) -> list[Path]:
    """Write the starter map into ``directory``; the paths written, in order.

    Raises ``StarterExistsError`` naming the first file already there, unless ``force``.
    """
    from argmap.output import write

    files = starter_files(map_path)
    targets = [directory / name for name in files]
    if not force:
        _refuse_a_map(directory)
        for target in targets:
            if target.exists() or target.is_symlink():
                raise StarterExistsError(
                    f"{target} already exists; argmap init writes a new map only into "
                    "an empty directory (or pass --force to overwrite its starter files)"
                )
    for target, text in zip(targets, files.values(), strict=True):
        write(target, text)
    return targets


def _refuse_a_map(directory: Path) -> None:
    """A directory that already holds claim files holds a map: the starter would join it."""
    from argmap.loading.build import discover

    if directory.is_dir():
        files, _ = discover(directory)
        if files:
            raise StarterExistsError(
                f"{directory} already holds claim files ({files[0]}); start the new map in "
                "an empty directory (or pass --force to add the starter's files to it)"
            )
