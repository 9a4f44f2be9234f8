"""Publish drafts with Sphinx: bilingual statute text, conformance reports, spec and vocabulary references.

Enable with ``extensions = ["lexdraft.sphinx"]``. A thin adapter: every directive loads and checks drafts through
lexdraft.pipeline, as the CLI does, and turns the typed results into nodes; a draft's errors become Sphinx
warnings at the draft's file, line and column.
"""

from __future__ import annotations

import json
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.config import Config
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from .. import __version__
from ..diagnostics import Diagnostic, LexdraftError, fail, format_diagnostic
from ..language.ast import Amendment, Document, DraftFile, Interpretation, Provision, Text
from ..pipeline import DraftSet, by_jurisdiction, check_groups, decision_paths, draft_paths, load, treaty_articles
from ..resources import data_dir
from ..treaty.conformance import Finding, Report
from ..treaty.papers import cite_text
from ..treaty.spec import spec_for, spec_path
from ..treaty.values import Force, Verdict

logger = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
# Where the site keeps each draft file as Word and Akoma Ntoso, beside its pages.
DOWNLOADS = "_downloads/lexdraft"
LANG_NAMES = {"zh": "中文", "en": "English"}


# ---------------------------------------------------------------- node helpers

def _para(text: str, *classes: str) -> nodes.paragraph:
    return nodes.paragraph(text, text, classes=list(classes))


def _bill_title(doc: Document) -> Text | None:
    """A bill's title as the bill renders it (the pack composes it), for the heading of its section."""
    if not isinstance(doc, Amendment):
        return None
    from ..wording.bills import bill_page

    return Text(zh=bill_page(doc, "zh").title, en=bill_page(doc, "en").title)


def _zh_tag(doc: Document) -> str:
    """The language tag of a document's Chinese text: Taiwan's (Traditional characters) or the PRC's (Simplified).

    Region tags rather than script tags (zh-Hant): docutils knows the quotation marks of zh-TW and zh-CN only.
    """
    from .. import packs

    p = packs.pack(doc.jurisdiction.name) if doc.jurisdiction is not None else None
    return "zh-TW" if p is not None and p.script == "hant" else "zh-CN"


def _bilingual(en: str, zh: str, zh_tag: str = "zh-CN") -> list[nodes.Node]:
    """An English and a Chinese phrase, each tagged with its language."""
    return [nodes.inline(en, en, classes=["language-en"]), nodes.Text(" / "),
            nodes.inline(zh, zh, classes=[f"language-{zh_tag}"])]


def _xref(role: str, target: str, text: str | None = None) -> addnodes.pending_xref:
    """A citation the domain resolves; one it cannot resolve (a provision not published) stays plain text."""
    ref = addnodes.pending_xref("", refdomain="lexdraft", reftype=role, reftarget=target, refwarn=False,
                                refexplicit=text is not None)
    ref += nodes.literal(text or target, text or target, classes=["xref", "lexdraft", f"lexdraft-{role}"])
    return ref


def _anchor(kind: str, ident: str) -> str:
    """An HTML id: lexdraft ids are already safe ([a-z0-9.-]), and kept whole so 253-2 and 253.2 stay apart."""
    return f"lexdraft-{kind}-{ident}"


def _blocks(text: str) -> list[list[str]]:
    """Rendered text as its blocks (runs of lines between blank lines)."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def side_by_side(zh: str, en: str, zh_tag: str) -> nodes.container:
    """Chinese and English in two columns, block beside block, so each paragraph faces its translation."""
    # support_smartquotes=False: the text is the renderer's, quoted statute text included; docutils must not retype it.
    grid = nodes.container(classes=["lexdraft-bilingual"], support_smartquotes=False)
    zh_blocks, en_blocks = _blocks(zh), _blocks(en)
    # The templates lay the two languages out block for block; should they ever differ, show each text whole.
    pairs = zip(zh_blocks, en_blocks) if len(zh_blocks) == len(en_blocks) else [
        ([line for b in zh_blocks for line in b], [line for b in en_blocks for line in b])]
    for zh_lines, en_lines in pairs:
        for lang, lines in ((zh_tag, zh_lines), ("en", en_lines)):
            cell = nodes.container(classes=["lexdraft-text", f"language-{lang}"])
            cell.extend(_para(line) for line in lines)
            grid += cell
    return grid


def _section(anchor: str, title: Iterable[nodes.Node] | str) -> nodes.section:
    section = nodes.section(ids=[anchor])
    heading = nodes.title()
    if isinstance(title, str):
        heading += nodes.Text(title)
    else:
        heading.extend(title)
    section += heading
    return section


def _project_top(srcdir: Path) -> Path:
    """The project a site's drafts may come from: the git repository holding the docs, else the docs folder."""
    here = srcdir.resolve()
    return next((p for p in (here, *here.parents) if (p / ".git").exists()), here)


def _shown_path(path: str, srcdir: Path) -> str:
    """A draft's path as the page shows it: from the source folder, without leading `../` (no machine paths)."""
    parts = Path(os.path.relpath(path, srcdir)).parts
    while parts and parts[0] == "..":
        parts = parts[1:]
    return "/".join(parts)


# ---------------------------------------------------------------- the domain

