"""The lexdraft command line: check, review, render, parse, fmt, gate, explain, lsp."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import gc
import hashlib
import json
import os
import select
import signal
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import __version__, escape, packs
from .diagnostics import (
    EXIT_INTERNAL,
    EXIT_INVALID,
    EXIT_NONCONFORMING,
    EXIT_OK,
    EXIT_PIPE,
    Diagnostic,
    LexdraftError,
    explain,
    fail,
    format_all,
)
from .packs.config import configured_cache_megabytes, configured_packs
from .resources import CacheSizeError, cache_megabytes, cache_setting, store_enabled, store_on, trim_if_due


def tell(text: str) -> None:
    """A message for people, on standard error; never on standard output, which may be a JSON or SARIF file. With
    standard error closed or failing, the message is lost and the exit code alone tells."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(escape.lines(text) + "\n")  # nothing a draft or file name holds may act on a terminal or log
        sys.stderr.flush()


def _stdout_error(e: OSError) -> LexdraftError:
    return fail("E408", f"cannot write standard output: {e.strerror}", None,
                "check the device or file standard output goes to (a full disk?), or give `-o FILE`")


def write_stdout(text: str | bytes | list[str]) -> None:
    """All of `text` on standard output, now: a full device is E408 (exit 2), a reader gone is BrokenPipeError
    (exit 141), and a pipe left non-blocking by whoever started lexdraft is waited on, not cut at 64 KiB. Bytes (a
    Word document) are written as they are, and never to a terminal; a list of strings one after the other."""
    if sys.stdout is None:
        raise fail("E408", "standard output is closed", None, "give `-o FILE`, or run with standard output open")
    if isinstance(text, bytes) and sys.stdout.isatty():
        raise fail("E408", "a Word document is binary and standard output is a terminal", None,
                   "give `-o FILE.docx`, or redirect standard output to a file")
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a file (an in-process caller's capture)
        if isinstance(text, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(text)
        else:
            for part in text if isinstance(text, list) else [text]:
                sys.stdout.write(part)
        return
    try:
        sys.stdout.flush()
        for part in [text] if isinstance(text, (str, bytes)) else text:
            data = memoryview(part if isinstance(part, bytes)
                              else part.encode(sys.stdout.encoding or "utf-8", "backslashreplace"))
            while data:
                try:
                    data = data[os.write(fd, data):]
                except BlockingIOError:
                    select.select([], [fd], [])
    except BrokenPipeError:
        raise
    except OSError as e:
        raise _stdout_error(e) from None


def fingerprint(path: str) -> tuple[int, int, str]:
    """A file's size, modification time and content hash: what `fmt --write` read, to compare before replacing."""
    with open(path, "rb") as f:
        info = os.fstat(f.fileno())
        return info.st_size, info.st_mtime_ns, hashlib.sha256(f.read()).hexdigest()


def write_output(text: str | bytes | list[str], out: str | None, inputs: Iterable[str] = (),
                 unchanged: tuple[int, int, str] | None = None) -> None:
    """Standard output, or FILE. A file is replaced atomically (a failed run never leaves a partial one), through a
    link to the file it names, keeping its mode; a device or pipe (`-o /dev/null`) is written to, not replaced.
    Never one of the `inputs`: the draft would be lost. With `unchanged` (its fingerprint when read), a file
    changed since (an editor saved it meanwhile) is not replaced. Bytes (a Word document) are written as they are;
    a list of strings is written one after the other, as if joined (a large report is never held twice)."""
    if isinstance(text, str):  # a file name's bytes that are not UTF-8, shown \xff: the output stays UTF-8
        text = escape.surrogates(text)
    elif isinstance(text, list):
        text = [escape.surrogates(part) for part in text]
    if out is None:
        write_stdout(text)
        return
    target = Path(os.path.realpath(out))
    if any(target == Path(os.path.realpath(i)) for i in inputs):
        raise fail("E408", f"`-o {out}` names a draft this command reads", None,
                   "write the output to another file: this one would be replaced")
    try:
        info = target.stat() if target.exists() else None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise fail("E408", f"`-o {out}` is a folder", None, "name the file to write in it")
        if info is not None and not stat.S_ISREG(info.st_mode):
            with _opened(target.open, text) as f:
                f.writelines(text if isinstance(text, list) else [text])
            return
        if info is not None and not info.st_mode & 0o222:
            raise fail("E408", f"`{out}` is read-only", None, "make it writable first if it is to be replaced")
        mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with _opened(lambda *a, **k: os.fdopen(fd, *a, **k), text) as f:
                f.writelines(text if isinstance(text, list) else [text])
            os.chmod(tmp, mode)  # mkstemp's file is private to its owner; the output is not
            if unchanged is not None and fingerprint(str(target)) != unchanged:
                raise fail("E408", f"{out} changed since it was read: it is not rewritten", None,
                           "an edit was saved while lexdraft ran; run the command again")
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as e:
        hint = ("create the folder first" if isinstance(e, FileNotFoundError)
                else "check that the folder exists, that you may write in it and that the disk has room")
        raise fail("E408", f"cannot write {out}: {e.strerror}", None, hint) from None


def _opened(opener: Callable[..., Any], content: str | bytes | list[str]) -> Any:
    """A file opened for `content`: bytes as they are, text as UTF-8 with \\n line ends."""
    if isinstance(content, bytes):
        return opener("wb")
    return opener("w", encoding="utf-8", newline="\n", errors="backslashreplace")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


STDIN = "<stdin>"  # the name a draft read from standard input (`-`) has in messages and reports


def _stdin_text() -> str:
    """A draft given as `-`: standard input's bytes, read and checked as a file's are (size, UTF-8, not binary)."""
    from .source import decode_text

    if sys.stdin is None:
        raise fail("E001", "`-` names standard input, and it is closed", None, "pipe a draft in, or name a file")
    text = decode_text(sys.stdin.buffer.read(), STDIN, "draft")
    _read_stdin.append(text)  # an error in it is shown with its line, as in a file
    return text


_read_stdin: list[str] = []


def cmd_check(args: argparse.Namespace) -> int:
    from .language.ast import TreeNeeded
    from .pipeline import decision_paths, draft_paths

    named = [p for p in args.paths if p != "-"]
    own = draft_paths(named) if named else []
    mine = set(own) | ({STDIN} if "-" in args.paths else set())
    seen = {os.path.realpath(p) for p in own}
    context = [p for p in draft_paths(args.with_paths) if os.path.realpath(p) not in seen] if args.with_paths else []
    stdin = [(STDIN, _stdin_text())] if "-" in args.paths else []
    # the reviewer's decisions beside the drafts named (and beside the context, which they may be about too)
    decided = decision_paths([*named, *args.with_paths])
    sources = [*((p, None) for p in [*own, *context, *decided]), *stdin]
    whole = bool(context or args.status)  # only some of the set's provisions are checked: no sketch, no set key
    loaded: list[Diagnostic] = []  # the set's warnings, once it is loaded: shown before an error checking it
    try:
        try:  # the drafts unchanged since the last check sketched, as long as nothing reads more of them
            text, paths, conforms = _checked_set(args, sources, mine, whole, loaded, sketch=not whole)
        except TreeNeeded:
            loaded.clear()
            text, paths, conforms = _checked_set(args, sources, mine, whole, loaded, sketch=False)
    finally:
        if not args.quiet:  # the drafts checked speak; the context's own warnings are its files' business
            _warn([w for w in loaded if w.span is None or w.span.file in mine])
    write_output(text, args.output, paths)
    return EXIT_OK if conforms else EXIT_NONCONFORMING


def _checked_set(args: argparse.Namespace, sources: list[tuple[str, str | None]], mine: set[str], part: bool,
                 warnings: list[Diagnostic], sketch: bool) -> tuple[str | list[str], list[str], bool]:
    """check's output, inputs and whether every report conforms, the set's warnings put in `warnings`; nothing is
    written yet, so that a check of sketched drafts that needs whole trees (TreeNeeded) can be made again."""
    from .outputs.report import dumps_all, to_text
    from .pipeline import check_provisions, check_set, known_articles, load_sources

    # A cold check of the whole set grades each draft as it reads it and keeps only its sketch: it never holds every
    # syntax tree at once. An unknown article is check_set's error to report (E401), after the drafts' own.
    known = known_articles()
    ahead = [a for a in args.against or known if a in known] if sketch and not part and not store_on() else None
    # their quotations are checked against the statute's words as render composes them, as the set is read if the
    # set is kept only as sketches
    from .wording.quotations import Quotations

    quotations = Quotations(mine) if ahead is not None else None
    with _progress(args.quiet) as progress:
        drafts, found = load_sources(sources, progress, sketch=sketch, ahead=ahead, whole=quotations)
    warnings.extend(found)
    if drafts.interpretations:
        from .wording.interpretations import quotes_of_set

        quotes_of_set(drafts, mine, dict(sources), quotations)
    if part:  # only the drafts named, and of them only those with the status asked for
        provisions = [p for p in drafts.provisions if p.span is not None and p.span.file in mine
                      and (args.status is None or (p.status is not None and p.status.name == args.status))]
        checked = check_provisions(provisions, args.against, drafts.rules, drafts.decisions,
                                   measures=drafts.obligations)
    else:
        checked = check_set(drafts, args.against)
    reports = [c.report for c in checked]
    text: str | list[str]
    if args.format == "json":  # always a list (schemas/check.schema.json), so a pipeline reads one shape
        text = dumps_all(reports)
    elif reports:  # the reports one after the other, never joined: a large set's would be held twice
        text = ["\n"] * (2 * len(reports) - 1)
        text[::2] = [to_text(r, args.lang) for r in reports]
    else:  # obligations, interpretations or general-part rules alone: nothing is an offence to check
        text = ("所审查的文件中没有犯罪条文。\n" if args.lang == "zh" else
                "No offence provision among the drafts: there is nothing to check against the treaty.\n")
    return text, drafts.paths, all(r.conforms for r in reports)


def cmd_review(args: argparse.Namespace) -> int:
    from .language.ast import Provision
    from .outputs.review import FORMATS, dumps
    from .pipeline import DraftSet, draft_paths, load, review_drafts

    loaded = load([*args.paths, *args.pending])  # read together: a bill may cite the articles it amends
    _warn(loaded.warnings)
    waiting = {os.path.realpath(p) for p in draft_paths(args.pending)} - \
        {os.path.realpath(p) for p in draft_paths(args.paths)} if args.pending else set()
    drafts = DraftSet(tuple(f for f in loaded.files if os.path.realpath(f.path) not in waiting), loaded.warnings,
                      loaded.decisions)
    pending = [d for f in loaded.files if os.path.realpath(f.path) in waiting for d in f.documents
               if isinstance(d, Provision)]
    reviews = review_drafts(drafts, args.against, pending)
    text: str | bytes
    if not reviews:
        text = ("所审查的文件中没有犯罪条文，无可审查的内容。\n" if args.lang == "zh" else
                "No offence provision among the drafts: there is nothing to review against the treaty.\n")
    elif args.format == "docx":
        from .outputs.review_docx import to_docx

        text = to_docx(reviews, args.lang)
    else:
        text = dumps(reviews) if args.format == "json" else FORMATS[args.format](reviews, args.lang)
    written = _write_amendments(args.write_amendments, reviews, args.output) if args.write_amendments else None
    try:
        write_output(text, args.output, drafts.paths)
    except BaseException:  # the review not written: neither are its amendments (all of the run's output, or none)
        if written is not None:
            _unwrite(*written)
        raise
    if written is not None:
        count = len(written[0])
        tell(f"{count} suggested amendment{'s' if count != 1 else ''} written to {args.write_amendments}")
    return EXIT_OK if all(r.conforms for r in reviews) else EXIT_NONCONFORMING


PROGRESS_FROM = 200  # drafts: a smaller set is read before anyone waits for it


@contextlib.contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[int, int], None] | None]:
    """How many drafts are read so far, on one line of standard error rewritten in place, for a long run; only
    where standard error is a terminal (never in a log or a pipe) and not with -q. The line is cleared at the end."""
    if quiet or sys.stderr is None or not sys.stderr.isatty():
        yield None
        return
    shown = [0.0, 0]  # when it was last written, and how wide

    def tell_progress(done: int, total: int) -> None:
        now = time.monotonic()
        if total < PROGRESS_FROM or (now - shown[0] < 0.2 and done != total):
            return
        line = f"lexdraft: reading drafts, {done:,} of {total:,}"
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write("\r" + line)
            sys.stderr.flush()
        shown[:] = [now, len(line)]

    try:
        yield tell_progress
    finally:
        if shown[1]:
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write("\r" + " " * shown[1] + "\r")
                sys.stderr.flush()


