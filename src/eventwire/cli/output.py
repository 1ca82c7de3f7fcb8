"""Writing events to stdout as JSONL, CSV or a readable table."""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterable
from typing import IO

from ..frames import flatten
from ..model import Event

FORMATS = ("jsonl", "table", "csv")
TABLE_COLUMNS = ("date", "source", "cameo", "plover", "target", "modality", "sentence")


def write_events(events: Iterable[Event], fmt: str, out: IO[str] | None = None, explain: bool = False) -> int:
    """Write events in ``fmt``; returns how many were written."""
    out = out or sys.stdout
    n = 0
    writer = None
    for event in events:
        n += 1
        if fmt == "jsonl":
            out.write(event.to_json() + "\n")
        elif fmt == "csv":
            row = flatten(event)
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
                writer.writeheader()
            writer.writerow(row)
        else:
            out.write(table_line(event, header=(n == 1)))
            if explain:
                out.write(explain_event(event))
        out.flush() if fmt == "jsonl" else None
    return n


def _actor(a: object) -> str:
    if a is None:
        return "-"
    code = getattr(a, "code", None) or "?"
    return f"{code} ({getattr(a, 'text', '')})"


def table_line(e: Event, header: bool = False) -> str:
    head = ""
    if header:
        head = f"{'DATE':<10}  {'SOURCE':<34}  {'CAMEO':<5}  {'PLOVER':<11}  {'TARGET':<34}  {'MODALITY':<12}  SENTENCE\n"
    sentence = e.sentence.replace("\n", " ")
    sentence = sentence if len(sentence) <= 90 else sentence[:87] + "..."
    return (f"{e.date or '-':<10}  {_actor(e.source)[:34]:<34}  {e.cameo:<5}  {(e.plover or '-'):<11}  "
            f"{_actor(e.target)[:34]:<34}  {e.modality:<12}  [{e.sentence_index}] {sentence}\n") if not header else \
        head + table_line(e)


def explain_event(e: Event) -> str:
    """A readable account of why the event was coded as it was."""
    from ..actors.codes import describe
    from ..events.lexicon import cameo_info

    info = cameo_info(e.cameo)
    ev = e.evidence
    lines = [
        f"    code     {e.cameo} {info.name if info else ''} (PLOVER {e.plover or '-'}, quad {e.quad_class}, "
        f"goldstein {e.goldstein}) from pattern {ev.get('pattern')!r} on {ev.get('trigger')!r}"
        + (f", refined from {ev['refined_from']}" if "refined_from" in ev else ""),
        f"    source   {_actor(e.source)} = {describe(e.source.code if e.source else None)}; found as "
        f"{ev.get('source_rule')}; resolved by {e.source.how if e.source else '-'}",
        f"    target   {_actor(e.target)} = {describe(e.target.code if e.target else None)}; found as "
        f"{ev.get('target_rule')}; resolved by {e.target.how if e.target else '-'}",
        f"    date     {e.date} ({e.date_precision}, {e.date_basis}{': ' + e.date_text if e.date_text else ''})",
    ]
    if ev.get("pattern_comment") or ev.get("pattern_origin"):
        lines.insert(1, f"    pattern  {ev.get('pattern_comment') or ''} [{ev.get('pattern_origin') or 'eventwire'} lexicon]"
                        f"; modality {e.modality}")
    if e.attributed_to:
        lines.append(f"    per      {_actor(e.attributed_to)}" + (f" via {e.channel}" if e.channel else ""))
    return "\n".join(lines) + "\n"
