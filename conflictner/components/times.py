"""Time expressions: detect (NER DATE/TIME plus our patterns), then normalize against the
publication date with our own rules for the forms news uses, and dateparser behind them.

Writes `doc._.cn_times`. Expressions relative to another event ("hours later", "the next
day") are kept with `anchor="event"` and an `offset_days`; the events component resolves
them against the event they follow. Durations ("a two-hour gun battle") are dropped here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..extensions import meta_of
from ..rules import _Rule
from .base import COMMON_WORDS, RuleComponent, WindowedMatcher, span_record
from .base import span_of as _span

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
WEEKDAYS.update({d.lower(): i for i, d in enumerate(calendar.day_abbr)})
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS.update({"sept": 9})
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3}
DURATION_RE = re.compile(
    r"(\b\d+|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|\w+teen|\w+ty))"
    r"[- ](hour|day|week|month|year|minute)s?[- ](long|old)\b"
    r"|\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\w+teen|\w+ty)-"
    r"(hour|day|week|month|year|minute)\b",
    re.I,
)
YEAR_RE = re.compile(r"\b(1\d|20)\d{2}\b")
CLOCK_RE = re.compile(
    r"(?:(?:at|about|around|approximately|shortly|just|after|before|until)\s+)*"
    r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|hrs|hours|h)?|[012]\d[0-5]\d\s*(?:gmt|utc|hrs|hours|h))"
    r"(?:\s*\([a-z]+\))?(?:\s+local time)?")
ISO_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
BARE_UNITS = {"hours", "days", "weeks", "months", "years", "minutes", "decades"}
PRECISION_TO_ACLED = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}


class TimePattern(_Rule):
    """A Matcher pattern for a time phrase the NER misses, with the form it stands for."""

    id: str
    pattern: list[dict]
    form: str
    source: str


@Language.factory(
    "conflictner_times",
    assigns=["doc._.cn_times"],
    requires=["doc.ents", "doc._.cn_meta"],
    default_config={"data_path": None},
)
def make_times(nlp: Language, name: str, *, data_path: Optional[str]) -> TimeNormalizer:
    return TimeNormalizer(nlp, name, data_path=data_path)


class TimeNormalizer(RuleComponent):
    folder = "times"
    files = {"patterns.jsonl": TimePattern}

    def _compile(self) -> None:
        patterns = self.rules.get("patterns.jsonl", [])
        self.matcher = WindowedMatcher(self.nlp.vocab, [(p.id, x) for p in patterns for x in _split_first(p.pattern)],
                                       prefilter=True)
        self.forms: dict[str, str] = {p.id: p.form for p in patterns}
        # dateparser builds its time-zone tables on first use (about 0.4 s): pay it at load
        # time, not inside the first extraction
        _date_parser().get_date_data("18 October 2023")

    def process(self, doc: Doc) -> Doc:
        meta = meta_of(doc)
        published = _date(meta.get("published"))
        spans = [c for e in doc.ents if e.label_ in {"DATE", "TIME"} for c in _clean(e)]
        for mid, s, e in self.matcher(doc):
            spans.append(Span(doc, s, e, label=doc.vocab.strings[mid]))
        spans = _merge_parenthetical(doc, filter_spans(spans))
        out: list[dict] = []
        for span in spans:
            span_text = span.text  # joined token by token: once
            text = span_text.strip()
            if not text or DURATION_RE.search(_context(span)) or _is_duration(span, span_text):
                continue
            norm = _normalized(text, published)
            if norm is None:
                continue
            norm = dict(norm)
            rule = f"times.{norm.pop('form')}"
            out.append(
                {
                    "id": f"time-{len(out)}",
                    "text": span_text,
                    **norm,
                    "time_precision": PRECISION_TO_ACLED[norm["precision"]],
                    "mentions": [span_record(span.start_char, span.end_char)],
                    "tokens": [[span.start, span.end]],
                    "rule_ids": [rule],
                }
            )
        doc._.cn_times = out
        return doc


def _split_first(pattern: list[dict]) -> list[list[dict]]:
    """A pattern whose first token is a bare `{"LOWER"/"SHAPE": {"IN": [...]}}`, as one pattern
    per word: the Matcher tests a set predicate on every token it is given (building a Token
    object for each), a plain value in C. The same spans match (their labels are not read);
    a list that mixes common words with others is kept whole, so that the windows the
    WindowedMatcher anchors on stay the same."""
    first = pattern[0] if pattern else {}
    for attr in ("LOWER", "SHAPE"):
        values = first.get(attr)
        if set(first) == {attr} and isinstance(values, dict) and set(values) == {"IN"}:
            common = {str(v).lower() in COMMON_WORDS for v in values["IN"]}
            if attr == "SHAPE" or len(common) == 1:
                return [[{attr: v}, *pattern[1:]] for v in values["IN"]]
    return [pattern]


def _clean(ent: Span) -> list[Span]:
    """NER date spans cut to what is a date: split at commas ('Tuesday, weeks after ...'),
    without leading names the small model glues on ('Kyiv overnight')."""
    doc = ent.doc
    parts: list[Span] = []
    start = ent.start
    for i in range(ent.start, ent.end + 1):
        if i == ent.end or (doc[i].text in {",", ";"} and not (i + 1 < ent.end and doc[i + 1].like_num)):
            if i > start:
                parts.append(Span(doc, start, i, label=ent.label))
            start = i + 1
    out = []
    for part in parts:
        s = part.start
        while s < part.end - 1 and doc[s].pos_ == "PROPN" and doc[s].is_title and doc[s].lower_ not in WEEKDAYS \
                and doc[s].lower_.rstrip(".") not in MONTHS:
            s += 1
        out.append(Span(doc, s, part.end, label=ent.label))
    return out


def _date(value: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(value) if value else None


def _context(span: Span) -> str:
    doc = span.doc
    return _span(doc, max(0, span.start - 1), min(len(doc), span.end + 2)).text


def _is_duration(span: Span, text: Optional[str] = None) -> bool:
    """'for three days', 'the past 18 months of fighting' as a length, not a date. `text`: the
    span's text, when the caller has it."""
    doc = span.doc
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    words = (span.text if text is None else text).lower().split()
    lead = {"about", "around", "roughly", "nearly", "almost", "some", "over", "more", "than", "at", "least", "just"}
    count = [w for w in words if w not in lead]
    if prev in {"for", "within", "lasted", "over", "by", "than", "about", "around"} and count and (
        count[0] in NUMBER_WORDS or count[0].isdigit()
    ):
        # "lasted about 30 minutes", "extended by 12 months": a length, not a date
        return True
    if prev in {"for", "within", "lasted", "after", "in"} and words and words[-1] in BARE_UNITS and len(words) <= 2:
        # "burned for hours", "within days", "lasted weeks": a length with no number
        return True
    if words and words[-1] in {"old", "long"}:
        return True
    return False


