"""What a suggested financing article finances beyond Art. 14(1)(d): offences it names in full that carry the
offences of 14(1)(a)-(c) only through some of their acts, or only for some of their material (that of children)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .. import packs
from ..language.ast import Provision, Text
from ..language.vocabulary import vocabulary
from . import acts
from .amend import MAJORITY, Amendment
from .conformance import Note
from .reach import reaches
from .scenario import Person
from .spec import Spec


def _cite(pid: str, pack: packs.Pack, lang: str) -> str:
    parts = pid.split(".")
    paragraph = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else None
    return pack.cite(parts[2], lang, paragraph)


def beyond_financing(spec: Spec, amendments: Iterable[Amendment], provisions: Sequence[Provision],
                     pack: packs.Pack | None, label: Callable[[str, str], str]) -> tuple[Note, ...]:
    """For each suggested article that punishes financing another's offence (`finances`), each offence against the
    person it names whose acts reach the treaty's acts of the paragraphs financed only in part (the PRC's art. 237
    ¶3, indecency against a child, which produces material only where a minor is coerced or enticed to expose
    themselves online): financing its other acts goes beyond Art. 14(1)(d). The article names the offence whole, as a
    financing article names offences and not ways of committing them (a reference to the offence "committed by
    producing material" would leave a court to decide which indecency produces material): a drafter keeps it or
    narrows it knowingly.
    `label` cites a treaty paragraph in a language (treaty/spec.paragraph_label)."""
    if pack is None:
        return ()
    paragraphs = {q.id: q.paragraph for q in spec.requirements}
    order = list(dict.fromkeys(a for q in spec.requirements for a in q.conduct))
    v = vocabulary()
    out: list[Note] = []
    seen: set[int] = set()
    for am in amendments:
        q = next((r for r in spec.requirements if r.id == am.requirement), None)
        if id(am) in seen or not am.document.finances or q is None or q.via_rules is None:
            continue
        seen.add(id(am))
        # the acts of the paragraphs whose offences it finances: 14(1)(a)-(c)
        treaty_acts = {a for r in spec.requirements if r.id in q.via_rules.offences for a in r.conduct}
        by_id = {p.id: p for p in [*provisions, *am.presupposes]}
        number = am.document.id.split(".")[2]
        for ref in am.document.finances:
            p = by_id.get(ref.id)
            # an offence against the person shown (indecency), not one on material: its acts that make no material
            # (an act on material the treaty does not list, reproducing, is financing material all the same)
            kind = (v.entry("objects", p.object.kind.name) or {}) if p is not None and p.object is not None else {}
            if p is None or not kind.get("against-the-person"):
                continue
            jurisdiction = p.jurisdiction.name if p.jurisdiction else None
            covers = {t.name: set(v.conduct(t.name, jurisdiction).get("covers", ())) & treaty_acts for t in p.conduct}
            inside = sorted({a for c in covers.values() for a in c}, key=order.index)
            outside = [t.name for t in p.conduct if not covers[t.name]]
            if not inside or not outside:
                continue
            en, zh = label(paragraphs[q.id], "en"), label(paragraphs[q.id], "zh")
            # the paragraphs financed, as a span: 14(1)(a)-(c), 第14条第1款(a)至(c)项
            ends = [paragraphs[o] for o in q.via_rules.offences if o in paragraphs]
            span_en = f"{ends[0]}-{ends[-1][ends[-1].rfind('('):]}" if len(ends) > 1 else ends[0]
            first, last = label(ends[0], "zh"), label(ends[-1], "zh")
            span_zh = f"{first.removesuffix('项')}至{last[last.rfind('('):]}" if len(ends) > 1 else first
            out.append(Note(p.id, Text(
                en=f"The article suggested for {en}, {pack.cite(number, 'en')}, punishes financing any offence under "
                   f"{_cite(p.id, pack, 'en')}, which reaches {span_en} only by {acts.acts(inside, 'en', 'or')} "
                   f"material: financing its other acts "
                   f"({', '.join(acts.term(t, jurisdiction).en for t in outside)}) goes beyond Art. {en}. A financing "
                   "article names offences, not ways of committing them: a drafter keeps the whole offence or narrows "
                   "the reference knowingly.",
                zh=f"就{zh}建议增设的{pack.cite(number, 'zh')}，处罚资助他人实施{_cite(p.id, pack, 'zh')}规定之罪的"
                   f"行为，不限于该罪的某种实施方式；而该罪仅以{acts.acts(inside, 'zh')}材料的方式涉及{span_zh}：资助"
                   f"该罪的其他行为（{'、'.join(acts.term(t, jurisdiction).zh for t in outside)}）超出{zh}的要求。资助"
                   "犯罪的条文援引的是犯罪，而非犯罪的实施方式：保留整个犯罪或者限缩援引范围，由起草者斟酌决定。"),
                p.span))
        out += _of_adults(am, by_id, pack, label(paragraphs[q.id], "en"), label(paragraphs[q.id], "zh"), number)
    return tuple(out)


def _of_adults(am: Amendment, by_id: dict[str, Provision], pack: packs.Pack, en: str, zh: str,
               number: str) -> list[Note]:
    """The offences on material a financing article names whose object reaches material of adults too (the PRC's
    arts. 363 ¶1 and 364 ¶1: obscene articles, whoever they show), read by the evaluator on the counterexample's
    material showing an adult: financing them where the material shows no child goes beyond Art. 14(1)(d). One
    sentence naming them all, given for each (the review says it once)."""
    cx = am.counterexample
    if cx is None or cx.scenario.material is None:
        return []
    adult = cx.scenario.with_material(person=Person(age=MAJORITY))
    v = vocabulary()
    found = [p for ref in am.document.finances if (p := by_id.get(ref.id)) is not None and p.object is not None
             and not (v.entry("objects", p.object.kind.name) or {}).get("against-the-person")
             and not any(m.element.startswith("object") for m in reaches(p, adult).misses)]
    if not found:
        return []
    kinds = list(dict.fromkeys(p.object.kind.name for p in found if p.object is not None))
    cited_en = " or ".join(_cite(p.id, pack, "en") for p in found)
    cited_zh = "、".join(_cite(p.id, pack, "zh") for p in found)
    # the persons of the age the treaty's material concerns, as the vocabulary names them
    minor = next((e for e in v.section("object-attributes.person").values()
                  if tuple(e.get("ages") or ()) == (0, MAJORITY)), {"en": f"persons under {MAJORITY}", "zh": "儿童"})
    kinds_en = " or ".join(v.label("objects", k, "en") for k in kinds)
    kinds_zh = "、".join(v.label("objects", k, "zh") for k in kinds)
    text = Text(
        en=f"The article suggested for {en}, {pack.cite(number, 'en')}, punishes financing any offence under "
           f"{cited_en}, whose material is not limited to that of {minor['en']} ({kinds_en}, whoever they show): "
           f"financing such an offence where the material shows only adults goes beyond Art. {en}, which concerns "
           "material of children. A financing article names offences, not the material they are committed on: a "
           "drafter keeps the whole offence or narrows the reference knowingly.",
        zh=f"就{zh}建议增设的{pack.cite(number, 'zh')}，处罚资助他人实施{cited_zh}规定之罪的行为，而该等犯罪的对象"
           f"不限于涉及{minor['zh']}的材料（{kinds_zh}，不论所涉何人）：资助仅涉及成年人材料的"
           f"该等犯罪，超出{zh}的要求（该项针对的是涉及儿童的材料）。资助犯罪的条文援引的是犯罪，而非犯罪所涉的材料："
           "保留整个犯罪或者限缩援引范围，由起草者斟酌决定。")
    return [Note(p.id, text, p.span) for p in found]