class LexdraftDomain(Domain):
    """Provisions, interpretations and treaty requirements, citable by id and listed in an index."""

    name = "lexdraft"
    label = "lexdraft"
    object_types: ClassVar[dict[str, ObjType]] = {
        "provision": ObjType("provision", "provision"),
        "requirement": ObjType("treaty requirement", "treaty"),
        "report": ObjType("conformance report", "report"),
    }
    roles: ClassVar[dict[str, Any]] = {"provision": XRefRole(warn_dangling=True),
                                       "treaty": XRefRole(warn_dangling=True), "report": XRefRole(warn_dangling=True)}
    dangling_warnings: ClassVar[dict[str, str]] = {
        "provision": "no published provision or interpretation has the id %(target)s",
        "treaty": "no treaty article or requirement has the id %(target)s",
        "report": "no published report is %(target)s",
    }
    initial_data: ClassVar[dict[str, Any]] = {"provision": {}, "requirement": {}, "report": {}}
    data_version = 2

    # data[kind][id] = (docname, anchor, title, group)
    def note(self, kind: str, ident: str, anchor: str, title: str, group: str) -> None:
        known = self.data[kind].get(ident)
        if known is not None and known[0] != self.env.docname:
            logger.warning("%s %s is published twice: on %s and here", kind, ident, known[0],
                           location=self.env.docname, type="lexdraft", subtype="duplicate")
        self.data[kind][ident] = (self.env.docname, anchor, title, group)

    def clear_doc(self, docname: str) -> None:
        for kind in self.initial_data:
            table = self.data[kind]
            for ident in [i for i, entry in table.items() if entry[0] == docname]:
                del table[ident]

    def merge_domaindata(self, docnames: set[str], otherdata: dict[str, Any]) -> None:  # type: ignore[override]
        for kind in self.initial_data:
            for ident, entry in otherdata[kind].items():
                if entry[0] in docnames:
                    self.data[kind][ident] = entry

    def _target(self, role: str, target: str) -> tuple[str, str, str] | None:
        entry = self.data[{"provision": "provision", "report": "report"}.get(role, "requirement")].get(target)
        return (entry[0], entry[1], entry[2]) if entry else None

    def resolve_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str, target: str,
                     node: addnodes.pending_xref, contnode: nodes.Element) -> nodes.reference | None:
        found = self._target(typ, target)
        if found is None:
            return None
        docname, anchor, title = found
        return make_refnode(builder, fromdocname, docname, anchor, contnode, title)

    def resolve_any_xref(self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
                         node: addnodes.pending_xref, contnode: nodes.Element) -> list[tuple[str, nodes.reference]]:
        out = []
        for role in ("provision", "treaty", "report"):
            ref = self.resolve_xref(env, fromdocname, builder, role, target, node, contnode)
            if ref is not None:
                out.append((f"lexdraft:{role}", ref))
        return out

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for kind in self.initial_data:
            for ident, (docname, anchor, _title, _group) in sorted(self.data[kind].items()):
                yield ident, ident, kind, docname, anchor, 1


class ProvisionIndex(Index):
    """Every published provision and interpretation, by jurisdiction."""

    name = "provisions"
    localname = "Index of provisions"
    shortname = "provisions"

    def generate(self, docnames: Iterable[str] | None = None) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        groups: dict[str, list[IndexEntry]] = {}
        wanted = set(docnames) if docnames is not None else None
        for ident, (docname, anchor, title, group) in sorted(self.domain.data["provision"].items()):
            if wanted is None or docname in wanted:
                groups.setdefault(group, []).append(IndexEntry(ident, 0, docname, anchor, "", "", title))
        return sorted(groups.items()), False


# ---------------------------------------------------------------- directives

class PipelineDirective(SphinxDirective, ABC):
    """A directive that runs the lexdraft pipeline and turns its diagnostics into located Sphinx warnings."""

    def run(self) -> list[nodes.Node]:
        for name in ("vocabulary/vocabulary.yaml", "grammar/lexdraft.lark"):
            folder, file = name.split("/")
            self.env.note_dependency(str(data_dir(folder) / file))
        try:
            return self.produce()
        except LexdraftError as e:
            return self.report_errors(e.diagnostics)

    @abstractmethod
    def produce(self) -> list[nodes.Node]:
        """The directive's nodes; a LexdraftError raised here is reported by `run`."""

    def report_errors(self, diagnostics: list[Diagnostic]) -> list[nodes.Node]:
        """Each diagnostic as a warning at its own place (so `-W` fails) and, on the page, as the CLI prints it."""
        shown = []
        # A page that shows a draft set's report and its text loads the set twice: each mistake is told once a page.
        told = self.env.temp_data.setdefault("lexdraft-told", set())
        assert isinstance(told, set)
        for d in diagnostics:
            text = format_diagnostic(d)
            shown.append(text)
            if text in told:
                continue
            told.add(text)
            first, _, rest = text.partition("\n")
            if d.span is not None:
                location: Any = d.span.location()
                first = first.removeprefix(f"{location}: ")
            else:
                location = self.get_location()
            logger.warning("%s", first + ("\n" + rest if rest else ""), location=location, type="lexdraft",
                           subtype=d.code)
        box = nodes.error()
        box += nodes.literal_block("\n".join(shown), "\n".join(shown))
        return [box]

    def report_warnings(self, diagnostics: Sequence[Diagnostic]) -> None:
        """Lint warnings in the build log at their place, once a build; as in the CLI they stop nothing, so they are
        not Sphinx warnings (which `-W` would turn into errors)."""
        told = self.env.temp_data.setdefault("lexdraft-warned", set())
        assert isinstance(told, set)
        for d in diagnostics:
            text = format_diagnostic(d)
            if text not in told:
                told.add(text)
                logger.info("%s", text)

    def draft_path(self, argument: str) -> Path:
        _, absolute = self.env.relfn2path(argument, self.env.docname)
        path = Path(absolute)
        if not path.exists():
            raise fail("E001", f"no such file or folder: {argument}", None,
                       "a relative path is read from the page's folder, an absolute one from the docs folder")
        return path

    def load_drafts(self) -> tuple[DraftSet, list[DraftFile]]:
        """The draft set of the argument's folder and of the ``:with:`` paths (the context an interpretation or a
        breached obligation is found in, as `--with` gives it to the CLI) and the files shown: the argument's."""
        path = self.draft_path(self.arguments[0])
        paths = [str(path if path.is_dir() else path.parent)]
        paths += [str(self.draft_path(more)) for more in self.options.get("with", "").split()]
        found = draft_paths(paths)
        top = _project_top(Path(self.env.srcdir))
        outside = [d for d in found if not Path(os.path.realpath(d)).is_relative_to(top)]
        if outside:  # never read: its first line would be quoted into the log and the page
            raise LexdraftError([Diagnostic("E001", f"{d} is a link that leads outside the project: it is not read",
                                            None, ("a draft is a file of the project; copy its text in",))
                                 for d in outside])
        for draft in [*found, *decision_paths(paths)]:  # a page with a broken draft is read again once it is fixed
            self.env.note_dependency(os.path.abspath(draft))
        drafts = load(paths)
        self.report_warnings(drafts.warnings)
        here = path.resolve()
        shown = [f for f in drafts.files
                 if (here in Path(f.path).resolve().parents if path.is_dir() else Path(f.path).resolve() == here)]
        return drafts, shown

    def domain(self) -> LexdraftDomain:
        domain = self.env.get_domain("lexdraft")
        assert isinstance(domain, LexdraftDomain)
        return domain


