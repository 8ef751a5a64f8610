"""The last turn of each conversation: in memory first, else from the feedback database."""

import datetime as dt

from bot.conversations import Conversations
from index.answer.followups import Turn
from index.feedback import Recorder
from index.models import Answer


def test_a_turn_is_remembered_per_conversation_and_under_its_message(tmp_path):
    talks = Conversations(Recorder(tmp_path / "f.sqlite3"))
    talks.remember((8, 1), Turn("how many EVs?", "49,000"), message=555)
    assert talks.previous((8, 1)) == Turn("how many EVs?", "49,000")
    assert talks.previous((555, None)) == Turn("how many EVs?", "49,000")  # its thread
    assert talks.previous((8, 2)) is None  # someone else in the channel


def test_after_a_restart_the_turn_is_read_back_from_the_database(tmp_path):
    recorder = Recorder(tmp_path / "f.sqlite3")
    asked = recorder.record(Answer("and canola?", True, "2 million tonnes",
                                   answered_question="how many tonnes of canola?"),
                            user=1, guild=7, channel=8)
    recorder.attach(asked, 777)
    talks = Conversations(recorder)  # a new process: nothing in memory
    assert talks.previous((8, 1)) == Turn("how many tonnes of canola?", "2 million tonnes")
    assert talks.previous((777, None)) == Turn("how many tonnes of canola?", "2 million tonnes")
    assert talks.previous((8, 2)) is None


def test_an_old_turn_is_forgotten_and_memory_is_bounded(tmp_path):
    talks = Conversations(Recorder(tmp_path / "f.sqlite3", enabled=False),
                          ttl=dt.timedelta(seconds=-1))
    talks.remember((8, 1), Turn("q", "a"))
    assert talks.previous((8, 1)) is None
    small = Conversations(Recorder(tmp_path / "g.sqlite3", enabled=False), size=2)
    for channel in range(3):
        small.remember((channel, None), Turn(f"q{channel}", ""))
    assert small.previous((0, None)) is None and small.previous((2, None)) == Turn("q2", "")
