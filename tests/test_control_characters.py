"""Control characters (issue 11, point 6): a draft may hold no character that acts on a terminal or a CI log; what
is shown of untrusted names and lines is escaped, so that no output can start an escape or a workflow command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lexdraft import escape

ROOT = Path(__file__).resolve().parent.parent
pytest_plugins = ("sphinx.testing.fixtures",)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOT / "tests" / "roots"
DRAFT = """provision prc.criminal-law.253-3 {{
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article 253-3 after 253-2
  title        zh "标题{zh}"
               en "Title{en}"
  implements   uncc.16
  mental       intent
  conduct      distribute
  object       intimate-image {{
    depicts    sexual-activity
    person     adult
    origin     real
  }}
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 3 years
}}
"""
# Each acts on a terminal or log: ESC and CSI (colours, cursor moves, OSC titles and links), BEL, backspace, form
# feed, DEL, NEL (a C1 newline), and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
REJECTED = ["\x1b", "\x07", "\x08", "\x0c", "\x0b", "\x7f", "\x85", "\x9b", "\x9d",
            "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
# Real scripts need these: Hindi (ZWJ, ZWNJ), Arabic and Persian (ZWNJ, LRM, RLM).
KEPT = ["\u200d", "\u200c", "\u200e", "\u200f"]
# What a terminal or a GitHub Actions log would act on, in anything lexdraft prints.
ACTS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|^[^\\S\\n]*::", re.MULTILINE)


def lexdraft(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": ""}
    return subprocess.run([sys.executable, "-m", "lexdraft.cli", *args], capture_output=True, cwd=cwd, env=env,
                          check=False, timeout=120)


def _write(path: Path, zh: str = "", en: str = "") -> Path:
    path.write_text(DRAFT.format(zh=zh, en=en), encoding="utf-8")
    return path


@pytest.mark.parametrize("char", REJECTED, ids=lambda c: f"U+{ord(c):04X}")
def test_a_control_or_bidi_character_in_a_draft_is_a_located_error(tmp_path: Path, char: str) -> None:
    draft = _write(tmp_path / "x.lexd", en=f"a{char}[31mb")
    done = lexdraft("check", str(draft))
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2, err
    column = DRAFT.format(zh="", en="").split("\n")[5].index('"') + len('"Titlea') + 1
    assert f"{draft}:6:{column}: error[E005]: {escape.text(char)}" in err, err
    assert "^" in err and "hint:" in err
    assert not ACTS.search(err), err  # the quoted line shows the character escaped
    assert done.stdout == b""


@pytest.mark.parametrize("char", KEPT, ids=lambda c: f"U+{ord(c):04X}")
def test_joiners_and_marks_real_scripts_need_are_kept(tmp_path: Path, char: str) -> None:
    draft = _write(tmp_path / "x.lexd", zh=char, en=f"क्{char}ष")
    assert lexdraft("parse", str(draft)).returncode == 0
    rendered = lexdraft("render", str(draft), "--lang", "en")
    assert rendered.returncode == 0 and char in rendered.stdout.decode("utf-8")  # the statute text keeps it


@pytest.mark.parametrize("char", KEPT, ids=lambda c: f"U+{ord(c):04X}")
def test_a_quoted_line_shows_invisible_characters_escaped(tmp_path: Path, char: str) -> None:
    draft = _write(tmp_path / "x.lexd", zh=char)
    draft.write_text(draft.read_text(encoding="utf-8").replace("distribute", "distribte"), encoding="utf-8")
    draft.write_text(draft.read_text(encoding="utf-8").replace("conduct      distribte",
                                                                 f'conduct      distribte # {char}'),
                     encoding="utf-8")
    err = lexdraft("check", str(draft)).stderr.decode("utf-8")
    assert "error[E201]" in err, err
    assert escape.text(char) in err and char not in err, err
    quoted, caret = err.split("\n")[1:3]
    assert caret.index("^") == quoted.index("distribte")  # the caret stays under the word


@pytest.mark.parametrize("text", ['"::error file=a.lexd::forged"', '"  ::stop-commands::token"',
                                  '"""\nfirst line\n  ::error::forged annotation\n"""'])
def test_text_that_would_start_a_workflow_command_is_a_located_error(tmp_path: Path, text: str) -> None:
    draft = tmp_path / "x.lexd"
    draft.write_text(DRAFT.format(zh="", en="").replace('en "Title"', f"en {text}"), encoding="utf-8")
    done = lexdraft("check", str(draft))
    err = done.stderr.decode("utf-8")
    assert done.returncode == 2 and "error[E006]" in err, err
    assert not ACTS.search(err), err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names")
@pytest.mark.parametrize("name", ["a\x1b]0;owned\x07.lexd", "::error::forged.lexd", "a\n::error::forged.lexd",
                                  "\u202eelif.lexd", "a\r\x9b2J.lexd"])
def test_file_names_are_shown_escaped(tmp_path: Path, name: str) -> None:
    draft = tmp_path / name
    draft.write_text(DRAFT.format(zh="", en="").replace("distribute", "distribte"), encoding="utf-8")
    for args in (["check", str(tmp_path)], ["parse", name], ["render", name], ["fmt", "--check", name]):
        done = lexdraft(*args, cwd=tmp_path)
        err = done.stderr.decode("utf-8")
        assert done.returncode == 2 and "error[E201]" in err or args[0] == "fmt" and "not formatted" in err, err
        assert not ACTS.search(err), (args, err)


# its own copy of the test root: the draft it adds must not reach the other site tests
@pytest.mark.sphinx("html", testroot="lexdraft", srcdir="control-characters", freshenv=True)
def test_the_site_carries_no_rejected_character(app: Any, warning: Any) -> None:
    for name in ("drafts", "context"):
        (Path(app.srcdir) / name).mkdir(exist_ok=True)
    _write(Path(app.srcdir) / "drafts" / "x.lexd", en="\u202eevil\x1b[2J")
    app.build()
    out = warning.getvalue()
    assert "error[E005]" in out, out
    for page in Path(app.outdir).rglob("*.html"):
        assert not re.search("[\x1b\u202e]", page.read_text(encoding="utf-8")), page


@pytest.mark.parametrize(("text", "code", "column"), [
    ("ab\x07c\udc80d", "E003", 5),  # a lone surrogate is what the text's bytes are not, wherever it stands
    ("a\udc80b\x07c", "E003", 2),
    ("ab\x07c", "E005", 3),
])
def test_a_lone_surrogate_is_reported_before_a_control_character(text: str, code: str, column: int) -> None:
    from lexdraft.diagnostics import LexdraftError
    from lexdraft.source import displayable

    with pytest.raises(LexdraftError) as e:
        displayable(text, "typed.lexd")
    (d,) = e.value.diagnostics
    assert (d.code, d.span.column if d.span else None) == (code, column)
