"""Every command and code example in README.md and docs/*.md runs as written on a fresh clone.

The fenced blocks of the docs are read here, not copied: a shell line that runs ``eventwire ...`` is run
in-process (the CLI's own ``run_app``, so spaCy is loaded once) in a scratch folder that holds the bundled
files (``examples/``, ``tests/``) and, under the placeholder names the docs use (``articles.jsonl``, ``news/``,
``events.db``, ...), copies of bundled data. It must exit 0, and when the doc shows its output (a ``$ command``
line followed by output lines) every shown line must start an output line, in order. Python blocks run
top to bottom, one namespace per page; a ``# comment`` line right after a ``print(...)`` line is the output
the doc promises. Blocks that need a server, PostgreSQL, a Dask cluster, the shared gold data or files that
are not bundled are skipped with the reason.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shlex
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SHELL_LANGS = {"", "bash", "sh", "shell", "console", "text"}
EVENTWIRE = ("eventwire", ".venv/bin/eventwire")

# Placeholder names the docs use for the reader's own files → bundled data that stands in for them.
STORIES = ROOT / "tests" / "data" / "stories" / "articles.jsonl"
PLACEHOLDER_BATCHES = ("articles.jsonl", "wires.jsonl", "wires-2024.jsonl", "more.jsonl", "batch.jsonl",
                       "talks.jsonl")
PLACEHOLDER_ARTICLES = ("story.txt", "article.txt")

# Why a command is not run: first matching pattern wins.
SKIPS = (
    (re.compile(r"\beventwire (serve|demo)\b"), "starts a web server (tests/test_web_*.py serve the app in-process)"),
    (re.compile(r"postgresql://"), "needs a PostgreSQL server"),
    (re.compile(r"--engine dask|^dask "), "needs a Dask cluster (tests/test_batch_engines.py runs the engine)"),
    (re.compile(r"FILE\.\.\.|\bURL\b"), "a synopsis (FILE..., URL stand for the reader's values), not a command"),
    (re.compile(r"^bash scripts/(install|test)\.sh"), "installs into .venv or runs the whole suite (CI runs it)"),
    (re.compile(r"pip install"), "installs a package"),
    (re.compile(r"benchmarks/"), "a benchmark run (minutes; its results files record it)"),
    (re.compile(r"convert_petrarch_verbs"), "needs PETRARCH-2's CAMEO.2.0.txt, which is not bundled"),
)
PYTHON_SKIPS = (
    (re.compile(r"dask_jobqueue|dask_kubernetes"), "needs a SLURM or Kubernetes Dask cluster"),
)


@dataclass
class Command:
    doc: str
    line: int
    text: str
    shown: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.doc}:{self.line} {self.text[:60]}"


@dataclass
class PyBlock:
    doc: str
    line: int
    code: str

    def expected_output(self) -> list[str]:
        """The '# ...' lines that directly follow a print(...) line: what the doc says it prints."""
        lines = self.code.splitlines()
        shown, after_print = [], False
        for line in lines:
            stripped = line.strip()
            if after_print and stripped.startswith("# "):
                shown.append(stripped[2:])
                continue
            after_print = "print(" in line
        return shown


def _fenced_blocks(path: Path) -> list[tuple[int, str, str]]:
    """(line, language, body) of each fenced block."""
    text = path.read_text(encoding="utf-8")
    return [(text[:m.start()].count("\n") + 1, m.group(1).strip().lower(), m.group(2))
            for m in re.finditer(r"^```([\w-]*)\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE)]


def _is_command(line: str) -> bool:
    words = line.split()
    if not words:
        return False
    if re.match(r"^[A-Z_]+=", words[0]) or words[0] == "cat":  # VAR=... eventwire, cat x | eventwire
        return any(w in EVENTWIRE for w in words)
    return words[0] in EVENTWIRE or words[0] in ("bash", "python", "dask") or words[0].startswith(".venv/bin/")


def _commands() -> list[Command]:
    found: list[Command] = []
    for path in DOCS:
        for start, lang, body in _fenced_blocks(path):
            if lang not in SHELL_LANGS:
                continue
            current: Command | None = None
            lines = body.replace("\\\n", " ").splitlines()
            for offset, line in enumerate(lines, 1):
                prompt = line.startswith("$ ")
                candidate = line[2:] if prompt else line
                if _is_command(candidate):
                    parts = [p.strip() for p in candidate.split(" && ")]  # install && run: each on its own
                    found.extend(Command(path.name, start + offset, p) for p in parts)
                    current = found[-1] if prompt else None  # shown output belongs to a "$ command" line
                elif current is not None and line.strip():
                    current.shown.append(line.rstrip())
    return found


def _python_blocks() -> dict[str, list[PyBlock]]:
    found: dict[str, list[PyBlock]] = {}
    for path in DOCS:
        for start, lang, body in _fenced_blocks(path):
            if lang == "python":
                found.setdefault(path.name, []).append(PyBlock(path.name, start, body))
    return found


COMMANDS = _commands()
PYTHON = _python_blocks()


def _skip_reason(text: str) -> str | None:
    if "../shared/eval" in text and not SHARED_EVAL.is_dir():
        return "needs ../shared/eval (evaluation data lives beside the project, not in it)"
    return next((reason for pattern, reason in SKIPS if pattern.search(_required_part(text))), None)


def _required_part(text: str) -> str:
    """A synopsis without its optional [--parts]: 'positions talks.jsonl --actor RUS [--format json]' runs as
    'positions talks.jsonl --actor RUS'."""
    return re.sub(r"\s*\[[^\]]*\]", "", text)


# ---- the scratch folder a reader's shell would be in ----------------------------------------------------------

@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A folder with examples/ and tests/ (links to the bundled ones) and the docs' placeholder files."""
    from eventwire.reading import iter_paths
    from eventwire.store import Store, ingest

    ws = tmp_path_factory.mktemp("docs")
    for name in ("examples", "tests"):
        (ws / name).symlink_to(ROOT / name)
    batch = "".join(STORIES.read_text(encoding="utf-8").splitlines(keepends=True)[:3])  # 3 articles: quick
    for name in PLACEHOLDER_BATCHES:
        (ws / name).write_text(batch, encoding="utf-8")
    for name in PLACEHOLDER_ARTICLES:
        shutil.copy(ROOT / "examples" / "summit.txt", ws / name)
    (ws / "news").mkdir()
    for story in ("summit.txt", "sanctions.txt"):
        shutil.copy(ROOT / "examples" / story, ws / "news" / story)
    (ws / "phrases.txt").write_text("Kremlin spokesman Dmitry Peskov\nthe Atlantic alliance\n", encoding="utf-8")
    (ws / "mine.tsv").write_text(_documented_dictionary(), encoding="utf-8")
    with Store(str(ws / "events.db")) as store:
        ingest(store, iter_paths([ws / "news"], recursive=True))
    return ws


