"""Lexicons: tidy CSV files under ``data/lexicons/``, loaded once, validated on load, versioned and hashed.

Every lexicon file has the same columns::

    term,pos,forms,category,weight,neutral,exclude,flags,note

``term`` is a lemma or phrase; ``pos`` (noun, verb, adj, adv, phrase) drives regular inflection (see
:mod:`framing.inflect`); ``forms`` lists irregular forms separated by ``|``; ``category`` is checked against the
lexicon kind's categories; ``weight`` is in [0, 1]; ``neutral`` is a neutral alternative; ``exclude`` lists
``|``-separated neutral phrases containing the term that must not match ("bomb blast" for "blast"); ``flags``
lists ``|``-separated rules of the engine that apply to the entry, from the lexicon kind's :data:`FLAGS` (a file
written before the column existed, without it, is read with no flags).

``data/lexicons/index.toml`` names each lexicon's file, kind and version. A lexicon's identity in every report
is ``name``, ``version`` and the SHA-256 of its file's bytes, so an edited file can never pass for the original.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from framing.errors import LexiconError
from framing.inflect import expand
from framing.text.normalize import FOLD_TABLE, normalize

LexiconKind = Literal["loaded_terms", "reporting_verbs", "source_terms", "actor_labels", "speaker_roles"]
COLUMNS = ("term", "pos", "forms", "category", "weight", "neutral", "exclude", "flags", "note")
# The header of files written before the flags column existed: still read, with no flags.
_COLUMNS_WITHOUT_FLAGS = tuple(c for c in COLUMNS if c != "flags")
POS = ("noun", "verb", "adj", "adv", "phrase")
CATEGORIES: dict[str, tuple[str, ...]] = {
    "loaded_terms": (
        "actor_label", "delegitimising", "emotive", "pejorative", "intensifier", "partisan", "conflict",
        "euphemism", "hedge", "booster", "doubt",
    ),
    # the stance classes of reporting verbs
    "reporting_verbs": ("neutral", "endorsing", "distancing", "discrediting"),
    # words that tell what kind of source a reporting verb has
    "source_terms": ("anonymous", "anonymity_phrase", "media", "role", "organisation", "group", "document",
                     "utterance", "place", "first_name_he", "first_name_she"),
    # concept groups: the labels outlets choose for the same kind of actor (weight 0 = the neutral label)
    "actor_labels": (
        "armed_group", "government", "security_forces", "crowd", "migrant", "political_left", "political_right",
        "state", "violence", "economy_actor",
    ),
    # the role a word gives a speaker (framing.detect.roles), and party names
    "speaker_roles": ("government", "politician", "law_enforcement", "expert", "advocacy", "business", "citizen",
                      "media", "party"),
}

# Rules of the engine an entry can be marked with, per lexicon kind.
FLAGS: dict[str, dict[str, str]] = {
    "reporting_verbs": {
        "needs_evidence": "an ambiguous verb (added, noted, reported): a reporting cue only with reported content "
                          "next to it, or after a subject that can speak",
        "quote_only": "reports speech only beside a quotation or before a colon (\"he continued:\"), never alone",
    },
    "source_terms": {
        "single_holder": "a role one person holds: \"the president\" names a person, whose name the article may give",
        "proper_name": "an organisation's own name (\"the Pentagon\", \"Amnesty International\"): alone, or after "
                       "\"the\", it names one body",
    },
    "loaded_terms": {},
    "actor_labels": {},
    "speaker_roles": {},
}

_WORD = re.compile(r"[^\W_]+")
# Between the words of a multi-word match only spaces, hyphens and an apostrophe may stand (in folded text):
# "so-called" and "so called" match, "axis, of resistance" does not.
_GAP = re.compile(r"[ \-]{1,3}|'")


def data_dir() -> Path:
    """The project's ``data/`` folder (override with the environment variable ``FRAMING_DATA``)."""
    env = os.environ.get("FRAMING_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True, slots=True)
class Entry:
    term: str
    pos: str
    category: str
    weight: float
    neutral: str | None = None
    forms: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    note: str = ""
    line: int = 0  # line in the source file (0 for entries added in code)
    flags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """A lexicon match over word tokens ``[first, last]`` (inclusive) with its entry."""

    first: int
    last: int
    entry: Entry

    # An explicit __init__ (the dataclass keeps it): code compiled with mypyc runs it natively, where the dataclass's
    # generated one ran as interpreted Python; same fields, still frozen (see framing.text.segment.Span).
    def __init__(self, first: int, last: int, entry: Entry) -> None:
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "last", last)
        object.__setattr__(self, "entry", entry)


