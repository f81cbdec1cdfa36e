"""Names made unique by a number (``x``, ``x-2``, ``x-3``...), in time linear in the names.

Importers turn other tools' ids and speakers into claim and party ids, and the claim
file writer turns party ids into file names; many may come out the same (20,000
node ids that all sanitise to ``aif-x``). Each stem remembers the last number it
gave, so a run of collisions does not count up from 2 every time.
"""

from __future__ import annotations

from collections.abc import Iterable


class UniqueNames:
    """Hands out names not given before (compared after ``str.lower`` when ``fold``)."""

    def __init__(self, taken: Iterable[str] = (), *, fold: bool = False) -> None:
        self.fold = fold
        self.taken: set[str] = {self._key(name) for name in taken}
        self.last: dict[str, int] = {}

    def _key(self, name: str) -> str:
        return name.lower() if self.fold else name

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._key(name) in self.taken

    def take(self, name: str) -> None:
        """Mark ``name`` as given (a name kept as it is)."""
        self.taken.add(self._key(name))

    def unique(self, wanted: str, suffix: str = "") -> str:
        """``wanted + suffix``, or ``wanted-N + suffix`` with the first free N from 2."""
        candidate = wanted + suffix
        if self._key(candidate) in self.taken:
            number = self.last.get(self._key(wanted), 1)
            while True:
                number += 1
                candidate = f"{wanted}-{number}{suffix}"
                if self._key(candidate) not in self.taken:
                    break
            self.last[self._key(wanted)] = number
        self.taken.add(self._key(candidate))
        return candidate
