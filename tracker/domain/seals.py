"""The audit seal a briefing's cover prints: how many entries the trail had, and its
latest seal, as one copyable token ``<entries>:<64 hex digits>``.

``tracker check --seal TOKEN`` checks the trail against a token printed earlier: a
trail since truncated or rewritten no longer carries that seal at that count.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

SEAL_DIGITS = 64


@dataclass(frozen=True)
class SealToken:
    """``entries`` audit entries, the last of them sealed with ``seal``."""

    entries: int
    seal: str

    def __str__(self) -> str:
        return f"{self.entries}:{self.seal}"

    @classmethod
    def parse(cls, text: str) -> SealToken:
        """The token in ``text``; white space is ignored (a copy from a PDF may break
        it over lines). Raises ValueError naming what is wrong."""
        entries, colon, seal = "".join(text.split()).partition(":")
        seal = seal.lower()
        if not colon or not entries.isdecimal():
            raise ValueError("a seal is <entries>:<seal>, as printed on a briefing's cover")
        if len(seal) != SEAL_DIGITS or not set(seal) <= set(string.hexdigits.lower()):
            raise ValueError(f"the seal after the colon must be {SEAL_DIGITS} hex digits")
        return cls(int(entries), seal)
