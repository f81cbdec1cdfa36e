"""Pause Python's cycle collector while a large, acyclic structure is built or read."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

FULL_COLLECTION_EVERY = 64
"""One pause in this many ends with a full collection instead of a promotion."""

_pauses = 0


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cycle collector for the ``with`` block, then restore it as it was.

    A loaded map is millions of small acyclic objects (tuples, dicts, records). Each
    one allocated counts towards the next collection, which walks the survivors again
    and again: on a map of 100,000 claims that is about half the time of loading.
    Reference counting still frees whatever is dropped, so the pause loses nothing.

    At the end, what the block allocated is moved to the oldest generation (by
    ``freeze`` then ``unfreeze``), where the collector would put it anyway after two
    collections that find nothing, without walking the map twice to get there (0.3 s
    on 100,000 claims). It is skipped when the program froze objects of its own, so as
    not to thaw them. The collector does not count objects moved that way towards its
    next full collection, so a reference cycle left by a block (argmap makes none, and
    tests/test_gc_pause.py keeps it so) would wait for one: every
    ``FULL_COLLECTION_EVERY``-th pause ends with a full collection instead, so that in
    a long-lived process calling ``load`` again and again such garbage stays bounded.
    """
    global _pauses
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        _pauses += 1
        if was_enabled and _pauses % FULL_COLLECTION_EVERY == 0:
            gc.collect()
        elif gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()
