"""Reading articles from files, folders and stdin.

Supported inputs: ``.txt`` (one article), ``.html``/``.htm`` (one article, via
trafilatura), ``.jsonl``/``.ndjson``, ``.csv`` and ``.tsv`` (batches with fields text, date,
source, url, title, id), and ``-`` for stdin (JSONL when the first character is
``{``, else one plain-text article). Batches are streamed line by line, so memory
stays bounded whatever the file size. A malformed record yields a ``RecordError``
in the stream (the caller reports it) and the next records are still read.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import sys
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from .dates import parse_date
from .errors import DateError, InputError, RecordError
from .model import (  # without_lone_surrogates re-exported: files, Coder and the API clean alike
    Article,
    without_lone_surrogates,
)
from .settings import MAX_ARTICLE_CHARS

BATCH_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".tsv", ".tab"}
TABBED_SUFFIXES = {".tsv", ".tab"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ""}
ARTICLE_FIELDS = ("text", "date", "source", "url", "title", "id")
# Single-document inputs are read whole; above this, they must be split into a batch.
MAX_SINGLE_FILE_BYTES = 20 * 1024 * 1024
csv.field_size_limit(MAX_SINGLE_FILE_BYTES)

Item = Article | RecordError


class DecodingWarning(UserWarning):
    """Input was not valid UTF-8 and was decoded with a fallback encoding."""


class SkippedArticleWarning(UserWarning):
    """``eventwire.code_many`` skipped an article it cannot code (the message says which and why)."""


# Leading bytes of common non-text files: (signature, what it is).
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document (extract its text first, e.g. with pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive or Office document (unpack it or save it as text first)"),
    (b"\x1f\x8b", "a gzip archive (decompress it first)"),
    (b"BZh", "a bzip2 archive (decompress it first)"),
    (b"\xfd7zXZ\x00", "an xz archive (decompress it first)"),
    (b"SQLite format 3\x00", "an SQLite database (use --db for databases)"),
    (b"PAR1", "a Parquet file"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
# C0 control bytes that never occur in text (tab, newlines, form feed and escape are allowed).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b") + b"\x7f"
MAX_CONTROL_SHARE = 0.02


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is NUL (ASCII-range UTF-16 text), else None."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def sniff_encoding(head: bytes, name: str) -> str | None:
    """The encoding the first bytes of a file call for ('utf-16...'), None for UTF-8/cp1252 text.

    Raises InputError for binary content (images, archives, PDFs, databases, random bytes), naming
    what the file looks like so the user knows what to do instead.
    """
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    for signature, kind in _MAGIC:
        if head.startswith(signature):
            raise InputError(f"{name}: a binary file ({kind}), not text; give a text, HTML, JSONL, CSV or TSV "
                             f"file")
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16:
            return utf16
        raise InputError(f"{name}: looks like a binary file (NUL bytes); give a text, HTML, JSONL, CSV or TSV file")
    if head and sum(head.count(c) for c in _CONTROL) > MAX_CONTROL_SHARE * len(head):
        raise InputError(f"{name}: looks like a binary file (control bytes), not text; give a text, HTML, JSONL, "
                         f"CSV or TSV file")
    return None


def decode_bytes(data: bytes, name: str) -> str:
    """Decode bytes as UTF-8 (BOM allowed) or UTF-16/32 (BOM or NUL pattern); fall back to cp1252/latin-1
    with a warning. Binary content raises InputError."""
    wide = sniff_encoding(data[:8192], name)
    if wide:
        try:
            return data.decode(wide)
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: looks like {wide.upper()} text but byte {exc.start} is invalid; "
                             f"save it as UTF-8") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        for enc in ("cp1252", "latin-1"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            warnings.warn(
                f"{name}: not valid UTF-8 (byte {exc.start}); decoded as {enc}", DecodingWarning, stacklevel=2
            )
            return text
    raise InputError(f"{name}: cannot decode the file as UTF-8 or cp1252")


def _text_lines(raw: IO[bytes], name: str) -> Iterator[str]:
    """Stream decoded lines from a binary handle, checking for binary content first."""
    head = raw.read(8192)
    wide = sniff_encoding(head, name)
    try:
        if wide:
            encoding = wide
        else:
            head.decode("utf-8-sig")
            encoding = "utf-8-sig"
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the 8 KiB boundary is not an error.
        if exc.start < len(head) - 4:
            warnings.warn(f"{name}: not valid UTF-8; decoded as cp1252", DecodingWarning, stacklevel=2)
            encoding = "cp1252"
        else:
            encoding = "utf-8-sig"
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    buffer, lineno = "", 0
    chunk = head
    while chunk:
        buffer += _decode_chunk(decoder, chunk, name, encoding, lineno + buffer.count("\n") + 1)
        *lines, buffer = buffer.split("\n")
        lineno += len(lines)
        yield from (line + "\n" for line in lines)
        chunk = raw.read(1 << 16)
    buffer += _decode_chunk(decoder, b"", name, encoding, lineno + 1, final=True)
    if buffer:
        yield buffer


def _decode_chunk(decoder: codecs.IncrementalDecoder, chunk: bytes, name: str, encoding: str, line: int,
                  final: bool = False) -> str:
    """Decode one chunk; the first invalid bytes after a valid start are replaced by U+FFFD with one warning."""
    state = decoder.getstate()
    try:
        return decoder.decode(chunk, final=final)
    except UnicodeDecodeError:
        decoder.errors = "replace"
        decoder.setstate(state)
        text = decoder.decode(chunk, final=final)
        line += text[:max(text.find("\ufffd"), 0)].count("\n")
        label = "UTF-8" if encoding.startswith("utf-8") else encoding.upper()
        warnings.warn(f"{name}:{line}: bytes that are not valid {label} (first on this line) are replaced by "
                      f"U+FFFD; save the file as UTF-8", DecodingWarning, stacklevel=3)
        return text


def checked_text(text: Any, what: str = "record", *, empty_ok: bool = False) -> str:
    """A record's or Article's text, checked: a non-empty str of at most MAX_ARTICLE_CHARS characters.

    Lone surrogates are replaced by U+FFFD (they cannot be written as UTF-8). Raises InputError saying
    what is wrong and how to fix it; ``what`` names the thing in the message ("record", "article 'a7'").
    """
    if text is None or (isinstance(text, str) and not text.strip() and not empty_ok):
        raise InputError(f"{what} has no 'text' (or it is empty)")
    if not isinstance(text, str):
        hint = "; decode it first (bytes.decode('utf-8'))" if isinstance(text, (bytes, bytearray)) else ""
        kind = _json_kind(text) if what == "record" else type(text).__name__
        raise InputError(f"{what} 'text' must be a {'string' if what == 'record' else 'str'}, not {kind}{hint}")
    text = without_lone_surrogates(text)
    if len(text) > MAX_ARTICLE_CHARS:
        pieces = "records" if what == "record" else "articles"
        raise InputError(f"{what} text has {len(text):,} characters, more than the {MAX_ARTICLE_CHARS:,} "
                         f"allowed for one article; split it into several {pieces}")
    return text


def checked_article(article: Any, *, empty_ok: bool = False) -> Article:
    """The Article with its fields checked as a batch record's are; the same object, or a cleaned copy.

    A str date is parsed (DateError if it is not a date), a datetime becomes its day, a non-str id becomes
    a str, lone surrogates in the text, id, source, url and title are replaced by U+FFFD; a text that is not a str, is empty (unless
    ``empty_ok``) or is longer than MAX_ARTICLE_CHARS raises InputError naming the article.
    """
    if not isinstance(article, Article):
        raise InputError(f"expected an eventwire.Article, got {type(article).__name__}; for a plain text use "
                         f"eventwire.code(text) or Article(text=...)")
    ident = without_lone_surrogates(article.id if isinstance(article.id, str) else
                                    ("" if article.id is None else str(article.id)))
    what = f"article {ident!r}" if ident else "article"
    text = checked_text(article.text, what, empty_ok=empty_ok)
    date = article.date
    if date is not None and type(date) is not dt.date:
        if not isinstance(date, (str, dt.date)):
            raise DateError(f"{what}: date must be a datetime.date or a YYYY-MM-DD str, not {type(date).__name__}")
        date = parse_date(date)
    others = {name: clean_field(getattr(article, name)) for name in ("source", "url", "title")}
    if (text is article.text and date is article.date and ident is article.id
            and all(value is getattr(article, name) for name, value in others.items())):
        return article
    return replace(article, text=text, date=date, id=ident, **others)


def clean_field(value: Any) -> Any:
    """A str field without lone surrogates; a number as a str (other values as they are): how a record's
    id/source/url/title are read, in files and in API bodies (web/inputs.py)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return without_lone_surrogates(value) if isinstance(value, str) else value


