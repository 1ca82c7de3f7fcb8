"""``eventwire evaluate``: score the coder against a gold-standard JSONL file."""

from __future__ import annotations

import json

import typer

from ..errors import InputError
from .app import app


@app.command("evaluate")
def evaluate_cli(
    gold: str = typer.Argument(..., metavar="GOLD.jsonl", help="A gold file (formats: see docs/evaluation.md)."),
    fmt: str = typer.Option("table", "--format", "-f", help="Output: table (headline scores last) or json."),
    gold_format: str = typer.Option(None, "--gold-format", help="Force the gold format instead of detecting it."),
    errors: int = typer.Option(15, "--errors", min=0, help="Misses and false alarms to list in the table."),
    limit: int = typer.Option(None, "--limit", min=1, help="Only the first N records."),
) -> None:
    """Code a gold set and print precision, recall and F1 at several strictness levels."""
    if fmt not in ("table", "json"):
        raise InputError(f"unknown --format {fmt!r}; choose table or json")
    _check_gold_file(gold)
    from ..stories.ecbplus import evaluate_file as evaluate_links, is_ecbplus_file
    if gold_format in (None, "ecbplus") and is_ecbplus_file(gold):  # event coreference gold: score the linker
        return typer.echo(evaluate_links(gold, fmt, limit=limit))
    from ..evaluation import evaluate, to_json, to_table

    try:
        gold_set, scores = evaluate(gold, gold_format, limit=limit)
    except UnicodeDecodeError as exc:
        raise InputError(f"{gold}: not valid UTF-8 (byte {exc.start}); save the gold file as UTF-8") from None
    if fmt == "json":
        typer.echo(json.dumps(to_json(gold_set, scores), ensure_ascii=False, indent=1))
    else:
        typer.echo(to_table(gold_set, scores, show_errors=errors))


def _check_gold_file(gold: str) -> None:
    """A clear error for a gold path that is missing, a folder, empty or binary (before any coding)."""
    from pathlib import Path

    from ..reading import sniff_encoding

    p = Path(gold)
    if p.is_dir():
        raise InputError(f"{gold}: is a directory; give a gold .jsonl file")
    if not p.is_file():
        raise InputError(f"{gold}: no such file")
    with p.open("rb") as fh:
        head = fh.read(8192)
    if not head.strip():
        raise InputError(f"{gold}: the file is empty (no gold records)")
    if sniff_encoding(head, gold):
        raise InputError(f"{gold}: UTF-16/32 text; save the gold file as UTF-8")