class DraftDirective(PipelineDirective):
    """``.. lexdraft:draft:: PATH`` — each provision or interpretation in a draft file (or a folder of them) as
    statute or interpretation text, Chinese and English side by side; ``:source:`` adds the draft as written;
    ``:in-force: PATH...`` names the text in force its bills amend, so that each bill's memorandum and its text as
    amended are offered for download beside the draft's own files."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"source": directives.flag, "with": directives.unchanged,
                                                              "in-force": directives.unchanged}

    def produce(self) -> list[nodes.Node]:
        from ..wording.citations import citation
        from ..wording.labels import label
        from ..wording.render import provisions_of, render

        for template in sorted(data_dir("templates").glob("*.j2")):
            self.env.note_dependency(str(template))
        drafts, shown = self.load_drafts()
        context = provisions_of([d for f in drafts.files for d in f.documents])
        out: list[nodes.Node] = []
        gathered = {g.id for f in drafts.files for d in f.documents if isinstance(d, Amendment) for g in d.gathered}
        for f in shown:
            downloads: list[nodes.Node] | None = [self.downloads(f, context), *self.instrument_downloads(f, gathered)]
            for doc, source in zip(f.documents, source_segments(f)):
                anchor = _anchor("doc", doc.id)
                title = doc.title or _bill_title(doc) or Text(zh=doc.id, en=doc.id)
                zh_tag = _zh_tag(doc)
                zh_title = (title.zh_hant if zh_tag == "zh-TW" and title.zh_hant else title.zh) or doc.id
                section = _section(anchor, _bilingual(title.en or doc.id, zh_title, zh_tag))
                jur = doc.jurisdiction.name if doc.jurisdiction else "?"
                group = label("jurisdictions", jur, "en")
                cite = ("judicial interpretation" if isinstance(doc, Interpretation) else
                        "amendment bill" if isinstance(doc, Amendment) else citation(doc, "en"))
                self.domain().note("provision", doc.id, anchor, f"{doc.id}: {title.en}", group)
                meta = nodes.paragraph(classes=["lexdraft-meta"])
                meta += nodes.literal(doc.id, doc.id)
                status = doc.status.name if doc.status else ""
                meta += nodes.Text(f" · {cite}" + (f" · {status}" if status else "") + " · ")
                where = _shown_path(f.path, Path(self.env.srcdir))
                meta += nodes.literal(where, where)
                section += meta
                if isinstance(doc, Interpretation) and doc.interprets:
                    cites = nodes.paragraph("", "Interprets: ", classes=["lexdraft-meta"])
                    for i, ref in enumerate(doc.interprets):
                        cites += nodes.Text(", " if i else "")
                        cites += _xref("provision", ref.id)
                    section += cites
                if downloads is not None:  # the file's documents, once, under its first
                    section += downloads
                    downloads = None
                section += side_by_side(render(doc, "zh", context), render(doc, "en", context), zh_tag)
                if "source" in self.options:
                    section += nodes.rubric("", "Draft source")
                    block = nodes.literal_block(source, source, language="lexdraft", classes=["lexdraft-source"])
                    section += block
                out.append(section)
        return out


    def downloads(self, f: DraftFile, context: dict[str, Provision]) -> nodes.paragraph:
        """The draft file as a Word document and as Akoma Ntoso XML in each language."""
        from ..outputs.akn import to_akn
        from ..outputs.docx import to_docx

        stem = _download_stem(self, f)
        files = [(f"{stem}.{lang}.docx", f"Word ({LANG_NAMES[lang]})",
                  lambda lang=lang: to_docx(f.documents, lang, context)) for lang in ("zh", "en")]
        files += [(f"{stem}.{lang}.akn.xml", f"Akoma Ntoso ({LANG_NAMES[lang]})",
                   lambda lang=lang: to_akn(f.documents, lang, context, name=Path(f.path).stem).encode("utf-8"))
                  for lang in ("zh", "en")]
        return _download_links(self, "Download: ", files)

    def instrument_downloads(self, f: DraftFile, gathered: set[str]) -> list[nodes.paragraph]:
        """A bill's explanatory memorandum and the text as amended (an amendment no bill gathers has the latter), in
        Word and Akoma Ntoso in each language: the bytes `render FILE --memorandum FORMAT --with IN-FORCE` and
        `render FILE --as-amended FORMAT --with IN-FORCE` write, read as the command reads them."""
        from ..outputs.akn import consolidated_akn, memorandum_akn
        from ..outputs.docx import consolidated_docx, memorandum_docx
        from ..outputs.memorandum import memorandum
        from ..pipeline import load_in_context
        from ..wording.comparison import amendments_of
        from ..wording.consolidated import consolidated_page

        in_force = [str(self.draft_path(p)) for p in self.options.get("in-force", "").split()]
        changes = amendments_of(f.documents)
        if not in_force or all(c.id in gathered and not isinstance(c, Amendment) for c in changes):
            return []  # nothing amended, or only articles a bill gathers: the bill offers them
        for path in draft_paths(in_force):
            self.env.note_dependency(os.path.abspath(path))
        made: dict[Any, Any] = {}  # each read and each memorandum made once, when a writer first asks for it

        def documents() -> tuple[list[Document], list[Document]]:
            if "loaded" not in made:  # as the command reads the file: with the drafts beside it and --with
                made["loaded"] = load_in_context(f.path, in_force)
            loaded = made["loaded"]
            return list(loaded.draft.documents), [d for g in loaded.files for d in g.documents]

        def memo(lang: str) -> Any:
            if ("memo", lang) not in made:
                docs, context = documents()
                bill = next(d for d in docs if isinstance(d, Amendment))
                made["memo", lang] = memorandum(bill, context, lang), bill
            return made["memo", lang]

        def amended(lang: str) -> Any:
            docs, context = documents()
            return consolidated_page(docs, context, lang), docs

        stem = _download_stem(self, f)
        out = []
        if sum(isinstance(d, Amendment) for d in f.documents) == 1:
            out.append(_download_links(self, "The explanatory memorandum: ", [
                *((f"memorandum__{stem}.{lang}.docx", f"Word ({LANG_NAMES[lang]})",
                   lambda lang=lang: memorandum_docx(memo(lang)[0])) for lang in ("zh", "en")),
                *((f"memorandum__{stem}.{lang}.akn.xml", f"Akoma Ntoso ({LANG_NAMES[lang]})",
                   lambda lang=lang: memorandum_akn(*memo(lang)).encode("utf-8")) for lang in ("zh", "en"))]))
        out.append(_download_links(self, "The text as amended: ", [
            *((f"as-amended__{stem}.{lang}.docx", f"Word ({LANG_NAMES[lang]})",
               lambda lang=lang: consolidated_docx(amended(lang)[0])) for lang in ("zh", "en")),
            *((f"as-amended__{stem}.{lang}.akn.xml", f"Akoma Ntoso ({LANG_NAMES[lang]})",
               lambda lang=lang: consolidated_akn(*amended(lang)).encode("utf-8")) for lang in ("zh", "en"))]))
        return out


def _download_stem(directive: SphinxDirective, f: DraftFile) -> str:
    """A draft file's downloads are named by its path in the project: drafts__prc__proposed__253-2-dfii."""
    top = _project_top(Path(directive.env.srcdir))
    return "__".join(Path(os.path.realpath(f.path)).relative_to(top).with_suffix("").parts)


