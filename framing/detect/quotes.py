"""Quotations: the kind of every quoted span and, for direct and partial quotes, the speaker and the cue.

Kinds (see ``../shared/data/quotes/GUIDELINES.md`` for the definitions this follows):

* ``direct``: a clause or sentence of a speaker's words, at the start of a sentence or after a cue
  (`"We will strengthen ...," Baqeri said`; `said: "..."`), or a long clause-like quotation;
* ``partial``: a fragment woven into the writer's sentence, attributed by a cue in the same sentence or by the
  speaker of the surrounding quotations (`said the deal "increases our will ..."`);
* ``scare``: a short quotation nobody is said to have said (the writer's irony, doubt or delegitimisation), after
  "so-called" and the like, or marked with the article's *other* quotation mark than its speech (state media's
  ‘Israel’ in an article that quotes speech with "...");
* ``title`` (works, laws, events, campaigns, slogans), ``name`` (nicknames), ``mention`` (the word itself) and
  ``other`` (vote options, labels) by the words around them.

Cannot: read irony. A short attributed phrase the writer mocks is ``partial``; an unattributed label that some
speaker in fact used is ``scare``; nicknames used alone ("Pocahontas") look like scare quotes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from framing.config import Config
from framing.detect.attributions import Attr
from framing.text.document import Document
from framing.text.quotemarks import QuoteSpan

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")

_SCARE_BEFORE = re.compile(
    r"(?:so[-\s]called|self[-\s](?:styled|proclaimed|described)|supposed|supposedly|alleged|purported|"
    r"would[-\s]be|quote[-\s]unquote|their|his|her|its|these|those)\s*$", re.IGNORECASE)
_MENTION_BEFORE = re.compile(
    r"(?:\b(?:word|words|term|terms|phrase|phrases|label|labels|expression|hashtag|acronym|terminology|moniker|"
    r"adjective|noun|verb|epithet|words\s+like|terms\s+like|such\s+as\s+the\s+word|spelled|spelt|reads|read|"
    r"written|typed|searched\s+for|search\s+term|the\s+letters?|pronounced)\s*,?\s*)$", re.IGNORECASE)
_MENTION_AFTER = re.compile(r"^\s*,?\s*(?:means|meant|stands\s+for|is\s+(?:a|the)\s+(?:word|term)|as\s+a\s+(?:word|term))",
                            re.IGNORECASE)
_NAME_BEFORE = re.compile(
    r"(?:nicknamed|dubbed|known\s+(?:\w+ly\s+)?as|aka|a\.k\.a\.|nickname|nicknames|called\s+(?:him|her|himself|herself|"
    r"themselves|itself)|calls\s+(?:him|her|himself|herself))\s*,?\s*$", re.IGNORECASE)
_TITLE_BEFORE = re.compile(
    r"(?:titled|entitled|headlined|headline|book|film|movie|documentary|song|album|show|series|podcast|op-ed|"
    r"column|essay|article|report|memo|slogan|motto|operation|campaign|programme|program|doctrine|initiative|"
    r"video|ad|advert|advertisement|play|poem|speech|hashtag|banner|sign|placard|t-shirt|shirt|the\s+(?:new|"
    r"latest))\s*,?\s*$", re.IGNORECASE)
_TITLE_AFTER = re.compile(
    r"^\s*(?:rally|rallies|campaign|movement|act|bill|law|program|programme|initiative|tour|show|series|"
    r"podcast|doctrine|plan|policy|operation|strategy|agenda|caucus|summit|conference|march|ad|ads|video|"
    r"documentary|book|report|memo|list|award|prize|slogan|revolution|intifada|project|order|rule|"
    r"amendment|clause|provision|protocol|deal|accord|agreement|pact|treaty|event|festival|concert|speech|"
    r"address|tweet|post|column|article|headline|segment|episode|film|movie|song|album|game|app|hashtag|"
    r"website|blog|newsletter|brand|label|chant|t-shirt|sign|signs|banner|banners|placards?)\b", re.IGNORECASE)
_ORG_AFTER = re.compile(r"^\s*(?:PAC|super\s+PAC|group|organi[sz]ation|party|caucus|coalition|network|foundation|"
                        r"fund|committee|company|club|team|centre|center|camp|prison|facility|base|building|"
                        r"bridge|hotel|restaurant|bar|ranch|estate|account|handle|channel)\b", re.IGNORECASE)
_OTHER_CONTENT = re.compile(
    r"^(?:yes|no|aye|nay|yea|true|false|mostly\s+true|mostly\s+false|half\s+true|pants\s+on\s+fire|"
    r"leave|remain|present|abstain|none|other|n/?a|ok|okay|like|dislike|agree|disagree|strongly\s+agree|"
    r"strongly\s+disagree|undecided|don'?t\s+know|a|b|c|d|f|a\+|a-)[.,!?]?$", re.IGNORECASE)
# Nouns that end the name of a rule, law, plan or test ("eight-state rule", "the doll tests").
_TITLE_NOUNS = frozenset("""rule rules act bill law doctrine plan agreement accord treaty pact deal initiative program
    programme test tests amendment clause protocol strategy policy""".split())
_SMALL = frozenset("a an the of and or for to in on at by with from as is but vs nor de la le".split())


@dataclass(frozen=True, slots=True)
class QuoteCall:
    span: QuoteSpan
    kind: str
    speaker: str | None
    cue: str | None
    reason: str


def classify(doc: Document, attrs: list[Attr], cfg: Config) -> list[QuoteCall]:
    """The kind, speaker and cue of every quotation pair in ``doc`` (same order as ``doc.quotes``)."""
    speech_family = _speech_family(doc)
    out: list[QuoteCall] = []
    by_sentence: dict[int, list[Attr]] = {}
    for a in attrs:
        by_sentence.setdefault(a.sentence, []).append(a)
    para_starts = [p.start for p in doc.paragraphs]
    cindex = _content_index(attrs)
    last: tuple[str | None, str | None, int] | None = None  # the last speaker quoted: (speaker, cue, paragraph)
    prev: QuoteCall | None = None
    outer: list[QuoteCall] = []  # the enclosing quotations of the current one
    for q in doc.quotes:
        while outer and not (outer[-1].span.start <= q.start and q.end <= outer[-1].span.end):
            outer.pop()
        call = _classify_one(doc, q, cindex, by_sentence, speech_family, last, para_starts, cfg,
                             outer[-1].span.start if outer else None)
        if q.depth > 0 and outer and outer[-1].kind == "direct" and outer[-1].speaker and \
                call.kind in ("direct", "partial") and call.speaker is None:
            # speech quoted inside a speaker's quotation ("I said, 'what is this about?'") is in that speaker's mouth
            call = QuoteCall(q, call.kind, outer[-1].speaker, outer[-1].cue, call.reason + "; inside a quotation of "
                                                                                             "this speaker")
        if prev is not None and _coordinated(doc.text, prev.span, q) and prev.kind in ("partial", "mention", "scare",
                                                                                      "title", "name"):
            # `"unacceptable" and "inaccurate"`, `words like "cheese" and "sauce"`: same kind as the first
            call = QuoteCall(q, prev.kind, prev.speaker, prev.cue, prev.reason + "; coordinated with the previous "
                                                                                 "quotation")
        out.append(call)
        prev = call
        outer.append(call)
        if call.kind in ("direct", "partial") and q.depth == 0 and call.speaker:
            last = (call.speaker, call.cue, _para_index(para_starts, q.start))
    return [_echo_in_body(doc, c, out, by_sentence) if c.kind in ("scare", "title", "name", "other") else c
            for c in out]


def _echo_in_body(doc: Document, call: QuoteCall, calls: list[QuoteCall], by_sentence: dict[int, list[Attr]]
                  ) -> QuoteCall:
    """A headline quotation whose words come back, attributed, in the body is a partial quote of that speaker.

    News headlines quote fragments of what the story reports ("Clinton Calls Violence 'Genocide'"); the
    guidelines call these partial. Words that nobody says in the body stay as they were (usually scare).
    """
    q = call.span
    # headlines, and the title-case lines of related links or captions near the top (at most three paragraphs)
    if not doc.paragraphs or q.start >= doc.paragraphs[min(2, len(doc.paragraphs) - 1)].end or not (
            doc.paragraphs[0].start <= q.start < doc.paragraphs[0].end or _title_case_line(doc, q.start)):
        return call
    words = re.findall(r"[^\W_]+", doc.folded[q.start:q.end])
    if not words or len(words) > 8:
        return call
    line_end = doc.text.find("\n", q.end)
    if line_end < 0:
        return call
    pat = re.compile(r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\b")
    for m in pat.finditer(doc.folded, line_end):
        p = m.start()
        for c in calls:
            if c.span.start <= p < c.span.end and c.kind in ("direct", "partial") and c.speaker:
                return QuoteCall(q, "partial", c.speaker, c.cue, "headline words that the body quotes from this "
                                                                   "speaker")
        for a in by_sentence.get(doc.sentence_of(p), []):
            if a.speaker:
                return QuoteCall(q, "partial", a.speaker, _cue_text(doc, a), "headline words that the body "
                                                                            "attributes to this speaker")
    return call


def _title_case_line(doc: Document, offset: int) -> bool:
    ls = doc.text.rfind("\n", 0, offset) + 1
    le = doc.text.find("\n", offset)
    line = doc.text[ls:le if le >= 0 else len(doc.text)]
    words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", line) if w.lower() not in _SMALL]
    return 2 <= len(words) <= 25 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _coordinated(text: str, a: QuoteSpan, b: QuoteSpan) -> bool:
    """Are two quotations joined only by "and", "or" or a comma ("unacceptable" and "inaccurate")?"""
    if a.depth != b.depth or b.start <= a.end:
        return False
    between = text[a.end + 1:b.start - 1]
    return bool(re.fullmatch(r"\s*(?:,\s*)?(?:and|or|,)?\s*", between)) and len(text[b.start:b.end].split()) <= 4


def _para_index(starts: list[int], offset: int) -> int:
    return bisect_right(starts, offset) - 1


def _speech_family(doc: Document) -> str | None:
    """The mark family ('d' double / 's' single) the article uses for long quotations of speech."""
    counts = {"d": 0, "s": 0}
    for q in doc.quotes:
        if q.depth == 0 and len(_WORD.findall(doc.text[q.start:q.end])) >= 6:
            counts["d" if q.open_mark in '"\u201c\u201d\u201e\u00ab\u00bb\u2033' or q.open_mark == "'"
                   and doc.text[q.start - 2:q.start] == "''" else "s"] += 1
    if counts["d"] == counts["s"]:
        return None
    return "d" if counts["d"] > counts["s"] else "s"


def _family(q: QuoteSpan, text: str) -> str:
    if q.open_mark in '"\u201c\u201d\u201e\u00ab\u00bb\u2033':
        return "d"
    if q.start >= 2 and text[q.start - 2] in "'\u2018\u2019`":
        return "d"  # doubled singles act as a double mark
    return "s"


def _classify_one(doc: Document, q: QuoteSpan, cindex: tuple[list[Attr], list[int]], by_sentence: dict[int, list[Attr]],
                  speech_family: str | None, last_direct: tuple[str | None, str | None, int] | None,
                  para_starts: list[int], cfg: Config, outer_start: int | None = None) -> QuoteCall:
    text = doc.text
    content = text[q.start:q.end]
    words = _WORD.findall(content)
    n = len(words)
    si = doc.sentence_of(q.start - 1 if q.start > 0 else 0)
    sent = doc.sentences[si] if si >= 0 else None
    s_lo = sent.start if sent else 0
    before = text[max(s_lo, q.start - 1 - 60):max(s_lo, q.start - 1)]
    after = text[q.end + 1:q.end + 1 + 40]
    first_char = content.lstrip(" \u2026.([")[:1]

    if n == 0:
        return QuoteCall(q, "other", None, None, "quotation with no words")
    if _OTHER_CONTENT.match(content.strip()):
        return QuoteCall(q, "other", None, None, "a label or option (yes/no, a rating) rather than anyone's words")
    if _MENTION_BEFORE.search(before) or _MENTION_AFTER.match(after):
        return QuoteCall(q, "mention", None, None, "the words themselves are talked about (\"the word ...\")")
    if _NAME_BEFORE.search(before) or _between_names(text, q):
        return QuoteCall(q, "name", None, None, "a nickname or name (after \"dubbed\", \"known as\", or inside a name)")
    if re.search(r"\b[\w:-]+=$", before):
        return QuoteCall(q, "other", None, None, "an attribute value in markup (name=\"...\")")
    so_called = bool(re.search(r"so[-\s]called\s*$|self[-\s](?:styled|proclaimed)\s*$|supposed\s*$", before,
                               re.IGNORECASE))
    if so_called and n <= cfg.scare_max_words + 2:
        return QuoteCall(q, "scare", None, None, "marked as doubtful by \"so-called\" or a similar word before it")
    titleish = _title_case(words)
    headline = _in_headline(doc, q)

    if n <= 12 and (_TITLE_BEFORE.search(before) and (titleish or n <= 6)) or (_TITLE_AFTER.match(after) and titleish):
        return QuoteCall(q, "title", None, None, "the name of a work, law, event, campaign or slogan")
    if titleish and not headline and n <= 10 and not _starts_clause(before) \
            and content.rstrip()[-1:] not in ("?", "!") and not _cue_right_before(before):
        return QuoteCall(q, "title", None, None, "every word capitalised: the name of a work, event or campaign")
    if titleish and n >= 1 and _ORG_AFTER.match(after):
        return QuoteCall(q, "name", None, None, "the name of an organisation, place or account")
    stripped = content.strip(" ,.;:")
    if n == 1 and 2 <= len(stripped) <= 6 and stripped.isupper() and stripped.isalpha():
        return QuoteCall(q, "title", None, None, "an acronym in quotation marks: the name of a show, group or thing")
    if stripped[:1].isdigit() and n <= cfg.scare_max_words:
        return QuoteCall(q, "other", None, None, "a number-led term (a code or technical label), not anyone's words")

    # The writer's own convention: the article quotes speech with one kind of mark and uses the other kind,
    # outside any quotation, around a short word or name (state media's ‘Israel’).
    fam = _family(q, text)
    if speech_family and fam != speech_family and q.depth == 0 and n <= 2 and not _in_headline(doc, q) \
            and first_char.isupper():
        return QuoteCall(q, "scare", None, None,
                         "short word in the writer's other quotation mark, not the one it uses for speech: "
                         "the writer's own distancing")

    clause = _clause_like(doc, q, words, before, outer_start)
    speaker, cue, how = _speaker_for(doc, q, cindex, by_sentence, last_direct, para_starts, cfg, clause)
    if clause and (speaker is not None or n >= cfg.direct_min_words or how == "cue"):
        return QuoteCall(q, "direct", speaker, cue, f"a clause of reported speech ({how})")
    if speaker is not None or how == "cue":
        if n <= cfg.scare_max_words and q.depth > 0:
            return QuoteCall(q, "scare", None, None, "short phrase set off inside another quotation: the quoted "
                                                     "speaker's own distancing")
        return QuoteCall(q, "partial", speaker, cue, f"a fragment of a speaker's words woven into the sentence ({how})")
    if 2 <= n <= 6 and (words[-1].lower() in _TITLE_NOUNS or (n >= 3 and _TITLE_AFTER.match(after))):
        return QuoteCall(q, "title", None, None, "names a rule, law, plan, agreement or test (a title, not a quote)")
    if n <= cfg.scare_max_words:
        return QuoteCall(q, "scare", None, None,
                         "short quoted phrase with no speaker in this or the previous sentence: the writer's own "
                         "distancing")
    if clause or n >= cfg.direct_min_words:
        return QuoteCall(q, "direct", None, None, "a clause of reported speech with no speaker found")
    return QuoteCall(q, "other", None, None, "quoted phrase with no speaker and no sign of irony")


def _starts_clause(before: str) -> bool:
    b = before.rstrip().rstrip("'\"\u201c\u201d\u2018\u2019").rstrip()
    return not b or b.endswith((":", ".", "!", "?"))


_CUE_BEFORE = re.compile(
    r"\b(?:said|says|say|saying|told|tells|telling|asked|asks|added|adds|adding|wrote|writes|replied|replies|"
    r"continued|declared|stated|tweeted|posted|explained|insisted|warned|noted|argued|claimed|stressed|"
    r"announced|responded|recalled|quipped|joked|shouted|chanted|chanting|called|calling|quote)\b"
    r"(?:\s+[\w\u2019'.-]+){0,5}\s*[,:]?\s*$", re.IGNORECASE)


def _cue_right_before(before: str) -> bool:
    b = before.rstrip().rstrip("'\"\u201c\u201d\u2018\u2019").rstrip()
    return bool(_CUE_BEFORE.search(b))


def _in_headline(doc: Document, q: QuoteSpan) -> bool:
    """Is the quotation in the first line of the text, or a line without a full stop (a headline or caption)?"""
    k = bisect_right([p.start for p in doc.paragraphs], q.start) - 1 if doc.paragraphs else -1
    if k < 0 or q.start >= doc.paragraphs[k].end:
        return False
    p = doc.paragraphs[k]
    line = doc.text[p.start:p.end]
    if not re.search(r"[.!?][\"'\u201d\u2019)]*\s*$", line):
        return True  # no full stop at the end: a headline, a caption, a related link
    # the first line of a longer text, when it is short, is the headline even with a full stop
    return k == 0 and len(doc.paragraphs) > 1 and len(line.split()) <= 20


def _title_case(words: list[str]) -> bool:
    sig = [w for w in words if w.lower() not in _SMALL]
    return len(sig) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in sig) and len(words) <= 12


def _between_names(text: str, q: QuoteSpan) -> bool:
    """Dwayne "The Rock" Johnson: a short quotation between two capitalised name parts on one line."""
    content = text[q.start:q.end]
    if len(content.split()) > 3 or content.rstrip()[-1:] in ",.;:!?":
        return False
    b = text[max(0, q.start - 25):q.start - 1]
    a = text[q.end + 1:q.end + 25]
    return bool(re.search(r"\b[A-Z][a-z]+ $", b)) and bool(re.match(r" [A-Z][a-z]+\b", a)) and \
        not re.search(r"\b(?:said|says|told|The|A|An)\s$", b)


def _clause_like(doc: Document, q: QuoteSpan, words: list[str], before: str, outer_start: int | None) -> bool:
    """The guidelines' clause test, approximated by position: does the quotation start a sentence or clause?"""
    text = doc.text
    content = text[q.start:q.end].strip()
    if not content:
        return False
    b = before.rstrip().rstrip("'\"\u201c\u201d\u2018\u2019").rstrip()
    starts_sentence = not b or b.endswith((":", "\u2014", "\u2013", ".", "!", "?")) or (
        b.endswith(",") and _cue_right_before(b)) or bool(re.search(r"\b(?:said|says|saying|told|asked|added|"
                                                                   r"wrote|replied|continued)\s*$", b))
    if q.depth > 0 and outer_start is not None and not text[outer_start:q.start - 1].strip():
        starts_sentence = True  # “‘Why aren’t we?’ they ask”: a quotation opening its enclosing one
    first = content.lstrip("\u2026. ([")[:1]
    ends = content.rstrip()[-1:] in ".!?,;:\u2026-\u2014" or text[q.end + 1:q.end + 2] in (",", ".")
    if starts_sentence and (first.isupper() or first.isdigit()):
        return True
    if starts_sentence and len(words) >= 3 and ends:
        return True  # a continuation starting lower-case ("...," he said, "and more.")
    return False


