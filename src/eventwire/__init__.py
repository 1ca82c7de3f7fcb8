"""eventwire: news articles → political event data (who did what to whom, when, where, per whom)."""

from __future__ import annotations

from .coding import Coder, code, code_many
from .conventions import CodingOptions
from .errors import EventwireError
from .frames import to_dataframe
from .model import Actor, Article, CodedArticle, Event, Place, Quote, Sentence

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "CodedArticle",
    "Coder",
    "CodingOptions",
    "Event",
    "EventwireError",
    "Place",
    "Quote",
    "Sentence",
    "__version__",
    "code",
    "code_many",
    "to_dataframe",
]