def _download_links(directive: SphinxDirective, lead: str,
                    files: Sequence[tuple[str, str, Callable[[], bytes]]]) -> nodes.paragraph:
    """Each file (name, link text, writer) written beside the built pages (`_downloads/lexdraft/`) and linked: the
    same bytes for the same drafts. A file whose writer refuses the drafts is neither written nor linked (a statute
    of another language has no Chinese expression)."""
    from urllib.parse import quote

    from sphinx.util.osutil import relative_uri

    folder = Path(_OUTDIRS[str(directive.env.srcdir)]) / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    here = directive.env.docname + ".html"  # the page, as the HTML builder names it
    para = nodes.paragraph("", lead, classes=["lexdraft-meta", "lexdraft-downloads"])
    shown = 0
    for name, label, write in files:
        try:
            data = write()
        except LexdraftError:
            continue
        target = folder / name
        if not target.is_file() or target.read_bytes() != data:  # an unchanged file keeps its time
            target.write_bytes(data)
        para += nodes.Text(" · " if shown else "")
        shown += 1
        # the name quoted, so that `#`, `?` or `%` in a draft's path is part of the file's name, not of the address
        para += nodes.reference(label, label, refuri=relative_uri(here, f"{DOWNLOADS}/{quote(name)}"),
                                classes=["lexdraft-download"])
    return para


