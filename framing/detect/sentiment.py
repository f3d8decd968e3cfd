"""Sentiment and subjectivity with TextBlob's default analyser (the pattern lexicon), per sentence and per article.

Each sentence is scored exactly as ``TextBlob(sentence).sentiment`` scores it: TextBlob's own tokenizer and its
``assessments`` over the pattern lexicon (adjectives with polarity, subjectivity and intensity; negations and
intensifying adverbs). The article's figure is the mean over all the article's assessments, which equals
``TextBlob(article).sentiment`` except where a negation or an intensifier at the end of one sentence would have
reached into the next (``benchmarks/sentiment_agreement.py`` measures the difference on real articles).

Cannot: read sarcasm, sentiment towards a particular actor, or anything outside the lexicon's ~2,900 adjectives.
Polarity is a property of the wording, not a verdict on the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from framing.findings import SentenceSentiment
from framing.text.document import Document


@dataclass(frozen=True, slots=True)
class ArticleSentiment:
    polarity: float
    subjectivity: float
    n_assessed: int  # words the lexicon scored


def _analyser():  # imported lazily: nothing happens at import time
    from textblob.en import sentiment

    return sentiment


def detect(doc: Document, *, per_sentence: bool = True) -> tuple[list[SentenceSentiment], ArticleSentiment]:
    """Per-sentence findings (when ``per_sentence``) and the article's polarity and subjectivity."""
    an = _analyser()
    tokenize = an.tokenizer
    out: list[SentenceSentiment] = []
    sum_p = sum_s = 0.0
    n_all = 0
    for sp in doc.sentences:
        sent = doc.text[sp.start:sp.end]
        words = " ".join(tokenize(sent)).split()
        a = an.assessments(((w.lower(), None) for w in words), True)
        n = len(a)
        sp_sum = sum(x[1] for x in a)
        ss_sum = sum(x[2] for x in a)
        sum_p += sp_sum
        sum_s += ss_sum
        n_all += n
        if per_sentence:
            pol = sp_sum / n if n else 0.0
            sub = ss_sum / n if n else 0.0
            expl = _explain(pol, sub, a)
            out.append(SentenceSentiment(sp.start, sp.end, sent, round(pol, 6), round(sub, 6), expl))
    art = ArticleSentiment(round(sum_p / n_all, 6) if n_all else 0.0, round(sum_s / n_all, 6) if n_all else 0.0,
                           n_all)
    return out, art


def _explain(pol: float, sub: float, assessments: list) -> str:
    if not assessments:
        return "TextBlob found no opinion words in this sentence (polarity 0, subjectivity 0)."
    words = ", ".join(" ".join(x[0]) for x in assessments[:4])
    tone = "positive" if pol > 0.05 else "negative" if pol < -0.05 else "neutral"
    return (f"TextBlob polarity {pol:+.2f} ({tone}), subjectivity {sub:.2f}, from the opinion words: {words}"
            f"{' and more' if len(assessments) > 4 else ''}.")
