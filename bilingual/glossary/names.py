"""English name candidates: runs of capitalised words, with titles, nationality words and
sentence-initial common words taken out ("CIA Director William J. Burns" → CIA, William J. Burns)."""

from __future__ import annotations

import re
from functools import lru_cache

# Dotted abbreviations (U.S.) are one word; so are O'Brien and al-Sistani.
EN_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’\-][^\W\d_]+)*", re.U)
CONNECTORS = frozenset({"of", "for", "de", "da", "al", "bin", "ibn", "von", "van", "der", "den", "la", "le", "du",
                         "del", "di", "dos", "das", "the", "y"})
_TITLES = frozenset({
    "President", "Prime", "Minister", "Secretary", "General", "Director", "Mr", "Mrs", "Ms", "Dr", "Gov",
    "Sen", "Rep", "King", "Queen", "Pope", "Chancellor", "Foreign", "Defence", "Defense", "Supreme",
    "Leader", "Mayor", "Governor", "Spokesman", "Spokeswoman", "Ambassador", "Deputy", "Vice", "Chairman",
    "Commander", "Senator", "Speaker", "Premier", "Former", "Acting", "Chief", "Head", "Envoy", "Special",
    "Representative", "Adviser", "Advisor", "National", "Security", "State", "Interior", "Justice", "Lt",
    "Col", "Gen", "Sir", "Lord", "Prince", "Princess", "Emperor", "Patriarch", "Archbishop", "Bishop", "Saint",
})
_ABBREVIATIONS = frozenset({"St", "Mt", "Ft", "Jr", "Sr", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Gov", "Sen", "Rep"})
# Words after which a person's name follows ("Iranian President Masoud Pezeshkian").
_PERSON_TITLES = frozenset({
    "President", "Minister", "Secretary", "General", "Director", "Mr", "Mrs", "Ms", "Dr", "Gov", "Sen", "Rep",
    "King", "Queen", "Pope", "Chancellor", "Leader", "Mayor", "Governor", "Spokesman", "Spokeswoman",
    "Ambassador", "Chairman", "Commander", "Senator", "Speaker", "Premier", "Envoy", "Adviser", "Advisor",
    "Lt", "Col", "Gen", "Sir", "Lord", "Prince", "Princess", "Patriarch", "Archbishop", "Bishop",
})
# Nationality words: attributes, not names ("German Chancellor" → «канцлер Германии»).
_DEMONYMS = frozenset("""
Afghan African Albanian Algerian American Arab Arabic Argentine Armenian Asian Australian Austrian Azerbaijani
Belarusian Belgian Brazilian British Bulgarian Canadian Caucasian Chechen Chilean Chinese Colombian Croatian
Cuban Czech Danish Dutch Egyptian English Estonian Ethiopian European Finnish French Georgian German Greek
Hungarian Indian Indonesian Iranian Iraqi Irish Israeli Italian Japanese Jewish Jordanian Kazakh Korean Kurdish
Kyrgyz Latvian Lebanese Libyan Lithuanian Mexican Moldovan Mongolian Moroccan Nigerian Nordic Norwegian
Pakistani Palestinian Persian Polish Portuguese Romanian Russian Saudi Scottish Serbian Slovak Slovenian Somali
Soviet Spanish Sudanese Swedish Swiss Syrian Taiwanese Tajik Thai Turkish Turkmen Ukrainian Uzbek Venezuelan
Vietnamese Welsh Western Eastern Northern Southern Yemeni
""".split())
_POSSESSIVE = re.compile(r"['’]s$")
_NEVER = frozenset({
    "I", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
})


def capital_runs(sentence: str, masked: list[tuple[int, int]]):
    """Runs of capitalised words (with connectors between them): lists of (start, stop, word)."""

    def inside(s, e):
        return any(a < e and s < b for a, b in masked)

    run: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []  # connectors waiting for the next capitalised word
    prev: tuple[int, int, str] | None = None
    for m in EN_WORD.finditer(sentence):
        s, e, w = m.start(), m.end(), m.group()
        gap = sentence[prev[1]:s] if prev else ""
        # "William J. Burns", "St. Petersburg": an initial's or abbreviation's dot doesn't end the name
        dotted = gap == ". " and prev is not None and (len(prev[2]) == 1 and prev[2].isupper()
                                                         or prev[2] in _ABBREVIATIONS)
        joined = gap == " " or dotted
        prev = (s, e, w)
        # a word glued to a number is a designation's ("Airbus A310": the name is "Airbus")
        cap = (w[0].isupper() and w not in _NEVER and not inside(s, e)
               and not sentence[e:e + 1].isdigit())
        if run and joined and cap:
            if dotted:
                ps, pe, pw = run[-1]
                run[-1] = (ps, pe + 1, pw + ".")
            run += pending + [(s, e, w)]
            pending = []
        elif run and joined and w in CONNECTORS and len(pending) < 2:
            pending.append((s, e, w))
            continue
        else:
            if run:
                yield run
            run, pending = ([(s, e, w)] if cap else []), []
        if run and _POSSESSIVE.search(w):  # "Nigeria's Financial Regulations": the owner is a name of its own
            yield run
            run, pending, prev = [], [], None
    if run:
        yield run


def names_in_run(run, sentence_start: bool, lowercase_words: set[str]) -> list[tuple[str, ...]]:
    """The names in a run: titles cut out ("CIA Director William J. Burns" → CIA, William J. Burns)."""
    words = [w for _, _, w in run]
    if any(len(w) > 5 and w.isupper() and "." not in w for w in words):  # a shouted word, not an acronym
        return []
    words = [re.sub(r"['’]s$", "", w) for w in words]
    if sentence_start and run and words and words[0].lower() in lowercase_words:
        words = words[1:]
    cut = [i for i, w in enumerate(words[:-1]) if w.rstrip(".") in _PERSON_TITLES
           or (w == "State" and i >= 2 and words[i - 2] == "Secretary")]
    parts = [words[:cut[-1] + 1], words[cut[-1] + 1:]] if cut else [words]
    parts = [piece for part in parts for piece in _person_split(part)]
    return [p for p in (trim_name(part) for part in parts) if p]


def _person_split(words: list[str]) -> list[list[str]]:
    """A person's name inside a longer run, found by its given name (the gender-guesser list):
    what comes before it is a title or attribute ("Congressman Thomas Massie", "Brazilian
    Charles Oliveira"), a place after "of" is no part of it ("Thomas Massie of Kentucky").
    A given name must be followed by a surname to start a name ("Lake Victoria" stays whole)."""
    from ..russian.given_names import is_given_name

    starts = [i for i in range(len(words) - 1) if words[i + 1][:1].isupper() and is_given_name(words[i])
              and not is_given_name(words[i + 1])]
    for i in starts[-1:]:  # the given name right before the surname ("Sayyid Ali Khamenei")
        head, person = words[:i], words[i:]
        tail: list[str] = []
        if "of" in person:
            k = person.index("of")
            person, tail = person[:k], person[k + 1:]
        if len(head) == 1 and _attribute(head[0]):
            head = []  # a title or an attribute before a person's name ("Barrister", "Brazilian")
        return [part for part in (head, person, tail) if part]
    return [words]


def _attribute(word: str) -> bool:
    """Whether ``word`` before a person's name describes the person rather than naming something:
    a title, a nationality word, or a common word ("Barrister", "Chef"). A name stays ("Microsoft",
    "Tesla", "CNN")."""
    from .countries import country_of

    word = word.rstrip(".")
    if word in _TITLES or word in _PERSON_TITLES or word in _DEMONYMS:
        return True
    country = country_of(word)
    if country is not None and word in country.demonyms:  # "Kenyan", "Peruvian"
        return True
    return not word.isupper() and common_word(word)


@lru_cache(maxsize=1)
def _english_dictionary():
    """Hunspell's en_US dictionary (Debian's hunspell-en-us) through pyenchant, or None."""
    try:
        import enchant
        from enchant.errors import DictNotFoundError
    except ImportError:  # pragma: no cover - the enchant C library is missing
        return None
    broker = enchant.Broker()
    broker.set_ordering("en_US", "hunspell")  # not aspell's smaller list, which lacks "archpriest"
    try:
        return broker.request_dict("en_US")
    except DictNotFoundError:  # pragma: no cover - no English dictionary installed
        return None


@lru_cache(maxsize=20_000)
def common_word(word: str) -> bool:
    """Whether the English dictionary knows ``word`` written in lowercase: "barrister", "chef",
    "archpriest" are words, "microsoft" and "nvidia" are not (only capitalised). Word frequencies
    (wordfreq) fold case and cannot tell these apart. Without a dictionary, nothing is common."""
    low = word.lower()
    d = _english_dictionary()
    return d is not None and low.isalpha() and d.check(low)


def trim_name(words: list[str]) -> tuple[str, ...]:
    """A name without the titles around it and the connectors at its ends; () when what is left
    is a title, a nationality word or a single letter."""
    while len(words) > 1 and words[0].rstrip(".") in _TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1].rstrip(".") in _TITLES:  # "Israeli Prime Minister"
        words = words[:-1]
    while words and words[-1] in CONNECTORS:
        words = words[:-1]
    while words and words[0] in CONNECTORS:
        words = words[1:]
    if len(words) == 1 and (words[0].rstrip(".") in _TITLES or words[0] in _DEMONYMS or len(words[0]) < 2
                            or (words[0].endswith("s") and words[0][:-1] in _DEMONYMS)):  # "Greeks"
        return ()
    return tuple(words)


def mentions(text: str, candidates) -> list[tuple[str, ...]]:
    """Candidates whose words occur in ``text`` as a whole-word phrase."""
    found = []
    for words in candidates:
        phrase = " ".join(words)
        for m in re.finditer(re.escape(phrase), text):
            before = text[m.start() - 1] if m.start() else " "
            after = text[m.end()] if m.end() < len(text) else " "
            if not before.isalnum() and not after.isalnum():
                found.append(words)
                break
    return found


def shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 10 and sum(c.isupper() for c in letters) > 0.5 * len(letters)


def title_case(text: str, common: set[str]) -> bool:
    """A headline in Title Case ("Dialogue Between Putin and Trump Continues"): four words or
    more, every word longer than three letters capitalised, and two of them, past the first,
    words the text also writes in lowercase (``common``): a list of names is no headline."""
    words = EN_WORD.findall(text)
    long = [w for w in words if len(w) > 3]
    if len(words) < 4 or len(long) < 3 or not all(w[0].isupper() for w in long):
        return False
    return sum(w.lower() in common for w in long[1:]) >= 2
