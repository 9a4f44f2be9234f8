"""What a suggested article takes from the offence whose penalty it takes, and what it leaves behind, in words."""

from __future__ import annotations

from collections.abc import Sequence

from .. import packs
from ..language.ast import Provision
from ..language.vocabulary import vocabulary
from ..treaty import acts
from ..treaty.threshold import named as circumstance_named
from ..wording.citations import within_law
from ..wording.phrases import penalty_phrase


def _threshold(p: Provision) -> str | None:
    """The statutory circumstance the offence as a whole needs before it is punishable at all (364 ¶1's 情节严重); not a
    qualifier of some of its acts (art. 227-23 al. 4's habitual consulting), which is no threshold."""
    base = next((t for t in p.tiers if t.name.name == "base"), None)
    if base is None or base.requires is None or base.acts:
        return None
    entry = vocabulary().entry("circumstances", base.requires.name) or {}
    return None if entry.get("qualifier") else base.requires.name


def penalty_note(new: Provision, source: Provision, lang: str, lighter: Sequence[Provision] = ()) -> str:
    """What a suggested article that takes `source`'s penalty does not carry of it, so that a drafter sees whom the same
    penalty now reaches: the source's purpose (363 ¶1's 以牟利为目的: acts without it punished as gravely), its entry
    threshold (364 ¶1's 情节严重), and, for the circumstances of the higher tiers it carries, that their standard is
    the courts' to set, the figures an interpretation gives for the source's own object not carrying over. Empty where
    it carries everything (an article taking the penalty of an offence without purpose or threshold). `lighter` are
    the offences in force that punish the material it adds more lightly (treaty/amend.lighter_for): each is named,
    for the drafter to weigh."""
    zh = lang == "zh"
    jurisdiction = new.jurisdiction.name if new.jurisdiction else None
    pack = packs.pack(jurisdiction) if jurisdiction else None
    own = pack.words("zh").conduct if pack is not None else {}
    v = vocabulary()
    of, article = within_law(source, lang), within_law(new, lang)
    kept = {p.name for p in new.purpose.purposes} if new.purpose is not None else set()
    purposes = [p.name for p in source.purpose.purposes if p.name not in kept] if source.purpose is not None else []
    parts: list[str] = []
    if purposes:
        # the acts both punish, in the new article's words: those now punished without the purpose
        shared = [t.name for t in new.conduct if t.name in {s.name for s in source.conduct}] or \
            [t.name for t in new.conduct]
        words = [str((v.entry("purposes", p) or {}).get("zh", p)) for p in purposes]
        tiers = len(source.penalties) > 1 and len(new.penalties) > 1
        if zh:
            said = "、".join(own.get(c) or v.label("conduct", c, "zh") for c in shared)
            purpose = "”或者“".join(words)
            parts.append(f"{article}沿用该{'款' if len(source.id.split('.')) > 3 else '条'}法定刑但不要求“{purpose}”，"
                         f"不{words[0]}的{said}亦按同一幅度处罚")
        else:
            verbs = [acts.gerund(v.conduct(c, jurisdiction)) for c in shared]
            joined = verbs[0] if len(verbs) == 1 else ", ".join(verbs[:-1]) + " or " + verbs[-1]
            named = " or ".join(str((v.entry("purposes", p) or {}).get("en", p)).removeprefix("for the ")
                                .removeprefix("with ") for p in purposes)
            # the statute's own words beside the English where it is written in Chinese, as a reason quotes a term
            chinese = pack is not None and any(code.startswith("zh") for code in pack.languages)
            quoted = f" ({'; '.join(words)})" if chinese else ""
            parts.append(f"{article} takes the {'tiers' if tiers else 'penalty'} without {of}'s {named}{quoted}, "
                         f"so {joined} without it is punished as gravely")
    carried = [t.requires.name for t in new.tiers if t.name.name != "base" and t.requires is not None]
    if carried:
        figures = any(t.condition is not None for t in source.tiers)
        if zh:
            said = "".join(f"“{circumstance_named(c, 'zh')}”" for c in carried)
            parts.append(f"{said}的标准有待司法解释" + (f"，{of}的数量标准不当然适用" if figures else ""))
        else:
            names = [circumstance_named(c, "en") for c in carried]
            said = " and ".join(f"'{n.removesuffix(' circumstances')}'" for n in names) + " circumstances" \
                if all(n.endswith(" circumstances") for n in names) else " and ".join(f"'{n}'" for n in names)
            parts.append(f"{said} await judicial interpretation" +
                         (f": the figures set for {of} do not carry over of themselves" if figures else ""))
    wider = _wider(new, source, lang)
    if wider:
        # as the check reads the source's object: a reading a review may state as unsettled, never as the law decided
        parts.append(f"本条亦将该法定刑适用于{of}（按本审查的理解）不涵盖的{wider}" if zh else
                     f"{article} applies it also to {wider}, which {of}, as this review reads it, does not reach")
        for p in lighter:
            parts.append(_lighter(p, article, lang, own))
    threshold = _threshold(source)
    new_threshold = _threshold(new)
    dropped = ""
    if threshold is not None and new_threshold is None:
        dropped = (f"（本条不采{of}“{circumstance_named(threshold, 'zh')}”的入罪门槛）" if zh else
                   f" ({article} drops {of}'s '{circumstance_named(threshold, 'en')}' threshold)")
    if not parts:
        return dropped
    return dropped + ("；" if zh else "; ") + ("；" if zh else "; ").join(parts)


