"""Cheaper text for matplotlib while :func:`framing.plots.save_figure` draws a chart (:func:`quick_text`): fonts
read from memory; each string measured, each font's tables read and each glyph's bitmap rendered once per process.

FreeType reads a font through the Python file object matplotlib opens on the font's file: a seek and a read, each a
call into Python and a system call, for every glyph it loads (to measure a string, and again to draw each glyph).
Given the same file's bytes in memory (``io.BytesIO``), it reads them without a system call, and the charts' text
costs less; the glyphs, hence every pixel and every SVG byte, are the same (figures and the check in
docs/design-measurements.md, 2026-12-04, eighth session).

A font made that way names a ``BytesIO`` instead of its file (``FT2Font.fname``), which the PDF and PostScript
backends need in order to embed it. So such fonts are made and kept apart from matplotlib's own cache of fonts, and
only used while :func:`quick_text` is active (around drawing PNG and SVG files, never PDF); matplotlib's cache is
left as it was. A thread writing a PDF in the same process at that very moment would be given such a font: framing
writes PDF only from ``framing chart``, which draws nothing else.

matplotlib measures a string once per renderer, and a figure has a new renderer at each drawing: the same tick labels
and outlets' names are measured again in every chart, and once more in its SVG. Their size depends only on the kind
of renderer, its resolution, the font and the text settings, so :func:`quick_text` keeps them for the whole process,
for matplotlib's Agg (PNG) and SVG renderers (the others, and text set with TeX, are measured as matplotlib does).
And to place each text's lines, matplotlib 3.11 reads its font's line gap, ascent and descent from the font's tables,
a dict of some forty entries made afresh for every text at every layout pass and drawing: they are kept per font.
Agg (PNG) renders every glyph of every string with FreeType (hinting, then rasterising); a glyph is rendered again
wherever it falls at the same place within a pixel (matplotlib places glyphs to 1/64 of a pixel): upright glyphs'
bitmaps are kept (43% of a report's glyphs are found there).

All four use private parts of matplotlib (``font_manager._get_font``, ``text._get_text_metrics_function``,
``text.get_font`` and ``RendererAgg._draw_text_glyphs_and_boxes``, as in 3.11): with a matplotlib that has them in another form, :func:`quick_text` leaves that part alone and the text is
drawn as matplotlib draws it. ``tests/compare/test_plots.py`` checks that the files are the same byte for byte.
"""

from __future__ import annotations

import functools
import io
import os
import threading
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

# the bytes of each font file read so far, by path (a few files of under a megabyte each: DejaVu Sans, its fallbacks)
_FILES: dict[str, bytes] = {}
_LOCK = threading.Lock()  # around _FILES and the swap of matplotlib's cache
_active = 0  # quick_text calls under way (matplotlib's own functions are put back when the last one ends)
_fonts_active = 0  # those of them with fonts read from memory
_plain: Callable[..., Any] | None = None  # matplotlib's own cached function, once found


def _ft2font_in_memory() -> types.ModuleType:
    """``matplotlib.ft2font``, but for ``FT2Font``, which reads a font file given by its path from memory."""
    from matplotlib import ft2font

    def font(path: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(path, (str, os.PathLike)):
            key = os.fspath(path)
            with _LOCK:
                data = _FILES.get(key)
                if data is None:
                    with open(key, "rb") as f:
                        data = _FILES[key] = f.read()
            path = io.BytesIO(data)  # shares the bytes (copied only if written to)
        return ft2font.FT2Font(path, *args, **kwargs)

    module = types.ModuleType(ft2font.__name__, ft2font.__doc__)
    module.__dict__.update({k: v for k, v in vars(ft2font).items() if not k.startswith("__")})
    module.FT2Font = font  # type: ignore[attr-defined]
    return module


@functools.cache
def _font_maker() -> Callable[..., Any]:
    """matplotlib's function that makes a font and its fallbacks (what its cache calls), with ``ft2font`` read from
    a namespace of its own in which FT2Font reads files from memory (matplotlib's module is left alone)."""
    from matplotlib import font_manager

    assert _plain is not None
    plain = _plain.__wrapped__  # type: ignore[attr-defined]
    names = {**vars(font_manager), "ft2font": _ft2font_in_memory()}
    made = types.FunctionType(plain.__code__, names, plain.__name__, plain.__defaults__, plain.__closure__)
    made.__kwdefaults__ = plain.__kwdefaults__
    return made


@functools.lru_cache(64)  # as matplotlib's own cache (same arguments: the files, kerning, thread, last resort)
def _get_font(*args: Any, **kwargs: Any) -> Any:
    return _font_maker()(*args, **kwargs)


# FreeType's objects cannot be used across a fork (matplotlib empties its own cache there too)
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_get_font.cache_clear)


