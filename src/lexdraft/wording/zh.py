"""The clause model worded in Chinese: the PRC amendment style, and the same words in Taiwan's script."""

from __future__ import annotations

from ..language import ast as A
from ..language.vocabulary import vocabulary
from .clause import (
    Acts,
    Circumstance,
    ClauseWording,
    Definition,
    Exception_,
    Knowledge,
    Numbers,
    Offence,
    Omission,
    Prosecution,
    Thing,
    Trigger,
    Values,
    Who,
    age_tests,
)
from .labels import term_label
from .numerals import zh_numeral
from .phrases import condition_items, fine_cap, lead_in, list_lines, penalty_phrase, principal_phrases
from .taiwan import composed_chinese
from .words import join_alternatives

_FRAMES = {"identifiable-by": "能够为{v}所识别", "standard": "{v}", "privacy": "{v}"}


def _label(term: A.Term) -> str:
    return term_label(term, "zh")


def object_noun(kind: A.Term) -> str:
    """The defined term without its possessor: 他人私密图像 -> 私密图像."""
    return _label(kind).removeprefix("他人")


class PrcChinese(ClauseWording):
    """刑法修正案 style: 以……为目的，利用……，制作……的，处……；情节严重的，处……。"""

    lang = "zh"
    ends = "的"  # what closes a clause or a circumstance before its penalty: 的，处……

    def subject(self, who: Who) -> str | None:
        return _label(who.subject) if who.subject else None

    def knowledge(self, k: Knowledge, conduct: Acts | Omission) -> str:
        return "明知或者应当知道" if k.presumed else "明知"

    @property
    def or_word(self) -> str:
        """What joins alternatives the clause composes: the PRC's 或者, or the pack's own word (Taiwan: 或)."""
        return self.own_words.or_word or "或者"

    def purposes(self, terms: tuple[A.Term, ...]) -> str:
        return self.or_word.join(_label(t) for t in terms)

    def means(self, terms: tuple[A.Term, ...]) -> str:
        """利用信息网络 / 以暴力、胁迫或者其他方法: verbal means stand alone, nominal ones follow 以."""
        labels = [_label(m) for m in terms]
        verbal = [label for label in labels if label.startswith(("利用", "以", "通过"))]
        nominal = [label for label in labels if label not in verbal]
        return self.or_word.join(verbal + (["以" + join_alternatives(nominal, "zh", self.or_word)] if nominal else []))

    def acts(self, terms: tuple[A.Term, ...]) -> str:
        return "、".join(_label(c) for c in terms)

    def omission(self, o: Omission) -> str:
        source = _label(o.under) if o.under else None
        # 国家有关规定 is itself 规定: ……和国家有关规定所规定的, never 规定规定的
        prescribed = ("所规定的" if source.endswith("规定") else "规定的") if source else ""
        return f"不履行{source or ''}{prescribed}{_label(o.duty)}"

    def precondition(self, term: A.Term) -> str:
        return _label(term)

    def thing(self, t: Thing) -> str:
        return join_alternatives([_label(v) for v in t.persons], "zh") if t.persons else _label(t.kind)

    def consent(self, term: A.Term, minors: A.Term | None = None, below: int | None = None) -> str:
        """未经本人同意（本人不满十八周岁的，未经其亲权人同意） / （本人不满十六周岁的，不能作出该同意）"""
        return (_label(term) + (f"（本人不满十八周岁的，未经其{_label(minors)}同意）" if minors else "")
                + (f"（本人不满{zh_numeral(below)}周岁的，不能作出该同意）" if below is not None else ""))

    def as_to(self, a: A.AsTo) -> str:
        """对材料的性质明知或者有理由相信: the element, then its states of mind as alternatives."""
        return f"对{_label(a.element)}" + self.or_word.join(_label(m.kind) for m in a.states)

    def harm(self, term: A.Term) -> str:
        return _label(term)

    def trigger(self, t: Trigger) -> str:
        if isinstance(t, Circumstance):
            return _label(t.term)
        if isinstance(t, Numbers):
            if t.listed:
                return lead_in(t.condition.mode, "zh", statute=True)
            # 的 closes each circumstance where the clause ends in 的 (PRC); Taiwan's close in 者 once, at the end
            closes = "的" if self.ends == "的" else ""
            joiner = f"{closes}，{self.or_word}" if t.condition.mode is A.ConditionMode.ANY else "，并且"
            return joiner.join(i.text for i in condition_items(t.condition, "zh", self.jurisdiction))
        return str(vocabulary().label("tiers", t.tier.name, "zh"))

    def penalty(self, s: A.Sentence) -> str:
        return penalty_phrase(s, "zh", self.jurisdiction)

    def clause(self, o: Offence) -> str:
        """未经本人同意，以传播为目的，利用……，制作、合成、传播他人私密图像 (without the closing 的): the want of
        consent leads, as the statutes put it (未经他人同意，……; Taiwan's art. 319-3: 未經他人同意，無故……)."""
        parts: list[str] = []
        if o.consent is not None:
            parts.append(self.consent(o.consent, o.consent_minors, o.consent_below_age))
        if o.purposes:
            parts.append(self.purposes(o.purposes))
        if o.means:
            parts.append(self.means(o.means))
        obj = self.thing(o.object) if o.object else ""
        knows = self.knowledge(o.knowledge, o.conduct) if o.knowledge else None
        if isinstance(o.conduct, Omission):
            core = self.omission(o.conduct)
            if knows:
                core = f"{knows}是{obj}而{core}"  # 明知是……信息而不履行……义务, as 明知是……而持有 (art. 120-6)
        else:
            verbs = self.acts(o.conduct.governed)
            # 非法 before the acts, after 明知是……而 (明知是……而非法持有, art. 120-6); to whom, just before them
            # (向不特定人或者多数人提供)
            unlawful = self.wrongfulness(o.wrongfulness) if o.wrongfulness is not None else ""
            to = self.recipients(o.recipients) if o.recipients else ""
            made_to = "" if o.conduct.spreading else to  # nothing is made to anyone: to whom is the spreading's
            core = f"{knows}是{obj}而{unlawful}{made_to}{verbs}" if knows else unlawful + made_to + verbs + obj
            if o.conduct.spreading:
                # A limb of its own (……的，或者……): the purpose governs only the making before it.
                made = f"以前述方式{verbs}的" if o.means else f"{verbs}的"
                core += f"的，或者{unlawful}{to}{self.acts(o.conduct.spreading)}{made}{obj}"
        parts.append(core)
        if o.harm is not None:
            parts.append(self.harm(o.harm))
        parts += [self.as_to(a) for a in o.as_to]
        if isinstance(o.conduct, Omission) and o.conduct.precondition is not None:
            parts.append(self.precondition(o.conduct.precondition))
        return (self.subject(o.who) or "") + "，".join(parts)

    def offence_lines(self, o: Offence) -> list[str]:
        text = self.clause(o)
        tail: list[str] = []
        for i, tier in enumerate(o.tiers):
            trig, pen = tier.trigger, self.penalty(tier.sentence)
            listed = isinstance(trig, Numbers) and trig.listed
            if i == 0:
                if trig is None:
                    text += f"{self.ends}，处{pen}"
                else:
                    text += f"，{self.trigger(trig)}{self.ends}，处{pen}" + ("：" if listed else "")
            else:
                assert trig is not None  # only the first tier may be the base tier without a condition
                verb = "" if tier.sentence.increase else "处"
                text += f"；{self.trigger(trig)}{self.ends}，{verb}{pen}" + ("：" if listed else "")
            if isinstance(trig, Numbers) and trig.listed:
                tail = list_lines(trig.condition, "zh", self.jurisdiction)
        if not tail:
            text += "。"
        return [text, *tail]

    def reference(self, kind: str, near: bool) -> str:
        # Right after the offence paragraph it is 前款; further down, 第一款.
        return "前款" if near else "第一款"

    def units(self, ref: str, where: str) -> str:
        return (f"单位犯{ref}罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，"
                f"依照{where}的规定处罚。")

    def exception(self, e: Exception_, o: Offence, ref: str, summary: bool) -> list[str]:
        """经……同意，为艺术创作而实施前款行为的，不以犯罪论处."""
        label = _label(e.kind)
        conds = [_label(c) for c in e.conditions]
        if e.form == "work":
            noun = object_noun(o.object.kind) if o.object else "本条所称对象"
            lead = label
            tail = f"不属于{'本摘要' if summary else '本条'}所称{noun}"
        else:
            act = f"为{label}" if e.form == "purpose" else label
            # a defence to some acts only names them: 为……而实施前款规定的散布行为
            lead = f"{act}而实施{ref}规定的{'、'.join(_label(a) for a in e.acts)}行为" if e.acts else \
                f"{act}而实施{ref}行为"
            tail = "不以犯罪论处"
        if len(conds) > 1:
            items = [f"（{zh_numeral(i)}）{c}{'。' if i == len(conds) else '；'}" for i, c in enumerate(conds, 1)]
            return [f"{lead}，同时符合下列条件的，{tail}：", *items]
        if conds and e.form != "work":
            return [f"{conds[0]}，{lead}的，{tail}。"]
        if conds:
            return [f"{lead}，{conds[0]}的，{tail}。"]
        return [f"{lead}的，{tail}。" if e.form != "work" else f"{lead}{tail}。"]

    def prosecution(self, pr: Prosecution, ref: str) -> str:
        """前款罪，告诉的才处理，但是……的除外."""
        excepts = [_label(x) for x in pr.exceptions]
        tail = f"，但是{'、'.join(excepts)}的除外" if excepts else ""
        return f"{ref}罪，{_label(pr.kind)}{tail}。"

    def regardless_of_consent(self, term: A.Term) -> str:
        return f"{_label(term)}。"

    def frame(self, attribute: str) -> str | None:
        return _FRAMES.get(attribute)

    def definition(self, d: Definition, quoted: bool, summary: bool) -> list[str]:
        """本条所称私密图像，是指……的……图像."""
        # A summary of a provision in force must not claim the definition is that article's own.
        scope = "本摘要" if summary else "本条"
        noun = object_noun(d.kind)
        head = noun[-2:]  # the head of a compound noun: 私密图像 -> 图像

        def vals(v: Values | None) -> list[str]:
            return [_label(t) for t in v.terms] if v else []

        def joined(v: Values | None) -> str:
            return join_alternatives(vals(v), "zh", "和" if v and v.cumulative else None)

        depicts, origins = vals(d.depicts), vals(d.origin)
        pre = []
        if len(origins) == 1:
            pre.append(f"{origins[0]}的")
        if d.standard:
            pre.append(f"{joined(d.standard)}的")
        if d.place:
            pre.append(f"在{joined(d.place)}摄录的")
        if d.obtained:  # how the offender came by it: 由行为人接收的图像
            pre.append(joined(d.obtained))
        who = f"{joined(d.person)}的" if d.person else ""
        if depicts and d.content and not who:
            pre.append("具有下列内容之一" if d.listed else joined(d.depicts))
        elif depicts:
            pre.append(f"描绘{who}下列内容之一" if d.listed else f"描绘{who}{joined(d.depicts)}")
        elif who:
            pre.append(f"描绘{joined(d.person)}")
        post = [_FRAMES[n].format(v=joined(d.values(n))) for n in ("identifiable-by", "privacy") if d.values(n)]
        body = "、".join(pre)
        if post:
            body += "，且" + "，且".join(post)
        # an object stated only by what does not restrict it (its origins, an age test) has no definition to give
        text = f"{scope}所称{noun}，是指{body + '的' if body else ''}{joined(d.medium)}{head}" \
            if body or d.medium or origins else None
        if text is not None and len(origins) > 1:
            text += f"，不论{join_alternatives(origins, 'zh')}"
        lines: list[str] = []
        if text is not None and d.listed:
            lines.append(text + "：")
            lines += [f"（{zh_numeral(i)}）{v}{'。' if i == len(depicts) else '；'}" for i, v in enumerate(depicts, 1)]
        elif text is not None:
            lines.append(text + "。")
        if d.age_test:
            lines.append(f"{scope}所称年龄，是指被描绘者的{age_tests(d.age_test, 'zh')}。")
        if d.virtual_test:
            tests = vals(d.virtual_test)
            synthetic = next((_label(v) for v in d.origin.terms if v.name == "synthetic"), "合成") \
                if d.origin else "合成"
            lines.append(f"{synthetic}的{head}，同时符合下列条件的，方属于{scope}所称{noun}：")
            lines += [f"（{zh_numeral(i)}）{t}{'。' if i == len(tests) else '；'}" for i, t in enumerate(tests, 1)]
            lines += [f"{_label(t)}。" for t in d.virtual_scope]
        return lines


