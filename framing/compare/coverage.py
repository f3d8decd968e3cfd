"""Same event, what each outlet has that the others do not: speakers, sentences, and content it lacks.

Pure functions over the tidy tables (articles, findings, texts), one event at a time:

* :func:`speakers_by_outlet` -- who each outlet cites (quotations and attributions from the engine's findings),
  with speaker names made one within the event by :func:`normalise_speakers`; :func:`speaker_table` is the
  speaker x outlet table, and :func:`outlet_summary` lists, per outlet, the speakers the others cite and it does not.
* :func:`sentence_table`, :func:`match_sentences`, :func:`label_sentences` -- every sentence of every article (the
  engine's own sentences, :func:`framing.text.document.prepare`), its best match in each other outlet's articles,
  and a label: ``shared`` (a match at or above the threshold in at least one other outlet), ``unique`` (none), or
  ``short`` (fewer than ``coverage_min_terms`` content words: too little to compare, never matched).
* :func:`missing_content` -- for each outlet, the content at least two *other* outlets share and it lacks.
* :func:`event_coverage` runs them all for one event and returns a :class:`Coverage`.

**Similarity.** TF-IDF cosine between sentences over content words (the comparison layer's own tokens and stop
words, :func:`framing.compare.terms.terms_of`, the same as event grouping), with the idf computed over the event's
sentences: words that every outlet uses on the story (its main actors, the place) weigh little, so two sentences
match on the particulars they report, not on the topic. Cosine is symmetric and bounded, so one threshold reads
the same for every pair of outlets. The threshold (``CompareConfig.coverage_threshold``) was chosen on one fold of
BASIL by a rule that reads no bias label (``framing evaluate basil-coverage``; docs/compare.md).

What it cannot do: the similarity is lexical. A paraphrase in other words ("fired" / "dismissed from his post")
is ``unique`` to each outlet, and two sentences that share the particulars but say opposite things about them are
``shared``. ``unique`` means "no other outlet's article has a sentence like it", not "no other outlet reports the
fact". Names are made one within an event only, and only by the rules of :func:`normalise_speakers`.

Cost: per event, sentences are compared outlet block by outlet block through sparse products; an event with more
than ``coverage_max_articles`` articles or ``coverage_max_sentences`` sentences is cut to that size, with a
warning in :attr:`Coverage.warnings` that says what was left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from framing.compare.events import tfidf
from framing.compare.settings import DEFAULT, CompareConfig
from framing.compare.terms import count_term_lists, count_terms, terms_of
from framing.detectors.base import Layer
from framing.errors import ConfigError
from framing.highlight import Mark

LABELS = ("shared", "unique", "short")
SENTENCE_COLUMNS = ("event", "outlet", "article_id", "sentence", "start", "end", "text", "n_terms", "label",
                    "best_similarity", "best_outlet", "n_outlets_sharing", "shared_with")
MATCH_COLUMNS = ("event", "outlet", "article_id", "sentence", "start", "end", "other_outlet", "other_article_id",
                 "other_sentence", "other_start", "other_end", "similarity")
MISSING_COLUMNS = ("event", "outlet", "from_outlet", "article_id", "sentence", "start", "end", "text",
                   "n_outlets", "present_in")
SPEAKER_COLUMNS = ("event", "speaker", "outlet", "quotes", "attributions", "citations", "names")
OUTLET_COLUMNS = ("event", "outlet", "articles", "sentences", "shared", "unique", "short", "unique_share",
                  "speakers", "speakers_not_cited", "n_speakers_not_cited", "lacking")


@dataclass(frozen=True)
class Coverage:
    """One event's coverage, outlet by outlet (the tables' columns are the ``*_COLUMNS`` of this module)."""

    event: str
    threshold: float
    outlets: pd.DataFrame  # one row per outlet: sentences by label, speakers it does not cite, content it lacks
    sentences: pd.DataFrame  # one row per sentence of every article, with its label
    matches: pd.DataFrame  # one row per compared sentence and other outlet: the best match there
    missing: pd.DataFrame  # per outlet, content at least two other outlets share and it lacks
    speakers: pd.DataFrame  # long: speaker x outlet counts
    speaker_table: pd.DataFrame  # wide: one row per speaker, one column of citations per outlet
    warnings: tuple[str, ...] = ()


# -- speakers -------------------------------------------------------------------------------------------------

# Words that stand for a speaker without naming one: an attribution whose speaker is still one of these was not
# resolved to anyone and is not counted.
_PRONOUNS = frozenset("he she they it we i you that this these those who which one".split())
# Honorifics and abbreviated titles written before a name ("Mr. Steele", "Sen. Reid"): stripped like role words.
_HONORIFICS = frozenset("mr mrs ms dr prof gen lt col capt sgt maj adm rep reps sen sens gov pres rev hon".split())
_EDGE = " \t\n\"'\u201c\u201d\u2018\u2019,.;:()[]"


@lru_cache(maxsize=1)
def _roles() -> frozenset[str]:
    """One-word role nouns of the source-terms lexicon (president, senator, spokesman...): titles before names."""
    from framing.lexicons import load_lexicon

    return frozenset(e.term for e in load_lexicon("source_terms").entries
                     if e.category == "role" and " " not in e.term)


def clean_speaker(name: str) -> str:
    """A speaker's name without what is not the name: surrounding marks and a possessive, a leading "the", a place
    after a full name ("Darrell Issa of California" -> "Darrell Issa"), an owner or a description before a name
    ("Green Left's Amira Sandoval" -> "Amira Sandoval", "top cop Dana Roux" -> "Dana Roux"), and titles and roles before a capitalised name ("NRSC spokesman Brian Walsh" ->
    "Brian Walsh", "Mr. Steele" -> "Steele"). "" when only an honorific is left ("But Mr": the name was lost)."""
    s = " ".join(str(name).split()).strip(_EDGE)
    for poss in ("\u2019s", "'s"):
        if s.endswith(poss):
            s = s[: -len(poss)]
    toks = s.split()
    if len(toks) > 1 and toks[0].lower() == "the":
        toks = toks[1:]
    if "of" in toks[2:]:
        k = toks.index("of", 2)
        if _is_name(toks[k - 2:k]):
            toks = toks[:k]
    # a name after a possessive ("Green Left's Amira Sandoval"): the person, not their organisation
    poss_at = [i for i, t in enumerate(toks[:-2]) if t.endswith(("\u2019s", "'s"))]
    if poss_at and _is_name(toks[poss_at[-1] + 1:]):
        toks = toks[poss_at[-1] + 1:]
    # the trailing run of capitalised words after a lower-case one: a name after its description
    run = len(toks)
    while run > 0 and toks[run - 1][:1].isupper():
        run -= 1
    if 0 < run <= len(toks) - 2:
        toks = toks[run:]
    if len(toks) > 1:
        roles = _roles()
        titled = [i for i, t in enumerate(toks[:-1]) if t.lower().rstrip(".") in roles
                  or t.lower().rstrip(".") in _HONORIFICS]
        if titled:
            rest = toks[titled[-1] + 1:]
            if _is_name(rest):
                toks = rest
    if toks and toks[-1].lower().rstrip(".") in _HONORIFICS:
        return ""  # an honorific with no name after it ("But Mr"): the engine lost the name
    return " ".join(toks).strip(_EDGE)


def _is_name(tokens: Sequence[str]) -> bool:
    return bool(tokens) and all(t[:1].isupper() for t in tokens)


def normalise_speakers(names: Iterable[str]) -> dict[str, str]:
    """One display name for every raw speaker name of one event (a mapping raw -> display).

    The rule, within the event only: names are cleaned (:func:`clean_speaker`) and compared case-insensitively;
    full names (two or more capitalised words) with the same first and last word are one person ("James E.
    Clyburn" = "James Clyburn"); a lone surname ("Biden", also after a title: "Mr. Biden") is that person when
    exactly one person of the event has that last name, and stays on its own when none or several do ("Clinton"
    with both Bill and Hillary Clinton). The display name is the person's most cited full form (first and last
    name, when the event has one; then the longest, then alphabetical). Lower-case descriptions ("officials", "a White House official") are kept as they are.
    """
    raw = [str(n) for n in names]
    counts = Counter(raw)
    cleaned = {r: clean_speaker(r) for r in counts}
    key_of: dict[str, str] = {}
    persons: dict[tuple[str, str], str] = {}  # (first, last) -> person key
    by_last: dict[str, set[str]] = {}
    for r, c in sorted(cleaned.items()):
        toks = c.split()
        if len(toks) >= 2 and _is_name(toks):
            fl = (toks[0].casefold(), toks[-1].casefold())
            pk = persons.setdefault(fl, " ".join(fl))
            by_last.setdefault(toks[-1].casefold(), set()).add(pk)
            key_of[r] = pk
    for r, c in sorted(cleaned.items()):
        if r in key_of:
            continue
        toks = c.split()
        if len(toks) == 1 and _is_name(toks) and len(by_last.get(toks[0].casefold(), ())) == 1:
            key_of[r] = next(iter(by_last[toks[0].casefold()]))
        else:
            key_of[r] = c.casefold()
    forms: dict[str, Counter[str]] = {}
    for r, n in counts.items():
        forms.setdefault(key_of[r], Counter())[cleaned[r]] += n
    display = {k: sorted(f.items(), key=lambda kv: (len(kv[0].split()) < 2, -kv[1], -len(kv[0]), kv[0]))[0][0]
               for k, f in forms.items()}
    return {r: display[key_of[r]] for r in counts}


def speaker_mentions(findings: pd.DataFrame, outlet_of: Mapping[str, str]) -> pd.DataFrame:
    """Who is cited where: one row per quotation (direct or partial, with a speaker) and per attribution (with a
    named, described or resolved source) of the given articles. Columns ``article_id``, ``outlet``, ``kind``
    (``quote`` / ``attribution``), ``raw`` (the engine's speaker), ``counts`` (whether it counts as a citation:
    every attribution, and the quotations without a cue, whose attribution is not a finding of its own)."""
    cols = ["article_id", "outlet", "kind", "raw", "counts"]
    if findings.empty:
        return pd.DataFrame(columns=cols)
    f = findings[findings["article_id"].astype(str).isin(set(outlet_of)) & findings["type"].isin(["quote",
                                                                                                 "attribution"])]
    f = f[[c for c in ("article_id", "type", "kind", "speaker", "cue", "source_type", "source") if c in f.columns]]
    rows = []
    for r in f.to_dict("records"):  # the columns read below only: a dict per row of every column cost more
        t = r.get("type")
        if t == "quote" and r.get("kind") in ("direct", "partial"):
            name, counts = _str(r.get("speaker")), not _str(r.get("cue"))
        elif t == "attribution" and r.get("source_type") not in ("none", None):
            name, counts = _str(r.get("speaker")) or _str(r.get("source")), True
        else:
            continue
        if not name or name.strip(_EDGE).lower() in _PRONOUNS or not clean_speaker(name):
            continue
        aid = str(r["article_id"])
        rows.append((aid, outlet_of[aid], t, name, counts))
    return pd.DataFrame(rows, columns=cols)


def _str(v: object) -> str:
    if v is None or (isinstance(v, float) and np.isnan(v)) or type(v).__name__ == "NAType":
        return ""
    return str(v).strip()


def speakers_by_outlet(findings: pd.DataFrame, outlet_of: Mapping[str, str], *, event: str = "") -> pd.DataFrame:
    """Speaker x outlet counts for one event (long table, ``SPEAKER_COLUMNS``): ``quotes`` (direct and partial
    quotations), ``attributions``, ``citations`` (attributions plus quotations without a cue: a quotation with a
    cue is counted through its attribution), ``names`` (the raw forms merged into the speaker). Every outlet of
    ``outlet_of`` has a row for every speaker (zeros included), sorted by total citations, then name."""
    m = speaker_mentions(findings, outlet_of)
    outlets = sorted(set(outlet_of.values()))
    if m.empty:
        return pd.DataFrame(columns=list(SPEAKER_COLUMNS))
    names = normalise_speakers(m["raw"])
    # plain counters: a few hundred mentions, where a pandas selection per speaker and outlet costs more than all
    quotes: Counter[tuple[str, str]] = Counter()
    attrs: Counter[tuple[str, str]] = Counter()
    cites: Counter[tuple[str, str]] = Counter()
    total: Counter[str] = Counter()
    raw_of: dict[str, set[str]] = {}
    for outlet, kind, raw, counts in zip(m["outlet"], m["kind"], m["raw"], m["counts"], strict=True):
        sp = names[raw]
        (quotes if kind == "quote" else attrs)[(sp, outlet)] += 1
        cites[(sp, outlet)] += int(counts)
        total[sp] += int(counts)
        raw_of.setdefault(sp, set()).add(raw)
    order = sorted(raw_of, key=lambda sp: (-total[sp], sp.casefold(), sp))
    rows = [(event, sp, o, quotes[(sp, o)], attrs[(sp, o)], cites[(sp, o)], "; ".join(sorted(raw_of[sp])))
            for sp in order for o in outlets]
    return pd.DataFrame(rows, columns=list(SPEAKER_COLUMNS))


def speaker_table(speakers: pd.DataFrame, *, value: str = "citations") -> pd.DataFrame:
    """The speaker x outlet table: one row per speaker (most cited first), one column per outlet, and ``total``.
    A speaker with none of ``value`` in any outlet has no row (a quotation counted through an attribution whose
    speaker is another name: the long table keeps it, with its quotations)."""
    if speakers.empty:
        return pd.DataFrame(columns=["speaker", "total"])
    order = list(dict.fromkeys(speakers["speaker"]))
    w = speakers.pivot_table(index="speaker", columns="outlet", values=value, aggfunc="sum", fill_value=0)
    w = w.reindex(order)
    # (an outlet named like one of the table's own columns keeps its name with " (outlet)" after it)
    w.columns = [f"{c} (outlet)" if str(c) in ("speaker", "total") else str(c) for c in w.columns]
    w["total"] = w.sum(axis=1)
    w = w[w["total"] > 0]
    return w.reset_index().rename_axis(columns=None)


# -- sentences ------------------------------------------------------------------------------------------------

def sentence_table(articles: Sequence[tuple[str, str]], texts: Mapping[str, str], *, event: str = "",
                   config: CompareConfig | None = None) -> pd.DataFrame:
    """Every sentence of the articles (``(outlet, article_id)`` pairs, in order) with its offsets into the
    original text, its text and the number of distinct content words it has (``n_terms``)."""
    return _sentences(articles, texts, event, config)[0]


def _sentences(articles: Sequence[tuple[str, str]], texts: Mapping[str, str], event: str,
               config: CompareConfig | None) -> tuple[pd.DataFrame, list[list[str]]]:
    """:func:`sentence_table`, and each of its rows' content words (which :func:`match_sentences` counts)."""
    from framing.text.document import prepare

    cfg = config or DEFAULT
    rows, terms = [], []
    for outlet, aid in articles:
        text = texts.get(aid)
        if text is None:
            continue
        for k, s in enumerate(prepare(text).sentences):
            piece = text[s.start:s.end]
            words = terms_of(piece)
            terms.append(words)
            rows.append((event, outlet, aid, k, s.start, s.end, piece, len(set(words))))
    df = pd.DataFrame(rows, columns=["event", "outlet", "article_id", "sentence", "start", "end", "text", "n_terms"])
    df["comparable"] = df["n_terms"] >= cfg.coverage_min_terms
    return df, terms


