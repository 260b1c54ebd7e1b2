"""Synthetic Dossier projects of any size, with planted contradictions.

``make_corpus(root, n, seed)`` writes a complete project into ``root`` that
looks like the real one: German article texts with a title line, a dateline
and scraping noise ("Siehe auch: ...", "Anzeige", captions, tags) that the
annotations hide; figures written German-style ("12.000", "rund 6.000",
"zwischen 50 und 100"); relative dates ("im Juni letzten Jahres") read from
the quote; entity mentions in inflected forms ("des Geheimdienstes X",
"Xiens", "X-Drohnen") and spelling variants; 4-8 claims per article.

The entity registry grows with ``n`` (about n/2 entities), and so do the
propositions (about n/10, two scopes each). Each (proposition, scope) group
is planted either as a contradiction (count claims in the same scope whose
values lie outside the 10 % tolerance) or as consistent (agreeing values, or
disagreeing values that sit in different scopes); ``Planted`` records which.

Everything is drawn from ``random.Random(seed)``: the same seed gives the
same bytes. Texts and YAML are written as plain strings (no YAML dumper), so
5,000 articles take a few seconds.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni",
          "Juli", "August", "September", "Oktober", "November", "Dezember")
# One per claim of an article: the "Abschnitt <token>" in each claim sentence
# makes every quote unique within its article.
TOKENS = ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel")
MIN_CLAIMS, MAX_CLAIMS = 4, 8
TOLERANCE = 0.1
BASES = (60, 75, 150, 400, 800, 1500, 3000, 6000, 10000, 12000, 25000, 50000, 100000)

FIRST_NAMES = ("Olena", "Dmitri", "Irina", "Sergej", "Tetjana", "Andrij", "Natalja", "Oleksij",
               "Jurij", "Swetlana", "Mykola", "Ljudmila", "Bogdan", "Walentina", "Pawlo", "Larissa")
ORG_HEADS = (  # head noun, genitive, gender
    ("Geheimdienst", "Geheimdienstes", "m"), ("Nachrichtendienst", "Nachrichtendienstes", "m"),
    ("Ministerium", "Ministeriums", "n"), ("Institut", "Instituts", "n"), ("Zentrum", "Zentrums", "n"),
    ("Agentur", "Agentur", "f"), ("Behörde", "Behörde", "f"),
)
UNIT_HEADS = (("Brigade", "Brigade", "f"), ("Regiment", "Regiments", "n"), ("Bataillon", "Bataillons", "n"))
EQUIPMENT_TYPES = (("Drohne", "Drohnen"), ("Rakete", "Raketen"), ("Haubitze", "Haubitzen"), ("Panzer", "Panzer"))
ARTICLES = {"m": ("der", "des", "dem"), "n": ("das", "des", "dem"), "f": ("die", "der", "der")}
OUTLETS = ("Tagesblatt Nord", "Morgenpost Süd", "Rundschau am Abend", "Kurier West", "Nachrichtenportal Ost")
REPORTERS = ("Anna Keller", "Jonas Brandt", "Miriam Sommer", "Felix Hartmann", "Lena Vogt")
SUBHEADINGS = ("Militärische Lage", "Reaktionen", "Hintergrund", "Ausbildung und Ausrüstung", "Diplomatische Folgen")
SCOPES = (
    ("total", "Gesamtumfang der Entsendung"), ("first-contingent", "Erstes verlegtes Kontingent"),
    ("in-training", "In Ausbildung"), ("stationed", "Bis Jahresende stationiert"),
    ("additional", "Zusätzliches Kontingent"), ("front", "An der Front eingesetzt"),
    ("losses", "Verluste"), ("reserve", "In Reserve gehalten"),
)
COUNT_TOPICS = (  # unit, question
    ("Soldaten", "Wie viele Soldaten wurden nach {place} verlegt?"),
    ("Fahrzeuge", "Wie viele gepanzerte Fahrzeuge stehen in {place} bereit?"),
    ("Drohnen", "Wie viele Drohnen wurden an {place} geliefert?"),
    ("Granaten", "Wie viele Artilleriegranaten hat {place} erhalten?"),
    ("Ausbilder", "Wie viele Ausbilder sind in {place} tätig?"),
)
DATE_QUESTIONS = ("Wann begann die Verlegung nach {place}?", "Wann trafen die ersten Einheiten in {place} ein?")
BOOLEAN_TOPICS = ("Drohnen", "Störsender", "Artillerie", "Minenräumgerät")
APPROX = ("rund", "etwa", "ungefähr", "knapp", "fast")

ONSETS = ("b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z",
          "br", "dr", "gr", "kr", "tr", "st", "sch", "ch", "pl", "fr")
VOWELS = ("a", "e", "i", "o", "u", "a", "o", "ei", "au")
CODAS = ("k", "t", "d", "l", "r", "v", "z", "ch", "sch", "g", "b", "p", "f", "rk", "lt", "rg", "lk")
ACRONYM_LETTERS = "BDFGHKLMNPRSTVWZ"
NOUN_ENDINGS = ("s", "es", "n", "en", "e", "ns", "r", "m")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Edit:
    """A claim whose value can change without changing any cluster."""

    stem: str
    claim: str
    old: int
    new: int
    proposition: str
    scope: str


@dataclass(frozen=True)
class ArticleInfo:
    claims: tuple[str, ...]  # claim ids
    groups: tuple[tuple[str, str], ...]  # (proposition, scope) of each claim
    entities: frozenset[str]  # mentioned in visible text, or source/via of a claim


@dataclass
class Planted:
    """What the analysis must find in the synthetic corpus."""

    conflicts: set[tuple[str, str]] = field(default_factory=set)  # (proposition, scope)
    consistent: set[tuple[str, str]] = field(default_factory=set)
    articles: dict[str, ArticleInfo] = field(default_factory=dict)  # by stem
    entities: int = 0
    propositions: int = 0
    claims: int = 0
    edit: Edit | None = None


# --- names ---------------------------------------------------------------------


def _slug(text: str) -> str:
    text = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


class _Names:
    """Invented words that no other entity word equals, with or without an ending."""

    def __init__(self, rng: random.Random, reserved: set[str]) -> None:
        self.rng = rng
        self.words = {w.casefold() for w in reserved}

    def free(self, word: str) -> bool:
        w = word.casefold()
        if w in self.words:
            return False
        for e in NOUN_ENDINGS:
            if w + e in self.words or (w.endswith(e) and w[: -len(e)] in self.words):
                return False
        return True

    def take(self, *words: str) -> bool:
        """Reserve all of ``words`` or, when one collides, none of them."""
        added: list[str] = []
        for word in words:
            if not self.free(word):
                self.words.difference_update(added)
                return False
            added.append(word.casefold())
            self.words.add(added[-1])
        return True

    def stem(self) -> str:
        r = self.rng
        while True:
            parts = [r.choice(ONSETS), r.choice(VOWELS), r.choice(ONSETS), r.choice(VOWELS)]
            if r.random() < 0.3:
                parts += [r.choice(ONSETS), r.choice(VOWELS)]
            word = "".join(parts + [r.choice(CODAS)]).capitalize()
            if len(word) >= 5 and self.free(word):
                return word

    def acronym(self) -> str:
        while True:
            word = "".join(self.rng.choice(ACRONYM_LETTERS) for _ in range(self.rng.choice((3, 3, 4))))
            if self.free(word):
                return word


def _variant(word: str) -> str:
    """A second transliteration: w/v, sch/sh, -ow/-ov."""
    if word.endswith("ow"):
        return word[:-2] + "ov"
    if word[0] in "WV":
        return ("V" if word[0] == "W" else "W") + word[1:]
    if "sch" in word:
        return word.replace("sch", "sh", 1)
    if "k" in word[1:]:
        return word[0] + word[1:].replace("k", "c", 1)
    return word + "h"


def _misspelt(word: str) -> str:
    """Two inner letters swapped: a typo an article might contain."""
    i = max(1, len(word) // 2 - 1)
    letters = list(word)
    letters[i], letters[i + 1] = letters[i + 1], letters[i]
    return "".join(letters) if letters != list(word) else word + "e"


# --- entities ------------------------------------------------------------------


@dataclass
class _Entity:
    id: str
    kind: str  # people, units, equipment, organisations, places, events
    role: str  # person, org, agency, country, city, region, unit, equipment
    name: str
    description: str
    aliases: list = field(default_factory=list)  # str or {form, erroneous, note}
    related: list[str] = field(default_factory=list)
    part_of: str = ""
    nom: tuple[str, ...] = ()  # sentence subject, with article where German needs one
    gen: tuple[str, ...] = ()  # genitive phrase ("des Geheimdienstes X", "Xiens", "von X")
    loc: tuple[str, ...] = ()  # places: "in X"
    poss: tuple[str, ...] = ()  # people: "Xows" (prenominal genitive)
    plural: tuple[str, ...] = ()  # equipment
    erroneous: str = ""
    date: str = ""  # events
    place: str = ""  # events


def _make_entities(rng: random.Random, names: _Names, total: int) -> dict[str, list[_Entity]]:
    counts = {
        "person": max(3, round(total * 0.30)), "org": max(2, round(total * 0.20)),
        "agency": max(1, round(total * 0.05)), "country": max(2, round(total * 0.06)),
        "city": max(2, round(total * 0.09)), "region": max(1, round(total * 0.05)),
        "unit": max(1, round(total * 0.15)), "equipment": max(1, round(total * 0.10)),
    }
    out: dict[str, list[_Entity]] = {role: [] for role in counts}

    for _ in range(counts["country"]):
        while True:
            name = names.stem() + rng.choice(("ien", "land", "istan"))
            if names.take(name):
                break
        out["country"].append(_Entity(
            _slug(name), "places", "country", name, f"Staat; fiktiver Eintrag für Lasttests ({name}).",
            aliases=[f"Republik {name}"], nom=(name, f"die Republik {name}"), gen=(name + "s",),
            loc=(f"in {name}",),
        ))
    for _ in range(counts["city"]):
        while True:
            name = names.stem() + rng.choice(("sk", "burg", "grad", "owa"))
            variant = _variant(name)
            if names.take(name, variant):
                break
        country = rng.choice(out["country"])
        out["city"].append(_Entity(
            _slug(name), "places", "city", name, f"Stadt in {country.name}.", aliases=[variant],
            part_of=country.id, nom=(name, variant), gen=(name + "s",), loc=(f"in {name}", f"in {variant}", f"nahe {name}"),
        ))
    for _ in range(counts["region"]):
        while True:
            stem = names.stem()
            if names.take(stem):
                break
        country = rng.choice(out["country"])
        out["region"].append(_Entity(
            "oblast-" + _slug(stem), "places", "region", f"Oblast {stem}", f"Verwaltungsgebiet in {country.name}.",
            aliases=[f"Region {stem}", f"Gebiet {stem}"], part_of=country.id,
            nom=(f"die Oblast {stem}", f"die Region {stem}"), gen=(f"der Oblast {stem}", f"der Region {stem}"),
            loc=(f"in der Oblast {stem}", f"in der Region {stem}", f"im Gebiet {stem}"),
        ))
    places = out["country"] + out["city"] + out["region"]

    for _ in range(counts["person"]):
        first = rng.choice(FIRST_NAMES)
        while True:
            surname = names.stem() + rng.choice(("ow", "enko", "ski", "ez", "ow"))
            variant = _variant(surname)
            typo = _misspelt(surname) if rng.random() < 0.2 else ""
            if names.take(surname, variant, *([typo] if typo else [])):
                break
        aliases: list = [surname, variant, f"{first} {variant}"]
        if typo:
            aliases.append({"form": typo, "erroneous": True, "note": f"Falsche Schreibung von {surname}."})
        home = rng.choice(out["country"])
        role_text = rng.choice(("Regierung", "Militärführung", "Parlament", "Sicherheitsanalyse"))
        out["person"].append(_Entity(
            _slug(f"{first} {surname}"), "people", "person", f"{first} {surname}", f"{role_text}, {home.name}.",
            aliases=aliases, related=[home.id] if rng.random() < 0.6 else [],
            nom=(f"{first} {surname}", surname, variant), gen=(f"von {first} {surname}", f"von {surname}"),
            poss=(surname + "s", variant + "s"), erroneous=typo,
        ))
    for role, heads in (("org", ORG_HEADS), ("unit", UNIT_HEADS)):
        for _ in range(counts[role]):
            head, head_gen, gender = rng.choice(heads)
            while True:
                stem = names.stem()
                acronym = names.acronym() if role == "org" else ""
                if names.take(stem, *([acronym] if acronym else [])):
                    break
            nom_art, gen_art, _ = ARTICLES[gender]
            name = f"{head} {stem}"
            if role == "org":
                aliases = [acronym, f"{stem}-{head}"]
                nom = (f"{nom_art} {name}", f"{nom_art} {acronym}")
                gen = (f"{gen_art} {head_gen} {stem}", f"{gen_art} {acronym}")
                kind, entity_id, description = "organisations", f"{_slug(head)}-{_slug(stem)}", f"{head} in {rng.choice(out['country']).name}."
            else:
                aliases = [f"{stem}-{head}"]
                nom = (f"{nom_art} {name}", f"{nom_art} {stem}-{head}")
                gen = (f"{gen_art} {head_gen} {stem}",)
                kind, entity_id, description = "units", f"{_slug(head)}-{_slug(stem)}", f"Militärische Einheit ({head})."
            related = [rng.choice(places).id] if rng.random() < 0.5 else []
            out[role].append(_Entity(entity_id, kind, role, name, description, aliases=aliases, related=related, nom=nom, gen=gen))
    for _ in range(counts["agency"]):
        while True:
            stem = names.stem()
            if names.take(stem):
                break
        out["agency"].append(_Entity(
            "agentur-" + _slug(stem), "organisations", "agency", f"Nachrichtenagentur {stem}", "Nachrichtenagentur.",
            aliases=[stem], nom=(f"die Nachrichtenagentur {stem}", stem), gen=(f"der Nachrichtenagentur {stem}",),
        ))
    for _ in range(counts["equipment"]):
        kind_word, plural_word = rng.choice(EQUIPMENT_TYPES)
        while True:
            stem = names.stem()
            if names.take(stem):
                break
        out["equipment"].append(_Entity(
            f"{_slug(stem)}-{_slug(kind_word)}", "equipment", "equipment", f"{stem}-{kind_word}",
            f"Waffensystem ({kind_word}).", aliases=[stem], related=[rng.choice(out["country"]).id] if rng.random() < 0.5 else [],
            plural=(f"{stem}-{plural_word}", f"{stem}-{plural_word}"),
        ))
    return out


def _entity_yaml(entities: list[_Entity], schema: str = "entities") -> str:
    lines = [f"# yaml-language-server: $schema=../../dossier/schemas/{schema}.schema.json", ""]
    if not entities:
        return "[]\n"
    for e in entities:
        lines.append(f"- id: {e.id}")
        lines.append(f"  name: {_q(e.name)}")
        lines.append(f"  description: {_q(e.description)}")
        if e.aliases:
            lines.append("  aliases:")
            for a in e.aliases:
                if isinstance(a, str):
                    lines.append(f"    - {_q(a)}")
                else:
                    lines.append(f"    - form: {_q(a['form'])}")
                    lines.append("      erroneous: true")
                    lines.append(f"      note: {_q(a['note'])}")
        if e.related:
            lines.append(f"  related: [{', '.join(e.related)}]")
        if e.date:
            lines.append(f"  date: {_q(e.date)}")
        if e.place:
            lines.append(f"  place: {e.place}")
        if e.part_of:
            lines.append(f"  part_of: {e.part_of}")
        lines.append("")
    return "\n".join(lines)


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


# --- propositions ----------------------------------------------------------------


@dataclass
class _Group:
    proposition: str
    scope: str
    type: str  # count, date, boolean
    unit: str = ""
    sides: tuple = ()  # count: base values; date: ((year, month),); boolean: (True,)
    strict: bool = False  # count: only exact, approximate and narrow-range figures
    conflict: bool = False


def _make_propositions(rng: random.Random, count: int, countries: list[_Entity]) -> tuple[list[str], list[_Group]]:
    designs = ["conflict", "agree", "scoped"] + [
        rng.choices(("conflict", "agree", "scoped", "date", "boolean"), (35, 25, 20, 10, 10))[0] for _ in range(count - 3)
    ]
    blocks: list[str] = ["# yaml-language-server: $schema=../dossier/schemas/propositions.schema.json", ""]
    groups: list[_Group] = []
    for i, design in enumerate(designs):
        place = rng.choice(countries).name
        (s1, l1), (s2, l2) = rng.sample(SCOPES, 2)
        scopes = f"  scopes:\n    {s1}: {_q(l1)}\n    {s2}: {_q(l2)}\n"
        if design == "date":
            pid = f"p{i:04d}-zeitpunkt"
            question = rng.choice(DATE_QUESTIONS).format(place=place)
            blocks.append(f"- id: {pid}\n  question: {_q(question)}\n  type: date\n{scopes}")
            for scope in (s1, s2):
                groups.append(_Group(pid, scope, "date", sides=((rng.choice((2023, 2024)), rng.randint(1, 12)),)))
            continue
        if design == "boolean":
            pid = f"p{i:04d}-einsatz"
            topic = rng.choice(BOOLEAN_TOPICS)
            blocks.append(f"- id: {pid}\n  question: {_q(f'Werden in {place} {topic} eingesetzt?')}\n  type: boolean\n{scopes}")
            for scope in (s1, s2):
                groups.append(_Group(pid, scope, "boolean", unit=topic, sides=(True,)))
            continue
        unit, question = rng.choice(COUNT_TOPICS)
        pid = f"p{i:04d}-{_slug(unit)}"
        base = rng.choice(BASES)
        block = (f"- id: {pid}\n  question: {_q(question.format(place=place))}\n  type: count\n"
                 f"  unit: {unit}\n  tolerance: {TOLERANCE}\n{scopes}")
        if design == "conflict":
            factor = rng.choice((2, 2.5, 0.4))
            other = _nice(base * factor) if base * factor >= 20 else _nice(base * 2)
            groups.append(_Group(pid, s1, "count", unit, (base, other), strict=True, conflict=True))
            groups.append(_Group(pid, s2, "count", unit, (rng.choice(BASES),)))
            if rng.random() < 0.3:
                block += ("  resolution:\n    status: explained\n"
                          f"    note: {_q('Die Angaben stammen aus verschiedenen Quellen und Zeitpunkten.')}\n")
        elif design == "agree":
            groups.append(_Group(pid, s1, "count", unit, (base,)))
            groups.append(_Group(pid, s2, "count", unit, (base,)))
        else:  # scoped: values that would disagree, but in different scopes
            groups.append(_Group(pid, s1, "count", unit, (base,)))
            groups.append(_Group(pid, s2, "count", unit, (_nice(base * 4),)))
        blocks.append(block)
    return blocks, groups


def _nice(x: float) -> int:
    """Round to three significant digits, as articles write figures."""
    digits = len(str(int(x)))
    return int(round(x, -max(0, digits - 3)))


def _step(x: int) -> int:
    return 10 ** max(0, len(str(x)) - 3)


def _german(x: int) -> str:
    """12000 -> "12.000"."""
    return f"{x:,}".replace(",", ".")


def _count_value(rng: random.Random, group: _Group, side: int) -> tuple[str, object, bool]:
    """(figure text, YAML value, is a plain number) within tolerance of the side's base."""
    base = group.sides[side]
    unit = group.unit
    forms = ["exact", "exact", "near", "approx", "range"] + ([] if group.strict else ["at_least", "at_most", "wide"])
    form = rng.choice(forms)
    if form == "wide" and base >= 1000:
        form = "range"
    if form == "exact":
        return f"{_german(base)} {unit}", base, True
    if form == "near":
        value = _nice(base * rng.choice((0.98, 0.99, 1.01, 1.02)))
        return f"{_german(value)} {unit}", value, True
    if form == "approx":
        return f"{rng.choice(APPROX)} {_german(base)} {unit}", base, True
    if form == "range":
        low, high = _nice(base * 0.98), _nice(base * 1.02)
        if low == high:
            high += _step(high)
        return f"zwischen {_german(low)} und {_german(high)} {unit}", {"min": low, "max": high}, False
    if form == "wide":  # "zwischen 50 und 100" around 75
        return f"zwischen {_german(_nice(base * 2 / 3))} und {_german(_nice(base * 4 / 3))} {unit}", {
            "min": _nice(base * 2 / 3), "max": _nice(base * 4 / 3)}, False
    if form == "at_least":
        low = _nice(base * 0.97)
        return f"mehr als {_german(low)} {unit}", {"min": low}, False
    high = _nice(base * 1.03)
    return f"bis zu {_german(high)} {unit}", {"max": high}, False


