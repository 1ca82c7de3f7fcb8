"""``eventwire info``: versions of the package, model and dictionaries."""

from __future__ import annotations

import json
import platform

import typer

from .. import __version__
from .app import app


def info_dict() -> dict[str, str]:
    from ..actors.dictionary import shipped_version
    from ..events.lexicon import default_lexicon
    from ..settings import spacy_model_name

    try:
        from ..nlp import model_version

        model = model_version()
    except Exception as exc:  # report, don't fail: info is what users run when things are broken
        model = f"{spacy_model_name()} (not loadable: {exc})"
    import spacy

    return {
        "eventwire": __version__,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": model,
        "actor_dictionaries": shipped_version(),
        "event_lexicon_patterns": str(len(default_lexicon())),
        "coding_options": _default_options(),
    }


def _default_options() -> str:
    """The coding conventions' defaults and the flags that change them (docs/events.md, "Options")."""
    from dataclasses import asdict

    from ..conventions import CodingOptions
    from .conventions import FLAGS

    values = asdict(CodingOptions())
    on = [n for n, v in values.items() if v]
    off = [n for n, v in values.items() if not v]
    return f"on: {', '.join(on)}; off: {', '.join(off)} (change with {' '.join(FLAGS)})"


@app.command("info")
def info_cli(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """Show versions of eventwire, spaCy, the model and the dictionaries, and the default coding options."""
    data = info_dict()
    if as_json:
        typer.echo(json.dumps(data, indent=2))
    else:
        for key, value in data.items():
            typer.echo(f"{key:<24}{value}")
