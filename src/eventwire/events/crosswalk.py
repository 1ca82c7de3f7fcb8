"""CAMEO → PLOVER crosswalk (data/lexicon/crosswalk.tsv).

Each row maps a CAMEO prefix (2-digit root, 3-digit base code or 4-digit code) to the current
PLOVER event type, the PLOVER 0.5 (2016) type used by older gold standards
(DEMAND, DISAPPROVE, INVESTIGATE, FIGHT), and an optional PLOVER mode. The
longest matching prefix wins; ``-`` means "not a PLOVER event" (CAMEO 01).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import DictionaryError


@dataclass(frozen=True, slots=True)
class PloverType:
    """The PLOVER reading of one CAMEO code."""

    plover: str | None
    plover_05: str | None
    mode: str | None


@lru_cache(maxsize=1)
def crosswalk_table() -> dict[str, PloverType]:
    """Prefix → PloverType, validated, loaded once per process."""
    text = (resources.files("eventwire") / "data" / "lexicon" / "crosswalk.tsv").read_text(encoding="utf-8")
    table: dict[str, PloverType] = {}
    for lineno, row in enumerate(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE), 2):
        prefix = (row.get("cameo") or "").strip()
        if not prefix.isdigit() or len(prefix) not in (2, 3, 4):
            raise DictionaryError(f"eventwire/data/lexicon/crosswalk.tsv:{lineno}: cameo must be a 2- to 4-digit code")

        def val(key: str) -> str | None:
            v = (row.get(key) or "").strip()
            return None if v in ("", "-") else v

        table[prefix] = PloverType(val("plover"), val("plover_05"), val("mode"))
    return table


def plover_of(cameo: str) -> PloverType:
    """The PLOVER type of a CAMEO code (longest prefix match; unknown roots give all-None)."""
    table = crosswalk_table()
    for key in (cameo[:4], cameo[:3], cameo[:2]):
        if key in table:
            return table[key]
    return PloverType(None, None, None)
