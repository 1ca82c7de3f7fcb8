"""Gold-standard readers for the evaluation sets in ../shared/eval.

Every set is JSON Lines with at least ``id``, ``text``, ``date`` and ``expected``.
The sets differ in what ``expected`` means, so each has a :class:`GoldFormat`:
which type space its codes live in (CAMEO codes, PLOVER 0.5 names, CAMEO roots,
penta classes), how actors are written (actor codes, ISO3 countries, text spans)
and which predicted events count against precision. ``detect_format`` picks the
format from the records themselves; new formats (e.g. ECB+ coreference) register
with :func:`register_format`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..reading import json_problem


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected event. Actors are codes, countries or text spans, per the set's format; None = unknown/any."""

    source: str | None
    target: str | None
    code: str
    source_text: str | None = None
    target_text: str | None = None
    source_full: str | None = None
    target_full: str | None = None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold sentence (or short text) with its expected events.

    judged: whether predicted events on this record count against precision (False for records
    whose annotators did not agree whether anything happened).
    """

    id: str
    text: str
    date: dt.date | None
    events: tuple[GoldEvent, ...]
    no_event: bool = False
    judged: bool = True
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class GoldFormat:
    """How to read and score one family of gold sets.

    types: "cameo" (full CAMEO codes; type level = 2-digit root), "plover05" (PLOVER 0.5 names),
           "cameo-root" (2-digit roots only) or "penta" (ConfliBERT 5-way classes).
    actors: "code" (PETRARCH/Phoenix actor codes, country = first 3 letters), "country" (ISO3 + sector
           fields), or "span" (free text spans; None = not agreed, matches anything).
    precision_scope: "all" (every predicted event counts) or "annotated-types" (only predictions whose
           type is annotated on that sentence count; the set annotates one illustrated event per sentence).
    statements: the annotation codes public statements (CAMEO 01) of a speaker as events even without an
           addressee ("officials said ..."), so the set is coded with the extractor's ``code_statements`` on.
    one_per_type: the gold has at most one event per type and sentence (coder-rounds: one entry per consensus
           root), so the predictions of one type in a sentence are scored as one event: it matches a gold event
           of that type when any of them does, and counts once as a false alarm when none does.
    implied_agents: the annotation labels acts whose doer is not named ("fifty people were arrested"), so the set is
           coded with the extractor's ``implied_agents`` on (events/implied.py).
    """

    name: str
    types: str
    actors: str
    precision_scope: str = "all"
    read: Callable[[dict[str, Any]], GoldRecord] | None = None
    statements: bool = False
    one_per_type: bool = False
    implied_agents: bool = False


@dataclass(frozen=True, slots=True)
class GoldSet:
    path: Path
    format: GoldFormat
    records: tuple[GoldRecord, ...]

    @property
    def name(self) -> str:
        return self.path.parent.name if self.path.stem in ("dev", "test", "records") else self.path.stem

    @property
    def dictionaries(self) -> Path | None:
        d = self.path.parent / "dictionaries"
        return d if d.is_dir() else None


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    s = str(value)
    try:
        return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8])) if len(s) == 8 and s.isdigit() else dt.date.fromisoformat(s)
    except ValueError:
        return None


def _actor(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return value[0] if value else None
    s = str(value).strip()
    return s or None


# ---- readers ----------------------------------------------------------------------------------------
def _read_petrarch(r: dict[str, Any]) -> GoldRecord:
    events = tuple(GoldEvent(_actor(e.get("source")), _actor(e.get("target")), str(e.get("code", "")))
                   for e in r.get("expected") or [])
    return GoldRecord(r["id"], r["text"], _date(r.get("date")), events, bool(r.get("expect_no_event")), True, r)


def _read_plover(r: dict[str, Any]) -> GoldRecord:
    events = []
    for e in r.get("expected") or []:
        events.append(GoldEvent(_actor(e.get("source")), _actor(e.get("target")), str(e.get("plover_type") or e["code"]),
                                e.get("source_text"), e.get("target_text"), e.get("source_combined"),
                                e.get("target_combined")))
    return GoldRecord(r["id"], r["text"], _date(r.get("date")), tuple(events), False, True, r)


def _read_coder_rounds(r: dict[str, Any]) -> GoldRecord:
    events = tuple(GoldEvent(None, None, str(e["code"])[:2], _actor(e.get("source")), _actor(e.get("target")))
                   for e in r.get("expected") or [])
    relevant = r.get("consensus_relevant")
    # judged: agreed negatives, and relevant sentences whose roots reached consensus
    judged = relevant is False or (relevant is True and bool(events))
    return GoldRecord(r["id"], r["text"], None, events, bool(r.get("expect_no_event")), judged, r)


def _read_penta(r: dict[str, Any]) -> GoldRecord:
    events = []
    for e in r.get("expected") or []:
        src = (e.get("source") or []) + (e.get("reciprocal") or [])
        tgt = (e.get("target") or []) + (e.get("reciprocal") or [])
        events.append(GoldEvent(None, None, str(e["code"]), " | ".join(src) or None, " | ".join(tgt) or None))
    return GoldRecord(r["id"], r["text"], None, tuple(events), False, True, r)


FORMATS: dict[str, GoldFormat] = {}
_DETECTORS: list[tuple[Callable[[dict[str, Any]], bool], str]] = []


def register_format(fmt: GoldFormat, detector: Callable[[dict[str, Any]], bool]) -> None:
    """Add a gold format; ``detector`` looks at the first record and says whether it is this format."""
    FORMATS[fmt.name] = fmt
    _DETECTORS.insert(0, (detector, fmt.name))


def _first_expected(r: dict[str, Any]) -> dict[str, Any]:
    exp = r.get("expected")
    return exp[0] if isinstance(exp, list) and exp and isinstance(exp[0], dict) else {}


register_format(GoldFormat("petrarch", "cameo", "code", "all", _read_petrarch),
                lambda r: "expect_no_event" in r and ("parse_conllu" in r or "parse_ptb" in r or "category" in r))
# its README: one class per sentence ("Multi-event sentences are labelled with a single class")
register_format(GoldFormat("penta", "penta", "span", "all", _read_penta, one_per_type=True),
                lambda r: "penta_class" in _first_expected(r))
# its README: 01 statements are 43 of the 100 consensus events ("X said ..."), coded whoever the speaker is;
# `expected` holds "one entry per CAMEO root that at least 3 coders assigned", so a root is one event per sentence
register_format(GoldFormat("coder-rounds", "cameo-root", "span", "all", _read_coder_rounds, statements=True,
                           one_per_type=True),
                lambda r: "consensus_relevant" in r)
register_format(GoldFormat("plover-gsr", "plover05", "country", "annotated-types", _read_plover),
                lambda r: "plover_events" in r)


def detect_format(first: dict[str, Any]) -> GoldFormat:
    for detector, name in _DETECTORS:
        if detector(first):
            return FORMATS[name]
    fields = ", ".join(sorted(first)[:12])
    raise InputError(f"cannot tell which gold format this is (its first record has: {fields}); known formats: "
                     f"{', '.join(sorted(FORMATS))} (docs/evaluation.md), or name one with --gold-format")


def _decoded_line(raw: bytes, path: Path, lineno: int) -> str:
    """One line of a gold file as text; a line that is not UTF-8 is an InputError naming it (a BOM is allowed)."""
    try:
        return raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}:{lineno}: not valid UTF-8 (byte {exc.start} of the line); save the gold file as "
                         f"UTF-8") from None


def read_gold(path: str | Path, fmt: str | None = None, limit: int | None = None) -> GoldSet:
    """Read a gold JSONL file, detecting its format unless ``fmt`` names one."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file")
    if p.suffix == ".enc":
        raise InputError(f"{p}: encrypted held-back split; evaluate on dev.jsonl")
    rows: list[dict[str, Any]] = []
    with p.open("rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = _decoded_line(raw, p, lineno)
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{p}:{lineno}: not JSON ({json_problem(exc)}); fix the line: a gold file "
                                 f"has one JSON object per line, and is scored only when every line reads") from None
            if not isinstance(row, dict):
                raise InputError(f"{p}:{lineno}: a JSON {type(row).__name__}, not an object; a gold record is "
                                 f"an object with 'id' and 'text'")
            if "text" not in row or "id" not in row:
                raise InputError(f"{p}:{lineno}: a gold record needs 'id' and 'text' (found: "
                                 f"{', '.join(sorted(row)[:8]) or 'no fields'})")
            rows.append(row)
            if limit and len(rows) >= limit:
                break
    if not rows:
        raise InputError(f"{p}: no records")
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"unknown gold format {fmt!r}; choose one of: {', '.join(sorted(FORMATS))}")
    gold_format = FORMATS[fmt] if fmt else detect_format(rows[0])
    assert gold_format.read is not None
    return GoldSet(p, gold_format, tuple(gold_format.read(r) for r in rows))
