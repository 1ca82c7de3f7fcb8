"""``eventwire actors lookup`` and ``eventwire dict validate``: the actor dictionaries from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from .app import app, err, option_date

actors_app = typer.Typer(help="Look up actor codes in the dictionaries.", no_args_is_help=True)
dict_app = typer.Typer(help="Check actor dictionary files.", no_args_is_help=True)
app.add_typer(actors_app, name="actors")
app.add_typer(dict_app, name="dict")


@actors_app.command("lookup")
def lookup_cli(
    phrases: list[str] = typer.Argument(..., help='Actor phrases, or "-" to read one phrase per line from stdin.'),
    date: str = typer.Option(None, "--date", "-d", help="Date the phrases refer to (YYYY-MM-DD); roles are dated."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
    dictionary: list[Path] = typer.Option([], "--dictionary", help="Extra dictionary file (TSV or CAMEO/PETRARCH "
                                          ".txt), on top of the shipped ones; repeatable. Env: EVENTWIRE_DICTIONARY."),
    only: bool = typer.Option(False, "--only", help="Use only the --dictionary files, not the shipped ones."),
) -> None:
    """Resolve actor phrases to codes: eventwire actors lookup "Kremlin spokesman Dmitry Peskov" --date 2024-11-08."""
    from ..actors.dictionary import dictionary_from_env, load_dictionary
    from ..actors.resolver import ActorResolver
    from ..errors import InputError
    from ..nlp import load_pipeline

    if fmt not in ("table", "jsonl"):
        raise InputError(f"unknown --format {fmt!r}; use table or jsonl")
    when = option_date(date)
    if phrases == ["-"]:
        from ..reading import decode_bytes

        raw = getattr(sys.stdin, "buffer", None)  # a text stream without bytes (tests) is read as text
        lines = (decode_bytes(raw.read(), "<stdin>") if raw else sys.stdin.read()).splitlines()
        phrases = [line for line in lines if line.strip()]  # blank lines separate, they are not names
        if not phrases:
            raise InputError("no actor names on stdin; give one name per line")
    elif "-" in phrases:
        raise InputError('"-" (read stdin) must be the only phrase')
    elif any(not text.strip() for text in phrases):
        raise InputError('an empty actor name (an unset shell variable?); give names like "Vladimir Putin"')
    d = load_dictionary(dictionary, replace_shipped=only) if dictionary else dictionary_from_env()
    resolver = ActorResolver(load_pipeline(), d)
    rows = []
    for text in phrases:
        actor = resolver.resolve_phrase(text, when)
        if actor is None or not actor.code:
            rows.append({"text": text, "code": None, "country": None, "sector": None, "name": None})
        else:
            rows.append({"text": text, "code": actor.code, "country": actor.country, "sector": actor.sector,
                         "name": actor.name, "how": actor.how})
    if fmt == "jsonl":
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    from ..actors.codes import describe

    width = max([len(r["text"]) for r in rows] + [6])
    typer.echo(f"{'phrase':<{width}}  {'code':<10}  meaning")
    for r in rows:
        typer.echo(f"{r['text']:<{width}}  {r['code'] or '-':<10}  "
                   f"{describe(r['code']) if r['code'] else 'unresolved'}{' (' + r['name'] + ')' if r['name'] else ''}")


@dict_app.command("validate")
def validate_cli(path: Path = typer.Argument(..., help="Data file: an actor dictionary (TSV: code, alias, valid_from, "
                                             "valid_to, name, kind, source), another eventwire data file (role words, "
                                             "regions, lexicon, ...) or a CAMEO/PETRARCH .txt."),
                 warnings: bool = typer.Option(False, "--warnings", help="List the warnings too (by default only "
                                               "their number is printed).")) -> None:
    """Report line-numbered errors (bad dates, unknown codes, repeated rows, ambiguous aliases); exit 1 on errors."""
    from ..actors.validation import WARNING, errors, validate_file

    _check_data_file(path)
    problems = validate_file(path)
    shown = problems if warnings else errors(problems)
    for p in shown:
        typer.echo(f"{path}:{p.line}: {'warning: ' if p.level == WARNING else ''}{p.message}")
    n_errors, n_warnings = len(errors(problems)), len(problems) - len(errors(problems))
    note = f"; {n_warnings} warning(s){'' if warnings else ' (--warnings lists them)'}" if n_warnings else ""
    if n_errors:
        err(f"{n_errors} problem(s) in {path}{note}")
        raise typer.Exit(1)
    err(f"{path}: OK{note}")


def _check_data_file(path: Path) -> None:
    """Missing, folder and binary files get a one-line error before validation (exit 1, like any invalid file)."""
    from ..errors import DictionaryError, InputError
    from ..reading import sniff_encoding

    if path.is_dir():
        raise DictionaryError(f"{path}: is a directory; give one dictionary or data file")
    if not path.is_file():
        return  # validate_file says 'no such dictionary file'
    with path.open("rb") as fh:
        head = fh.read(8192)
    try:
        wide = sniff_encoding(head, str(path))
    except InputError as exc:
        raise DictionaryError(str(exc)) from None
    if wide:
        raise DictionaryError(f"{path}: {wide.upper()} text; save the file as UTF-8")