class ComparisonDirective(PipelineDirective):
    """``.. lexdraft:comparison:: PATH`` (``:with: PATH...``) — the comparison table of a draft file's amendments, as
    `render --table` makes it, in Chinese and in English: the article in force beside the article as amended (and
    the drafters' explanation where the pack's form has one), each offered as the Word document `render --table docx`
    writes: the form a drafting office files (the Legislative Yuan's 條文對照表, the NPC's 修改前后对照表)."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"with": directives.unchanged}

    def produce(self) -> list[nodes.Node]:
        from ..outputs.docx import comparison_docx
        from ..wording.comparison import comparison_table

        drafts, shown = self.load_drafts()
        context = [d for f in drafts.files for d in f.documents]
        out: list[nodes.Node] = []
        for f in shown:
            tables = {lang: comparison_table(f.documents, context, lang) for lang in ("zh", "en")}
            # named apart from the draft file's own downloads (…__<stem>.zh.docx)
            out.append(_download_links(self, "Download the table: ", [
                (f"comparison__{_download_stem(self, f)}.{lang}.docx", f"Word ({LANG_NAMES[lang]})",
                 lambda table=table: comparison_docx(table)) for lang, table in tables.items()]))
            for lang, tag in (("zh", _zh_tag(f.documents[0])), ("en", "en")):
                table = tables[lang]
                out.append(nodes.rubric("", table.title, classes=[f"language-{tag}"]))
                out.append(self._grid(table.headings, [r.cells for r in table.rows], tag))
        return out

    @staticmethod
    def _grid(headings: Sequence[str], rows: Sequence[Sequence[Sequence[str]]], tag: str) -> nodes.table:
        table = nodes.table(classes=["lexdraft-comparison", f"language-{tag}"])
        group = nodes.tgroup(cols=len(headings))
        table += group
        for _ in headings:
            group += nodes.colspec(colwidth=1)
        head = nodes.thead()
        head += nodes.row("", *(nodes.entry("", _para(h)) for h in headings))
        group += head
        body = nodes.tbody()
        for row in rows:
            body += nodes.row("", *(nodes.entry("", *(_para(line) for line in cell)) for cell in row))
        group += body
        return table


class AtlasDirective(PipelineDirective):
    """``.. lexdraft:atlas:: PATH...`` with ``:against:`` — the matrix of jurisdictions and treaty requirements that
    `lexdraft atlas` prints, as a colour-coded table whose cells link to each jurisdiction's report (published by a
    ``lexdraft:report`` of the same folder)."""

    required_arguments = 1
    optional_arguments = 100
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"against": directives.unchanged}

    def produce(self) -> list[nodes.Node]:
        from ..outputs.atlas import atlas
        from ..outputs.report import FORCE_LABELS

        articles = _articles(self.options.get("against"))
        folders = [self.draft_path(a) for a in self.arguments]
        found = draft_paths([str(f) for f in folders])
        top = _project_top(Path(self.env.srcdir))
        outside = [d for d in found if not Path(os.path.realpath(d)).is_relative_to(top)]
        if outside:  # as a draft page: a link out of the project is never read
            raise LexdraftError([Diagnostic("E001", f"{d} is a link that leads outside the project: it is not read",
                                            None, ("a draft is a file of the project; copy its text in",))
                                 for d in outside])
        for draft in found:
            self.env.note_dependency(os.path.abspath(draft))
        drafts = load([str(f) for f in folders])
        self.report_warnings(drafts.warnings)
        checked = check_groups(by_jurisdiction(drafts.provisions), articles, drafts.rules, drafts.decisions,
                               measures=drafts.obligations)
        for article in articles:
            self.env.note_dependency(os.path.abspath(spec_path(article)))
        matrix = atlas([(c.jurisdiction, c.report) for c in checked])
        # the folder each jurisdiction's provisions came from: its report is the one published for that folder
        home: dict[str, Path] = {}
        for p in drafts.provisions:
            if p.jurisdiction is not None and p.span is not None:
                where = Path(p.span.file).resolve()
                home.setdefault(p.jurisdiction.name, next((f for f in folders if f.resolve() in where.parents),
                                                          folders[0]))
        force = FORCE_LABELS["en"]
        table = nodes.table(classes=["lexdraft-atlas"])
        group = nodes.tgroup(cols=len(matrix.rows) + 1)
        table += group
        for width in (16, *(6 for _ in matrix.rows)):
            group += nodes.colspec(colwidth=width)
        head = nodes.row()
        head += nodes.entry("", _para("Requirement"))
        for row in matrix.rows:
            entry = nodes.entry("")
            entry += _para(row.code)
            entry += _para(row.name, "lexdraft-meta")
            head += entry
        group += nodes.thead("", head)
        body = nodes.tbody()
        group += body
        for i, column in enumerate(matrix.columns):
            line = nodes.row()
            first = nodes.entry("")
            p = nodes.paragraph()
            p += _xref("treaty", column.id)
            p += nodes.Text(f" ({force[column.force]})")
            first += p
            line += first
            for row in matrix.rows:
                cell = row.cells[i]
                entry = nodes.entry("", classes=[f"lexdraft-atlas-{cell.css}"] if cell else [])
                if cell is not None:
                    verdict = matrix.verdict_label(cell)
                    key = report_key(home.get(row.code, folders[0]), top, row.code, column.article)
                    p = nodes.paragraph()
                    p += _xref("report", key, verdict)
                    entry += p
                line += entry
            body += line
        out: list[nodes.Node] = [table, _para(matrix.words["legend"], "lexdraft-meta")]
        for row in matrix.rows:
            for version in row.law_as_at:
                out.append(_para(f"{row.code}: law {version}", "lexdraft-meta"))
        return out


def source_segments(f: DraftFile) -> list[str]:
    """The draft file cut into its documents' sources: each with the comments just above it, the first with the
    file's opening comments too."""
    lines = Path(f.path).read_text(encoding="utf-8-sig").split("\n")
    heads = []
    for i, doc in enumerate(f.documents):
        assert doc.span is not None
        head = doc.span.line - 1
        while i and head > 0 and lines[head - 1].lstrip().startswith("#"):
            head -= 1
        heads.append(0 if i == 0 else head)
    ends = [*heads[1:], len(lines)]
    return ["\n".join(lines[a:b]).strip("\n") + "\n" for a, b in zip(heads, ends)]


