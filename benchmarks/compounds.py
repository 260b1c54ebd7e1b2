"""Precision and recall of mentions inside German compounds.

Two labelled sets: the compounds of the seed articles (what content/
registers is the gold standard for what should link; the labels below say
which registered entity a careful reader would link inside each word), and
a synthetic set built from a synthetic registry (benchmarks/synth.py):
each registered form of a place, organisation or piece of equipment glued
into compounds, people's surnames hyphenated and closed, and near misses
(a form with its last letter changed, a person named like a noun), and
real German words (REAL_WORDS, with a registry of their own): compounds
with a name, and ordinary words that begin or end with a registered form
("Kurskorrektur", "Ehrenorden", "Youngster").

A word counts as linked to an entity when a mention of it overlaps the
word; a seed word inside a longer mention (a multi-word form) is no
compound and is skipped. Precision and recall are over (word, entity) pairs.

    python benchmarks/compounds.py [--synthetic FOLDER] [--splitter]

``--splitter`` keeps a closed-compound mention only if the CharSplit
splitter (PyPI: compound-split, GPL-3.0; not a dependency of Dossier)
splits the word at the same place: an experiment, to compare with rules.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, ".")

from dossier.diagnostics import Diagnostics  # noqa: E402
from dossier.load import Project, load  # noqa: E402
from dossier.mentions import AliasMatcher, Mention  # noqa: E402
from dossier.model import Alias, Corpus, Entity  # noqa: E402

# (article id prefix, word, entities a reader links inside it); words that
# begin or end with a registered form, found by a scan of the seeds
SEED_LABELS: list[tuple[str, str, set[str]]] = [
    ("000", "Cheonma-D-Panzer", {"chonma-tank"}),
    ("000", "BTR-80-Schützenpanzer", {"btr-80"}),
    ("001", "US-Denkfabrik", {"usa"}),
    ("002", "NATO-Gipfel", {"nato"}),
    ("003", "Ukraine-Krieg", {"ukraine"}),
    ("003", "Nato-Generalsekretär", {"nato"}),
    ("003", "EU-Staaten", {"eu"}),
    ("004", "DVRK-Soldaten", {"nk-troops"}),
    ("004", "Drohnenkampfes", {"drones"}),
    # near misses: a registered word is part of them, but they name no entity
    ("000", "Militärtechnik", set()),
    ("000", "Kampfpanzer", {"main-battle-tanks"}),
    ("000", "Ingenieurtruppen", {"nk-engineer-troops"}),  # registered as it is
    ("000", "Streitkräfte", set()),
    ("000", "Besorgnis", set()),
    ("001", "Spezialeinheiten", {"nk-special-forces"}),
    ("001", "Truppeneinsatz", set()),
    ("001", "regionale", set()),
    ("002", "Truppenübungsplatz", set()),  # alone, not "Truppenübungsplatz Sergeevka"
    ("002", "Bodentruppen", {"nk-ground-forces"}),
    ("003", "Elitesoldaten", {"nk-special-forces"}),
    ("003", "Personaldokumenten", set()),
    ("003", "Verständnis", set()),
    ("003", "Kriegsführung", set()),
    ("003", "Militärhilfe", set()),
    ("004", "Soldatenallianz", set()),
    ("004", "Militärkooperationsabkommen", set()),
    ("004", "Volksrepublik", {"north-korea"}),  # "Demokratischen Volksrepublik Korea"
]

# (entity id, kind, form) registered for REAL_WORDS
REAL_REGISTRY = [
    ("kursk", "places", "Kursk"), ("north", "places", "Norden"), ("russia", "places", "Russland"),
    ("ukraine", "places", "Ukraine"), ("charkiw", "places", "Charkiw"), ("china", "places", "China"),
    ("bachmut", "places", "Bachmut"), ("israel", "places", "Israel"), ("pentagon", "organisations", "Pentagon"),
    ("hamas", "organisations", "Hamas"), ("young", "people", "Young"), ("putin", "people", "Putin"),
    ("selenskyj", "people", "Selenskyj"), ("merkel", "people", "Merkel"), ("fischer", "people", "Fischer"),
    ("wagner", "people", "Wagner"), ("bauer", "people", "Bauer"), ("drones", "equipment", "Drohnen"),
    ("tanks", "equipment", "Panzer"),
]
# (word, entities a reader links inside it); written before any lexicon was tried
REAL_WORDS: list[tuple[str, set[str]]] = [
    ("Russlandeinsatz", {"russia"}), ("Russlandpolitik", {"russia"}), ("Westukraine", {"ukraine"}),
    ("Ukrainehilfe", {"ukraine"}), ("Charkiwoffensive", {"charkiw"}), ("Bachmutoffensive", {"bachmut"}),
    ("Israelkritik", {"israel"}), ("Hamasführung", {"hamas"}), ("Putinregime", {"putin"}),
    ("Selenskyjbesuch", {"selenskyj"}), ("Merkelraute", {"merkel"}), ("Kursksieg", {"kursk"}),
    ("Drohnenangriff", {"drones"}), ("Kampfdrohnen", {"drones"}), ("Panzerabwehr", {"tanks"}),
    ("Kurskorrektur", set()), ("Ehrenorden", set()), ("Youngster", set()), ("Youngtimer", set()),
    ("Chinakohl", set()), ("Pentagondodekaeder", set()), ("Fischereirecht", set()), ("Wagnergruppe", set()),
    ("Bauernverband", set()), ("Kursker", set()), ("Israeliten", set()), ("Chinesen", set()),
]
HEADS = ["Offensive", "Grenze", "Angriff", "Bericht", "Führung", "Abwehr"]
MODIFIERS = ["Nord", "Kampf", "Grenz", "West"]


def synthetic_labels(corpus: Corpus) -> tuple[list[Entity], list[tuple[str, str, set[str]]]]:
    """Compounds of the synthetic registry's forms: (class, word, gold entities)."""
    extra = [Entity("drohne", "people", "Hans Drohne", "", (Alias("Drohne"),), (), "", "", corpus.entities[next(iter(corpus.entities))].position)]
    labels: list[tuple[str, str, set[str]]] = []
    for eid in sorted(corpus.entities):
        entity = corpus.entities[eid]
        for form in [entity.name, *(a.form for a in entity.aliases)]:
            words = re.findall(r"\w+", form)
            if len(words) != 1 or len(form) < 5 or form.isupper():
                continue
            head = HEADS[len(labels) % len(HEADS)]
            kind = "person" if entity.type == "people" else "thing"
            labels += [
                (f"{kind}: hyphenated", f"{form}-{head}", {eid}),
                (f"{kind}: closed, first part", f"{form}s{head.lower()}", {eid}),
                (f"{kind}: closed, last part", f"{MODIFIERS[len(labels) % len(MODIFIERS)]}{form.lower()}", {eid}),
                (f"{kind}: near miss", f"{form[:-1]}{'x' if form[-1] != 'x' else 'y'}{head.lower()}", set()),
                # a vowel right after the form: a real compound ("Russlandeinsatz") or the form's
                # last letter starting the next word ("Kurskorrektur" is Kurs + Korrektur)
                (f"{kind}: before a vowel, compound", f"{form}einsatz", {eid}),
                (f"{kind}: before a vowel, near miss", f"{form}orrektur", set()),
            ]
    labels += [("person named like a noun", w, set()) for w in ("Drohnenabwehr", "Drohnenangriff", "Kampfdrohnen")]
    return extra, labels