def _write_amendments(folder: str, reviews: Sequence[Any], output: str | None) -> tuple[list[Path], list[Path]]:
    """Each suggested amendment as a .lexd draft in `folder`, for a drafter to start from: the files and the folders
    made. A file already there is never replaced: every name is checked before any is written, so a second run
    changes nothing (E409); and a run stopped halfway (a full disk, a signal) removes what it wrote, leaving the
    folder as it found it."""
    from .outputs.review import amendment_file

    target = Path(folder)
    if target.exists() and not target.is_dir():
        raise fail("E409", f"--write-amendments {folder}: not a folder", None, "name a folder to write the drafts in")
    files = [(target / amendment_file(r.jurisdiction, am), am.lexd) for r in reviews for am in r.amendments()]
    taken = [str(path) for path, _ in files if path.exists() or path.is_symlink()]
    if taken:
        raise LexdraftError([Diagnostic("E409", f"{path} exists: a suggested amendment never replaces a file", None,
                                        ("move it away, or write the amendments to another folder",))
                             for path in taken])
    named = [str(path) for path, _ in files if output and os.path.realpath(path) == os.path.realpath(output)]
    if named:  # the review, written after, would replace the amendment just written
        raise fail("E409", f"`-o {output}` names {named[0]}, a suggested amendment's file", None,
                   "write the review to another file, or the amendments to another folder")
    made: list[Path] = []
    folders = [p for p in (target, *target.parents) if not p.exists() and not p.is_symlink()][::-1]
    try:
        target.mkdir(parents=True, exist_ok=True)
        for path, lexd in files:
            with open(path, "x", encoding="utf-8", newline="\n") as f:  # "x": fails rather than replace
                made.append(path)
                f.write(lexd)
    except BaseException as e:
        _unwrite(made, folders)
        if isinstance(e, OSError):
            raise fail("E409", f"cannot write {e.filename}: {e.strerror}; nothing was written", None,
                       "check that the folder can be written in and that the disk has room") from None
        raise
    return made, folders


