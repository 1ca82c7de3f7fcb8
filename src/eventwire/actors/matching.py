"""Finding dictionary aliases in a parsed doc, and caching the compiled alias index on disk.

``AliasMatcher`` holds every alias as a tuple of lower-cased tokens (tokenized as spaCy tokenizes the text, see
``alias_patterns``) and finds all of them in a doc, overlapping matches included: the same matches as spaCy's
``PhraseMatcher(attr="LOWER")``, but a plain-Python structure that pickles and loads in well under a second.

Tokenizing ~50,000 aliases takes seconds per process (every batch or Dask worker pays it), so the compiled index is
cached in ``$EVENTWIRE_CACHE_DIR`` (default ``$XDG_CACHE_HOME/eventwire`` or ``~/.cache/eventwire``), in a file
named by a hash of the alias set, eventwire's and spaCy's versions and the spaCy pipeline's name and version: a
changed dictionary file, a user dictionary or another model gives another file. A missing, unreadable or corrupt
cache file is ignored and rebuilt. ``EVENTWIRE_NO_CACHE=1`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

CACHE_FORMAT = 3  # 3: aliases with the Arabic article also match it hyphenated ("al-Thani")


class AliasMatcher:
    """Every alias as a tuple of lower-cased tokens; ``matcher(doc)`` → all (start, end) token spans matching one."""

    def __init__(self, sequences: list[tuple[str, ...]]) -> None:
        by_first: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for seq in sequences:
            if seq:
                by_first[seq[0]].add(seq)
        self._by_first = dict(by_first)
        # lengths to try after each first token, longest first
        self._lengths = {first: sorted({len(s) for s in seqs}, reverse=True) for first, seqs in by_first.items()}

    def __len__(self) -> int:
        return sum(len(s) for s in self._by_first.values())

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        return self.find([t.lower_ for t in doc])

    def find(self, lowers: list[str]) -> list[tuple[int, int]]:
        """Matches in a list of lower-cased token texts."""
        out = []
        n = len(lowers)
        by_first, lengths = self._by_first, self._lengths
        for i, word in enumerate(lowers):
            sizes = lengths.get(word)
            if sizes is None:
                continue
            seqs = by_first[word]
            for size in sizes:
                if i + size <= n and (size == 1 or tuple(lowers[i:i + size]) in seqs):
                    out.append((i, i + size))
        return out


def alias_patterns(nlp: Language, aliases: list[str]) -> list[Doc]:
    """Pattern docs, one per lower-cased alias.

    Aliases of plain words separated by spaces are split on spaces (what spaCy's tokenizer does with them, and
    ~10x faster); aliases with punctuation or digits ("U.S.", "Jean-Yves Le Drian", "M23") go through the tokenizer.
    """
    from spacy.tokens import Doc

    plain, rest = _split_aliases(nlp, aliases)
    return [Doc(nlp.vocab, words=a.split()) for a in plain] + list(nlp.tokenizer.pipe(rest))


def _split_aliases(nlp: Language, aliases: list[str]) -> tuple[list[str], list[str]]:
    unique = sorted({" ".join(a.lower().split()) for a in aliases})
    special = {k.lower() for k in (getattr(nlp.tokenizer, "rules", None) or {})}
    plain, rest = [], []
    for a in unique:
        words = a.split()
        (plain if all(w.isalpha() and w not in special for w in words) else rest).append(a)
    return plain, rest


_ARTICLE = re.compile(r"(?i)(?<![\w-])(al|el)([ -])(?=\w)")


def article_variant(alias: str) -> str:
    """'Hamad Bin Khalifa Al Thani' ↔ 'Hamad Bin Khalifa Al-Thani': the Arabic article is written both ways."""
    return _ARTICLE.sub(lambda m: m.group(1) + ("-" if m.group(2) == " " else " "), alias)


def alias_sequences(nlp: Language, aliases: list[str]) -> list[tuple[str, ...]]:
    """Lower-cased token tuples of the aliases, tokenized as ``alias_patterns`` does (without building Docs
    for the plain ones). Aliases with punctuation are also tokenized as written: spaCy's tokenizer exceptions
    are case-sensitive ("U.N." is one token, "u.n." two), and text is matched as written. An alias with the
    Arabic article ("Al Thani") also matches it hyphenated ("al-Thani")."""
    aliases = list(aliases) + [v for a in aliases if (v := article_variant(a)) != a]
    plain, rest = _split_aliases(nlp, aliases)
    written: dict[str, set[str]] = {}
    for a in aliases:
        written.setdefault(" ".join(a.lower().split()), set()).add(" ".join(a.split()))
    texts = []
    for a in rest:
        texts.append(a)
        texts.extend(sorted(written.get(a, set()) - {a}))
    seqs = {tuple(t.lower_ for t in doc) for doc in nlp.tokenizer.pipe(texts)}
    return [tuple(a.split()) for a in plain] + sorted(seqs)


def cache_dir() -> Path:
    """Where compiled dictionaries are cached (EVENTWIRE_CACHE_DIR, else XDG_CACHE_HOME/eventwire or
    ~/.cache/eventwire)."""
    explicit = os.environ.get("EVENTWIRE_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(base) / "eventwire"


def cache_enabled() -> bool:
    return os.environ.get("EVENTWIRE_NO_CACHE", "").strip().lower() not in ("1", "true", "yes")


def cache_key(nlp: Language, aliases: list[str]) -> str:
    """Hash of everything the compiled index depends on: the alias set, eventwire's and spaCy's versions, and
    the pipeline (its tokenizer decides how an alias splits into tokens)."""
    import spacy

    from .. import __version__

    meta = getattr(nlp, "meta", {}) or {}
    h = hashlib.sha256()
    for part in (f"format={CACHE_FORMAT}", __version__, spacy.__version__, nlp.lang, str(meta.get("name")),
                 str(meta.get("version"))):
        h.update(part.encode() + b"\0")
    h.update("\n".join(sorted({" ".join(a.split()) for a in aliases})).encode("utf-8"))
    return h.hexdigest()[:32]


def load_alias_matcher(nlp: Language, aliases: list[str]) -> AliasMatcher:
    """The compiled alias index: from the on-disk cache when it is there and sound, else built (and cached)."""
    if not cache_enabled():
        return AliasMatcher(alias_sequences(nlp, aliases))
    path = cache_dir() / f"aliases-{cache_key(nlp, aliases)}.pickle"
    cached = _read(path)
    if cached is not None:
        return cached
    matcher = AliasMatcher(alias_sequences(nlp, aliases))
    _write(path, matcher)
    return matcher


def _read(path: Path) -> AliasMatcher | None:
    try:
        with path.open("rb") as fh:
            obj = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated or corrupt file, or one from an incompatible version: rebuild
        return None
    if not (isinstance(obj, tuple) and len(obj) == 2 and obj[0] == CACHE_FORMAT and isinstance(obj[1], AliasMatcher)):
        return None
    return obj[1]


def _write(path: Path, matcher: AliasMatcher) -> None:
    """Write atomically (temporary file + rename) so concurrent workers never read a half-written file; a
    read-only or full disk only costs the cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((CACHE_FORMAT, matcher), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
