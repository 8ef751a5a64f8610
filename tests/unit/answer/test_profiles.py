import pytest

from index.answer.nlp import get_nlp
from index.answer.profiles import descriptions


@pytest.mark.parametrize(("sentence", "name", "said"), [
    ("Talks were held with Kessarian President Teodor Valich in Halvane.", "Teodor Valich",
     ["Kessarian President"]),
    ('"It proves we can compete," said Colm Hardacre, Brightwell\'s managing director.',
     "Colm Hardacre", ["Brightwell's managing director"]),
    ("Brightwell's managing director, Colm Hardacre, said the plant would hire.", "Hardacre",
     ["Brightwell's managing director"]),
    ("Valich is the president of Kessaria.", "Valich", ["the president of Kessaria"]),
    ('"It was a risk," said Jonathan Sayle, who was Norland\'s ambassador in Halvane.',
     "Jonathan Sayle", ["Norland's ambassador in Halvane"]),
    # nothing said of what the name is: a courtesy title, a place, another name
    ("Mr Valich arrived on Thursday.", "Valich", []),
    ("Valich met Stroud in Halvane.", "Valich", []),
    ("Norland's Helena Stroud flew home.", "Helena Stroud", []),
])
def test_what_a_sentence_says_a_name_is_is_read_off_its_parse(sentence, name, said):
    assert descriptions(get_nlp()(sentence), name) == said
