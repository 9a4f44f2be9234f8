"""The version of the law a statute's text is, in a page's words: "as at 2024-05-23, as amended by …" (截至…), or a
dated text's years."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..diagnostics import fail
from ..language import ast as A
from .labels import label

# a date lexdraft can write in any language: a year, two years, a month or a day
_DATE = re.compile(r"\d{4}(-\d{4}|-\d{2}(-\d{2})?)?")


def dated_as_at(d: A.Document) -> str | None:
    """The as-at date of a text of an earlier version (`status outdated`), or None for any other status."""
    v, status = getattr(d, "version", None), getattr(d, "status", None)
    if status is None or status.name != "outdated" or v is None:
        return None
    return v.as_at


def dated_date(as_at: str, lang: str, *, span: bool = False) -> str:
    """A dated text's date in the page's language: 2013-2020 in English; in Chinese 2013—2020年 (a heading) or
    2013年至2020年间 (`span`, in a sentence), 2016年10月8日, 2022年3月 (lint E222 admits only these forms)."""
    if lang != "zh":
        return as_at
    years = re.fullmatch(r"(\d{4})-(\d{4})", as_at)
    if years:
        return f"{years[1]}年至{years[2]}年间" if span else f"{years[1]}—{years[2]}年"
    parts = as_at.split("-")
    return "".join(f"{int(n)}{unit}" if i else f"{n}{unit}" for i, (n, unit) in enumerate(zip(parts, "年月日")))


def version_words(d: A.Document, lang: str) -> str | None:
    """The version a statute's text is: "as at 2024-05-23, as amended by loi n° 2021-478" (截至…、经…修正), or None
    where the draft does not record it. A dated text is of its years, not "as at" them in Chinese: 2013年至2020年间."""
    v = getattr(d, "version", None)
    if v is None:
        return None
    dated = dated_as_at(d)
    if lang == "zh":
        if v.zh:
            return v.zh
        if v.amended_by is not None or v.as_at is None or not _DATE.fullmatch(v.as_at):
            # an act's name and a remark are words lexdraft does not translate: a Chinese page needs the draft's own
            # the form the hint shows is the version's own: an inserting act 增设, an amending one 修正, a date 截至
            act = v.amended_by and ("经……增设" if v.inserted else "经……修正")
            form = "、".join(w for w in (v.as_at and "截至……", act) if w)
            raise fail("E405", f"the version of {d.id} has no Chinese words", v.span,
                       f'add `zh "{form}"` on a line of its own under `version`: only a bare date is written '
                       "without it")
        return dated_date(dated, lang, span=True) if dated else f"截至{v.as_at}"
    done = "inserted" if v.inserted else "amended"
    return ", ".join(part for part in (v.as_at and f"as at {v.as_at}", v.amended_by and f"as {done} by {v.amended_by}")
                     if part)


def law_versions(documents: Iterable[A.Document], lang: str) -> tuple[str, ...]:
    """Each version of the law a set quotes, with the ids quoting it, in the order first met: "as at 2024-05-23
    (fr.code-penal.226-8-1.1)"; () where no document records its version."""
    by_version: dict[str, list[str]] = {}
    for d in documents:
        words = version_words(d, lang)
        if words and dated_as_at(d):  # never read as the law in force: the atlas marks what rests on it [dated]
            words += f"（{label('statuses', 'outdated', lang)}）" if lang == "zh" else \
                f" ([dated]: {label('statuses', 'outdated', lang)} [NF])"
        if words:
            by_version.setdefault(words, []).append(d.id)
    return tuple(f"{v} ({', '.join(ids)})" for v, ids in by_version.items())
