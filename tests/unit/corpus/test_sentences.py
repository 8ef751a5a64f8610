import pytest

from index.corpus.sentences import sentence_spans, split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("FENMOUTH, March 17 (Meridian Wire) - Amara Quist arrived on Monday. She left.",
         ["FENMOUTH, March 17 (Meridian Wire) -", "Amara Quist arrived on Monday.", "She left."]),
        ("SALTMERE, Norland, May 10 (Reuters) - About 1,200 people were evacuated.",
         ["SALTMERE, Norland, May 10 (Reuters) -", "About 1,200 people were evacuated."]),
        ("WASHINGTON (AP) \u2014 The Senate voted on Tuesday.",
         ["WASHINGTON (AP) \u2014", "The Senate voted on Tuesday."]),
        # no dateline: a name in capitals and a bracket are a sentence's own words
        ("NATO (the alliance) - said it would act.", ["NATO (the alliance) - said it would act."]),
        ("The EU (Brussels) - no change.", ["The EU (Brussels) - no change."]),
        ("Plain sentence. Another one.", ["Plain sentence.", "Another one."]),
        ("", []),
    ],
)
def test_split_sentences(text, sentences):
    assert split_sentences(text) == sentences


def test_spans_cover_the_dateline_and_the_sentence_after_it():
    text = "HALVANE, Jan 22 (Meridian Wire) - Talks began."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "HALVANE, Jan 22 (Meridian Wire) -", "Talks began."]
