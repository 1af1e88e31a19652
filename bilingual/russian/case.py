"""Which case a glossary name needs in a given Russian sentence.

One question behind ``fix`` and ``translate``: a slot in a sentence (a forbidden
form an editor wrote, or a placeholder a translation model kept) must be filled
with the glossary's allowed form — in which case and number?

The answer is built by an ordered list of named rules (``RULES``), the razdel
way. Each rule looks at one cue and either narrows the set of readings still
possible or leaves it alone; the first rule that leaves one reading decides.
Certain cues come first (the found form's own readings, a governing
preposition, the model's ending on a placeholder, adjectives that agree with
the name, a first name the surname agrees with and a surname the first name
agrees with, the other members of a list it is in (``enumeration.py``), a verbal
noun whose doer it is, the English «to»/«'s»/«of»); then the parser's (a
coordinated noun whose case the tagger is sure of, a governing verb, a head of
motion after «в»/«на», a settlement or title in apposition, a noun the name is
the genitive of, a subject whose verb agrees with it); what they leave open is
ranked by the trained tagger (``tagger.py``): its probability for each
remaining case at the slot, read from the words around it (a placeholder,
or a spelling that says nothing about case, is shown to the tagger as an
unknown word of a name's shape). Ranking by substituting each candidate form and
asking the tagger whether it agrees was tried: on the WMT22 dev references it
changed no figure at the time (restore 0.942 either way) at two to six times the
cost, since the tagger mostly confirms whatever form it is shown. English «in»
doesn't pick the prepositional after в/на («arrived in Poland» is «в Польшу»):
the head of the phrase does (``rule_direction``), else the tagger.

``Decision.rule`` names the rule that decided and ``Decision.cue`` says why;
``uncertain`` marks a model choice the tagger wasn't sure of, for an editor. The slot and
the views of its sentence the rules share live in ``slot.py``.
"""

from __future__ import annotations

import math

from . import morph
from .enumeration import MIN_MEMBERS, rule_enumeration
from .grammar import (
    _EN_DIRECTION, _EN_FROM, CASES, PREPOSITIONS, VERB_CASES, _norm_case,
    KIND_NOUNS, SETTLEMENTS, STATE_NOUNS, adjective_cases, noun_before, phrase_cases,
    predicate_agreement, verbal_noun_agent, render, suffix_cases, term_gender, term_number,
)
from .slot import _CYR, Decision, Request, _agreeing_adjectives, _context, _initial, _is_pending, _State, _tree

# Below this share of the tagger's probability the model's choice is flagged for review.
UNCERTAIN_BELOW = 0.75


# ------------------------------------------------------------------ rules


def rule_form(st: _State) -> None:
    """The found form's own readings («Молдавии»: gent, datv or loct)."""
    # Filled in by ``_initial``; the rule exists so ``--explain`` can name it.


def rule_placeholder_ending(st: _State) -> None:
    """An ending the translation model put on the placeholder («ZX1ом»)."""
    if st.req.suffix:
        st.narrow(suffix_cases(st.req.suffix, st.req.term, st.readings[0][1]), "placeholder_ending",
                  f"ending «-{st.req.suffix}»")


def rule_adjective_agreement(st: _State) -> None:
    """Adjectives right before the name agree with it in case («в Южной Африке», «Юго-Восточной
    Азии»): the cases their own forms allow in the name's gender and number."""
    cases = None
    for word in _agreeing_adjectives(st):
        own = adjective_cases(word, st.readings[0][1], term_gender(st.req.term))
        cases = own if cases is None else cases & own
    if cases:
        words = " ".join(t[2] for t in st.tokens[st.start():st.slot[0]])
        st.narrow(cases, "adjective_agreement", f"«{words}»: " + "/".join(c for c in CASES if c in cases))