# Cells of the dense similarity block match_sentences holds at once (8 bytes each: 16 MB).
MATCH_BLOCK_CELLS = 2_000_000


def match_sentences(sentences: pd.DataFrame, terms: Sequence[Sequence[str]] | None = None) -> pd.DataFrame:
    """For every comparable sentence (``comparable`` column of :func:`sentence_table`) and every other outlet, the
    most similar sentence of that outlet's articles (TF-IDF cosine over content words, idf over these sentences;
    ``other_*`` empty and similarity 0 when nothing is in common). Ties go to the first sentence in order.
    ``terms``: each row's content words (:func:`terms_of` of its text), when they are already listed."""
    comparable = sentences["comparable"].to_numpy(dtype=bool)
    s = sentences[comparable].reset_index(drop=True)
    if s.empty or s["outlet"].nunique() < 2:
        return pd.DataFrame(columns=list(MATCH_COLUMNS))
    keys = [str(i) for i in range(len(s))]
    if terms is None:
        counts = count_terms(dict(zip(keys, s["text"], strict=True)), keys)
    else:
        counts = count_term_lists([t for t, c in zip(terms, comparable, strict=True) if c], keys)
    X = tfidf(counts)
    outlet = s["outlet"].to_numpy()
    outlets = list(dict.fromkeys(outlet))
    rows_of = {o: np.flatnonzero(outlet == o) for o in outlets}
    src, oth, sims = [], [], []  # row of the sentence, row of its best match (-1: none), similarity
    other_outlet: list[str] = []
    XT = X.T.tocsr()
    for o in outlets:
        ro = rows_of[o]
        # the similarities of the outlet's sentences with every sentence, dense, a slice of rows at a time (at most
        # MATCH_BLOCK_CELLS cells); the same sums as a product per pair of outlets, without its overhead per pair
        step = max(1, MATCH_BLOCK_CELLS // max(len(s), 1))
        blocks = [(X[ro[a:a + step]] @ XT).toarray() for a in range(0, len(ro), step)]
        for p in outlets:
            if p == o:
                continue
            rp = rows_of[p]
            part = np.concatenate([b[:, rp] for b in blocks])
            best = part.max(axis=1)
            arg = part.argmax(axis=1)  # the first of equal similarities
            src.append(ro)
            oth.append(np.where(best > 0, rp[arg], -1))
            sims.append(best)
            other_outlet += [p] * len(ro)
    i, j, sim = np.concatenate(src), np.concatenate(oth), np.concatenate(sims)
    has = j >= 0
    jj = np.where(has, j, 0)

    def other(col: str) -> pd.api.extensions.ExtensionArray:
        return pd.array([int(v) if h else None for v, h in zip(s[col].to_numpy()[jj], has, strict=True)],
                        dtype="Int64")

    return pd.DataFrame({
        "event": s["event"].to_numpy()[i], "outlet": outlet[i], "article_id": s["article_id"].to_numpy()[i],
        "sentence": s["sentence"].to_numpy()[i], "start": s["start"].to_numpy()[i], "end": s["end"].to_numpy()[i],
        "other_outlet": other_outlet,
        "other_article_id": [a if h else None for a, h in zip(s["article_id"].to_numpy()[jj], has, strict=True)],
        "other_sentence": other("sentence"), "other_start": other("start"), "other_end": other("end"),
        "similarity": sim,
    })[list(MATCH_COLUMNS)]


def label_sentences(sentences: pd.DataFrame, matches: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Each sentence labelled once (``SENTENCE_COLUMNS``): ``shared`` when its best match in some other outlet
    reaches ``threshold``, ``unique`` when none does, ``short`` when it was not compared."""
    out = sentences.copy()
    key = ["article_id", "sentence"]
    if matches.empty:
        best = pd.DataFrame(columns=[*key, "best_similarity", "best_outlet", "n_outlets_sharing", "shared_with"])
    else:
        m = matches.sort_values([*key, "similarity", "other_outlet"], ascending=[True, True, False, True],
                                kind="stable")
        top = m.drop_duplicates(key)[[*key, "similarity", "other_outlet"]].rename(
            columns={"similarity": "best_similarity", "other_outlet": "best_outlet"})
        hit = m[m["similarity"] >= threshold]
        shared = hit.groupby(key)["other_outlet"].agg(lambda x: "; ".join(sorted(set(x)))).rename("shared_with")
        n = hit.groupby(key)["other_outlet"].nunique().rename("n_outlets_sharing")
        best = top.merge(n.reset_index(), on=key, how="left").merge(shared.reset_index(), on=key, how="left")
    out = out.merge(best, on=key, how="left")
    out["n_outlets_sharing"] = out["n_outlets_sharing"].fillna(0).astype(int)
    out["shared_with"] = out["shared_with"].fillna("")
    out["best_outlet"] = out["best_outlet"].where(out["best_similarity"].fillna(0) > 0, "").fillna("")
    out["label"] = np.where(~out["comparable"], "short", np.where(out["n_outlets_sharing"] > 0, "shared", "unique"))
    return out[list(SENTENCE_COLUMNS)]


def missing_content(sentences: pd.DataFrame, matches: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """For each outlet, the content that at least two other outlets share and it lacks (``MISSING_COLUMNS``).

    A sentence of outlet X is content outlet O lacks when its best match in O is below ``threshold`` and it is
    matched at or above it in some third outlet. One piece of content is listed once per lacking outlet: the
    sentence of the first outlet (in the table's order) that has it; its matches in the others are not listed
    again. ``present_in`` names the outlets that have it.
    """
    if matches.empty:
        return pd.DataFrame(columns=list(MISSING_COLUMNS))
    outlets = list(dict.fromkeys(sentences["outlet"]))
    sim: dict[tuple[str, int], dict[str, tuple[float, str | None, object]]] = {}
    # (only the matches at or above the threshold say anything here: who has the content)
    for r in matches[matches["similarity"] >= threshold].itertuples(index=False):
        sim.setdefault((str(r.article_id), int(r.sentence)), {})[r.other_outlet] = (
            float(r.similarity), r.other_article_id, r.other_sentence)
    text_of = {(str(a), int(k)): (o, s, e, t) for o, a, k, s, e, t in sentences[
        ["outlet", "article_id", "sentence", "start", "end", "text"]].itertuples(index=False)}
    rows = []
    event = str(sentences["event"].iloc[0]) if len(sentences) else ""
    # The sentences some other outlet has, in the order of the matches table (outlet, article, sentence), each with
    # those outlets and their matching sentences: only these can be content an outlet lacks, and the outlets that
    # have one are the same whichever outlet lacks it.
    shared = []
    for key, others in sim.items():
        have = sorted(others)
        cover = [(str(others[p][1]), int(others[p][2])) for p in have  # type: ignore[call-overload]
                 if others[p][1] is not None]
        shared.append((key, text_of[key], have, frozenset(have), cover))
    for lacking in outlets:
        covered: set[tuple[str, int]] = set()
        for key, (outlet, start, end, text), have, has, cover in shared:
            if outlet == lacking or key in covered or lacking in has:
                continue
            covered.update(cover)
            rows.append((event, lacking, outlet, key[0], key[1], start, end, text, 1 + len(have),
                         "; ".join(sorted([outlet, *have]))))
    out = pd.DataFrame(rows, columns=list(MISSING_COLUMNS))
    # per lacking outlet, the content the most outlets have first (then in the order of the articles)
    rank = {o: i for i, o in enumerate(outlets)}
    out = out.assign(_o=out["outlet"].map(rank), _f=out["from_outlet"].map(rank))
    return out.sort_values(["_o", "n_outlets", "_f", "article_id", "sentence"], ascending=[True, False, True, True,
                           True], kind="stable").drop(columns=["_o", "_f"]).reset_index(drop=True)


# -- one event ------------------------------------------------------------------------------------------------

def outlet_summary(sentences: pd.DataFrame, speakers: pd.DataFrame, missing: pd.DataFrame, *, event: str = ""
                   ) -> pd.DataFrame:
    """One row per outlet (``OUTLET_COLUMNS``): its sentences by label, ``unique_share`` (unique over compared
    sentences), how many speakers it cites, the speakers other outlets cite and it does not (those the most
    other outlets cite first, then the most cited), and how many pieces of content it lacks."""
    rows = []
    outlets = sorted(set(sentences["outlet"]) | (set(speakers["outlet"]) if not speakers.empty else set()))
    label_n = Counter(zip(sentences["outlet"], sentences["label"]))
    arts = sentences.groupby("outlet")["article_id"].nunique().to_dict()
    n_sents = Counter(sentences["outlet"])
    lacking = Counter(missing["outlet"]) if not missing.empty else Counter()
    cites: dict[tuple[str, str], int] = {}
    if not speakers.empty:
        cites = {(sp, o): int(n) for sp, o, n in zip(speakers["speaker"], speakers["outlet"], speakers["citations"],
                                                      strict=True)}
    order = list(dict.fromkeys(speakers["speaker"])) if not speakers.empty else []
    total: Counter[str] = Counter()
    citing: Counter[str] = Counter()  # outlets citing the speaker
    for (sp, _), v in cites.items():
        total[sp] += v
        citing[sp] += v > 0
    for o in outlets:
        n = {lab: label_n[(o, lab)] for lab in LABELS}
        compared = n["shared"] + n["unique"]
        others = {sp: total[sp] - cites.get((sp, o), 0) for sp in order}
        n_others = {sp: citing[sp] - (cites.get((sp, o), 0) > 0) for sp in order}
        cited = sum(1 for sp in order if cites.get((sp, o), 0) > 0)
        # the speakers most other outlets cite first, then the most cited, then by name
        not_cited = sorted((sp for sp in order if cites.get((sp, o), 0) == 0 and others[sp] > 0),
                           key=lambda sp: (-n_others[sp], -others[sp], sp.casefold(), sp))
        rows.append((event, o, int(arts.get(o, 0)), n_sents[o], n["shared"], n["unique"], n["short"],
                     n["unique"] / compared if compared else np.nan, cited, "; ".join(not_cited), len(not_cited),
                     lacking[o]))
    return pd.DataFrame(rows, columns=list(OUTLET_COLUMNS))


def event_coverage(articles: pd.DataFrame, findings: pd.DataFrame, texts: Mapping[str, str], event: str, *,
                   event_column: str = "event", by: str = "source", threshold: float | None = None,
                   config: CompareConfig | None = None) -> Coverage:
    """Everything this module computes for one event covered by two or more outlets (``by`` values)."""
    cfg = config or DEFAULT
    thr = cfg.coverage_threshold if threshold is None else threshold
    if not 0.0 < thr <= 1.0:
        raise ConfigError(f"threshold must be in (0, 1], not {thr}")
    for col in (event_column, by):
        if col not in articles.columns:
            raise ConfigError(f"no column {col!r} in the articles table; valid columns are {sorted(articles.columns)}")
    a = articles.loc[articles[event_column].astype(str) == str(event)].copy()
    if a.empty:
        known = sorted(articles[event_column].dropna().astype(str).unique().tolist())
        raise ConfigError(f"no article has {event_column} = {event!r}; events: {known[:30]}")
    a["article_id"] = a["article_id"].astype(str)
    a["_outlet"] = a[by].astype(str).where(a[by].notna(), "(missing)")
    sort = [c for c in ("_outlet", "date", "article_id") if c in a.columns]
    a = a.sort_values(sort, kind="stable")
    if a["_outlet"].nunique() < 2:
        raise ConfigError(f"event {event!r} is covered by one {by} only: coverage compares two or more")
    warnings: list[str] = []
    if len(a) > cfg.coverage_max_articles:
        # keep each outlet's first articles, round-robin, so that every outlet stays in the comparison
        a["_rank"] = a.groupby("_outlet").cumcount()
        left = a.sort_values(["_rank", "_outlet", "article_id"], kind="stable").iloc[cfg.coverage_max_articles:]
        a = a[~a["article_id"].isin(set(left["article_id"]))]
        warnings.append(f"event {event!r} has {len(a) + len(left)} articles: coverage compares the first "
                        f"{cfg.coverage_max_articles} (each outlet's earliest first); left out: "
                        f"{', '.join(sorted(left['article_id']))[:300]}")
    pairs = list(zip(a["_outlet"], a["article_id"], strict=True))
    sents, terms = _sentences(pairs, texts, str(event), cfg)
    if int(sents["comparable"].sum()) > cfg.coverage_max_sentences:
        cum = sents["comparable"].cumsum()
        over = sents.loc[cum > cfg.coverage_max_sentences, "article_id"].unique()
        warnings.append(f"event {event!r} has {int(sents['comparable'].sum()):,} sentences to compare: the first "
                        f"{cfg.coverage_max_sentences:,} are compared, the rest of articles "
                        f"{', '.join(map(str, over))[:300]} are labelled 'short' (not compared)")
        sents.loc[cum > cfg.coverage_max_sentences, "comparable"] = False
    matches = match_sentences(sents, terms)
    labelled = label_sentences(sents, matches, thr)
    missing = missing_content(labelled, matches, thr)
    outlet_of = dict(zip(a["article_id"], a["_outlet"], strict=True))
    f = findings[findings["article_id"].astype(str).isin(set(outlet_of))] if not findings.empty else findings
    spk = speakers_by_outlet(f, outlet_of, event=str(event))
    outlets = outlet_summary(labelled, spk, missing, event=str(event))
    return Coverage(str(event), thr, outlets, labelled, matches, missing, spk, speaker_table(spk), tuple(warnings))


# -- highlighting ---------------------------------------------------------------------------------------------

def coverage_layer() -> Layer:
    """The highlight layer of shared and unique sentences: a bar above the text (a channel no detector's layer
    uses), orange for unique, light blue for shared (so that unique stands out); short sentences are not marked.
    Hues from Okabe & Ito's colour-blind-safe palette."""
    return Layer("coverage", "Shared and unique", "Sentences (bar above: unique to this outlet, or shared)",
                 style="border-top: 3px solid {colour};", swatch="border-top: 3px solid {colour};",
                 colours={"unique": "#D55E00", "shared": "#A7D3EE"})


def coverage_marks(sentences: pd.DataFrame, article_id: str, threshold: float) -> list[Mark]:
    """The marks of one article's shared and unique sentences (rows of :attr:`Coverage.sentences`), with what
    each label means on hover."""
    out = []
    d = sentences[sentences["article_id"].astype(str) == str(article_id)]
    for k, r in enumerate(d.itertuples(index=False)):
        if r.label == "unique":
            near = (f" (closest: {r.best_outlet}, {r.best_similarity:.2f})" if r.best_outlet else
                    " (no word in common with another outlet's sentences)")
            expl = f"No other outlet's article has a sentence this similar (TF-IDF cosine {threshold:.2f}){near}."
            label = "Unique to this outlet"
        elif r.label == "shared":
            expl = (f"Another outlet has a sentence like it: {r.shared_with} (best TF-IDF cosine "
                    f"{r.best_similarity:.2f}, with {r.best_outlet}).")
            label = "Shared"
        else:
            continue
        out.append(Mark(int(r.start), int(r.end), "coverage", str(r.label), label, expl, k))
    return out
