"""``argmap lsp`` driven over stdio by a real LSP client, as an editor drives it."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

pytestmark = pytest.mark.asyncio(loop_scope="function")

MAP = """\
map: {title: A small map}
parties:
  council: {name: School council}
  parents: {name: Parents}
sources:
  minutes: {title: Minutes}
"""

COUNCIL = """\
party: council
claims:
  - id: buses-cost-more
    kind: allegation
    text: A later start would make the buses cost more.
    cite: {source: minutes}
  - id: bus-quote
    kind: evidence
    text: The bus company quoted a higher price.
    supports: buses-cost-more
"""

PARENTS = """\
party: parents
claims:
  - id: buses-run-later
    text: The buses already run later for the older pupils.
    rebuts: buses-cost-more
"""


@pytest.fixture
def small_map(tmp_path: Path) -> Path:
    root = tmp_path / "map"
    root.mkdir()
    (root / "pyproject.toml").write_text("")  # the map's root: nothing above it joins
    for name, text in (("map.yaml", MAP), ("council.yaml", COUNCIL), ("parents.yaml", PARENTS)):
        (root / name).write_text(text)
    return root


@pytest_lsp.fixture(  # type: ignore[untyped-decorator]
    config=ClientServerConfig(server_command=[sys.executable, "-m", "argmap", "lsp"])
)
async def client(lsp_client: LanguageClient, small_map: Path) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=small_map.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=small_map.as_uri(), name="map")],
        )
    )
    yield
    await lsp_client.shutdown_session()


def open_file(client: LanguageClient, path: Path) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=path.read_text())
        )
    )
    return uri


def replace_all(client: LanguageClient, uri: str, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def diagnostics_until(
    client: LanguageClient,
    uri: str,
    wanted: Callable[[Sequence[types.Diagnostic]], bool],
) -> Sequence[types.Diagnostic]:
    """The diagnostics of ``uri`` once they satisfy ``wanted`` (10 s at most)."""

    async def wait() -> Sequence[types.Diagnostic]:
        while not (uri in client.diagnostics and wanted(client.diagnostics[uri])):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    return await asyncio.wait_for(wait(), timeout=10)


def codes(found: Sequence[types.Diagnostic]) -> list[str]:
    return [str(d.code) for d in found]


def position_of(path: Path, needle: str, offset: int = 0) -> types.Position:
    for number, line in enumerate(path.read_text().splitlines()):
        if needle in line:
            return types.Position(number, line.index(needle) + offset)
    raise AssertionError(f"{needle!r} not in {path}")


async def test_dangling_reference_is_shown_where_typed_then_goes(
    client: LanguageClient, small_map: Path
) -> None:
    parents = small_map / "parents.yaml"
    uri = open_file(client, parents)
    await diagnostics_until(client, uri, lambda found: "AM102" not in codes(found))

    typed = PARENTS.replace("rebuts: buses-cost-more", "rebuts: buses-cost-mor")
    replace_all(client, uri, typed, 2)
    found = await diagnostics_until(client, uri, lambda found: "AM102" in codes(found))
    dangling = next(d for d in found if d.code == "AM102")
    line = typed.splitlines().index("    rebuts: buses-cost-mor")
    assert dangling.range == types.Range(
        types.Position(line, 12), types.Position(line, 12 + len("buses-cost-mor"))
    )
    assert "did you mean 'buses-cost-more'" in dangling.message
    # The allegation lost its only answer: the council's file, unopened, now shows it.
    council_uri = (small_map / "council.yaml").as_uri()
    await diagnostics_until(client, council_uri, lambda found: "AM201" in codes(found))

    replace_all(client, uri, PARENTS, 3)
    await diagnostics_until(client, uri, lambda found: "AM102" not in codes(found))
    await diagnostics_until(client, council_uri, lambda found: "AM201" not in codes(found))


async def test_definition_and_references_of_a_claim(
    client: LanguageClient, small_map: Path
) -> None:
    parents = small_map / "parents.yaml"
    uri = open_file(client, parents)
    at = position_of(parents, "buses-cost-more", 3)
    found = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(uri), at)
    )
    assert isinstance(found, list) and len(found) == 1
    assert found[0].uri == (small_map / "council.yaml").as_uri()
    assert found[0].range.start == position_of(small_map / "council.yaml", "buses-cost-more")

    refs = await client.text_document_references_async(
        types.ReferenceParams(
            context=types.ReferenceContext(include_declaration=False),
            text_document=types.TextDocumentIdentifier(uri),
            position=at,
        )
    )
    assert refs is not None
    assert sorted(r.uri.rsplit("/", 1)[-1] for r in refs) == ["council.yaml", "parents.yaml"]


async def test_definition_of_a_party_and_a_source(client: LanguageClient, small_map: Path) -> None:
    council = small_map / "council.yaml"
    uri = open_file(client, council)
    for needle, declared in (("party: council", "council:"), ("source: minutes", "minutes:")):
        at = position_of(council, needle, len(needle) - 2)
        found = await client.text_document_definition_async(
            types.DefinitionParams(types.TextDocumentIdentifier(uri), at)
        )
        assert isinstance(found, list) and len(found) == 1
        assert found[0].uri == (small_map / "map.yaml").as_uri()
        assert found[0].range.start == position_of(small_map / "map.yaml", declared)


async def test_hover_tells_what_attacks_and_supports_a_claim(
    client: LanguageClient, small_map: Path
) -> None:
    council = small_map / "council.yaml"
    uri = open_file(client, council)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            types.TextDocumentIdentifier(uri), position_of(council, "buses-cost-more", 2)
        )
    )
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    text = hover.contents.value
    assert "A later start would make the buses cost more." in text
    assert "School council" in text
    assert "answered by `buses-run-later` (Parents)" in text
    assert "Supported by: `bus-quote`" in text


async def test_completion_offers_ids_after_relations_and_keys_with_descriptions(
    client: LanguageClient, small_map: Path
) -> None:
    parents = small_map / "parents.yaml"
    uri = open_file(client, parents)
    typed = PARENTS + "  - id: new\n    supports: \n    \n"
    replace_all(client, uri, typed, 2)
    lines = typed.splitlines()
    after_supports = types.Position(lines.index("    supports: "), len("    supports: "))
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), after_supports)
    )
    assert isinstance(result, types.CompletionList)
    labels = {item.label for item in result.items}
    assert {"buses-cost-more", "bus-quote", "buses-run-later"} <= labels

    at_key = types.Position(len(lines) - 1, 4)
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), at_key)
    )
    assert isinstance(result, types.CompletionList)
    keys = {item.label: item for item in result.items}
    assert {"rebuts", "undercuts", "cite", "kind", "against"} <= set(keys)
    documentation = keys["rebuts"].documentation
    assert isinstance(documentation, types.MarkupContent) and documentation.value


async def test_rename_a_claim_across_the_map(client: LanguageClient, small_map: Path) -> None:
    council = small_map / "council.yaml"
    uri = open_file(client, council)
    edit = await client.text_document_rename_async(
        types.RenameParams(
            types.TextDocumentIdentifier(uri),
            position_of(council, "buses-cost-more", 1),
            "buses-dearer",
        )
    )
    assert edit is not None and edit.changes is not None
    texts = {
        Path(file_uri.removeprefix("file://")).name: apply(
            (small_map / Path(file_uri.removeprefix("file://")).name).read_text(), edits
        )
        for file_uri, edits in edit.changes.items()
    }
    assert set(texts) == {"council.yaml", "parents.yaml"}
    assert "buses-cost-more" not in texts["council.yaml"] + texts["parents.yaml"]
    assert "id: buses-dearer" in texts["council.yaml"]
    assert "supports: buses-dearer" in texts["council.yaml"]
    assert "rebuts: buses-dearer" in texts["parents.yaml"]


async def test_code_action_applies_did_you_mean(client: LanguageClient, small_map: Path) -> None:
    parents = small_map / "parents.yaml"
    uri = open_file(client, parents)
    typed = PARENTS.replace("rebuts: buses-cost-more", "rebuts: buses-cost-mor")
    replace_all(client, uri, typed, 2)
    found = await diagnostics_until(client, uri, lambda found: "AM102" in codes(found))
    dangling = [d for d in found if d.code == "AM102"]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            dangling[0].range,
            types.CodeActionContext(diagnostics=dangling),
        )
    )
    assert actions is not None
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and "Change" in a.title)
    assert fix.edit is not None and fix.edit.changes is not None
    assert apply(typed, fix.edit.changes[uri]) == PARENTS


async def test_code_actions_for_an_unanswered_allegation(
    client: LanguageClient, small_map: Path
) -> None:
    (small_map / "parents.yaml").write_text(PARENTS.replace("rebuts:", "supports:"))
    council = small_map / "council.yaml"
    uri = open_file(client, council)
    found = await diagnostics_until(client, uri, lambda found: "AM201" in codes(found))
    open_allegation = [d for d in found if d.code == "AM201"]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            open_allegation[0].range,
            types.CodeActionContext(diagnostics=open_allegation),
        )
    )
    assert actions is not None
    titles = {a.title: a for a in actions if isinstance(a, types.CodeAction)}
    for title in ("Acknowledge", "Add a rebuttal"):
        action = next(a for t, a in titles.items() if t.startswith(title))
        assert action.edit is not None and action.edit.changes is not None
        fixed = apply(COUNCIL, action.edit.changes[uri])
        replace_all(client, uri, fixed, 2 if title == "Acknowledge" else 3)
        after = await diagnostics_until(
            client,
            uri,
            lambda found: all(
                d.code != "AM201" or d.severity == types.DiagnosticSeverity.Information
                for d in found
            ),
        )
        assert all(d.code not in ("AM001", "AM002") for d in after)
        replace_all(client, uri, COUNCIL, 4 if title == "Acknowledge" else 5)
        await diagnostics_until(
            client,
            uri,
            lambda found: (
                "AM201" in codes(found)
                and not any(d.severity == types.DiagnosticSeverity.Information for d in found)
            ),
        )


async def test_document_symbols_outline_the_claims(client: LanguageClient, small_map: Path) -> None:
    uri = open_file(client, small_map / "council.yaml")
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    assert symbols is not None
    assert [s.name for s in symbols] == ["buses-cost-more", "bus-quote"]


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    """The text after the edits (LSP ranges, applied from the last)."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def offset(position: types.Position) -> int:
        return offsets[min(position.line, len(lines))] + position.character

    for edit in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text
