"""Coding conventions a user can switch (conventions.CodingOptions): the same agentless arrest gives no event by
default and an arrest by police with implied_agents, through the Python API, the CLI (code, ingest, batch) and
the batch runner's local and Dask engines (whose workers build their own coder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventwire
from eventwire.coding import Coder
from eventwire.conventions import CodingOptions, checked_options, option_names
from eventwire.errors import InputError
from eventwire.events.extractor import EventExtractor

# an arrest that names nobody making it (written for this test)
ARREST = "Forty people were arrested in the northern town overnight."
DATE = "2024-05-02"


def _arrests(events) -> list[tuple[str, str | None]]:
    return [(e["cameo"], (e["source"] or {}).get("code")) for e in events if e["cameo"].startswith("17")]


def _police_arrest(events) -> bool:
    return ("173", "---COP") in _arrests(events)


# ---- the options themselves (no model) -------------------------------------------------------------------------
def test_defaults_are_the_extractors():
    extractor = EventExtractor()
    assert CodingOptions() == CodingOptions.of(extractor)
    assert CodingOptions().changed() == {} and CodingOptions().describe() == "defaults"
    assert set(option_names()) == {"implied_agents", "code_statements", "unknown_targets", "announced_threats",
                                   "infer_countries", "require_source"}


def test_options_are_validated():
    with pytest.raises(InputError, match="implied_agents must be True or False"):
        CodingOptions(implied_agents="yes")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="unknown coding option"):
        CodingOptions.from_dict({"implied": True})
    with pytest.raises(InputError, match="options must be an eventwire.CodingOptions"):
        checked_options(["implied_agents"])
    opts = checked_options({"implied_agents": True, "infer_countries": False})
    assert opts.changed() == {"implied_agents": True, "infer_countries": False}
    assert opts.describe() == "implied_agents, no infer_countries"
    assert eventwire.CodingOptions is CodingOptions


def test_options_build_the_extractor():
    ex = CodingOptions(implied_agents=True, code_statements=True, announced_threats=False).extractor()
    assert (ex.implied_agents, ex.code_statements, ex.announced_threats, ex.infer_countries) == (True, True,
                                                                                                False, True)


def test_info_lists_the_default_options():
    from eventwire.cli.info import _default_options

    text = _default_options()
    assert text.startswith("on: announced_threats, infer_countries, require_source; off: implied_agents")
    assert "--implied-agents" in text and "--threats-as-acts" in text


def test_cli_flags_make_one_options_set():
    from eventwire.cli.conventions import coding_options, command_flags

    assert coding_options() == CodingOptions()
    one_sided = coding_options(one_sided=True)
    assert one_sided.code_statements and one_sided.unknown_targets and not one_sided.implied_agents
    acled = coding_options(implied_agents=True, one_sided=True)
    assert command_flags(acled) == ["--implied-agents", "--one-sided"]
    petrarch = coding_options(no_infer_countries=True, threats_as_acts=True)
    assert petrarch == CodingOptions(infer_countries=False, announced_threats=False)
    assert command_flags(petrarch) == ["--no-infer-countries", "--threats-as-acts"]


# ---- Python API ------------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_python_api_codes_the_implied_police_arrest_only_with_the_option(nlp):
    default = [e.to_dict() for e in eventwire.code(ARREST, DATE)]
    assert not _arrests(default), default
    implied = [e.to_dict() for e in eventwire.code(ARREST, DATE, options=CodingOptions(implied_agents=True))]
    assert _police_arrest(implied), implied
    many = [e.to_dict() for e in eventwire.code_many([{"text": ARREST, "date": DATE}],
                                                       options={"implied_agents": True})]
    assert _police_arrest(many), many
    coder = Coder(nlp, options=CodingOptions(implied_agents=True))
    assert coder.options.implied_agents and _police_arrest([e.to_dict() for e in eventwire.code(ARREST, DATE,
                                                                                                   coder=coder)])


@pytest.mark.slow
def test_coder_takes_options_or_an_extractor_not_both(nlp):
    assert Coder(nlp, extractor=EventExtractor(implied_agents=True)).options.implied_agents
    with pytest.raises(InputError, match="not both"):
        Coder(nlp, extractor=EventExtractor(), options=CodingOptions())
    with pytest.raises(InputError, match="not both"):
        eventwire.code(ARREST, DATE, coder=Coder(nlp), options=CodingOptions(implied_agents=True))


# ---- CLI ----------------------------------------------------------------------------------------------------------
def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.slow
def test_cli_code_implied_agents(run_cli):
    code, out, _ = run_cli("code", "-", "--date", DATE, stdin=ARREST.encode())
    assert code == 0 and not _arrests(_jsonl(out)), out
    code, out, _ = run_cli("code", "-", "--date", DATE, "--implied-agents", stdin=ARREST.encode())
    assert code == 0 and _police_arrest(_jsonl(out)), out


@pytest.mark.slow
def test_cli_one_sided_and_threats_as_acts(run_cli):
    statement = "The Kenyan foreign ministry said the border would reopen next week."  # no addressee
    code, out, _ = run_cli("code", "-", "--date", DATE, stdin=statement.encode())
    assert code == 0 and not _jsonl(out), out
    code, out, _ = run_cli("code", "-", "--date", DATE, "--one-sided", stdin=statement.encode())
    assert code == 0 and [(e["cameo"], e["source"]["code"]) for e in _jsonl(out)] == [("010", "KENGOV")], out
    threat = "Russia said it would impose sanctions on Ukraine."
    code, out, _ = run_cli("code", "-", "--date", DATE, stdin=threat.encode())
    assert code == 0 and any(e["cameo"].startswith("13") for e in _jsonl(out)), out
    code, out, _ = run_cli("code", "-", "--date", DATE, "--threats-as-acts", stdin=threat.encode())
    cameos = [e["cameo"] for e in _jsonl(out)]
    assert code == 0 and cameos and not any(c.startswith("13") for c in cameos), out


@pytest.mark.slow
def test_cli_ingest_implied_agents_records_the_flag(run_cli, tmp_path):
    from eventwire.store import Store

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "date": DATE, "text": ARREST}) + "\n", encoding="utf-8")
    db = str(tmp_path / "events.db")
    code, _, err = run_cli("ingest", str(src), "--db", db, "--implied-agents")
    assert code == 0, err
    with Store(db) as store:
        events = [e.to_dict() for e in store.events()]
        runs = store.runs()
    assert _police_arrest(events), events
    assert "--implied-agents" in runs[-1]["command"]
    assert json.loads(runs[-1]["coding_options"]) == {"implied_agents": True}


# ---- batch: local and Dask engines ---------------------------------------------------------------------------------
def _write_input(path: Path) -> Path:
    path.write_text(json.dumps({"id": "a1", "date": DATE, "text": ARREST}) + "\n"
                    + json.dumps({"id": "a2", "date": DATE, "text": "Turkey's foreign minister will visit "
                                                                   "Egypt next week."}) + "\n", encoding="utf-8")
    return path


def _shard_events(out: Path) -> list[dict]:
    from eventwire.batch import read_shard_events

    return [e for p in sorted(out.glob("part-*")) if not p.name.endswith(".articles.jsonl")
            for e in read_shard_events(p)]


@pytest.mark.slow
def test_batch_local_engine_passes_the_options_to_its_workers(tmp_path, nlp):
    from eventwire.batch import run_batch

    src = _write_input(tmp_path / "in.jsonl")
    assert run_batch([src], tmp_path / "default").ok
    assert not _arrests(_shard_events(tmp_path / "default"))
    report = run_batch([src], tmp_path / "implied", options=CodingOptions(implied_agents=True))
    assert report.ok and report.coding_options == {"implied_agents": True}
    assert _police_arrest(_shard_events(tmp_path / "implied"))
    summary = json.loads((tmp_path / "implied" / "summary.json").read_text(encoding="utf-8"))
    assert summary["coding_options"] == {"implied_agents": True}
    # the folder was coded with other options: resuming it without them would mix conventions
    with pytest.raises(InputError, match="coded with coding options implied_agents"):
        run_batch([src], tmp_path / "implied")
    assert run_batch([src], tmp_path / "implied", redo=True).ok
    assert not _arrests(_shard_events(tmp_path / "implied"))


@pytest.mark.slow
def test_batch_into_the_store_records_the_options(tmp_path, nlp):
    from eventwire.batch import run_batch
    from eventwire.store import Store

    src = _write_input(tmp_path / "in.jsonl")
    db = str(tmp_path / "events.db")
    assert run_batch([src], tmp_path / "out", db=db, options=CodingOptions(implied_agents=True)).ok
    with Store(db) as store:
        (run,) = store.runs()
        assert _police_arrest([e.to_dict() for e in store.events()])
    assert json.loads(run["coding_options"]) == {"implied_agents": True}


@pytest.mark.slow
def test_cli_batch_implied_agents(run_cli, tmp_path):
    src = _write_input(tmp_path / "in.jsonl")
    code, _, err = run_cli("batch", str(src), "--out", str(tmp_path / "out"), "--implied-agents")
    assert code == 0, err
    assert _police_arrest(_shard_events(tmp_path / "out"))


@pytest.mark.slow
def test_batch_dask_engine_passes_the_options_to_its_workers(tmp_path):
    pytest.importorskip("dask.distributed")
    from dask.distributed import LocalCluster

    from eventwire.batch import run_batch

    src = _write_input(tmp_path / "in.jsonl")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        implied = run_batch([src], tmp_path / "implied", engine="dask", scheduler=cluster.scheduler_address,
                            options=CodingOptions(implied_agents=True))
        default = run_batch([src], tmp_path / "default", engine="dask", scheduler=cluster.scheduler_address)
    assert implied.ok and default.ok
    assert _police_arrest(_shard_events(tmp_path / "implied"))
    assert not _arrests(_shard_events(tmp_path / "default"))


# ---- serve and demo -------------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_cli_serve_codes_by_its_options(run_cli, tmp_path, monkeypatch):
    pytest.importorskip("fastapi")
    uvicorn = pytest.importorskip("uvicorn")
    served = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: served.setdefault("app", application))
    db = str(tmp_path / "events.db")
    code, _, err = run_cli("demo", "--db", db, "--build-only", "--implied-agents")
    assert code == 0, err
    from eventwire.store import Store

    with Store(db) as store:
        assert all(json.loads(r["coding_options"]) == {"implied_agents": True} for r in store.runs())
    code, _, err = run_cli("serve", "--db", db, "--no-warm", "--implied-agents")
    assert code == 0, err
    assert served["app"].state.coder.options == CodingOptions(implied_agents=True)