def _unwrite(files: list[Path], folders: list[Path]) -> None:
    """Remove the amendments a run wrote, and the folders it made for them (innermost first), if left empty."""
    for path in files:
        with contextlib.suppress(OSError):
            path.unlink()
    for made in reversed(folders):
        with contextlib.suppress(OSError):
            made.rmdir()


def cmd_atlas(args: argparse.Namespace) -> int:
    from .outputs import atlas
    from .pipeline import check_provisions, load

    drafts = load(args.paths)
    _warn(drafts.warnings)
    checked = check_provisions(drafts.provisions, args.against, drafts.rules, drafts.decisions,
                               measures=drafts.obligations)
    matrix = atlas.atlas([(c.jurisdiction, c.report) for c in checked], args.lang)
    write = {"text": atlas.to_text, "markdown": atlas.to_markdown, "json": atlas.to_json, "csv": atlas.to_csv,
             "html": atlas.to_html}[args.format]
    write_output(write(matrix), args.output, drafts.paths)
    return EXIT_OK  # a survey of many systems, not a gate: `check` says whether one set conforms


def _warn(warnings: Sequence[Diagnostic]) -> None:
    """Lint warnings go to stderr, as errors do, but stop nothing: the exit code is the command's own."""
    if warnings:
        tell(format_all(list(warnings)))