def _merge_parenthetical(doc: Doc, spans: list[Span]) -> list[Span]:
    """'Wednesday (Oct 18)' -> one span: the weekday and the date it names."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        s = spans[i]
        if i + 1 < len(spans):
            nxt = spans[i + 1]
            # only '(' (and spaces) between them: a token or two, never a span's text to build
            if 0 < nxt.start - s.end <= 2 and _span(doc, s.end, nxt.start).text.strip() == "(" \
                    and nxt.end < len(doc) and doc[nxt.end].text == ")":
                out.append(Span(doc, s.start, nxt.end + 1, label=s.label))
                i += 2
                continue
        out.append(s)
        i += 1
    return out


def _week_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _result(start: Optional[dt.date], end: Optional[dt.date], precision: str, anchor: str,
            form: str, **extra: object) -> dict:
    return {
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "precision": precision,
        "anchor": anchor,
        "form": form,
        **extra,
    }


def normalize(text: str, published: Optional[dt.date]) -> Optional[dict]:
    """Normalize one time expression against the publication date.

    Returns start/end (ISO), precision, anchor and the form that matched, or None when the
    text is not a date we can place (it is then not kept). Without a publication date,
    relative expressions keep precision 'unknown' and no year is invented.
    """
    t = re.sub(r"\s+", " ", text.lower()).strip(" ,.")
    t = re.sub(r"^(on|in|at|by|during|from|of|since|until|late|early|before) (?=\w)", lambda m: m.group(0) if m.group(1) in {"since", "late", "early", "before"} else "", t)
    t = t.replace("’", "'")

    # relative to another event
    m = re.fullmatch(r"(hours|minutes|moments|shortly|soon|later|an hour|a few hours|several hours)( later| after(wards)?)?( that day)?", t)
    if m or t in {"later that day", "later that night", "that evening", "that night", "the same day", "later"}:
        return _result(None, None, "day", "event", "same_day_as_event", offset_days=0)
    m = re.fullmatch(r"(the next|the following|a|one|two|three|four|five|\d+) (day|days|morning|night|evening)( later| after)?", t)
    if m and (m.group(1) in {"the next", "the following"} or m.group(3)):
        n = 1 if m.group(1) in {"the next", "the following", "a", "one"} else NUMBER_WORDS.get(m.group(1), None)
        if n is None and m.group(1).isdigit():
            n = int(m.group(1))
        return _result(None, None, "day", "event", "days_after_event", offset_days=n or 1)

    if CLOCK_RE.fullmatch(t):
        # "about 1:40 p.m.", "at 3 a.m. local time": an hour says nothing about the day
        return None

    # ranges and since
    m = None if ISO_RE.fullmatch(t) else re.fullmatch(
        r"(between |from )?(.+?)\s*(?:\band\b|\bto\b|\buntil\b|\bthrough\b|-|\u2013)\s*(.+)", t)
    if m and (m.group(1) or re.search(r"\d", m.group(2))):
        a, b = m.group(2), m.group(3)
        if b.isdigit() and not a.split()[-1].isdigit():
            pass
        elif b.isdigit():
            b = " ".join(a.split()[:-1] + [b]) if len(a.split()) > 1 else b
        elif a.isdigit() and b.split()[0].isdigit():
            a = " ".join([a, *b.split()[1:]])  # "3 to 5 june": the month is said once
        ra, rb = normalize(a, published), normalize(b, published)
        if ra and rb and ra["start"] and rb["end"]:
            a_date, b_date = _date(ra["start"]), _date(rb["end"])
            assert a_date is not None and b_date is not None
            if b_date < a_date and b_date.replace(year=a_date.year) >= a_date:
                b_date = b_date.replace(year=a_date.year)
            return _result(a_date, b_date, "day" if ra["precision"] == "day" else ra["precision"],
                           ra["anchor"], "range")
    m = re.fullmatch(r"since (.+)", t)
    if m:
        r = normalize(m.group(1), published)
        if r and r["start"]:
            return _result(_date(r["start"]), published, r["precision"], r["anchor"], "since")
        return None

    # 'the 1990s', 'the early 2000s': a decade (or part of one), whatever the publication date
    m = re.fullmatch(r"(?:the )?(early |mid-|mid |late )?(1[89]\d|20\d)0'?s", t)
    if m:
        first = int(m.group(2)) * 10
        lo, hi = {"early ": (0, 3), "mid-": (3, 6), "mid ": (3, 6), "late ": (6, 9)}.get(m.group(1) or "", (0, 9))
        return _result(dt.date(first + lo, 1, 1), dt.date(first + hi, 12, 31), "year", "absolute", "decade")
    # '20 years' (in prison), 'three months' (of fighting): a length with no 'ago' is no date
    if re.fullmatch(r"(?:about |some |nearly |almost |more than |over |at least )?"
                    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) "
                    r"(?:hours?|days?|weeks?|months?|years?|decades?)", t):
        return None

    if published is None:
        return _without_base(t)

    p = published
    # days
    if t in {"today", "this morning", "this afternoon", "this evening", "tonight", "earlier today"}:
        return _result(p, p, "day", "published", "today")
    if t in {"yesterday", "last night", "overnight", "late last night", "yesterday morning",
             "yesterday evening", "yesterday afternoon", "on the night", "the previous night"}:
        d = p - dt.timedelta(days=1)
        return _result(d, d, "day", "published", "yesterday" if "yesterday" in t else "overnight")
    m = re.fullmatch(r"(?:(?:late|early|on|last|this|overnight|late on|early on|before dawn|at dawn|dawn|dusk"
                     r"|midnight|noon|sunrise|sunset|around|shortly after|shortly before|after|before)\s+)*"
                     r"(?:(?:on|into|to)\s+)?"
                     r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                     r"(?:'s)?(?:\s+(?:morning|afternoon|evening|night|dawn))?"
                     r"(?:\s*\((.+)\))?", t)
    if m:
        if m.group(2):
            r = normalize(m.group(2), p)
            if r and r["start"]:
                return {**r, "form": "weekday_paren_date"}
        target = WEEKDAYS[m.group(1)]
        delta = (p.weekday() - target) % 7
        d = p - dt.timedelta(days=delta)
        if t.startswith("overnight") and "into" not in t and "to " not in t:
            pass
        if "into" in t or re.match(r"overnight (to|into)", t):
            d = d - dt.timedelta(days=1)
        return _result(d, d, "day", "published", "weekday")
    m = re.fullmatch(r"(?:(?:at|about|around|approximately|shortly after|just after|just before)\s+)*"
                     r"(\d+:\d+|\d+)\s*(a\.?m\.?|p\.?m\.?)?\s*(?:on\s+)?(?:local time\s+)?(?:\(\w+\)\s+)?"
                     r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", t)
    if m:
        delta = (p.weekday() - WEEKDAYS[m.group(3)]) % 7
        d = p - dt.timedelta(days=delta)
        return _result(d, d, "day", "published", "time_weekday")
    m = re.fullmatch(r"(a|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (day|days|week|weeks|month|months|year|years) ago", t)
    if m:
        n = NUMBER_WORDS.get(m.group(1)) or int(m.group(1))
        unit = m.group(2).rstrip("s")
        if unit == "day":
            d = p - dt.timedelta(days=n)
            return _result(d, d, "day", "published", "ago")
        if unit == "week":
            d = p - dt.timedelta(weeks=n)
            a, b = _week_bounds(d)
            return _result(a, b, "week", "published", "ago")
        if unit == "month":
            y, mo = _add_months(p.year, p.month, -n)
            a, b = _month_bounds(y, mo)
            return _result(a, b, "month", "published", "ago")
        return _result(dt.date(p.year - n, 1, 1), dt.date(p.year - n, 12, 31), "year", "published", "ago")
    # weeks
    if t in {"last week", "the previous week", "the past week", "a week ago"}:
        a, b = _week_bounds(p - dt.timedelta(days=7))
        return _result(a, b, "week", "published", "last_week")
    if t in {"this week", "earlier this week", "earlier in the week"}:
        a, _ = _week_bounds(p)
        return _result(a, p, "week", "published", "this_week")
    if t in {"last weekend", "the weekend", "this weekend", "over the weekend", "the past weekend"}:
        sat = p - dt.timedelta(days=(p.weekday() - 5) % 7 or 7)
        if p.weekday() == 6 and t != "last weekend":
            sat = p - dt.timedelta(days=1)
        return _result(sat, min(sat + dt.timedelta(days=1), p), "week", "published", "last_weekend")
    # months
    if t in {"this month", "earlier this month", "earlier in the month"}:
        return _result(dt.date(p.year, p.month, 1), p, "month", "published", "this_month")
    if t in {"last month", "the previous month", "the past month"}:
        y, mo = _add_months(p.year, p.month, -1)
        a, b = _month_bounds(y, mo)
        return _result(a, b, "month", "published", "last_month")
    if t in {"this year", "earlier this year"}:
        return _result(dt.date(p.year, 1, 1), p, "year", "published", "this_year")
    if t in {"last year", "the previous year"}:
        return _result(dt.date(p.year - 1, 1, 1), dt.date(p.year - 1, 12, 31), "year", "published", "last_year")
    m = re.fullmatch(r"(?:in )?(early|mid|late|mid-)?[- ]?([a-z]+)\.?( last year| this year| (\d{4}))?", t)
    if m and m.group(2) in MONTHS:
        mo = MONTHS[m.group(2)]
        if m.group(4):
            year, anchor = int(m.group(4)), "absolute"
        elif m.group(3) and "last" in m.group(3):
            year, anchor = p.year - 1, "published"
        else:
            year, anchor = (p.year if mo <= p.month else p.year - 1), "published"
        a, b = _month_bounds(year, mo)
        part = m.group(1)
        if part == "early":
            b = dt.date(year, mo, 10)
        elif part in {"mid", "mid-"}:
            a, b = dt.date(year, mo, 11), dt.date(year, mo, 20)
        elif part == "late":
            a = dt.date(year, mo, 21)
        return _result(a, min(b, p) if anchor == "published" else b, "month", anchor, "month")
    if re.fullmatch(r"\d{4}", t):
        y = int(t)
        if 1000 <= y <= p.year:  # histories date wars long before 1900
            return _result(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "absolute", "year")
        return None
    return _dateparser(t, p)


@functools.lru_cache(maxsize=4096)
def _normalized(text: str, published: Optional[dt.date]) -> Optional[tuple[tuple[str, object], ...]]:
    """`normalize`, remembered: news repeats its time words ('on Tuesday', 'last week') and
    the result depends on the text and the publication date only (dateparser's base is fixed),
    so each pair is worked out once. Frozen as items; callers rebuild the dict."""
    norm = normalize(text, published)
    return None if norm is None else tuple(norm.items())


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


#: dateparser fills missing parts from its base; we set the year ourselves (below), so one
#: parser with a fixed leap-year base serves every publication date
_PARSER_BASE = dt.datetime(2000, 12, 31, 12)


@functools.lru_cache(maxsize=1)
def _date_parser():  # noqa: ANN202 - dateparser's own type
    """The one dateparser instance (building one costs milliseconds of regex compiling):
    English only, past preferred, a missing day of the month is the first."""
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={
        "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": _PARSER_BASE})


def _dateparser(t: str, p: dt.date) -> Optional[dict]:
    """Explicit dates ('Oct 18', '24 February 2022', 'the night of 5 June') via dateparser,
    with the base set to the publication date and the result checked against it."""
    has_year = bool(YEAR_RE.search(t))
    if not re.search(r"\d|" + "|".join(sorted(MONTHS, key=len, reverse=True)), t):
        return None
    data = _date_parser().get_date_data(t)
    if data is None or data.date_obj is None:
        return None
    period = getattr(data, "period", None) or "day"
    d = data.date_obj.date()
    if not has_year:
        # 'Oct 18' is the last Oct 18 on or before the publication date
        d = _with_year(d, p.year)
        if d > p:
            d = _with_year(d, p.year - 1)
    if period == "month":
        a, b = _month_bounds(d.year, d.month)
        return _result(a, b, "month", "absolute" if has_year else "published", "month")
    if period == "year":
        return _result(dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year",
                       "absolute" if has_year else "published", "year")
    return _result(d, d, "day", "absolute" if has_year else "published", "date")


def _with_year(d: dt.date, year: int) -> dt.date:
    try:
        return d.replace(year=year)
    except ValueError:  # 29 February in a common year
        return d.replace(year=year, day=28)


def _without_base(t: str) -> Optional[dict]:
    """No publication date: only dates that carry their own year become dates."""
    if YEAR_RE.search(t):
        data = _date_parser().get_date_data(t)
        if data is not None and data.date_obj is not None:
            period = getattr(data, "period", None) or "day"
            d = data.date_obj.date()
            if period == "month":
                a, b = _month_bounds(d.year, d.month)
                return _result(a, b, "month", "absolute", "month")
            if period == "year":
                return _result(dt.date(d.year, 1, 1), dt.date(d.year, 12, 31), "year", "absolute", "year")
            return _result(d, d, "day", "absolute", "date")
    return _result(None, None, "unknown", "published", "unresolved")