def _articles(option: str | None) -> list[str]:
    """The articles an option names, separated by spaces or commas (default: every one with a spec)."""
    return treaty_articles(option.replace(",", " ").split() if option else None)


def report_key(folder: Path, top: Path, jurisdiction: str, article: str) -> str:
    """How a report is cited: the draft folder it reports on (within the project), the jurisdiction and the article;
    the same jurisdiction is reported for its law in force and for its proposals on two pages."""
    return f"{folder.resolve().relative_to(top.resolve()).as_posix()}#{jurisdiction}-{article}"


class ReportDirective(PipelineDirective):
    """``.. lexdraft:report:: PATH`` with ``:against: uncc.14 uncc.16`` (default: every article with a spec) —
    the set's conformance report per jurisdiction and article, in the layout of a treaty implementation review."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"against": directives.unchanged,
                                                              "with": directives.unchanged}

    def produce(self) -> list[nodes.Node]:
        from ..wording.labels import label

        articles = _articles(self.options.get("against"))
        drafts, shown = self.load_drafts()
        # the report covers the drafts shown, not the context they were loaded with
        provisions = [d for f in shown for d in f.documents if isinstance(d, Provision)]
        out: list[nodes.Node] = []
        # with the set's general-part rules and reviewer decisions, as `lexdraft check` reads them
        for checked in check_groups(by_jurisdiction(provisions), articles, drafts.rules, drafts.decisions,
                                    measures=drafts.obligations):
            # This installation's spec file: a spec read from the cache carries the path it was first read at.
            self.env.note_dependency(os.path.abspath(spec_path(checked.article)))
            section = self._report(checked.report, checked.jurisdiction)
            key = report_key(self.draft_path(self.arguments[0]), _project_top(Path(self.env.srcdir)),
                             checked.jurisdiction, checked.article)
            self.domain().note("report", key, section["ids"][0], f"{checked.jurisdiction}: {checked.article}",
                               label("jurisdictions", checked.jurisdiction, "en"))
            out.append(section)
        return out

    def _report(self, report: Report, jurisdiction: str) -> nodes.section:
        """One jurisdiction's report against one article: the typed findings as a table, its risks, its result."""
        from ..outputs.report import FORCE_LABELS, VERDICT_LABELS, benchmark_note, needs_review

        spec = report.spec
        anchor = _anchor("report", f"{jurisdiction}-{spec.article}")
        title = [nodes.Text(f"{spec.article}: "), *_bilingual(spec.title.en or "", spec.title.zh or "")]
        section = _section(anchor, title)
        if spec.provisional:
            note = nodes.note()
            note += _para(f"Provisional treaty text: {spec.status}")
            section += note
        if benchmark_note(report, "en"):  # a jurisdiction that cannot become a State Party: the treaty is a benchmark
            bench = nodes.note()
            bench += _para(benchmark_note(report, "en") or "", "language-en")
            bench += _para(benchmark_note(report, "zh") or "", "language-zh-CN")
            section += bench
        table = nodes.table(classes=["lexdraft-report"])
        heads = ("Paragraph", "Force", "Verdict", "Domestic provision", "Reason")
        group = nodes.tgroup(cols=len(heads))
        table += group
        for width in (10, 10, 10, 18, 52):
            group += nodes.colspec(colwidth=width)
        head_row = nodes.row()
        for h in heads:
            head_row += nodes.entry("", _para(h))
        group += nodes.thead("", head_row)
        body = nodes.tbody()
        group += body
        for finding in report.verdicts:
            body += self._finding_row(finding, FORCE_LABELS, VERDICT_LABELS, needs_review(finding))
        section += table
        if report.risks:
            section += nodes.rubric("", "Risks to effective sanctions (Art. 21(1)) / 有效制裁的风险（第21条第1款）")
            risks = nodes.bullet_list()
            for r in report.risks:
                item = nodes.list_item()
                p = nodes.paragraph()
                p += _xref("provision", r.provision)
                p += nodes.Text(f" ({r.requirement}): ")
                p += nodes.Text(r.reason.en or "")
                item += p
                item += _para(r.reason.zh or "", "language-zh-CN")
                risks += item
            section += risks
        conclusion = ("conforms: every obligatory requirement is implemented", "全部强制性要求均已实施") \
            if report.conforms else ("does not conform: obligatory requirements are not (fully) implemented",
                                     "存在未实施或部分实施的强制性要求")
        result = nodes.paragraph(classes=["lexdraft-result", "conforms" if report.conforms else "nonconforming"])
        result += nodes.strong("Result: ", "Result: ")
        result.extend(_bilingual(*conclusion))
        section += result
        return section

    @staticmethod
    def _finding_row(finding: Finding, force_labels: dict[str, dict[Force, str]],
                     verdict_labels: dict[str, dict[Verdict, str]], review: bool) -> nodes.row:
        """A requirement's row: its paragraph, force, verdict, the provisions that meet it, and the reasons."""
        q, verdict = finding.requirement, finding.verdict
        row = nodes.row(classes=[f"verdict-{verdict.replace('/', '')}"])
        cell = nodes.entry()
        cell += nodes.paragraph("", "", _xref("treaty", q.id, q.paragraph))
        row += cell
        row += nodes.entry("", nodes.paragraph("", "", *_bilingual(force_labels["en"][q.force],
                                                                    force_labels["zh"][q.force])))
        shown = nodes.entry(classes=["lexdraft-verdict"])
        shown += nodes.paragraph("", "", nodes.strong(verdict, verdict))
        shown += _para(verdict_labels["zh"][verdict], "language-zh-CN")
        if review and verdict is not Verdict.NA:
            shown += _para("a reviewer must decide it", "language-en")
            shown += _para("须由审查人员决定", "language-zh-CN")
        if finding.decision is not None:
            shown += _para(finding.decision.label("en"), "language-en")
            shown += _para(finding.decision.label("zh"), "language-zh-CN")
        if finding.unverified:
            words = ", ".join(finding.unverified)
            shown += _para(f"unverified treaty words: {words}", "language-en")
            shown += _para(f"未经核实的公约用语：{words}", "language-zh-CN")
        row += shown
        cited = nodes.entry()
        for pid in finding.met_by:
            cited += nodes.paragraph("", "", _xref("provision", pid))
        if finding.options:
            cited += _para("options: " + ", ".join(finding.options))
        row += cited
        reason = nodes.entry()
        for lang, tag in (("en", "language-en"), ("zh", "language-zh-CN")):
            for n in finding.notes:
                text = n.text.zh if lang == "zh" else n.text.en
                if text:
                    p = nodes.paragraph(classes=[tag])
                    if n.provision:
                        p += _xref("provision", n.provision)
                        p += nodes.Text(": ")
                    p += nodes.Text(text)
                    reason += p
        row += reason
        return row


