"""The top of a question page (chart, origins, timeline), its ClaimReview, and claims.csv."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from dossier import charts
from dossier.corroboration import Statement, corroborate
from dossier.exports import CSV_COLUMNS, _cell
from dossier.pages.glance import safe_json

SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "</svg><script>alert(1)</script> & <!-- \"x\" 'y' *z* [a](javascript:b)"


def _load(site: Path, name: str):
    return json.loads((site / "build/docs/daten" / name).read_text("utf-8"))


def _figure(page: str, ident: str) -> ET.Element:
    match = re.search(rf'<figure class="dossier-chart" id="{ident}">\n(<svg.*?</svg>)', page, re.S)
    assert match, f"no chart {ident}"
    return ET.fromstring(match.group(1))


def _numbers(svg: ET.Element) -> list[float]:
    """Every x coordinate drawn in the chart."""
    xs = []
    for element in svg.iter():
        for name in ("x", "cx", "x1", "x2"):
            if name in element.attrib:
                xs.append(float(element.attrib[name]))
        if "d" in element.attrib:
            xs.append(float(element.attrib["d"].split()[0].removeprefix("M")))
    return xs


def test_every_claim_of_a_question_is_a_row_of_its_chart_within_the_axis(site: Path) -> None:
    claims = {c["id"]: c for c in _load(site, "claims.json")}
    for question in _load(site, "propositions.json"):
        page = (site / "build/docs/widersprueche" / f"{question['id']}.md").read_text("utf-8")
        svg = _figure(page, "werte")
        assert svg.attrib["role"] == "img"
        named = {e.attrib.get("id") for e in svg}
        assert set(svg.attrib["aria-labelledby"].split()) <= named
        rows = [g.find(f"{SVG}title").text or "" for g in svg.iter(f"{SVG}g")]
        keys = [key for scope in question["scopes"] for cluster in scope["clusters"] for key in cluster]
        assert len(rows) == len(keys), question["id"]
        for row, key in zip(rows, keys, strict=True):
            assert " ".join(claims[key]["value"]["text"].split()) in row
        assert all(0 <= x <= charts.WIDTH for x in _numbers(svg)), question["id"]
        centres = [float(c.attrib["cx"]) for c in svg.iter(f"{SVG}circle")]
        assert all(charts.PAD <= x <= charts.WIDTH - charts.PAD for x in centres), question["id"]
        # the chart first, then the table, then the editorial note
        chart, table = page.index('<figure class="dossier-chart" id="werte">'), page.index("| Wert |")
        assert chart < page.index("## Unabhängige Ursprünge") < table
        if question["resolution"]:
            assert table < page.index("## Anmerkung der Redaktion")


def test_the_timeline_of_a_question_has_one_row_per_dated_article(site: Path) -> None:
    claims = {c["id"]: c for c in _load(site, "claims.json")}
    for question in _load(site, "propositions.json"):
        page = (site / "build/docs/widersprueche" / f"{question['id']}.md").read_text("utf-8")
        articles = {claims[k]["article"] for s in question["scopes"] for c in s["clusters"] for k in c}
        if 'id="zeit"' not in page:  # no article of the question is dated: no chart, the text says so
            assert "ohne Datum" in page
            continue
        rows = list(_figure(page, "zeit").iter(f"{SVG}g"))
        assert len(rows) <= len(articles)
        assert len(rows) == len(articles) or "ohne Datum" in page
    timeline = (site / "build/docs/zeitleiste.md").read_text("utf-8")
    for question in _load(site, "propositions.json"):
        assert f"(widersprueche/{question['id']}.md)" in timeline


def _bands(label: str = "Gesamt") -> list[charts.Band]:
    return [charts.Band(label, True, (
        charts.Mark(0, "10.000", 10000, 10000, "NIS", "18. Oktober 2024", "a"),
        charts.Mark(1, "mindestens 12.000", 12000, None, "WSJ", "Oktober 2024", "b"),
        charts.Mark(1, "höchstens 13.000", None, 13000, "X", "2024", "c"),
    ))]


@pytest.mark.parametrize("kind", ["count", "date", "place"])
def test_charts_are_deterministic_and_escape_every_text(kind: str) -> None:
    hostile = [charts.Band(HOSTILE, True, tuple(
        charts.Mark(0, HOSTILE, m.low, m.high, HOSTILE, HOSTILE, HOSTILE) for m in _bands()[0].marks))]
    first = charts.values_chart("werte", HOSTILE, HOSTILE, hostile, kind)
    assert first == charts.values_chart("werte", HOSTILE, HOSTILE, hostile, kind)
    assert "<script" not in first and "<!--" not in first and "\n\n" not in first
    svg = ET.fromstring(first.split("\n", 1)[1].rsplit("<figcaption>", 1)[0])
    assert svg.find(f"{SVG}title").text == " ".join(HOSTILE.split())
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert any(t and t.startswith("</svg><script>") for t in texts)
    timeline = charts.timeline_chart("zeit", HOSTILE, HOSTILE, [charts.Event(739000, HOSTILE, HOSTILE, 2)])
    assert "<script" not in timeline and ET.fromstring(timeline.split("\n", 1)[1].rsplit("<figcaption>", 1)[0])


@pytest.mark.parametrize("start", ["2023-12-20", "2024-12-31", "2024-01-01", "2020-06-15"])
def test_date_axes_start_in_any_month(start: str) -> None:
    """Ticks of a date axis from any first day (December rolls over to January)."""
    first = dt.date.fromisoformat(start).toordinal()
    band = charts.Band("x", False, (charts.Mark(0, "a", first, first + 40, "s", "d", "a"),))
    svg = charts.values_chart("w", "t", "d", [band], "date")
    assert "/" in svg and ET.fromstring(svg.split("\n", 1)[1].rsplit("<figcaption>", 1)[0]) is not None


def test_open_intervals_reach_the_edge_and_points_lie_on_the_axis() -> None:
    svg = ET.fromstring(charts.values_chart("w", "t", "d", _bands(), "count").split("\n", 1)[1].rsplit("<figcaption>", 1)[0])
    xs = _numbers(svg)
    assert max(xs) == charts.WIDTH - charts.PAD and min(xs) == charts.PAD
    assert [charts.letter(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def _s(claim: str, article: str, value: str, origin: str, unnamed: bool = False) -> Statement:
    return Statement(claim, article, value, origin, unnamed)


def test_one_origin_through_several_outlets_is_one_origin_and_circular() -> None:
    (count,) = corroborate([_s("a/1", "a", "12.000", "nis"), _s("b/1", "b", "12.000", "nis"),
                            _s("c/1", "c", "12.000", "nis")])
    assert (count.statements, count.articles, count.least, count.most) == (3, 3, 1, 1)
    assert count.origins == (("nis", 3),) and count.circular


def test_different_origins_are_independent_and_not_circular() -> None:
    counts = corroborate([_s("a/1", "a", "12.000", "nis"), _s("b/1", "b", "12.000", "wsj-sources"),
                          _s("b/2", "b", "12.000", "wsj-sources"), _s("c/1", "c", "10.000", "zelensky")])
    assert [c.value for c in counts] == ["12.000", "10.000"]
    twelve = counts[0]
    assert (twelve.statements, twelve.articles, twelve.least, twelve.most) == (3, 2, 2, 2)
    assert twelve.origins == (("nis", 1), ("wsj-sources", 1)) and not twelve.circular
    assert not counts[1].circular  # one article is not circular reporting


def test_unnamed_origins_are_never_counted_as_independent() -> None:
    (count,) = corroborate([_s("a/1", "a", "x", "nis"), _s("b/1", "b", "x", "experts", True),
                            _s("c/1", "c", "x", "circles", True)])
    assert (count.least, count.most) == (1, 3) and count.unnamed == ("circles", "experts")
    assert not count.circular  # unknown whether the unnamed ones are the same source
    (only,) = corroborate([_s("a/1", "a", "x", "experts", True), _s("b/1", "b", "x", "circles", True)])
    assert (only.least, only.most, only.origins) == (1, 2, ())


def test_a_filtered_list_counts_only_what_is_left() -> None:
    """The caller leaves out repeats and rhetoric; the same claim twice counts once."""
    (count,) = corroborate([_s("a/1", "a", "x", "nis"), _s("a/1", "a", "x", "nis")])
    assert count.statements == 1
    assert corroborate([]) == ()


def test_origins_are_shown_on_the_question_page(site: Path) -> None:
    claims = _load(site, "claims.json")
    for question in _load(site, "propositions.json"):
        page = (site / "build/docs/widersprueche" / f"{question['id']}.md").read_text("utf-8")
        section = page[page.index("## Unabhängige Ursprünge"):page.index("| Wert |")]
        lines = [line for line in section.splitlines() if line.startswith("- ")]
        # rhetorical claims are never compared, so they have no origins to count
        mine = [c for c in claims if c["proposition"] == question["id"] and c["status"] != "rhetorical"]
        assert len(lines) == len({(c["scope"], c["value"]["text"]) for c in mine})
        assert all(re.search(r"\d+ Aussagen? in \d+ Artikeln?, \d+(–\d+)? unabhängige", line) for line in lines)


def test_claims_csv_parses_back_to_claims_json(site: Path) -> None:
    raw = (site / "build/docs/daten/claims.csv").read_bytes()
    assert b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert list(rows[0]) == list(CSV_COLUMNS)
    claims = _load(site, "claims.json")
    assert len(rows) == len(claims)
    for row, claim in zip(rows, claims, strict=True):
        value = claim.pop("value")
        flat = {**claim, "value_text": value["text"], "value_min": value["min"], "value_max": value["max"],
                "value_key": value["key"], "via": " > ".join(claim["via"])}
        assert row == {k: _cell(flat[k]) for k in CSV_COLUMNS}
        assert row["quote"].removeprefix("'") == claim["quote"]


def test_csv_cells_cannot_become_formulas() -> None:
    for text in ("=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"):
        assert _cell(text) == "'" + text
    assert _cell("a=b") == "a=b" and _cell(-5) == "-5" and _cell(2.5) == "2.5" and _cell(None) == ""


def test_claim_review_only_on_resolved_questions_and_valid(site: Path) -> None:
    for question in _load(site, "propositions.json"):
        page = (site / "build/docs/widersprueche" / f"{question['id']}.md").read_text("utf-8")
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)
        if question["status"] != "resolved" or not question["resolution"]:
            assert scripts == []
            continue
        (data,) = [json.loads(s) for s in scripts]
        assert data["@context"] == "https://schema.org" and data["@type"] == "ClaimReview"
        assert data["claimReviewed"] == question["question"] and data["url"]
        assert data["reviewRating"]["alternateName"] and data["author"]["name"]
        # the verdict names the value that holds where the editors wrote one
        holds = {p["id"]: (p.get("resolution") or {}).get("holds") for p in yaml.safe_load((site / "content/propositions.yml").read_text("utf-8"))}
        assert (": " in data["reviewRating"]["alternateName"]) == (holds[question["id"]] is not None)
        assert data["reviewBody"] == question["resolution"]
        assert data["itemReviewed"]["appearance"]


def test_json_in_a_script_element_cannot_end_it() -> None:
    data = {"x": "</script><script>alert(1)</script><!-- & \u2028"}
    text = safe_json(data)
    assert "<" not in text and ">" not in text and "&" not in text and "\n" not in text
    assert json.loads(text) == data
