import pytest

from framing.text import wordclass


@pytest.mark.parametrize("word, kind", [
    ("Despite", "closed"), ("Once", "closed"), ("Neither", "closed"), ("Why", "closed"), ("Will", "closed"),
    ("Let", "verb"), ("Imagine", "verb"), ("Needless", "adjective"), ("Former", "adjective"), ("More", "closed"), ("Last", "adjective"),
    ("Polls", "plural"), ("Students", "plural"),
    # names, singular nouns, unknown words and words in capitals throughout are never ordinary words here
    ("Warren", ""), ("Banks", ""), ("Sanders", ""), ("Holder", ""), ("Priebus", ""), ("WHO", ""), ("A", ""),
    ("despite", ""),
])
def test_opener_class(word, kind):
    assert wordclass.opener_class(word) == kind


def test_nouns():
    assert wordclass.plural_noun("engineers") and not wordclass.plural_noun("engineer")
    assert wordclass.common_noun("state") and wordclass.common_noun("communications")
    assert not wordclass.common_noun("former")
    assert wordclass.tag("Despite") == "IN" and wordclass.tag("zzxqv") == ""
