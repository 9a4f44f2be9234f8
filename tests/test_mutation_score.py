"""The mutation score as a tracked number: on bench/conforming, two offences that meet Arts. 14 and 16 in full, every
narrowing of the element kinds listed here is detected (a lower verdict, an option named, unverified treaty words,
or a question for a reviewer), and a narrowing the score skips as making no legal difference really changes no
verdict. Deterministic and untimed; bench/mutation.py prints the whole score."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from lexdraft.treaty.values import Force

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _mutation_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lexdraft_bench_mutation_score", BENCH / "mutation.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


M = _mutation_module()

# The element kinds whose every narrowing the check detects. A kind joins this list when its last survivor is
# killed; it never leaves it.
KILLED = ("age bands", "conduct", "harm", "mental element", "object depicts", "object identifiable-by",
          "object privacy", "object virtual-test", "purposes", "recipients")


@cache
def scored() -> tuple:  # type: ignore[type-arg]
    return tuple(M.conforming_score())


def test_the_conforming_corpus_meets_every_obligation_it_can() -> None:
    """Otherwise a weakening could hide behind a verdict already partly met, as it does in the bundled drafts."""
    for s in M.conforming_sets():
        for r in M.reports(s.provisions, s.rules):
            assert not [v.requirement.id for v in r.verdicts
                        if v.requirement.force is Force.SHALL and v.verdict.fails], r.spec.article


@pytest.mark.parametrize("kind", KILLED)
def test_every_narrowing_of_the_element_is_detected(kind: str) -> None:
    group = [o for o in scored() if o.element == kind]
    assert group, f"no narrowing of {kind} generated"
    assert [o.mutation.what for o in group if not o.skipped and not o.detected] == []


def test_a_narrowing_skipped_as_equivalent_changes_no_verdict() -> None:
    """The skip is a claim about the law: the check must agree that nothing is lost."""
    skipped = [o for o in scored() if o.skipped]
    assert skipped
    for s in M.conforming_sets():
        before = M.reports(s.provisions, s.rules)
        for o in skipped:
            assert M.lowered(before, M.reports(M.replaced(s, o.mutation), s.rules)) == [], o.mutation.what


def test_the_score_names_each_kind_and_every_survivor() -> None:
    text = M.conforming_summary(list(scored()))
    assert text.startswith("conforming corpus: ")
    for kind in KILLED:
        assert f"  {kind} " in text
    for o in scored():
        if not o.skipped and not o.detected:
            assert f"survivor: {o.mutation.provision}  {o.mutation.what}" in text


def test_a_detection_is_a_verdict_not_a_remark() -> None:
    """Dropping possession lowers 14(1)(c) (control alone reaches it in part); dropping a term whose acts another
    term reaches is skipped, not scored."""
    csam = [o for o in scored() if o.mutation.provision == "score.csam.1"]
    possess = next(o for o in csam if o.mutation.what == "conduct: drop possess")
    assert possess.detected == ["uncc.14.1.c met -> partly-met"] and not possess.skipped
    assert all(o.skipped.startswith("the other conduct terms") for o in csam
               if o.element == "conduct" and not o.detected)