def rule_preposition(st: _State) -> None:
    """A governing preposition before the name's noun phrase («в Южной Африке»), its choice
    narrowed by the English one."""
    prev = st.governor()
    cases = PREPOSITIONS.get(prev)
    listing = st.enumeration() if not cases else None
    if listing is not None and st.member() > 0 and listing.prep is not None:
        # a later member of a list takes the preposition of its first («в Германии, Франции и
        # Польше»); of two only, the «и» may as well join two clauses: no reading is ruled out
        if len(listing.members) < MIN_MEMBERS:
            return
        prev = listing.shared_prep([t[2] for t in st.tokens], st.member())
        cases = PREPOSITIONS.get(prev)
    if not cases:
        # The prepositional case exists only after a preposition (or in apposition to a noun
        # that has one: «в столице Вене»).
        words = [t[2] for t in st.tokens]
        k = st.start()
        if not (noun_before(words, k) is not None and "loct" in phrase_cases(words, k - 1)):
            st.narrow(set(CASES) - {"loct"}, "no_preposition", "no preposition")
        return
    en = st.req.en_before
    if len(cases) > 1 and "accs" in cases and prev in ("в", "во", "на") and _from_before(st):
        cases, prev = frozenset({"accs"}), f"из … {prev}"
    if len(cases) > 1 and en:
        for words, case, label in ((_EN_DIRECTION, "accs", "to"), (_EN_FROM, "gent", "from"),
                                   ({"with"}, "ablt", "with")):
            if en in words and case in cases:
                cases, prev = frozenset({case}), f"{prev}» + English «{label}"
                break
    if not st.narrow(cases, "preposition", f"«{prev}»") and not (st.cases & cases):
        # The found form contradicts the preposition: the preposition wins.
        number, gender = st.readings[0][1], st.readings[0][2]
        st.readings = [(c, number, gender) for c in CASES if c in cases]
        st.trail.append(("preposition", f"«{prev}»"))


def _from_before(st: _State) -> bool:
    """«из Киева в Львов»: a «from» phrase just before makes «в»/«на» the direction."""
    toks = [t[2] for t in st.tokens[max(0, st.start() - 3):st.start() - 1]]
    return len(toks) == 2 and toks[0].lower() in ("из", "изо") and toks[1][:1].isupper()


def rule_name_agreement(st: _State) -> None:
    """A surname agrees with the first name before it («Олафа Шольца»)."""
    if st.req.term.type != "person" or len(st.req.term.ru.split()) > 1:
        return
    prev = st.before()
    if not prev[:1].isupper() or not _CYR.search(prev):
        return
    cases = {_norm_case(p.tag.case) for p in morph.parse(prev) if "Name" in p.tag.grammemes and p.tag.case}
    if not cases and st.use_model:
        # A first name pymorphy3 doesn't know («Олафом»): the tagger's reading, when it is sure.
        from . import tagger

        words, i = _context(st)
        tok = tagger.tag([words])[0][i - 1] if i else None
        if tok is not None and tok.pos == "PROPN" and tok.cases:
            case, p = max(tok.cases.items(), key=lambda kv: kv[1])
            cases = {case} if p >= 0.9 else set()
    if cases:
        st.narrow(cases, "name_agreement", f"first name «{prev}»")


def rule_first_name(st: _State) -> None:
    """A first name agrees with the surname after it («президент Владимир Путин начнет»,
    «Льюиса Хэмилтона»): the cases the surname's own form allows."""
    term = st.req.term
    if len(term.ru.split()) > 1 or not any("Name" in p.tag.grammemes for p in morph.parse(term.ru)):
        return
    nxt = st.after()
    if not nxt[:1].isupper() or not _CYR.search(nxt):
        return
    gender = term_gender(term)
    cases = {_norm_case(p.tag.case) for p in morph.parse(nxt)
             if "Surn" in p.tag.grammemes and p.tag.case and (not gender or p.tag.gender in (gender, None))}
    if cases:
        st.narrow(cases, "first_name", f"surname «{nxt}»")


def rule_agent(st: _State) -> None:
    """The doer of a verbal noun, between it and the action's object in the genitive, is in the
    instrumental: «наращивание Россией военной мощи», «применение Киевом дронов»."""
    if "ablt" not in st.cases or st.slot[0] != st.start() or PREPOSITIONS.get(st.governor()):
        return
    words = [t[2] for t in st.tokens]
    if verbal_noun_agent(words, st.slot[0] - 1, st.slot[1]):
        st.narrow({"ablt"}, "agent", f"between «{words[st.slot[0] - 1]}» and its object «{words[st.slot[1]]} …»")


