"""Text made storable in XML 1.0, for the Word and Akoma Ntoso writers: each character kept or shown, never dropped."""

from __future__ import annotations

import re

# XML 1.0 allows tab, newline and carriage return among the C0 controls, and no surrogate, U+FFFE or U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _shown(m: re.Match[str]) -> str:
    c = m.group()
    # A C0 control is shown as its Unicode control picture (U+2400 + code: \x07 → ␇), so a reader sees that the
    # draft holds one; the rest have no picture and become the replacement character.
    return chr(0x2400 + ord(c)) if ord(c) < 0x20 else "\ufffd"


def xml_text(text: str) -> str:
    """`text` with every character XML 1.0 cannot hold replaced by a visible stand-in."""
    return _NOT_XML.sub(_shown, text)
