"""Value types of request bodies and query strings, read the way files and the CLI read the same values.

``CleanStr``: a JSON string whose lone UTF-16 surrogate escapes (``"\\ud800"``) become U+FFFD, as in batch
files (``reading.without_lone_surrogates``), instead of a 422. ``FieldStr`` (id, source, url, title) also reads a
JSON number as a string, as a batch record's fields are read (``"id": 7`` is ``"7"``).

``BodyDate`` / ``QueryDate``: a date parsed by ``dates.parse_date`` like a record's or a ``--date`` option's
(``2024-01-02``, ``20240102``, ``2024-01-02T10:30Z``; not the ambiguous ``10/01/2025``). A JSON number, list or
true/false is refused in words ("invalid body.date: must be a YYYY-MM-DD string, not a number") where pydantic
read ``0`` as 1970-01-01 and said "Datetimes provided to dates should have zero time" for ``5``. The OpenAPI
schema is unchanged: string, format date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from ..dates import parse_date
from ..errors import DateError
from ..reading import _json_kind as json_kind
from ..reading import clean_field, without_lone_surrogates

# ISO dates, with or without a time, and compact ones; not '10/01/2025' (October or January?), which a file's
# date may be (parsed by dateparser, month first) but an API client can always write as YYYY-MM-DD.
_ISO_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2}([T ]\S*)?|\d{8})\s*$")


def _clean_str(value: Any) -> Any:
    return without_lone_surrogates(value) if isinstance(value, str) else value


def _date(value: Any, *, empty_ok: bool) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date_type", "must be a YYYY-MM-DD string, not {kind}",
                                  {"kind": json_kind(value)})
    if not value.strip():
        if empty_ok:
            return None
        raise PydanticCustomError("date_empty", "is empty; give a date as YYYY-MM-DD, or leave the parameter out")
    if not _ISO_DATE.match(value):
        raise PydanticCustomError("date_parsing", "cannot understand the date {value}; use YYYY-MM-DD",
                                  {"value": repr(value[:40])})
    try:
        return parse_date(value)
    except DateError as exc:
        raise PydanticCustomError("date_parsing", str(exc)) from None


def _body_date(value: Any) -> dt.date | None:
    return _date(value, empty_ok=True)  # as in a batch record: "" is no date


def _query_date(value: Any) -> dt.date | None:
    return _date(value, empty_ok=False)  # as a --since "" option: refused, not read as "no limit"


# Patterns of query and body strings, and what a client is told when a value does not match one (errors.py).
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$"  # free text: no NUL or other control characters (PostgreSQL)
COUNTRY_PATTERN = r"^[A-Za-z]{2,6}$"
CAMEO_PATTERN = r"^[0-9]{2,4}$"
PLOVER_PATTERN = r"^[A-Za-z_]{2,24}$"
CODE_PREFIX_PATTERN = r"^[A-Za-z0-9]*$"
PATTERN_WORDS = {
    TEXT_PATTERN: "must not contain control characters (NUL, escape, ...)",
    COUNTRY_PATTERN: "must be a country code of 2 to 6 letters (RUS, UKR)",
    CAMEO_PATTERN: "must be a CAMEO code of 2 to 4 digits (04, 043)",
    PLOVER_PATTERN: "must be a PLOVER event type (SANCTION, ASSAULT)",
    CODE_PREFIX_PATTERN: "must be an actor code prefix, letters and digits only (RUS, USAGOV)",
}

CleanStr = Annotated[str, BeforeValidator(_clean_str)]
FieldStr = Annotated[str, BeforeValidator(clean_field)]  # as in a batch record: "id": 7 is "7"
BodyDate = Annotated[dt.date | None, BeforeValidator(_body_date)]
QueryDate = Annotated[dt.date | None, BeforeValidator(_query_date)]
