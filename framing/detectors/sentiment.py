"""The sentiment detector's declaration: TextBlob polarity and subjectivity per sentence and per article.

Sentence findings are in a report but not in the findings table (they are properties of sentences, not spans
worth storing or marking); the article's figures are columns of the articles table.
"""

from __future__ import annotations

from typing import Any

from framing.detect import sentiment
from framing.detectors.base import ONE, Context, Detector, Metric, MetricFamily
from framing.findings import SentenceSentiment


def _detect(ctx: Context) -> list[SentenceSentiment]:
    sents, ctx.notes["sentiment"] = sentiment.detect(ctx.doc, per_sentence=ctx.config.sentence_sentiment)
    return sents


def _summarise(ctx: Context, n_words: int) -> dict[str, Any]:
    art: sentiment.ArticleSentiment | None = ctx.notes.get("sentiment")
    if art is None:  # not analysed (a text in another language): no tone, rather than a neutral one
        return {"polarity": None, "subjectivity": None, "n_assessed": 0}
    return {"polarity": art.polarity, "subjectivity": art.subjectivity, "n_assessed": art.n_assessed}


def _metrics(per_words: int) -> list[Metric]:
    return [Metric("polarity_mean", "Mean polarity (TextBlob, -1 to 1)", "tone", ("polarity",), ONE, 1.0,
                   "mean per article", min_denominator="articles"),
            Metric("subjectivity_mean", "Mean subjectivity (TextBlob, 0 to 1)", "tone", ("subjectivity",), ONE, 1.0,
                   "mean per article", min_denominator="articles")]


DETECTOR = Detector(
    type="sentiment", finding=SentenceSentiment, step="sentiment", detect=_detect, rank=3,
    metrics_key="sentiment", summarise=_summarise,
    count_columns=lambda: [("polarity", "DOUBLE"), ("subjectivity", "DOUBLE")],
    row=lambda s: {"polarity": s["polarity"], "subjectivity": s["subjectivity"]},
    families=(MetricFamily("tone", "Tone (sentiment)", "subjectivity_mean"),),
    metrics=_metrics,
)