class SpecDirective(PipelineDirective):
    """``.. lexdraft:spec:: [ARTICLE ...]`` — the conformance spec of each article (default: all), generated from
    conformance/*.yaml: per requirement its force, the treaty terms, and what the checker tests."""

    optional_arguments = 20

    def produce(self) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for article in _articles(" ".join(self.arguments)):
            spec = spec_for(article)
            self.env.note_dependency(os.path.abspath(spec_path(article)))
            anchor = _anchor("spec", article)
            section = _section(anchor, [nodes.Text(f"{article}: "), *_bilingual(spec.title.en or "",
                                                                                 spec.title.zh or "")])
            self.domain().note("requirement", article, anchor, f"{article}: {spec.title.en}", article)
            section += _para(f"Spec file: conformance/{Path(spec.path).name}. Text status: {spec.status}.")
            if spec.provisional:
                note = nodes.note()
                note += _para("This article's text is provisional: the verdicts against it must be confirmed "
                              "against the adopted treaty text.")
                section += note
            for q in spec.requirements:
                section += self._requirement(q)
            if spec.risks:
                section += nodes.rubric("", "Risks the checker reports")
                section += self._fields([(f"{r.id} ({r.paragraph})", self._condition_and_reason(r.when, r.reason))
                                         for r in spec.risks])
            out.append(section)
        return out

    def _requirement(self, q: Any) -> nodes.section:
        anchor = _anchor("req", q.id)
        self.domain().note("requirement", q.id, anchor, f"{q.id} ({q.paragraph})", q.id.rsplit(".", 1)[0])
        section = _section(anchor, f"{q.paragraph} — {q.id}")
        rows: list[tuple[str, list[nodes.Node]]] = [
            ("force", [_para(f"{q.force} ({q.kind})")]),
            # the spec's quotation of the treaty, with its confidence tag, shown as written
            ("treaty terms", [nodes.block_quote("", _para(q.terms), classes=["lexdraft-terms"],
                                                support_smartquotes=False)]),
            ("explanation", [_para(q.explanation.en or ""), _para(q.explanation.zh or "", "language-zh-CN")]),
        ]
        if q.conduct:
            rows.append(("conduct", [_para(", ".join(q.conduct))]))
        if q.objects:
            rows.append(("objects", [p for kind, grade, reason in q.objects
                                     for p in self._reasoned(f"{kind}: {grade}", reason)]))
        for conduct, verbs, reason in q.conduct_via:
            rows.append((f"via {conduct}", self._reasoned(f"covers {', '.join(verbs)} in part", reason)))
        for c in q.checks:
            grade = c.outcome.grade + (f" ({c.outcome.option})" if c.outcome.option else "")
            rows.append((f"check {c.id}: {grade}", self._condition_and_reason(c.when, c.outcome.reason)))
        for e in q.elements:
            rows.append((f"element {e.id}", self._condition_and_reason(e.require, e.missing)))
        if q.used_when is not None:
            rows.append(("option used when", self._condition_and_reason(q.used_when, q.used_reason)))
        section += self._fields(rows)
        return section

    @staticmethod
    def _reasoned(head: str, reason: Text | None) -> list[nodes.Node]:
        if reason is None:
            return [_para(head)]
        reason = cite_text(reason)  # a spec's reason names a paper by file name; readers see its title
        return [_para(f"{head} — {reason.en}"), _para(reason.zh or "", "language-zh-CN")]

    @staticmethod
    def _condition_and_reason(condition: Any, reason: Text | None) -> list[nodes.Node]:
        text = json.dumps(condition.as_data(), ensure_ascii=False, sort_keys=True)
        out: list[nodes.Node] = [nodes.paragraph("", "", nodes.literal(text, text))]
        if reason is not None:
            reason = cite_text(reason)
            out += [_para(reason.en or ""), _para(reason.zh or "", "language-zh-CN")]
        return out

    @staticmethod
    def _fields(rows: list[tuple[str, list[nodes.Node]]]) -> nodes.table:
        """A two-column table: what is tested, and how (the field lists of HTML themes do not wrap long text)."""
        table = nodes.table(classes=["lexdraft-spec"])
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=22)
        group += nodes.colspec(colwidth=78)
        body = nodes.tbody()
        for name, content in rows:
            body += nodes.row("", nodes.entry("", _para(name)), nodes.entry("", *content))
        group += body
        return table


