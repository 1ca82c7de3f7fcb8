"""Dates: parsing user-given publication dates and resolving event dates in text.

``parse_date`` reads the publication date a user gives (ISO, compact, or written
out). ``resolve_expression`` resolves one temporal expression (usually a spaCy
DATE span) against the publication date with news-specific rules:

* weekdays → the most recent such day on or before the publication date
  (the next one when the clause is in the future tense: "will meet Monday");
* "yesterday", "today", "last week/month/year", "this week", "next month",
  "earlier this month", "a year ago", "three years ago";
* explicit dates ("Jan. 20", "March 12, 1999", "Monday, Oct. 26") — a date without
  a year takes the publication year, or the year before when that lands more than
  half a year after publication (or after it, for a past-tense clause);
* months ("in March", "last February", "March 2022"), years ("in 2018", "fiscal
  1989"), quarters ("the third quarter"), seasons, decades and centuries;
* a term of office ("during his first term") → a date range, when the actor's
  dictionary entries give the term;
* vague references ("now", "recently", "in the future") → PRESENT_REF/PAST_REF/FUTURE_REF.

dateparser parses only what the rules leave (literal dates in unusual formats),
always relative to the publication date. Durations ("three years") are not dates
and resolve to None. Every ``DateResolution`` carries a TIMEX3-style ``value``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .errors import DateError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_COMPACT = re.compile(r"^\d{8}$")


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[T ])")


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """Parse a publication date: '2025-01-10', '20250110', '2025-01-10T08:00Z', 'Jan 10, 2025'."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    text = str(value).strip()
    if not text:
        return None
    try:
        if _COMPACT.match(text):
            return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        if _ISO_DAY.match(text):  # '2024-13-01' is a typo, not 13 January: never swap month and day
            raise DateError(f"impossible date {text!r} (month or day out of range); use YYYY-MM-DD") from None
    import dateparser

    # Absolute dates only: 'yesterday' or '3 days ago' would depend on the day the command runs.
    parsed = dateparser.parse(text, languages=["en"], settings={
        "STRICT_PARSING": True, "REQUIRE_PARTS": ["year"], "PARSERS": ["timestamp", "custom-formats", "absolute-time"]})
    if parsed is None:
        raise DateError(f"cannot understand the date {text!r}; use YYYY-MM-DD, e.g. 2025-01-10")
    return parsed.date()


@dataclass(frozen=True, slots=True)
class DateResolution:
    """An event date and how it was found.

    date/date_end: ISO first and last day (date_end None for a single day).
    precision: day, week, month, quarter, season, year, decade, century, range, ref, reported, unknown.
    basis: explicit (the text names the date), relative (resolved against the publication date),
    publication (no expression: the publication date), none (no publication date either).
    value: TIMEX3-style normalised value ("2025-01-20", "2025-W03", "2025-01", "2025-Q1", "PAST_REF").
    """

    date: str | None
    date_end: str | None = None
    precision: str = "reported"
    basis: str = "publication"
    text: str | None = None
    value: str | None = None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
_MONTH_RE = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
            r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3,
            "a couple of": 2, "couple of": 2, "few": 3}
_NUM_RE = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of)"
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
             "fifth": 5, "last": -1, "previous": -1, "current": 0, "latest": -1}
_SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_PRESENT = {"now", "currently", "current", "present", "the present", "at present", "nowadays", "these days",
            "right now", "at the moment", "today's", "so far", "to date", "this time"}
_PAST = {"recently", "recent", "the past", "previously", "earlier", "lately", "once", "formerly", "in the past",
         "recent years", "past years", "recent months", "recent weeks", "recent days", "the past few years",
         "the other day", "years ago", "long ago", "some time ago", "ago", "before", "the recent past", "past"}
_FUTURE = {"the future", "future", "soon", "in the future", "the coming years", "coming years",
           "the coming months", "coming months", "the coming weeks", "the near future", "eventually", "someday"}
_LEADING = re.compile(r"^(?:mid-|(?:mid|on|in|during|since|by|until|till|from|at|as of|before|after|for|of|through|"
                      r"throughout|starting|beginning|around|about|late|early|the end of|the start of|"
                      r"the beginning of|the middle of|the first half of|the second half of|the|"
                      r"sometime|some time|every|each|a|an|just|only|nearly|almost|about|some|roughly)\s+)")
_DURATION_UNITS = r"(days?|weeks?|months?|years?|decades?|centuries|century|hours?|minutes?|quarters?)"


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _day(d: dt.date, text: str, basis: str = "relative") -> DateResolution:
    return DateResolution(_iso(d), None, "day", basis, text, _iso(d))


def _month(y: int, m: int, text: str, basis: str) -> DateResolution:
    last = calendar.monthrange(y, m)[1]
    return DateResolution(f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}", "month", basis, text,
                          f"{y:04d}-{m:02d}")


def _year(y: int, text: str, basis: str) -> DateResolution:
    return DateResolution(f"{y:04d}-01-01", f"{y:04d}-12-31", "year", basis, text, f"{y:04d}")