def cmd_render(args: argparse.Namespace) -> int:
    from .pipeline import load_in_context
    from .wording.render import provisions_of, render

    loaded = load_in_context(args.file, args.with_paths)
    _warn(loaded.warnings)
    provisions = provisions_of([d for f in loaded.files for d in f.documents])
    documents = loaded.draft.documents
    lang = args.lang or "en"  # a comparison table's own default is its statutes' language (_comparison)
    out: str | bytes
    chosen = [o for o, v in (("--table", args.table), ("--memorandum", args.memorandum),
                             ("--as-amended", args.as_amended)) if v]
    if len(chosen) > 1:
        raise fail("E401", f"{' and '.join(chosen)} each write a document of their own", None,
                   "give one of them; render again for another")
    if args.table:
        out = _comparison(documents, [d for f in loaded.files for d in f.documents], args)
    elif args.memorandum:
        out = _memorandum(documents, [d for f in loaded.files for d in f.documents], args)
    elif args.as_amended:
        out = _as_amended(documents, [d for f in loaded.files for d in f.documents], args)
    elif args.format == "docx":
        from .outputs.docx import to_docx

        out = to_docx(documents, lang, provisions)
    elif args.format == "akn":
        from .outputs.akn import to_akn

        out = to_akn(documents, lang, provisions, name=Path(args.file).stem)
    else:
        out = "\n".join(render(doc, lang, provisions) for doc in documents)
    write_output(out, args.output, loaded.paths)
    return EXIT_OK


def _comparison(documents: Sequence[Any], context: Sequence[Any], args: argparse.Namespace) -> str | bytes:
    """`render --table`: the amendments of the file beside the text in force, in the pack's form."""
    from .outputs import comparison
    from .wording.comparison import comparison_table

    if args.format != "text":
        raise fail("E401", f"--format {args.format} writes the draft, not its comparison table", None,
                   f"give the table's format to --table: `--table {'docx' if args.format == 'docx' else 'html'}`")
    table = comparison_table(documents, context, args.lang)
    if args.table == "docx":
        from .outputs.docx import comparison_docx

        return comparison_docx(table)
    return {"text": comparison.to_text, "markdown": comparison.to_markdown, "html": comparison.to_html}[args.table](
        table)


def _as_amended(documents: Sequence[Any], context: Sequence[Any], args: argparse.Namespace) -> str | bytes:
    """`render --as-amended`: the articles the file's amendments change, as the statute would read with them made,
    marked as not in force."""
    from .outputs import consolidated
    from .wording.consolidated import consolidated_page

    if args.format != "text":
        raise fail("E401", f"--format {args.format} writes the draft, not the text as amended", None,
                   f"give its format to --as-amended: `--as-amended {'docx' if args.format == 'docx' else 'html'}`")
    page = consolidated_page(documents, context, args.lang)
    if args.as_amended == "docx":
        from .outputs.docx import consolidated_docx

        return consolidated_docx(page)
    if args.as_amended == "akn":
        from .outputs.akn import consolidated_akn

        return consolidated_akn(page, documents)
    return {"text": consolidated.to_text, "markdown": consolidated.to_markdown,
            "html": consolidated.to_html}[args.as_amended](page)


def _memorandum(documents: Sequence[Any], context: Sequence[Any], args: argparse.Namespace) -> str | bytes:
    """`render --memorandum`: the explanatory memorandum of the file's bill, its findings re-checked item by item
    against the text in force read with it."""
    from .language.ast import Amendment
    from .outputs import memorandum as m

    if args.format != "text":
        raise fail("E401", f"--format {args.format} writes the draft, not its memorandum", None,
                   f"give the memorandum's format to --memorandum: `--memorandum {args.format}`")
    bills = [d for d in documents if isinstance(d, Amendment)]
    if not bills:
        raise fail("E412", "nothing here is an amendment bill: a memorandum explains a bill's items", documents[0].span
                   if documents else None, "render a bill (`bill ID { … item … }`) with --memorandum")
    if len(bills) > 1:
        raise fail("E412", "a memorandum explains one bill, and this file holds several", bills[1].span,
                   "put each bill in a file of its own")
    memo = m.memorandum(bills[0], context, args.lang or "en")
    if args.memorandum == "docx":
        from .outputs.docx import memorandum_docx

        return memorandum_docx(memo)
    if args.memorandum == "akn":
        from .outputs.akn import memorandum_akn

        return memorandum_akn(memo, bills[0])
    return {"text": m.to_text, "markdown": m.to_markdown, "html": m.to_html}[args.memorandum](memo)


def cmd_import(args: argparse.Namespace) -> int:
    from .language.akn import import_akn

    write_output(import_akn(args.files), args.output, args.files)
    return EXIT_OK


def _to_data(node: Any) -> Any:
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        out: dict[str, Any] = {"node": type(node).__name__.rstrip("_")}
        for f in dataclasses.fields(node):
            out[f.name] = _to_data(getattr(node, f.name))
        return out
    if isinstance(node, tuple):
        return [_to_data(n) for n in node]
    return node


def cmd_parse(args: argparse.Namespace) -> int:
    from .pipeline import load_in_context

    # neighbours give context (an interpretation's provision); only this file's problems count
    loaded = load_in_context(STDIN, args.with_paths, _stdin_text(), beside=False) if args.file == "-" \
        else load_in_context(args.file, args.with_paths)
    _warn(loaded.warnings)
    text = escape.json_text(json.dumps(_to_data(loaded.draft), ensure_ascii=False, indent=2) + "\n") if args.ast \
        else "ok\n"
    write_output(text, args.output, loaded.paths)
    return EXIT_OK


