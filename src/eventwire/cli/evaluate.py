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
    errors: int = typer.Option(15, "--errors", help="Misses and false alarms to list in the table."),
    limit: int = typer.Option(None, "--limit", help="Only the first N records."),
) -> None:
    """Code a gold set and print precision, recall and F1 at several strictness levels."""
    if fmt not in ("table", "json"):
        raise InputError(f"unknown --format {fmt!r}; choose table or json")
    from ..stories.ecbplus import evaluate_file as evaluate_links, is_ecbplus_file
    if gold_format in (None, "ecbplus") and is_ecbplus_file(gold):  # event coreference gold: score the linker
        return typer.echo(evaluate_links(gold, fmt, limit=limit))
    from ..evaluation import evaluate, to_json, to_table

    gold_set, scores = evaluate(gold, gold_format, limit=limit)
    if fmt == "json":
        typer.echo(json.dumps(to_json(gold_set, scores), ensure_ascii=False, indent=1))
    else:
        typer.echo(to_table(gold_set, scores, show_errors=errors))
