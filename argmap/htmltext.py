"""Text into HTML, and the hashes a Content-Security-Policy allows inline code by."""

from __future__ import annotations

import base64
import hashlib
from html import escape


def h(text: str) -> str:
    """HTML-escaped text (quotes included, so it is safe in attributes too)."""
    return escape(text, quote=True)


def sha256(text: str) -> str:
    """The base64 SHA-256 of ``text``, as a CSP source ``'sha256-...'`` names it."""
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
