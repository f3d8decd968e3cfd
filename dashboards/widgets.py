"""Pieces every page uses: the error guard, the filters (kept in the URL), downloads, safe text and tables."""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from collections.abc import Callable
from typing import Any

import cached
import numpy as np
import pandas as pd
import streamlit as st

from framing.compare.markdown import esc
from framing.errors import FramingError
from framing.explore import DATES_KEY, QUERY_KEYS, Filters
from framing.highlight import article_html, escape, layer_names, legend_html, marks

log = logging.getLogger("framing.dashboard")

# "Compare by": the columns articles are grouped by, with their labels.
GROUPINGS = {"source": "Source", "leaning": "Leaning", "topic": "Topic", "event": "Event"}


def run(body: Callable[[], None]) -> None:
    """Run a page; a failure becomes a message on the page, never a traceback (that goes to the server log).
    Streamlit's own control flow (``st.stop``, ``st.rerun``, page switches) derives from BaseException and
    passes through."""
    try:
        body()
    except FramingError as exc:  # our messages quote file names and input: escaped, as they are Markdown
        st.error(esc(exc, limit=2000), icon=":material/error:")
    except Exception as exc:
        log.exception("the dashboard page failed")
        st.error(f"Something went wrong: {type(exc).__name__}: {esc(exc, limit=500)}. The details are in the "
                 "server's log.", icon=":material/error:")


_TEXT_STYLES = {
    "heading": "font-size: 1.5rem; font-weight: 600; line-height: 1.3; margin: 0.2rem 0 0.4rem 0;",
    "strong": "font-weight: 600; margin: 0.2rem 0;",
    "caption": "font-size: 0.875rem; opacity: 0.65; margin: 0;",
    "plain": "margin: 0;",
    "warning": "background: rgba(255, 189, 69, 0.18); border-radius: 0.5rem; padding: 0.5rem 0.75rem; "
               "margin: 0.2rem 0;",
}


def legend(findings: Any = None, *, extra: Any = None, extra_layers: Any = ()) -> None:
    st.html(legend_html(findings, extra=extra, extra_layers=extra_layers))


def show_text(text: Any, kind: str = "plain", *, where: Any = None) -> None:
    """Untrusted text (titles, sources, URLs from the articles) shown as text: escaped HTML in our own tag, so
    that no Markdown, HTML or link is made of it."""
    (where or st).html(f'<div style="{_TEXT_STYLES[kind]}">{escape(text)}</div>')


def context() -> tuple[cached.Ref, str]:
    """The store of this session (ready) and a short name of the corpus for chart titles."""
    choice = cached.data_choice()
    ref = cached.store_ref(choice)
    return ref, choice.name


def _date(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s) if s else None
    except ValueError:
        return None


