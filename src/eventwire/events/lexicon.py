"""The event lexicon: verb and noun patterns → CAMEO codes, and the CAMEO table.

Data files (docs/data-formats.md):
- ``data/lexicon/verbs.tsv``: lemma, pos (VERB|NOUN), prep (particle or preposition
  child, optional), object (lemma of the direct object, optional), cameo, comment.
- ``data/lexicon/cameo.tsv``: cameo, name, plover, quad_class, goldstein, for root
  (2-digit) and detailed codes; detailed codes missing from it inherit their root.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import DictionaryError


@dataclass(frozen=True, slots=True)
class Pattern:
    lemma: str
    pos: str
    prep: str
    obj: str
    cameo: str
    comment: str

    @property
    def name(self) -> str:
        parts = [self.lemma, self.prep, f"[{self.obj}]" if self.obj else ""]
        return f"{self.pos.lower()}:" + " ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class CameoInfo:
    code: str
    name: str
    plover: str | None
    quad_class: int
    goldstein: float


def _read_tsv(name: str) -> list[dict[str, str]]:
    text = (resources.files("eventwire") / "data" / "lexicon" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))


class Lexicon:
    """Pattern lookup by (lemma, pos); most specific pattern first."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self._by_key: dict[tuple[str, str], list[Pattern]] = {}
        for p in patterns:
            self._by_key.setdefault((p.lemma, p.pos), []).append(p)
        for plist in self._by_key.values():
            plist.sort(key=lambda p: (not p.obj, not p.prep))

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_key.values())

    def candidates(self, lemma: str, pos: str) -> list[Pattern]:
        return self._by_key.get((lemma, pos), [])


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    patterns = []
    for lineno, row in enumerate(_read_tsv("verbs.tsv"), 2):
        cameo = (row.get("cameo") or "").strip()
        if not row.get("lemma") or not cameo.isdigit():
            raise DictionaryError(f"eventwire/data/lexicon/verbs.tsv:{lineno}: needs a lemma and a numeric cameo code")
        patterns.append(Pattern(row["lemma"].strip().lower(), (row.get("pos") or "VERB").strip().upper(),
                                (row.get("prep") or "").strip().lower(), (row.get("object") or "").strip().lower(),
                                cameo, (row.get("comment") or "").strip()))
    return Lexicon(patterns)


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoInfo]:
    table = {}
    for row in _read_tsv("cameo.tsv"):
        table[row["cameo"]] = CameoInfo(row["cameo"], row["name"], row["plover"] or None, int(row["quad_class"]),
                                        float(row["goldstein"]))
    return table


def cameo_info(code: str) -> CameoInfo | None:
    """Info for a CAMEO code, falling back to its 3-digit base and 2-digit root."""
    table = cameo_table()
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None