class VocabularyDirective(PipelineDirective):
    """``.. lexdraft:vocabulary::`` — every list of the controlled vocabulary with its Chinese and English labels."""

    def produce(self) -> list[nodes.Node]:
        from ..language.vocabulary import vocabulary

        out: list[nodes.Node] = []
        self.env.note_dependency(str(data_dir("vocabulary") / "vocabulary.yaml"))
        for name, terms in _vocabulary_lists(vocabulary().lists()):
            out.append(nodes.rubric("", name, ids=[_anchor("vocabulary", name)]))
            table = nodes.table(classes=["lexdraft-vocabulary"])
            group = nodes.tgroup(cols=3)
            table += group
            for width in (30, 35, 35):
                group += nodes.colspec(colwidth=width)
            group += nodes.thead("", nodes.row("", *(nodes.entry("", _para(h)) for h in ("term", "中文", "English"))))
            body = nodes.tbody()
            for term, entry in terms:
                body += nodes.row("", nodes.entry("", nodes.paragraph("", "", nodes.literal(term, term))),
                                  nodes.entry("", _para(str(entry["zh"]), "language-zh-CN")),
                                  nodes.entry("", _para(str(entry["en"]))))
            group += body
            out.append(table)
        return out


def _vocabulary_lists(data: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, list[tuple[str, Any]]]]:
    """(list name, its terms) for every list, nested lists (object-attributes.depicts) by their dotted name."""
    for name, value in data.items():
        if not isinstance(value, dict):
            continue
        terms = [(t, e) for t, e in value.items() if isinstance(e, dict) and "zh" in e and "en" in e]
        if terms:
            yield prefix + name, terms
        else:
            yield from _vocabulary_lists(value, f"{prefix}{name}.")


class GrammarDirective(PipelineDirective):
    """``.. lexdraft:grammar::`` — the keywords of the language and the grammar itself, read from the grammar file."""

    def produce(self) -> list[nodes.Node]:
        from ..lexer import keywords

        grammar = data_dir("grammar") / "lexdraft.lark"
        words = sorted(keywords())
        p = _para(f"The {len(words)} keywords of the language: ")
        for i, word in enumerate(words):
            p += nodes.Text(", " if i else "")
            p += nodes.literal(word, word)
        p += nodes.Text(". Every other word is a term of the controlled vocabulary.")
        text = grammar.read_text(encoding="utf-8")
        return [p, nodes.literal_block(text, text, language="none", classes=["lexdraft-grammar"])]


# ---------------------------------------------------------------- setup

# Where each project's site is being written, by its source folder: the draft pages write their downloads there.
_OUTDIRS: dict[str, str] = {}


def _remember_outdir(app: Sphinx) -> None:
    _OUTDIRS[str(app.srcdir)] = str(app.outdir)


def _add_static(app: Sphinx, config: Config) -> None:
    config.html_static_path.append(str(STATIC))


def _use_packs(app: Sphinx, config: Config) -> None:
    """The packs the docs' lexdraft.toml names, and `lexdraft_packs` in conf.py (folders relative to it)."""
    from sphinx.errors import ConfigError

    from .. import packs
    from ..packs.config import configured_packs

    try:
        named = configured_packs(str(app.confdir))
        packs.use([*named, *(os.path.join(app.confdir, f) for f in config.lexdraft_packs)])
        packs.all_packs()  # a broken pack stops the build here, said once
    except LexdraftError as e:
        raise ConfigError("\n".join(format_diagnostic(d) for d in e.diagnostics)) from None


def setup(app: Sphinx) -> dict[str, Any]:
    from .. import lexer
    from .review import BibliographyDirective, ReviewDirective

    app.add_domain(LexdraftDomain)
    for name, directive in (("draft", DraftDirective), ("report", ReportDirective), ("atlas", AtlasDirective),
                            ("comparison", ComparisonDirective),
                            ("spec", SpecDirective), ("vocabulary", VocabularyDirective), ("grammar", GrammarDirective),
                            ("review", ReviewDirective), ("bibliography", BibliographyDirective)):
        app.add_directive_to_domain("lexdraft", name, directive)
    app.add_index_to_domain("lexdraft", ProvisionIndex)
    app.add_lexer("lexdraft", lexer.LexdraftLexer)
    app.add_config_value("lexdraft_packs", [], "env", list)
    app.connect("config-inited", _add_static)
    app.connect("config-inited", _use_packs)
    app.connect("builder-inited", _remember_outdir)
    app.add_css_file("lexdraft.css")
    return {"version": __version__, "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}