def _url_day(s: str) -> dt.date | None:
    """A day as the date filter reads it from the URL (``YYYY-MM-DD``, or ``YYYY/MM/DD`` as Streamlit also takes)."""
    for fmt in ("%Y-%m-%d", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


def _unknown_dates(given: list[str], lo: dt.date | None, hi: dt.date | None) -> str:
    """The link's dates in words when the date filter cannot use them (empty when it can): a value that is not a day
    or lies outside the corpus' dates makes Streamlit's date widget drop the whole range, and more than two values
    are no range; every date is then shown. (One day alone is the widget's half-picked range, which filters nothing
    until the second day is picked: not a fault of the link.)"""
    if not given:
        return ""
    shown = ", ".join(f"'{v}'" for v in given)
    if lo is None or hi is None:
        return f"dates {shown} (the articles have no dates)"
    days = [_url_day(v) for v in given]
    if len(given) <= 2 and all(d is not None and lo <= d <= hi for d in days):
        return ""
    why = "two days make a range" if len(given) > 2 else f"its articles are dated {lo} to {hi}"
    return f"dates {shown} ({why}: every date is shown)"


def link_note(text: str) -> None:
    """Say that the link (the URL's query parameters) asks for something the page cannot show. The values come from
    the URL: escaped, as st.warning reads Markdown."""
    st.warning(esc(text, limit=1000), icon=":material/filter_alt_off:")


def not_offered(key: str, wanted: str, shown: str) -> None:
    """Say that the URL's ``key`` has a value the page does not offer, and what the page shows instead."""
    link_note(f"This link's {key} '{wanted}' is not one of this page's choices: it shows {shown} instead.")


def flag(key: str) -> None:
    """Before a toggle or expander bound to the URL: say so when the URL's ``key`` is neither true nor false (the widget
    then keeps its default, as Streamlit reads the value)."""
    given = st.query_params.get(key)
    if given is not None and given != "" and given.lower() not in ("true", "false"):
        not_offered(key, given, "its default")


def filter_bar(ref: cached.Ref, *, where: Any = None) -> Filters:
    """The filters, in the sidebar (or ``where``), each kept in the URL so that a view can be shared."""
    opts = cached.options(ref)
    box = where or st.sidebar
    box.markdown("**Filters**")
    picked: dict[str, tuple[str, ...]] = {}
    unknown = []  # values in the URL that the corpus does not have: dropped by the widgets, said here
    for name, label in (("sources", "Sources"), ("leanings", "Leaning"), ("topics", "Topic"), ("events", "Event"),
                        ("languages", "Language")):
        have = set(opts[name])
        gone = [v for v in st.query_params.get_all(QUERY_KEYS[name]) if v not in have]
        if gone:
            unknown.append(f"{QUERY_KEYS[name]} " + ", ".join(f"'{v}'" for v in gone))
        # a filter with one value to choose (a corpus all in English) filters nothing: not shown
        if len(opts[name]) < (2 if name == "languages" else 1):
            picked[name] = ()
            continue
        picked[name] = tuple(box.multiselect(label, opts[name], key=QUERY_KEYS[name], bind="query-params",
                                             placeholder="all"))
    lo, hi = _date(opts["first_date"]), _date(opts["last_date"])
    bad_dates = _unknown_dates(st.query_params.get_all(DATES_KEY), lo, hi)
    if bad_dates:
        unknown.append(bad_dates)
    if unknown:
        link_note("This link filters on values this corpus does not have, left out (the page shows the rest): "
                  + "; ".join(unknown) + ".")
    d_from = d_to = None
    if lo and hi:
        value = box.date_input("Dates", value=(lo, hi), min_value=lo, max_value=hi, key=DATES_KEY,
                               bind="query-params")
        dates = list(value) if isinstance(value, (tuple, list)) else [value]
        if len(dates) == 2 and (dates[0], dates[1]) != (lo, hi):
            d_from, d_to = dates[0].isoformat(), dates[1].isoformat()
    return Filters(picked["sources"], picked["leanings"], picked["topics"], picked["events"], d_from, d_to,
                   picked["languages"])


def choice(label: str, options: list[str], *, key: str, format_func: Callable[[str], str] = str,
           default: str | None = None, where: Any = None, control: str = "selectbox", show: bool = True) -> str:
    """A choice kept in the URL by its value (``?metric=quotes_scare_rate``), not by its label as Streamlit's
    own binding does for widgets with a ``format_func``; the default value is left out of the URL. With ``show``
    False no widget is drawn (the choice does nothing on this view): the value is the URL's, which is kept. A value
    in the URL that is not one of ``options`` is named on the page (:func:`not_offered`), with what is shown instead."""
    if not options:
        raise ValueError(f"no options for {label!r}")
    default = default if default in options else options[0]
    state = f"_url_{key}"
    wanted = st.query_params.get(key)
    if not show:
        if wanted is not None and wanted not in options:
            not_offered(key, wanted, format_func(default))
        return wanted if wanted in options else default
    if st.session_state.get(state) not in options:
        # a value from the link the page does not offer is said, the first time only: later the URL holds the value
        # this function put there, which a change of another choice may leave out of these options (a measure of
        # the finding category chosen before), and the default is then taken silently
        if state not in st.session_state and wanted is not None and wanted not in options:
            not_offered(key, wanted, format_func(default))
        st.session_state[state] = wanted if wanted in options else default
    box = where or st
    if control == "segmented":
        value = box.segmented_control(label, options, format_func=format_func, key=state) or default
    else:
        value = box.selectbox(label, options, format_func=format_func, key=state)
    if value == default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = value
    return value


def grouping(ref: cached.Ref, *, where: Any = None, key: str = "by") -> str:
    """The "Compare by" choice (kept in the URL)."""
    a = cached.options(ref)
    usable = [c for c, n in (("source", "sources"), ("leaning", "leanings"), ("topic", "topics"),
                             ("event", "events")) if len(a[n]) >= 1]
    return choice("Compare by", usable, format_func=GROUPINGS.__getitem__, key=key, where=where)


# "Compare by" column -> the filter of filter_bar that selects its values (source -> sources)
FILTER_OF = {key: name for name, key in QUERY_KEYS.items()}
_PICKS = "_chart_picks"  # how many clicks have filtered the page: a new chart (and selection) after each


def filtering_chart(spec: dict[str, Any], ref: cached.Ref, by: str, *, where: Any = None, key: str = "chart",
                    alt: str | None = None) -> None:
    """An interactive chart (a Vega-Lite spec of framing.interactive) whose click on a group filters the page to it:
    the picked groups become the value of the filter bar's filter for ``by`` (its widget is bound to the URL, so
    the URL says so and the sidebar shows it, where it can be cleared). A group that is not one of the filter's
    values (``(missing)``) filters nothing."""
    from framing.interactive import SELECTION, picked

    name = FILTER_OF.get(by)
    k = f"{key}-{st.session_state.get(_PICKS, 0)}"

    def on_pick() -> None:
        state = st.session_state.get(k)
        groups = picked(state.get("selection") if state is not None else None)
        allowed = set(cached.options(ref)[name]) if name else set()
        chosen = [g for g in groups if g in allowed]
        if name and chosen:
            st.session_state[QUERY_KEYS[name]] = chosen
            st.session_state[_PICKS] = st.session_state.get(_PICKS, 0) + 1

    (where or st).vega_lite_chart(spec, on_select=on_pick, selection_mode=SELECTION, key=k, width="stretch",
                                  alt=alt)


def clear_filter(by: str, label: str, *, where: Any = None) -> None:
    """A button that clears the filter bar's filter for ``by`` (shown only while it filters something)."""
    name = FILTER_OF.get(by)
    if not name or not st.session_state.get(QUERY_KEYS[name]):
        return

    def clear() -> None:
        st.session_state[QUERY_KEYS[name]] = []

    (where or st).button(f"Show every {label.lower()} again", on_click=clear, icon=":material/filter_alt_off:",
                         key=f"clear-{by}")


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")[:60] or "table"


def downloads(png: bytes | Callable[[], bytes] | None, table: pd.DataFrame | Callable[[], bytes] | None, stem: str,
              *, where: Any = None) -> None:
    """Download buttons for a chart (PNG: bytes, or a function that draws them when the button is clicked) and its
    table (CSV: a table, or a function that makes the CSV's bytes when the button is clicked); they do not rerun the
    page."""
    box = where or st
    cols = box.columns(2)
    if png is not None:
        cols[0].download_button("Download chart (PNG)", png, file_name=f"{slug(stem)}.png", mime="image/png",
                                on_click="ignore", key=f"png-{stem}", icon=":material/image:")
    if table is not None:
        csv = table if callable(table) else table.to_csv(index=False).encode("utf-8")
        cols[1 if png is not None else 0].download_button("Download table (CSV)", csv,
                                file_name=f"{slug(stem)}.csv", mime="text/csv", on_click="ignore",
                                key=f"csv-{stem}", icon=":material/table:")


# Row height of st.dataframe in pixels (header included), to size a table to its rows.
_ROW_PX = 35


# Significant digits a table shows of a float (the downloads keep them all).
_DIGITS = 4


def _short(v: Any) -> Any:
    """A float with :data:`_DIGITS` significant digits, but never fewer than its integer part's: 0.012345 is shown
    as 0.01235, 12345.6 as 12346 (not 12350)."""
    if pd.isna(v) or not math.isfinite(v) or v == 0:
        return v
    return round(float(v), max(_DIGITS - math.floor(math.log10(abs(v))) - 1, 0))


def shown(df: pd.DataFrame) -> pd.DataFrame:
    """The table as :func:`table` shows it: a float column of whole numbers only (counts, such as a sum that a
    query gave as a float) as exact integers; other floats shortened by :func:`_short`."""
    floats = df.select_dtypes("float").columns
    if not len(floats):
        return df
    out = df.copy()  # (assigned by position: column names need not be strings)
    for k, c in enumerate(df.columns):
        if c not in floats:
            continue
        v = df.iloc[:, k]
        known = v.dropna()
        # whole numbers exactly representable as floats (|x| <= 2**53) are counts: shown as integers
        if len(known) and bool(np.isfinite(known).all()) and bool((known % 1 == 0).all()) \
                and bool((known.abs() <= 2 ** 53).all()):
            out.isetitem(k, v.astype("Int64"))
        else:
            out.isetitem(k, v.map(_short))
    return out


def table(df: Any, *, max_height: int = 420, where: Any = None, **kwargs: Any) -> None:
    """A table sized to its rows (up to ``max_height`` pixels, then it scrolls); text cells are shown as text,
    never as Markdown, HTML or links. Numbers as :func:`shown` says (downloads keep every digit)."""
    n = len(df)
    if isinstance(df, pd.DataFrame):
        df = shown(df)
    (where or st).dataframe(df, hide_index=True, height=min(max_height, _ROW_PX * (n + 1) + 3), **kwargs)


def highlighted(text: str, findings: Any, *, key: str, show_controls: bool = True, with_legend: bool = True,
                extra: Any = (), extra_layers: Any = ()) -> None:
    """An article with its findings highlighted (escaped HTML from framing.highlight), the legend, and the
    controls that choose what is highlighted. ``extra`` marks are drawn with ``extra_layers`` (the Same event page's
    shared and unique sentences)."""
    names = layer_names()
    layers = list(names)
    cats = None
    if show_controls:
        layers = st.pills("Highlight", layers, default=layers, selection_mode="multi",
                          format_func=names.__getitem__, key=f"layers-{key}") or []
        present = sorted({m.key for m in marks(findings) if m.layer == "loaded"})
        if present and "loaded" in layers:
            with st.expander("Loaded-term categories"):
                cats = st.multiselect("Categories highlighted", present, default=present, key=f"cats-{key}")
    if with_legend:
        legend(findings)
    st.html(article_html(text, findings, layers=layers, categories=cats, extra=extra, extra_layers=extra_layers))