# strings measured, by (renderer kind, its resolution, text settings) and then (text, font, math, dpi); a few
# thousand entries for a report (emptied beyond MAX_MEASURED, as matplotlib's own cache is bounded)
_MEASURED: dict[tuple[Any, ...], dict[tuple[Any, ...], tuple[float, float, float]]] = {}
MAX_MEASURED = 20_000
_plain_metrics: Callable[..., Any] | None = None  # matplotlib's text._get_text_metrics_function, once found


def _metrics_function(renderer: Any) -> Callable[..., tuple[float, float, float]]:
    """In place of matplotlib's ``text._get_text_metrics_function``: for an Agg or SVG renderer, a function that
    measures a string with that renderer unless a renderer of the same kind and resolution has measured it."""
    from matplotlib import rcParams
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.backends.backend_svg import RendererSVG

    assert _plain_metrics is not None
    # an SVG is drawn through matplotlib's MixedModeRenderer, which hands every call to the renderer it holds
    renderer = getattr(renderer, "_renderer", renderer) if type(renderer).__name__ == "MixedModeRenderer" else renderer
    if type(renderer) not in (RendererAgg, RendererSVG):
        return _plain_metrics(renderer)  # type: ignore[no-any-return]
    kind = (type(renderer), renderer.points_to_pixels(72), rcParams["text.hinting"], rcParams["text.kerning_factor"],
            rcParams["font.enable_last_resort"], rcParams["mathtext.fontset"])
    done = _MEASURED.setdefault(kind, {})

    def metrics(text: str, fontprop: Any, ismath: Any, dpi: float) -> tuple[float, float, float]:
        if ismath == "TeX":  # set by a TeX installation: not kept
            return renderer.get_text_width_height_descent(text, fontprop, ismath)  # type: ignore[no-any-return]
        key = (text, fontprop, ismath, dpi)  # fontprop: a copy matplotlib made for this call
        size = done.get(key)
        if size is None:
            if len(done) >= MAX_MEASURED:
                done.clear()
            size = done[key] = renderer.get_text_width_height_descent(text, fontprop, ismath)
        return size

    return metrics


class _FontTables:
    """What ``matplotlib.text`` asks of a font to place lines of text: its sfnt tables (the line gap, ascent and
    descent of a font), read from the font once per process instead of once per string, with the rest of the font
    reached through :attr:`paths` (its files, as matplotlib's ``get_font`` takes them)."""

    def __init__(self, paths: Any) -> None:
        self.paths = paths
        self._tables: dict[str, Any] = {}

    def get_sfnt_table(self, name: str) -> Any:
        if name not in self._tables:
            self._tables[name] = _font_of(self.paths).get_sfnt_table(name)
        return self._tables[name]  # a dict matplotlib only reads

    def __getattr__(self, name: str) -> Any:
        return getattr(_font_of(self.paths), name)


def _font_of(paths: Any) -> Any:
    from matplotlib import font_manager

    return font_manager.get_font(paths)


_TABLES: dict[Any, _FontTables] = {}  # by the font's files
_plain_text_font: Callable[..., Any] | None = None  # matplotlib.text's get_font, once found


def _text_font(font_filepaths: Any, *args: Any, **kwargs: Any) -> Any:
    """In place of ``matplotlib.text.get_font`` (which ``Text`` calls only to read a font's sfnt tables)."""
    if args or kwargs:
        assert _plain_text_font is not None
        return _plain_text_font(font_filepaths, *args, **kwargs)
    key = tuple(font_filepaths) if isinstance(font_filepaths, list) else font_filepaths
    found = _TABLES.get(key)
    if found is None:
        found = _TABLES[key] = _FontTables(font_filepaths)
    return found


# glyph bitmaps drawn, by (font, size, dpi, glyph, load flags, position within its pixel in 1/64ths); emptied beyond
# MAX_GLYPHS (a report draws ~18,000 glyphs, ~10,000 of them different)
_GLYPHS: dict[tuple[Any, ...], tuple[Any, int, int]] = {}
MAX_GLYPHS = 50_000
_plain_glyphs: Callable[..., Any] | None = None  # RendererAgg._draw_text_glyphs_and_boxes, once found


