"""``argmap schema``: print the claim-file JSON Schema (Draft-07)."""

from __future__ import annotations

import argparse

from argmap.commands.common import emit


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help="write the schema to FILE")


def run(args: argparse.Namespace) -> int:
    from argmap.schema import schema_json

    emit(args, schema_json())
    return 0
