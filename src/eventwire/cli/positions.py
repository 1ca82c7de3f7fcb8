"""``eventwire positions``: each actor's stated positions (demand, offer, reject, accept) by issue over time."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import typer

from ..errors import InputError, RecordError
from .app import app, err, option_date


@app.command("positions")
def positions_cli(
    paths: list[str] = typer.Argument(None, metavar="FILE...", help="Articles to code (.txt/.html/.jsonl/.csv)."),
    db: str = typer.Option(None, "--db", help="Also read the events stored in an eventwire database."),
    actor: str = typer.Option(None, "--actor", "-a", help="Only this actor (code or country prefix, e.g. RUS)."),
    since: str = typer.Option(None, "--since", help="Only positions dated on or after YYYY-MM-DD."),
    issue: str = typer.Option(None, "--issue", help="Only issues like this text (e.g. ceasefire)."),
    date: str = typer.Option(None, "--date", "-d", help="Publication date for records without one."),
    fmt: str = typer.Option("table", "--format", "-f", help="Output: table or json."),
) -> None:
    """Code the articles and print who demanded, offered, rejected or accepted what, by issue, over time."""
    if fmt not in ("table", "json"):
        raise InputError(f"unknown --format {fmt!r}; choose table or json")
    if not paths and not db:
        raise InputError("give article files, or --db URL")
    from ..coding import default_coder
    from ..stories.positions import extract_positions, filter_positions

    default_date, since_date = option_date(date), option_date(since, "--since")  # checked before any coding
    coder = default_coder()
    skipped: list[str] = []
    events = list(_file_events(paths or [], coder, default_date, skipped))
    if db:
        from ..store import Store

        with Store(db, read_only=True) as store:
            events += list(store.events())
    positions = extract_positions(events, coder.nlp)
    shown = filter_positions(positions, actor=actor, since=since_date, issue=issue)
    if fmt == "json":
        typer.echo(json.dumps([p.to_dict() for p in shown], ensure_ascii=False, indent=1))
    else:
        typer.echo(render(shown, positions))
    if skipped:
        err(f"{len(skipped)} record(s) skipped")
        raise typer.Exit(3)


def _file_events(paths: list[str], coder, default_date, skipped: list[str]):
    from ..reading import iter_paths

    for p in paths:
        if not Path(p).exists():
            raise InputError(f"{p}: no such file")
    articles = []
    for item in iter_paths(paths, default_date=default_date, default_source=None):
        if isinstance(item, RecordError):
            skipped.append(str(item))
            err(f"error: {item} (skipped; the other records are still coded)")
        else:
            articles.append(item)
    for coded in coder.code_many(articles):
        yield from coded.events


def render(shown, everything) -> str:
    """Actor → issue → dated positions with their evidence sentence and what each answers."""
    by_id = {p.id: p for p in everything}
    tree: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for p in shown:
        tree[(p.actor or "?")[:3]][p.issue_group or p.issue or "(issue not found)"].append(p)
    if not tree:
        return "no positions found"
    lines = []
    for actor in sorted(tree):
        lines.append(f"== {actor}")
        for group, ps in tree[actor].items():
            lines.append(f"  issue: {group}")
            for p in ps:
                lines.append(f"    {p.date or '????-??-??'}  {p.stance:<8} {p.issue}   [{p.actor_text} · {p.actor}]")
                if p.responds_to and p.responds_to in by_id:
                    q = by_id[p.responds_to]
                    lines.append(f"      answers: {q.actor_text} ({q.actor}) {q.stance} \"{q.issue}\" "
                                 f"({q.date}, {q.article_id})")
                lines.append(f"      evidence [{p.article_id}]: {' '.join(p.sentence.split())}")
    return "\n".join(lines)