def cmd_fmt(args: argparse.Namespace) -> int:
    from .language.fmt import format_source
    from .language.parse import read_source
    from .pipeline import draft_paths

    # Every file is formatted before any is written, so a syntax error in one leaves all of them untouched.
    if "-" in args.paths and args.write:
        raise fail("E408", "`fmt --write -` would write standard input back", None,
                   "leave out --write: the draft read from standard input is printed formatted")
    results: list[tuple[str, str, str, tuple[int, int, str] | None]] = []
    named = [p for p in args.paths if p != "-"]
    for path in draft_paths(named) if named else []:
        seen = fingerprint(path)  # before reading: an edit saved from now on is never overwritten
        text = read_source(path)
        results.append((path, text, format_source(text, path), seen))
    if "-" in args.paths:
        text = _stdin_text()
        results.append((STDIN, text, format_source(text, STDIN), None))
    if not (args.check or args.write):
        write_stdout("".join(formatted for _, _, formatted, _ in results))
        return EXIT_OK
    changed = [(path, formatted, seen) for path, text, formatted, seen in results if formatted != text]
    if args.write:
        for path, _, _ in changed:  # before any is written: all of them are rewritten, or none
            if not os.stat(path).st_mode & 0o222:
                raise fail("E408", f"`{path}` is read-only", None, "make it writable first; no file was rewritten")
        for path, formatted, seen in changed:
            write_output(formatted, path, unchanged=seen)
        return EXIT_OK
    for path, _, _ in changed:
        shown = escape.path(path)
        tell(f"{shown}: not formatted" + ("" if path == STDIN else f" (run `lexdraft fmt --write {shown}`)"))
    return EXIT_NONCONFORMING if changed else EXIT_OK


def _drafts_read(paths: list[str]) -> list[str]:
    """The working tree's drafts under `paths`, which `-o` must not name (found as the gate finds them)."""
    from .pipeline import draft_paths

    try:
        return draft_paths([p for p in paths if os.path.exists(p)], allow_empty=True)
    except LexdraftError:  # the gate itself reports the path's problem
        return []


def cmd_gate(args: argparse.Namespace) -> int:
    from .gate.base_packs import judged_by
    from .gate.compare import run
    from .gate.junit import to_junit
    from .gate.report import to_html, to_markdown, to_text
    from .gate.sarif import invalid_sarif, to_sarif
    from .language.ast import TreeNeeded

    reads = _drafts_read(args.paths or ["."])  # never the output, on either path
    try:
        # Both sides are judged by the packs of the base: a change cannot edit the pack its own check reads.
        with judged_by(args.base, args.paths or ["."], args.pack, accept=args.accept_rule_changes) as rules:
            def to_docx(result: Any) -> bytes:  # python-docx and lxml are loaded only for a Word report
                from .gate.word import to_docx

                return to_docx(result)

            writers = {"text": to_text, "markdown": to_markdown, "html": to_html, "sarif": to_sarif,
                       "junit": to_junit, "docx": to_docx}

            def gated(sketch: bool) -> tuple[Any, str | bytes]:
                result = run(args.base, args.paths or ["."], args.against,
                             tolerate_partly_met=args.tolerate_partly_met,
                             fail_on_new_warnings=args.fail_on_new_warnings, staged=args.staged,
                             accept_rule_changes=args.accept_rule_changes, strict_review=args.strict_review,
                             rule_paths=rules, sketch=sketch)
                return result, writers[args.format](result)

            try:  # the drafts the change left alone sketched, as long as nothing reads more of them
                result, report = gated(True)
            except TreeNeeded:
                result, report = gated(False)
    except LexdraftError as e:
        if args.format == "sarif":  # code hosts annotate the broken draft; the errors still go to stderr
            write_output(invalid_sarif(e.diagnostics), args.output, reads)
        raise
    write_output(report, args.output, reads)
    return EXIT_NONCONFORMING if result.failed else EXIT_OK


def cmd_explain(args: argparse.Namespace) -> int:
    write_stdout(explain(args.code))
    return EXIT_OK


def cmd_terms(args: argparse.Namespace) -> int:
    from .language.vocabulary import term_list

    write_stdout(term_list(args.section))
    return EXIT_OK


def cmd_cache(args: argparse.Namespace) -> int:
    from .resources import MEGABYTES_VARIABLE, cache_info, clear_cache

    info = clear_cache() if args.clear else cache_info()
    if info is None:
        write_stdout("lexdraft keeps no cache here: the user's cache folder cannot be had privately\n")
        return EXIT_OK
    lines = [f"cache folder: {info.folder}",
             f"entries: {info.entries:,}, {info.size / 1_000_000:,.1f} MB"]
    if args.clear:
        lines.append(f"removed: {info.removed:,} entries")
    else:
        cap, source = cache_megabytes()
        lines.append(f"cap: {cap:,} MB ({source}; set it with `cache-megabytes` in lexdraft.toml or "
                     f"{MEGABYTES_VARIABLE}): the entries used longest ago are removed above it")
    write_stdout("\n".join(lines) + "\n")
    return EXIT_OK


def cmd_lsp(args: argparse.Namespace) -> int:
    from .lsp import serve

    return serve()


