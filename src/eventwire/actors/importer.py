"""Import CAMEO/TABARI/PETRARCH actor and agent dictionaries into eventwire's TSV format.

Actor files (``*.actors.txt``) look like::

    VLADIMIR_PUTIN_  # comment
    +PUTIN_
    +PRESIDENT_VLADIMIR_PUTIN_
    \t[RUSGOV 000507-080507]
    \t[RUSELI]
    NATO_ [IGOWSTNAT]

A root phrase (words joined by ``_``), ``+`` synonyms, then codes either on the
root line or on tab-indented lines. A code may carry a date restriction:
``yymmdd-yymmdd`` (range), ``>yymmdd`` (from), ``<yymmdd`` (until), spaces allowed (``< 950601``); an undated
code is the default outside the dated ranges. A root with no code takes the codes
of the root before it. Agent files (``Phoenix.agents.txt``) map role words to
sector codes: ``FARMER [~AGR]``, with ``!NAME! = A, B`` substitution macros. Discard files
(``Phoenix.discards.txt``) list phrases that make a sentence (``+``: a story) not codable (``read_discard_file``).

Phoenix international codes (``IGOUNO``, ``IGOEUR``, ``IGOWSTNAT``) are mapped to
eventwire's organisation codes (``UN``, ``EU``, ``NATO``); see docs/actors.md.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DictionaryError
from .dictionary import Entry

_CODE = re.compile(r"\[([^\]]*)\]")
_MACRO = re.compile(r"^!(\w+)!\s*=\s*(.+)$")

# Phoenix/CAMEO IGO prefixes → eventwire organisation codes (longest prefix first).
IGO_CODES: dict[str, str] = {
    "IGOWSTNAT": "NATO",
    "IGOUNOIAEA": "IAEA",
    "IGOUNOIAE": "IAEA",  # Phoenix writes the IAEA with 3-letter parts
    "IGOUNO": "UN",
    "IGOEUREEC": "EU",
    "IGOEUROSC": "OSCE",
    "IGOEUR": "EU",
    "IGOAFRAFU": "AU",
    "IGOAFR": "AU",
    "IGOBUSIMF": "IMF",
}


def _date(text: str) -> dt.date:
    """PETRARCH dates: yymmdd (yy <= 30 → 20yy) or yyyymmdd."""
    text = text.strip()
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(text)
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    return dt.date(year, max(month, 1), max(day, 1))


def parse_code(raw: str) -> tuple[str, dt.date | None, dt.date | None]:
    """'RUSGOV 000507-080507' → ('RUSGOV', 2000-05-07, 2008-05-07); raises ValueError when malformed."""
    parts = raw.split()
    if not parts:
        raise ValueError("empty code")
    code = parts[0].strip()
    if len(parts) == 1:
        return code, None, None
    restriction = "".join(parts[1:])  # '< 950601', '19950601 - 19990815': spaces inside are allowed
    if restriction.startswith(">"):
        return code, _date(restriction[1:]), None
    if restriction.startswith("<"):
        return code, None, _date(restriction[1:])
    if "-" in restriction:
        a, b = restriction.split("-", 1)
        return code, _date(a), _date(b)
    raise ValueError(raw)


# Phoenix codes for countries that ISO 3166 codes otherwise: East Timor (TMP, now TLS), Angola (ANG in two UNITA rows)
NON_ISO = {"TMP": "TLS", "ANG": "AGO"}


def convert_code(code: str) -> str | None:
    """Phoenix code → eventwire code; None for codes without an actor (e.g. bare '---').

    A compound code ``[FRO/BIL/SAM]`` (TABARI: the phrase names several actors, each an event of its own) keeps its
    members, each converted, joined by '/'; the evaluation expands them (``scoring.expand_compound``)."""
    if "/" in code:
        members = [convert_code(m) for m in code.split("/")]
        return "/".join(members) if all(members) and len(members) > 1 else None  # type: ignore[arg-type]
    code = code.strip().upper().replace("---", "")
    for prefix in sorted(IGO_CODES, key=len, reverse=True):
        if code.startswith(prefix):
            return IGO_CODES[prefix] + code[len(prefix):]
    if len(code) < 3 or not code.isalpha():
        return None
    if code.startswith("KSV"):  # Phoenix's Kosovo code → XKX, the code in common use (not in ISO 3166)
        code = "XKX" + code[3:]
    if code[:3] in NON_ISO:  # Phoenix's own codes for countries that have an ISO 3166 one
        code = NON_ISO[code[:3]] + code[3:]
    return code


def phrase(raw: str) -> str:
    """'PRESIDENT_VLADIMIR_PUTIN_' → 'President Vladimir Putin'."""
    words = [w for w in raw.strip().strip("+").replace("_", " ").split() if w]
    if len(words) == 1 and len(words[0].replace(".", "")) <= 3:
        return words[0].upper()  # acronyms: US, UN, FSB, U.N.
    return " ".join(w if any(c.isdigit() for c in w) else w[:1].upper() + w[1:].lower() for w in words)


def _decode(data: bytes) -> str:
    """Old dictionaries mix UTF-8 and Windows-1252 lines; decode each line with whichever works."""
    lines = []
    for raw in data.split(b"\n"):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
    return "\n".join(lines)


def _read_text(path: Path | str, what: str) -> str:
    """A dictionary file's text (encoding guessed by ``_decode``), or a DictionaryError naming the file."""
    try:
        return _decode(Path(path).read_bytes())
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read the {what} ({exc})") from exc


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def read_actor_file(path: Path | str, kind: str = "actor", source: str | None = None,
                    text: str | None = None) -> list[Entry]:
    """Parse one CAMEO/TABARI/PETRARCH ``.actors`` file into dated entries."""
    name = str(path)
    text = _read_text(path, "actor dictionary") if text is None else text
    source = source or Path(name).name
    entries: list[Entry] = []
    groups = list(_groups(text.splitlines()))
    if not groups:
        raise DictionaryError(f"{name}: no actor entries found; is this a CAMEO/PETRARCH .actors file?")
    previous_codes: list[tuple[str, dt.date | None, dt.date | None]] = []
    for root, synonyms, codes, same_line in groups:
        if not codes:
            codes = previous_codes
        previous_codes = codes
        root_name = phrase(root)
        for raw_code, start, end in codes:
            code = convert_code(raw_code)
            if code is None:
                continue
            entry_kind = kind
            if kind == "actor":
                if len(code) == 3 and code not in ("IGO", "NGO", "MNC"):
                    entry_kind = "country"
                elif any(s or e for _, s, e in codes):
                    entry_kind = "person"
                if code.startswith(("UN", "EU", "AU", "NATO", "IGO", "OSCE", "IAEA", "IMF")) and not same_line:
                    entry_kind = "igo" if not any(s or e for _, s, e in codes) else "person"
                elif code.startswith(("UN", "EU", "AU", "NATO", "IGO", "OSCE", "IAEA", "IMF")):
                    entry_kind = "igo"
            for alias in [root] + synonyms:
                a = phrase(alias)
                if len(a) < 2 or "(" in a or ")" in a or not a.isprintable():
                    continue  # control characters are bytes lost in an old encoding ("Z\x1aroual"): no such name
                entries.append(Entry(code, a, start, end, root_name, entry_kind, source))
    return _dedupe(entries)