def _documented_dictionary() -> str:
    """The example rows of docs/actors.md's own-dictionary format: `dict validate mine.tsv` checks them."""
    for _line, _lang, body in _fenced_blocks(ROOT / "docs" / "actors.md"):
        if body.startswith("code\talias\t"):
            return body
    raise AssertionError("docs/actors.md no longer shows an example dictionary (code<TAB>alias ...)")


def _run_shell(text: str, ws: Path) -> tuple[int, str, str]:
    """Run one doc command line in-process in ``ws`` (``cat F |``, ``< F`` and ``> F`` handled); (code, out, err)."""
    from eventwire.cli import app, run_app

    text = re.sub(r"\s{2,}\([^()]*\)\s*$", "", _required_part(text))  # a note after it: "  (sentences cut here)"
    words = shlex.split(text, comments=True)
    if any(w.startswith("../shared/eval/") for w in words):  # a whole dev set takes minutes: its first records
        words = [str(SHARED_EVAL / w.removeprefix("../shared/eval/")) if w.startswith("../shared/") else w
                 for w in words] + ["--limit", "3"]
    stdin, target = None, None
    if words[:1] == ["cat"] and "|" in words:
        stdin, words = (ws / words[1]).read_bytes(), words[words.index("|") + 1:]
    if "<" in words:
        i = words.index("<")
        stdin, words = (ws / words[i + 1]).read_bytes(), words[:i] + words[i + 2:]
    if ">" in words:
        i = words.index(">")
        target, words = ws / words[i + 1], words[:i] + words[i + 2:]
    assert words[0] in EVENTWIRE, f"not an eventwire command: {text}"
    out, err = io.StringIO(), io.StringIO()
    old_in, old_cwd = sys.stdin, Path.cwd()
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    os.chdir(ws)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run_app(app, words[1:])
    finally:
        sys.stdin = old_in
        os.chdir(old_cwd)
    if target is not None:
        target.write_text(out.getvalue(), encoding="utf-8")
        return code, "", err.getvalue()
    return code, out.getvalue(), err.getvalue()


