"""Charts drawn at build time as inline SVG: a question's values and its timeline.

A reader sees at a glance which values agree, which disagree and who said
them, before reading any table; the SVG needs no JavaScript and nothing
from another host. Each chart is an image with a text alternative
(role="img", <title>, <desc>); the table after it holds the same facts and
is its accessible equivalent. Clusters differ by colour, by marker shape
and by their letter in the row's text, so colour is never the only cue.
Everything is laid out in a 360-unit-wide viewBox that scales down to any
phone; all text is escaped, all numbers are written with fixed precision,
so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .locales import format_number

#: one colour per cluster, each at least 4.5:1 against white (and so against the light bars)
COLOURS = ("#1f5fbf", "#b3261e", "#1b7a3a", "#6f42a8", "#8a5a00", "#00707a")
#: marker shapes per cluster, cycled with the colours
SHAPES = ("circle", "square", "triangle", "diamond")

WIDTH = 360
PAD = 8
ROW = 48  # a row: value and date, source, then its bar
HEAD = 22  # a scope's heading
AXIS = 26
GAP = 10
TIME_ROW = 32
FONT = 12
#: characters of a row's text that fit in the width at FONT; the rest is in its tooltip and the table
CHARS = 52


@dataclass(frozen=True, slots=True)
class Mark:
    """One claim (one row of the chart)."""

    cluster: int  # index of its cluster within its scope
    value: str  # as displayed
    low: float | None  # the interval; both None for values without an order (places, labels)
    high: float | None
    source: str  # plain text: "NIS über Yonhap"
    date: str  # the article's date, displayed
    article: str  # short name of the article


@dataclass(frozen=True, slots=True)
class Band:
    """The rows of one scope."""

    label: str
    conflict: bool
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Event:
    """When one article (and so its claims) came out, for the timeline."""

    day: int  # proleptic ordinal of the article's first possible day
    date: str  # displayed
    label: str  # the article, short
    claims: int


def letter(cluster: int) -> str:
    """The cluster's name in the chart and the table: A, B, … Z, AA, AB, …"""
    name = ""
    n = cluster
    while True:
        name = chr(ord("A") + n % 26) + name
        n = n // 26 - 1
        if n < 0:
            return name


def values_chart(ident: str, title: str, description: str, bands: Sequence[Band], kind: str) -> str:
    """The chart of a question's values; ``kind`` is the question's type
    ("count" and "date" get an axis, other kinds list their values). Each
    scope has its own axis: claims of different scopes are never compared,
    and a shared axis would squeeze 10.000 against 12.000 to one point."""
    parts: list[str] = []
    y = 0
    for band in bands:
        scale = _Scale.of(band.marks, kind)
        parts.append(f'<text x="{PAD}" y="{y + 15}" font-weight="bold">{_text(_cut(band.label))}</text>')
        y += HEAD
        for mark in band.marks:
            parts.append(_row(mark, y, scale, band.conflict))
            y += ROW
        if scale:
            parts.append(scale.axis(y))
            y += AXIS
        y += GAP
    return _svg(ident, title, description, y, parts)


def timeline_chart(ident: str, title: str, description: str, events: Sequence[Event]) -> str:
    """When the claims were published: one row per article on a shared time axis."""
    days = [e.day for e in events]
    scale = _Scale(min(days) - 15, max(days) + 15, log=False, dates=True) if days else None
    parts = []
    y = 0
    for event in events:
        text = f"{event.date}: {event.label} ({event.claims})"
        parts.append(f'<g><title>{_text(text)}</title>'
                     f'<text x="{PAD}" y="{y + 13}">{_text(_cut(text, CHARS + 4))}</text>')
        if scale:
            parts.append(_shape("circle", scale.x(event.day), y + 24, COLOURS[0]))
        parts.append("</g>")
        y += TIME_ROW
    if scale:
        parts.append(scale.axis(y))
        y += AXIS
    return _svg(ident, title, description, y, parts)


def _svg(ident: str, title: str, description: str, height: int, parts: list[str]) -> str:
    """The figure, on lines without blank ones: Markdown passes it through as one HTML block."""
    return (
        f'<figure class="dossier-chart" id="{_attr(ident)}">\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {max(height, 1)}" '
        f'width="100%" style="max-width:30rem;height:auto" font-family="sans-serif" font-size="{FONT}" '
        f'fill="#1a1a1a" aria-labelledby="{_attr(ident)}-t {_attr(ident)}-d">\n'
        f'<title id="{_attr(ident)}-t">{_text(title)}</title>\n'
        f'<desc id="{_attr(ident)}-d">{_text(description)}</desc>\n'
        + "\n".join(parts)
        + "\n</svg>\n"
        f"<figcaption>{_text(description)}</figcaption>\n"
        "</figure>"
    )


