"""Precision and recall of the figure and date suggestions on a hand-labelled gold set.

    .venv/bin/python benchmarks/suggestions.py [path/to/a/dossier/checkout]

The gold set is every count and every date expression in the five German
seeds, the two articles of tests/growth and an English speech written for
this measurement (benchmarks/texts/en_speech.txt), each with its value;
and, reported apart, an English news text written after the rules and
labelled before they were first run on it (benchmarks/texts/en_news.txt).
A suggestion is right when it overlaps a gold item and has its value (a
gold value of None takes any value: phrases the rules are not expected to
resolve). Numbers inside a date expression ("two weeks ago") count as the
date only. Run it on another checkout to compare versions.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ANY = object()

# (file, language, publication date, figures, dates); figures as (snippet, min, max), dates as (snippet, ISO value).
# A snippet is located after the previous one of its list, so repeated figures are listed in text order.
GOLD = [
    ("seeds/000_0455d4856bd7806b.txt", "de", "2025-08",
     [("6.000", 6000, 6000), ("rund sechs Tausend", 6000, 6000), ("zwischen 50 und 100", 50, 100)],
     [("im April dieses Jahres", "2025-04"), ("im Juni letzten Jahres", "2024-06")]),
    ("seeds/001_e681e366ec677afe.txt", "de", "2024-10-18",
     [("12.000", 12000, 12000), ("rund 11.000", 11000, 11000), ("hunderten", 200, 999)],
     [("18. Oktober, 2024", "2024-10-18"), ("ab November", "2024-11"), ("im Juni", "2024-06")]),
    ("seeds/002_679a936db0b88a02.txt", "de", "2024-10",
     [("1.500", 1500, 1500), ("Millionen", 2_000_000, None), ("Tausende", 2000, None), ("10.000", 10000, 10000),
      ("12.000", 12000, 12000), ("1,2 Millionen", 1_200_000, 1_200_000)],
     [("diese Woche", ANY), ("im Juni", "2024-06")]),
    ("seeds/003_c042034e10dbecbf.txt", "de", "2024-10",
     [("rund 10.000", 10000, 10000), ("mehr als 10.000", 10000, None)],
     [("vom 8. bis 13. Oktober", "2024-10-08/2024-10-13"), ("Bis Ende Dezember", "2024-12")]),
    ("seeds/004_61e48cef883b8518.txt", "de", "2024-10",
     [("12.000", 12000, 12000), ("12.000", 12000, 12000)],
     [("im Juni", "2024-06")]),
    ("tests/growth/seeds/901_de_wiki.txt", "de", None,
     [("rund 12.000", 12000, 12000), ("etwa 1.100", 1100, 1100)],
     [("Im Oktober 2024", "2024-10"), ("im Juni 2024", "2024-06"), ("Ende Dezember 2024", "2024-12")]),
    ("tests/growth/seeds/900_en_wire.txt", "en", "2024-10-28",
     [("About 10,000", 10000, 10000), ("10,000", 10000, 10000), ("up to 600,000", None, 600_000),
      ("hundreds", 200, 999), ("thousands", 2000, None), ("more than 1.2 million", 1_200_000, None)],
     [("28 October 2024", "2024-10-28"), ("on 28 October", "2024-10-28"), ("last month", "2024-09"),
      ("yesterday", "2024-10-27"), ("since June", "2024-06"), ("next year", "2025"),
      ("almost 1000 days ago", "2022-02")]),
    ("benchmarks/texts/en_speech.txt", "en", "2024-10-31",
     [("more than 11,000", 11000, None), ("Some 3,000", 3000, 3000), ("at least 7,000", 7000, None), ("32", 32, 32),
      ("over two million", 2_000_000, None), ("two countries", 2, 2), ("Eight", 8, 8), ("Hundreds", 200, 999),
      ("Tens of thousands", 20000, None), ("three", 3, 3)],
     [("31 October 2024", "2024-10-31"), ("Since the beginning of October", "2024-10"), ("Two weeks ago", "2024-10-17"),
      ("last week", "2024-10-21/2024-10-27"), ("by the end of November", "2024-11"), ("On 19 June", "2024-06-19"),
      ("Eight days later", ANY), ("since the summer", ANY), ("in September", "2024-09"), ("on Tuesday", "2024-10-29"),
      ("next year", "2025")]),
    # Written after the rules, as a test they were not tuned on: labelled before the first run.
    ("benchmarks/texts/en_news.txt", "en", "2025-03-14",
     [("3,000", 3000, 3000), ("around 3,000", 3000, 3000), ("an estimated 14,000", 14000, 14000),
      ("About 4,000", 4000, 4000), ("as many as 15 thousand", None, 15000), ("two", 2, 2),
      ("more than 20,000", 20000, None), ("$5.5bn", 5_500_000_000, 5_500_000_000), ("two countries", 2, 2),
      ("two weeks", 2, 2), ("about 5,000", 5000, 5000), ("dozens", 24, 99), ("20 to 30", 20, 30),
      ("some 1.5 million", 1_500_000, 1_500_000), ("six months", 6, 6),
      ("hundreds of millions", 200_000_000, 999_999_999)],
     [("14 March 2025", "2025-03-14"), ("March 14", "2025-03-14"), ("since January", "2025-01"),
      ("on Friday", "2025-03-14"), ("last autumn", ANY), ("January", "2025-01"), ("February", "2025-02"),
      ("on Wednesday", "2025-03-12"), ("in January", "2025-01"), ("in December", "2024-12"),
      ("since August 2023", "2023-08"), ("in November", "2024-11"), ("June 19 last year", "2024-06-19"),
      ("three weeks ago", "2025-02-21"), ("next month", "2025-04"), ("the end of June", "2025-06"),
      ("on 3 March", "2025-03-03"), ("on Monday", "2025-03-17")]),
]
#: texts reported apart from the rest of their language
APART = {"benchmarks/texts/en_news.txt": "English news text written after the rules"}


def _spans(text: str, snippets: list[str]) -> list[tuple[int, int]]:
    spans, at = [], 0
    for snippet in snippets:
        start = text.index(snippet, at)
        spans.append((start, start + len(snippet)))
        at = start + len(snippet)
    return spans


def _score(found: list[tuple[int, int, object]], gold: list[tuple[int, int, object]]) -> int:
    """Right suggestions: each overlaps a gold item not matched before and has its value."""
    used: set[int] = set()
    right = 0
    for start, end, value in found:
        for i, (g_start, g_end, g_value) in enumerate(gold):
            if i not in used and start < g_end and g_start < end and (g_value is ANY or g_value == value):
                used.add(i)
                right += 1
                break
    return right


def main() -> None:
    checkout = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT
    sys.path.insert(0, str(checkout))
    from dossier.dates import PartialDate
    from dossier.suggest import suggestions

    by_language = "language" in inspect.signature(suggestions).parameters
    totals: dict[tuple[str, str], list[int]] = {}
    for path, language, published, figures, dates in GOLD:
        text = (ROOT / path).read_text("utf-8")
        reference = PartialDate.parse(published) if published else None
        kwargs = {"language": language} if by_language else {}
        found = suggestions(text, reference, [], **kwargs)
        gold_figures = [(s, e, (lo, hi)) for (s, e), (_, lo, hi) in zip(_spans(text, [f[0] for f in figures]), figures, strict=True)]
        gold_dates = [(s, e, v) for (s, e), (_, v) in zip(_spans(text, [d[0] for d in dates]), dates, strict=True)]
        got_figures = [(s.start, s.end, _figure(s.detail)) for s in found if s.kind == "figure"]
        got_dates = [(s.start, s.end, s.detail.split(" ")[0]) for s in found if s.kind == "date"]
        group = APART.get(path, "de" if language == "de" else "en")
        for kind, got, gold in (("figures", got_figures, gold_figures), ("dates", got_dates, gold_dates)):
            row = totals.setdefault((group, kind), [0, 0, 0])
            row[0] += _score(got, gold)
            row[1] += len(got)
            row[2] += len(gold)
    print(f"checkout: {checkout}")
    print("| texts | kind | right / suggested | precision | right / gold | recall |")
    print("| --- | --- | --- | --- | --- | --- |")
    for (group, kind), (right, suggested, gold) in sorted(totals.items()):
        texts = {"de": "German (5 seeds + wiki excerpt)", "en": "English (wire report + speech)"}.get(group, group)
        precision = f"{right / suggested:.0%}" if suggested else "–"
        print(f"| {texts} | {kind} | {right} / {suggested} | {precision} | {right} / {gold} | {right / gold:.0%} |")


def _figure(detail: str) -> tuple[int | None, int | None]:
    """The (min, max) of a figure suggestion's detail: "12000", "{min: 2000}", "{min: 50, max: 100}"."""
    if not detail.startswith("{"):
        return int(detail), int(detail)
    bounds = dict(part.split(": ") for part in detail.strip("{}").split(", "))
    return (int(bounds["min"]) if "min" in bounds else None, int(bounds["max"]) if "max" in bounds else None)


if __name__ == "__main__":
    main()