def rule_english_dative(st: _State) -> None:
    """English «to X» where the Russian has no preposition before the name: the dative («aid to
    Ukraine»: «помощь Украине», «lost to Liverpool»: «проиграл Ливерпулю»); «according to» and the
    like are not this «to», nor «to Ukraine's …»."""
    if st.req.en_before != "to" or st.req.en_after in ("'s", "’s") or PREPOSITIONS.get(st.governor()):
        return  # «to Ukraine's sovereignty»: the name belongs to the next noun
    st.narrow({"datv"}, "english_dative", "English «to», no Russian preposition")


def rule_english_possessive(st: _State) -> None:
    """English «X's» / «of X», no Russian preposition, a noun before the name: the genitive
    («визит Путина»); not after a settlement noun, where «the city of X» is an apposition."""
    if st.req.found or PREPOSITIONS.get(st.before().lower()):
        return
    prev = noun_before([t[2] for t in st.tokens], st.slot[0])
    if prev is None or morph.norm(prev.normal_form) in SETTLEMENTS | STATE_NOUNS:
        return
    if st.req.en_after in ("'s", "’s") or st.req.en_before == "of":
        st.narrow({"gent"}, "english_possessive", "English «'s»/«of»")


def rule_conjunct(st: _State) -> None:
    """Coordinated nouns share a case («Украине, Грузии и Молдове»; «Молдове и Украине»).

    The parser finds the other conjunct; its case is what its own form allows
    (pymorphy3; no prepositional without a preposition) when that is one case,
    else the tagger's reading when the tagger is sure of it. A conjunct whose case the tagger
    all but rules out at the name itself (reading the context alone: a placeholder or a spelling
    that says nothing about case) is a misparse and is skipped.
    """
    from . import tagger

    words, i = _context(st)
    if not ({words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""} & _COORDINATORS):
        return  # no conjunction or comma next to the name: no conjunct (and no parse to pay for)
    tree = _tree(st)
    others = [h for h, rel in [tree[i]] if rel == "conj" and h >= 0]
    others += [j for j, (h, rel) in enumerate(tree) if h == i and rel == "conj"]
    tags = None
    for j in others:
        word = words[j]
        if not _CYR.search(word) or _is_pending(st, j):
            continue
        cases = {_norm_case(p.tag.case) for p in morph.parse(word)
                 if p.tag.POS in ("NOUN", "ADJF") and p.tag.case} if morph.is_known(word) else set()
        if cases and not PREPOSITIONS.get(words[j - 1].lower() if j else ""):
            cases.discard("loct")
        if len(cases) != 1:
            tags = tags or tagger.tag([words])[0]
            if tags[j].pos not in ("NOUN", "PROPN") or not tags[j].cases:
                continue
            case, p = max(tags[j].cases.items(), key=lambda kv: kv[1])
            cases = {case} if p >= 0.9 and (not cases or case in cases) else set()
        if len(cases) == 1 and cases <= st.cases:
            if _implausible(st, next(iter(cases))):
                continue  # the tagger, reading the context alone, all but rules it out: a misparse
            st.narrow(cases, "conjunct", f"coordinated with «{word}» ({next(iter(cases))})")
            return


def rule_verb_government(st: _State) -> None:
    """A verb whose object takes the dative, instrumental or genitive («угрожать Молдове»)."""
    words, i = _context(st)
    if not any(_governing_verb(w) for w in words if _CYR.search(w)):
        return  # no verb of the list in the sentence (and no parse to pay for)
    tree = _tree(st)
    head, rel = tree[i]
    if head < 0 or rel not in ("obj", "iobj", "obl"):
        return
    for word in (words[head],):
        if not _CYR.search(word):
            continue
        for p in morph.parse(word)[:1]:
            if p.tag.POS in ("VERB", "INFN", "PRTF", "GRND"):
                case = VERB_CASES.get(morph.norm(p.normal_form))
                if case and st.narrow({case}, "verb_government", f"«{word}» takes {case}"):
                    return