def _yaml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return str(value)


# --- articles --------------------------------------------------------------------


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Writer:
    """One article: text lines, hidden noise, claims; tracks mentioned entities."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.mentioned: set[str] = set()
        self.sentences: list[str] = []
        self.claims: list[dict] = []
        self.notes: list[dict] = []

    def use(self, entity: _Entity, forms: tuple[str, ...]) -> str:
        self.mentioned.add(entity.id)
        return self.rng.choice(forms)


def _pick(rng: random.Random, items: list[_Entity], popular: float = 0.3) -> _Entity:
    """Some entities appear in many articles (like "Russland"), most in few."""
    if rng.random() < popular:
        return items[rng.randrange(min(5, len(items)))]
    return rng.choice(items)


def _claim_sentence(w: _Writer, group: _Group, side: int, token: str, source: _Entity, agency: _Entity | None,
                    published: tuple[int, int, int]) -> tuple[dict, bool]:
    r = w.rng
    claim: dict = {"proposition": group.proposition, "scope": group.scope, "attributed_to": source.id}
    plain = False
    person = source.role == "person"
    if group.type == "count":
        figure, value, plain = _count_value(r, group, side)
        claim["value"] = value
        claim["stance"] = r.choice(("reports", "estimates", "asserts"))
        claim["id"] = f"anzahl-{token.lower()}"
        template = r.randrange(3)
        if template == 0:
            quote = f"{figure} im Abschnitt {token}"
            lead = f"{w.use(source, source.poss)} Angaben zufolge" if person else f"Nach Angaben {w.use(source, source.gen)}"
            sentence = f"{lead} befinden sich {quote}."
        elif template == 1:
            quote = f"im Abschnitt {token} seien {figure}"
            verb = "sagte" if person else "teilte mit"
            sentence = f"{_cap(w.use(source, source.nom))} {verb}, {quote} stationiert."
        else:
            quote = f"{figure} in den Abschnitt {token}"
            sentence = f"Wie {w.use(source, source.nom)} berichtete, wurden {quote} verlegt."
    elif group.type == "date":
        year, month = group.sides[0]
        if published[0] == year + 1:
            expression = f"im {MONTHS[month - 1]} {r.choice(('letzten', 'vergangenen', 'vorigen'))} Jahres"
        elif published[0] == year and month <= published[1]:
            expression = f"im {MONTHS[month - 1]} dieses Jahres"
        else:
            expression = f"im {MONTHS[month - 1]} {year}"
        quote = expression
        prefix = f"Im Abschnitt {token} begann die Verlegung"
        claim["prefix"] = prefix
        claim["stance"] = "reports"
        claim["id"] = f"beginn-{token.lower()}"
        sentence = f"{prefix} {expression}, wie {w.use(source, source.nom)} mitteilte."
    else:
        quote = f"im Abschnitt {token} {group.unit} eingesetzt werden"
        claim["value"] = True
        claim["stance"] = r.choice(("confirms", "asserts"))
        claim["id"] = f"einsatz-{token.lower()}"
        sentence = f"{_cap(w.use(source, source.nom))} bestätigte, dass {quote}."
    claim["quote"] = quote
    if agency is not None and r.random() < 0.35:
        claim["via"] = [agency.id]
        sentence = sentence[:-1] + f", meldete {w.use(agency, agency.nom)}."
        w.mentioned.add(agency.id)
    if r.random() < 0.15:
        claim["note"] = "Ohne erneute Quellenangabe; Fortsetzung der Angaben aus dem vorigen Absatz."
    w.claims.append(claim)
    w.sentences.append(sentence)
    return claim, plain


def _filler(w: _Writer, picks: dict[str, list[_Entity]], used_error: set[str]) -> str:
    r = w.rng
    choices = []
    if picks["country"]:
        c = r.choice(picks["country"])
        choices += [lambda c=c: f"Die Regierung {w.use(c, c.gen)} wies die Vorwürfe zurück.",
                    lambda c=c: f"Militärexperten halten die Angaben aus {w.use(c, c.nom[:1])} für übertrieben."]
    if picks["place"]:
        p = r.choice(picks["place"])
        choices.append(lambda p=p: f"Die Lage {w.use(p, p.loc)} bleibt nach Einschätzung von Beobachtern angespannt.")
    if picks["person"]:
        p = r.choice(picks["person"])
        choices.append(lambda p=p: f"{_cap(w.use(p, p.nom))} warnte vor einer weiteren Eskalation.")
        if p.erroneous and p.id not in used_error:
            def typo(p=p) -> str:
                used_error.add(p.id)
                w.mentioned.add(p.id)
                w.notes.append({"quote": p.erroneous, "kind": "misspelling",
                                "note": f"Gemeint ist {p.name}.", "correction": p.name.split()[-1]})
                return f"{p.erroneous} äußerte sich zunächst nicht zu den Berichten."
            choices.append(typo)
    if picks["org"]:
        o = r.choice(picks["org"])
        choices.append(lambda o=o: f"Beobachter verweisen auf frühere Berichte {w.use(o, o.gen)}.")
    if picks["unit"] and picks["place"]:
        u, p = r.choice(picks["unit"]), r.choice(picks["place"])
        choices.append(lambda u=u, p=p: f"{_cap(w.use(u, u.nom))} soll sich bereits {w.use(p, p.loc)} befinden.")
    if picks["equipment"]:
        e = r.choice(picks["equipment"])
        choices += [lambda e=e: f"Auch {w.use(e, e.plural)} sollen zum Einsatz kommen.",
                    lambda e=e: f"Fachleute bezweifeln die Wirksamkeit der {w.use(e, e.plural)}."]
    choices += [lambda: "Unabhängig überprüfen ließen sich die Angaben zunächst nicht.",
                lambda: "Ein Sprecher wollte sich auf Anfrage nicht äußern."]
    return r.choice(choices)()


def _article(rng: random.Random, index: int, reg: dict[str, list[_Entity]],
             slots: list[tuple[_Group, int]]) -> tuple[str, str, str, ArticleInfo, list[tuple[str, int, _Group]]]:
    """(stem, seed text, annotation YAML, info, editable claims)."""
    stem = f"{index:05d}_{rng.getrandbits(64):016x}"
    year = rng.choice((2023, 2024, 2025))
    month = rng.randint(6 if year == 2023 else 1, 12)
    day = rng.randint(1, 28)
    published = (year, month, day)
    outlet = rng.choice(OUTLETS)
    w = _Writer(rng)
    picks = {
        "person": [_pick(rng, reg["person"]) for _ in range(rng.randint(1, 2))],
        "org": [_pick(rng, reg["org"]) for _ in range(rng.randint(1, 2))],
        "country": [_pick(rng, reg["country"], 0.6)],
        "place": [_pick(rng, reg["local"])],
        "unit": [_pick(rng, reg["unit"])] if rng.random() < 0.6 else [],
        "equipment": [_pick(rng, reg["equipment"])] if rng.random() < 0.5 else [],
    }
    picks["place"] += picks["country"]
    agency = _pick(rng, reg["agency"]) if rng.random() < 0.5 else None
    sources = picks["person"] + picks["org"]

    editable = []
    for token, (group, side) in zip(TOKENS, slots, strict=False):
        claim, plain = _claim_sentence(w, group, side, token, rng.choice(sources), agency, published)
        if plain and not group.conflict and group.type == "count":
            editable.append((claim["id"], claim["value"], group))
    used_error: set[str] = set()
    for _ in range(rng.randint(2, 5)):
        w.sentences.append(_filler(w, picks, used_error))
    rng.shuffle(w.sentences)

    country, person, org = picks["country"][0], picks["person"][0], picks["org"][0]
    place = picks["place"][0]
    # the title line is shown as the page heading, so its names are linked too
    title, in_title = rng.choice((
        (f"{country.name} verlegt weitere Truppen – {person.nom[0]} warnt vor Eskalation", (country, person)),
        (f"Bericht: {org.name} meldet neue Zahlen zu {country.name}", (org, country)),
        (f"{person.nom[0]}: Lage in {place.name} spitzt sich zu", (person, place)),
    ))
    w.mentioned.update(e.id for e in in_title)
    hides = [(title, "title"), (f"Stand: {day:02d}.{month:02d}.{year}, {rng.randint(6, 22):02d}:{rng.choice((0, 15, 30, 45)):02d} Uhr", "dateline")]
    lines = [hides[0][0], hides[1][0]]
    if rng.random() < 0.5:
        hides.append((f"Von {rng.choice(REPORTERS)}, {outlet}", "byline"))
        lines.append(hides[-1][0])
    noise = [
        (f"Siehe auch: Analyse – Was {rng.choice(reg['country']).name} mit der Verlegung bezweckt", "see-also"),
        ("Anzeige", "ad"),
        (f"Foto: Archivbild – {rng.choice(reg['agency']).name}", "caption"),
        ("Mehr zum Thema:", "see-also"),
    ]
    rng.shuffle(noise)
    noise = noise[: rng.randint(1, 3)]
    paragraphs: list[str] = []
    i = 0
    while i < len(w.sentences):
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(w.sentences[i:i + size]))
        i += size
    body: list[str] = []
    for k, paragraph in enumerate(paragraphs):
        if k and rng.random() < 0.25:
            body.append(rng.choice(SUBHEADINGS))
        body.append(paragraph)
        if noise and rng.random() < 0.4:
            body.append(noise[-1][0])
            hides.append(noise.pop())
    for item in noise:
        body.append(item[0])
        hides.append(item)
    tags = f"Schlagwörter: {country.name}, {org.name}, Krieg"
    body.append(tags)
    hides.append((tags, "tags"))
    text = "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"

    normal = " ".join(text.split())
    for quote in [c["quote"] for c in w.claims if "prefix" not in c] + [q for q, _ in hides] + [n["quote"] for n in w.notes]:
        assert normal.count(" ".join(quote.split())) == 1, (stem, quote)

    y = ["# yaml-language-server: $schema=../../dossier/schemas/article.schema.json",
         f"seed: {stem}.txt", f"title: {_q(title)}", f"outlet: {_q(outlet)}",
         f"source_url: \"https://nachrichten.example/artikel/{stem}\"",
         f"published: \"{year:04d}-{month:02d}-{day:02d}\"",
         "published_basis: \"Datumszeile im Text (Stand: ...).\"", "language: de", "", "hide:"]
    for quote, reason in hides:
        y += [f"  - quote: {_q(quote)}", f"    reason: {reason}"]
    if w.notes:
        y += ["", "notes:"]
        for n in w.notes:
            y += [f"  - quote: {_q(n['quote'])}", f"    kind: {n['kind']}", f"    note: {_q(n['note'])}",
                  f"    correction: {_q(n['correction'])}"]
    y += ["", "claims:"]
    for c in w.claims:
        y.append(f"  - id: {c['id']}")
        y.append(f"    quote: {_q(c['quote'])}")
        if "prefix" in c:
            y.append(f"    prefix: {_q(c['prefix'])}")
        y += [f"    proposition: {c['proposition']}", f"    scope: {c['scope']}"]
        if "value" in c:
            y.append(f"    value: {_yaml_value(c['value'])}")
        y.append(f"    attributed_to: {c['attributed_to']}")
        if "via" in c:
            y.append(f"    via: [{', '.join(c['via'])}]")
        y.append(f"    stance: {c['stance']}")
        if "note" in c:
            y.append(f"    note: {_q(c['note'])}")
        y.append("")
    sources_used = {c["attributed_to"] for c in w.claims} | {v for c in w.claims for v in c.get("via", ())}
    info = ArticleInfo(
        claims=tuple(c["id"] for c in w.claims),
        groups=tuple((c["proposition"], c["scope"]) for c in w.claims),
        entities=frozenset(w.mentioned | sources_used),
    )
    return stem, text, "\n".join(y), info, editable


def _reserved() -> set[str]:
    """Every word of the fixed vocabulary, so invented names never collide with it."""
    vocabulary = [
        " ".join(MONTHS), " ".join(TOKENS), " ".join(FIRST_NAMES), " ".join(h for h, _, _ in ORG_HEADS + UNIT_HEADS),
        " ".join(g for _, g, _ in ORG_HEADS + UNIT_HEADS), " ".join(a + " " + b for a, b in EQUIPMENT_TYPES),
        " ".join(OUTLETS), " ".join(REPORTERS), " ".join(SUBHEADINGS), " ".join(label for _, label in SCOPES),
        " ".join(q for _, q in COUNT_TOPICS), " ".join(BOOLEAN_TOPICS), " ".join(APPROX),
        "Republik Oblast Region Gebiet Nachrichtenagentur Regierung Vorwürfe Militärexperten Angaben übertrieben "
        "Lage Einschätzung Beobachtern angespannt warnte weiteren Eskalation Beobachter verweisen frühere Berichte "
        "soll sich bereits befinden Auch sollen Einsatz kommen Fachleute bezweifeln Wirksamkeit Unabhängig überprüfen "
        "ließen zunächst Sprecher wollte Anfrage äußern äußerte Siehe Analyse bezweckt Anzeige Foto Archivbild Mehr "
        "Thema Schlagwörter Krieg Stand Uhr Abschnitt zufolge seien stationiert berichtete wurden verlegt begann "
        "Verlegung mitteilte bestätigte eingesetzt meldete sagte teilte Bericht meldet neue Zahlen spitzt Truppen "
        "Stadt Staat Jahres letzten vergangenen vorigen dieses zwischen mehr bis",
    ]
    return set(_WORD.findall(" ".join(vocabulary)))


def make_corpus(root: Path, n: int, seed: int = 0) -> Planted:
    """Write a synthetic project with ``n`` articles into ``root``."""
    if n < 3:
        raise ValueError("make_corpus needs at least 3 articles")
    rng = random.Random(seed)
    root = Path(root)
    for name in ("seeds", "content"):
        shutil.rmtree(root / name, ignore_errors=True)
    (root / "seeds").mkdir(parents=True)
    (root / "content" / "articles").mkdir(parents=True)
    (root / "content" / "entities").mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")

    registry = _make_entities(rng, _Names(rng, _reserved()), max(12, n // 2))
    # one event per city, at that city (made without the random stream, so the rest of the corpus stays as it was)
    registry["event"] = [_Entity(f"treffen-{city.id}", "events", "event", f"Treffen in {city.name}",
                                 f"Fiktives Treffen in {city.name}.", date=f"2024-{i % 12 + 1:02d}", place=city.id)
                         for i, city in enumerate(registry["city"])]
    planted = Planted(entities=sum(len(v) for v in registry.values()))
    registry["local"] = registry["city"] + registry["region"]
    by_kind: dict[str, list[_Entity]] = {}
    for role, entities in registry.items():
        for e in entities if role != "local" else ():
            by_kind.setdefault(e.kind, []).append(e)
    for kind in ("people", "units", "equipment", "organisations", "places", "events"):
        schema = "events" if kind == "events" else "entities"
        (root / "content" / "entities" / f"{kind}.yml").write_text(_entity_yaml(by_kind.get(kind, []), schema), encoding="utf-8")

    blocks, groups = _make_propositions(rng, max(3, round(n / 10)), registry["country"])
    (root / "content" / "propositions.yml").write_text("\n".join(blocks), encoding="utf-8")

    sizes = [rng.randint(MIN_CLAIMS, MAX_CLAIMS) for _ in range(n)]
    slots: list[tuple[_Group, int]] = []
    for g in groups:  # every group gets two claims; a contradiction one on each side
        slots += [(g, 0), (g, 1 if g.conflict else 0)]
    assert len(slots) <= sum(sizes), "too few claims for the propositions"
    while len(slots) < sum(sizes):
        g = rng.choice(groups)
        slots.append((g, rng.randrange(len(g.sides)) if g.type == "count" else 0))
    rng.shuffle(slots)

    planted.propositions, planted.claims = len(blocks) - 2, len(slots)
    for g in groups:
        (planted.conflicts if g.conflict else planted.consistent).add((g.proposition, g.scope))
    offset = 0
    for i, size in enumerate(sizes):
        stem, text, annotation, info, editable = _article(rng, i, registry, slots[offset:offset + size])
        offset += size
        (root / "seeds" / f"{stem}.txt").write_text(text, encoding="utf-8")
        (root / "content" / "articles" / f"{stem}.yml").write_text(annotation, encoding="utf-8")
        planted.articles[stem] = info
        if planted.edit is None and editable:
            claim_id, old, group = editable[0]
            new = old + _step(old)
            if new > group.sides[0] * (1 + 0.03):
                new = old - _step(old)
            planted.edit = Edit(stem, claim_id, old, new, group.proposition, group.scope)
    return planted


EDIT_BASIS = '\n    value_basis: "changed by the benchmark"'


def set_claim_value(root: Path, stem: str, claim_id: str, value: int) -> Path:
    """Change one claim's ``value:`` line in an annotation file written by make_corpus.

    The value then differs from the figure in the claim's quote, which
    ``dossier check`` accepts only with a ``value_basis``; it is added once.
    """
    path = Path(root) / "content" / "articles" / f"{stem}.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {claim_id}\n")
    at = text.index("    value: ", start)
    end = text.index("\n", at)
    if text.startswith(EDIT_BASIS, end):
        end += len(EDIT_BASIS)
    path.write_text(text[:at] + f"    value: {value}" + EDIT_BASIS + text[end:], encoding="utf-8")
    return path


if __name__ == "__main__":
    import argparse
    import time

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("-n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    result = make_corpus(args.root, args.n, args.seed)
    print(f"{args.n} articles, {result.claims} claims, {result.entities} entities, {result.propositions} propositions, "
          f"{len(result.conflicts)} planted contradictions in {time.perf_counter() - started:.2f} s")