def fold_words(phrase: str) -> tuple[str, ...]:
    """The folded word tokens of a phrase, as the matcher sees them."""
    return tuple(_WORD.findall(normalize(phrase).norm))


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a lexicon is a loaded resource
class Lexicon:
    name: str
    kind: LexiconKind
    version: str
    sha256: str
    entries: tuple[Entry, ...]
    path: str | None = None
    # Every word that starts an entry: its one-word entry's index (None: none), and the longer entries starting with
    # it by their second word, longest first (None: none). One lookup per word of the text finds both.
    _first: dict[str, tuple[int | None, dict[str, list[tuple[tuple[str, ...], int]]] | None]] = field(
        default_factory=dict, repr=False)
    _strict: frozenset[tuple[str, ...]] = field(default=frozenset(), repr=False)

    def __post_init__(self) -> None:
        seen: dict[tuple[str, ...], int] = {}
        strict: set[tuple[str, ...]] = set()
        for i, e in enumerate(self.entries):
            hyphen_only = "-" in e.term and any(w in _FUNCTION_WORDS for w in fold_words(e.term))
            for words in _variants(e):
                if words and words not in seen:
                    seen[words] = i
                    if hyphen_only:
                        strict.add(words)
            for ex in e.exclude:
                words = fold_words(ex)
                if words:
                    seen.setdefault(words, -1)  # -1: a neutral phrase that blocks the match
        # one-word terms by word; longer terms by their first two words, longest first
        single: dict[str, int] = {}
        multi: dict[tuple[str, str], list[tuple[tuple[str, ...], int]]] = {}
        for words, i in seen.items():
            if len(words) == 1:
                single[words[0]] = i
            else:
                multi.setdefault((words[0], words[1]), []).append((words, i))
        by_second: dict[str, dict[str, list[tuple[tuple[str, ...], int]]]] = {}
        for (w1, w2), cands in multi.items():
            cands.sort(key=lambda c: -len(c[0]))
            by_second.setdefault(w1, {})[w2] = cands
        first = {w: (single.get(w), by_second.get(w)) for w in sorted(single.keys() | by_second.keys())}
        object.__setattr__(self, "_first", first)
        object.__setattr__(self, "_strict", frozenset(strict))

    @property
    def label(self) -> str:
        """``name version (sha256 prefix)`` for reports."""
        return f"{self.name} {self.version} (sha256:{self.sha256[:12]})"

    def find(self, words: Sequence[str], text: str | None = None, starts: Sequence[int] = (),
             ends: Sequence[int] = ()) -> list[Match]:
        """Longest, leftmost, non-overlapping matches over a sequence of folded word tokens.

        When the original ``text`` and the tokens' ``starts``/``ends`` in it are given, a multi-word match must
        have only spaces or hyphens (or one apostrophe) between its words.
        """
        out: list[Match] = []
        first, strict = self._first, self._strict
        # a tuple, which compiled code indexes natively (a Sequence is indexed through Python's generic call)
        ws: tuple[str, ...] = words if isinstance(words, tuple) else tuple(words)
        n = len(ws)
        p = 0
        # Only a word that starts some entry can start a match: one lookup per word (a plain loop, which compiled code
        # runs natively), and after a match the search goes on past it.
        while p < n:
            hit = first.get(ws[p])
            if hit is None:
                p += 1
                continue
            idx1, by_second = hit
            k = 0
            idx = 0
            if by_second is not None and p + 1 < n:
                for cand, cand_idx in by_second.get(ws[p + 1], ()):
                    ck = len(cand)
                    if p + ck <= n and (ck == 2 or ws[p:p + ck] == cand):
                        if text is not None and not _tight(text, starts, ends, p, ck, cand in strict):
                            continue
                        k, idx = ck, cand_idx
                        break
            if k == 0:
                if idx1 is None:
                    p += 1
                    continue
                k, idx = 1, idx1
            if idx >= 0:
                out.append(Match(p, p + k - 1, self.entries[idx]))
            p += k
        return out

    def with_changes(self, *, add: Iterable[Entry] = (), disable: Iterable[str] = ()) -> Lexicon:
        """A new lexicon with entries added and terms disabled; its version and hash say it was edited."""
        off = {t.lower() for t in disable}
        added = tuple(add)
        new_terms = {e.term.lower() for e in added}
        kept = tuple(e for e in self.entries if e.term.lower() not in off and e.term.lower() not in new_terms)
        entries = kept + added
        text = to_csv(entries)
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        version = self.version.split("+")[0] + "+edited"
        return Lexicon(self.name, self.kind, version, sha, entries, None)

    def to_csv(self) -> str:
        return to_csv(self.entries)