def article_from_record(record: Any, *, default_date: dt.date | None, default_source: str | None,
                        fallback_id: str) -> Article:
    """Build an Article from a JSON/CSV record, checking its fields."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object with a 'text' field, got {_json_kind(record)}")
    text = checked_text(record.get("text"))
    for name in ARTICLE_FIELDS[1:]:
        if isinstance(record.get(name), (dict, list, bool)):
            raise InputError(f"record '{name}' must be a string, not {_json_kind(record[name])}")
    date = default_date
    if record.get("date") not in (None, ""):
        date = parse_date(str(record["date"]))
    ident = record.get("id")
    return Article(
        text=text,
        date=date,
        id=without_lone_surrogates(str(ident)) if ident not in (None, "") else fallback_id,
        source=clean_field(record.get("source") or default_source),
        url=clean_field(record.get("url") or None),
        title=clean_field(record.get("title") or None),
    )


def _json_kind(value: Any) -> str:
    """What a JSON value is, in JSON's words: 'a list', 'null', 'true/false', 'a number', 'a string'."""
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "true/false", int: "a number",
             float: "a number", type(None): "null"}
    return kinds.get(type(value), f"a {type(value).__name__}")


def json_problem(exc: json.JSONDecodeError) -> str:
    """json's error in full, with its column: 'Invalid control character at column 12 (a tab or ...)'."""
    msg = exc.msg.removesuffix(" at")  # json says "Invalid control character at" and puts the position apart
    hint = ""
    if msg.startswith("Invalid control character"):
        hint = "; a tab or line break inside a string must be written as \\t or \\n"
    elif msg.startswith("Unterminated string"):
        hint = "; the string is not closed (a line break inside it splits the record over two lines?)"
    return f"{msg} at column {exc.colno}{hint}"