def _row(mark: Mark, y: int, scale: _Scale | None, conflict: bool) -> str:
    colour = COLOURS[mark.cluster % len(COLOURS)]
    shape = SHAPES[mark.cluster % len(SHAPES)]
    name = f"{letter(mark.cluster)} · " if conflict else ""
    full = f"{name}{mark.value} – {mark.source}, {mark.date} ({mark.article})"
    parts = [f"<g><title>{_text(full)}</title>",
             f'<text x="{PAD}" y="{y + 13}" font-weight="bold">{_text(_cut(name + mark.value))}</text>',
             f'<text x="{PAD}" y="{y + 27}" font-size="11">{_text(_cut(f"{mark.date} · {mark.source}", CHARS + 4))}</text>']
    bar = y + 38
    if scale and (mark.low is not None or mark.high is not None):
        left = scale.x(mark.low) if mark.low is not None else PAD
        right = scale.x(mark.high) if mark.high is not None else WIDTH - PAD
        if right - left >= 2:
            parts.append(f'<rect x="{left:.1f}" y="{bar - 4}" width="{right - left:.1f}" height="8" '
                         f'fill="{colour}" fill-opacity="0.3" stroke="{colour}"/>')
        if mark.low is None:
            parts.append(f'<path d="M{PAD:.1f} {bar} l6 -5 v10 z" fill="{colour}"/>')
        if mark.high is None:
            parts.append(f'<path d="M{WIDTH - PAD:.1f} {bar} l-6 -5 v10 z" fill="{colour}"/>')
        parts.append(_shape(shape, (left + right) / 2, bar, colour))
    else:
        parts.append(_shape(shape, PAD + 5, bar, colour))
    parts.append("</g>")
    return "".join(parts)


def _shape(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{x - 4.5:.1f}" y="{y - 4.5:.1f}" width="9" height="9" fill="{colour}"/>'
    if shape == "triangle":
        return f'<path d="M{x:.1f} {y - 6:.1f} l6 10 h-12 z" fill="{colour}"/>'
    return f'<path d="M{x:.1f} {y - 6:.1f} l6 6 l-6 6 l-6 -6 z" fill="{colour}"/>'


@dataclass(frozen=True, slots=True)
class _Scale:
    """Where a number lies across the width: linear, or logarithmic when the
    values span more than a factor of 20 (a thousand and a million both visible)."""

    low: float
    high: float
    log: bool
    dates: bool

    @classmethod
    def of(cls, marks: Sequence[Mark], kind: str) -> _Scale | None:
        if kind not in ("count", "date"):
            return None
        bounds = [b for m in marks for b in (m.low, m.high) if b is not None and math.isfinite(b)]
        if not bounds:
            return None
        low, high = min(bounds), max(bounds)
        if any(m.high is None for m in marks):  # room for "at least" to reach beyond its figure
            high += abs(high) * 0.25 or 1.0
        if kind == "date":
            return cls(low - 15, high + 15, log=False, dates=True)
        if low > 0 and high / low > 20:
            return cls(10 ** math.floor(math.log10(low)), 10 ** math.ceil(math.log10(high)), log=True, dates=False)
        return cls(min(0.0, low), high * 1.05 if high > 0 else 1.0, log=False, dates=False)

    def x(self, value: float) -> float:
        """The x coordinate, clamped into the plot."""
        if self.log:
            value = max(value, self.low)
            share = (math.log10(value) - math.log10(self.low)) / (math.log10(self.high) - math.log10(self.low))
        else:
            share = (value - self.low) / (self.high - self.low) if self.high > self.low else 0.5
        return PAD + min(max(share, 0.0), 1.0) * (WIDTH - 2 * PAD)

    def ticks(self) -> list[tuple[float, str]]:
        if self.dates:
            return self._date_ticks()
        if self.log:
            exponents = range(round(math.log10(self.low)), round(math.log10(self.high)) + 1)
            values = [10.0 ** e for e in exponents]
            step = max(1, math.ceil(len(values) / 5))
            return [(v, format_number(v)) for v in values[::step]]
        width = _nice((self.high - self.low) / 4)
        first = math.ceil(self.low / width) * width
        return [(first + i * width, format_number(first + i * width))
                for i in range(int((self.high - first) / width) + 1)]

    def _date_ticks(self) -> list[tuple[float, str]]:
        start, end = dt.date.fromordinal(int(self.low)), dt.date.fromordinal(int(self.high))
        if end.year - start.year >= 2:
            return [(dt.date(y, 1, 1).toordinal(), str(y)) for y in range(start.year + 1, end.year + 1)]
        months = []
        year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
        while (year, month) <= (end.year, end.month):
            months.append(dt.date(year, month, 1))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        step = max(1, math.ceil(len(months) / 4))
        return [(d.toordinal(), f"{d.month}/{d.year}") for d in months[::step]]

    def axis(self, y: int) -> str:
        parts = [f'<line x1="{PAD}" y1="{y + 4}" x2="{WIDTH - PAD}" y2="{y + 4}" stroke="#595959"/>']
        for value, label in self.ticks():
            x = self.x(value)
            anchor = "start" if x < PAD + 20 else "end" if x > WIDTH - PAD - 20 else "middle"
            parts.append(f'<line x1="{x:.1f}" y1="{y}" x2="{x:.1f}" y2="{y + 8}" stroke="#595959"/>'
                         f'<text x="{x:.1f}" y="{y + 21}" text-anchor="{anchor}" font-size="11">{_text(label)}</text>')
        return "".join(parts)


def _nice(raw: float) -> float:
    """A round step (1, 2 or 5 times a power of ten) near ``raw``."""
    if raw <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(raw))
    return next(s * power for s in (1, 2, 5, 10) if s * power >= raw)


def _cut(text: str, chars: int = CHARS) -> str:
    """What fits on a line; the whole text is in the row's tooltip and the table."""
    return text if len(text) <= chars else text[:chars - 1] + "…"


def _text(text: str) -> str:
    """Text inside SVG, escaped, on one line (a blank line would end the HTML block)."""
    return escape(" ".join(text.split()), quote=False)


def _attr(text: str) -> str:
    return escape(text, quote=True)
