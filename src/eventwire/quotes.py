"""Quotes and attribution: who said what, through which channel.

``find_quotes(doc, mentions)`` returns the ``Quote`` records of a parsed article:

* direct quotes — text between quotation marks (straight or curly, across
  sentences, continued across paragraphs, broken by "he said"), kept when a
  reporting cue (a speech verb, "according to") sits next to them, or when the
  quote is a whole paragraph continuing the previous paragraph's quote;
* indirect speech — a speech verb with a clausal complement ("Peskov said that
  there were no specifics"), and "according to X" sourcing.

The speaker is the subject of the cue verb (the object of "according to"),
given as the resolved actor from the article's ``Mentions`` when there is one;
pronouns resolve to the nearest named person before them. The channel is the
medium the words reached the reporter through: "according to the Interfax news
agency" next to another speaker, "told CNN", "in an interview with Fox News".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Actor, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .actors.resolver import Mentions

# Lemmas of reporting verbs (cue words).
SPEECH_VERBS = frozenset("""
say tell add state note explain write insist claim argue contend assert declare announce report confirm deny
warn caution predict promise vow pledge acknowledge admit concede suggest propose recall reply respond answer
ask question wonder complain charge accuse allege stress emphasize emphasise urge tweet post mention testify
observe remark comment describe continue conclude maintain reiterate repeat joke quip boast brag shout yell
scream whisper recount reveal disclose indicate estimate find believe think feel say-so agree disagree counter
point hint signal predict speculate lament concede declare proclaim affirm assure tout praise criticize criticise
blast slam decry dismiss reject demand call learn recommend advise acknowledge grant inform notify
""".split())
# Verbs that need a clausal complement to count as speech (they are often not reporting).
_WEAK_VERBS = frozenset("find believe think feel agree disagree point signal learn grant continue call "
                        "question answer dismiss reject demand praise criticize criticise blast slam decry".split())
# Verbs whose direct object (or infinitive) is the attributed content: "called for talks", "cited polls".
STANCE_VERBS = frozenset("""
call cite criticize criticise blast slam attack accuse question want plan support oppose urge promise pledge
vow discuss mention demand propose describe label dub brand mock praise condemn denounce welcome reject deny
defend back endorse favor favour threaten warn seek ask request suggest recommend
agree decline note expect tell
""".split())
# Verbs that make a nearby quotation a quote even without a clause ("called him a “con artist”").
_NAMING_VERBS = frozenset("call describe label dub brand refer term mock praise blast slam criticize".split())
_SPEAKER_COLON = re.compile(r"^[\"\u201c\u201d]?((?:[A-Z][\w.'\u2019-]*)(?: [A-Z][\w.'\u2019-]*){0,3}): +\S")
_DASH_SPEAKER = re.compile(r"^[\s\u00a0]*[\u2015\u2014\u2013-][\s\u00a0]*"
                           r"([A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3})")
_CORE_SPEECH = frozenset("say tell add state write explain insist claim argue note ask reply respond".split())
_CHANNEL_WORDS = frozenset("agency news newspaper television tv radio channel media press outlet network "
                           "broadcaster daily paper magazine website".split())
_PRONOUNS = frozenset("he she they i we it you".split())
_NON_SPEAKERS = frozenset("it there this that which who".split())
_IT_SPEAKS = frozenset("say add write state report note announce".split())
_OPEN = "\u201c\u00ab\u201e"
_CLOSE = "\u201d\u00bb"
_MIN_DIRECT_CHARS = 3
_QUOTE_MARK = re.compile("''|[\"\u201c\u201d\u00ab\u00bb\u201e]")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Character span of text between quotation marks (marks included)."""

    start: int
    end: int
    paragraph_start: bool  # the quote opens its paragraph
    unclosed: bool  # the paragraph ended before the closing mark


