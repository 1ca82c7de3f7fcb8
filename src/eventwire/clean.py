"""Cleaning wire-story text before sentence splitting.

Line-aware: whole lines that are boilerplate (promo, copyright, editor's notes,
photo credits, bylines) are dropped, and agency/dateline prefixes are cut from
the start of the first lines that carry them. Anything that looks like a real
sentence is kept: a line is dropped only when one of the patterns below matches
it entirely.
"""

from __future__ import annotations

import re
import unicodedata

_DASH = r"[-\u2013\u2014\u2012]+"
_AGENCIES = (
    r"Reuters|AP|Associated Press|AFP|Agence France-Presse|Bloomberg|UPI|dpa|DPA|Xinhua|Interfax|TASS|"
    r"Tass|CNN|BBC|Al Jazeera|Anadolu|ANI|PTI|IANS|Kyodo|Yonhap|EFE|ANSA|RIA Novosti|Sputnik|"
    r"The Associated Press|AFP-JIJI|Jiji|EventWire"
)

# "(Bloomberg) -- ", "WASHINGTON (Reuters) - ", "MOSCOW, Nov 8 (Reuters) - ", "KYIV, Ukraine (AP) — ",
# "PARIS, Jan. 3 (AFP) - ", "BEIJING, Dec. 2 (Xinhua) -- "
_PREFIX = re.compile(
    rf"^\s*(?:[A-Z][A-Z .'\u2019-]{{1,40}}(?:,\s*[A-Z][A-Za-z .]{{1,30}})?(?:,\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*)?"
    rf"\((?:{_AGENCIES})\)\s*(?:{_DASH}|:)\s*"
)
# "MOSCOW — ", "KYIV, Ukraine — ", "MOSCOW, March 3 - ", "GENEVA, Jan. 3, 2025 -- ": dateline without an agency.
_DATELINE = re.compile(
    rf"^\s*[A-Z][A-Z .'\u2019-]{{2,40}}(?:,\s*[A-Z][A-Za-z .]{{1,30}}?)?"
    rf"(?:,?\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)?\s*(?:{_DASH}|:)\s+(?=[A-Z\"\u201c])"
)
# "Raipur, India - ": a title-case "Place, Country" dateline before a dash. A bare "Israel - Hamas talks" or
# "Putin: We will ..." is no dateline, so the country is required.
_PLACE_DATELINE = re.compile(
    rf"^\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}},\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s+(?:{_DASH})\s+(?=[A-Z\"\u201c])"
)

# "Guwahati: Former Assam chief minister ... has said": a title-case city and a colon (Indian and Pakistani papers).
# "Putin: We will win" is a headline and "Salerno: He's got to worry" a transcript's speaker, so the name must be a
# city the gazetteer knows under that very name, big enough to carry a dateline, and what follows must be a
# sentence of its own (6 words or more) that begins with neither a quote nor a pronoun.
_COLON_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}):\s+"
    r"(?![\"\u201c'\u2018]|(?:I|We|My|Our|Us|He|She|It|They|You|His|Her|Its|Their|Your)\b)(?=[A-Z])"
)
_DATELINE_MIN_POPULATION = 100_000
_DATELINE_MIN_WORDS = 6

_DROP_LINE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^\s*most read from\b.*$",
        r"^\s*(?:read|see|watch|listen)(?: more| also)?\s*:.*$",
        r"^\s*(?:related|recommended)\s*:.*$",
        r"^\s*sign up (?:for|to)\b.*$",
        r"^\s*subscribe (?:to|now)\b.*$",
        r"^\s*(?:click|tap) here\b.*$",
        r"^\s*(?:©|\(c\)|copyright\b).*$",
        r"^.*\ball rights reserved\.?\s*$",
        r"^\s*\((?:updates|adds|recasts|corrects|rewrites|changes|writes through|refiles|updates with)\b[^)]*\)\s*$",
        r"^\s*\[?(?:editor'?s|editors'?)\s+note\b.*$",
        r"^\s*(?:photo|image|picture|file photo)\s*(?::|credit\b|by\b).*$",
        r"^.*\((?:photo|image)\s*(?:by|:|credit)[^)]*\)\s*$",
        r"^\s*(?:reporting|additional reporting|writing|editing) by\b.*$",
        r"^\s*(?:more stories like this|share this article|follow us on)\b.*$",
        r"^\s*(?:\u2014|--|-)?\s*with assistance from\b.*$",
        r"^\s*\(?(?:this story|this article) (?:has been|was) (?:corrected|updated|produced)\b.*$",
        r"^\s*©?\s*\d{4}\s+(?:Bloomberg|Reuters|The Associated Press|AFP)\b.*$",
        r"^\s*(?:advertisement|sponsored content)\s*$",
    )
]


# Bylines: "By John Smith and Jane Doe" (case-sensitive: every word of a name is capitalised).
_BYLINE = re.compile(
    r"^\s*(?:By|BY)\s+[A-Z][\w'-]*\.?(?:\s+[A-Z][\w'-]*\.?){0,3}"
    r"(?:(?:,|\s+and|,\s+and)\s+[A-Z][\w'-]*\.?(?:\s+[A-Z][\w'-]*\.?){0,3})*\s*$"
)


def normalize(text: str) -> str:
    """Unicode NFC, unified newlines, no control characters, no trailing spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    text = text.replace("\u00a0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def is_boilerplate(line: str) -> bool:
    """True if the whole line is agency boilerplate (promo, copyright, note, credit, byline)."""
    return bool(_BYLINE.match(line)) or any(p.match(line) for p in _DROP_LINE)


def strip_prefix(line: str) -> str:
    """Remove a leading dateline/agency prefix such as 'WASHINGTON (Reuters) - '."""
    stripped = _PREFIX.sub("", line, count=1)
    if stripped == line:
        stripped = _DATELINE.sub("", line, count=1)
    if stripped == line:
        stripped = _PLACE_DATELINE.sub("", line, count=1)
    if stripped == line:
        stripped = _strip_colon_dateline(line)
    return stripped


def _strip_colon_dateline(line: str) -> str:
    """Cut a title-case "City: " dateline (``_COLON_DATELINE``) when the gazetteer knows the city by that name."""
    match = _COLON_DATELINE.match(line)
    if match is None or len(line[match.end():].split()) < _DATELINE_MIN_WORDS:
        return line
    from .places import default_gazetteer, fold

    place = match.group("place")
    entry = default_gazetteer().lookup(place)
    if entry is None or entry.feature not in ("city", "region"):
        return line
    own_name = fold(entry.name) == fold(place)  # an alias only for a big city ("New Delhi" → Delhi; not "Hamas")
    if entry.feature == "city" and entry.population < _DATELINE_MIN_POPULATION * (1 if own_name else 10):
        return line
    if entry.feature == "region" and not own_name:
        return line
    return line[match.end():]


def clean_text(text: str) -> str:
    """Return article text without wire boilerplate; paragraphs stay separated by blank lines."""
    kept: list[str] = []
    for line in normalize(text).split("\n"):
        if not line.strip():
            if kept and kept[-1] != "":
                kept.append("")
            continue
        if is_boilerplate(line):
            continue
        line = strip_prefix(line).strip()
        if line:
            kept.append(line)
    return "\n".join(kept).strip()