def rule_direction(st: _State) -> None:
    """«в»/«на» + the accusative after a word of motion, attack, delivery or investment
    («вторжение в Украину», «переброска войск на Украину»), the prepositional otherwise left to
    the tagger. The word the parser hangs the name on is compared by its navec news embedding
    with short lists of direction and location words (``direction.py``): the nearest must be a
    direction word, and near. A noun that is neither hands over to the word it depends on, when
    that comes first («поставки оружия в …», «принести мир на …»), up to two steps; a head the
    parser puts after the name is taken for a misparse: the word before the preposition stands in.
    """
    if st.governor() not in ("в", "во", "на") or not {"accs", "loct"} <= st.cases:
        return
    from . import direction  # the embeddings load with the models

    words, i = _context(st)
    tree = _tree(st)
    head, rel = tree[i]
    prep = i - (st.slot[0] - st.start()) - 1
    if head > i and rel in ("obl", "nmod") and prep > 0:
        head = prep - 1
    for step in range(3):
        if head < 0 or not _CYR.search(words[head]) or rel not in ("obl", "nmod", "obj"):
            return
        word = words[head]
        parses = morph.parse(word)
        near, kind = direction.nearest_cue(morph.norm(parses[0].normal_form) if parses else word.lower())
        if near >= direction.NEAR:
            if kind == "accs":
                st.narrow({"accs"}, "direction", f"«{st.governor()}» after «{word}»")
            return
        if not parses or parses[0].tag.POS != "NOUN" or step == 2:
            return
        noun = head
        head, rel = tree[noun]
        if head > noun:
            return


def rule_fronted_place(st: _State) -> None:
    """«в»/«на» opening the sentence, with no head of motion to take it (``rule_direction`` came
    first): a fronted place is where something happens, the prepositional («В Праге прошёл
    митинг», «На Кипре готовятся к выборам»)."""
    if st.governor() not in ("в", "во", "на") or not {"accs", "loct"} <= st.cases:
        return
    words, i = _context(st)
    prep = i - (st.slot[0] - st.start()) - 1
    if prep == 0 or (prep > 0 and all(not w[:1].isalnum() for w in words[:prep])):
        st.narrow({"loct"}, "fronted_place", f"«{st.governor()}» opens the sentence")


def rule_apposition(st: _State) -> None:
    """A name in apposition to the noun right before it agrees with that noun's case: a settlement
    noun («в австрийской столице Вене», «в городе Ливерпуле») or, for a person, a title
    («президента Владимира Путина»); after a form of government the name keeps the nominative
    («в Республике Молдова»), and so does a name that opens a title in quotes after a noun
    («телеканала "Россия 1"»). The noun's case is what its own form allows with its
    preposition (pymorphy3). Clubs, companies, islands and roads keep the name in the nominative
    («в клубе Манчестер Юнайтед», «трасса Харьков-Сумы»), so only settlements count."""
    if PREPOSITIONS.get(st.before().lower()):
        return
    words, i = _context(st)
    if _opens_quote(st) and noun_before(words, i - 1) is not None and st.slot[0] == st.start():
        # «телеканала "Россия 1"», «газеты «Украина»»: a title in quotes keeps its own form
        st.narrow({"nomn"}, "apposition", f"a title in quotes after «{words[i - 2]}»")
        return
    prev = noun_before(words, i)
    if prev is None:
        return
    if morph.norm(prev.normal_form) in STATE_NOUNS and st.req.term.type != "person" \
            and term_number(st.req.term) == "sing":
        # «в Республике Молдова»: the official name keeps the nominative (a plural name is the
        # genitive: «Королевство Нидерландов»)
        st.narrow({"nomn"}, "apposition", f"a state's name after «{words[i - 1]}»")
        return
    person = st.req.term.type == "person"
    if not (morph.norm(prev.normal_form) in SETTLEMENTS
            or (person and "anim" in prev.tag and not _PROPER_TAGS & prev.tag.grammemes)):
        return
    head, rel = _tree(st)[i]
    if head != i - 1 or rel not in ("appos", "nmod", "flat", "flat:name"):
        return
    cases = phrase_cases(words, i - 1)
    if cases:
        st.narrow(cases, "apposition", f"in apposition to «{words[i - 1]}» ({'/'.join(sorted(cases))})")


