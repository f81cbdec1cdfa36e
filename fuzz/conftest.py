"""Hypothesis profiles for the fuzzers, chosen by ``ARGMAP_FUZZ`` (default: ``ci``).

- ``ci``: a bounded run for every CI build (about a minute on one core);
- ``dev``: ten times more, for a local check after touching the loader;
- ``long``: a hundred thousand examples per fuzzer, to run for real for a while.

Each profile has ``deadline=None``: a slow example is a finding for the resource-limited
tests in tests/hostile, not a flaky failure here.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    "print_blob": True,
}
settings.register_profile("ci", max_examples=120, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("dev", max_examples=1_200, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("long", max_examples=100_000, **_COMMON)  # type: ignore[arg-type]
settings.load_profile(os.environ.get("ARGMAP_FUZZ", "ci"))
