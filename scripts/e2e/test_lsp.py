"""`libre lsp` driven by a real LSP client (pytest-lsp, on pygls): lifecycle, diagnostics
with UTF-16 ranges, incremental changes, hover, code actions, configuration reload."""

import asyncio
import json
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import libre_binary, lsp_range_text

# Accents, an emoji and CRLF before the findings, so a byte or code-point count goes wrong.
FRENCH = (
    "Bonjour Amélie 😀,\r\n"
    "Répondez avant vendredi sinon l'offre expire.\r\n"
    "Vous êtes libre de refuser, bien sûr.\r\n"
)
DEADLINE = "pressure.urgency.deadline"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[libre_binary(), "lsp"]))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    lsp_client.registrations = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    folder = tmp_path_factory.mktemp("workspace")
    (folder / ".git").mkdir()
    lsp_client.workspace_folder = folder
    capabilities = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=True)
        )
    )
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities, root_uri=folder.as_uri())
    )
    lsp_client.initialize_result = result
    yield
    await lsp_client.shutdown_session()


async def open_document(client: LanguageClient, name: str, text: str, language: str = "plaintext"):
    path = pathlib.Path(client.workspace_folder) / name
    path.write_text(text, encoding="utf-8", newline="")
    uri = path.as_uri()
    client.diagnostics.pop(uri, None)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )
    await wait_for_diagnostics(client, uri)
    return uri


async def wait_for_diagnostics(client: LanguageClient, uri: str, timeout: float = 10):
    async def arrived():
        while uri not in client.diagnostics:
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    await asyncio.wait_for(arrived(), timeout)
    return client.diagnostics[uri]


def by_code(diagnostics, code):
    return [d for d in diagnostics if d.code == code]


async def test_initialize_announces_capabilities(client: LanguageClient):
    capabilities = client.initialize_result.capabilities
    assert capabilities.hover_provider is True
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.code_action_provider is not None
    assert client.initialize_result.server_info.name == "libre"


async def test_diagnostics_have_utf16_ranges_on_accents_emoji_and_crlf(client: LanguageClient):
    uri = await open_document(client, "mail.txt", FRENCH)
    diagnostics = client.diagnostics[uri]
    deadline = by_code(diagnostics, DEADLINE)
    assert deadline, [d.code for d in diagnostics]
    found = deadline[0]
    assert found.source == "libre"
    assert found.severity in (types.DiagnosticSeverity.Error, types.DiagnosticSeverity.Warning)
    assert "avant vendredi" in lsp_range_text(FRENCH, found.range)
    assert found.range.start.line == 1
    freedom = [d for d in diagnostics if d.code.startswith("freedom.")]
    for diagnostic in freedom:
        assert "libre de refuser" in lsp_range_text(FRENCH, diagnostic.range) or diagnostic.range.start.line == 2
    assert by_code(diagnostics, "libre.score"), "the score is published as a diagnostic"


async def test_incremental_change_moves_the_ranges(client: LanguageClient):
    uri = await open_document(client, "change.txt", FRENCH)
    inserted = "Ça va ? 👍 "
    client.diagnostics.pop(uri)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=1, character=0), end=types.Position(line=1, character=0)),
                    text=inserted,
                )
            ],
        )
    )
    diagnostics = await wait_for_diagnostics(client, uri)
    lines = FRENCH.split("\r\n")
    lines[1] = inserted + lines[1]
    text = "\r\n".join(lines)
    found = by_code(diagnostics, DEADLINE)[0]
    assert "avant vendredi" in lsp_range_text(text, found.range)


async def test_hover_explains_the_rule(client: LanguageClient):
    uri = await open_document(client, "hover.txt", FRENCH)
    found = by_code(client.diagnostics[uri], DEADLINE)[0]
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=found.range.start)
    )
    assert hover is not None
    assert DEADLINE in hover.contents.value
    assert "Suggestion" in hover.contents.value


async def test_code_action_disables_the_rule_on_the_line(client: LanguageClient):
    text = "Hi Sam,\n\nReply by Friday or the offer expires.\n"
    uri = await open_document(client, "action.md", text, language="markdown")
    found = [d for d in client.diagnostics[uri] if d.code.startswith("pressure.")][0]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=found.range,
            context=types.CodeActionContext(diagnostics=[found]),
        )
    )
    titles = [a.title for a in actions]
    assert f"Disable {found.code} on this line" in titles
    assert f"Disable {found.code} here, with a reason" in titles
    assert f"Show rule {found.code}" in titles
    action = next(a for a in actions if a.title == f"Disable {found.code} on this line")
    edit = action.edit.changes[uri][0]
    assert edit.new_text == f"<!-- libre-disable-next-line {found.code} -->\n"
    lines = text.split("\n")
    lines.insert(edit.range.start.line, edit.new_text.rstrip("\n"))
    client.diagnostics.pop(uri)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="\n".join(lines))],
        )
    )
    diagnostics = await wait_for_diagnostics(client, uri)
    assert not by_code(diagnostics, found.code)
    show = next(a for a in actions if a.title == f"Show rule {found.code}")
    assert isinstance(show, types.Command)
    command = show
    assert command.command == "libre.showRule", show
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=command.command, arguments=command.arguments)
    )
    assert any(found.code in m.message for m in client.messages)


async def test_configuration_is_reloaded_when_it_changes(client: LanguageClient):
    uri = await open_document(client, "config.txt", FRENCH)
    assert by_code(client.diagnostics[uri], DEADLINE)
    config = pathlib.Path(client.workspace_folder) / ".libre.json"
    config.write_text(json.dumps({"rules": {DEADLINE: "off"}}), encoding="utf-8")
    client.diagnostics.pop(uri)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]
        )
    )
    diagnostics = await wait_for_diagnostics(client, uri)
    assert not by_code(diagnostics, DEADLINE)
    config.unlink()


async def test_bad_input_gets_an_error_or_a_log_message(client: LanguageClient):
    with pytest.raises(Exception) as failure:
        await client.protocol.send_request_async("libre/noSuchMethod", {})
    assert "-32601" in str(failure.value) or "unhandled method" in str(failure.value)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri="file:///nowhere/never-opened.txt", version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text="x")],
        )
    )
    uri = await open_document(client, "after.txt", FRENCH)
    assert by_code(client.diagnostics[uri], DEADLINE), "the server still answers after bad input"
    assert any("never-opened" in m.message for m in client.log_messages)


async def test_client_settings_choose_the_language(client: LanguageClient):
    uri = await open_document(client, "settings.txt", FRENCH)
    assert by_code(client.diagnostics[uri], DEADLINE)
    client.diagnostics.pop(uri)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"libre": {"language": "en"}})
    )
    diagnostics = await wait_for_diagnostics(client, uri)
    assert not by_code(diagnostics, DEADLINE), "French read as English finds no French deadline"
    client.diagnostics.pop(uri)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"libre": {}}))
    diagnostics = await wait_for_diagnostics(client, uri)
    assert by_code(diagnostics, DEADLINE)