PACK_HELP = ("a folder of jurisdiction packs (or one pack) to use beside the bundled ones and lexdraft.toml's, "
             "e.g. --pack office-packs (repeatable)")
NO_CACHE_HELP = ("neither read nor write the cache of parsed drafts, lint findings and verdicts (kept in the user's "
                 "cache folder, by the hash of the drafts and of lexdraft itself), e.g. --no-cache to time a cold "
                 "run")


def _no_cache_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--no-cache", action="store_true", help=NO_CACHE_HELP)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="lexdraft", description="Draft, check and render offence provisions.")
    ap.add_argument("--version", action="version", version=f"lexdraft {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="check drafts against treaty articles")
    c.add_argument("paths", nargs="+", metavar="PATH",
                   help="draft files or folders, checked together per jurisdiction; `-` reads a draft from standard "
                        "input, e.g. `lexdraft fmt - < a.lexd | lexdraft check -`")
    c.add_argument("--against", action="append", metavar="ID",
                   help="treaty article, e.g. --against uncc.16 (repeatable; default: all)")
    c.add_argument("--with", dest="with_paths", action="append", default=[], metavar="PATH",
                   help="drafts read as context and not checked themselves: what the checked ones cite, breach or "
                        "take their general part from, e.g. --with drafts/prc/in-force (repeatable)")
    c.add_argument("--status", choices=("in-force", "outdated", "proposed"),
                   help="check only the provisions with this status, e.g. --status proposed: the reform alone, "
                        "the law in force read as context")
    c.add_argument("--format", choices=("text", "json"), default="text",
                   help="text for people, or json for programs (a list of reports, schemas/check.schema.json), "
                        "e.g. --format json")
    c.add_argument("--lang", choices=("en", "zh"), default="en", help="the language of a text report, e.g. --lang zh")
    c.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE, e.g. -o report.json")
    c.add_argument("-q", "--quiet", action="store_true",
                   help="no lint warnings on standard error: the report and the exit code only, e.g. in a script")
    c.add_argument("--pack", action="append", default=[], metavar="DIR", help=PACK_HELP)
    _no_cache_option(c)
    c.set_defaults(run=cmd_check)

    v = sub.add_parser("review", help="write the country review of drafts against treaty articles")
    v.add_argument("paths", nargs="+", metavar="PATH",
                   help="draft files or folders, reviewed per jurisdiction, e.g. drafts/prc/in-force")
    v.add_argument("--against", action="append", metavar="ID",
                   help="treaty article, e.g. --against uncc.14 (repeatable; default: all)")
    v.add_argument("--format", choices=("text", "markdown", "html", "docx", "json"), default="text",
                   help="text, markdown, html or a Word document (binary: give -o FILE.docx) for people, json for "
                        "programs (schemas/review.schema.json), e.g. --format markdown")
    v.add_argument("--lang", choices=("en", "zh"), default="en", help="the language of the review, e.g. --lang zh")
    v.add_argument("-o", "--output", metavar="FILE", help="write the review to FILE, e.g. -o review.md")
    v.add_argument("--pending", action="append", default=[], metavar="PATH",
                   help="drafts pending before the legislature (a bill, proposals), read beside the law reviewed and "
                        "not reviewed themselves: a gap one of them closes is said to be closed by it and gets no "
                        "suggested amendment, e.g. --pending drafts/prc/proposed (repeatable)")
    v.add_argument("--write-amendments", metavar="DIR",
                   help="write each suggested amendment as a .lexd draft in DIR, never replacing a file, "
                        "e.g. --write-amendments amendments")
    v.add_argument("--pack", action="append", default=[], metavar="DIR", help=PACK_HELP)
    _no_cache_option(v)
    v.set_defaults(run=cmd_review)


    a = sub.add_parser("atlas", help="the matrix of jurisdictions and treaty requirements, with each set's verdicts")
    a.add_argument("paths", nargs="+", metavar="PATH", help="draft files or folders, checked together per jurisdiction")
    a.add_argument("--against", action="append", metavar="ID",
                   help="treaty article, e.g. uncc.16 (repeatable; default: all)")
    a.add_argument("--format", choices=("text", "markdown", "json", "csv", "html"), default="text")
    a.add_argument("--lang", choices=("en", "zh"), default="en")
    a.add_argument("-o", "--output", metavar="FILE")
    a.add_argument("--pack", action="append", default=[], metavar="DIR", help=PACK_HELP)
    a.set_defaults(run=cmd_atlas)

    r = sub.add_parser("render", help="render a draft as statute or interpretation text")
    r.add_argument("file", help="the draft, e.g. drafts/prc/proposed/253-2-dfii.lexd")
    r.add_argument("--lang", choices=("en", "zh"), default=None,
                   help="the language of the text (English by default; a comparison table, a statute document, "
                        "in its statutes' authentic language), e.g. --lang zh")
    r.add_argument("--format", choices=("text", "docx", "akn"), default="text",
                   help="plain text, a Word document (binary: give -o FILE.docx), or Akoma Ntoso 3.0 XML, "
                        "e.g. --format docx -o 253-2.docx")
    r.add_argument("--table", nargs="?", const="text", choices=("text", "markdown", "html", "docx"), metavar="FORMAT",
                   help="instead, the comparison table of the file's amendments in its pack's form (修改前 | 修改后; "
                        "Taiwan's 修正條文 | 現行條文 | 說明) as text (the default), markdown, html or docx, e.g. "
                        "--table markdown --with drafts/prc/in-force")
    r.add_argument("--memorandum", nargs="?", const="text", choices=("text", "markdown", "html", "docx", "akn"),
                   metavar="FORMAT",
                   help="instead, the explanatory memorandum of the file's bill (关于《……（草案）》的说明): "
                        "each item's papers and the treaty findings it changes in the law in force, as text (the "
                        "default), markdown, html, docx or akn, e.g. --memorandum --with drafts/prc/in-force")
    r.add_argument("--as-amended", nargs="?", const="text", choices=("text", "markdown", "html", "docx", "akn"),
                   metavar="FORMAT",
                   help="instead, the articles the file's amendments change as the statute would read with them made, "
                        "marked as not in force, as text (the default), markdown, html, docx or akn, e.g. "
                        "--as-amended --with drafts/tw/in-force")
    r.add_argument("--with", dest="with_paths", action="append", default=[], metavar="PATH",
                   help="more drafts the file refers to (the drafts beside it are always read), "
                        "e.g. --with drafts/prc/in-force")
    r.add_argument("-o", "--output", metavar="FILE", help="write the text to FILE, e.g. -o 253-2.txt")
    r.add_argument("--pack", action="append", default=[], metavar="DIR", help=PACK_HELP)
    _no_cache_option(r)
    r.set_defaults(run=cmd_render)

    p = sub.add_parser("parse", help="parse and lint one draft")
    p.add_argument("file", help="the draft, e.g. drafts/prc/proposed/253-2-dfii.lexd; `-` reads it from standard input")
    p.add_argument("--ast", action="store_true", help="print the AST as JSON, e.g. --ast | jq '.documents[0].id'")
    p.add_argument("--with", dest="with_paths", action="append", default=[], metavar="PATH",
                   help="more drafts the file refers to (the drafts beside it are always read), "
                        "e.g. --with drafts/prc/in-force")
    p.add_argument("-o", "--output", metavar="FILE", help="write the result to FILE, e.g. --ast -o ast.json")
    p.add_argument("--pack", action="append", default=[], metavar="DIR", help=PACK_HELP)
    _no_cache_option(p)
    p.set_defaults(run=cmd_parse)

    i = sub.add_parser("import", help="turn an act published in another format into drafts")
    i.add_argument("kind", choices=("akn",), help="akn: an Akoma Ntoso 3.0 act")
    i.add_argument("files", nargs="+", metavar="FILE",
                   help="the act; give its Chinese and English expressions together for both texts")
    i.add_argument("-o", "--output", metavar="FILE", help="the .lexd file to write (default: standard output)")
    i.set_defaults(run=cmd_import)

    f = sub.add_parser("fmt", help="print drafts in canonical layout")
    f.add_argument("paths", nargs="+", metavar="PATH",
                   help="draft files or folders, e.g. drafts/; `-` reads a draft from standard input")
    f.add_argument("--pack", action="append", default=[], metavar="DIR", help=PACK_HELP)
    mode = f.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="exit 1 when a file is not formatted, e.g. `lexdraft fmt --check drafts/` in CI")
    mode.add_argument("--write", action="store_true",
                      help="rewrite the files in place, e.g. `lexdraft fmt --write drafts/`")
    f.set_defaults(run=cmd_fmt)

    g = sub.add_parser("gate", help="compare the drafts at a git revision with the working tree")
    g.add_argument("paths", nargs="*", metavar="PATH",
                   help="draft files or folders (default: the current folder), e.g. drafts/")
    g.add_argument("--base", required=True, metavar="REV", help="the git revision to compare with, e.g. origin/main")
    g.add_argument("--against", action="append", metavar="ID",
                   help="treaty article, e.g. --against uncc.16 (repeatable; default: every article the drafts "
                        "touch)")
    g.add_argument("--tolerate-partly-met", action="store_true",
                   help="an obligatory requirement may drop to partly-met; only not-met fails")
    g.add_argument("--fail-on-new-warnings", action="store_true", help="new lint warnings fail the gate too")
    g.add_argument("--strict-review", action="store_true",
                   help="an obligatory requirement moving into not-assessed, or out of it to a gap, fails the gate")
    g.add_argument("--accept-rule-changes", action="store_true",
                   help="a maintainer approved the change's edits to specs, vocabulary, packs or lexdraft.toml")
    side = g.add_mutually_exclusive_group()
    side.add_argument("--staged", action="store_true",
                      help="compare what is staged for the next commit (the index; a pre-commit hook's choice)")
    side.add_argument("--working-tree", dest="staged", action="store_false",
                      help="compare the files as they are on disk, untracked ones included (the default)")
    g.add_argument("--format", choices=("text", "markdown", "html", "sarif", "junit", "docx"), default="text",
                   help="text, a pull-request comment (markdown), a page (html), code-scanning annotations (sarif), "
                        "test results (junit) or a Word document (docx), e.g. --format docx -o gate.docx")
    g.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE, e.g. -o gate.md")
    g.add_argument("--pack", action="append", default=[], metavar="DIR", help=PACK_HELP)
    _no_cache_option(g)
    g.set_defaults(run=cmd_gate)

    e = sub.add_parser("explain", help="say what a diagnostic code means, with an example of the mistake")
    e.add_argument("code", metavar="CODE", help="e.g. E204")
    e.set_defaults(run=cmd_explain)

    t = sub.add_parser("terms", help="list the vocabulary's terms of one kind, with their English and Chinese labels "
                       "(with the packs in use), or, without a kind, the kinds")
    t.add_argument("section", metavar="KIND", nargs="?",
                   help="e.g. conduct, exceptions, object-attributes.depicts; leave out to list the kinds")
    t.add_argument("--pack", action="append", default=[], metavar="DIR", help=PACK_HELP)
    t.set_defaults(run=cmd_terms)

    k = sub.add_parser("cache", help="say where lexdraft's cache is and how large, or empty it")
    what = k.add_mutually_exclusive_group()
    what.add_argument("--info", action="store_true",
                      help="the folder, its entries, their size and the cap (the default), e.g. lexdraft cache --info")
    what.add_argument("--clear", action="store_true",
                      help="remove every entry: the next runs rebuild what they need, e.g. lexdraft cache --clear")
    k.set_defaults(run=cmd_cache)

    lsp = sub.add_parser("lsp", help="run the language server for editors, over standard input and output")
    lsp.set_defaults(run=cmd_lsp)
    return ap


