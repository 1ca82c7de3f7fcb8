"""Announced hostile acts are threats (data/lexicon/threats.tsv).

CAMEO codes "verbal or written announcements of intended hostile actions" as 13 (threaten): "said it would
impose sanctions" is 1312, "will boycott the elections unless ..." 133, "plans to attack" 138. The extractor
codes the hostile act with modality ``intended``; :func:`threat_code` gives the threat code for it, as
INTENT_CODE does for cooperative intentions (03).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from ..errors import DictionaryError

FILE = "threats.tsv"


@lru_cache(maxsize=1)
def threat_table() -> dict[str, str]:
    """Hostile act's CAMEO prefix → CAMEO 13 code, validated, loaded once per process."""
    text = (resources.files("eventwire") / "data" / "lexicon" / FILE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    table: dict[str, str] = {}
    for lineno, row in enumerate(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
        prefix, threat = (row.get("cameo") or "").strip(), (row.get("threat") or "").strip()
        if not (prefix.isdigit() and 2 <= len(prefix) <= 4 and threat.isdigit() and threat.startswith("13")):
            raise DictionaryError(f"eventwire/data/lexicon/{FILE}: row {lineno}: needs a 2-4 digit cameo prefix and "
                                  "a CAMEO 13 threat code")
        table[prefix] = threat
    return table


def threat_code(cameo: str) -> str | None:
    """The threat code for announcing the hostile act ``cameo`` (longest prefix match), or None."""
    table = threat_table()
    for n in (4, 3, 2):
        if cameo[:n] in table:
            return table[cameo[:n]]
    return None