def _tight(text: str, starts: Sequence[int], ends: Sequence[int], i: int, k: int, hyphens: bool = False) -> bool:
    for j in range(i, i + k - 1):
        gap = text[ends[j]:starts[j + 1]].translate(FOLD_TABLE)
        if not _GAP.fullmatch(gap) or (hyphens and "-" not in gap):
            return False
    return True


# A hyphenated term made with one of these words matches only when hyphenated: "a has-been" is loaded,
# "has been" is grammar; "know-it-all", "holier-than-thou".
_FUNCTION_WORDS = frozenset(
    """has have had is was were be been do does did will would can could should may might must not it all than
    the a an to of in on at by for with as""".split()
)


def _variants(e: Entry) -> list[tuple[str, ...]]:
    words = fold_words(e.term)
    out = expand(words, e.pos)
    for f in e.forms:
        out.append(fold_words(f))
    return out


def to_csv(entries: Iterable[Entry]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    for e in entries:
        w.writerow([e.term, e.pos, "|".join(e.forms), e.category, _fmt_weight(e.weight), e.neutral or "",
                    "|".join(e.exclude), "|".join(e.flags), e.note])
    return buf.getvalue()


def _fmt_weight(w: float) -> str:
    return f"{w:g}"


def parse_csv(text: str, *, kind: LexiconKind, source: str) -> tuple[list[Entry], list[str]]:
    """Parse and validate lexicon CSV text. Returns the entries and a list of ``source:line: message`` errors."""
    errors: list[str] = []
    entries: list[Entry] = []
    allowed = CATEGORIES[kind]
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        return [], [f"{source}:1: the file is empty; expected the header {','.join(COLUMNS)}"]
    names = tuple(h.strip() for h in header)
    if names not in (COLUMNS, _COLUMNS_WITHOUT_FLAGS):
        return [], [f"{source}:1: the header must be exactly {','.join(COLUMNS)} (found {','.join(header)})"]
    seen: dict[str, int] = {}
    known_flags = FLAGS[kind]
    for row in reader:
        line = reader.line_num
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) != len(names):
            errors.append(f"{source}:{line}: expected {len(names)} fields, found {len(row)} "
                          "(quote fields that contain commas with double quotes)")
            continue
        cells = dict(zip(names, (c.strip() for c in row)))
        term, pos, forms, category, weight, neutral, exclude, note = (
            cells[c] for c in ("term", "pos", "forms", "category", "weight", "neutral", "exclude", "note"))
        flags = tuple(f.strip() for f in cells.get("flags", "").split("|") if f.strip())
        problems = [f"flag {f!r} is not one of {', '.join(known_flags) or '(none for this kind)'}"
                    for f in flags if f not in known_flags]
        if not term or not fold_words(term):
            problems.append("the term is empty or has no letters")
        if pos not in POS:
            problems.append(f"pos {pos!r} is not one of {', '.join(POS)}")
        if category not in allowed:
            problems.append(f"category {category!r} is not one of {', '.join(allowed)}")
        try:
            wt = float(weight)
            if not 0.0 <= wt <= 1.0:
                problems.append(f"weight {weight} must be between 0 and 1")
        except ValueError:
            wt = 0.0
            problems.append(f"weight {weight!r} is not a number")
        key = " ".join(fold_words(term))
        if term and key in seen:
            problems.append(f"duplicate of line {seen[key]}: a term may appear once (hyphens and case ignored)")
        form_list = tuple(f.strip() for f in forms.split("|") if f.strip())
        ex_list = tuple(x.strip() for x in exclude.split("|") if x.strip())
        if term and pos in POS:
            variants = {w for v in _variants(Entry(term, pos, category, 0.0, forms=form_list)) for w in v}
            for ex in ex_list:
                if not set(fold_words(ex)) & variants:
                    problems.append(f"exclude phrase {ex!r} does not contain the term or one of its forms")
        if problems:
            errors.append(f"{source}:{line}: " + "; ".join(problems))
            continue
        seen[key] = line
        entries.append(Entry(term, pos, category, wt, neutral or None, form_list, ex_list, note, line, flags))
    return entries, errors


