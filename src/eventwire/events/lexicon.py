"""The event lexicon: verb and noun patterns → CAMEO codes, and the CAMEO table.

Data files (docs/events.md):
- ``data/lexicon/verbs.tsv``: the curated patterns (verbs and event nouns, modern vocabulary);
- ``data/lexicon/petrarch_verbs.tsv``: PETRARCH-2's CAMEO.2.0 verb dictionary, converted by
  scripts/convert_petrarch_verbs.py (MIT, Open Event Data Alliance);
  both with columns lemma, pos (VERB|NOUN), prep (particle or preposition child, optional),
  object (lemma of the object or of the preposition's object, or ``&synset``; optional),
  subject (lemma or ``&synset`` the subject must be; optional), cameo (digits, or ``---`` for a
  blocking pattern: the match is not an event), role (``target``: the subject is the event's
  target, "faced criticism"; ``prep``: the target is the object of the pattern's preposition even when there is a
  direct object, "warned X about Y" → Y), reverse (optional code for the reverse event, target → source:
  "visited" 042 also gives "hosted" 043), form (optional: the surface forms, ``|``-joined, the pattern is
  limited to; such patterns go first), comment. Curated patterns win over converted ones of equal specificity.
- ``data/lexicon/petrarch_synsets.tsv``: synset, lemma, phrase.
- ``data/lexicon/cameo.tsv``: cameo, name, plover (unused: see crosswalk.tsv), quad_class, goldstein, for root
  (2-digit) and detailed codes; detailed codes missing from it inherit their base/root.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import DictionaryError
from .idioms import own_idioms


@dataclass(frozen=True, slots=True)
class Pattern:
    """One lexicon entry: a predicate (with optional particle/object/subject constraints) → a CAMEO code."""

    lemma: str
    pos: str
    prep: str
    obj: str
    cameo: str
    comment: str
    subject: str = ""
    role: str = ""
    origin: str = "eventwire"
    reverse: str = ""
    form: str = ""  # '|'-joined surface forms the pattern is limited to (PETRARCH's inflected verb lines: "left")

    @property
    def name(self) -> str:
        parts = [f"({self.subject})" if self.subject else "", self.lemma, self.prep, f"[{self.obj}]" if self.obj else ""]
        return f"{self.pos.lower()}:" + " ".join(p for p in parts if p)

    @property
    def blocking(self) -> bool:
        """A ``---`` pattern: the construction is known and is not an event ("killed in an accident")."""
        return self.cameo == "---"

    @property
    def specificity(self) -> int:
        return 4 * bool(self.obj) + 2 * bool(self.prep) + bool(self.subject)

    @property
    def reduced(self) -> bool:
        """A converted pattern whose multi-word phrase (``{BITTER ATTACKS}``) was cut down to its head word: it says
        less than it matches, so an exact pattern with the same slots ("* ATTACK [190]") goes first."""
        return self.origin != "eventwire" and "{" in self.comment


@dataclass(frozen=True, slots=True)
class CameoInfo:
    code: str
    name: str
    plover: str | None
    quad_class: int
    goldstein: float


def _read_tsv(name: str) -> list[dict[str, str]]:
    text = (resources.files("eventwire") / "data" / "lexicon" / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


class Lexicon:
    """Pattern lookup by (lemma, pos); most specific pattern first."""

    def __init__(self, patterns: list[Pattern]) -> None:
        self._by_key: dict[tuple[str, str], list[Pattern]] = {}
        for p in own_idioms(patterns):  # "kick off" is no "attack off" (idioms.py)
            self._by_key.setdefault((p.lemma, p.pos), []).append(p)
        for plist in self._by_key.values():
            plist.sort(key=lambda p: (not p.form, -p.specificity, p.origin != "eventwire", p.reduced))

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_key.values())

    def candidates(self, lemma: str, pos: str) -> list[Pattern]:
        return self._by_key.get((lemma, pos), [])


LEXICON_FILES = (("verbs.tsv", "eventwire"), ("petrarch_verbs.tsv", "petrarch2"))


def read_patterns(name: str, origin: str) -> list[Pattern]:
    """Read and validate one pattern file."""
    patterns = []
    for lineno, row in enumerate(_read_tsv(name), 2):
        cameo = (row.get("cameo") or "").strip()
        lemma = (row.get("lemma") or "").strip().lower()
        pos = (row.get("pos") or "VERB").strip().upper()
        role = (row.get("role") or "").strip().lower()
        if not lemma or not (cameo.isdigit() or cameo == "---") or pos not in ("VERB", "NOUN") or role not in ("", "target", "prep"):
            raise DictionaryError(f"eventwire/data/lexicon/{name}:{lineno}: needs a lemma, pos VERB or NOUN, a numeric "
                                  "cameo code (or ---) and role empty, 'target' or 'prep'")
        patterns.append(Pattern(lemma, pos, (row.get("prep") or "").strip().lower(),
                                (row.get("object") or "").strip().lower(), cameo, (row.get("comment") or "").strip(),
                                (row.get("subject") or "").strip().lower(), role, origin,
                                (row.get("reverse") or "").strip(), (row.get("form") or "").strip().lower()))
    return patterns


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped lexicon (curated + converted PETRARCH-2 patterns), loaded once per process."""
    patterns = []
    for name, origin in LEXICON_FILES:
        patterns += read_patterns(name, origin)
    return Lexicon(patterns)


@lru_cache(maxsize=1)
def synsets() -> dict[str, frozenset[str]]:
    """Synonym sets for ``&name`` objects/subjects: name → member lemmas (head words)."""
    table: dict[str, set[str]] = {}
    for row in _read_tsv("petrarch_synsets.tsv"):
        table.setdefault("&" + row["synset"].lstrip("&"), set()).add(row["lemma"])
    return {k: frozenset(v) for k, v in table.items()}


def word_fits(slot: str, token_words: set[str]) -> bool:
    """Does a pattern slot (a lemma or ``&synset``) fit a token known by ``token_words`` (text and lemma)?"""
    if slot.startswith("&"):
        return bool(synsets().get(slot, frozenset()) & token_words)
    return slot in token_words


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoInfo]:
    table = {}
    for row in _read_tsv("cameo.tsv"):
        table[row["cameo"]] = CameoInfo(row["cameo"], row["name"], row["plover"] or None, int(row["quad_class"]),
                                        float(row["goldstein"]))
    return table


def cameo_info(code: str) -> CameoInfo | None:
    """Info for a CAMEO code, falling back to its 3-digit base and 2-digit root (name, quad class and
    Goldstein score are inherited that way); the PLOVER type comes from the crosswalk (crosswalk.tsv)."""
    from .crosswalk import plover_of

    table = cameo_table()
    for key in (code, code[:3], code[:2]):
        if key in table:
            info = table[key]
            return CameoInfo(info.code, info.name, plover_of(code).plover, info.quad_class, info.goldstein)
    return None
