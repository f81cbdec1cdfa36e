"""``argmap serve``: the live preview, in the real Chromium, redrawn as files change."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from argmap.init import create
from tests.conftest import needs_dot

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.dot,
    needs_dot,
]


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    root = tmp_path / "map"
    create(root)
    return root


@pytest.fixture
def served(starter: Path) -> Iterator[str]:
    """``argmap serve`` on a free port; stopped (SIGTERM, 10 s at most) after the test."""
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", str(starter), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"http://[0-9.]+:[0-9]+/", line)
        assert match, (
            f"no URL in {line!r}; stderr: {process.stderr.read() if process.stderr else ''}"
        )
        yield match.group(0)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            pytest.fail("argmap serve did not stop within 10 s of SIGTERM")


def listening_addresses(port: int) -> set[str]:
    """The local addresses (hex, as /proc/net/tcp{,6} write them) listening on ``port``."""
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text().splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_listens_on_127_0_0_1_only(served: str) -> None:
    port = int(served.rstrip("/").rsplit(":", 1)[1])
    assert served.startswith("http://127.0.0.1:")
    assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, and nothing else


def test_the_page_shows_the_map_and_follows_edits(
    served: str, starter: Path, browser: Browser
) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(served)
    frame = page.frame_locator("iframe")
    frame.locator("svg").first.wait_for(state="attached", timeout=15000)
    assert "A later start to the school day" in page.locator("h1").inner_text()
    assert frame.locator("svg").get_by_text("buses cost more", exact=False).count() > 0

    council = starter / "council.yaml"
    council.write_text(
        council.read_text().replace(
            "A later start would make the school buses cost more.",
            "A later start would make the school buses far dearer.",
        )
    )
    dearer = frame.locator("svg").get_by_text("far dearer", exact=False).first
    dearer.wait_for(state="attached", timeout=15000)
    assert errors == []


def test_a_broken_file_shows_its_error_and_keeps_the_drawing(
    served: str, starter: Path, browser: Browser
) -> None:
    page = browser.new_page()
    page.goto(served)
    frame = page.frame_locator("iframe")
    frame.locator("svg").first.wait_for(state="attached", timeout=15000)

    parents = starter / "parents.yaml"
    parents.write_text(parents.read_text() + "  - id: [unclosed\n")
    alert = page.get_by_role("alert")
    alert.wait_for(timeout=15000)
    assert "parents.yaml:" in alert.inner_text()
    assert "last good" in alert.inner_text()
    assert frame.locator("svg").get_by_text("buses cost more", exact=False).count() > 0


def test_findings_link_to_their_line(served: str, starter: Path, browser: Browser) -> None:
    page = browser.new_page()
    page.goto(served)
    page.frame_locator("iframe").locator("svg").first.wait_for(state="attached", timeout=15000)
    parents = starter / "parents.yaml"
    parents.write_text(parents.read_text().replace("rebuts: buses-cost-more", "rebuts: buses"))
    link = page.locator("#findings a", has_text="parents.yaml:").first
    link.wait_for(timeout=15000)  # the page reloads itself when the map is redrawn
    assert "AM102" in page.locator("#findings").inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/file/parents\.yaml#L\d+$"))
    assert "rebuts: buses" in page.locator("a:target").inner_text()