def quote_spans(text: str) -> list[QuoteSpan]:
    """Quoted stretches of ``text``, paired per paragraph; unbalanced marks run to the paragraph end."""
    spans: list[QuoteSpan] = []
    for para in re.finditer(r"[^\n]+", text):
        p_start, p_text = para.start(), para.group()
        open_at: int | None = None
        opener = ""
        for m in _QUOTE_MARK.finditer(p_text):
            ch, i = m.group(), m.start()
            if ch == "''":  # two apostrophes: the quotation mark of some newswire archives
                ch = '"'
                if open_at is None and i > 0 and p_text[i - 1].isalnum():
                    continue  # a closing pair with nothing open, or a possessive run-on
            end = m.end()
            if open_at is not None and opener == '"' and ch in "\u201c\u201d":
                continue  # curly quotes nested in a straight-quoted passage: "PENCE: … “Shark Tank.” …
            if open_at is None:
                opener = ch
                if ch in _CLOSE and p_text[:i].strip():
                    continue  # a stray closing mark (one opening the paragraph is a typo for an opening mark)
                open_at = i
            else:
                if ch in _OPEN and ch != '"':
                    open_at = i  # a second opening mark: the first was unbalanced
                    continue
                if i - open_at - 1 >= _MIN_DIRECT_CHARS:
                    spans.append(QuoteSpan(p_start + open_at, p_start + end,
                                           p_text[:open_at].strip() == "", False))
                open_at = None
        if open_at is not None and len(p_text) - open_at > _MIN_DIRECT_CHARS + 1:
            spans.append(QuoteSpan(p_start + open_at, p_start + len(p_text), p_text[:open_at].strip() == "", True))
    return spans


@dataclass
class _Cue:
    verb: "Token"
    speaker: "Span | None"
    channel: str | None


