"""The site's languages: every language has every word, formats follow the
language, and an English site of the corpus has no German UI words left."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml
from conftest import _build_site, serving
from helpers import copy_corpus
from playwright.sync_api import Browser
from test_a11y import BLOCKING, WCAG, url
from test_browser import visit

from dossier import locales, sitemap
from dossier.dates import DateSpan, PartialDate
from dossier.model import ENTITY_KINDS
from dossier.values import TYPES

REFERENCE = locales.LANGUAGES[locales.DEFAULT]


def _names(module: object) -> dict[str, object]:
    return {k: v for k, v in vars(module).items() if k.isupper()}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _shape(value: object, path: str) -> dict[str, object]:
    """Every leaf string of a name, by its path: dict keys and tuple places must match."""
    if isinstance(value, dict):
        return {k: v for key, item in value.items() for k, v in _shape(item, f"{path}[{key!r}]").items()}
    if isinstance(value, tuple):
        return {k: v for i, item in enumerate(value) for k, v in _shape(item, f"{path}[{i}]").items()}
    return {path: value}


@pytest.mark.parametrize("code", sorted(locales.LANGUAGES))
def test_every_language_has_every_string_of_the_reference(code: str) -> None:
    reference = {k: v for name, value in _names(REFERENCE).items() for k, v in _shape(value, name).items()}
    language = {k: v for name, value in _names(locales.LANGUAGES[code]).items() for k, v in _shape(value, name).items()}
    assert sorted(set(reference) - set(language)) == [], f"{code} lacks these strings"
    assert sorted(set(language) - set(reference)) == [], f"{code} has strings the reference does not"
    for key, text in reference.items():
        assert type(language[key]) is type(text), key
        if isinstance(text, str):
            assert _fields(language[key]) == _fields(text), f"{code} {key}: other {{fields}}"
            assert language[key] or not text, f"{code} {key} is empty"


def test_a_missing_string_is_found() -> None:
    """The check above can fail: a language without one string of the reference."""
    reduced = {k: v for k, v in _names(locales.LANGUAGES["en"]).items() if k != "NO_DATE"}
    assert set(_names(REFERENCE)) - set(reduced) == {"NO_DATE"}


def test_every_entity_kind_export_and_literal_value_has_words_in_every_language() -> None:
    from typing import get_args

    from dossier.exports import FILES
    from dossier.model import HideReason, NoteKind, Stance, Status

    for module in locales.LANGUAGES.values():
        assert set(module.ENTITY_KIND) == set(ENTITY_KINDS)
        assert set(module.EXPORTS) == set(FILES)
        assert set(module.STANCE) == set(get_args(Stance))
        assert set(module.STATUS) == set(get_args(Status))
        assert set(module.NOTE_KIND) == set(get_args(NoteKind))
        assert set(module.HIDE_REASON) == set(get_args(HideReason))


@pytest.mark.parametrize(("code", "number", "date", "month"), [
    ("de", "12.000", "18. Oktober 2024", "Oktober 2024"),
    ("en", "12,000", "18 October 2024", "October 2024"),
])
def test_numbers_and_dates_follow_the_language(code: str, number: str, date: str, month: str) -> None:
    with locales.using(code):
        assert locales.format_number(12000) == number
        assert locales.format_date(PartialDate(2024, 10, 18)) == date
        assert locales.format_date(PartialDate(2024, 10, None)) == month
        assert locales.format_date(PartialDate(2024, None, None)) == "2024"


def test_a_value_is_data_and_its_text_is_made_in_the_language_in_use() -> None:
    assert set(TYPES) == {"count", "date", "place", "boolean", "label"}
    count = TYPES["count"].normalise({"min": 2000}, {})
    date = TYPES["date"].normalise(DateSpan(PartialDate(2024, 10, 18), PartialDate(2024, 10, 18)), {})
    boolean = TYPES["boolean"].normalise(True, {})
    with locales.using("de"):
        german = (count.text, date.text, boolean.text)
    with locales.using("en"):
        english = (count.text, date.text, boolean.text)
    assert german == ("mindestens 2.000", "18. Oktober 2024", "ja")
    assert english == ("at least 2,000", "18 October 2024", "yes")
    assert "text" not in {f for f in type(count).__dataclass_fields__}  # stored values carry no words


def test_an_unknown_site_language_is_an_error_that_names_the_setting(dossier) -> None:
    from dossier.cli import main

    dossier.write("mkdocs.yml", "site_name: X\ntheme:\n  name: material\n  language: xx\n")
    assert main(["--root", str(dossier.root), "build"]) == 1


# -- an English site of the corpus

GERMAN_UI = {text for key, text in _shape(_names(REFERENCE), "").items()
             if isinstance(text, str) and len(text) > 3 and not _fields(text)
             and text not in set(_shape(_names(locales.LANGUAGES["en"]), "").values())}


@pytest.fixture(scope="module")
def english_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus with theme.language: en and nothing else changed."""
    root = copy_corpus(tmp_path_factory.mktemp("english"))
    config = root / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "\n  language: de\n" in text
    config.write_text(text.replace("\n  language: de\n", "\n  language: en\n"), "utf-8")
    try:
        return _build_site(root)
    finally:
        locales.use(locales.DEFAULT)


