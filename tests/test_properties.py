"""Property tests: any string is safe, offsets are valid, output is deterministic."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.inputs import dumps

PIECES = st.one_of(
    st.sampled_from(list("abcdefgh ABCDEFGH.,;:!?\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb-\u2014()`<>=")),
    st.sampled_from(["said", " said ", "claimed", "terrorists", "so-called", "Mr.", "according to", "regime",
                     "officials", "he", "quoted", "as saying", "slammed", "\u00a0", "\n\n", "``", "''", '""',
                     "a long line of wrapped text\n", '<p class="story">', "</p>"]),
    st.characters(),
)
NEWSY = st.lists(PIECES, max_size=120).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), NEWSY))
def test_any_string_gives_valid_offsets(text):
    r = framing.analyse(text)
    for f in r.findings:
        assert 0 <= f.start < f.end <= len(text), "a finding must cover at least one character"
        assert text[f.start:f.end] == f.text
        if f.type == "attribution":
            if f.source is not None:
                assert text[f.source_start:f.source_end] == f.source
            if f.content_start is not None:
                assert 0 <= f.content_start <= f.content_end <= len(text)
        if f.type == "quote":
            assert f.start >= 1 and f.end < len(text)


@settings(max_examples=100, deadline=None)
@given(NEWSY)
def test_output_is_deterministic(text):
    assert dumps(framing.analyse(text).to_dict()) == dumps(framing.analyse(text).to_dict())
