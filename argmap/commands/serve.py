"""``argmap serve PATH``: a live preview in the browser, redrawn as the files change."""

from __future__ import annotations

import argparse
import sys
import threading

from argmap.commands.errors import CommandError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="the map's directory (or a claim file)")
    parser.add_argument(
        "--port", type=int, default=8000, help="port to listen on (0: any free one; 8000)"
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="interface to listen on (127.0.0.1). The preview has no password: only "
        "another interface's address if everyone who can reach it may read the map",
    )


def run(args: argparse.Namespace) -> int:
    try:
        import watchfiles  # noqa: F401
    except ImportError:
        raise CommandError(
            "the live preview needs watchfiles: pip install 'argmap[serve]'"
        ) from None
    from argmap.loading.files import check_path
    from argmap.serve import Preview, PreviewServer, default_build

    path = check_path(args.path)
    if not 0 <= args.port <= 65535:
        raise CommandError(f"--port {args.port} must be between 0 and 65535")
    try:
        server = PreviewServer(Preview(path, default_build), args.host, args.port)
    except OSError as exc:
        raise CommandError(
            f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}; "
            "choose another --port (0 picks a free one)"
        ) from None
    server.start()
    sys.stdout.write(f"argmap: previewing {path} at {server.url} (Ctrl-C to stop)\n")
    sys.stdout.flush()
    try:
        threading.Event().wait()
    finally:
        server.stop()
    return 0
