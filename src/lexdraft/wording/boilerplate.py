"""The fixed words around a statute's text, once per language and script: standing, frames, headings of notes."""

from __future__ import annotations

from collections.abc import Mapping

# Taiwan's words are written out, not converted: they are the office's own words, as Taiwan's statutes print them.
# An entry on law in force is an entry (本条目), never a draft (草案): only a proposal is a draft.
WORDS: Mapping[str, Mapping[str, str]] = {
    "hans": {
        "in-force": "（现行有效）", "proposed": "（立法建议稿）", "summary": "（结构化摘要）",
        "summary-warning": "以下文字依据本条目所列要素生成，并非法条原文，不得作为法条引用。",
        "summary-in": "该法域的起草风格无法以中文生成结构化摘要；以下摘要为{language}。",
        "entry-on": "本条目涉及该条{paragraph}；以下为本条目引录的条文原文。", "verbatim": "以下为条文原文。",
        "rests-on-paraphrase": "本条目全部或者部分依据二手资料的概述[P]，而非法条原文："
                               "引用其所录文字前，应当与官方文本核对。",
        "rests-on-r-memory": "本条目全部或者部分依据记忆录入，而非检索所得的文本[R-memory]："
                             "引用其所录文字前，应当与官方文本核对。",
        "missing": "本条目未载有该条文的中文译文；以下为条文的作准文本原文。",
        "own-missing": "本条目未载有该条文的{language}译文；以下为条文的作准文本（{own}）原文，本工具不翻译条文。",
        "own-working-gloss": "以下先列条文的作准文本（{own}），其后的{language}译文为本工具的工作译文，"
                             "并非官方或已发布的译文；仅{own}文本具有权威性。",
        "own-published": "以下先列条文的作准文本（{own}），其后的{language}译文为已发布的非官方译文，照录原文；"
                         "仅{own}文本具有权威性。",
        "own-unrecorded": "以下先列条文的作准文本（{own}），其后的{language}译文的性质未予记录，并非官方译文；"
                          "仅{own}文本具有权威性。",
        "translation-heading": "{language}译文（{status}）：", "unrecorded-short": "性质未予记录",
        "working-gloss-short": "工作译文", "published-short": "已发布的非官方译文",
        "as-at": "本条文为{version}的法律文本。",
        # a text of an earlier version (status outdated), in the reviewer's words (LAWYER-FINAL F1, F2)
        "dated": "（{date}文本；其后经修正，现行文本未经核实）",
        "as-at-dated": "本条文为{version}的文本；现行文本未找到。",
        "notes": "起草说明（不属于条文内容）", "elements": "要素说明", "sources": "资料来源：", "sep": "；",
        "colon": "：", "stop": "。", "space": "　",
        "ji-proposed": "（司法解释建议稿）", "issuer-proposed": "建议制定机关", "issuer": "制定机关",
        "draft-status": "草案",  # the status a draft's Word pages carry in their header
        # An interpretation's final articles, in the words of the 2010 Interpretation (II) art. 13 and the 2019
        # Interpretation art. 19 (reference texts, part C).
        "ji-supersedes": "以前发布的司法解释与本解释不一致的，以本解释为准。",
        "ji-commencement": "本解释自{year}年{month}月{day}日起施行。", "table-none": "（无）",
        "ji-commencement-publication": "本解释自发布之日起施行。",
        "placement": "拟置位置", "protects": "保护法益", "mental": "主观方面", "purpose": "目的的证明",
        "excluding": "手段不包括", "tier": "数量标准", "prosecution": "追诉方式", "implements": "拟履行的条约条款",
        "benchmark": "参照条约条款", "uncertain": "公约用语",
        "breaches": "所违反的行政义务", "sanction": "罚款数额依据", "style": "起草风格",
    },
    "hant": {
        "in-force": "（現行有效）", "proposed": "（立法建議稿）", "summary": "（結構化摘要）",
        "summary-warning": "以下文字依據本條目所列要素生成，並非法條原文，不得作為法條引用。",
        "summary-in": "該法域的起草風格無法以中文生成結構化摘要；以下摘要為{language}。",
        "entry-on": "本條目涉及該條{paragraph}；以下為本條目引錄的條文原文。", "verbatim": "以下為條文原文。",
        "rests-on-paraphrase": "本條目全部或部分依據二手資料的概述[P]，而非法條原文："
                               "引用其所錄文字前，應與官方文本核對。",
        "rests-on-r-memory": "本條目全部或部分依據記憶錄入，而非檢索所得的文本[R-memory]："
                             "引用其所錄文字前，應與官方文本核對。",
        "missing": "本條目未載有該條文的中文譯文；以下為條文的作準文本原文。",
        "own-missing": "本條目未載有該條文的{language}譯文；以下為條文的作準文本（{own}）原文，本工具不翻譯條文。",
        "own-working-gloss": "以下先列條文的作準文本（{own}），其後的{language}譯文為本工具的工作譯文，"
                             "並非官方或已發布的譯文；僅{own}文本具有權威性。",
        "own-published": "以下先列條文的作準文本（{own}），其後的{language}譯文為已發布的非官方譯文，照錄原文；"
                         "僅{own}文本具有權威性。",
        "own-unrecorded": "以下先列條文的作準文本（{own}），其後的{language}譯文的性質未予記錄，並非官方譯文；"
                          "僅{own}文本具有權威性。",
        "translation-heading": "{language}譯文（{status}）：", "unrecorded-short": "性質未予記錄",
        "working-gloss-short": "工作譯文", "published-short": "已發布的非官方譯文",
        "as-at": "本條文為{version}的法律文本。",
        "dated": "（{date}文本；其後經修正，現行文本未經核實）",
        "as-at-dated": "本條文為{version}的文本；現行文本未找到。",
        "notes": "起草說明（不屬於條文內容）", "elements": "要素說明", "sources": "資料來源：", "sep": "；",
        "colon": "：", "stop": "。", "space": "　",
        "ji-proposed": "（司法解釋建議稿）", "issuer-proposed": "建議制定機關", "issuer": "制定機關",
        "draft-status": "草案",
        "ji-supersedes": "以前發布的司法解釋與本解釋不一致的，以本解釋為準。",
        "ji-commencement": "本解釋自{year}年{month}月{day}日起施行。", "table-none": "（無）",
        "ji-commencement-publication": "本解釋自發布之日起施行。",
        "placement": "擬置位置", "protects": "保護法益", "mental": "主觀方面", "purpose": "目的的證明",
        "excluding": "手段不包括", "tier": "數量標準", "prosecution": "追訴方式", "implements": "擬履行的條約條款",
        "benchmark": "參照條約條款", "uncertain": "公約用語",
        "breaches": "所違反的行政義務", "sanction": "罰款數額依據", "style": "起草風格",
    },
    "en": {
        "in-force": " (in force)", "proposed": " (proposed)", "summary": " (structured summary)",
        "summary-warning": "The text below is generated from the elements this entry records. It is not the text of "
                           "the statute and must not be cited as such.",
        "summary-in": "The jurisdiction's drafting style composes no summary in English; the summary below is in "
                      "{language}.",
        "entry-on": "This entry concerns {paragraph}; the text below is the provision as this entry quotes it.",
        "rests-on-paraphrase": "This entry rests in whole or in part on a secondary source's summary [P], not on the "
                               "statute's words: check what it quotes against the official text before citing it.",
        "rests-on-r-memory": "This entry rests in whole or in part on a recollection, not on a text retrieved "
                             "[R-memory]: check what it quotes against the official text before citing it.",
        "notes": "Drafting notes (not part of the text)", "elements": "Elements", "sources": "Sources: ",
        "sep": "; ", "colon": ": ", "stop": ".", "space": " ",
        "ji-proposed": "(Proposed draft judicial interpretation)", "issuer-proposed": "Proposed issuing body",
        "draft-status": "Draft",
        "issuer": "Issuing body",
        "ji-supersedes": "Where a judicial interpretation issued earlier is inconsistent with this Interpretation, "
                         "this Interpretation shall prevail.",
        "ji-commencement": "This Interpretation shall come into force on {month_name} {day}, {year}.",
        "ji-commencement-publication": "This Interpretation shall come into force on the date of its publication.",
        "table-none": "(none)",
        "not-drafted": "The English of the amended text is not drafted: the amendment is the Chinese text below, "
                       "which alone is quoted.",
        "working-gloss": "The English below is a working gloss prepared for lexdraft. It is not an official or "
                         "published translation; only the Chinese text is authoritative.",
        "published": "The English below is a published but unofficial translation, quoted as found. Only the "
                     "Chinese text is authoritative.",
        "missing": "No English translation is recorded for this provision. The authoritative Chinese text follows.",
        "own-missing": "No {language} translation is given for this provision. Its authentic {own} text follows; "
                       "lexdraft does not translate statute text.",
        "own-working-gloss": "The authentic {own} text comes first. The {language} below it is a working gloss "
                             "prepared for lexdraft, not an official or published translation; only the {own} text "
                             "is authoritative.",
        "own-published": "The authentic {own} text comes first. The {language} below it is a published but unofficial "
                         "translation, quoted as found; only the {own} text is authoritative.",
        "own-unrecorded": "The authentic {own} text comes first. The standing of the {language} below it is not "
                          "recorded; it is not an official translation. Only the {own} text is authoritative.",
        "translation-heading": "{language} translation ({status}):", "unrecorded-short": "standing not recorded",
        "working-gloss-short": "a working gloss", "published-short": "published, unofficial",
        "as-at": "The text is the law {version}.",
        "dated": " (text as at {date}; later amended, current text not verified [NF])",
        "as-at-dated": "The text quoted is the text {version}; the current text was not found.",
        "unrecorded": "The standing of the English below is not recorded; it is not an official translation. Only "
                      "the Chinese text is authoritative.",
        "placement": "Placement", "protects": "Protected interests", "mental": "Mental element",
        "purpose": "Proof of purpose", "excluding": "Means excluded", "tier": "Thresholds", "uncertain": "Treaty words",
        "prosecution": "Prosecution", "implements": "Treaty provision to be implemented",
        "benchmark": "Treaty provision taken as a benchmark",
        "breaches": "Administrative obligations breached", "sanction": "Source of the fine range",
        "style": "Drafting style",
    },
}


def words(lang: str, script: str = "hans") -> Mapping[str, str]:
    """The fixed words of a page in `lang`; Chinese in `script` (hans, or hant for Taiwan)."""
    return WORDS["en" if lang == "en" else script]