class QuoteFinder:
    """Finds the direct and indirect quotes of a parsed doc."""

    def __init__(self, speech_verbs: frozenset[str] = SPEECH_VERBS) -> None:
        self.speech_verbs = speech_verbs
        self._cue_words = speech_verbs | STANCE_VERBS | _EVIDENCE_VERBS | _NAMING_VERBS
        self._lemma_memo: dict[int, bool] = {}  # lemma hash → can start a cue (the same for every doc)

    # ---- public -------------------------------------------------------------
    def find(self, doc: "Doc", mentions: "Mentions | None" = None) -> list[Quote]:
        sents = list(doc.sents)
        cues = self._cue_tokens(doc, sents)
        direct = self._direct(doc, sents, mentions, cues)
        covered = [(q.start, q.end) for q in direct]
        indirect = [q for q in self._indirect(doc, sents, mentions, cues)
                    if not any(s < q.end and q.start < e for s, e in covered)]
        return sorted(direct + indirect, key=lambda q: q.start or 0)

    def _cue_tokens(self, doc: "Doc", sents: list["Span"]) -> dict[int, list["Token"]]:
        """The tokens that can start a cue ('according', a speech, stance, naming or evidence verb), by sentence
        index: read from the doc's arrays once, so that the cue searches do not build every token."""
        from spacy.attrs import LEMMA, LOWER

        if not len(doc):
            return {}
        import numpy

        rows = doc.to_array([LEMMA, LOWER])
        strings = doc.vocab.strings
        wanted = self._cue_words
        memo = self._lemma_memo
        lemmas = set(rows[:, 0].tolist())
        for h in lemmas - memo.keys():
            memo[h] = strings[h].lower() in wanted
        cue_lemmas = numpy.array([h for h in lemmas if memo[h]], dtype=rows.dtype)
        hits = numpy.isin(rows[:, 0], cue_lemmas) | (rows[:, 1] == strings["according"])
        starts = [s.start for s in sents]
        out: dict[int, list[Token]] = {}
        for i in numpy.flatnonzero(hits).tolist():
            out.setdefault(bisect_right(starts, i) - 1, []).append(doc[i])
        return out

    # ---- direct quotes --------------------------------------------------------
    def _direct(self, doc: "Doc", sents: list["Span"], mentions: "Mentions | None",
                cues: dict[int, list["Token"]]) -> list[Quote]:
        out: list[Quote] = []
        spans = quote_spans(_text(doc))
        inside: set[int] = set()  # token indices inside quotation marks
        for qs in spans:
            span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
            if span is not None:
                inside.update(range(span.start, span.end))
        prev: Quote | None = None
        sent_starts = [s.start_char for s in sents]
        sent_ends = [s.end_char for s in sents]
        for qs in spans:
            # the sentences overlapping the quote: a run from the first ending after its start
            qsents = list(range(bisect_right(sent_ends, qs.start), bisect_left(sent_starts, qs.end)))
            if not qsents:
                continue
            cue = self._label_cue(doc, qs) or self._cue_near(sents, qsents, qs, inside, cues)
            if cue is None and prev is not None and qs.paragraph_start and self._continues(_text(doc), prev, qs):
                out.append(Quote(text=_text(doc)[qs.start:qs.end], speaker=prev.speaker, direct=True,
                                 channel=prev.channel, verb=prev.verb, sentence_indices=tuple(qsents),
                                 start=qs.start, end=qs.end))
                prev = out[-1]
                continue
            if cue is None:
                continue
            quote = Quote(text=_text(doc)[qs.start:qs.end], speaker=self._actor(cue.speaker, mentions),
                          direct=True, channel=cue.channel, verb=cue.verb.text,
                          sentence_indices=tuple(qsents), start=qs.start, end=qs.end)
            out.append(quote)
            prev = quote
        return out

    @staticmethod
    def _label_cue(doc: "Doc", qs: QuoteSpan) -> _Cue | None:
        """Transcript and byline forms: '"PENCE: Well, ...' and '"..." ― Sonya Herridge'."""
        text = _text(doc)
        m = _SPEAKER_COLON.match(text[qs.start:qs.end])
        if m:
            span = doc.char_span(qs.start + m.start(1), qs.start + m.end(1), alignment_mode="expand")
            if span is not None:
                return _Cue(span[-1], span, None)
        m = _DASH_SPEAKER.match(text[qs.end:qs.end + 80])
        if m:
            span = doc.char_span(qs.end + m.start(1), qs.end + m.end(1), alignment_mode="expand")
            if span is not None:
                return _Cue(span[0], span, None)
        return None

    @staticmethod
    def _continues(text: str, prev: Quote, qs: QuoteSpan) -> bool:
        """A paragraph-opening quote right after the paragraph holding the previous quote."""
        between = text[prev.end or 0:qs.start]
        return between.count("\n") <= 2 and len(between.strip()) < 80

    def _cue_near(self, sents: list["Span"], qsents: list[int], qs: QuoteSpan, inside: set[int],
                  cues: dict[int, list["Token"]]) -> _Cue | None:
        """A reporting cue outside the quote in its sentences (nearest the quote), else in the next/previous one."""
        def outside(tok: "Token") -> bool:
            return tok.i not in inside

        candidates: list[tuple[int, _Cue]] = []
        for si in qsents:
            for tok in cues.get(si, ()):
                if not outside(tok):
                    continue
                cue = self._cue(tok, naming=True)
                if cue is not None and (cue.speaker is None or not outside(cue.speaker.root)):
                    # the parser took words of the quote for the subject: "“My reaction ...,” said Dean"
                    cue = _Cue(cue.verb, self._speaker_outside(cue.verb, outside, qs), cue.channel)
                if cue is not None:
                    dist = min(abs(tok.idx - qs.start), abs(tok.idx - qs.end)) + (1000 if cue.speaker is None else 0)
                    if tok.lemma_.lower() not in _CORE_SPEECH:
                        dist += 120  # "said" beats a nearer "called"/"described"
                    if cue.speaker is not None and cue.speaker.root.pos_ == "PRON":
                        dist += 10
                    candidates.append((dist, cue))
        if candidates:
            return min(candidates, key=lambda c: c[0])[1]
        # "He said:" at the end of the sentence before; "..., she added." as its own short sentence after
        for si in (qsents[-1] + 1, qsents[0] - 1):
            if 0 <= si < len(sents):
                sent = sents[si]
                if si < qsents[0] and not sent.text.rstrip().endswith(":"):
                    continue
                if si > qsents[-1] and len(sent) > 8:
                    continue
                for tok in cues.get(si, ()):
                    if outside(tok):
                        cue = self._cue(tok)
                        if cue is not None and cue.speaker is not None:
                            return cue
        return None

    def _cue(self, tok: "Token", naming: bool = False) -> _Cue | None:
        """The cue a token starts, if it is one: a speech verb or 'according to'."""
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            return _Cue(tok, _phrase(obj) if obj is not None else None, None)
        lemma = tok.lemma_.lower()
        if naming and tok.pos_ == "VERB" and lemma in _NAMING_VERBS:
            speaker = self._subject(tok)
            return _Cue(tok, speaker, self._channel(tok, speaker))
        if tok.pos_ not in ("VERB", "AUX") or lemma not in self.speech_verbs:
            return None
        if lemma in _WEAK_VERBS and not any(c.dep_ in ("ccomp", "parataxis") for c in tok.children) \
                and tok.dep_ not in ("parataxis", "ccomp"):
            return None
        speaker = self._subject(tok)
        return _Cue(tok, speaker, self._channel(tok, speaker))

    @staticmethod
    def _subject(verb: "Token") -> "Span | None":
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        head = verb
        while subj is None and head.dep_ in ("conj", "xcomp", "advcl") and head.head.pos_ in ("VERB", "AUX") \
                and head.head.i != head.i:
            head = head.head
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is None and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and head is verb:
            # "began by saying …", "criticised for saying …": the subject of the verb the preposition hangs on
            up = verb.head.head
            if up.pos_ in ("VERB", "AUX") and verb.head.dep_ == "prep":
                subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                head = up
        if subj is not None and subj.lower_ in ("who", "which", "that") and head.dep_ == "relcl":
            subj = head.head
        if subj is None:  # passive "it was announced by X"
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            if agent is not None:
                subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subj is None:
            return None
        if subj.lower_ == "it" and subj.dep_ == "nsubj" and verb.lemma_.lower() in _IT_SPEAKS:
            return _phrase(subj)  # "…,” it added': a newspaper, a statement, an agency
        if subj.lower_ in _NON_SPEAKERS or subj.ent_type_ in ("TIME", "DATE"):
            return None
        return _phrase(subj)

    def _speaker_outside(self, verb: "Token", outside: "object", qs: QuoteSpan) -> "Span | None":
        """The speaker when the parser's subject lies inside the quote: another subject of the verb outside it
        ("“My reaction …,” Obama's former strategist said"), a noun phrase between the quote and the verb
        ("“…,” Flynn, a top Trump surrogate, said"), else a name right after the verb."""
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and outside(child) and \
                    child.lower_ not in _NON_SPEAKERS and child.ent_type_ not in ("DATE", "TIME"):  # type: ignore[operator]
                return _phrase(child)
        return self._between(verb, outside, qs) or self._after_verb(verb, outside)

    @staticmethod
    def _between(verb: "Token", outside: "object", qs: QuoteSpan) -> "Span | None":
        """The first name or noun between the end of the quote and the cue verb that follows it."""
        doc = verb.doc
        toks: list[Token] = []
        j = verb.i - 1
        while j >= 0 and doc[j].idx >= qs.end and len(toks) <= 15:
            toks.insert(0, doc[j])
            j -= 1
        if not toks or len(toks) > 15 or not all(outside(t) for t in toks):  # type: ignore[operator]
            return None
        for tok in toks:
            if tok.pos_ in ("PROPN", "NOUN", "PRON") and tok.lower_ not in _NON_SPEAKERS and \
                    tok.ent_type_ not in ("DATE", "TIME"):
                head = tok
                while head.head.i != head.i and head.dep_ in ("compound", "flat", "amod", "poss", "case") and \
                        head.head.i < verb.i and head.head.idx >= qs.end:
                    head = head.head
                return doc[tok.i:head.i + 1]
        return None

    @staticmethod
    def _after_verb(verb: "Token", outside: "object") -> "Span | None":
        """The speaker of an inverted cue ("..., said James Acton, a physicist"): a name right after the verb."""
        doc = verb.doc
        for tok in doc[verb.i + 1:min(len(doc), verb.i + 4)]:
            if tok.is_punct:
                break
            if tok.ent_type_ in ("DATE", "TIME"):
                continue  # "…,” the chief said Monday"
            if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG"):
                head = tok
                while head.head.i != head.i and head.dep_ in ("compound", "flat") and head.head.pos_ == "PROPN":
                    head = head.head
                if not outside(head):  # type: ignore[operator]
                    return None
                return _phrase(head)
        return None

    @staticmethod
    def _channel(verb: "Token", speaker: "Span | None") -> str | None:
        """'according to the Interfax news agency', 'told CNN', 'in an interview with Fox News'."""
        sent = sentence_of(verb)
        for tok in _words_in(sent, _ACCORDING):
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                obj = next((c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"), None)
                if obj is not None and (speaker is None or obj.i not in range(speaker.start, speaker.end)):
                    return _phrase(obj).text
        if verb.lemma_.lower() == "tell":
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None and (obj.ent_type_ == "ORG" or obj.lower_ in _CHANNEL_WORDS
                                    or obj.lower_ in ("reporter", "reporters", "journalists")):
                return _phrase(obj).text
        for tok in _words_in(sent, _CHANNEL_NOUNS):
            if tok.lower_ in _CHANNEL_NOUNS and tok.dep_ == "pobj":
                with_ = next((c for c in tok.children if c.lower_ in ("with", "on", "to")), None)
                obj = next((c for c in with_.children if c.dep_ == "pobj"), None) if with_ is not None else None
                if obj is not None:
                    return _phrase(obj).text
        return None

    # ---- indirect speech -----------------------------------------------------
    def _colon_lines(self, doc: "Doc", sents: list["Span"], mentions: "Mentions | None") -> list[Quote]:
        """'Pat Caddell: Democrat voters worried ...' — a line led by a short capitalised name and a colon."""
        out: list[Quote] = []
        for line in re.finditer(r"[^\n]+", _text(doc)):
            m = _SPEAKER_COLON.match(line.group())
            if not m or line.group().startswith(('"', "\u201c", "\u201d")):
                continue
            span = doc.char_span(line.start() + m.start(1), line.start() + m.end(1), alignment_mode="expand")
            if span is None:
                continue
            start, end = line.start() + m.end(1) + 1, line.end()
            while start < end and _text(doc)[start].isspace():
                start += 1
            si = tuple(i for i, s in enumerate(sents) if s.start_char < end and start < s.end_char)
            out.append(Quote(text=_text(doc)[start:end], speaker=self._actor(span, mentions), direct=False,
                             verb=":", sentence_indices=si, start=start, end=end))
        return out

    def _indirect(self, doc: "Doc", sents: list["Span"], mentions: "Mentions | None",
                  cues: dict[int, list["Token"]]) -> list[Quote]:
        out: list[Quote] = self._colon_lines(doc, sents, mentions)
        for si, sent in enumerate(sents):
            for tok in cues.get(si, ()):
                if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                    quote = self._according(doc, si, sent, tok, mentions)
                    if quote is not None:
                        out.append(quote)
                    continue
                evidence = _evidence_cue(tok)
                if not evidence and (tok.pos_ not in ("VERB", "AUX") or (
                        tok.lemma_.lower() not in self.speech_verbs and tok.lemma_.lower() not in STANCE_VERBS)):
                    continue
                content = self._content(tok)
                if content is None and (evidence or tok.lemma_.lower() in STANCE_VERBS) and \
                        (tok.lemma_.lower() != "tell" or any(c.dep_ == "xcomp" for c in tok.children)):
                    content = self._object_content(tok)  # "called for talks"; "told his aides to find a way"
                if content is None:
                    continue
                speaker = self._subject(tok)
                if speaker is None:
                    continue
                out.append(Quote(text=_text(doc)[content[0]:content[1]], speaker=self._actor(speaker, mentions),
                                 direct=False, channel=self._channel(tok, speaker), verb=tok.text,
                                 sentence_indices=(si,), start=content[0], end=content[1]))
        return out

    @staticmethod
    def _content(verb: "Token") -> tuple[int, int] | None:
        """Character span of what a speech verb reports: its clausal complement, or the clause it interrupts."""
        comp = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i != verb.i]
        if comp:
            c = comp[0] if len(comp) == 1 else max(comp, key=lambda t: len(list(t.subtree)))
            toks = list(c.subtree)
            according = [a for a in _words_in(c.doc[toks[0].i:toks[-1].i + 1], _ACCORDING) if _descends(a, c)]
            if according:
                cut = {t.i for a in according for t in a.subtree}
                toks = [t for t in toks if t.i not in cut]
            while toks and toks[-1].is_punct:
                toks.pop()
            if len(toks) < 3:
                return None
            return toks[0].idx, toks[-1].idx + len(toks[-1])
        # "The museum, Mr. Bush said, celebrated ...": a cue set off by commas inside the reported clause
        if verb.dep_ == "parataxis" and verb.i < verb.head.i and _between_commas(verb) and \
                verb.head.lemma_.lower() not in SPEECH_VERBS | STANCE_VERBS:
            cue = {t.i for t in verb.subtree}
            toks = [t for t in verb.head.subtree if t.i not in cue]
            while toks and toks[-1].is_punct:
                toks.pop()
            while toks and toks[0].is_punct:
                toks.pop(0)
            if len(toks) < 4:
                return None
            return toks[0].idx, toks[-1].idx + len(toks[-1])
        # "..., officials said." parsed with the verb as a parataxis/ccomp child of the reported clause
        if verb.dep_ in ("parataxis", "ccomp") and verb.i > verb.head.i and \
                not any(c.dep_ == "mark" for c in verb.children) and \
                verb.head.lemma_.lower() not in SPEECH_VERBS | STANCE_VERBS:
            head = verb.head
            toks = [t for t in head.subtree if t.i < verb.i and not (t.is_punct and t.i == verb.i - 1)]
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if subj:
                toks = [t for t in toks if t.i < min(x.left_edge.i for x in subj)]
            while toks and toks[-1].is_punct:
                toks.pop()
            if len(toks) < 3:
                return None
            return toks[0].idx, toks[-1].idx + len(toks[-1])
        return None

    @staticmethod
    def _object_content(verb: "Token") -> tuple[int, int] | None:
        """What a stance verb is about: its object, infinitive or prepositional phrase ('called for talks')."""
        parts = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "xcomp", "prep", "dative", "oprd")]
        if not parts:
            return None
        toks = [t for c in parts for t in c.subtree]
        first, last = min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)
        if last.i - first.i < 1:
            return None
        return first.idx, last.idx + len(last)

    def _according(self, doc: "Doc", si: int, sent: "Span", tok: "Token",
                   mentions: "Mentions | None") -> Quote | None:
        obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
        if obj is None:
            return None
        for t in sent:  # "Peskov said ..., according to Interfax": Interfax is the channel of Peskov's quote
            if t.i != tok.i and t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in self.speech_verbs and \
                    self._subject(t) is not None and self._content(t) is not None:
                return None
        src = _phrase(obj)
        phrase_start = tok.i
        phrase_end = max(src.end, obj.right_edge.i + 1)
        before = [t for t in sent if t.i < phrase_start and not t.is_punct]
        after = [t for t in sent if t.i >= phrase_end and not t.is_punct]
        part = before if len(before) >= len(after) else after
        if len(part) < 3:
            return None
        start, end = part[0].idx, part[-1].idx + len(part[-1])
        return Quote(text=_text(doc)[start:end], speaker=self._actor(src, mentions), direct=False, channel=None,
                     verb="according to", sentence_indices=(si,), start=start, end=end)

    # ---- speakers --------------------------------------------------------------
    @staticmethod
    def _actor(span: "Span | None", mentions: "Mentions | None") -> Actor | None:
        if span is None:
            return None
        head = span.root
        if mentions is not None:
            found = mentions.get(head)
            if found is not None:
                return found
            if head.lower_ in _PRONOUNS and head.lower_ not in ("i", "we", "you", "it"):
                prior = _nearest_person_before(head, mentions)
                if prior is not None:
                    from dataclasses import replace

                    return replace(prior, text=span.text, start=span.start_char, end=span.end_char,
                                   how=prior.how + "+pronoun")
        return Actor(code=None, text=span.text, start=span.start_char, end=span.end_char, how="quote-speaker")