def _speaker_for(doc: Document, q: QuoteSpan, cindex: tuple[list[Attr], list[int]], by_sentence: dict[int, list[Attr]],
                 last: tuple[str | None, str | None, int] | None, para_starts: list[int], cfg: Config,
                 clause: bool) -> tuple[str | None, str | None, str]:
    """Speaker and cue of a quotation, and how they were found (``clause``: does it look like a clause?)."""
    text = doc.text
    # 1. an attribution with a source whose content is, or contains, this quotation (the innermost one)
    best = None
    by_content, content_starts = cindex
    k = bisect_right(content_starts, q.start)
    # contents nest or follow each other; the ones starting closest before the quotation are the candidates
    for a in by_content[max(0, k - 40):k]:
        if a.source is None and a.source_type != "media":
            continue
        if doc.tok_start[a.source[0]] <= q.start and q.end <= doc.tok_end[a.source[1]] if a.source else False:
            continue  # the quotation is part of the source itself (a discredited "expert" told ...)
        if a.content and a.content[0] <= q.start and q.end <= a.content[1]:
            if best is None or (a.content and best.content and a.content[1] - a.content[0]
                                < best.content[1] - best.content[0]):
                best = a
    if best is not None:
        return best.speaker, _cue_text(doc, best), "cue"
    # 2. a cue with a source right before the quotation in the same sentence ("called it a 'disaster'")
    si = doc.sentence_of(q.start)
    near = [a for a in by_sentence.get(si, []) if a.source is not None
            and 0 <= q.start - doc.tok_end[a.cue_last] <= 120
            and not (doc.tok_start[a.source[0]] <= q.start and q.end <= doc.tok_end[a.source[1]])]
    if near:
        a = near[-1]
        return a.speaker, _cue_text(doc, a), "cue"
    # 3. a headline "Name: ... '...'"
    line_start = text.rfind("\n", 0, q.start) + 1
    m = re.match(r"\s*((?:[A-Z][\w.\u2019'-]*\s?){1,4}):\s", text[line_start:q.start])
    if m and _in_headline(doc, q):
        return m.group(1).strip(), "headline colon", "headline"
    # 4. an epigraph signed after a dash: “The sabbath was made for man ...” —Mark 2:27
    m = _SIGNED.match(text, q.end + 1)
    if m:
        return m.group(1).strip(), "dash", "signed after a dash"
    # 4b. a transcript paragraph ("TRUMP: Look, ... I would have said, 'Thanks, Jeff'")
    m = _TRANSCRIPT.match(text, line_start) if clause else None
    if m and q.start > m.end():
        return m.group(1).title(), "transcript label", "transcript"
    # 5. a paragraph introduced by a colon at the end of the previous one ("X had the following response:")
    intro = _colon_intro(doc, q)
    if intro is not None:
        return intro, None, "introduced by a colon at the end of the previous paragraph"
    # 5. a clause that continues the last speaker's quotation in this or the previous paragraph
    if last is not None and clause:
        sp, cue, pi = last
        here = _para_index(para_starts, q.start)
        if here - pi <= 1:
            return sp, cue, "continues the previous speaker's quotation"
    return None, None, "none"


