"""Reduce a PETRARCH/TABARI verb dictionary to eventwire patterns.

One conversion serves two callers: scripts/convert_petrarch_verbs.py, which writes the shipped
petrarch_verbs.tsv and keeps synonym-set objects and subjects as ``&name`` references (their members go to
petrarch_synsets.tsv), and the evaluation of the PETRARCH suites with their own dictionaries, which expands
them to their members. It also reads the older validation files, where synonym sets sit between the verb blocks.
"""

from __future__ import annotations

import re
from pathlib import Path

PARTICLES = {"about", "across", "after", "against", "along", "around", "as", "at", "away", "back", "before", "behind",
             "between", "by", "down", "for", "from", "in", "into", "of", "off", "on", "onto", "out", "over", "through",
             "to", "toward", "towards", "under", "up", "upon", "with", "without", "within", "aside", "forward",
             "together", "apart", "ahead"}
SKIP_WORDS = {"a", "an", "the", "$", "+", "^", "%", "his", "her", "its", "their", "new", "of"}
HEADER = ["lemma", "pos", "prep", "object", "subject", "cameo", "role", "reverse", "form", "comment"]
CODE_RE = re.compile(r"\[([^\]]*)\]")


def lemmatise(word: str, nlp: object | None) -> str:
    """The lemma of a pattern's object or subject word, read as a noun ("the talks" → talk)."""
    w = word.lower().replace("_", " ").split()[-1] if word else ""
    if nlp is None or not w.isalpha():
        return w
    doc = nlp(f"the {w}")  # type: ignore[operator]
    return doc[1].lemma_.lower() if len(doc) > 1 else w


def lemmatise_verb(word: str, nlp: object | None) -> str:
    """The lemma of a verb line's word, read as a verb ("they left" → leave; as a noun "left" stays "left")."""
    w = word.lower()
    if nlp is None or not w.isalpha():
        return w
    doc = nlp(f"they {w} it")  # type: ignore[operator]
    return doc[1].lemma_.lower() if len(doc) > 2 and doc[1].pos_ in ("VERB", "AUX") else w


def noun_head(words: list[str], nlp: object | None) -> str:
    """The head noun of a multi-word subject before the verb ("DEATH TOLL *" → toll), or "" when the words are not
    a noun phrase ("SAID WOULD NOT *", "HEAVILY *"): PETRARCH matches them as a phrase, eventwire's subject slot
    holds one word."""
    plain = [w.lower().replace("_", " ") for w in words]
    if nlp is None or any(not w.replace(" ", "").isalpha() for w in plain):
        return ""
    doc = nlp("the " + " ".join(plain) + " rose")  # type: ignore[operator]
    head = doc[-2] if len(doc) > 2 else None
    if head is None or head.pos_ != "NOUN" or any(t.pos_ in ("VERB", "AUX", "ADV", "PART") for t in doc[1:-1]):
        return ""
    return head.lemma_.lower()


def inflected_forms(word: str, braces: str, lemma: str) -> str:
    """The surface forms a verb line is restricted to ('|'-joined), when its word is an inflected form of another
    verb (``LEFT`` → leave, ``RISEN`` → rise): PETRARCH matches verbs by form, so a ``--- LEFT [032:033]`` block
    is not ``--- LEAVE [012]``. Empty for a base form, whose other forms are all its lemma's."""
    w = word.lower()
    if not lemma or w == lemma or not w.isalpha():
        return ""
    forms = [w] + [f.lower() for f in braces.split() if f.isalpha() and f.lower() != lemma]
    return "|".join(dict.fromkeys(forms))


def regular_forms(word: str) -> list[str]:
    """A verb's regular forms as PETRARCH/TABARI generate them for a line without ``{forms}``: -s (-es after
    s/x/z/ch/sh, -ies after a consonant + y), -ed (-d after e, -ied), -ing (the final e dropped). Anything else
    (doubled consonants, irregular pasts) must be listed in the line's braces."""
    w = word.lower()
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return [w, w[:-1] + "ies", w[:-1] + "ied", w + "ing"]
    if w.endswith("e"):
        return [w, w + "s", w + "d", (w[:-1] if not w.endswith("ee") else w) + "ing"]
    third = w + ("es" if w.endswith(("s", "x", "z", "ch", "sh")) else "s")
    return [w, third, w + "ed", w + "ing"]