@dataclass(frozen=True, slots=True)
class LexiconSpec:
    name: str
    file: str
    kind: LexiconKind
    version: str
    description: str


def read_index(directory: Path | None = None) -> dict[str, LexiconSpec]:
    """The lexicons listed in ``index.toml``."""
    directory = directory or data_dir() / "lexicons"
    path = directory / "index.toml"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(f"{path}: lexicon index not found (set FRAMING_DATA to the project's data folder)") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: invalid TOML: {exc}") from None
    out = {}
    for name, spec in raw.items():
        kind = spec.get("kind")
        if kind not in CATEGORIES:
            raise LexiconError(f"{path}: [{name}] kind must be one of {', '.join(CATEGORIES)}, not {kind!r}")
        out[name] = LexiconSpec(name, str(spec["file"]), kind, str(spec["version"]), str(spec.get("description", "")))
    return out


def load_file(path: str | Path, *, name: str, kind: LexiconKind, version: str) -> Lexicon:
    """Load and validate one lexicon file; raise :class:`LexiconError` listing every bad line."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{p}: cannot read lexicon: {exc.strerror}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LexiconError(f"{p}:{line}: not valid UTF-8; save the file as UTF-8") from None
    entries, errors = parse_csv(text.lstrip("\ufeff"), kind=kind, source=str(p))
    if errors:
        shown = "\n".join(errors[:50])
        more = f"\n... and {len(errors) - 50} more" if len(errors) > 50 else ""
        raise LexiconError(f"{len(errors)} error(s) in lexicon {name}:\n{shown}{more}")
    return Lexicon(name, kind, version, hashlib.sha256(raw).hexdigest(), tuple(entries), str(p))


@lru_cache(maxsize=32)
def load_lexicon(name: str, directory: str | None = None) -> Lexicon:
    """A bundled lexicon by name (``loaded_terms``, ``reporting_verbs``, ``source_terms``), loaded once."""
    d = Path(directory) if directory else data_dir() / "lexicons"
    specs = read_index(d)
    if name not in specs:
        raise LexiconError(f"unknown lexicon {name!r}; available: {', '.join(sorted(specs))}")
    s = specs[name]
    return load_file(d / s.file, name=s.name, kind=s.kind, version=s.version)


def validate(paths: Iterable[str | Path] = ()) -> list[str]:
    """Validate the bundled lexicons (or the given CSV files, kind guessed from the index) and list every error."""
    d = data_dir() / "lexicons"
    specs = read_index(d)
    by_file = {s.file: s for s in specs.values()}
    targets = [Path(p) for p in paths] or [d / s.file for s in specs.values()]
    errors: list[str] = []
    for p in targets:
        spec = by_file.get(p.name)
        kind: LexiconKind = spec.kind if spec else "loaded_terms"
        try:
            text = p.read_bytes().decode("utf-8")
        except FileNotFoundError:
            errors.append(f"{p}: no such file")
            continue
        except OSError as exc:
            errors.append(f"{p}: cannot read it: {exc.strerror or exc}")
            continue
        except UnicodeDecodeError as exc:
            errors.append(f"{p}: not UTF-8 text ({exc.reason} at byte {exc.start})")
            continue
        errors.extend(parse_csv(text.lstrip("\ufeff"), kind=kind, source=str(p))[1])
    return errors


def entry(term: str, category: str, weight: float = 0.5, *, pos: str = "phrase", neutral: str | None = None,
          note: str = "") -> Entry:
    """An entry made in code (for example a term a user adds in the dashboard)."""
    return replace(Entry(term, pos, category, weight), neutral=neutral, note=note)


@dataclass(frozen=True)
class Lexicons:
    """The lexicons the engine uses (``speaker_roles`` None: the bundled one, loaded when first needed)."""

    loaded_terms: Lexicon
    reporting_verbs: Lexicon
    source_terms: Lexicon
    speaker_roles: Lexicon | None = None

    @property
    def roles(self) -> Lexicon:
        """The speaker-roles lexicon: the one given, else the bundled one."""
        return self.speaker_roles or load_lexicon("speaker_roles")

    def versions(self) -> dict[str, dict[str, str]]:
        return {lx.name: {"version": lx.version, "sha256": lx.sha256}
                for lx in (self.loaded_terms, self.reporting_verbs, self.source_terms, self.roles)}

    def __reduce__(self) -> tuple[Any, ...]:
        # Sent to worker processes (a pool's initializer, a Dask scatter) as plain values and built again there: the
        # frozen dataclasses compiled by mypyc cannot be unpickled attribute by attribute (their frozen __setattr__
        # refuses), and a pool worker that dies reading its start-up data leaves the run waiting for it for ever.
        return (_lexicons_from_state, (tuple(None if lx is None else _lexicon_state(lx) for lx in
                                             (self.loaded_terms, self.reporting_verbs, self.source_terms,
                                              self.speaker_roles)),))


def _lexicon_state(lx: Lexicon) -> tuple[Any, ...]:
    """A lexicon as plain values (:meth:`Lexicons.__reduce__`)."""
    rows = tuple((e.term, e.pos, e.category, e.weight, e.neutral, e.forms, e.exclude, e.note, e.line, e.flags)
                 for e in lx.entries)
    return (lx.name, lx.kind, lx.version, lx.sha256, rows, lx.path)


def _lexicons_from_state(states: tuple[tuple[Any, ...] | None, ...]) -> Lexicons:
    """The lexicons :meth:`Lexicons.__reduce__` gave as plain values."""
    built: list[Lexicon | None] = []
    for st in states:
        if st is None:
            built.append(None)
            continue
        name, kind, version, sha256, rows, path = st
        built.append(Lexicon(name, kind, version, sha256, tuple(Entry(*r) for r in rows), path))
    loaded, verbs, sources, roles = built
    assert loaded is not None and verbs is not None and sources is not None
    return Lexicons(loaded, verbs, sources, roles)


@lru_cache(maxsize=1)
def default_lexicons() -> Lexicons:
    """The bundled lexicons, loaded and validated once per process."""
    return Lexicons(load_lexicon("loaded_terms"), load_lexicon("reporting_verbs"), load_lexicon("source_terms"),
                    load_lexicon("speaker_roles"))