def _iter_jsonl(lines: Iterable[str], name: str, **defaults: Any) -> Iterator[Item]:
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RecordError(f"malformed JSON ({json_problem(exc)}); fix or remove the line",
                              line=lineno, source=name)
            continue
        try:
            yield article_from_record(record, fallback_id=f"{name}:{lineno}", **defaults)
        except (InputError, DateError) as exc:
            yield RecordError(str(exc), line=lineno, source=name)


def _iter_csv(lines: Iterable[str], name: str, *, delimiter: str = ",", **defaults: Any) -> Iterator[Item]:
    reader = csv.DictReader(lines, delimiter=delimiter)
    kind = "TSV" if delimiter == "\t" else "CSV"
    if reader.fieldnames is None or "text" not in [f.strip().lower() for f in reader.fieldnames]:
        found = ", ".join(repr(f) for f in (reader.fieldnames or [])[:8]) or "none"
        raise InputError(f"{name}: a {kind} batch needs a header row with a 'text' column (and optionally "
                         f"date, source, url, title, id); found columns: {found}")
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield RecordError(f"malformed CSV ({exc})", line=reader.line_num, source=name)
            continue
        if None in row:  # DictReader puts the surplus fields under the key None
            yield RecordError(f"row has {len(row[None])} more field(s) than the header; quote fields that "
                              f"contain the delimiter", line=reader.line_num, source=name)
            continue
        row = {(k or "").strip().lower(): v for k, v in row.items()}
        try:
            yield article_from_record(row, fallback_id=f"{name}:{reader.line_num}", **defaults)
        except (InputError, DateError) as exc:
            yield RecordError(str(exc), line=reader.line_num, source=name)


def _batch_records(lines: Iterable[str], name: str, suffix: str, **defaults: Any) -> Iterator[Item]:
    """The records of a JSONL, CSV or TSV batch, by file suffix."""
    if suffix == ".csv":
        return _iter_csv(lines, name, **defaults)
    if suffix in TABBED_SUFFIXES:
        return _iter_csv(lines, name, delimiter="\t", **defaults)
    return _iter_jsonl(lines, name, **defaults)


