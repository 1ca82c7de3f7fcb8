"""The Typer app, error handling and output helpers shared by every command."""

from __future__ import annotations

import datetime as dt
import sys
import warnings
from collections.abc import Callable
from typing import Any

import typer

from .. import __version__
from ..errors import EventwireError

app = typer.Typer(
    name="eventwire",
    help="Turn news articles into political event data (who did what to whom, when, where, per whom).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Show the version and exit.")) -> None:
    """eventwire: news articles → event data."""


def option_date(value: str | None, option: str = "--date") -> dt.date | None:
    """A date option's value as a date; None when the option is not given. An empty value ("$DATE" of an
    unset shell variable) is refused rather than read as no date."""
    from ..dates import parse_date
    from ..errors import DateError

    if value is None:
        return None
    if not value.strip():
        raise DateError(f"{option} is empty; give a date as YYYY-MM-DD, or leave the option out")
    return parse_date(value)


def err(message: str) -> None:
    """A message for the user, on stderr (data goes to stdout)."""
    typer.echo(message, err=True)


def _show_warning(message: Any, category: type, filename: str, lineno: int, file: Any = None,
                  line: str | None = None) -> None:
    err(f"warning: {message}")


def _is_usage_error(exc: Exception) -> bool:
    """A click usage error (missing argument, unknown option), whether from click or typer's bundled copy."""
    import click

    if isinstance(exc, click.ClickException):
        return True
    return any(cls.__name__ == "ClickException" for cls in type(exc).__mro__) and hasattr(exc, "show")


def run_app(application: Callable[..., Any], args: list[str] | None = None) -> int:
    """Run the CLI, turning eventwire errors into one-line messages and exit codes (never tracebacks)."""
    warnings.showwarning = _show_warning
    try:
        result = application(args=args, standalone_mode=False, prog_name="eventwire")
    except EventwireError as exc:
        err(f"error: {exc}")
        return exc.exit_code
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        err("aborted")
        return 130
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except Exception as exc:  # click's usage errors and anything unexpected
        if _is_usage_error(exc):
            exc.show()  # type: ignore[attr-defined]
            return exc.exit_code  # type: ignore[attr-defined]
        err(f"error: unexpected {type(exc).__name__}: {exc} (please report this as a bug)")
        return 1
    return result if isinstance(result, int) else 0
