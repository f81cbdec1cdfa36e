"""The sides of a debate: the parties of the map."""

from __future__ import annotations

from argmap.model import ArgMap


class UnknownSide(ValueError):
    """A side that is not a party of the map; the message lists the parties."""


def party_ids(amap: ArgMap) -> tuple[str, ...]:
    """The parties of the map: those declared, then any that claims use without declaring."""
    found = dict.fromkeys(amap.party_by_id)
    for claim in amap.claim_by_id.values():
        if claim.party:
            found.setdefault(claim.party)
    return tuple(found)