def score(pairs: list[tuple[set[str], set[str]]]) -> tuple[float, float, int, int, int]:
    """(precision, recall, true, false positives, false negatives) over (word, entity) pairs."""
    tp = sum(len(gold & got) for gold, got in pairs)
    fp = sum(len(got - gold) for gold, got in pairs)
    fn = sum(len(gold - got) for gold, got in pairs)
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, tp, fp, fn)


def overlapping(mentions: list[Mention], start: int, end: int) -> set[str]:
    return {m.entity for m in mentions if m.start < end and start < m.end}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", type=Path, help="a corpus made by benchmarks/synth.py (its registry is used)")
    parser.add_argument("--splitter", action="store_true", help="confirm closed compounds with compound-split")
    parser.add_argument("--show", action="store_true", help="print every word the matcher gets wrong")
    args = parser.parse_args()
    keep: Callable[[str, Mention], bool] = lambda text, m: True  # noqa: E731
    if args.splitter:
        from compound_split import char_split  # type: ignore[import-not-found]

        def keep(text: str, m: Mention) -> bool:
            word = re.match(r"\w*", text[m.start:]) and _word_at(text, m.start)
            if getattr(m, "via", "") != "compound" or word is None or "-" in text[word[0]:word[1] + 1]:
                return True
            best = char_split.split_compound(text[word[0]:word[1]])[0]
            cut = word[0] + len(best[1])
            return best[0] > -0.6 and (m.start == cut or abs(m.end - cut) <= 2)

    seeds = load(Project(Path(".")), Diagnostics())
    matcher = AliasMatcher(seeds.entities[k] for k in sorted(seeds.entities))
    pairs = []
    for prefix, word, gold in SEED_LABELS:
        article = next(a for a in seeds.articles if a.id.startswith(prefix))
        found = [m for m in find(matcher, article.text, article.published) if keep(article.text, m)]
        for hit in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", article.text):
            if any(m.start < hit.end() and hit.start() < m.end and (m.start < hit.start() or m.end > hit.end()) for m in found):
                continue  # part of a longer form ("Truppenübungsplatz Sergeevka"): no compound
            pairs.append((gold, overlapping(found, hit.start(), hit.end())))
            if args.show and gold != pairs[-1][1]:
                print("  ", word, "gold", sorted(gold), "got", sorted(pairs[-1][1]))
    precision, recall, tp, fp, fn = score(pairs)
    print(f"seeds:     precision {precision:.2f} recall {recall:.2f} (tp {tp}, fp {fp}, fn {fn})")
    if args.synthetic:
        corpus = load(Project(args.synthetic), Diagnostics())
        extra, labels = synthetic_labels(corpus)
        matcher = AliasMatcher([*(corpus.entities[k] for k in sorted(corpus.entities)), *extra])
        by_class: dict[str, list[tuple[set[str], set[str]]]] = {}
        for kind, word, gold in labels:
            text = f"Die {word} wurde gemeldet."
            found = [m for m in find(matcher, text, None) if keep(text, m)]
            by_class.setdefault(kind, []).append((gold, overlapping(found, 4, 4 + len(word))))
            if args.show and gold != by_class[kind][-1][1]:
                print("  ", word, "gold", sorted(gold), "got", sorted(by_class[kind][-1][1]))
        everything = [pair for pairs in by_class.values() for pair in pairs]
        position = extra[0].position
        matcher = AliasMatcher(Entity(eid, kind, form, "", (), (), "", "", position) for eid, kind, form in REAL_REGISTRY)
        real = []
        for word, gold in REAL_WORDS:
            text = f"Die {word} wurde gemeldet."
            real.append((gold, overlapping([m for m in find(matcher, text, None) if keep(text, m)], 4, 4 + len(word))))
            if args.show and gold != real[-1][1]:
                print("  ", word, "gold", sorted(gold), "got", sorted(real[-1][1]))
        print(f"real words ({len(REAL_WORDS)}): precision %.2f recall %.2f (tp %d, fp %d, fn %d)" % score(real))
        print(f"synthetic ({len(labels)} words): precision %.2f recall %.2f (tp %d, fp %d, fn %d)" % score(everything))
        for kind in sorted(by_class):
            print(f"  {kind} ({len(by_class[kind])}): precision %.2f recall %.2f (tp %d, fp %d, fn %d)" % score(by_class[kind]))


def find(matcher: AliasMatcher, text: str, on: object) -> list[Mention]:
    """The matcher's mentions (one before role aliases takes no date)."""
    try:
        return matcher.find(text, on)  # type: ignore[arg-type]
    except TypeError:
        return matcher.find(text)  # type: ignore[call-arg]


def _word_at(text: str, at: int) -> tuple[int, int]:
    start = at
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    end = at
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


if __name__ == "__main__":
    main()