# ---- the tests --------------------------------------------------------------------------------------------------

def test_the_docs_have_examples_to_check():
    assert len(COMMANDS) >= 20 and sum(len(b) for b in PYTHON.values()) >= 5
    runnable = [c for c in COMMANDS if not _skip_reason(c.text)]
    assert len(runnable) >= 12, [c.id for c in runnable]
    assert any(c.shown for c in runnable), "no command with shown output is checked"


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.id)
def test_doc_command_runs_as_written(command: Command, workspace):
    reason = _skip_reason(command.text)
    if reason:
        pytest.skip(reason)
    code, out, err = _run_shell(command.text, workspace)
    assert code == 0, f"{command.doc}:{command.line}: exit {code}\n{err[-2000:]}"
    assert "Traceback" not in err and "warning:" not in err, err
    lines = [line.rstrip() for line in out.splitlines()]
    at = 0
    for shown in command.shown:
        while at < len(lines) and not lines[at].startswith(shown):
            at += 1
        assert at < len(lines), (f"{command.doc}:{command.line}: the doc shows\n  {shown}\nbut the command "
                                 f"prints:\n" + "\n".join(lines[:40]))
        at += 1


@pytest.mark.parametrize("doc", sorted(PYTHON), ids=str)
def test_doc_python_blocks_run_as_written(doc: str, workspace, coder, monkeypatch):
    import eventwire.coding

    real = eventwire.coding.default_coder  # one loaded pipeline for the suite; other coding options: their own
    monkeypatch.setattr(eventwire.coding, "default_coder", lambda options=None: real(options) if options else coder)
    monkeypatch.chdir(workspace)
    namespace: dict = {"__name__": "__docs__"}
    ran = 0
    for block in PYTHON[doc]:
        reason = next((r for pattern, r in PYTHON_SKIPS if pattern.search(block.code)), None)
        if reason:
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            try:
                exec(compile(block.code, f"{doc}:{block.line}", "exec"), namespace)  # noqa: S102 - our own docs
            except Exception as exc:  # say which block, not only the exec line
                raise AssertionError(f"{doc}:{block.line}: the example fails: {type(exc).__name__}: {exc}") from exc
        printed = out.getvalue().splitlines()
        for expected in block.expected_output():
            assert expected in printed, f"{doc}:{block.line}: the doc says it prints\n  {expected}\nit prints:\n" + \
                "\n".join(printed[:20])
        ran += 1
    if not ran:
        pytest.skip(f"every Python block of {doc} needs a cluster")


# ---- commands named in the prose: real subcommands and options ------------------------------------------------

