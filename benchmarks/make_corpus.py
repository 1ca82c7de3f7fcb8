"""Generate a synthetic corpus of wire-style news articles (JSONL) for the speed benchmarks.

Articles are built from templates, actor lists and the verbs of eventwire's lexicon,
with datelines, attributed quotes, background paragraphs and numbers, in the style
of agency copy. No gold data and no real articles are used. The same seed gives
the same corpus.

    python benchmarks/make_corpus.py --articles 5000 --out benchmarks/corpus/synthetic-5000.jsonl
    python benchmarks/make_corpus.py --articles 2000 --min-sentences 30 --max-sentences 30 --out long.jsonl
    python benchmarks/make_corpus.py --target-mb 100 --out big.jsonl     # for the memory test
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

COUNTRIES = [
    ("Ukraine", "Ukrainian", "Kyiv", "KYIV"), ("Russia", "Russian", "Moscow", "MOSCOW"),
    ("China", "Chinese", "Beijing", "BEIJING"), ("France", "French", "Paris", "PARIS"),
    ("Germany", "German", "Berlin", "BERLIN"), ("Israel", "Israeli", "Jerusalem", "JERUSALEM"),
    ("Iran", "Iranian", "Tehran", "TEHRAN"), ("Turkey", "Turkish", "Ankara", "ANKARA"),
    ("India", "Indian", "New Delhi", "NEW DELHI"), ("Pakistan", "Pakistani", "Islamabad", "ISLAMABAD"),
    ("Japan", "Japanese", "Tokyo", "TOKYO"), ("South Korea", "South Korean", "Seoul", "SEOUL"),
    ("North Korea", "North Korean", "Pyongyang", "SEOUL"), ("Egypt", "Egyptian", "Cairo", "CAIRO"),
    ("Nigeria", "Nigerian", "Abuja", "ABUJA"), ("Kenya", "Kenyan", "Nairobi", "NAIROBI"),
    ("Brazil", "Brazilian", "Brasilia", "BRASILIA"), ("Mexico", "Mexican", "Mexico City", "MEXICO CITY"),
    ("Poland", "Polish", "Warsaw", "WARSAW"), ("Syria", "Syrian", "Damascus", "BEIRUT"),
    ("Venezuela", "Venezuelan", "Caracas", "CARACAS"), ("Ethiopia", "Ethiopian", "Addis Ababa", "ADDIS ABABA"),
    ("Sudan", "Sudanese", "Khartoum", "CAIRO"), ("Britain", "British", "London", "LONDON"),
    ("the United States", "U.S.", "Washington", "WASHINGTON"), ("Saudi Arabia", "Saudi", "Riyadh", "RIYADH"),
]
LEADERS = ["Vladimir Putin", "Volodymyr Zelensky", "Xi Jinping", "Emmanuel Macron", "Keir Starmer",
           "Benjamin Netanyahu", "Recep Tayyip Erdogan", "Narendra Modi", "Joe Biden", "Sergei Lavrov",
           "Antony Blinken", "Dmitry Peskov"]
ORGS = ["NATO", "the United Nations", "the European Union", "the African Union", "the IAEA", "the IMF",
        "the UN Security Council", "Hamas", "the Taliban", "the Houthis", "Hezbollah"]
ROLES = ["foreign minister", "defence minister", "prime minister", "president", "interior minister",
         "finance minister", "army chief", "opposition leader", "government spokesman", "ambassador to the UN"]
FIRST = ["Maria", "Ahmed", "Olena", "Kenji", "Fatima", "Carlos", "Ingrid", "Rajesh", "Amina", "Pavel", "Lucia",
         "Tomasz", "Yusuf", "Hana", "Samuel", "Leila", "Viktor", "Grace", "Omar", "Mei"]
LAST = ["Kovalenko", "Haddad", "Tanaka", "Okafor", "Silva", "Novak", "Rahman", "Moreau", "Schmidt", "Petrova",
        "Mensah", "Castillo", "Yilmaz", "Nakamura", "Kowalski", "Hassan", "Lindqvist", "Mwangi", "Ortega", "Chen"]
AGENCIES = ["AP", "Reuters", "AFP", "dpa", "Xinhua"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TOPICS = ["the ceasefire proposal", "the grain export deal", "the border dispute", "the nuclear programme",
          "the prisoner exchange", "energy supplies", "the trade agreement", "the humanitarian corridor",
          "the disputed election", "the refugee crisis", "the new security pact", "the debt restructuring"]
# Verb phrases taken from the kinds of patterns in the event lexicon (say, urge, meet, criticize, ...).
EVENT_TEMPLATES = [
    "{A} met {B} in {city} on {day} to discuss {topic}.",
    "{A} held talks with {B} on {day} about {topic}, officials said.",
    "{A} urged {B} to return to negotiations over {topic}.",
    "{A} accused {B} of violating {topic} and of shelling civilian areas.",
    "{A} condemned {B} for the attack, calling it a grave escalation.",
    "{A} criticized {B} for failing to honour {topic}.",
    "{A} threatened to impose new sanctions on {B} if the fighting continued.",
    "{A} imposed sanctions on {B} over {topic}, freezing the assets of several officials.",
    "{A} rejected {B}'s demand for new elections.",
    "{A} praised {B} for its role in brokering {topic}.",
    "{A} signed an agreement with {B} on {topic} on {day}.",
    "{A} will visit {B} next week for the first time since the war began.",
    "{A} called on {B} to release the detained journalists.",
    "{A} warned {B} against any further military build-up along the border.",
    "{A} expelled two diplomats from {B}, the foreign ministry said.",
    "{A} pledged to send more aid to {B} before the winter.",
    "{A} denied that it had attacked {B}, saying the claims were fabricated.",
    "{A} agreed with {B} to extend {topic} for another 60 days.",
    "{A} did not sign the accord with {B}, despite weeks of pressure.",
    "{A} hosted {B} for a two-day summit on {topic}.",
    "Troops from {A} clashed with {B} near the frontier overnight, killing at least {n} people.",
    "{A} recalled its ambassador from {B} in protest.",
    "{A} welcomed the decision by {B} to reopen the crossing.",
    "{A} demanded that {B} withdraw its forces from the area.",
]
QUOTE_TEMPLATES = [
    "\"We will not accept any deal that ignores our sovereignty,\" {P} told reporters.",
    "\"This is a dangerous moment for the whole region,\" {P} said in a statement.",
    "\"The door to dialogue remains open,\" {P} said, adding that talks could resume within weeks.",
    "{P} said the talks had been \"frank and constructive\" but that differences remained.",
    "According to {P}, the government was prepared to make concessions on {topic}.",
    "\"Our patience is not unlimited,\" {P} told a news conference in {city}.",
]
BACKGROUND = [
    "The conflict has killed tens of thousands of people and displaced millions since it began.",
    "Temperatures in the region are expected to fall below freezing later this month.",
    "The currency has lost about {n} percent of its value against the dollar this year.",
    "Inflation reached {n} percent in October, the highest level in more than a decade.",
    "The port handles roughly a third of the country's exports of wheat and sunflower oil.",
    "Parliamentary elections are scheduled for the spring, although no date has been set.",
    "The region has a long history of disputes over water rights and grazing land.",
    "Satellite images published last month showed new construction at the site.",
    "Analysts say the economy is likely to contract for a second consecutive year.",
    "Shares in European defence companies rose sharply on the news.",
    "The city of about {n}0,000 people lies some 40 kilometres from the front line.",
    "Aid agencies have warned of severe food shortages in the coming months.",
    "Oil prices edged higher in early trading, with Brent crude up {n} cents a barrel.",
    "The ministry did not immediately respond to a request for comment.",
    "Local media reported long queues at petrol stations across the capital.",
    "The agreement, first reached in {year}, expired at the end of last month.",
]


def _actor(rng: random.Random) -> str:
    r = rng.random()
    c = rng.choice(COUNTRIES)
    if r < 0.25:
        return c[0]
    if r < 0.45:
        return rng.choice(LEADERS)
    if r < 0.6:
        return rng.choice(ORGS)
    if r < 0.8:
        return f"{c[1]} {rng.choice(ROLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"
    return f"the {c[1]} {rng.choice(['government', 'military', 'foreign ministry', 'army', 'police', 'parliament'])}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def article(rng: random.Random, i: int, min_sent: int, max_sent: int, start: dt.date) -> dict:
    home = rng.choice(COUNTRIES)
    date = start + dt.timedelta(days=rng.randrange(0, 365))
    n_sent = rng.randint(min_sent, max_sent)
    speaker = f"{home[1]} {rng.choice(ROLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"
    sents = []
    for k in range(n_sent):
        fill = {"A": _actor(rng), "B": _actor(rng), "city": rng.choice(COUNTRIES)[2], "day": rng.choice(DAYS),
                "topic": rng.choice(TOPICS), "n": rng.randint(2, 95), "P": speaker if k % 2 else _actor(rng),
                "year": rng.randint(1994, 2022)}
        r = rng.random()
        pool = EVENT_TEMPLATES if (k == 0 or r < 0.45) else QUOTE_TEMPLATES if r < 0.62 else BACKGROUND
        sents.append(_cap(rng.choice(pool).format(**fill)))
    lead = f"{home[3]} ({rng.choice(AGENCIES)}) — {sents[0]}"
    paragraphs, cur = [lead], []
    for s in sents[1:]:
        cur.append(s)
        if len(cur) >= rng.randint(1, 3):
            paragraphs.append(" ".join(cur))
            cur = []
    if cur:
        paragraphs.append(" ".join(cur))
    title = sents[0].split(",")[0].rstrip(".")[:90]
    return {"id": f"syn-{i:07d}", "date": date.isoformat(), "source": rng.choice(AGENCIES),
            "title": title, "text": "\n\n".join(paragraphs)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--target-mb", type=float, default=None, help="instead of --articles: write about this many MB")
    ap.add_argument("--min-sentences", type=int, default=6)
    ap.add_argument("--max-sentences", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    limit = int(args.target_mb * 2**20) if args.target_mb else None
    written = n = 0
    with args.out.open("w", encoding="utf-8") as fh:
        while (limit is not None and written < limit) or (limit is None and n < args.articles):
            line = json.dumps(article(rng, n, args.min_sentences, args.max_sentences, dt.date(2024, 1, 1)),
                              ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    print(f"{args.out}: {n} articles, {written / 2**20:.1f} MB")


if __name__ == "__main__":
    main()