def _draw_glyphs(self: Any, gc: Any, x: float, y: float, angle: float, glyphs: Any, boxes: Any) -> None:
    """In place of matplotlib's ``RendererAgg._draw_text_glyphs_and_boxes`` (3.11), for upright text without boxes
    (the others are drawn by matplotlib's): each glyph's bitmap is rendered by FreeType once per position within a
    pixel (in 1/64ths, as matplotlib places it) and kept, then drawn where matplotlib draws it. FreeType renders a
    glyph moved by whole pixels into the same bitmap, moved by as many pixels."""
    from matplotlib.backends.backend_agg import RenderMode, get_hinting_flag

    assert _plain_glyphs is not None
    boxes = list(boxes)
    glyphs = list(glyphs)
    if angle != 0 or boxes or not gc.get_antialiased() or any(g[3] != 0 or g[4] != 1 for g in glyphs):
        _plain_glyphs(self, gc, x, y, angle, glyphs, boxes)
        return
    load_flags = get_hinting_flag()
    height = self.height
    for font, size, glyph_index, _slant, _extend, dx, dy in glyphs:  # dy is upwards
        # matplotlib's position of the glyph, in 1/64ths of a pixel (FreeType's y is upwards)
        px, py = round(0x40 * (x + dx)), round(0x40 * (height - y + dy))
        key = (font, size, self.dpi, glyph_index, load_flags, px & 63, py & 63)
        drawn = _GLYPHS.get(key)
        if drawn is None:
            font.set_size(size, self.dpi)
            font._set_transform([[0x10000, 0], [0, 0x10000]], [px & 63, py & 63])
            bitmap = font._render_glyph(glyph_index, load_flags, RenderMode.NORMAL)
            if len(_GLYPHS) >= MAX_GLYPHS:
                _GLYPHS.clear()
            drawn = _GLYPHS[key] = (bitmap.buffer.copy(), bitmap.left, bitmap.top)
        buffer, left, top = drawn
        # draw_text_image's y is downwards & the bitmap bottom side
        self._renderer.draw_text_image(buffer, left + (px >> 6), int(height) - (top + (py >> 6)) + buffer.shape[0],
                                       0, gc)


@contextmanager
def quick_text(*, fonts: bool = True) -> Iterator[None]:
    """While active, matplotlib measures each string, reads each font's tables and renders each glyph (in PNG) once
    per process, and, with ``fonts``, the fonts it draws and measures text with read their files from memory (the
    first use of a file reads it once; not while a PDF is written). Re-entrant and thread-safe; the files are the
    same as without it."""
    global _active, _fonts_active, _plain, _plain_metrics, _plain_text_font, _plain_glyphs
    from matplotlib import font_manager
    from matplotlib import text as mtext
    from matplotlib.backends.backend_agg import RendererAgg

    with _LOCK:
        if _active == 0:
            if _plain_metrics is None and callable(getattr(mtext, "_get_text_metrics_function", None)):
                _plain_metrics = getattr(mtext, "_get_text_metrics_function")  # noqa: B009  (private: no stub)
            if _plain_metrics is not None:
                setattr(mtext, "_get_text_metrics_function", _metrics_function)  # noqa: B010  (private: no stub)
            if _plain_text_font is None and callable(getattr(mtext, "get_font", None)):
                _plain_text_font = getattr(mtext, "get_font")  # noqa: B009
            if _plain_text_font is not None:
                setattr(mtext, "get_font", _text_font)  # noqa: B010
            if _plain_glyphs is None and callable(getattr(RendererAgg, "_draw_text_glyphs_and_boxes", None)):
                _plain_glyphs = RendererAgg._draw_text_glyphs_and_boxes
            if _plain_glyphs is not None:
                setattr(RendererAgg, "_draw_text_glyphs_and_boxes", _draw_glyphs)  # noqa: B010
        if fonts and _fonts_active == 0:
            current = getattr(font_manager, "_get_font", None)
            if _plain is None and hasattr(current, "__wrapped__") and hasattr(font_manager, "ft2font"):
                _plain = current  # matplotlib's own, kept to be put back
            if _plain is not None:
                setattr(font_manager, "_get_font", _get_font)  # noqa: B010
        _active += 1
        _fonts_active += fonts
    try:
        yield
    finally:
        with _LOCK:
            _active -= 1
            _fonts_active -= fonts
            if _active == 0 and _plain_metrics is not None:
                setattr(mtext, "_get_text_metrics_function", _plain_metrics)  # noqa: B010
            if _active == 0 and _plain_text_font is not None:
                setattr(mtext, "get_font", _plain_text_font)  # noqa: B010
            if _active == 0 and _plain_glyphs is not None:
                setattr(RendererAgg, "_draw_text_glyphs_and_boxes", _plain_glyphs)  # noqa: B010
            if _fonts_active == 0 and _plain is not None:
                setattr(font_manager, "_get_font", _plain)  # noqa: B010
