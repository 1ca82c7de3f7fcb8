"""A negated future act is a refusal: "Spain said it would not give Morocco material support" → 121.

CAMEO codes refusing to cooperate or to yield as rejections (12x). PETRARCH-2's internal coding ontology
(PETR.Internal.Coding.Ontology.txt: a negated code is its PICO value minus 0xFFFF) pairs each of them with the act
refused; ``data/lexicon/refusals.tsv`` lists the pairs whose negation is exactly a 12x code (material cooperation →
121, yielding → 124, ...). Only a negated act announced for the future or as a capability ("will not", "would
not", "won't", "cannot") is a refusal; "did not release" reports that something did not happen (not an event).
The negated event stays as it is (``negated``); the refusal is added beside it.
"""

from __future__ import annotations

import csv
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import DictionaryError

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .extractor import Candidate

FUTURE_OR_MODAL = {"will", "would", "shall", "'ll", "wo", "can", "ca"}


@lru_cache(maxsize=1)
def refusal_codes() -> dict[str, str]:
    """Code of the refused act → CAMEO rejection code (validated: both numeric, the refusal in root 12)."""
    text = (resources.files("eventwire") / "data" / "lexicon" / "refusals.tsv").read_text(encoding="utf-8")
    table = {}
    for lineno, row in enumerate(csv.DictReader(text.splitlines(), delimiter="\t"), 2):
        act, refusal = (row.get("cameo") or "").strip(), (row.get("refusal") or "").strip()
        if not (act.isdigit() and refusal.isdigit() and refusal.startswith("12")):
            raise DictionaryError(f"eventwire/data/lexicon/refusals.tsv:{lineno}: needs a numeric cameo and a 12x refusal")
        table[act] = refusal
    return table


def refusal_of(cameo: str) -> str | None:
    """The rejection code for refusing ``cameo`` (exact code, else its 3-digit base)."""
    table = refusal_codes()
    return table.get(cameo) or table.get(cameo[:3])


def _announced(tok: Token) -> bool:
    """A future or modal auxiliary on the trigger or the verb it is the complement of ("would not [try to] give")."""
    t = tok
    while True:
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_OR_MODAL for c in t.children):
            return True
        if t.dep_ != "xcomp" or t.head.i == t.i:
            return False
        t = t.head


def refusals(cands: list[Candidate]) -> list[Candidate]:
    """``cands`` plus a refusal (12x) for each negated future act that has one."""
    out = list(cands)
    for c in cands:
        if not c.negated or c.source is None:
            continue
        code = refusal_of(c.cameo)
        if code is None or not _announced(c.trigger):
            continue
        evidence = {**c.evidence, "refused_from": c.cameo,
                    "pattern_comment": f"{c.evidence.get('pattern_comment', '')}; negated future act -> refusal "
                                       f"{code} (refusals.tsv, PETRARCH-2 coding ontology)"}
        out.append(replace(c, cameo=code, negated=False, modality="asserted", evidence=evidence))
    return out
