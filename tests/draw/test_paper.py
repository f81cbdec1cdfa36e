"""Pages that print: ``render --paper`` gives a PDF with no character under 8 pt."""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, mult

from argmap.draw.paper import MIN_TEXT, PAPERS
from tests.conftest import SHIPPED_MAP, MapWriter, RunCli, needs_dot


def printed_sizes(pdf: bytes) -> list[list[tuple[str, float]]]:
    """Per page, each piece of text with its printed size in points (font size x CTM x Tm)."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        found: list[tuple[str, float]] = []
        page.extract_text(visitor_text=_collector(found))
        pages.append(found)
    return pages


def _collector(found: list[tuple[str, float]]) -> Callable[..., None]:
    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            a, b, c, d = mult(tm, cm)[:4]
            found.append((text, size * math.sqrt(abs(a * d - b * c))))

    return visit


@needs_dot
@pytest.mark.parametrize(("paper", "landscape"), [("a4", False), ("letter", True)])
def test_the_shipped_map_prints_with_no_text_under_8_pt(
    paper: str, landscape: bool, tmp_path: Path, run_cli: RunCli
) -> None:
    output = tmp_path / "map.pdf"
    landscaped = ["--landscape"] if landscape else []
    code, _, err = run_cli("render", SHIPPED_MAP, "-o", output, "--paper", paper, *landscaped)
    assert (code, err) == (0, "")
    pdf = output.read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    width, height = PAPERS[paper]
    if landscape:
        width, height = height, width
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (
            round(width),
            round(height),
        )
    sizes = printed_sizes(pdf)
    assert len(sizes) > 1  # too large for one page: an overview and its lines
    every = [size for page in sizes for _, size in page]
    assert every and min(every) >= MIN_TEXT - 0.01, min(every)
    first = " ".join(text for text, _ in sizes[0])
    assert "claims" in first  # the overview's boxes count their claims
    text = " ".join(t for page in sizes for t, _ in page)
    for claim_id in ("united-center", "no-contact-after-1927"):  # every line is printed
        assert claim_id.split("-")[0] in text


@needs_dot
def test_a_small_map_fits_one_page(tmp_path: Path, run_cli: RunCli, write_map: MapWriter) -> None:
    mapdir = write_map(
        {"m.yaml": "parties: {p: {name: P}, d: {name: D}}\nclaims:\n"
         "  - {id: a, party: p, kind: allegation, text: A charge.}\n"
         "  - {id: b, party: d, text: An answer., rebuts: a}\n"}
    )  # fmt: skip
    output = tmp_path / "small.pdf"
    assert run_cli("render", mapdir, "-o", output, "--paper", "a3")[0] == 0
    sizes = printed_sizes(output.read_bytes())
    assert len(sizes) == 1
    assert min(size for _, size in sizes[0]) >= MIN_TEXT


def test_paper_needs_a_pdf_and_landscape_needs_paper(tmp_path: Path, run_cli: RunCli) -> None:
    code, _, err = run_cli("render", SHIPPED_MAP, "-o", tmp_path / "x.svg", "--paper", "a4")
    assert code == 2 and "--paper lays out a PDF" in err
    code, _, err = run_cli("render", SHIPPED_MAP, "-o", tmp_path / "x.pdf", "--landscape")
    assert code == 2 and "--landscape needs --paper" in err
