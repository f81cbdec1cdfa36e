"""The map over time: when a claim was said, the map as of a date, what a change does.

``said_period`` says when a claim was made; ``as_of`` keeps what had been said by a
date; ``diff`` compares two maps (directories, git revisions or dates).
"""

from __future__ import annotations

from argmap.history.said import is_said_by, said_period

__all__ = ["is_said_by", "said_period"]
