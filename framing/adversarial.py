"""Families of generated texts that stress the engine's running time (used by the scaling tests and
``benchmarks/scaling.py``). Each family maps a size in characters to a text of about that size.

Every step of the engine must be linear in the text, whatever the text: these families are the cases where a
quadratic loop or a backtracking regular expression would show, and the scaling test checks that eight times the
text costs at most sixteen times the time.

The second half generates many small inputs for fuzzing (``benchmarks/fuzz.py`` and ``tests/test_fuzz.py``): texts
and JSON lines made of the pieces news text and broken files are made of, and the output contract they must meet.
"""

from __future__ import annotations

import gc
import json
import random
import time
from collections.abc import Callable
from typing import Any

ATTRIBUTED = '"We will win," he said. '
ARTICLE = ('Senator Jane Doe said on Tuesday that the "so-called reform" was a disaster. "It will hurt families," '
           'she told reporters in Washington. The regime\'s terrorists, officials claimed, had attacked the city. '
           'According to a spokesman for the ministry, the talks would resume. ')


def _repeat(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _random_chars(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?'\"()-\u2019\u201c\u201d\u2014"
    return "".join(rng.choice(alphabet) for _ in range(n))


def _mixed_scripts(n: int) -> str:
    return _repeat("Путин сказал «нет». 习近平说“是”。 قال الرئيس \"نعم\". Biden said \u201cyes.\u201d ", n)


FAMILIES: dict[str, Callable[[int], str]] = {
    "dots without spaces": lambda n: "Hello" + "." * n,
    "mixed sentence marks without spaces": lambda n: "Hello" + _repeat(".!?\u2026", n),
    "open then close brackets": lambda n: "(" * (n // 2) + ")" * (n // 2),
    "hyphens": lambda n: "a" + "-" * n + "b",
    "attributed quotations": lambda n: _repeat(ATTRIBUTED, n),
    "quotation marks only": lambda n: _repeat('"', n),
    "single marks and apostrophes": lambda n: _repeat("'a' don't 'b ", n),
    "nested quotation marks": lambda n: "\u201c\u2018" * (n // 4) + "x" + "\u2019\u201d" * (n // 4),
    "nested brackets": lambda n: "(" * (n // 2) + "x" + ")" * (n // 2),
    "random characters, no spaces": lambda n: _random_chars(n),
    "one long token": lambda n: "a" * n,
    "short sentences": lambda n: _repeat("Go. ", n),
    "short paragraphs": lambda n: _repeat("He said so.\n", n),
    "one giant sentence": lambda n: "The " + _repeat("very big and ", n) + "end.",
    "capitalised words": lambda n: _repeat("Mr. John Smith of the United Nations Security Council ", n) + "said.",
    "many attributions": lambda n: _repeat("Officials said that the minister told reporters it was, he added, fine. ", n),
    "many loaded terms": lambda n: _repeat("terrorists regime slammed so-called radical extremist thugs ", n),
    "article text": lambda n: _repeat(ARTICLE, n),
    "markup tags": lambda n: _repeat('<p class="story-body"><a href="x.html">link</a></p> ', n),
    "hard-wrapped lines": lambda n: _repeat("the minister said that the talks would go on for some days and\n", n),
    "mixed scripts": _mixed_scripts,
    "quoted names and titles": lambda n: _repeat('the film "Parasite" and the "Unite the Right" rally, ', n),
    # speaker roles: many distinct speakers, each named once with a long description, many pronouns to resolve
    "many described speakers": lambda n: "".join(
        f"Ann Lee{i}, a senior fellow of the Cato Institute and former state senator, said {i}. She added so. "
        for i in range(max(1, n // 90))),
    "colons and dashes": lambda n: _repeat("Trump: \u2014 \"No\" \u2014 ", n),
    # embedded posts: many signatures on one line, and dashes that start a signature that never ends
    "embedded posts": lambda n: _repeat("Terrible regime. \u2014 Jane Doe (@jdoe) May 1, 2020 ", n),
    "unfinished signatures": lambda n: _repeat("\u2014 " + "x" * 50 + " (@", n),
    "a dash before a long run of spaces": lambda n: "Follow us (@news). The regime fell - " + " " * n + "and that was all.",
    # a headline label of one long capitalised word before its colon and a quotation (a backtracking trap for a
    # pattern of capitalised words), and a sentence of many quotations after a capitalised opener and one long
    # lower-case word (each quotation looks for the sentence's subject)
    "a long headline label before a quotation": lambda n: "A" + "B" * n + ': "We will win," says Smith\n\nBody.',
    "quotations after a long lower-case word": lambda n: "Ann Vale " + "x" * (n // 2) + " Bo Lee said "
    + _repeat('"a b," ', n // 16) + ".",
    # a quotation signed after a dash with one long capitalised word that ends in no signature (the signature
    # patterns could split such a word into "words" in ever more ways)
    "a long capitalised word after a signed quotation": lambda n: 'She came.\n\n\u201cWe loved it.\u201d \u2014 '
    + "A" * n + " x\n\nEnd.",
    # one sentence of many coordinated reporting verbs, and one of many pronoun sources (each verb's subject, and
    # each pronoun's person, were looked for from the sentence's start)
    "coordinated reporting verbs": lambda n: "The spokeswoman declined to comment; Vale avoided that " + _repeat(
        "but said it was bad and insisted ", n) + ".",
    "pronoun sources in one sentence": lambda n: "The report was out. " + _repeat("he's said she told ", n)
    + '"it was bad."',
    # a long run of one letter inside a short quotation (a pattern with two runs of a letter side by side tries
    # every split of it: the interjections "oops", "boo")
    "one long quoted word": lambda n: 'It was a "b' + "o" * n + 'x" moment.',
    # a long first word, then many quotations in one sentence (each quotation's subject was looked for from the
    # sentence's start with unbounded words); and the same with no full stop, so that it reads as a headline
    "a long first word before many quotations": lambda n: "A" + "b" * (n // 2) + " x"
    + _repeat(' the "peace dividend" is', n // 2) + ".",
    "a long first word before many quotations, no full stop": lambda n: "A" + "b" * (n // 2) + " x"
    + _repeat(' the "peace dividend" is', n // 2),
    "a long run of capitals opening a paragraph of first-person reports": lambda n: "A" * (n // 2)
    + _repeat(" I said it would work.", n // 2),
    # names renamed by a phrase before them, in one sentence: the role of each looks back for an opening clause
    "appositions in one long sentence": lambda n: "After the vote " + _repeat(
        "the minister, Aisha Patel, said it, and its spokeswoman Clara Novak said so, and ", n) + "others agreed.",
}


def analyse_seconds(text: str, repeat: int = 3) -> float:
    """The fastest of ``repeat`` timings of ``framing.analyse(text)``, in CPU seconds of this process: the figure
    least disturbed by other work on the machine (time spent waiting for a core is not counted). The cyclic garbage
    collector is paused while timing (the engine makes no reference cycles), so that when it happens to run does not
    blur the cost of the engine's own steps."""
    from framing.report import analyse

    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            analyse(text)
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return best


# -- fuzzing ------------------------------------------------------------------------------------------------------

# What news text and broken input are made of: quotation marks of every family, brackets, sentence marks, reporting
# verbs and source words, names and titles, markup, line breaks of every kind, invisible and combining characters,
# other scripts, lone surrogates and control characters.
_PIECES = (
    list("abcdefgh ABCDEFGH.,;:!?\n\"'()[]{}-`<>=&#/\\*_~|")
    + ["\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e", "\u201a", "\u2039", "\u203a",
       "\u300c", "\u300d", "\u2014", "\u2013", "\u2026", "\u00a0", "\u200b", "\u200d", "\ufeff", "\u2028",
       "\u2029", "\r\n", "\r", "\t", "\x0c", "\x00", "\x1b", "\ud800", "\udfff", "\u0301", "\u202e",
       "\U0001f600", "\ufffd"]
    + ["said", " said ", "says", "told reporters", "claimed", "according to", "as saying", "slammed", "added",
       "he", "she", "they", "officials", "a spokesman for the ministry", "Mr.", "Dr.", "Sen.", "U.S.", "Jane Doe",
       "President Smith", "terrorists", "so-called", "regime", "radical", "disaster", "\n\n", "``", "''", '""',
       "a long line of wrapped text\n", '<p class="story">', "</p>", "<br>", "&quot;", "&amp;", "http://x.org/a?b=c",
       "(Reuters) - ", "WASHINGTON \u2014 ", "\u2014 Jane Doe (@jdoe) May 1, 2020", "(@x)", "Путин сказал", "说", "قال", "1,000", "3.5%", "'90s", "don't"]
)


def fuzz_text(rng: random.Random) -> str:
    """One generated text: mostly pieces of news text in random order, sometimes any code points at all."""
    mode = rng.random()
    if mode < 0.1:
        return "".join(chr(rng.randrange(0x110000)) for _ in range(rng.randrange(300)))
    if mode < 0.2:
        return "".join(chr(rng.randrange(0x20, 0x7f)) for _ in range(rng.randrange(300)))
    return "".join(rng.choice(_PIECES) for _ in range(rng.randrange(120)))


def contract_violations(text: str, report: Any) -> list[str]:
    """How ``report`` (from ``framing.analyse(text)``) breaks the output contract: every finding covers at least
    one character of the text and its ``text`` is the text at its offsets, sources and contents lie inside the text,
    a quotation's marks are inside it, and the report serialises to JSON."""
    from framing.inputs import dumps

    bad = []
    n = len(text)
    for f in report.findings:
        where = f"{f.type} at {f.start}-{f.end}"
        if not 0 <= f.start < f.end <= n:
            bad.append(f"{where}: offsets outside the text (length {n}) or empty")
        elif text[f.start:f.end] != f.text:
            bad.append(f"{where}: its text is not the text at its offsets")
        if f.type == "attribution":
            if f.source is not None and text[f.source_start:f.source_end] != f.source:
                bad.append(f"{where}: the source is not the text at its offsets")
            if f.content_start is not None and not 0 <= f.content_start <= f.content_end <= n:
                bad.append(f"{where}: the content's offsets are outside the text")
        if f.type == "quote" and not (f.start >= 1 and f.end < n):
            bad.append(f"{where}: a quotation's marks must be inside the text")
    try:
        dumps(report.to_dict())
    except (TypeError, ValueError) as exc:
        bad.append(f"the report does not serialise: {exc}")
    return bad


def fuzz_jsonl_line(rng: random.Random) -> bytes:
    """One generated line of a JSONL file: a record with odd but legal fields, or one of the ways lines break
    (cut short, not an object, nested thousands deep, invalid UTF-8, a NUL, random bytes, blank)."""
    mode = rng.random()
    if mode < 0.6:
        rec: dict[str, Any] = {}
        for key, values in (("id", [None, "a", "", " ", 7, 2.5, True, {"x": 1}, ["y"], "x" * 300]),
                            ("text", [None, "", 5, ["t"], {"t": 1}] + [""] * 5),
                            ("source", [None, "Herald", "", 3, {"name": "x"}, ["s"], False]),
                            ("date", [None, "2020-01-02", "yesterday", 1577836800, "20191029153000", ""]),
                            ("title", [None, "A title", 1]), ("extra", [None, {"deep": [1, 2]}, 1.5, "v"])):
            v = rng.choice(values)
            if key == "text" and v == "":
                v = fuzz_text(rng)
            if v is not None or rng.random() < 0.3:
                rec[key] = v
        return json.dumps(rec, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    if mode < 0.7:
        line = json.dumps({"id": "c", "text": fuzz_text(rng)}).encode("utf-8", "surrogatepass")
        return line[:rng.randrange(len(line) + 1)]
    if mode < 0.75:
        d = rng.randrange(1, 3000)
        return b'{"text": "x", "m": ' + b"[" * d + b"]" * d + b"}"
    if mode < 0.8:
        return rng.choice([b"[1, 2]", b'"a string"', b"42", b"null", b"true"])
    if mode < 0.85:
        return b'{"text": "bad \xff\xfe bytes. He said so."}'
    if mode < 0.9:
        return b'{"text": "a \x00 NUL"}'
    if mode < 0.95:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(200))).replace(b"\n", b" ")
    return rng.choice([b"", b"   ", b"\t"])


def reader_violations(path: str, lines: list[bytes]) -> list[str]:
    """How the reader (:func:`framing.inputs.read`, the one ``framing analyse``, ``framing run`` and uploads share)
    breaks its contract on a file made of ``lines`` (joined with newlines): each non-blank line is one record or one
    error, or the whole file is one error; a record's text is a non-empty string."""
    from framing.inputs import read
    from framing.records import Record

    expected = {f"{path}:{i}" for i, line in enumerate(lines, 1) if line.decode("utf-8", "replace").strip()}
    items = list(read(path))
    if len(items) == 1 and items[0].origin == path:
        return []
    bad = []
    seen: set[str] = set()
    for it in items:
        if it.origin in seen:
            bad.append(f"{it.origin} read twice")
        seen.add(it.origin)
        if isinstance(it, Record) and not (isinstance(it.text, str) and it.text.strip()):
            bad.append(f"{it.origin}: a record without text")
    if seen != expected:
        bad.append(f"lines not accounted for once each: {sorted(seen ^ expected)[:5]}")
    return bad
