"""The registry of diagnostic codes: what each one means, with a short example of the mistake."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    code: str  # stable, e.g. E101
    summary: str  # one line: what the mistake is
    example: str  # a short input (or command) that makes it


# One entry per code lexdraft raises. docs/language.md's table, SARIF's rule descriptions and `lexdraft explain`
# read these; a diagnostic with a code missing here is a bug (tests/test_codes.py keeps the two in step).
_ALL = (
    # E0xx: reading files
    Code("E001", "a path that cannot be read as a draft or spec: missing, a folder, a device or pipe, a dangling link, "
         "or a folder with no drafts", "lexdraft check drafts/prc/253-2.lxd   (the file is 253-2.lexd)"),
    Code("E002", "an input too large to read: a file over the size limit, or conditions nested too deeply",
         "tier serious when any { any { any { ... } } }   (nested past the limit)"),
    Code("E003", "a file that is not UTF-8 text: binary, UTF-16 or another encoding such as GBK",
         "a draft saved as GBK from a Chinese word processor"),
    Code("E004", "a draft file that holds no provision or interpretation: empty, blank or only comments",
         "# notes for 253-2, to be written"),
    Code("E005", "a control character, a bidi embedding, override or isolate, or a lone surrogate, in a file or a YAML "
         "escape: terminals and logs act on them",
         'title en "Title" saved with U+202E, a right-to-left override, or ESC before it'),
    Code("E006", "text that would start a line with `::`, which a GitHub Actions log reads as a workflow command",
         'title en "::error file=x.lexd::forged annotation"'),
    # E1xx: syntax
    Code("E100", "a syntax error: the reader met something it did not expect here",
         "conduct produce; distribute   (a list is separated by commas)"),
    Code("E101", "a provision or interpretation without a well-formed id", "provision 253 {"),
    Code("E102", "a word where a field name or a closing `}` must stand",
         "offence distribute, transmit   (the field is `conduct`)"),
    Code("E103", "a threshold without its comparison, number or unit", "tier serious when any { views 1000 }"),
    Code("E104", "a list of terms not separated by single commas", "conduct produce, distribute,"),
    Code("E105", "text without its language tag", 'title "传播淫秽物品罪"   (write zh "…" en "…")'),
    Code("E106", "a penalty line without its tier, or a term of punishment without its unit",
         "penalty base imprisonment <= 3"),
    Code("E107", "something other than a `provision`, `interpretation` or `obligation` block at the top of a file, "
         "or a `}` that closes no block", "provision a.b { } }"),
    Code("E108", "a block not closed before the next block or the end of the file",
         "object obscene-material { medium visual"),
    Code("E109", "a character or quotation the language does not have, or a quoted text left open",
         "conduct Distribute   (terms are lower case)"),
    Code("E110", "a field given twice in one block", "conduct produce … conduct distribute   (two conduct lines)"),
    Code("E111", "the same language given twice in one text", 'title zh "甲" zh "乙"'),
    Code("E112", "a range not written with two dots", "penalty base imprisonment 3-7 years"),
    Code("E113", "a fine's cap without its currency", "fine optional <= 50000"),
    Code("E114", "a field or keyword with its value missing", "jurisdiction   (nothing after it)"),
    Code("E115", "a number with more digits than any figure in a statute", "views >= 10000000000000000 views"),
    Code("E116", "a `version` that gives neither the date the law is stated as at nor the act that amended it",
         "version   (write version as-at \"2024-05-23\")"),
    Code("E117", "a text's language that is not a language tag", 'text french """Est puni …"""   (write fr)'),
    # E2xx: meaning
    Code("E201", "a term that is not in its vocabulary list", "conduct upload-ish"),
    Code("E202", "a threshold counted in a unit that is not its measure's",
         "disseminated-to >= 50 views   (counted in persons)"),
    Code("E203", "a higher tier punished more lightly than the tier below it",
         "base imprisonment <= 5 years, but serious imprisonment <= 3 years"),
    Code("E204", "a term of punishment that cannot be: zero, a range with equal or reversed ends, a term for life "
         "imprisonment, or an increase that is no part of the penalty", "penalty base imprisonment 7..3 years"),
    Code("E205", "an id used twice among the drafts checked together",
         "provision prc.criminal-law.364 in two files"),
    Code("E206", "a reference to a provision that is not among the drafts", "of prc.criminal-law.999"),
    Code("E207", "tiers that do not fit: declared twice, without a penalty line, a penalty for an undeclared tier, or "
         "bound `for` acts not in the conduct or above the base", "tier serious …, but no `serious` penalty line"),
    Code("E208", "a degree that belongs to another state of mind",
         "mental intent actual   (`actual` is a degree of knowledge)"),
    Code("E209", "a presumed state of mind without a way to rebut it, or a rebuttal of what is not presumed",
         "mental knowledge presumed   (no `rebuttable zh \"…\" en \"…\"`)"),
    Code("E210", "an omission offence without its duty, or a duty without its source",
         "conduct fail-to-perform-duty   (no `duty`)"),
    Code("E211", "a draft without a field it must have, or a title without one of its languages",
         'title zh "传播淫秽物品罪"   (no en text)'),
    Code("E212", "`implements` names a treaty article with no conformance spec", "implements uncc.99.1"),
    Code("E213", "a fine whose cap or range has no currency, or a range from high to low",
         "fine optional <= 50000 views"),
    Code("E214", "interpretation articles not numbered 1, 2, 3 … in order",
         "article 1 … article 3   (the second article is numbered 3)"),
    Code("E215", "an interpretation article about a tier its provision does not declare",
         "article 2 tier serious of prc.criminal-law.253-2   (253-2 declares no serious tier)"),
    Code("E216", "an object attribute, or a term in a list, given twice", "conduct produce, produce"),
    Code("E217", "`breaching` names an obligation that is not among the drafts",
         "breaching prc.deep-synthesis-provisions.99"),
    Code("E218", "an obligation tier whose platform classes or measures do not fit what it binds",
         "tier base for small-or-medium-platform measures …   (base binds every holder)"),
    Code("E219", "`text of` names no provision or obligation of the set with verbatim text, or goes round in a circle",
         "text of tw.csepa.38.9   (no such paragraph)"),
    Code("E220", "a provision or obligation id whose article number is not numbered as its jurisdiction's pack says",
         "provision nz.hdca.section-22 {   (New Zealand numbers sections 22, 22A)"),
    Code("E221", "a general-part rule that reaches a provision of another jurisdiction, or whose `punishes` does not "
         "fit its kind",
         "rule prc.criminal-law.366 { kind legal-persons  reaches tw.csepa.36 … }"),
    Code("E222", "a `status outdated` provision without the date of the text it quotes: `version as-at` a year, two "
         "years or a date",
         'status outdated … version amended-by "loi n° 2021-478"   (write version as-at "2013-2020")'),
    Code("E223", "a virtual test that states where it applies but no condition, or lists its conditions as "
         "alternatives",
         "virtual-test existing-persons-exempt   (name the conditions: high-verisimilitude, inducement-risk, …)"),
    Code("E224", "a `consent … below-age` that cannot be: age 0, or on consent the statute makes irrelevant",
         "consent irrelevant below-age 16   (write consent absent below-age 16)"),
    Code("E225", "an element's `provenance … for` that cannot be: on a rule, of an element absent or named twice, or "
         "weaker than the provision's own label",
         "provenance r-memory for consent   (under `provenance v-primary`: the provision's own label is the weakest)"),
    Code("E230", "an amendment that does not fit the act in force: misnumbered, already in force, a paragraph "
         "that is not there (or 0), one article changed twice",
         "instrument amendment to \"中华人民共和国刑法\" inserting article 253-3 after 253-1"),
    Code("E231", "a bill item that names no amendment of the set, one that amends nothing or another act, or the same "
         "item twice; a bill numbered 0", "item prc.criminal-law.364   (the article in force: it amends nothing)"),
    Code("E232", "an interpretation's frame that does not fit it: a number or adoption line on a proposal, a stage "
         "in force, a commencement no date, a catch-all in an `all` list",
         'interpretation … { status proposed  number "法释〔2026〕1号" … }   (a proposal has no number)'),
    # W2xx: warnings, which stop nothing
    Code("W201", "a proposed provision that implements no treaty article",
         "provision … { status proposed … }   (no `implements uncc.16`)"),
    Code("W202", "an interpretation quoting (“…” or 「…」) words the verbatim text of its provision does not contain",
         'article 1 text zh "……“淫秽电子信息”……"   (words the statute does not use)'),
    Code("W203", "a provision or obligation quoting its statute `text` without a `source`",
         'provision … { status in-force … text zh "……" }   (no `source "…"`)'),
    # E3xx: conformance specs
    Code("E301", "a spec that is not valid YAML", 'reason: "the quote is never closed'),
    Code("E302", "YAML a spec may not use: duplicate keys, aliases, tags, dates, non-text keys or deep nesting",
         "checks: &a [*a]"),
    Code("E303", "a spec that does not follow conformance/schema.json: an unknown key, fact or test, a missing field, "
         "a value of the wrong kind", "when: {motive: {has: profit}}   (no fact `motive`)"),
    Code("E304", "a requirement id used twice in a spec, or one of another article", "id: uncc.14.1 in uncc-16.yaml"),
    # E4xx: rendering and command options
    Code("E401", "a command names what lexdraft does not have: a treaty article with no spec, a language it cannot "
         "render, an unknown diagnostic code",
         "lexdraft check drafts/prc --against uncc.99"),
    Code("E402", "the vocabulary has no wording for something the draft says, so no statute text can be written",
         "an exception, standard or object attribute whose vocabulary entry has no statute phrase"),
    Code("E403", "a provision id that does not name a law and an article lexdraft can cite",
         "provision prc.unknown-act.12 {"),
    Code("E404", "an interpretation whose provision is not among those rendered",
         "lexdraft render interpretation.lexd   (without the provision it interprets)"),
    Code("E405", "a text the rendered language needs is missing", 'text zh "……"   (rendering in English)'),
    Code("E406", "a tier with no statutory name or circumstance to quote",
         "tier aggravated   (without `requires CIRCUMSTANCE` or a `when` condition)"),
    Code("E407", "a provision or obligation without what its statute text needs: a penalty, a base tier first, a "
         "holder and duty", "provision … { conduct produce }   (no penalty)"),
    Code("E408", "an output that cannot be written, or that would replace a draft being read",
         "lexdraft fmt drafts/prc/253-2.lexd -o drafts/prc/253-2.lexd"),
    Code("E409", "a suggested amendment that `review --write-amendments` will not write: its file exists already, "
         "or the folder cannot be written in",
         "lexdraft review drafts/prc/in-force --write-amendments amendments   (run twice: the drafts are there)"),
    Code("E410", "an interpretation that quotes (“…”) words the composed text of the provision it interprets does not "
         "contain", "article 1 defines identifiable-by acquaintances   (the provision's text says 能够……所识别)"),
    Code("E411", "a comparison table or text as amended that cannot be made: nothing amended, no form in the pack, no "
         "text in force read, or a required 說明 missing",
         "lexdraft render 366-legal-persons.lexd --table   (without --with drafts/prc/in-force)"),
    Code("E412", "an explanatory memorandum that cannot be made: no bill (or more than one), no form in the pack, or "
         "no text in force read with the bill",
         "lexdraft render criminal-law-amendment.lexd --memorandum   (without --with drafts/prc/in-force)"),
    Code("E420", "an amendment bill in a jurisdiction whose pack gives no bill form, or amending an act the pack "
         "does not name", "amendment nz.hdca-amendment.1 { … }   (the nz pack has no `bill:`)"),
    # E5xx: git for the gate
    Code("E501", "git is not installed, so the gate cannot read the base revision", "lexdraft gate --base main"),
    Code("E502", "the gate runs outside a git repository", "lexdraft gate --base main   (in a plain folder)"),
    Code("E503", "git cannot read the revision the gate is given", "lexdraft gate --base no-such-branch"),
    # E6xx: importing acts from other formats
    Code("E601", "an XML file `import` will not read: not well-formed, or declaring a DTD (where external entities "
         "and entity bombs live)", "lexdraft import akn act.xml   (the file starts <!DOCTYPE akomaNtoso [ … ]>)"),
    Code("E602", "not an Akoma Ntoso act lexdraft can import: another root or document type, no article or text, "
         "or a language lexdraft has no text for",
         "lexdraft import akn legge.xml   (the act is in Italian: FRBRlanguage ita)"),
    # E7xx: jurisdiction packs and lexdraft.toml
    Code("E701", "a pack that does not follow packs/schema.json: an unknown key, a missing field, a value of the wrong "
         "kind, a template field unknown or given a form",
         "packs/nz/pack.yaml: numbring: …   (the key is `numbering`)"),
    Code("E702", "a pack's numbering or items pattern that is no regular expression, cannot run in linear time "
         "(a back-reference, look-around), or misses the pack's examples",
         "numbering: {pattern: '[0-9]+', examples: ['22A']}   (22A has a letter)"),
    Code("E703", "a pack's vocabulary term lexdraft cannot use: an unknown list, no labels, an act that is no "
         "element of the treaty, or a reading without its reason and source",
         "conduct: {share: {zh: 分享, en: share, covers: [sharing]}}   (the treaty's act is distribute)"),
    Code("E704", "two packs for one jurisdiction code", "packs/nz/pack.yaml and office/nz/pack.yaml both say code: nz"),
    Code("E705", "a lexdraft.toml (or [tool.lexdraft]) lexdraft cannot use, a pack folder it, --pack or the Sphinx "
         "conf.py names that does not exist, or a link out of one", "packs = \"office-packs\"   (write a list)"),
    Code("E706", "LEXDRAFT_CACHE_MB, the cap on the cache folder, is not a whole number of megabytes",
         "LEXDRAFT_CACHE_MB=1G   (write 1000)"),
    # E8xx: reviewer decisions
    Code("E801", "a decisions.yaml entry lexdraft cannot use: an unknown requirement, jurisdiction or key, a "
         "verdict no reviewer records, a missing field, two on one question",
         "verdict: not-assessed   (give the verdict the reviewer decided)"),
)

CODES: dict[str, Code] = {c.code: c for c in _ALL}
