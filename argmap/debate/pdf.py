"""PDF: the printable HTML typeset for A4 by WeasyPrint (CSS paged media: page numbers,
no card split across a page break), with the page's title as the PDF's title and a text
layer. WeasyPrint is the ``pdf`` extra: ``pip install 'argmap[pdf]'``."""

from __future__ import annotations

from argmap.debate.words import HandoutError

INSTALL = "pip install 'argmap[pdf]'"


def html_to_pdf(page: str) -> bytes:
    """Typeset an HTML page as PDF; nothing is fetched (the page has no outside resource)."""
    try:
        import weasyprint  # type: ignore[import-untyped]
    except ImportError:
        raise HandoutError(
            f"writing a PDF needs WeasyPrint: {INSTALL} (or write .html and print it)"
        ) from None
    except OSError as exc:  # WeasyPrint is there but Pango, its text engine, is not
        raise HandoutError(
            f"WeasyPrint cannot start ({str(exc).splitlines()[0]}): install Pango "
            "(apt-get install libpango-1.0-0 libpangoft2-1.0-0), or write .html"
        ) from None

    def refuse(url: str, timeout: int = 10, ssl_context: object = None) -> dict[str, object]:
        raise ValueError(f"a handout fetches nothing ({url})")

    document = weasyprint.HTML(string=page, url_fetcher=refuse)
    pdf: bytes = document.write_pdf()
    return pdf
