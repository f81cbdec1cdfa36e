"""Exit codes and the usage error, shared by the CLI and every command (no cycle)."""

from __future__ import annotations

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130


class CommandError(Exception):
    """A usage problem a command found: printed as one line, exit 2."""


__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_INTERRUPTED", "EXIT_OK", "CommandError"]