def _lighter(p: Provision, article: str, lang: str, own: dict[str, str]) -> str:
    """An offence in force that punishes some act on the material a new article adds more lightly, for the drafter to
    weigh: which, for what act, by what penalty and from what threshold; as far as its words reach the material, which
    a court may read more narrowly than the encoding (is a computer-made image one of Taiwan's 圖畫 or 其他物品?)."""
    zh = lang == "zh"
    v = vocabulary()
    jurisdiction = p.jurisdiction.name if p.jurisdiction else ""
    base = next(s for s in p.penalties if s.tier.name == "base")
    penalty = penalty_phrase(base, lang, jurisdiction)
    threshold = _threshold(p)
    cited = within_law(p, lang)
    if zh:
        said = "、".join(own.get(t.name) or v.label("conduct", t.name, "zh") for t in p.conduct)
        when = f"，且以{circumstance_named(threshold, 'zh')}为限" if threshold else ""
        return (f"对该材料，在其文义所及的范围内，{cited}已就{said}设较轻的处罚（{penalty}{when}），"
                "起草者确定本条的法定刑时应予权衡")
    verbs = [acts.gerund(v.conduct(t.name, jurisdiction)) for t in p.conduct]
    said = verbs[0] if len(verbs) == 1 else ", ".join(verbs[:-1]) + " or " + verbs[-1]
    when = f", and only {circumstance_named(threshold, 'en')}" if threshold else ""
    return (f"{cited} already punishes {said} that material, as far as its words reach it, more lightly ({penalty}"
            f"{when}), which the drafter should weigh in setting {article}'s penalty")


def _wider(new: Provision, source: Provision, lang: str) -> str:
    """The material the new article reaches that the source of its penalty does not, by the origins and media the
    source's object is limited to (Taiwan's art. 39 ¶2: real, visual recordings; 39-1 also drawn, synthetic and audio
    material): the same penalty then punishes what the law in force punishes apart or not at all. Empty where the new
    article's object is no wider."""
    if new.object is None or source.object is None:
        return ""
    v = vocabulary()
    missing: list[str] = []
    for attr, noun in (("origin", ("材料", "material")), ("medium", ("材料", "material"))):
        limit = set(source.object.values(attr))
        if not limit:
            continue
        reached = set(new.object.values(attr)) or set(v.section(f"object-attributes.{attr}"))
        for name in sorted(reached - limit):
            entry = v.entry(f"object-attributes.{attr}", name) or {}
            named = (entry.get("material") or {}).get(lang)  # the vocabulary's words for such material, if any
            label = str(entry.get("zh" if lang == "zh" else "en", name))
            missing.append(str(named) if named else f"{label}{noun[0]}" if lang == "zh" else f"{label} {noun[1]}")
    if not missing:
        return ""
    return "、".join(missing) if lang == "zh" else (missing[0] if len(missing) == 1 else
                                                   ", ".join(missing[:-1]) + " and " + missing[-1])