def exact_forms(word: str, braces: str) -> str:
    """The surface forms ('|'-joined) a base verb line matches when verbs are matched by form, as PETRARCH does:
    its regular forms and the single-word forms in its braces ("DEPART" does not match "departes")."""
    listed = [f.lower() for f in braces.split() if f.isalpha()]
    return "|".join(dict.fromkeys(regular_forms(word) + listed))


def split_code(code: str) -> tuple[str, str, str] | None:
    """'042:043' → (cameo, role, reverse); ':120' → the subject is the target; '---' blocks; None if not a code."""
    role = reverse = ""
    if code == "---":
        cameo = "---"
    else:
        first, _, second = code.partition(":")
        if not first and second:
            cameo, role = second, "target"
        else:
            cameo = first
            reverse = second if second.isdigit() else ""
    if cameo != "---" and not cameo.isdigit():
        return None
    return cameo, role, reverse


def verb_forms(body: str) -> str:
    """The ``{...}`` forms of a verb line ('LEFT {LEAVING}' → 'LEAVING')."""
    m = re.search(r"\{([^}]*)\}", body)
    return m.group(1) if m else ""


def listed_form_entries(word: str, particle: str, braces: str, vlem) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(lemma, particle, forms) for the ``{forms}`` of a verb line that the parser lemmatises to another word than the
    line's ("+CORDON_OFF {+CORDONED_OFF}": spaCy reads "cordoned" as *cordone*), so those forms still find the
    line's patterns; empty when every form lemmatises to the line's word."""
    by_lemma: dict[str, list[str]] = {}
    for raw in braces.split():
        parts = [x for x in raw.lower().split("_") if x]
        form = next((x.lstrip("+") for x in parts if x.startswith("+")), parts[0] if parts else "").lstrip("+")
        if not form.isalpha():
            continue
        lemma = vlem(form)
        if lemma not in (word, form):  # a form read as itself may be another verb's base ("wound" of WIND)
            by_lemma.setdefault(lemma, []).append(form)
    return [(lemma, particle, "|".join(forms)) for lemma, forms in by_lemma.items()]


def parse_verb_line(body: str) -> tuple[str, str, str, str] | None:
    """A verb line 'WORD' or '+WORD_PARTICLE' with optional {forms} and [code] → (lemma, particle, code, word)."""
    m = CODE_RE.search(body)
    code = m.group(1).strip() if m else ""
    word = re.sub(r"\{[^}]*\}|\[[^\]]*\]", "", body).strip().split()
    if not word:
        return None
    w = word[0].lstrip("+").lower()
    parts = [x for x in w.split("_") if x]
    if not parts:
        return None
    if len(parts) == 2 and parts[1] in PARTICLES:
        return parts[0], parts[1], code, w
    if len(parts) > 1:
        return None  # multi-word phrases that are not verb + particle
    return parts[0], "", code, w


def parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        s = line.split("#")[0].strip()
        if "VERB PATTERNS" in line:
            break
        if s.startswith("&"):
            current = s.split()[0].upper()
            sets[current] = []
        elif s.startswith("+") and current:
            sets[current].append(s[1:].split()[0].strip("_").replace("_", " ").lower())
    return sets


def split_phrase(text: str) -> list[str]:
    """Tokens of the part after '*': words, '(...)' groups and '{...}' compounds, in order."""
    return re.findall(r"\([^)]*\)|\{[^}]*\}|[^\s(){}]+", text)


def head_of(chunk: str) -> str:
    words = [w for w in chunk.strip("{}()").split() if w.lower() not in SKIP_WORDS]
    return words[-1] if words else ""


def reduce_pattern(after: str) -> tuple[str, list[str]]:
    """(prep, object heads) from the part of a pattern after '*'."""
    prep, obj = "", ""
    for tok in split_phrase(after):
        low = tok.lower()
        if tok.startswith("("):
            inner = tok.strip("()").split()
            if "^" in inner and "+" not in inner:
                continue  # "(AT ^ ^)": a phrase the match skips (a place), not the pattern's preposition
            words = [w for w in inner if w.lower() not in ("$", "+", "^", "%")]
            if not words:
                continue
            p = words[0].lower().split("/")[0]
            if not prep and p in PARTICLES:
                prep = p
                if not obj:
                    obj = head_of(" ".join(words[1:]))
                break
            continue
        if low in SKIP_WORDS:
            continue
        if low in PARTICLES and not obj and not prep:
            prep = low
            continue
        if not obj:
            obj = head_of(tok)
    return prep, [obj] if obj else []


def target_preposition(after: str) -> str:
    """The preposition whose object PETRARCH's ``+`` (the target) is, when ``+`` follows it directly
    ("* THEIR ^ ABOUT +", "* EID (AT ^) (WITH +)" → about, with); "" otherwise ("* (AT) ^ +": after a skipped phrase)."""
    prev = ""
    for tok in split_phrase(after):
        for w in tok.strip("()").split() if tok.startswith("(") else [tok]:
            low = w.lower().split("/")[0]
            if low == "+":
                return prev if prev in PARTICLES else ""
            prev = low
    return ""


def subject_is_target(before: str, after: str) -> bool:
    """A pattern that marks the words before the verb as its target (``+``) and a phrase after it as its source
    (``$``): "- + * MONEY $ [071]" ("X received money from Y": Y gives to X)."""
    return "+" in split_phrase(before) and "$" in after.replace("(", " ").replace(")", " ").split()


def convert_verbs(path: Path, nlp: object | None = None, all_synonyms: bool = False,
                  expand_synsets: bool = True, by_form: bool = False) -> list[list[str]]:
    """Lexicon rows (HEADER columns) from a PETRARCH verb dictionary.

    ``by_form``: a single-word base verb line is limited to the forms PETRARCH matches (``exact_forms``), not
    every word the parser lemmatises to it; for coding with a user's own dictionary as PETRARCH would.

    ``all_synonyms``: every synonym of a block inherits the block's default code (not only its head verb).
    ``expand_synsets``: replace ``&NAME`` objects and subjects by the set's members; when False they are kept
    as lower-case ``&name`` references.
    """
    lines = path.read_text(encoding="latin-1").splitlines()
    synsets = parse_all_synsets(lines)
    start = next((i for i, line in enumerate(lines) if "VERB PATTERNS" in line), None)
    if start is None:  # older files: synonym sets between the verb blocks
        start = next(i for i, line in enumerate(lines) if line.startswith("---")) - 1
    rows: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    cache: dict[object, str] = {}

    def lem(w: str) -> str:
        if w not in cache:
            cache[w] = lemmatise(w, nlp)
        return cache[w]

    def vlem(w: str) -> str:
        if ("verb", w) not in cache:
            cache[("verb", w)] = lemmatise_verb(w, nlp)
        return cache[("verb", w)]

    def emit(row: list[str]) -> None:
        key = tuple(row[:9])
        if key not in seen and row[0]:
            seen.add(key)
            rows.append(row)

    block_verbs: list[tuple[str, str, str]] = []  # (lemma, particle, forms)
    block_code = ""
    block_name = ""
    in_synset = False
    for raw in lines[start + 1:]:
        line = raw.rstrip()
        if line.startswith("&"):
            in_synset = True
            continue
        if in_synset and not line.startswith("---"):
            continue
        in_synset = False
        if line.startswith("---"):
            parts = line.strip("- ").split()
            block_name = parts[0] if parts else ""
            m = CODE_RE.search(line)
            block_code = m.group(1) if m and m.group(1) != "---" else ""
            block_verbs = []
            continue
        body = line.split("#")[0].strip()
        comment = line.split("#", 1)[1].strip() if "#" in line else ""
        if not body or body.startswith("~"):
            continue
        if body.startswith("*") and block_verbs:
            body = "- " + body  # a pattern line written without its dash ("* (TO QUESTION) [110]"): no verb starts so
        if body.startswith("-"):
            m = CODE_RE.search(body)
            if not m or "*" not in body:
                continue
            code = m.group(1).strip()
            pattern = body[1:m.start()].strip()
            before, after = pattern.split("*", 1)
            before_words = [w for w in split_phrase(before) if w not in ("$", "+", "^", "%")]
            if len(before_words) > 1:  # a multi-word subject ("DEATH TOLL *") keeps its head noun
                subject = noun_head(before_words, nlp)
                if not subject:
                    continue
                before_words = []
            else:
                subject = lem(head_of(before_words[0])) if before_words and not before_words[0].startswith("(") else ""
            if before_words and before_words[0].startswith("&"):
                ref = before_words[0]
                subjects = ([lem(m) for m in synsets.get(ref.upper(), [])] or [""]) if expand_synsets else [ref.lower()]
            else:
                subjects = [subject]
            prep, objs = reduce_pattern(after)
            to = target_preposition(after)
            expanded: list[str] = []
            for o in objs or [""]:
                if o.startswith("&") and expand_synsets:
                    expanded.extend(lem(m) for m in synsets.get(o.upper(), []))
                elif o.startswith("&"):
                    expanded.append(o.lower())  # a synset reference: members in petrarch_synsets.tsv
                else:
                    expanded.append(lem(o) if o else "")
            split = split_code(code)
            if split is None:
                continue
            cameo, role, reverse = split
            if not role and subject_is_target(before, after):
                role = "target"  # "+ * MONEY $": the subject receives; the source is the phrase after ("from Y")
            if to and not role:  # the target is that preposition's object, before any direct object
                prep, role = to, "prep"
            for lemma, particle, forms in block_verbs:
                p = prep
                if particle:  # "+MEET_WITH" keeps its own particle; a pattern prep then cannot also apply
                    if prep and prep != particle:
                        continue
                    p = particle
                for o in expanded:
                    for s in subjects:
                        if not (p or o or s):
                            continue
                        emit([lemma, "VERB", p, o, s, cameo, role, reverse, forms,
                              f"PETRARCH {block_name}: {pattern} [{code}]" + (f" ({comment})" if comment else "")])
            continue
        # a verb line: WORD or +WORD_PARTICLE, optional {forms}, optional [code]
        verb = parse_verb_line(body)
        if verb is None:
            continue
        word, particle, code, w = verb
        # a line listing its forms ("BREAK {BROKE BROKEN}") is a base form; a bare "LEFT" may be an inflected one:
        # it also gives form-limited patterns of its lemma (leave/"left"), and stays a verb of its own for the words
        # that are both ("FOUND": found/"founded", find/"found")
        base_forms = exact_forms(word, verb_forms(body)) if by_form and not particle and word.isalpha() else ""
        entries = [(word, particle, base_forms)]
        inflected = vlem(word) if not (verb_forms(body) or particle) else word
        if inflected != word:
            entries.append((inflected, particle, inflected_forms(word, "", inflected)))
        entries += listed_form_entries(word, particle, verb_forms(body), vlem)
        block_verbs += entries
        # A synonym without its own code inherits the block's default only when it is the block's head verb:
        # inheriting it for every WordNet synonym ("face", "confront" → 040 MEET) costs much precision.
        verb_code = code if code and code != "---" else (
            block_code if all_synonyms or word == block_name.lower().split("_")[0] else "")
        first = verb_code.split(":")[0]
        second = verb_code.partition(":")[2]
        for lemma, _, forms in entries if first.isdigit() else ():
            emit([lemma, "VERB", particle, "", "", first, "", second if second.isdigit() else "", forms,
                  f"PETRARCH {block_name}: {w.upper()} [{verb_code}]"])
    return rows


def parse_all_synsets(lines: list[str]) -> dict[str, list[str]]:
    """Every ``&NAME`` block (members on the ``+`` lines after it), wherever it is in the file."""
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        s = line.split("#")[0].strip()
        if s.startswith("&"):
            current = s.split()[0].upper()
            sets.setdefault(current, [])
        elif s.startswith("+") and current:
            sets[current].append(s[1:].split()[0].strip("_").replace("_", " ").lower())
        elif s.startswith("-"):  # a verb block or pattern ends the set; blank lines do not
            current = None
    return sets
