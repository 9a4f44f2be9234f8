"""The VS Code extension (editors/vscode): its grammar is the generated one, its scopes hold, and it packages."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
VSCODE = ROOT / "editors" / "vscode"
GRAMMAR = VSCODE / "syntaxes" / "lexdraft.tmLanguage.json"


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_grammar", VSCODE / "build_grammar.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_grammar_is_the_generated_one() -> None:
    """Regenerating the TextMate grammar from the Lark grammar and the vocabulary reproduces the file byte for byte."""
    assert _generator().render().encode("utf-8") == GRAMMAR.read_bytes(), \
        "run `python editors/vscode/build_grammar.py` and commit the grammar it writes"


def test_the_grammar_follows_the_language() -> None:
    """Every keyword of the Lark grammar is highlighted as one; terms are the vocabulary's words, keywords aside."""
    from lexdraft.lexer import keywords

    repository = json.loads(GRAMMAR.read_text(encoding="utf-8"))["repository"]

    def matches(rule: str, word: str) -> bool:
        return re.fullmatch(repository[rule]["match"], word) is not None

    assert all(any(matches(r, w) for r in ("language", "document-keyword", "field", "keyword")) for w in keywords())
    assert matches("term", "distribute") and matches("term", "exposed-sexual-organs")
    assert not matches("term", "conduct") and not matches("term", "distribte")


def test_every_language_a_pack_may_declare_is_a_language_tag() -> None:
    """fr, pt-br, hi … where a text's language stands, not only zh and en; a keyword of the same shape stays one."""
    language = json.loads(GRAMMAR.read_text(encoding="utf-8"))["repository"]["language"]["match"]

    def tags(line: str) -> list[str]:
        return [m.group(0) for m in re.finditer(language, line)]

    assert tags('  title        fr "Plainte préalable"') == ["fr"]
    assert tags('  text         pt-br """') == ["pt-br"]
    assert tags("  translation  hi working-gloss") == ["hi"]
    assert tags('  tier aggravated requires profit-or-sale per "art. 319-4"') == []
    assert tags("  jurisdiction fr") == []  # a jurisdiction's code, not a language
    assert tags('  title        zh "标题" en "Title"') == ["zh", "en"]


@pytest.fixture(scope="module")
def extension(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the extension with its npm dependencies installed from the committed package-lock.json."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node and npm are not installed, so vscode-tmgrammar-test and vsce cannot run "
                    "(Debian: apt-get install nodejs npm); the grammar's generation is still tested")
    folder = tmp_path_factory.mktemp("vscode") / "lexdraft"
    shutil.copytree(VSCODE, folder, ignore=shutil.ignore_patterns("node_modules", "*.vsix"))
    done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=folder, capture_output=True, text=True,
                          timeout=900, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return folder


def _tmgrammar_test(folder: Path, pattern: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(folder / "node_modules" / ".bin" / "vscode-tmgrammar-test"), pattern], cwd=folder,
                          capture_output=True, text=True, timeout=300, check=False)


def test_the_grammar_gives_the_scopes_the_samples_assert(extension: Path) -> None:
    done = _tmgrammar_test(extension, "test/*.lexd")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "✓ test/provision.lexd" in done.stdout and "✓ test/interpretation.lexd" in done.stdout
    assert "✓ test/languages.lexd" in done.stdout


def test_a_wrong_scope_fails_the_grammar_test(extension: Path) -> None:
    """The samples' assertions are checked: a term asserted to be a keyword fails."""
    (extension / "wrong").mkdir()
    (extension / "wrong" / "wrong.lexd").write_text(
        '# SYNTAX TEST "source.lexdraft" "a wrong assertion"\n'
        '  conduct produce\n'
        '#         ^^^^^^^ keyword.other.lexdraft\n',
        encoding="utf-8")
    done = _tmgrammar_test(extension, "wrong/*.lexd")
    assert done.returncode != 0
    assert "missing required scopes: keyword.other.lexdraft" in done.stdout


def test_the_extension_packages(extension: Path) -> None:
    vsix = extension / "lexdraft.vsix"
    done = subprocess.run([str(extension / "node_modules" / ".bin" / "vsce"), "package", "--skip-license",
                           "--allow-missing-repository", "--out", str(vsix)], cwd=extension, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(vsix) as z:
        names = set(z.namelist())
        manifest = json.loads(z.read("extension/package.json"))
        packed = z.read("extension/syntaxes/lexdraft.tmLanguage.json")
    assert {"extension/extension.js", "extension/language-configuration.json",
            "extension/node_modules/vscode-languageclient/package.json"} <= names
    assert not any(n.startswith("extension/test/") for n in names)  # the samples stay out of the package
    assert packed == GRAMMAR.read_bytes()
    assert manifest["contributes"]["grammars"] == [
        {"language": "lexdraft", "scopeName": "source.lexdraft", "path": "./syntaxes/lexdraft.tmLanguage.json"}]
    assert manifest["contributes"]["configuration"]["properties"]["lexdraft.server.command"]["default"] == [
        "lexdraft", "lsp"]
