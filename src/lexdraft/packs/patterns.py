"""A pack's numbering and items patterns, matched whole in time linear in the text.

A pack is data a drafting office writes, and its patterns are Python regular expressions; Python's own matcher
backtracks, so a pattern such as ([0-9]+)+ takes exponential time on a crafted id that it does not match. Here a
pattern is parsed by Python's own parser (so it means what `re` would make of it) and run as a Thompson automaton:
a set of states advanced one character at a time. What an automaton cannot do (back-references, look-around,
anchors, atomic groups, possessive repeats) is refused with the reason, as is a pattern too large to run.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

# states an automaton may have: {1,6} repeats its body six times, so a pattern's size is what it expands to
LIMIT = 2000
_CHARS = {sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT}
_REFUSED = {sre.GROUPREF: "a back-reference", sre.GROUPREF_EXISTS: "a conditional group",
            sre.ASSERT: "a look-ahead or look-behind", sre.ASSERT_NOT: "a look-ahead or look-behind",
            sre.AT: "an anchor (^, $, \\b)", sre.ATOMIC_GROUP: "an atomic group",
            sre.POSSESSIVE_REPEAT: "a possessive repeat"}
_PLAIN = ("write it with characters, classes, groups, | and repeats only, e.g. [0-9]{1,4}(-[0-9]{1,3})*: lexdraft "
          "matches it whole, in time linear in the id, so that no id can stall a check")


class Unsafe(ValueError):
    """A pattern lexdraft will not run: what in it, and what to write instead."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


class Pattern:
    """A regular expression matched whole, in time linear in the text."""

    def __init__(self, source: str) -> None:
        self._size = 0  # the parts of the pattern expanded so far: an empty group repeated adds no state
        self._eps: list[list[int]] = []  # each state's moves on no character
        self._step: list[tuple[Callable[[str], object], int] | None] = []  # its move on a character it takes
        self._start = self._state()
        try:
            parsed = sre_parse.parse(source)  # re.error where it is no regular expression
            self._final = self._sequence(parsed, parsed.state, (0, 0), self._start)
        except (OverflowError, RecursionError):  # a repeat past Python's bound, groups nested past its stack
            raise _too_large() from None
        self._moves: dict[tuple[frozenset[int], str], frozenset[int]] = {}

    def fullmatch(self, text: str) -> bool:
        states = self._closure({self._start})
        for ch in text:
            if not states:
                return False
            key = (states, ch)
            if (after := self._moves.get(key)) is None:
                after = self._closure({step[1] for s in states if (step := self._step[s]) and step[0](ch)})
                if len(self._moves) > 10 * LIMIT:  # a bound on what a long hostile text can make it remember
                    self._moves.clear()
                self._moves[key] = after
            states = after
        return self._final in states

    def _closure(self, states: set[int]) -> frozenset[int]:
        todo, seen = list(states), set(states)
        while todo:
            for to in self._eps[todo.pop()]:
                if to not in seen:
                    seen.add(to)
                    todo.append(to)
        return frozenset(seen)

    def _state(self) -> int:
        if len(self._eps) >= LIMIT:
            raise _too_large()
        self._eps.append([])
        self._step.append(None)
        return len(self._eps) - 1

    def _sequence(self, items: list[tuple[int, object]], state: object, flags: tuple[int, int], at: int) -> int:
        """Adds the automaton of `items` from the state `at`; returns the state where it ends."""
        for op, av in items:
            self._size += 1
            if self._size > 4 * LIMIT:
                raise _too_large()
            if op in _REFUSED:
                raise Unsafe(f"uses {_REFUSED[op]}, which lexdraft does not run", _PLAIN)
            if op in _CHARS:
                end = self._state()
                self._step[at] = (_one_character(state, op, av, flags), end)
                at = end
            elif op == sre.SUBPATTERN:
                _, added, removed, inner = av
                at = self._sequence(inner, state, ((flags[0] | added) & ~removed, (flags[1] | removed) & ~added), at)
            elif op == sre.BRANCH:
                end = self._state()
                for alternative in av[1]:
                    self._eps[at].append(begin := self._state())
                    self._eps[self._sequence(alternative, state, flags, begin)].append(end)
                at = end
            elif op in _REPEATS:
                least, most, body = av
                for _ in range(least):
                    at = self._sequence(body, state, flags, at)
                end = self._state()
                if most == sre.MAXREPEAT:
                    self._eps[at].append(begin := self._state())
                    self._eps[self._sequence(body, state, flags, begin)].append(at)
                else:
                    for _ in range(most - least):
                        self._eps[at].append(end)
                        at = self._sequence(body, state, flags, at)
                self._eps[at].append(end)
                at = end
            else:  # anything else Python's parser makes has no place in a numbering pattern
                raise Unsafe(f"uses {op}, which lexdraft does not run", _PLAIN)
        return at


def _too_large() -> Unsafe:
    return Unsafe(f"is too large to run: it expands to more than {LIMIT} states",
                  "write a shorter pattern: a repeat such as {1,6} copies what it repeats that many times")


def _one_character(state: object, op: object, av: object, flags: tuple[int, int]) -> Callable[[str], object]:
    """Whether one character is taken by a literal, a class or `.`, as Python's matcher decides it (case, Unicode
    classes, flags in force): the node alone is compiled, which cannot backtrack."""
    inner = sre_parse.SubPattern(state, [(op, av)])
    scoped = sre_parse.SubPattern(state, [(sre.SUBPATTERN, (None, flags[0], flags[1], inner))])
    return sre_compile.compile(scoped, 0).fullmatch


@cache
def compiled(source: str) -> Pattern:
    """The pattern for `source` (re.error where it is no regular expression, Unsafe where lexdraft cannot run it)."""
    return Pattern(source)