def _json_errors(diagnostics: list[Diagnostic]) -> None:
    """With JSON asked for on standard output, the errors go there as JSON too (schemas/check.schema.json), beside
    the located messages on standard error; an output that cannot be written then is left to the exit code."""
    from .outputs.report import errors_json

    with contextlib.suppress(OSError, LexdraftError):
        write_stdout(errors_json(diagnostics))


def _killed(signum: int, _frame: object) -> None:
    """SIGTERM or SIGHUP: unwind (a temporary output file is removed on the way) and exit 128 + the signal."""
    raise SystemExit(128 + signum)


def _cache_cap(args: argparse.Namespace) -> None:
    """The cap on the cache folder: LEXDRAFT_CACHE_MB, else lexdraft.toml's `cache-megabytes`, else the default."""
    inputs = [*(getattr(args, "paths", None) or ()), *([args.file] if getattr(args, "file", None) else ())]
    cache_setting(configured_cache_megabytes(inputs[0] if inputs else os.getcwd()))
    try:
        cache_megabytes()
    except CacheSizeError as e:
        raise fail("E706", f"LEXDRAFT_CACHE_MB is {str(e)!r}, not a whole number of megabytes", None,
                   "set it to a number such as 512, or unset it to use lexdraft.toml's `cache-megabytes` "
                   "(default 512)") from None