def _quarter(y: int, q: int, text: str, basis: str) -> DateResolution:
    m1 = 3 * (q - 1) + 1
    last = calendar.monthrange(y, m1 + 2)[1]
    return DateResolution(f"{y:04d}-{m1:02d}-01", f"{y:04d}-{m1 + 2:02d}-{last:02d}", "quarter", basis, text,
                          f"{y:04d}-Q{q}")


def _week(d: dt.date, text: str) -> DateResolution:
    monday = d - dt.timedelta(days=d.weekday())
    iso = d.isocalendar()
    return DateResolution(_iso(monday), _iso(monday + dt.timedelta(days=6)), "week", "relative", text,
                          f"{iso[0]:04d}-W{iso[1]:02d}")


def _ref(kind: str, text: str) -> DateResolution:
    return DateResolution(None, None, "ref", "relative", text, kind)


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _number(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)


def _strip(low: str) -> str:
    prev = None
    while prev != low:
        prev = low
        low = _LEADING.sub("", low)
    return low.strip(" ,.;:'\u2019\"")


_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen")
_TENS = {"twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}
_SPELLED_YEAR = re.compile(
    r"\b(nineteen|eighteen|twenty) (?:(" + "|".join(_TENS) + r")(?:[- ](" + "|".join(_UNITS[1:]) + r"))?|("
    + "|".join(_TEENS) + r")|hundred)\b|\b(?:the year )?two thousand(?: and (" + "|".join(_UNITS[1:]) + r"))?\b")


def _spelled_years(low: str) -> str:
    """Years written out as spoken in broadcast transcripts: 'nineteen ninety-six' → '1996'."""
    def digits(m: re.Match) -> str:
        if m.group(1) is None:  # "two thousand", "two thousand and one"
            if "year" not in m.group(0) and not re.search(r"\b(?:in|of|by|since|until)\s*$", low[:m.start()]):
                return m.group(0)  # "two thousand years" is a number, not a year
            return f"the year {2000 + (_UNITS.index(m.group(5)) if m.group(5) else 0)}"
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[m.group(1)]
        if m.group(2):
            rest = _TENS[m.group(2)] * 10 + (_UNITS.index(m.group(3)) if m.group(3) else 0)
        elif m.group(4):
            rest = 10 + _TEENS.index(m.group(4))
        else:
            rest = 0
        return str(century * 100 + rest)

    return _SPELLED_YEAR.sub(digits, low) if ("teen" in low or "twenty" in low or "thousand" in low) else low


def _pick_year(month: int, day: int | None, pub: dt.date, future: bool, past: bool = False) -> int:
    """The year of a date written without one: the publication year, or the neighbouring year when closer."""
    year = pub.year
    try:
        cand = dt.date(year, month, day or 15)
    except ValueError:
        return year
    if future:
        if (pub - cand).days > 60:
            return year + 1
        return year
    if day is None:  # a bare month: the latest one for a past clause, the nearest one otherwise (ties: past)
        months_after = month - pub.month
        if past:
            return year - 1 if months_after > 0 else year
        return year - 1 if months_after >= 6 else year + 1 if months_after < -6 else year
    if past:
        return year - 1 if (cand - pub).days > 60 else year
    # tense unknown: the nearest such date to publication, ties to the past
    options = [y for y in (year - 1, year, year + 1) if _valid(y, month, day)]
    return min(options, key=lambda y: (abs((dt.date(y, month, day) - pub).days), y > year))


def resolve_expression(text: str, pub: dt.date | None, *, future: bool = False, past: bool = False,
                       terms: list[tuple[dt.date, dt.date | None]] | None = None) -> DateResolution | None:
    """Resolve one temporal expression against the publication date ``pub``.

    ``future``: the clause is in the future tense (weekdays and bare months then look forward).
    ``past``: the clause is in the past tense (a date without a year is then not after publication).
    ``terms``: the actor's terms of office (start, end), oldest first, for "during his first term".
    Returns None for durations and text that is not a date.
    """
    raw = text
    low = re.sub(r"\s+", " ", text.lower().replace("\u2019", "'")).strip()
    low = re.sub(r" or so\b", "", low)
    low = re.sub(r"'s$", "", low)
    low = _spelled_years(low)
    low = re.sub(r"\bfiscal (?=(?:(?:first|second|third|fourth|current|latest|previous)[- ])?(?:quarter|year|half)\b)",
                 "", low)  # "the fiscal first quarter": fiscal periods read as calendar ones
    core = _strip(low)
    if not core:
        return None
    # ---- absolute forms that need no publication date ------------------------------------------
    m = re.fullmatch(rf"(?:(?:{'|'.join(WEEKDAYS)}),? )?{_MONTH_RE} (\d{{1,2}})(?:st|nd|rd|th)?,? ((?:1[5-9]|20)\d\d)",
                     core)
    if m:
        return _safe_day(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2)), raw, "explicit")
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH_RE},? ((?:1[5-9]|20)\d\d)", core)
    if m:
        return _safe_day(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)), raw, "explicit")
    m = re.fullmatch(rf"{_MONTH_RE},? (?:of )?((?:1[5-9]|20)\d\d)", core)
    if m:
        return _month(int(m.group(2)), MONTHS[m.group(1)], raw, "explicit")
    m = re.fullmatch(r"((?:1[5-9]|20)\d\d)-(\d\d)-(\d\d)", core)
    if m:
        return _safe_day(int(m.group(1)), int(m.group(2)), int(m.group(3)), raw, "explicit")
    m = re.fullmatch(r"(?:fiscal |calendar |(?:the )?year |fy ?|model year )?((?:1[5-9]|20)\d\d)(?: fiscal year)?", core)
    if m:
        return _year(int(m.group(1)), raw, "explicit")
    m = re.fullmatch(r"((?:1[5-9]|20)\d)0'?s", core)
    if m:
        y = int(m.group(1)) * 10
        return DateResolution(f"{y}-01-01", f"{y + 9}-12-31", "decade", "explicit", raw, m.group(1))
    m = re.fullmatch(r"(\d\d)(?:st|nd|rd|th) century", core)
    if m:
        c = int(m.group(1)) - 1
        return DateResolution(f"{c:02d}00-01-01", f"{c:02d}99-12-31", "century", "explicit", raw, f"{c:02d}")
    m = re.fullmatch(r"(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter(?: of)? ((?:19|20)\d\d)", core)
    if m:
        return _quarter(int(m.group(2)), _ORDINALS[m.group(1)], raw, "explicit")
    m = re.fullmatch(r"((?:19|20)\d\d) (first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter", core)
    if m:  # "the 1988 third quarter"
        return _quarter(int(m.group(1)), _ORDINALS[m.group(2)], raw, "explicit")
    m = re.fullmatch(rf"({'|'.join(_SEASONS)}) (?:of )?((?:19|20)\d\d)", core)
    if m:
        y = int(m.group(2))
        return DateResolution(f"{y}-01-01", f"{y}-12-31", "season", "explicit", raw, f"{y}-{_SEASONS[m.group(1)]}")
    if pub is None:
        return None
    # ---- vague references -------------------------------------------------------------------------
    if low in _PRESENT or core in _PRESENT:
        return _ref("PRESENT_REF", raw)
    if low in _FUTURE or core in _FUTURE:
        return _ref("FUTURE_REF", raw)
    if low in _PAST or core in _PAST:
        return _ref("PAST_REF", raw)
    # ---- days relative to publication ------------------------------------------------------------
    if re.fullmatch(r"(?:today|tonight|this (?:morning|afternoon|evening)|earlier today|later today|"
                    r"(?:early|late) today)", core):
        return _day(pub, raw)
    m = re.fullmatch(r"yesterday(?: (morning|afternoon|evening))?|last (night)", core)
    if m:
        return _with_time(_day(pub - dt.timedelta(days=1), raw), m.group(1) or m.group(2), None)
    if re.fullmatch(r"tomorrow(?: (?:morning|afternoon|evening|night))?", core):
        return _day(pub + dt.timedelta(days=1), raw)
    if core == "the day before yesterday":
        return _day(pub - dt.timedelta(days=2), raw)
    wd = _weekday(core, pub, future, raw)
    if wd is not None:
        return wd
    # ---- month and day without a year ------------------------------------------------------------
    m = re.fullmatch(rf"(?:(?:{'|'.join(WEEKDAYS)}),? )?{_MONTH_RE} (\d{{1,2}})(?:st|nd|rd|th)?"
                     r"(?:\s*(?:-|\u2013|and|to|through)\s*\d{1,2}(?:st|nd|rd|th)?)?", core) or \
        re.fullmatch(rf"(?:(?:{'|'.join(WEEKDAYS)}),? )?(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{_MONTH_RE}", core)
    if m:
        groups = m.groups()
        month_name, day = (groups[0], groups[1]) if not groups[0].isdigit() else (groups[1], groups[0])
        month, d = MONTHS[month_name.rstrip(".")], int(day)
        return _safe_day(_pick_year(month, d, pub, future, past), month, d, raw, "explicit")
    # ---- months -----------------------------------------------------------------------------------
    m = re.fullmatch(rf"(last|this|next|past|previous|coming)? ?{_MONTH_RE}", core)
    if m:
        month = MONTHS[m.group(2)]
        rel = m.group(1)
        if rel in ("last", "past", "previous"):
            y = pub.year - 1 if month >= pub.month else pub.year
        elif rel in ("next", "coming"):
            y = pub.year + 1 if month <= pub.month else pub.year
        elif rel == "this":
            y = pub.year
        else:
            y = _pick_year(month, None, pub, future, past)
        return _month(y, month, raw, "explicit" if rel is None else "relative")
    # ---- relative units ---------------------------------------------------------------------------
    m = re.fullmatch(r"(?:(earlier|later) )?(this|last|next|past|previous|coming|current|the current|the previous|following|preceding|"
                     r"the past|the coming|the same|that) (week|month|year|quarter|weekend|decade)", core) or \
        re.fullmatch(r"(?:(earlier|later) )?(?:in )?(the) (week|month|year|quarter|weekend)", core)
    if m:
        return _relative_unit(m.group(2), m.group(3), pub, raw)
    if core in ("week", "month", "year", "weekend") and re.match(r"(?:\w+ )*the ", low):
        return _relative_unit("this", core, pub, raw)
    holiday = _holiday(core, pub, future, raw)
    if holiday is not None:
        return holiday
    m = re.fullmatch(r"(?:the )?(?:year|twelve months|12 months)[- ](?:earlier|ago)(?: (?:quarter|period))?", core)
    if m:
        return _year_earlier_period(pub, raw)
    m = re.fullmatch(r"(?:the )?year[- ](?:earlier|ago) (first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter", core)
    if m:  # "the year-ago third quarter"
        return _quarter(pub.year - 1, _ORDINALS[m.group(1)], raw, "relative")
    m = re.fullmatch(r"(week|month|year|quarter)[- ]earlier|a (week|month|year|quarter) (?:earlier|before)", core)
    if m:
        unit = m.group(1) or m.group(2)
        return _ago(1, unit, pub, raw)
    m = re.fullmatch(rf"{_NUM_RE} (days?|weeks?|months?|years?|decades?) (?:ago|earlier|before|previously)", core)
    if m:
        n = _number(m.group(1))
        if n is not None:
            return _ago(n, m.group(2).rstrip("s"), pub, raw)
    m = re.fullmatch(rf"{_NUM_RE} (days?|weeks?|months?|years?) (?:from now|later|hence)", core)
    if m:
        n = _number(m.group(1))
        if n is not None:
            return _ago(-n, m.group(2).rstrip("s"), pub, raw)
    m = re.fullmatch(r"(?:the )?(first|second|third|fourth|1st|2nd|3rd|4th|last|latest|current|previous)"
                     r"[- ](quarter|period|half)", core) or re.fullmatch(r"(quarter|period)", core)
    if m:
        if len(m.groups()) == 1:
            return _relative_unit("the", "quarter", pub, raw)
        which, unit = m.group(1), m.group(2)
        if unit == "half":
            n = _ORDINALS.get(which, 0)
            h = n if n in (1, 2) else (1 if pub.month <= 6 else 2)
            return DateResolution(f"{pub.year}-{1 if h == 1 else 7:02d}-01", f"{pub.year}-{6 if h == 1 else 12:02d}-"
                                  f"{30 if h == 1 else 31}", "range", "relative", raw, f"{pub.year}-H{h}")
        n = _ORDINALS[which]
        if n > 0:
            cur = (pub.month - 1) // 3 + 1
            y = pub.year - 1 if n > cur else pub.year
            return _quarter(y, n, raw, "relative")
        return _relative_unit("last" if n < 0 else "this", "quarter", pub, raw)
    m = re.fullmatch(rf"(this past|this|last|next|the|past) ({'|'.join(_SEASONS)})", core) or \
        re.fullmatch(rf"({'|'.join(_SEASONS)})", core)
    if m:
        rel, season = (m.group(1), m.group(2)) if len(m.groups()) == 2 else ("this", m.group(1))
        y = pub.year + (-1 if rel in ("last", "past") else 1 if rel == "next" else 0)
        if rel == "this past" and {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[_SEASONS[season]] > pub.month:
            y -= 1
        return DateResolution(f"{y}-01-01", f"{y}-12-31", "season", "relative", raw, f"{y}-{_SEASONS[season]}")
    m = re.fullmatch(r"(?:his|her|their|the) (first|second|third|previous|last|current) (?:term|presidency|"
                     r"administration|tenure)", core)
    if m:
        return _term(m.group(1), terms, pub, raw)
    # ---- durations are not dates --------------------------------------------------------------------
    if re.search(rf"\b{_DURATION_UNITS}\b", core) and not re.search(r"\b(ago|earlier|later|before|after)\b", core):
        return None
    # ---- literal dates in other formats: dateparser, relative to the publication date ----------------
    if re.search(rf"\b{_MONTH_RE}", core) or re.fullmatch(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", core):
        return _dateparser(core, raw, pub, future)
    return None


def _year_earlier_period(pub: dt.date, raw: str) -> DateResolution:
    """'the year-earlier quarter' in results news: the latest completed quarter, a year before."""
    cur = (pub.month - 1) // 3 + 1
    idx = (pub.year - 1) * 4 + (cur - 1) - 1
    return _quarter(idx // 4, idx % 4 + 1, raw, "relative")


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


_FIXED_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
                   "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
                   "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
                   "bastille day": (7, 14), "boxing day": (12, 26), "may day": (5, 1)}


_HOLIDAY_NAME = re.compile(r"\b(?:christmas|new year's|thanksgiving|easter|halloween|independence day|"
                           r"valentine's day|bastille day|boxing day|may day)\b", re.IGNORECASE)


def _holiday(core: str, pub: dt.date, future: bool, raw: str) -> DateResolution | None:
    """Holidays: the latest one on or before publication ('last Christmas'), or the next ('next Easter')."""
    m = re.fullmatch(r"(?:(last|this|next|this past|past|coming) )?(.+?)(?: (?:day|weekend|holiday))?", core)
    if not m:
        return None
    rel, name = m.group(1), m.group(2)

    def on(year: int) -> dt.date | None:
        if name in _FIXED_HOLIDAYS:
            mo, d = _FIXED_HOLIDAYS[name]
            return dt.date(year, mo, d)
        if name == "thanksgiving":
            return _thanksgiving(year)
        if name in ("easter", "easter sunday"):
            return _easter(year)
        return None

    this = on(pub.year)
    if this is None:
        return None
    forward = rel in ("next", "coming") or (future and rel is None)
    if forward:
        day = this if this >= pub else on(pub.year + 1)
    else:
        day = this if this <= pub else on(pub.year - 1)
    return _day(day, raw, "relative") if day else None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True


def _safe_day(y: int, m: int, d: int, raw: str, basis: str) -> DateResolution | None:
    try:
        return _day(dt.date(y, m, d), raw, basis)
    except ValueError:
        return None


_PARTS_OF_DAY = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI"}


def _with_time(res: DateResolution, part: str | None, clock: str | None) -> DateResolution:
    """Add a time of day to a day's TIMEX value: 'Friday night' → 2000-01-07TNI, '9 a.m. Tuesday' → T09:00."""
    if clock:
        m = re.fullmatch(r"(\d{1,2})(?::(\d\d))? ?([ap])\.?m\.?", clock.strip())
        if m:
            h = int(m.group(1)) % 12 + (12 if m.group(3) == "p" else 0)
            return replace(res, value=f"{res.value}T{h:02d}:{m.group(2) or '00'}")
    if part:
        return replace(res, value=f"{res.value}{_PARTS_OF_DAY[part]}")
    return res


def _weekday(core: str, pub: dt.date, future: bool, raw: str) -> DateResolution | None:
    m = re.fullmatch(rf"(\d{{1,2}}(?::\d\d)? ?[ap]\.?m\.?(?: [a-z]{{3}})? )?(?:(last|this|next|this past|past|coming|"
                     rf"this coming|early|late) )?({'|'.join(WEEKDAYS)})(?:'s)?"
                     r"(?: (morning|afternoon|evening|night)(?:'s)?)?", core)
    if not m:
        return None
    clock, rel, name, part = m.group(1), m.group(2), m.group(3), m.group(4)
    res = _weekday_day(rel, name, pub, future, raw)
    return _with_time(res, part, clock)


def _weekday_day(rel: str | None, name: str, pub: dt.date, future: bool, raw: str) -> DateResolution:
    target = WEEKDAYS.index(name)
    if rel in ("next", "coming", "this coming") or (future and rel not in ("last", "past", "this past")):
        delta = (target - pub.weekday()) % 7
        if rel == "next" and delta == 0:
            delta = 7
        return _day(pub + dt.timedelta(days=delta), raw)
    delta = (pub.weekday() - target) % 7
    if rel in ("last", "past", "this past") and delta == 0:
        delta = 7
    return _day(pub - dt.timedelta(days=delta), raw)


def _relative_unit(rel: str, unit: str, pub: dt.date, raw: str) -> DateResolution:
    step = {"last": -1, "past": -1, "previous": -1, "the previous": -1, "the past": -1,
            "next": 1, "coming": 1, "the coming": 1, "following": 1, "preceding": -1}.get(rel, 0)
    if unit == "week":
        return _week(pub + dt.timedelta(weeks=step), raw)
    if unit == "weekend":
        sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7) if step <= 0 else \
            pub + dt.timedelta(days=(5 - pub.weekday()) % 7 or 7)
        if step < 0 and (pub - sat).days < 2:
            sat -= dt.timedelta(weeks=1)
        iso = sat.isocalendar()
        return DateResolution(_iso(sat), _iso(sat + dt.timedelta(days=1)), "week", "relative", raw,
                              f"{iso[0]:04d}-W{iso[1]:02d}-WE")
    if unit == "month":
        y, m = _shift_month(pub.year, pub.month, step)
        return replace(_month(y, m, raw, "relative"))
    if unit == "quarter":
        cur = (pub.month - 1) // 3 + 1
        if rel == "the":  # "the quarter" in earnings news: the latest completed quarter
            step = -1
        idx = pub.year * 4 + (cur - 1) + step
        return _quarter(idx // 4, idx % 4 + 1, raw, "relative")
    if unit == "decade":
        d = pub.year // 10 + step
        return DateResolution(f"{d}0-01-01", f"{d}9-12-31", "decade", "relative", raw, f"{d:03d}")
    return _year(pub.year + step, raw, "relative")


def _ago(n: int, unit: str, pub: dt.date, raw: str) -> DateResolution:
    if unit == "day":
        return _day(pub - dt.timedelta(days=n), raw)
    if unit == "week":
        return _week(pub - dt.timedelta(weeks=n), raw)
    if unit == "month":
        y, m = _shift_month(pub.year, pub.month, -n)
        return _month(y, m, raw, "relative")
    if unit == "quarter":
        cur = (pub.month - 1) // 3 + 1
        idx = pub.year * 4 + (cur - 1) - n
        return _quarter(idx // 4, idx % 4 + 1, raw, "relative")
    if unit == "decade":
        return _year(pub.year - 10 * n, raw, "relative")
    return _year(pub.year - n, raw, "relative")


def _term(which: str, terms: list[tuple[dt.date, dt.date | None]] | None, pub: dt.date,
          raw: str) -> DateResolution | None:
    if not terms:
        return None
    ordered = sorted(terms, key=lambda t: t[0])
    if which in ("previous", "last"):
        done = [t for t in ordered if t[1] is not None and t[1] < pub]
        pick = done[-1] if done else None
    elif which == "current":
        pick = next((t for t in ordered if t[0] <= pub and (t[1] is None or pub <= t[1])), None)
    else:
        n = _ORDINALS[which]
        pick = ordered[n - 1] if len(ordered) >= n else None
    if pick is None:
        return None
    start, end = pick
    return DateResolution(_iso(start), _iso(end) if end else None, "range", "relative", raw, None)


def _dateparser(core: str, raw: str, pub: dt.date, future: bool) -> DateResolution | None:
    import dateparser

    settings = {"RELATIVE_BASE": dt.datetime(pub.year, pub.month, pub.day),
                "PREFER_DATES_FROM": "future" if future else "past", "REQUIRE_PARTS": ["month"],
                "PREFER_DAY_OF_MONTH": "first"}
    try:
        parsed = dateparser.parse(core, languages=["en"], settings=settings)
    except Exception:  # noqa: BLE001 — dateparser raises assorted errors on odd input
        return None
    if parsed is None:
        return None
    has_day = bool(re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b", re.sub(r"\b(1[5-9]|20)\d\d\b", "", core)))
    if has_day:
        return _day(parsed.date(), raw, "explicit")
    return _month(parsed.year, parsed.month, raw, "explicit")


# ---- the DATE expressions attached to an event's trigger ------------------------------------------------
_TERM_NOUNS = frozenset({"term", "presidency", "tenure"})
_SCOPE_DEPS = frozenset({"npadvmod", "prep", "tmod", "obl"})
_TERM_MEMO: dict[int, bool] = {}  # lemma hash → is a term noun


def _date_index(doc: "Doc") -> tuple[list[int], list[tuple[int, int, int, str]], list[int]]:
    """Once per doc: DATE/TIME entities (start, end, root, label) with their starts, and the 'term' nouns."""
    index = doc.user_data.get("eventwire.date_index")
    if index is None:
        from spacy.attrs import ENT_TYPE, LEMMA

        ents = [(e.start, e.end, e.root.i, e.label_) for e in doc.ents if e.label_ in ("DATE", "TIME")]
        terms: list[int] = []
        if len(doc):
            strings = doc.vocab.strings
            lemmas, ent_types = doc.to_array([LEMMA, ENT_TYPE]).T.tolist()  # columns: no list per token
            for h in set(lemmas) - _TERM_MEMO.keys():
                _TERM_MEMO[h] = strings[h].lower() in _TERM_NOUNS
            terms = [i for i, (lemma, ent) in enumerate(zip(lemmas, ent_types)) if _TERM_MEMO[lemma] and not ent]
        index = doc.user_data["eventwire.date_index"] = ([e[0] for e in ents], ents, terms)
    return index


def attached_dates(sent: "Span", trigger: "Token") -> list["Span"]:
    """DATE/TIME entities (and 'his first term' phrases) of ``sent`` attached to ``trigger``, nearest first.

    Attached: inside the trigger's subtree, or inside a temporal modifier (npadvmod, prep, tmod, obl) of the
    verb that governs it when the trigger is its complement. The doc's entities are indexed once per doc.
    """
    from bisect import bisect_left

    from spacy.tokens import Span

    doc = sent.doc
    starts, ents, terms = _date_index(doc)
    anchor = trigger.head if trigger.dep_ in ("xcomp", "ccomp", "dobj", "pobj") else trigger

    def in_scope(i: int) -> bool:
        tok = doc[i]
        while True:
            if tok.i == trigger.i:
                return True
            head = tok.head
            if head.i == anchor.i and tok.i != anchor.i and tok.dep_ in _SCOPE_DEPS:
                return True
            if head.i == tok.i:
                return False
            tok = head

    found: list[Span] = []
    for start, end, root, label in ents[bisect_left(starts, sent.start):]:
        if start >= sent.end:
            break
        if end <= sent.end and in_scope(root):
            found.append(Span(doc, start, end, label=label))
    for i in terms:
        if sent.start <= i < sent.end and in_scope(i):
            found.append(doc[doc[i].left_edge.i:i + 1])
    found.sort(key=lambda e: abs(e.root.i - trigger.i))
    return found


def publication_default(pub: dt.date | None) -> DateResolution:
    """The date of an event with no temporal expression: the publication date, precision 'reported'."""
    if pub is None:
        return DateResolution(date=None, precision="unknown", basis="none")
    return DateResolution(date=pub.isoformat(), value=pub.isoformat())


def resolve_event_date(date_texts: list[str], pub: dt.date | None, *, future: bool = False, past: bool = False,
                       terms: list[tuple[dt.date, dt.date | None]] | None = None) -> DateResolution:
    """The date of an event given the DATE expressions attached to it (nearest first).

    Vague references (PAST_REF, ...) are skipped in favour of a later, resolvable expression; when none
    resolves to a date, the event gets the publication date with precision 'reported'.
    """
    for text in date_texts:
        resolved = resolve_expression(text, pub, future=future, past=past, terms=terms)
        if resolved is not None and resolved.date is not None:
            return resolved
    return publication_default(pub)


# ---- finding temporal expressions in a parsed doc ------------------------------------------------------
_YEAR_BACK = re.compile(r"(?:a|one) year (?:ago|earlier)|(?:the )?year[- ](?:ago|earlier)")
# Words of company-results news, where "a year ago" means the same reporting period a year before.
_RESULTS_WORDS = frozenset({"quarter", "period", "earnings", "profit", "revenue", "sales", "income", "loss", "share"})
_HOLIDAY_WORDS = frozenset({"christmas", "thanksgiving", "easter", "halloween"})
_DAY_WORDS = frozenset({"today", "yesterday", "tomorrow", "tonight"})
_REF_WORDS = frozenset({"now", "currently", "recently", "current", "nowadays", "lately", "future",
                        })
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_IRREALIS_AUX = frozenset({"to", "would", "might", "may", "could", "should", "can", "must", "ca"})
_REPORTING = frozenset({"say", "tell", "report", "announce", "state", "claim", "add", "be", "have"})
_FUTURE_VERBS = frozenset({"plan", "schedule", "expect", "intend", "set"})


def _governing_verb(token: "Token") -> "Token":
    head = token
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    return head


# Heads whose "to"-infinitive looks forward even in a past-tense clause ("planned to leave on Thursday").
_FORWARD_HEADS = frozenset({"plan", "schedule", "expect", "intend", "set", "agree", "promise", "vow", "pledge",
                            "decide", "hope", "threaten", "prepare", "aim", "want", "propose", "vote", "order",
                            "ask", "urge", "invite", "call", "be", "due", "likely", "ready", "go"})


_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "time", "day", "week"})


def _noun_modifier(token: "Token") -> bool:
    """A date that modifies a noun ("Tuesday's ruling", "the Oct. 23 slaying", "a June agreement")."""
    head = token.head
    return token.dep_ in ("poss", "compound", "nmod", "amod") and head.pos_ in ("NOUN", "PROPN") and \
        token.i < head.i and head.ent_type_ not in ("DATE", "TIME") and head.lower_ not in _DAY_PARTS


def _explicit_future(verb: "Token") -> bool:
    return any(c.lower_ in _FUTURE_AUX and c.dep_ == "aux" for c in verb.children)


def _is_past_verb(verb: "Token") -> bool:
    if verb.tag_ == "VBD":
        return True
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not any(c.lower_ == "for" for c in verb.children):
        return True  # a reduced relative: "the record set on Aug. 6", "the quarter ended Sept. 30"
    if verb.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") for c in verb.children):
        return True  # a singular subject with a base-form verb: an irregular past ("Weakness hurt the index")
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" and c.lower_ != "would" for c in verb.children)


def _infinitive_in_past(verb: "Token") -> bool:
    """A 'to'-infinitive under a past-tense verb that does not look forward ("staged rallies to mark X Friday")."""
    if verb.tag_ != "VB" or not any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        return False
    up = verb.head
    return up.i != verb.i and _is_past_verb(up) and up.lemma_.lower() not in _FORWARD_HEADS


def is_future_clause(token: "Token") -> bool:
    """Whether the clause governing ``token`` is about the future ("will meet", "is scheduled to meet")."""
    verb = _governing_verb(token)
    if _noun_modifier(token) or _infinitive_in_past(verb):
        return _explicit_future(verb)  # "after Wednesday's ruling": the event named is usually past
    if verb.tag_ in ("VBD",) or _is_past_verb(verb):
        return False
    if any(c.lower_ in _FUTURE_AUX and c.dep_ == "aux" for c in verb.children):
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VB" and any(c.lower_ in _IRREALIS_AUX for c in aux) and \
            not any(c.lower_ in ("have", "'ve") for c in aux):
        return True  # "planned to leave on Thursday", "might come as soon as Tuesday"
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in _REPORTING and not aux:
        return True  # present simple with a day: a schedule ("meet separately Monday")
    if verb.tag_ == "VBG" and any(c.lower_ in ("is", "are", "'s", "'re", "am") for c in aux):
        return True  # "is meeting Tuesday"
    up = verb.head if verb.dep_ == "xcomp" else verb
    if up.tag_ in ("VBZ", "VBP", "VBN") and up.lemma_.lower() in _FUTURE_VERBS and \
            not any(c.tag_ == "VBD" or c.lower_ in ("was", "were", "had") for c in up.children):
        return True
    return any(t.lower_ == "going" and t.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in t.children)
               for t in (verb, up))


def is_past_clause(token: "Token") -> bool:
    """Whether the clause governing ``token`` is in the past tense ("met", "had said", "was killed")."""
    verb = _governing_verb(token)
    if _is_past_verb(verb):
        return True
    return (_noun_modifier(token) or _infinitive_in_past(verb)) and not _explicit_future(verb)


def _sub_expressions(span: "Span", pub: dt.date | None) -> list[tuple["Span", DateResolution]]:
    """Resolvable pieces of a long DATE span ("the quarter ended Sept. 30" → "the quarter", "Sept. 30")."""
    found: list[tuple["Span", DateResolution]] = []
    i = span.start
    while i < span.end:
        for j in range(min(span.end, i + 5), i, -1):
            sub = span.doc[i:j]
            if sub[0].is_punct or sub[-1].is_punct or sub.text.lower() in ("the", "a", "this", "last"):
                continue
            res = resolve_expression(sub.text, pub, future=is_future_clause(sub.root), past=is_past_clause(sub.root))
            if res is not None and (res.precision != "ref" or len(sub) > 1):
                found.append((sub, res))
                i = j
                break
        else:
            i += 1
    return found


def temporal_expressions(doc: "Doc", pub: dt.date | None) -> list[tuple["Span", DateResolution]]:
    """Every DATE expression of ``doc`` that resolves, with its resolution (spaCy DATE spans plus 'now'-words)."""
    from .quotes import sentence_of

    out: list[tuple["Span", DateResolution]] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") and not (ent.label_ == "EVENT" and _HOLIDAY_NAME.search(ent.text)):
            continue
        res = resolve_expression(ent.text, pub, future=is_future_clause(ent.root), past=is_past_clause(ent.root))
        if res is not None and pub is not None and res.precision == "year" and \
                _YEAR_BACK.fullmatch(ent.text.lower()) and \
                any(t.lemma_.lower() in _RESULTS_WORDS for t in sentence_of(ent.root)):
            res = _year_earlier_period(pub, ent.text)  # "profit rose from $3 million a year ago" in results news
        if res is not None:
            out.append((ent, res))
            taken.update(range(ent.start, ent.end))
        elif len(ent) > 2 and not re.search(rf"\b{_DURATION_UNITS}$", ent.text.lower()):
            for sub, sub_res in _sub_expressions(ent, pub):
                out.append((sub, sub_res))
                taken.update(range(sub.start, sub.end))
    for tok in doc:
        if tok.i in taken or tok.ent_type_ in ("DATE", "TIME", "PERSON", "ORG", "EVENT", "FAC", "WORK_OF_ART"):
            continue
        if tok.lower_ in _DAY_WORDS or (tok.lower_ in WEEKDAYS and tok.text[0].isupper()) or \
                (re.fullmatch(r"(?:1[89]|20)\d\d", tok.text) and tok.i > 0
                 and doc[tok.i - 1].lower_ in ("in", "since", "until", "by", "of", "from", "to", "and")):
            span = doc[tok.i:tok.i + 1]
            res = resolve_expression(span.text, pub, future=is_future_clause(tok), past=is_past_clause(tok))
            if res is not None:
                out.append((span, res))
            continue
        if tok.lower_ in _HOLIDAY_WORDS and tok.text[0].isupper():  # "last Thanksgiving", missed by NER
            first = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ in ("last", "next", "this", "past") else tok.i
            span = doc[first:tok.i + 1]
            res = resolve_expression(span.text, pub, future=is_future_clause(tok), past=is_past_clause(tok))
            if res is not None:
                out.append((span, res))
            continue
        if tok.lower_ not in _REF_WORDS:
            continue
        if tok.lower_ == "future" and tok.pos_ != "NOUN":
            continue
        span = doc[tok.i - 1:tok.i + 1] if tok.lower_ == "future" else doc[tok.i:tok.i + 1]
        res = resolve_expression(span.text, pub)
        if res is not None:
            out.append((span, res))
    return _anaphoric(sorted(out, key=lambda p: p[0].start))


_ANAPHORIC = re.compile(r"\b(?:(?:that|the same) (year|month|day)|(?:the )?(following|preceding) (year|month|day)|"
                        r"the (next|previous) (year|month|day))$")


def _anaphoric(found: list[tuple["Span", DateResolution]]) -> list[tuple["Span", DateResolution]]:
    """'later that year', 'the following year', 'earlier that day': relative to the date last named, not to
    publication. The reference is the latest explicit date before the expression (a year, month or day)."""
    out: list[tuple["Span", DateResolution]] = []
    ref: DateResolution | None = None
    for span, res in found:
        m = _ANAPHORIC.search(span.text.lower().rstrip(" .,"))
        if m and ref is not None and ref.date is not None:
            unit = m.group(1) or m.group(3) or m.group(5)
            rel = m.group(2) or m.group(4) or ""
            step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(rel, 0)
            anchor = dt.date.fromisoformat(ref.date)
            if unit == "year":
                res = _year(anchor.year + step, res.text or span.text, "relative")
            elif unit == "month" and ref.precision in ("day", "month"):
                y, mo = _shift_month(anchor.year, anchor.month, step)
                res = _month(y, mo, res.text or span.text, "relative")
            elif unit == "day" and ref.precision == "day":
                res = _day(anchor + dt.timedelta(days=step), res.text or span.text)
        elif res.basis == "explicit" and res.precision in ("day", "month", "year"):
            ref = res
        out.append((span, res))
    return out
