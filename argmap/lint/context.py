"""What rules look at: the map, indexes over it built once, and the run's options."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from argmap.findings import Finding
from argmap.model import ArgMap, Source
from argmap.relations import Relations, relations_of
from argmap.sources import SourceText, read_text


@dataclass(frozen=True)
class LintOptions:
    """Options of one lint run."""

    source_roots: tuple[Path, ...] = ()
    """Directories outside the map that source texts may be read from."""
    read_source: Callable[[Source, tuple[Path, ...]], SourceText] = read_text
    """How a source's text is read and indexed: the language server keeps them between runs."""


@dataclass
class LintContext:
    """The map under lint, with lazily built indexes shared by the rules."""

    amap: ArgMap
    options: LintOptions = field(default_factory=LintOptions)

    def load_problems(self, code: str) -> Iterator[Finding]:
        return (f for f in self.amap.problems if f.code == code)

    @property
    def relations(self) -> Relations:
        """The map's relations, undercuts and answers (``argmap.relations``, built once)."""
        return relations_of(self.amap)

    @cached_property
    def source_texts(self) -> dict[str, SourceText]:
        """Source id -> its indexed text, or why it was refused or missing (read once)."""
        return {
            source.id: self.options.read_source(source, self.options.source_roots)
            for source in self.amap.source_by_id.values()
            if source.text is not None
        }

    @property
    def connected(self) -> frozenset[str]:
        """Ids of claims that take part in at least one relation or undercut, as written."""
        return self.relations.linked()
