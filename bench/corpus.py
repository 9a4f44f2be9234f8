"""Synthetic but realistic .lexd corpora for the benchmark: seeded, drawn from the vocabulary, lint clean."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lexdraft.language.vocabulary import Vocabulary, vocabulary

PER_FILE = 10  # provisions per file: an office keeps a chapter's articles together
INTERPRETATION_EVERY = 25  # one judicial interpretation per this many provisions

# Conduct the renderer can compose with an object (self-contained acts such as 发布信息 name their own object).
_CONDUCT = ("produce", "synthesize", "reproduce", "record", "publish", "sell", "offer", "distribute", "transmit",
            "broadcast", "deliver", "display", "make-available", "disseminate", "solicit", "procure", "access",
            "possess", "control", "finance")
_OBJECTS = ("intimate-image", "sexual-image", "obscene-material", "csam")
_MEANS = (("ict-system",), ("ai-synthesis",), ("computer-synthesis",), ("photography-or-video",), ("any-means",),
          ("violence", "coercion", "other-method"))
_MENTAL = ("intent", "intent direct", "intent indirect", "knowledge", "knowledge actual")
_REBUTTAL = 'zh "有相反证据足以证明其确实不知道的除外" en "unless evidence shows that the person did not know"'
_SERIOUS = ("serious-circumstances", "flagrant-circumstances", "serious-consequences")
_ESPECIALLY = ("especially-serious-circumstances",)
_BASE_CIRCUMSTANCES = ("two-items-half-standard", "serious-consequences", "other-serious-circumstances")
_CHANNELS = {"disseminated-to": ("private-group",), "views": ("public-platform",)}
_WORKS = ("scientific-work", "artistic-value")
_ACTS = ("artistic-work", "law-enforcement", "bona-fide-research")


@dataclass(frozen=True)
class Corpus:
    """Generated files by relative path, and what they hold."""

    files: dict[str, str]
    provisions: int
    interpretations: int
    serious: list[str] = field(default_factory=list)  # prc provisions with a `serious` tier an interpretation may count

    def write(self, root: Path) -> list[Path]:
        """Write every file under root; the paths written, sorted."""
        out = []
        for rel, text in sorted(self.files.items()):
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            out.append(path)
        return out


class _Gen:
    """One provision or interpretation after another, each from the same seeded stream."""

    def __init__(self, seed: int, vocab: Vocabulary):
        self.r = random.Random(seed)
        self.v = vocab

    def pick(self, seq: Any, k: int | None = None) -> Any:
        items = list(seq)
        return self.r.choice(items) if k is None else self.r.sample(items, min(k, len(items)))

    def names(self, section: str, k: int) -> str:
        return ", ".join(self.pick(self.v.section(section), k))

    # ---------------------------------------------------------------- pieces
    def obj(self, kind: str) -> list[str]:
        lines = [f"  object       {kind} {{"]
        attrs = self.v.section("object-attributes")
        chosen = ["depicts"] + self.pick(("person", "origin", "medium", "identifiable-by", "standard", "privacy"),
                                         self.r.randint(1, 4))
        if kind == "csam" and self.r.random() < 0.4:
            chosen.append("virtual-test")
        for name in sorted(set(chosen), key=chosen.index):
            values = list(attrs[name])
            if name == "virtual-test":
                text = ", ".join(values)  # the three elements hold together
            else:
                text = " | ".join(self.pick(values, self.r.randint(1, min(3, len(values)))))
            lines.append(f"    {name:<15} {text}")
        return [*lines, "  }"]

    def threshold(self, measure: str) -> str:
        entry = self.v.entry("measures", measure) or {}
        unit = self.pick(entry["units"])
        amount = self.pick((3, 10, 20, 50, 100, 200, 500, 1000, 5000, 10000, 50000))
        channel = ""
        if measure in _CHANNELS and self.r.random() < 0.6:
            channel = f" {self.pick(('via', 'on'))} {self.pick(_CHANNELS[measure])}"
        return f"{measure} {self.pick(('>=', '>=', '>'))} {amount} {unit}{channel}"

    def condition(self, indent: str, extra: tuple[str, ...]) -> list[str]:
        items = [self.threshold(m) for m in self.pick(self.v.section("measures"), self.r.randint(1, 5))]
        items += self.pick(extra, self.r.randint(0, 1))
        lines = [f"{indent}  {item}" for item in items]
        if self.r.random() < 0.2:
            nested = [self.threshold(m) for m in self.pick(self.v.section("measures"), 2)]
            lines += [f"{indent}  all {{", *(f"{indent}    {n}" for n in nested), f"{indent}  }}"]
        return lines

    def text_block(self, tag: str, n: int, title: str, says: tuple[str, ...] = ()) -> str:
        """Verbatim text of an article in force; it says the names of its tiers (`says`), which an interpretation may
        quote only because the text says them (E410)."""
        tiers = "".join(f"{name}的，依照本款处罚。" for name in says)
        body = "\n".join(f"第{n}条第{i}款 {title}：本款为生成的条文文字，用于测量，不是法律。{tiers if i == 1 else ''}"
                         if tag != "en" else
                         f"Article {n}, paragraph {i}: {title}. Generated wording for measurement, not law."
                         for i in range(1, self.r.randint(2, 4)))
        return f'{tag} """\n{body}\n"""'

    # ---------------------------------------------------------------- documents
    def provision(self, index: int) -> tuple[str, str, bool]:
        """The text of provision `index`, its id, and whether it declares a `serious` tier."""
        r = self.r
        tw = r.random() < 0.2
        jur = "tw" if tw else "prc"
        law = "criminal-code" if tw else "criminal-law"
        article, sub = 400 + index // 3, index % 3 + 1
        pid = f"{jur}.{law}.{article}-{sub}"
        if r.random() < 0.15:
            pid += f".{r.randint(1, 3)}"  # a paragraph of its own
        in_force = r.random() < 0.5
        conduct = self.pick(_CONDUCT, r.randint(1, 5))
        kind = self.pick(_OBJECTS)
        status = "in-force" if in_force else "proposed"
        lines = [f"provision {pid} {{", f"  jurisdiction {jur}", f"  status       {status}"]
        if not in_force and not tw and "." not in pid.split(".", 2)[2]:
            after = f"{article}-{sub - 1}" if sub > 1 else str(article)
            lines.append(f'  instrument   amendment to "中华人民共和国刑法" '
                         f'inserting article {article}-{sub} after {after}')
        else:
            lines.append(f"  instrument   {law}")
        lines.append(f"  chapter      {r.randint(2, 9)}")
        zh_tag = "zh-hant" if tw else "zh"
        zh_title = "、".join(str((self.v.entry("conduct", c) or {})["zh"]) for c in conduct[:2]) + "生成条文罪"
        en_title = f"Generated offence {index}: " + ", ".join(conduct[:2])
        lines += [f'  title        {zh_tag} "{zh_title}{index}"', f'               en "{en_title}"',
                  f'  source       "bench/corpus.py, seed stream item {index}"']
        if r.random() < 0.3 or not in_force:  # a proposal names the article it carries out (else W201)
            lines.append(f"  implements   {self.pick(('uncc.16', 'uncc.14', 'uncc.14.1'))}")
        primary = self.pick(self.v.section("interests"), r.randint(1, 2))
        secondary = [i for i in ("public-morality", "social-order") if i not in primary]
        lines.append(f"  protects     {', '.join(primary)}"
                     + (f"; secondary {self.pick(secondary)}" if secondary and r.random() < 0.3 else ""))
        lines.append("")
        lines.append(f"  actors       {self.pick(('natural-person', 'natural-person, unit'))}")
        mental = self.pick(_MENTAL)
        if mental == "knowledge" and r.random() < 0.3:
            mental = f"knowledge presumed rebuttable {_REBUTTAL}"
        lines.append(f"  mental       {mental}")
        if r.random() < 0.4:
            purpose = self.pick(("profit", "dissemination", "sexual-gratification", "cause-harm"))
            evidence = f" evidenced-by {self.names('evidence', 2)}" if r.random() < 0.3 else ""
            lines.append(f"  purpose      {purpose}{evidence}")
        lines.append(f"  conduct      {', '.join(conduct)}")
        means = self.pick(_MEANS)
        excluding = " excluding simple-photo-editing" if means == ("ai-synthesis",) else ""
        lines.append(f"  means        {', '.join(means)}{excluding}")
        lines += self.obj(kind)
        if r.random() < 0.4:
            lines.append(f"  consent      {self.pick(('absent', 'irrelevant'))}")
        if r.random() < 0.1:
            lines.append("  harm         capable-of-damage")
        lines.append("")
        # Tiers, each heavier than the one below: base, then serious, then especially-serious.
        tiers = ["base"] + (["serious"] if r.random() < 0.7 else [])
        if "serious" in tiers and r.random() < 0.5:
            tiers.append("especially-serious")
        if r.random() < 0.5:
            lines += ["  tier base when any {", *self.condition("  ", _BASE_CIRCUMSTANCES),
                      f'  }} per "generated interpretation art. {index}"']
        says: list[str] = []
        for tier, circumstances in (("serious", _SERIOUS), ("especially-serious", _ESPECIALLY)):
            if tier not in tiers:
                continue
            required = self.pick(circumstances)
            says.append(str((self.v.entry("circumstances", required) or {})["zh"]))
            head = f"  tier {tier} requires {required}"
            if r.random() < 0.5:
                lines += [f"{head} when any {{", *self.condition("  ", ()), "  }"]
            else:
                lines.append(head)
        aggravated = tw and r.random() < 0.3
        if aggravated:
            lines.append("  tier aggravated requires profit-or-sale")
        excepted: set[str] = set()
        for _ in range(r.randint(0, 2)):
            kind_ex = self.pick(_WORKS if kind == "obscene-material" and r.random() < 0.5 else _ACTS)
            when = f" when {self.names('exception-conditions', r.randint(1, 2))}" if kind_ex in _ACTS and \
                r.random() < 0.5 else ""
            if kind_ex not in excepted:
                excepted.add(kind_ex)
                lines.append(f"  exception    {kind_ex}{when}")
        if tw:
            lines.append(f"  prosecution  {self.pick(('public', 'complaint-required'))}")
        else:
            lines.append("  prosecution  " + self.pick(("public", "public", "private",
                                                         "private except serious-harm-to-public-order-or-state")))
        lines += ["  penalty", *self.penalties(tiers, aggravated, "twd" if tw else "yuan")]
        if in_force and r.random() < 0.6:
            lines += ["", "  translation  working-gloss",
                      f"  text         {self.text_block(zh_tag, article, zh_title, tuple(says))}",
                      f"               {self.text_block('en', article, en_title)}"]
        lines.append("}")
        return "\n".join(lines) + "\n", pid, "serious" in tiers and not tw

    def penalties(self, tiers: list[str], aggravated: bool, currency: str) -> list[str]:
        r = self.r
        low = self.pick((2, 3, 5))
        high = low + self.pick((2, 4, 5, 7))
        base_alts = ["criminal-detention", "public-surveillance"][: r.randint(0, 2)]
        base_term = self.pick((f"imprisonment <= {low} years", f"imprisonment 6 months..{low} years"))
        cap = f" <= {self.pick((50000, 200000, 1000000))} {currency}" if r.random() < 0.3 else ""
        rows = [("base", " | ".join([base_term, *base_alts]) + f"; fine {self.pick(('optional', 'additional'))}{cap}")]
        if "serious" in tiers:
            rows.append(("serious", f"imprisonment {low}..{high} years; fine mandatory"))
        if "especially-serious" in tiers:
            rows.append(("especially-serious",
                         (f"imprisonment >= {high} years | life-imprisonment; "
                         "fine mandatory or confiscation-of-property")))
        if aggravated:
            rows.append(("aggravated", "increase up-to 1/2"))
        width = max(len(t) for t, _ in rows) + 1
        return [f"    {t.ljust(width)}{body}" for t, body in rows]

    def interpretation(self, index: int, interprets: list[str]) -> str:
        r = self.r
        lines = [f"interpretation prc.spc.generated-{index} {{", "  jurisdiction prc",
                 f"  status       {self.pick(('in-force', 'proposed'))}",
                 "  issuer       " + self.pick(("supreme-peoples-court",
                                                 "supreme-peoples-court, supreme-peoples-procuratorate")),
                 f'  title        zh "关于办理生成案件适用法律若干问题的解释（{index}）"',
                 f'               en "Interpretation {index} on the application of law in generated cases"',
                 f'  source       "bench/corpus.py, interpretation {index}"',
                 f"  interprets   {', '.join(interprets)}",
                 ('  preamble     zh "依法惩治生成条文所列犯罪活动" '
                 'en "punish according to law the generated offences"'), ""]
        number = 0
        if r.random() < 0.6:
            # The generated provisions' texts do not say the words a definition of identifiability quotes, and an
            # interpretation may quote only its provision's words (E410): the article is drawn, so that the stream
            # stays the same for the same seed, and not written.
            self.pick(("acquaintances", "general-public"))
            self.names("evidence", 2)
        for pid in interprets:
            number += 1
            lines += [f"  article {number} tier serious of {pid} when any {{", *self.condition("  ", ()), "  }"]
        if r.random() < 0.5:
            number += 1
            lines.append(f"  article {number} evidence {self.pick(('ai-synthesis', 'dissemination-purpose'))} by "
                         f"{self.names('evidence', 1)}")
        if r.random() < 0.5:
            number += 1
            lines.append(f'  article {number} text zh "本解释自发布之日起施行。" '
                         'en "This Interpretation takes effect on the date of its promulgation."')
        return "\n".join([*lines, "}"]) + "\n"


def generate(provisions: int, seed: int = 2024) -> Corpus:
    """`provisions` provisions, PER_FILE to a file, and interpretations of some of them; the same for the same seed."""
    g = _Gen(seed, vocabulary())
    files: dict[str, str] = {}
    serious: list[str] = []
    interpretations = 0
    chunk: list[str] = []
    for i in range(provisions):
        text, pid, has_serious = g.provision(i)
        chunk.append(text)
        if has_serious:
            serious.append(pid)
        if len(chunk) == PER_FILE or i == provisions - 1:
            part = i // PER_FILE
            files[f"part-{part // 100:02d}/articles-{part:05d}.lexd"] = _header(part) + "\n".join(chunk)
            chunk = []
        if (i + 1) % INTERPRETATION_EVERY == 0 and serious:
            picked = sorted(set(g.pick(serious[-INTERPRETATION_EVERY:], g.r.randint(1, 3))))
            name = f"interpretations/interpretation-{interpretations:04d}.lexd"
            files[name] = g.interpretation(interpretations, picked)
            interpretations += 1
    return Corpus(files, provisions, interpretations, serious)


def _header(part: int) -> str:
    return f"# Generated by bench/corpus.py (part {part}): synthetic provisions for measuring lexdraft, not law.\n\n"


def write_corpus(root: Path, provisions: int, seed: int = 2024) -> Corpus:
    """Generate and write a corpus under root."""
    corpus = generate(provisions, seed)
    corpus.write(root)
    return corpus