def _chosen(root: Path) -> dict[str, str]:
    content = root / "content"
    article = next(path.stem for path in sorted((content / "articles").glob("*.yml"))
                   if (yaml.safe_load(path.read_text("utf-8")) or {}).get("claims"))
    proposition = (yaml.safe_load((content / "propositions.yml").read_text("utf-8")) or [{}])[0]["id"]
    kind = next(key for key in ENTITY_KINDS if yaml.safe_load((content / f"entities/{key}.yml").read_text("utf-8")))
    entity = yaml.safe_load((content / f"entities/{kind}.yml").read_text("utf-8"))[0]["id"]
    return {
        "home": url(sitemap.HOME),
        "article": url(sitemap.article_page(article)),
        "question": url(sitemap.proposition_page(proposition)),
        "entity": url(f"{ENTITY_KINDS[kind].folder}/{entity}.md"),
        "entity index": url(sitemap.entity_index(kind)),
        "articles": url(sitemap.ARTICLES),
        "contradictions": url(sitemap.CONTRADICTIONS),
        "timeline": url(sitemap.TIMELINE),
        "data": url(sitemap.DATA),
    }


#: UI text on a page: everything but what comes from the articles and the YAML
#: (article text is marked with its lang; headings hold questions, scopes and names from the YAML)
UI_TEXT = """() => [...document.querySelectorAll(
    'th, summary, .dossier-legend, .dossier-meta strong, .dossier-status, .md-tabs__link, .md-search__input')]
    .filter(e => !e.closest('[lang]:not(html)'))
    .map(e => (e.getAttribute('placeholder') || '') + ' ' + e.textContent.trim())"""


def test_an_english_site_has_english_words_dates_and_numbers(browser: Browser, english_site: Path) -> None:
    chosen = _chosen(english_site)
    published = sorted(str(a["published"]) for a in (yaml.safe_load(p.read_text("utf-8"))
                                                     for p in (english_site / "content/articles").glob("*.yml"))
                       if a.get("published"))
    with locales.using("en"):
        english_date = locales.format_date(PartialDate.parse(str(published[0]))) if published else ""
    with serving(english_site / "build" / "site") as server:
        seen: dict[str, list[str]] = {}
        for kind, path in chosen.items():
            page, errors, foreign = visit(browser, server + path)
            assert page.evaluate("() => document.documentElement.lang") == "en", kind
            seen[kind] = page.evaluate(UI_TEXT)
            body = page.inner_text(".md-content")
            page.close()
            assert errors == [] and foreign == [], kind
            german = sorted({w for w in GERMAN_UI for text in seen[kind] if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)})
            assert german == [], f"{kind}: German UI words {german} in {seen[kind]}"
            assert not re.search(r"\b\d{1,3}(?:\.\d{3})+\b(?! ?%)", " ".join(seen[kind])), kind
            if kind == "article":
                assert locales.LANGUAGES["en"].T["claims_here"] in body
            if kind == "timeline" and english_date:
                assert english_date in body
        big = next(((path.stem, claim["value"]) for path in sorted((english_site / "content/articles").glob("*.yml"))
                    for claim in (yaml.safe_load(path.read_text("utf-8")) or {}).get("claims") or []
                    if type(claim.get("value")) is int and claim["value"] >= 1000), None)
        if big is not None:
            with locales.using("en"):
                shown = locales.format_number(big[1])
            with locales.using("de"):
                german_number = locales.format_number(big[1])
            page, _, _ = visit(browser, server + url(sitemap.article_page(big[0])))
            values = page.evaluate("() => [...document.querySelectorAll('td strong')].map(e => e.textContent)")
            page.close()
            assert any(shown in v for v in values) and not any(german_number in v for v in values), values
        tabs = " ".join(seen["home"])
        assert all(label in tabs for label in locales.LANGUAGES["en"].NAV.values() if label != "Home")


def test_an_english_site_is_clean_for_axe(browser: Browser, english_site: Path) -> None:
    from test_a11y import AXE

    source = AXE.read_text("utf-8")
    with serving(english_site / "build" / "site") as server:
        for kind, path in _chosen(english_site).items():
            page, _, _ = visit(browser, server + path)
            page.add_script_tag(content=source)
            result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", WCAG)
            page.close()
            assert result["passes"], kind
            blocking = [f"{v['id']}: {v['help']}" for v in result["violations"] if v["impact"] in BLOCKING]
            assert blocking == [], f"{kind}: {blocking}"


def test_the_english_404_page_and_urls(english_site: Path) -> None:
    site = english_site / "build" / "site"
    missing = (site / "404.html").read_text("utf-8")
    assert locales.LANGUAGES["en"].THEME["not_found_title"] in missing
    assert locales.LANGUAGES["de"].THEME["not_found_title"] not in missing
    for page in (sitemap.ARTICLES, sitemap.CONTRADICTIONS, sitemap.TIMELINE, sitemap.DATA,
                 *(sitemap.entity_index(k) for k in ENTITY_KINDS)):
        assert (site / url(page) / "index.html").is_file(), f"{page}: the URL is the same in every language"
