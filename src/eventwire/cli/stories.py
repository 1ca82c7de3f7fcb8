"""``eventwire clusters``: code articles, drop duplicate copies, link events into one row per real event."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import typer

from ..dates import parse_date
from ..errors import InputError, RecordError
from .app import app, err, option_date


@app.command("clusters")
def clusters_cli(
    paths: list[str] = typer.Argument(None, metavar="FILE...", help="Articles to code (.txt/.html/.jsonl/.csv)."),
    db: str = typer.Option(None, "--db", help="Also link the events stored in an eventwire database."),
    date: str = typer.Option(None, "--date", "-d", help="Publication date for records without one."),
    fmt: str = typer.Option("table", "--format", "-f", help="Output: table or jsonl (one cluster per line)."),
    min_reports: int = typer.Option(1, "--min-reports", min=1, help="Only clusters with at least this many reports."),
    keep_duplicates: bool = typer.Option(False, "--keep-duplicates", help="Code duplicate copies too."),
    state: str = typer.Option(None, "--state", help="JSON file: continue from it and save to it (incremental runs)."),
) -> None:
    """One row per real-world event: its reports across articles, first and last date (docs/stories.md)."""
    if fmt not in ("table", "jsonl"):
        raise InputError(f"unknown --format {fmt!r}; choose table or jsonl")
    if not paths and not db:
        raise InputError("give article files, or --db URL")
    from ..coding import default_coder
    from ..stories.duplicates import DuplicateIndex
    from ..stories.linker import EventLinker, document_from_coded

    coder = default_coder()
    saved = _load_state(state) if state else None
    linker = EventLinker.from_state(coder.nlp, saved["linker"]) if saved else EventLinker(coder.nlp)
    dupes = DuplicateIndex.from_state(saved["duplicates"]) if saved else DuplicateIndex()
    articles, copies, skipped = [], {}, []
    for art in _articles(paths or [], option_date(date), skipped):
        match = dupes.check_and_add(art.key, (art.title or "") + "\n\n" + art.text)
        if match and not keep_duplicates:
            copies[art.key] = match.first
            continue
        articles.append(art)
    for coded in coder.code_many(articles):
        linker.add(document_from_coded(coded))
    if db:
        for doc in _stored_documents(db):
            linker.add(doc)
    if state:
        tmp = Path(state + ".tmp")  # write then rename: a crash never leaves a half-written state
        try:
            tmp.write_text(json.dumps({"linker": linker.state(), "duplicates": dupes.state()}), encoding="utf-8")
            tmp.replace(state)
        except OSError as exc:
            raise InputError(f"--state {state}: cannot save the state ({exc.strerror}); give a writable path") from None
    for copy, first in copies.items():
        err(f"{copy}: a copy of {first} (not coded again; --keep-duplicates to code it)")
    clusters = sorted((c for c in linker.clusters() if len(c.mentions) >= min_reports),
                      key=lambda c: (c.first_date or _MAX, -len(c.mentions), c.id))  # biggest first per day
    if fmt == "jsonl":
        for c in clusters:
            typer.echo(json.dumps(c.to_dict(), ensure_ascii=False))
    else:
        _print_table(clusters)
    if skipped:
        err(f"{len(skipped)} record(s) skipped")
        raise typer.Exit(3)


def _load_state(state: str) -> dict | None:
    """The saved state of an earlier run (None for a new file); a file that is not one is refused, not overwritten."""
    p = Path(state)
    if not p.exists():
        if not p.parent.is_dir():
            raise InputError(f"--state {state}: the folder {p.parent} does not exist")
        return None
    if p.is_dir():
        raise InputError(f"--state {state}: is a directory; give a file name")
    try:
        saved = json.loads(p.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"--state {state}: not a state file saved by 'eventwire clusters --state' ({exc}); "
                         f"give a new file name (it is left untouched)") from None
    if not isinstance(saved, dict) or not {"linker", "duplicates"} <= saved.keys():
        raise InputError(f"--state {state}: not a state file saved by 'eventwire clusters --state' (no linker/"
                         f"duplicates); give a new file name (it is left untouched)")
    return saved


def _print_table(clusters) -> None:
    for c in clusters:
        arts = sorted({m.doc_id for m in c.mentions})
        when = c.first_date.isoformat() if c.first_date else "????-??-??"
        if c.last_date and c.last_date != c.first_date:
            when += f"..{c.last_date.isoformat()}"
        typer.echo(f"{c.id}  {when}  {c.lemma}  {len(c.mentions)} report(s) in {len(arts)} article(s)")
        for m in c.mentions:
            typer.echo(f"    [{m.doc_id}] {m.trigger}: {' '.join(m.sentence.split())}")


_MAX = parse_date("9999-12-31")


def _articles(paths: list[str], default_date, skipped: list[str]):
    from ..reading import iter_paths

    for p in paths:
        if not Path(p).exists():
            raise InputError(f"{p}: no such file")
    for item in iter_paths(paths, default_date=default_date, default_source=None):
        if isinstance(item, RecordError):
            skipped.append(str(item))
            err(f"error: {item} (skipped; the other records are still coded)")
        else:
            yield item


def _stored_documents(db: str):
    """Stored events grouped per article; the text is their sentences (the store keeps no article text)."""
    from dataclasses import replace

    from ..model import Article, CodedArticle, Sentence
    from ..store import Store
    from ..stories.linker import document_from_coded

    by_article = defaultdict(list)
    with Store(db, read_only=True) as store:
        for ev in store.events():
            by_article[ev.article_id].append(ev)
    for aid, events in by_article.items():
        sents: dict[int, str] = {}
        for ev in events:
            sents.setdefault(ev.sentence_index, ev.sentence)
        text, sentences, idx = "", [], {}
        for i in sorted(sents):
            idx[i] = len(sentences)
            sentences.append(Sentence(len(sentences), sents[i], len(text), len(text) + len(sents[i])))
            text += sents[i] + "\n"
        evs = tuple(replace(ev, sentence_index=idx[ev.sentence_index]) for ev in events)
        yield document_from_coded(CodedArticle(Article(text=text, id=aid), text, tuple(sentences), evs))