def _opens_quote(st: _State) -> bool:
    """Whether a quotation mark opens right before the slot («"Россия 1"»: no space after it)."""
    k = st.slot[0] - 1
    if k < 1 or st.tokens[k][2] not in ('"', "«", "“", "„"):
        return False
    return st.tokens[k][1] == st.tokens[k + 1][0] and st.tokens[k - 1][1] < st.tokens[k][0]


def rule_genitive_modifier(st: _State) -> None:
    """The parser hangs the name on a noun before it with no preposition (as a modifier or an
    apposition): the genitive («аэропорт Белграда», «МИД Великобритании»), unless the noun names
    the kind of place («город Харьков», «трасса Харьков-Сумы»). Not for persons («министр Шольц»).
    A name the parser calls the subject of a verb that can't agree with it («агентство
    здравоохранения Великобритании проинформировало») hangs on the noun before it too."""
    if st.req.term.type == "person" or "gent" not in st.cases or PREPOSITIONS.get(st.governor()):
        return
    words, i = _context(st)
    near = st.start()  # the noun before the name's adjectives («президентом Южной Африки»)
    near = near - 1 if near > 1 and words[near - 1] in _CLOSING_QUOTES else near  # «"военная агрессия" России»
    if noun_before(words, near) is None:
        return  # the name doesn't follow a noun (and no parse to pay for)
    head, rel = _tree(st)[i]
    if rel in ("nsubj", "nsubj:pass") and _agreement(st, head) != "yes":
        head, rel = near - 1, "after"
    if head > i and rel in _MODIFIER_RELS:
        head = near - 1  # a genitive follows the noun it depends on: the parser's head after it is wrong
    if not 0 <= head < i or rel not in _MODIFIER_RELS or not _CYR.search(words[head]):
        return
    parses = morph.parse(words[head])
    if not parses or parses[0].tag.POS != "NOUN":
        return
    # a kind of place is a common noun: a capital mid-sentence makes it part of a name («Штатов»)
    kind = morph.norm(parses[0].normal_form) in KIND_NOUNS and (words[head][:1].islower() or head == 0)
    if kind or _PROPER_TAGS & parses[0].tag.grammemes:
        return
    cue = f"{rel} of «{words[head]}»" if rel != "after" else f"after «{words[head]}» (the verb can't agree with the name)"
    st.narrow({"gent"}, "genitive_modifier", cue)


def _agreement(st: _State, head: int) -> str:
    """``predicate_agreement`` of the parser's head word with the name (see grammar.py)."""
    words, _i = _context(st)
    if head < 0 or not _CYR.search(words[head]):
        return "yes"
    return predicate_agreement(words[head], st.readings[0][1], term_gender(st.req.term))


_CLOSING_QUOTES = frozenset('"»”')
_MODIFIER_RELS = ("nmod", "appos", "after")
_PROPER_TAGS = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn"})
# Below this tagger probability at the name, a conjunct's case is taken for a misparse
# («со стороны Китая и Путин …»: the parser joins «Путин» to «Китая»).
_IMPLAUSIBLE = 0.05


def _implausible(st: _State, case: str) -> bool:
    """Whether the tagger, shown an unknown word at the slot, gives ``case`` almost no chance."""
    from . import tagger

    if st.req.found and not st.bare:
        return False  # a real form: the tagger reads the form, not the context
    words, i = _context(st)
    probs = tagger.tag([words])[0][i].cases
    return bool(probs) and probs.get(case, 0.0) < _IMPLAUSIBLE


_COORDINATORS = {"и", "или", "либо", "а", ",", "И"}


def _governing_verb(word: str) -> bool:
    parses = morph.parse(word)
    return bool(parses) and parses[0].tag.POS in ("VERB", "INFN", "PRTF", "GRND") and \
        morph.norm(parses[0].normal_form) in VERB_CASES