_SIGNED = re.compile(r"[ \t]*[\u2014\u2013-]{1,2}[ \t]*((?:[A-Z][\w.\u2019'-]*[ \t]?){1,4}(?:\d[\d:]*)?)[ \t]*(?:\n|$)")
_TRANSCRIPT = re.compile(r"\s*([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s")
_LEADING_NAME = re.compile(r"((?:[A-Z][\w.\u2019'-]*\s+){0,3}[A-Z][\w\u2019'-]+)(?=[\s,])")


def _colon_intro(doc: Document, q: QuoteSpan) -> str | None:
    """The named subject of a sentence ending in ":" at the end of the paragraph before this quotation."""
    si = doc.sentence_of(q.start - 1)
    if si <= 0:
        return None
    sent = doc.sentences[si]
    prev = doc.sentences[si - 1]
    gap = doc.text[prev.end:sent.start]
    if "\n" not in gap or not doc.text[prev.start:prev.end].rstrip().endswith(":"):
        return None
    m = _LEADING_NAME.match(doc.text, prev.start, prev.end)
    if not m or len(m.group(1).split()) < 2 or m.group(1).split()[0].lower() in ("the", "a", "an", "this", "in"):
        return None
    return m.group(1)


def _content_index(attrs: list[Attr]) -> tuple[list[Attr], list[int]]:
    """Attributions with a content span, sorted by where the content starts, and those starts."""
    ordered = sorted((a for a in attrs if a.content), key=lambda a: (a.content[0], a.cue_first))  # type: ignore[index]
    return ordered, [a.content[0] for a in ordered]  # type: ignore[index]


def _cue_text(doc: Document, a: Attr) -> str:
    return doc.text[doc.tok_start[a.cue_first]:doc.tok_end[a.cue_last]]
