"""Families of generated texts that stress the engine's running time (used by the scaling tests and
``benchmarks/scaling.py``). Each family maps a size in characters to a text of about that size.

Every step of the engine must be linear in the text, whatever the text: these families are the cases where a
quadratic loop or a backtracking regular expression would show, and the scaling test checks that four times the
text costs at most about four times the time.
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable

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
    "colons and dashes": lambda n: _repeat("Trump: \u2014 \"No\" \u2014 ", n),
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
