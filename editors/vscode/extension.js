// The lexdraft extension: .lexd files are highlighted by the generated TextMate grammar, and everything else comes
// from the language server, `lexdraft lsp`, which this starts and talks to over standard input and output.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("lexdraft").get("server.command", ["lexdraft", "lsp"]);
  const server = { command, args, transport: TransportKind.stdio };
  client = new LanguageClient("lexdraft", "lexdraft", { run: server, debug: server }, {
    documentSelector: [{ scheme: "file", language: "lexdraft" }, { scheme: "untitled", language: "lexdraft" }],
    // The server checks the whole set per jurisdiction: it hears of drafts changed outside the editor too.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.lexd,decisions.yaml}") },
  });
  context.subscriptions.push(client);
  return client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `lexdraft: could not start \`${[command, ...args].join(" ")}\` (${error.message}). ` +
      "Install lexdraft (pip install lexdraft) or set lexdraft.server.command.");
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