def _inline_commands() -> list[tuple[str, str]]:
    """(doc, text) of every `eventwire ...` written in backticks in the prose."""
    found = []
    for path in DOCS:
        prose = re.sub(r"^```.*?^```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL | re.MULTILINE)
        found += [(path.name, m.group(1)) for m in re.finditer(r"`(?:\.venv/bin/)?(eventwire [^`]+)`", prose)]
    return found


def _click_command(words: list[str]):
    """The click command that `eventwire WORDS...` reaches, and the words after its name."""
    import typer.main

    from eventwire.cli import app

    command = typer.main.get_command(app)  # typer may bundle its own click: groups are known by .commands
    rest = words[1:]
    while hasattr(command, "commands") and rest and rest[0] in command.commands:
        command, rest = command.commands[rest[0]], rest[1:]
    return command, rest


def test_doc_prose_names_real_subcommands_and_options():
    inline = _inline_commands()
    assert len(inline) >= 20
    wrong = []
    for doc, text in inline + [(c.doc, c.text) for c in COMMANDS if c.text.split()[0] in EVENTWIRE]:
        words = text.replace(".venv/bin/eventwire", "eventwire").split()
        command, rest = _click_command(words)
        if hasattr(command, "commands"):
            if rest and not rest[0].startswith("-"):
                wrong.append(f"{doc}: `{text}`: no subcommand {rest[0]!r}")
            continue
        options = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
        for word in rest:
            option = word.strip("[]").split("=")[0]
            if option.startswith("--") and option not in options:
                wrong.append(f"{doc}: `{text}`: `eventwire {command.name}` has no option {option}")
    assert not wrong, "\n".join(wrong)


# ---- the JSON examples of docs/http-api.md --------------------------------------------------------------------

def _http_json_block(starts: str) -> dict:
    import json

    for _line, lang, body in _fenced_blocks(ROOT / "docs" / "http-api.md"):
        if lang == "json" and body.lstrip().startswith(starts):
            return json.loads(body.replace(", ...]", "]"))  # "..." stands for more list items
    raise AssertionError(f"docs/http-api.md has no JSON block starting {starts!r}")


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    pytest.importorskip("fastapi")
    from test_web_support import filled_client

    from eventwire.web import WebSettings

    yield from filled_client(str(tmp_path_factory.mktemp("api") / "api.db"), WebSettings())


def test_http_api_json_examples_are_what_the_api_takes_and_answers(api, coder, monkeypatch):
    import eventwire.coding

    monkeypatch.setattr(eventwire.coding, "default_coder", lambda: coder)
    body = _http_json_block('{"text"')
    answer = api.post("/api/code", json=body)
    assert answer.status_code == 200, answer.text
    assert {"ok", "stored", "article_id", "text", "sentences", "events"} <= set(answer.json())
    assert answer.json()["stored"] is False and answer.json()["events"]

    error = _http_json_block('{"ok": false')
    assert api.get("/api/events/ev_x").json() == error

    series = _http_json_block('{"ok": true, "a"')
    real = api.get("/api/dyads/series?a=USA&b=RUS&period=week&directed=false").json()
    assert set(real) == set(series) and real["ok"] is True
    assert real["series"] and set(real["series"][0]) == set(series["series"][0])


def test_doc_prose_names_real_python_objects():
    """Every `eventwire.module.name` in backticks is importable (file names such as `eventwire.db` aside)."""
    import importlib

    names = {m.group(1).rstrip(".") for path in DOCS
             for m in re.finditer(r"`(eventwire\.[A-Za-z_][\w.]*)", path.read_text(encoding="utf-8"))}
    names = {n for n in names if not n.endswith((".db", ".py", ".md", ".tsv"))}
    assert len(names) >= 15
    missing = []
    for name in sorted(names):
        parts = name.split(".")
        for i in range(len(parts), 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:i]))
            except ImportError:
                continue
            try:
                for attr in parts[i:]:
                    obj = getattr(obj, attr)
            except AttributeError:
                missing.append(name)
            break
    assert not missing, f"named in the docs but not importable: {missing}"


def test_output_format_doc_lists_exactly_the_record_fields():
    """docs/output-format.md's tables are the JSONL record: every field of Event.to_dict() and of an actor, no more."""
    import dataclasses

    from eventwire.model import Actor, Event, Place

    text = (ROOT / "docs" / "output-format.md").read_text(encoding="utf-8")
    event_part, actor_part = text.split("An actor object:", 1)

    def first_column(part: str) -> list[str]:
        rows = re.findall(r"^\| ([^|]+) \|", part, flags=re.MULTILINE)
        return [name for row in rows for name in re.findall(r"`(\w+)`", row)]

    record = Event("a", 0, "s", Actor("RUS", "Russia"), Actor("UKR", "Ukraine"), "190", place=Place("Kharkiv"))
    assert first_column(event_part) == list(record.to_dict())
    assert sorted(first_column(actor_part)) == sorted(f.name for f in dataclasses.fields(Actor))
    place_row = next(line for line in event_part.splitlines() if line.startswith("| `place`"))
    assert all(f"`{f.name}`" in place_row for f in dataclasses.fields(Place)), place_row
