"""PDF: the printable HTML printed to A4 by a headless Chromium, through Playwright."""

from __future__ import annotations

from argmap.debate.words import HandoutError


def chromium_path() -> str | None:
    """Debian's Chromium, or another Chromium on PATH."""
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)


def html_to_pdf(page: str) -> bytes:
    """Print an HTML page to A4 PDF with headless Chromium, with every network request refused."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise HandoutError(
            "PDF needs Playwright for Python (pip install playwright) and Chromium; "
            "or write .html and print it"
        ) from None
    executable = chromium_path()
    if executable is None:
        raise HandoutError(
            "PDF needs Chromium (apt-get install chromium); or write .html and print it"
        )
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=executable, args=list(CHROMIUM_ARGS)
            )
            try:
                tab = browser.new_page()
                tab.route("**/*", lambda route: route.abort())
                tab.set_content(page, wait_until="load")
                pdf: bytes = tab.pdf(format="A4", prefer_css_page_size=True)
            finally:
                browser.close()
    except PlaywrightError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise HandoutError(f"Chromium could not print the PDF: {first}") from None
    return pdf
