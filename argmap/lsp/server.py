"""The language server: pygls handlers that route each request to ``features``.

Diagnostics are pushed for every file of the map an edit belongs to, so that fixing
a reference in one file clears the finding it caused in another.
"""

from __future__ import annotations

import os
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from argmap import __version__
from argmap.lsp import features, yamltext
from argmap.lsp.workspace import Snapshot, Workspace, is_claim_file


class ArgmapServer(LanguageServer):
    """A pygls server holding the session's maps and what it last published."""

    def __init__(self) -> None:
        super().__init__("argmap", __version__)
        self.maps = Workspace()
        self.published: dict[str, list[types.Diagnostic]] = {}

    def snapshot(self, uri: str) -> Snapshot:
        return self.maps.snapshot(path_of(uri))

    def lines(self, uri: str) -> list[str]:
        return features.lines_of(self.maps.text(path_of(uri)))

    def publish(self, uri: str) -> None:
        """Lint the map holding ``uri`` and push the diagnostics of each of its files."""
        snap = self.snapshot(uri)
        edited = path_of(uri)
        for path, found in features.diagnostics(snap).items():
            if found == self.published.get(path, []) and path != edited:
                continue  # the editor shows these already
            self.published[path] = found
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri_of(path), diagnostics=found)
            )


def path_of(uri: str) -> str:
    return os.path.abspath(to_fs_path(uri) or uri)


def uri_of(path: str) -> str:
    return from_fs_path(path) or path


server = ArgmapServer()


def _claim_file(uri: str) -> bool:
    return is_claim_file(path_of(uri))


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ArgmapServer, params: types.DidOpenTextDocumentParams) -> None:
    uri = params.text_document.uri
    if _claim_file(uri):
        ls.maps.set_buffer(path_of(uri), params.text_document.text)
        ls.publish(uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: ArgmapServer, params: types.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    if _claim_file(uri):
        document = ls.workspace.get_text_document(uri)
        ls.maps.set_buffer(path_of(uri), document.source)
        ls.publish(uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ArgmapServer, params: types.DidSaveTextDocumentParams) -> None:
    if _claim_file(params.text_document.uri):
        ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ArgmapServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    if _claim_file(uri):
        ls.maps.close_buffer(path_of(uri))
        ls.publish(uri)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_files(ls: ArgmapServer, params: types.DidChangeWatchedFilesParams) -> None:
    for change in params.changes:
        if _claim_file(change.uri):
            ls.maps.forget(path_of(change.uri))
            ls.publish(change.uri)


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def definition(ls: ArgmapServer, params: types.DefinitionParams) -> list[types.Location]:
    return [
        _location(o)
        for o in _occurrences(ls, params.text_document.uri, params.position)
        if o.declaration
    ]


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def references(ls: ArgmapServer, params: types.ReferenceParams) -> list[types.Location]:
    return [
        _location(o)
        for o in _occurrences(ls, params.text_document.uri, params.position)
        if params.context.include_declaration or not o.declaration
    ]


def _occurrences(ls: ArgmapServer, uri: str, position: types.Position) -> list[features.Occurrence]:
    snap = ls.snapshot(uri)
    found = features.identify(snap, ls.lines(uri), position.line, position.character)
    return features.occurrences(snap, *found) if found else []


def _location(occurrence: features.Occurrence) -> types.Location:
    return types.Location(uri_of(occurrence.path), features.word_range(occurrence.word))


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: ArgmapServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    snap = ls.snapshot(uri)
    lines = ls.lines(uri)
    found = features.identify(snap, lines, params.position.line, params.position.character)
    text = features.hover(snap, *found) if found else None
    if text is None:
        return None
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, text))


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=[":", " ", "-", "[", ","]),
)
def completion(ls: ArgmapServer, params: types.CompletionParams) -> types.CompletionList:
    uri = params.text_document.uri
    items = features.completions(
        ls.snapshot(uri), ls.lines(uri), params.position.line, params.position.character
    )
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbols(
    ls: ArgmapServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol]:
    uri = params.text_document.uri
    return features.symbols(ls.snapshot(uri), path_of(uri))


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: ArgmapServer, params: types.PrepareRenameParams) -> Any:
    uri = params.text_document.uri
    lines = ls.lines(uri)
    found = features.identify(
        ls.snapshot(uri), lines, params.position.line, params.position.character
    )
    word = yamltext.word_at(lines, params.position.line, params.position.character)
    if found is None or found[0] != "claim" or word is None:
        return None
    return features.word_range(word)


@server.feature(types.TEXT_DOCUMENT_RENAME)
def rename(ls: ArgmapServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    uri = params.text_document.uri
    snap = ls.snapshot(uri)
    found = features.identify(snap, ls.lines(uri), params.position.line, params.position.character)
    if found is None or found[0] != "claim":
        return None
    return features.rename(snap, uri_of, "claim", found[1], params.new_name)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: ArgmapServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    return features.code_actions(
        ls.snapshot(uri), path_of(uri), uri_of, list(params.context.diagnostics)
    )


def main() -> None:
    """Serve over standard input and output until the editor shuts the server down."""
    server.start_io()