# How Taiwan's Criminal Code attaches a fine to the principal penalties (arts. 235, 319-1, 319-4): 科或併科 a fine
# alone or beside them, 併科 beside them, 得併科 beside them at the court's choice.
_TW_FINES = {"optional": "或科或併科", "mandatory": "，併科", "additional": "，得併科"}


class TaiwanChinese(PrcChinese):
    """Taiwan's statute forms, as its Criminal Code words them: ……者，處……；前項；……者，不罰；前項之罪，須告訴乃論；
    處五年以下有期徒刑、拘役或科或併科五十萬元以下罰金. The composed words come from the PRC-script vocabulary and are
    written as Taiwan writes them (OpenCC s2tw); numerals and 條/項 follow the pack."""

    ends = "者"  # 意圖……製作……性影像……者，處…… (art. 319-4): the clause's close before its penalty

    def script(self, text: str) -> str:
        return composed_chinese(text, self.jurisdiction)

    def acts(self, terms: tuple[A.Term, ...]) -> str:
        """索取、取得或瀏覽: the statutes' own word for each act (pack `wording: zh: conduct:`), the last after 或."""
        words = [self.own_words.conduct.get(c.name) or _label(c) for c in terms]
        return join_alternatives(words, "zh", self.or_word)

    def means(self, terms: tuple[A.Term, ...]) -> str:
        """以網際網路或其他方法: a means in the statutes' words where the pack gives them."""
        own = [self.own_words.means[m.name] for m in terms if m.name in self.own_words.means]
        rest = tuple(m for m in terms if m.name not in self.own_words.means)
        return self.or_word.join(own + ([super().means(rest)] if rest else []))

    def clause(self, o: Offence) -> str:
        """無正當理由以網際網路或其他方法索取……: where a means alone stands before the acts, Taiwan joins it to them
        without a pause (art. 319-4: 以電腦合成或其他科技方法製作……), the want of right first (CSEPA art. 39:
        無正當理由持有)."""
        text = super().clause(o)
        if not o.means or o.purposes or o.consent is not None or o.knowledge is not None or o.who.subject:
            return text
        means = self.means(o.means)
        unlawful = self.wrongfulness(o.wrongfulness) if o.wrongfulness is not None else ""
        lead = f"{means}，{unlawful}"
        if not means.startswith("以") or not text.startswith(lead):
            return text
        return unlawful + means + text[len(lead):]

    def thing(self, t: Thing) -> str:
        """兒童或少年之性影像: the object as the Act names it, where the pack gives its words."""
        return (self.own_words.objects.get(t.kind.name) if t.own else None) or super().thing(t)

    def penalty(self, s: A.Sentence) -> str:
        joiner = _TW_FINES.get(s.fine.mode.name) if s.fine is not None else None
        if s.increase is not None or s.fine is None or not s.principals or joiner is None or s.fine.or_also \
                or s.fine.and_also:
            return super().penalty(s)
        principals = principal_phrases(s, "zh", self.jurisdiction)
        cap = fine_cap(s.fine, "zh", self.jurisdiction)
        fine = f"{cap}以下罰金" if cap else "罰金"
        # 有期徒刑、拘役或科或併科……罰金 (art. 319-4), 有期徒刑、拘役，得併科……罰金 (CSEPA art. 39 ¶2): the principal
        # penalties are listed with 、 before the fine, whichever way it attaches
        return "、".join(principals) + joiner + fine

    def reference(self, kind: str, near: bool) -> str:
        return "前項" if near else "第一項"

    def exception(self, e: Exception_, o: Offence, ref: str, summary: bool) -> list[str]:
        """為……而為前項之行為者，不罰 (as art. 12: ……者，不罰)."""
        if e.form == "work":
            return super().exception(e, o, ref, summary)
        label = _label(e.kind)
        act = f"為{label}" if e.form == "purpose" else label
        lead = f"{act}而為{ref}之{'、'.join(_label(a) for a in e.acts)}行為" if e.acts else f"{act}而為{ref}之行為"
        conds = [_label(c) for c in e.conditions]
        if len(conds) > 1:
            items = [f"（{zh_numeral(i)}）{c}{'。' if i == len(conds) else '；'}" for i, c in enumerate(conds, 1)]
            return [f"{lead}，同時符合下列條件者，不罰：", *items]
        if conds:
            return [f"{conds[0]}，{lead}者，不罰。"]
        return [f"{lead}者，不罰。"]

    def prosecution(self, pr: Prosecution, ref: str) -> str:
        """前項之罪，須告訴乃論 (art. 319-6)."""
        excepts = [_label(x) for x in pr.exceptions]
        tail = f"。但{'、'.join(excepts)}者，不在此限" if excepts else ""
        return f"{ref}之罪，{_label(pr.kind)}{tail}。"
