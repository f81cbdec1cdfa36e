"""What rules look at: the map, indexes over it built once, and the run's options."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from argmap.findings import Finding
from argmap.model import ArgMap, Claim, Relation
from argmap.sources import SourceText, read_text


@dataclass(frozen=True)
class LintOptions:
    """Options of one lint run."""

    source_roots: tuple[Path, ...] = ()
    """Directories outside the map that source texts may be read from."""


@dataclass
class LintContext:
    """The map under lint, with lazily built indexes shared by the rules."""

    amap: ArgMap
    options: LintOptions = field(default_factory=LintOptions)

    def load_problems(self, code: str) -> Iterator[Finding]:
        return (f for f in self.amap.problems if f.code == code)

    @cached_property
    def relations(self) -> tuple[Relation, ...]:
        return self.amap.relations

    @cached_property
    def relation_kinds(self) -> dict[tuple[str, str], str]:
        """(source, target) -> 'supports' or 'rebuts'; the first one written wins."""
        kinds: dict[tuple[str, str], str] = {}
        for claim in self.amap.claims:  # in the order of amap.relations, without its records
            source = claim.id
            for ref in claim.supports:
                kinds.setdefault((source, ref.target), "supports")
            for ref in claim.rebuts:
                kinds.setdefault((source, ref.target), "rebuts")
        return kinds

    @cached_property
    def attackers(self) -> dict[str, list[Claim]]:
        """Claim id -> claims that rebut it or undercut a relation ending at it."""
        index: defaultdict[str, list[Claim]] = defaultdict(list)
        for claim in self.amap.claims:
            for ref in claim.rebuts:
                index[ref.target].append(claim)
            for undercut in claim.undercuts:
                if (undercut.source, undercut.target) in self.relation_kinds:
                    index[undercut.target].append(claim)
        return index

    @cached_property
    def source_texts(self) -> dict[str, SourceText]:
        """Source id -> its indexed text, or why it was refused or missing (read once)."""
        return {
            source.id: read_text(source, self.options.source_roots)
            for source in self.amap.source_by_id.values()
            if source.text is not None
        }

    @cached_property
    def connected(self) -> set[str]:
        """Ids of claims that take part in at least one relation or undercut."""
        ids: set[str] = set()
        add = ids.add
        for claim in self.amap.claims:
            if (
                claim.supports or claim.rebuts or claim.undercuts
            ):  # an isolated claim costs one test
                add(claim.id)
                for ref in claim.supports:
                    add(ref.target)
                for ref in claim.rebuts:
                    add(ref.target)
                for undercut in claim.undercuts:
                    add(undercut.source)
                    add(undercut.target)
        return ids
