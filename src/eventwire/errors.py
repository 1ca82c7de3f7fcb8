"""One error hierarchy. Every message says what went wrong and how to fix it.

The CLI turns any ``EventwireError`` into a one-line message on stderr and a
non-zero exit code; nothing else should reach the user as a traceback.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""

    exit_code = 1


class InputError(EventwireError):
    """The input (file, text, record) cannot be read or is not an article."""

    exit_code = 2


class DateError(InputError):
    """A date could not be understood."""


class RecordError(InputError):
    """One record of a batch (JSONL/CSV line) is malformed; the others are still coded."""

    def __init__(self, message: str, *, line: int | None = None, source: str | None = None) -> None:
        where = f"{source}:{line}: " if source and line else (f"line {line}: " if line else "")
        super().__init__(where + message)
        self.line = line
        self.source = source


class ModelError(EventwireError):
    """The spaCy pipeline could not be loaded."""


class DictionaryError(EventwireError):
    """A dictionary or lexicon file is invalid."""