# "A new poll shows …", "Video of the incident shows …", "A 2014 study found …": evidence as the source.
_EVIDENCE_VERBS = frozenset("show find suggest indicate reveal estimate conclude document".split())
_EVIDENCE_NOUNS = frozenset("""
poll polls survey surveys study studies data report reports analysis analyses video videos footage record records
document documents figure figures number numbers average averages slide transcript research statistic statistics
result results census audit review investigation memo letter email emails filing filings tally count estimate
estimates projection projections forecast model models
""".split())


def _evidence_cue(tok: "Token") -> bool:
    """A verb of showing whose subject is a poll, study, document or recording."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _EVIDENCE_VERBS:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in _EVIDENCE_NOUNS


def _between_commas(verb: "Token") -> bool:
    """A parenthetical cue: its subtree has a comma (or dash) right before and right after it."""
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    marks = {",", "\u2014", "\u2013", "--"}
    before = doc[left - 1].text if left > 0 else ""
    after = doc[right + 1].text if right + 1 < len(doc) else ""
    return (doc[left].text in marks or before in marks) and (doc[right].text in marks or after in marks)


def _phrase(head: "Token") -> "Span":
    """The noun phrase a head token governs, without trailing relative clauses or appositions."""
    keep = [t for t in head.subtree if t.dep_ not in ("relcl", "acl", "appos", "punct", "cc", "conj", "prep")
            or t.i <= head.i]  # the head itself always (a misparse can make it a "punct" or "conj")
    left = min(t.i for t in keep)
    right = head.i
    for t in head.rights:
        if t.dep_ in ("compound", "flat", "nummod"):
            right = max(right, t.right_edge.i)
    span = head.doc[left:right + 1]
    return span


def _nearest_person_before(tok: "Token", mentions: "Mentions") -> Actor | None:
    best: Actor | None = None
    best_i = -1
    for i, actor in mentions.by_head.items():
        if i < tok.i and i > best_i and (actor.how in ("dictionary:person", "ner:person", "surname")):
            best, best_i = actor, i
    return best


def doc_text(doc: "Doc") -> str:
    """``doc.text``, built once per doc (spaCy re-joins every token on each access)."""
    text = doc.user_data.get("eventwire.text")
    if text is None:
        text = doc.user_data["eventwire.text"] = doc.text
    return text


_text = doc_text


_ACCORDING = ("according",)
_CHANNEL_NOUNS = ("interview", "statement", "broadcast")
_INDEXED_WORDS = _ACCORDING + _CHANNEL_NOUNS


def _words_in(span: "Span", words: tuple[str, ...]) -> list["Token"]:
    """The tokens of ``span`` whose lower-case form is one of ``words`` (a subset of _INDEXED_WORDS), from an
    index built once per doc with one vectorised pass."""
    doc = span.doc
    index = doc.user_data.get("eventwire.word_index")
    if index is None:
        from spacy.attrs import LOWER

        lowers = doc.to_array(LOWER) if len(doc) else None
        index = doc.user_data["eventwire.word_index"] = {
            w: (_flatnonzero(lowers == doc.vocab.strings[w]) if lowers is not None else [])
            for w in _INDEXED_WORDS}
    hits = sorted(i for w in words for i in index[w][bisect_left(index[w], span.start):
                                                        bisect_left(index[w], span.end)])
    return [doc[i] for i in hits]


def _flatnonzero(mask: "object") -> list[int]:
    import numpy

    return numpy.flatnonzero(mask).tolist()


def _descends(tok: "Token", ancestor: "Token") -> bool:
    """Whether ``tok`` is ``ancestor`` or in its subtree (walking up the heads: no subtree is built)."""
    while tok.i != ancestor.i:
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _sentence_starts(doc: "Doc") -> list[int]:
    """Token indices where sentences start (token 0 included), read once per doc."""
    starts = doc.user_data.get("eventwire.sent_starts")
    if starts is None:
        from spacy.attrs import SENT_START

        flags = doc.to_array(SENT_START).tolist() if len(doc) else []
        starts = doc.user_data["eventwire.sent_starts"] = [0] + [i for i, v in enumerate(flags) if v == 1 and i]
    return starts


def sentence_of(tok: "Token") -> "Span":
    """The sentence of a token, from the doc's sentence starts (``Token.sent`` re-walks the whole doc)."""
    doc = tok.doc
    starts = _sentence_starts(doc)
    k = bisect_right(starts, tok.i)
    return doc[starts[k - 1]:starts[k] if k < len(starts) else len(doc)]


_FINDER: QuoteFinder | None = None


def find_quotes(doc: "Doc", mentions: "Mentions | None" = None) -> list[Quote]:
    """The quotes of a parsed doc (direct and indirect), in text order."""
    global _FINDER
    if _FINDER is None:
        _FINDER = QuoteFinder()
    return _FINDER.find(doc, mentions)


def quote_at(quotes: list[Quote] | tuple[Quote, ...], char: int) -> Quote | None:
    """The quote whose text covers character offset ``char`` (direct quotes first)."""
    hits = [q for q in quotes if q.start is not None and q.end is not None and q.start <= char < q.end]
    hits.sort(key=lambda q: (not q.direct, (q.end or 0) - (q.start or 0)))
    return hits[0] if hits else None