def rule_subject(st: _State) -> None:
    """The parser reads the name as the subject of a predicate that agrees with it: the nominative
    («Верховная рада проголосовала»). A predicate whose number or person can't be the name's
    has it for its object: the accusative («Украину перестанут поддерживать», «город Киев
    бомбили»; a noun before the name has had its genitive turn)."""
    words, i = _context(st)
    head, rel = _tree(st)[i]
    if rel not in ("nsubj", "nsubj:pass") or "nomn" not in st.cases:
        return
    agreement = _agreement(st, head)
    if agreement == "no" and _coordinated(st, i) and head >= 0 and _CYR.search(words[head]):
        # «Россия, Китай и Иран являются»: a list of names is a plural subject
        agreement = predicate_agreement(words[head], "plur", None)
    if agreement == "yes":
        st.narrow({"nomn"}, "subject", "subject of the clause")
    elif agreement == "no":
        cases = {"accs"} if "accs" in st.cases else set(CASES) - {"nomn"}
        st.narrow(cases, "subject", f"«{words[head]}» can't agree with it: its object")


def _coordinated(st: _State, i: int) -> bool:
    """Whether the name is one of coordinated nouns (on the surface or in the parse)."""
    tree = _tree(st)
    return st.enumeration() is not None or tree[i][1] == "conj" or any(
        h == i and rel == "conj" for h, rel in tree)


def rule_model(st: _State) -> None:
    """The tagger ranks the remaining forms (see module doc)."""


RULES = (rule_form, rule_placeholder_ending, rule_preposition, rule_adjective_agreement, rule_name_agreement,
         rule_first_name, rule_enumeration, rule_agent, rule_english_dative, rule_english_possessive,
         rule_conjunct, rule_verb_government, rule_direction, rule_fronted_place, rule_apposition,
         rule_genitive_modifier, rule_subject, rule_model)
_SYNTAX_RULES = (rule_conjunct, rule_verb_government, rule_direction, rule_fronted_place, rule_apposition,
                 rule_genitive_modifier, rule_subject)


# ------------------------------------------------------------------ resolving


def resolve(req: Request, *, use_model: bool = True) -> Decision:
    """The case, number and gender for the slot, and which rule decided."""
    st = _initial(req)
    st.use_model = use_model
    if not any(_CYR.search(t[2]) for k, t in enumerate(st.tokens) if not st.slot[0] <= k < st.slot[1]):
        # No Russian around the name (a model left the sentence in English): nothing to read a
        # case from, so the name stays in the form its own readings put first, the nominative.
        first = [r for r in st.readings if r[0] == "nomn"] or st.readings
        return Decision(*first[0], "no_russian_context", "no Russian words around the name",
                        uncertain=len(st.cases) > 1)
    for rule in RULES[1:-1]:
        if len({r[0] for r in st.readings}) <= 1:
            break
        if rule in _SYNTAX_RULES and not use_model:
            continue
        rule(st)
    if len(st.cases) == 1 or not use_model:
        case, number, gender = st.readings[0]
        rule, cue = st.trail[-1] if st.trail else ("default", "first reading")
        return Decision(case, number, gender, rule, cue, uncertain=len(st.cases) > 1)
    return _model_choice(st)


def _model_choice(st: _State) -> Decision:
    from . import tagger

    req = st.req
    readings = list(dict.fromkeys(st.readings))
    forms = {r: render(req.term, r[0], r[1], r[2]) for r in readings}
    # The context probe: the slot as found (fix) or, for a placeholder, an unknown word of a
    # name's shape, which the tagger can only read from the words around it.
    context_words = _context(st)[0]
    tagged = tagger.tag([context_words])
    context = tagged[0][st.slot[0]].cases if st.slot[0] < len(tagged[0]) else {}
    scores = {}
    for r in forms:
        ctx = context.get(r[0], 0.0) if context else 1.0
        scores[r] = max(scores.get(r, -1e9), math.log(ctx + 1e-4))
    best = max(scores, key=scores.get)
    z = max(scores.values())
    probs = {r: math.exp(s - z) for r, s in scores.items()}
    total = sum(probs.values())
    share: dict[str, float] = {}
    for r, p in probs.items():
        share[r[0]] = max(share.get(r[0], 0.0), p / total)
    cue = "tagger ranked " + ", ".join(f"{c} {p:.2f}" for c, p in sorted(share.items(), key=lambda kv: -kv[1]))
    return Decision(best[0], best[1], best[2], "model", cue, uncertain=share[best[0]] < UNCERTAIN_BELOW,
                    scores=share)


# Public names (bilingual.__all__).
resolve_case, CaseRequest, CaseDecision, CASE_RULES = resolve, Request, Decision, RULES