def _groups(lines: Iterable[str]) -> Iterator[tuple[str, list[str], list[tuple[str, dt.date | None, dt.date | None]], bool]]:
    root: str | None = None
    synonyms: list[str] = []
    codes: list[tuple[str, dt.date | None, dt.date | None]] = []
    same_line = False
    for raw in lines:
        if raw.lstrip().startswith("#"):
            continue
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if line.strip().startswith("<"):  # XML-ish markers in some dictionaries
            continue
        if raw[:1] in (" ", "\t") and "[" in line:
            codes.extend(_codes(line))
            continue
        if line.startswith("+"):
            if root is not None:
                synonyms.append(_CODE.sub("", line[1:]).strip())
                codes.extend(_codes(line))
            continue
        if root is not None:
            yield root, synonyms, codes, same_line
        head = _CODE.sub("", line).strip()
        root, synonyms, codes = head, [], _codes(line)
        same_line = bool(codes)
    if root is not None:
        yield root, synonyms, codes, same_line


def _codes(line: str) -> list[tuple[str, dt.date | None, dt.date | None]]:
    out = []
    for m in _CODE.finditer(line):
        try:
            out.append(parse_code(m.group(1)))
        except ValueError:
            continue  # malformed restriction in the source file: skip that one code
    return out


def _dedupe(entries: list[Entry]) -> list[Entry]:
    seen: set[tuple[str, str, dt.date | None, dt.date | None]] = set()
    out = []
    for e in entries:
        key = (e.code, e.alias.lower(), e.valid_from, e.valid_to)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def read_agent_file(path: Path | str, text: str | None = None, regular_plurals: bool = False,
                    prefix_agents: bool = False) -> dict[str, str]:
    """Parse a PETRARCH agents file: role phrase (lower case) → sector code(s), e.g. 'farmer' → 'AGR'.

    ``GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]``: the braces hold irregular plurals, which are role phrases too.
    ``regular_plurals``: as PETRARCH reads the file, a phrase without braces also gets its regular plural
    ('congress' → 'congresses', 'authority' → 'authorities', see ``regular_plural``), and empty braces
    (``POLICE {}``) mean it has none; off by default, where the resolver's own plural matching does this.
    ``prefix_agents``: also keep agents whose code goes before the country (``MSF [NGO~]`` → 'msf' → 'NGO~';
    the resolver writes NGO + country: "MSF Arnor" → NGOARN); off by default (the shipped agents.tsv has none)."""
    text = _read_text(path, "agent dictionary") if text is None else text
    macros: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in text.splitlines():
        line = _strip_comment(raw).strip()
        if not line:
            continue
        m = _MACRO.match(line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = [c.strip() for c in _CODE.findall(line)]
        prefixes = [c for c in codes if prefix_agents and c.endswith("~") and c[:-1].isalpha()]  # [NGO~]
        codes = [c[1:] for c in codes if c.startswith("~") and c[1:].isalpha()] + prefixes
        if not codes:
            continue
        pattern = re.sub(r"\{[^}]*\}", "", _CODE.sub("", line)).strip()
        plurals = [p for braces in re.findall(r"\{([^}]*)\}", line) for p in braces.split()]  # GOOSE {GEESE}
        if regular_plurals and "{" not in line and pattern and "!" not in pattern:  # macros list their forms
            plurals.append(regular_plural(pattern))
        for form in [f for p in [pattern, *plurals] for f in _expand(p, macros)]:
            words = form.replace("_", " ").lower().split()
            if words:
                out.setdefault(" ".join(words), codes[0])
    return out


def regular_plural(phrase: str) -> str:
    """The regular English plural of a phrase's last word, as PETRARCH forms it for an agent without braces:
    +ES after S, X, Z, CH, SH; Y after a consonant → IES; else +S ('CONGRESS' → 'CONGRESSES')."""
    m = re.search(r"([A-Za-z]+)(\W*)$", phrase)
    if not m:
        return phrase
    word, tail = m.group(1), m.group(2)
    low = word.lower()
    if low.endswith(("s", "x", "z", "ch", "sh")):
        plural = word + ("ES" if word.isupper() else "es")
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        plural = word[:-1] + ("IES" if word.isupper() else "ies")
    else:
        plural = word + ("S" if word.isupper() else "s")
    return phrase[:m.start()] + plural + tail


def _expand(pattern: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!(\w+)!", pattern)
    if not m:
        return [pattern]
    options = macros.get(m.group(1), [])
    out = []
    for opt in options:
        out.extend(_expand(pattern[:m.start()] + opt + pattern[m.end():], macros))
    return out


@dataclass(frozen=True)
class Discards:
    """A PETRARCH/TABARI discard list: phrases that mark a sentence (or, with ``+``, a whole story) as not
    political news ("BASEBALL", "+TYPHOON"), so nothing is coded from it."""

    sentence: tuple[str, ...] = ()
    story: tuple[str, ...] = ()

    def _pattern(self) -> re.Pattern[str] | None:
        phrases = sorted(set(self.sentence + self.story), key=len, reverse=True)
        if not phrases:
            return None
        words = [r"\s+".join(re.escape(w) for w in p.split()) for p in phrases]
        return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)

    def match(self, text: str) -> str | None:
        """The discard phrase found in ``text`` (whole words, any case), or None."""
        pattern = self._pattern()
        m = pattern.search(text) if pattern else None
        return m.group(0) if m else None


def read_discard_file(path: Path | str, text: str | None = None) -> Discards:
    """Parse a PETRARCH ``discards`` file: one phrase a line, ``+`` for story-level, ``#`` comments, ``_`` = space."""
    text = _read_text(path, "discard list") if text is None else text
    sentence, story = [], []
    for raw in text.splitlines():
        line = _strip_comment(raw).split(";", 1)[0].strip()
        if not line or line.startswith("<"):
            continue
        target = story if line.startswith("+") else sentence
        words = " ".join(line.lstrip("+").replace("_", " ").split())
        if words:
            target.append(words)
    return Discards(tuple(sentence), tuple(story))
