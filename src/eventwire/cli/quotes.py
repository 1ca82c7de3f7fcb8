"""``eventwire quotes``: the who-said-what list of articles (direct and indirect quotes with speakers)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import typer

from ..errors import InputError, RecordError
from ..model import Article, CodedArticle
from ..reading import iter_path
from .app import app, err, option_date

QUOTE_FORMATS = ("jsonl", "table")


@app.command("quotes")
def quotes_cli(
    path: str = typer.Argument(..., metavar="FILE|-",
                               help="A .txt/.html article, a .jsonl/.csv batch, or - for stdin."),
    date: str = typer.Option(None, "--date", "-d", help="Publication date (YYYY-MM-DD) for records without one."),
    source: str = typer.Option(None, "--source", "-s", help="Outlet name for records without one."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="Output format: jsonl or table."),
    direct_only: bool = typer.Option(False, "--direct", help="Only direct quotes (text in quotation marks)."),
) -> None:
    """List who said what: one quote per line, with speaker, channel, reporting verb and sentence."""
    if fmt not in QUOTE_FORMATS:
        raise InputError(f"unknown --format {fmt!r}; choose one of: {', '.join(QUOTE_FORMATS)}")
    if path != "-" and not Path(path).exists():
        raise InputError(f"{path}: no such file")
    failures: list[str] = []
    items = iter_path(path, default_date=option_date(date), default_source=source)
    n = write_quotes(_coded(items, failures), fmt, direct_only=direct_only)
    err(f"{n} quote(s)" + (f"; {len(failures)} record(s) skipped" if failures else ""))
    if failures:
        raise typer.Exit(3)


def _coded(items: Iterator[Article | RecordError], failures: list[str]) -> Iterator[CodedArticle]:
    from ..coding import default_coder

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, RecordError):
                failures.append(str(item))
                err(f"error: {item} (skipped; the other records are still read)")
            else:
                yield item

    yield from default_coder().code_many(articles())


def quote_records(coded: CodedArticle, direct_only: bool = False) -> Iterator[dict]:
    """The JSON records of one article's quotes (article id, speaker, channel, verb, direct, text, offsets)."""
    for q in coded.quotes:
        if direct_only and not q.direct:
            continue
        yield {"article_id": coded.article.key, **q.to_dict()}


def write_quotes(coded_articles: Iterator[CodedArticle], fmt: str, out: IO[str] | None = None,
                 direct_only: bool = False) -> int:
    """Write the quotes of each article; returns how many were written."""
    out = out or sys.stdout
    n = 0
    for coded in coded_articles:
        for rec in quote_records(coded, direct_only):
            n += 1
            if fmt == "jsonl":
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                if n == 1:
                    out.write(f"{'speaker':<28} {'code':<8} {'verb':<12} {'kind':<8} {'channel':<20} text\n")
                spk = rec["speaker"] or {}
                text = " ".join(rec["text"].split())
                out.write(f"{(spk.get('text') or '?')[:28]:<28} {(spk.get('code') or '-')[:8]:<8} "
                          f"{(rec['verb'] or '')[:12]:<12} {'direct' if rec['direct'] else 'indirect':<8} "
                          f"{(rec['channel'] or '')[:20]:<20} {text[:100]}\n")
        out.flush()
    return n


__all__ = ["quote_records", "quotes_cli", "write_quotes"]
