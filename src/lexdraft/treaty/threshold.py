"""Word what a provision's threshold leaves out: its own material, less what the set punishes from the first act."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..language.ast import Provision, Text
from ..language.vocabulary import vocabulary
from .acts import gerund
from .facts import Facts

# A spec reason naming these is filled from the provision's object (`{material}`, `{gap}`, `{optional}`), its
# conduct and threshold (`{conduct}`, `{threshold}`) and the other provisions of the set (`{first-act}`), never
# written out by hand for one statute.
# `{threshold}` is the circumstance as a clause ("where the circumstances are serious", 情节严重), `{threshold-named}`
# the threshold by its name (the threshold "serious circumstances"), as a recommendation cites it.
# `{virtual-conditions}` the conditions of the provision's own test for virtual material, as the vocabulary words them.
FIELDS = ("{material}", "{gap}", "{optional}", "{conduct}", "{threshold-named}", "{threshold}", "{first-act}",
          "{virtual-conditions}")

# A threshold set in figures only (a number of persons, copies, an amount), with no statutory circumstance to name it:
# its one English name, in a reason, a recommendation and an amendment alike
QUANTITATIVE = "quantitative threshold"

_ORIGINS = frozenset({"real", "synthetic"})
REQUIRED_MEDIA = ("visual",)  # Art. 14(2): material "may include written or audio content"; visual it must


def fills(t: Text) -> bool:
    """Whether the reason is worded from the provision (has a field to fill)."""
    return any(f in (t.en or "") or f in (t.zh or "") for f in FIELDS)


def _pairs(f: Facts) -> set[tuple[str, str]]:
    origins = f.object_origin or _ORIGINS
    return {(m, o) for m in f.object_medium or {"visual", "written", "audio"} for o in origins}


def _describe(pairs: set[tuple[str, str]], lang: str) -> str:
    """Material by medium and origin: "audio material or visual material other than real recordings" (whole media
    first, so that the qualified one ends the phrase and nothing reads as its exception)."""
    v = vocabulary()
    whole, qualified = [], []
    for medium in ("visual", "audio", "written"):
        origins = {o for m, o in pairs if m == medium}
        if not origins:
            continue
        word = str((v.entry("object-attributes.medium", medium) or {}).get(lang, medium))
        if origins >= _ORIGINS:
            whole.append(f"{word}材料" if lang == "zh" else f"{word} material")
        elif origins == {"synthetic"}:
            qualified.append(f"并非真实摄录的{word}材料" if lang == "zh" else
                             f"{word} material other than real recordings")
        else:
            qualified.append(f"真实摄录的{word}材料" if lang == "zh" else f"real {word} recordings")
    return ("或者" if lang == "zh" else " or ").join(whole + qualified)


def named(circumstance: str, lang: str) -> str:
    """A statutory circumstance as a threshold is named: 'serious circumstances', 情节严重."""
    entry = vocabulary().entry("circumstances", circumstance) or {}
    return str(entry.get("zh", circumstance)) if lang == "zh" else \
        str(entry.get("named") or entry.get("en", circumstance))


def _threshold(p: Provision, lang: str) -> str:
    base = next((t for t in p.tiers if t.name.name == "base"), None)
    if base is not None and base.requires is not None:
        entry = vocabulary().entry("circumstances", base.requires.name) or {}
        return str(entry.get(lang, base.requires.name))
    return "达到其门槛" if lang == "zh" else f"above its {QUANTITATIVE}"


def _threshold_named(p: Provision, lang: str) -> str:
    base = next((t for t in p.tiers if t.name.name == "base"), None)
    if base is not None and base.requires is not None:
        said = named(base.requires.name, lang)
        return f"“{said}”的门槛" if lang == "zh" else f'the threshold "{said}"'
    return "其门槛" if lang == "zh" else f"its {QUANTITATIVE}"


def _virtual_conditions(p: Provision, lang: str) -> str:
    v = vocabulary()
    said = [str((v.entry("object-attributes.virtual-test", c) or {}).get(lang, c))
            for c in (p.object.values("virtual-test") if p.object is not None else ())
            if not c.startswith("existing-persons")]  # a limit to existing persons is no condition material fails
    return "；".join(said) if lang == "zh" else "; ".join(f"that {c}" for c in said)


def worded(reason: Text, p: Provision, f: Facts, others: Mapping[str, Facts] | None = None) -> Text:
    """The reason with its fields filled for provision `p`: what its threshold covers is its object's material,
    less what `others` (provisions of the set that reach the same acts without a threshold) punish from the first
    act; without them, its whole material."""
    if not fills(reason):
        return reason
    jurisdiction = p.jurisdiction.name if p.jurisdiction else None
    mine = _pairs(f)
    first = {pid: _pairs(o) & mine for pid, o in (others or {}).items()}
    first = {pid: pairs for pid, pairs in first.items() if pairs}
    covered = set().union(*first.values()) if first else set()
    left = mine - covered
    required = {(m, o) for m, o in left if m in REQUIRED_MEDIA}
    optional = left - required
    ids = sorted(first)
    v = vocabulary()
    filled = {}
    for lang in ("en", "zh"):
        conduct = [str(v.conduct(c, jurisdiction).get("zh", c)) if lang == "zh"
                   else gerund(v.conduct(c, jurisdiction)) for c in sorted(f.conduct)]
        said = "、".join(conduct) if lang == "zh" else " or ".join(conduct)
        # a drawing stands for material that is no recording: what Art. 14(3)(a)'s existing person reaches too
        example = ""
        if required and {o for _, o in required} == {"synthetic"}:
            example = "（例如描绘真实儿童的图画）" if lang == "zh" else " (a drawing of a real child, say)"
        if lang == "zh":
            first_act = (f"；{said}{_describe(covered, 'zh')}的，依照{'、'.join(ids)}自第一次行为起即构成犯罪"
                         if ids else "")
            gap = (f"初次{said}{_describe(required, 'zh')}{example}的行为不构成犯罪，而第14条第1款要求将其入罪"
                   if required else "此前不受刑罚处罚的仅为第14条第2款允许但不要求涵盖的材料")
            opt = f"；{_describe(optional, 'zh')}属于第14条第2款允许但不要求涵盖的内容，就其设定门槛不构成缺漏" \
                if optional and required else ""
        else:
            first_act = (f"; {said} {_describe(covered, 'en')} is a crime from the first act under "
                         f"{' and '.join(ids)}") if ids else ""
            gap = (f"{said} {_describe(required, 'en')}{example} for the first time, which Art. 14(1) requires to be "
                   "criminalised, is not a crime") if required else \
                "what goes unpunished before it is only material Art. 14(2) permits but does not require"
            opt = (f"; for {_describe(optional, 'en')}, which Art. 14(2) permits but does not require, the threshold "
                   "is no gap") if optional and required else ""
        values = {"{material}": _describe(left, lang), "{gap}": gap, "{optional}": opt,
                  "{conduct}": said[:1].upper() + said[1:] if lang == "en" else said,
                  "{threshold-named}": _threshold_named(p, lang), "{threshold}": _threshold(p, lang),
                  "{first-act}": first_act, "{virtual-conditions}": _virtual_conditions(p, lang)}
        text = (reason.zh if lang == "zh" else reason.en) or ""
        for key, value in values.items():
            text = text.replace(key, value)
        filled[lang] = text
    return Text(en=filled["en"], zh=filled["zh"])


def first_act_others(p: Provision, verbs: Iterable[str], reached: Mapping[str, frozenset[str]],
                     table: Mapping[str, Facts]) -> dict[str, Facts]:
    """The other provisions of the set that reach one of `verbs` with no threshold: what they punish from the
    first act is no part of what `p`'s threshold leaves out."""
    wanted = set(verbs)
    return {pid: table[pid] for pid, theirs in reached.items()
            if pid != p.id and theirs & wanted and not table[pid].base_threshold}
