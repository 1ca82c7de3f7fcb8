"""Check that no gold sentence leaked into the code, data, tests or docs.

The gold sets in ../shared/eval are for evaluation only: their sentences must not be copied into the package,
its dictionaries, the tests or the docs. This script lists every run of N words (default 8) that a shipped or
test file shares with a gold text, so a reviewer can see at once whether a rule or an example was written from a
gold sentence. Exit status 1 when anything is found (use it before a commit or in a review).

    python benchmarks/gold_overlap.py [--words 8] [--eval ../shared/eval] [PATH ...]

Without PATHs it scans src/, tests/, docs/, scripts/ and README.md. Files generated from resources the issues
allow (the converted PETRARCH verb dictionary and the Phoenix actor dictionary) share words with PETRARCH's own
test sentences by construction and are listed separately as "resource" hits, not failures.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = ["src", "tests", "docs", "scripts", "README.md"]
TEXT_SUFFIXES = {".py", ".md", ".tsv", ".txt", ".jsonl", ".json", ".html", ".js", ".css", ".csv", ".yaml", ".toml"}
# Data converted from resources the issues name as allowed (CAMEO.2.0 verbs, Phoenix actors): hits are reported
# but do not fail the check.
RESOURCE_FILES = {"petrarch_verbs.tsv", "phoenix.tsv", "agents.tsv"}
WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def gold_ngrams(eval_dir: Path, n: int) -> dict[tuple[str, ...], str]:
    """Every n-word run of every gold text (the `text` field of each set's dev.jsonl) -> the set it came from."""
    grams: dict[tuple[str, ...], str] = {}
    for path in sorted(eval_dir.glob("*/dev.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line).get("text") or ""
                toks = words(text)
                for i in range(len(toks) - n + 1):
                    grams.setdefault(tuple(toks[i:i + n]), path.parent.name)
    return grams


def scan_file(path: Path, grams: dict[tuple[str, ...], str], n: int) -> list[tuple[int, str, str]]:
    """(line number, matched words, gold set) for each line of `path` holding an n-word gold run."""
    hits = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (UnicodeDecodeError, OSError):
        return hits
    for number, line in enumerate(lines, 1):
        toks = words(line)
        for i in range(len(toks) - n + 1):
            gram = tuple(toks[i:i + n])
            if gram in grams:
                hits.append((number, " ".join(gram), grams[gram]))
                break
    return hits


def files_under(paths: list[str]) -> list[Path]:
    found = []
    for name in paths:
        path = (ROOT / name) if not Path(name).is_absolute() else Path(name)
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found += [p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in TEXT_SUFFIXES
                      and "__pycache__" not in p.parts]
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    parser.add_argument("--words", type=int, default=8, help="length of a shared word run that counts (default 8)")
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    args = parser.parse_args(argv)
    if not args.eval.is_dir():
        print(f"no gold data at {args.eval}: nothing to compare with (pass --eval DIR)", file=sys.stderr)
        return 2
    grams = gold_ngrams(args.eval, args.words)
    failures = resources = 0
    for path in files_under(args.paths):
        for number, gram, gold_set in scan_file(path, grams, args.words):
            kind = "resource" if path.name in RESOURCE_FILES else "LEAK"
            failures += kind == "LEAK"
            resources += kind == "resource"
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            print(f"{kind}\t{shown}:{number}\t{gold_set}\t{gram}")
    print(f"{failures} line(s) share {args.words}+ words with a gold text; {resources} in converted resources",
          file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
