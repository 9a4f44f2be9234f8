"""The controlled vocabulary: bilingual labels for every term the language allows."""

from __future__ import annotations

import difflib
from functools import cache
from typing import Any

from .. import yamldata
from ..resources import cached, data_dir, source_file


class Vocabulary:
    def __init__(self, data: dict[str, Any]):
        self._data = data

    def lists(self) -> dict[str, Any]:
        """Every list by name, nested ones (object-attributes) as the file has them: for generated references."""
        return self._data

    def section(self, name: str) -> dict[str, Any]:
        """A vocabulary list; `object-attributes.depicts` reaches into nested lists."""
        node: Any = self._data
        for part in name.split("."):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        return node if isinstance(node, dict) else {}

    def entry(self, section: str, name: str) -> dict[str, Any] | None:
        entry = self.section(section).get(name)
        return entry if isinstance(entry, dict) else None

    def label(self, section: str, name: str, lang: str) -> str:
        """The term's label in `lang` (zh or en)."""
        entry = self.entry(section, name)
        if entry is None:
            raise KeyError(f"{section}.{name}")
        return str(entry[lang])

    def suggest(self, section: str, name: str) -> list[str]:
        return difflib.get_close_matches(name, list(self.section(section)), n=3, cutoff=0.6)


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary, read from the cache until vocabulary.yaml (or the code reading it) changes."""
    path = data_dir("vocabulary") / "vocabulary.yaml"
    sources = (path, *map(source_file, ("language/vocabulary.py", "yamldata.py", "language/ast.py", "diagnostics.py")))
    return cached("vocabulary", sources, lambda: Vocabulary(yamldata.load(str(path))))
