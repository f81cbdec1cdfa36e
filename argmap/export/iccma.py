"""A map's attack graph in the ICCMA formats: ASPARTIX ``.apx``, ``.tgf``, ICCMA 2023.

Thin adapters for ``argmap export --to apx|tgf|i23``: the framework (the bipolar
reading of ``argmap.analysis.framework``) and the writers live in ``argmap.analysis``.
"""

from __future__ import annotations

from argmap.model import ArgMap


def generate_apx(amap: ArgMap) -> str:
    """``arg(a).`` and ``att(a,b).`` facts, one per line."""
    from argmap.analysis.iccma import export_apx

    return export_apx(amap)


def generate_tgf(amap: ArgMap) -> str:
    """Argument names, a ``#`` line, then attack lines."""
    from argmap.analysis.iccma import export_tgf

    return export_tgf(amap)


def generate_i23(amap: ArgMap) -> str:
    """ICCMA 2023 ``p af N`` with the numbering of names kept as comments."""
    from argmap.analysis.iccma import export_i23

    return export_i23(amap)