def _use_packs(args: argparse.Namespace, scope: contextlib.ExitStack) -> None:
    """The bundled packs, those the drafts repository's lexdraft.toml names, and those given with --pack, for the
    command's `scope`. The gate chooses its own (gate.base_packs): the working tree's settings are the change's, not
    the base's."""
    if args.command == "gate":
        return
    inputs = [*(getattr(args, "paths", None) or ()), *([args.file] if getattr(args, "file", None) else ())]
    # each input's own settings: drafts of several repositories (an atlas of them) each bring the packs theirs name
    named = dict.fromkeys(f for start in (inputs or [os.getcwd()]) for f in configured_packs(start))
    scope.enter_context(packs.using([*named, *(getattr(args, "pack", None) or ())]))


def main(argv: list[str] | None = None) -> int:
    # A command builds many long-lived objects (tokens, AST nodes, spans) and no reference cycles worth collecting,
    # so the cyclic collector would only walk them again and again: `check` on 10,000 provisions took 27 s with it
    # and 16.5 s without, at the same peak memory. It is switched back on for callers that run main in-process.
    collecting = gc.isenabled()
    gc.disable()
    if argv is None:  # the command line: killed, it still removes its temporary file (write_output) and says how
        for name in ("SIGTERM", "SIGHUP"):  # Windows has no SIGHUP
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), _killed)
    args = None
    scope = contextlib.ExitStack()
    try:
        args = build_parser().parse_args(argv)
        store_enabled(not getattr(args, "no_cache", False))
        _use_packs(args, scope)
        _cache_cap(args)
        run: Callable[[argparse.Namespace], int] = args.run
        code = run(args)
        trim_if_due()
        if sys.stdout is not None and not sys.stdout.closed:  # the language server closes it when told to exit
            try:
                sys.stdout.flush()  # now, where a failure is still told and counted, not at the interpreter's exit
            except BrokenPipeError:
                raise
            except OSError as e:
                raise _stdout_error(e) from None
        return code
    except LexdraftError as e:
        tell(format_all(e.diagnostics, {**dict(e.sources), **({STDIN: _read_stdin[-1]} if _read_stdin else {})}))
        if getattr(args, "format", None) == "json" and not getattr(args, "output", None):
            _json_errors(e.diagnostics)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of standard output went away (`lexdraft check drafts | head`): nothing more to tell it.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE
    except Exception as e:
        if os.environ.get("LEXDRAFT_TRACEBACK"):
            raise
        tell(f"lexdraft: internal error: {type(e).__name__}: {e}\n"
             "  = this is a bug in lexdraft, not a mistake in the drafts: please report it with the command that "
             "ran (LEXDRAFT_TRACEBACK=1 shows where it happened)")
        return EXIT_INTERNAL
    finally:
        scope.close()  # the packs in use before: an in-process caller's next call chooses its own
        store_enabled(True)  # and decides again whether to cache
        if argv is None:
            # The process ends now (the command line, not an in-process caller): freezing everything spares the
            # interpreter's final collection over it, ~25 ms of a one-file check.
            gc.freeze()
        elif collecting:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