def _single_article(text: str, name: str, *, is_html: bool, default_date: dt.date | None,
                    default_source: str | None) -> Article:
    title = url = None
    date = default_date
    if is_html:
        from .html import extract_html

        extracted = extract_html(text, name)
        text, title, url = extracted.text, extracted.title, extracted.url
        date = default_date or extracted.date
    if not text.strip():
        raise InputError(f"{name}: the file is empty (no article text)")
    return Article(text=text, date=date, id=name, source=default_source, url=url, title=title)


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def iter_path(path: str | Path, *, default_date: dt.date | None = None,
              default_source: str | None = None) -> Iterator[Item]:
    """Yield the articles in one file (or stdin for '-'), with RecordErrors for bad records."""
    defaults = {"default_date": default_date, "default_source": default_source}
    _check_path_given(path)
    if str(path) == "-":
        yield from _iter_stream(sys.stdin.buffer, "<stdin>", **defaults)
        return
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory; give a file (or use 'eventwire ingest' for folders)")
    suffix = p.suffix.lower()
    with p.open("rb") as raw:
        if suffix in BATCH_SUFFIXES:
            lines = _text_lines(raw, p.name)
            it = _batch_records(lines, p.name, suffix, **defaults)
            count = 0
            for item in it:
                count += 1
                yield item
            if count == 0:
                raise InputError(f"{p}: the file is empty (no records)")
            return
        size = p.stat().st_size
        if size > MAX_SINGLE_FILE_BYTES:
            raise InputError(f"{p}: {size // 2**20} MB is too large for one article; split it into a "
                             f".jsonl batch (one article per line), which is streamed")
        data = raw.read()
    if not data.strip():
        raise InputError(f"{p}: the file is empty")
    text = decode_bytes(data, p.name)
    yield _single_article(text, p.name, is_html=suffix in {".html", ".htm", ".xhtml"} or looks_like_html(text),
                          **defaults)


def _iter_stream(raw: IO[bytes], name: str, **defaults: Any) -> Iterator[Item]:
    buffered = io.BufferedReader(raw) if not hasattr(raw, "peek") else raw
    head = buffered.peek(1)[:1] if hasattr(buffered, "peek") else b""
    if head == b"{":
        yield from _iter_jsonl(_text_lines(buffered, name), name, **defaults)
        return
    data = buffered.read()
    if not data.strip():
        raise InputError(f"{name}: no input (empty stdin)")
    text = decode_bytes(data, name)
    if _looks_like_jsonl(text):
        yield from _iter_jsonl(text.splitlines(), name, **defaults)
        return
    yield _single_article(text, "stdin", is_html=looks_like_html(text), **defaults)


def _looks_like_jsonl(text: str) -> bool:
    """JSON Lines: it starts with '{', or most of its first 20 non-blank lines do (a first line that is a JSON list
    or is malformed is then one bad record, not the start of a plain-text article holding the whole batch)."""
    lines = [line.strip() for line in text.splitlines()[:200] if line.strip()][:20]
    if not lines:
        return False
    return lines[0].startswith("{") or (len(lines) >= 2 and sum(line.startswith("{") for line in lines) > len(lines) / 2)


def _iter_folder(folder: Path, **defaults: Any) -> Iterator[Item]:
    """The articles of every known file under a folder; a warning names the files skipped, or says it had none."""
    known = BATCH_SUFFIXES | TEXT_SUFFIXES - {""}
    files = sorted(c for c in folder.rglob("*") if c.is_file() and not c.name.startswith("."))
    skipped = sorted({c.suffix.lower() or c.name for c in files if c.suffix.lower() not in known})
    read = [c for c in files if c.suffix.lower() in known]
    if skipped:
        warnings.warn(f"{folder}: {len(files) - len(read)} file(s) of other types skipped ({', '.join(skipped[:8])}"
                      f"{', ...' if len(skipped) > 8 else ''}); eventwire reads {', '.join(sorted(known))}",
                      stacklevel=2)
    elif not read:
        warnings.warn(f"{folder}: no files in this folder", stacklevel=2)
    for child in read:
        try:
            yield from iter_path(child, **defaults)
        except InputError as exc:
            yield RecordError(str(exc), source=str(child))


def _check_path_given(path: str | Path) -> None:
    """An empty file name ('' from an unset shell variable) is refused, not read as the current folder."""
    if not str(path).strip():
        raise InputError("an empty file name; give a file, a folder (ingest, batch) or - for stdin")


def iter_paths(paths: Iterable[str | Path], *, recursive: bool = False, **defaults: Any) -> Iterator[Item]:
    """Yield articles from several files; with recursive=True, folders are walked for known file types."""
    for path in paths:
        _check_path_given(path)
        p = Path(path)
        if recursive and p.is_dir():
            yield from _iter_folder(p, **defaults)
        else:
            yield from iter_path(p, **defaults)
