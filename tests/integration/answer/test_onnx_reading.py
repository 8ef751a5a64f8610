"""The reader on ONNX Runtime: a real local export of the shipped reader, checked against torch."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from index.answer.onnx_reading import OnnxReader, ensure_export, export_folder
from index.answer.reading import DEFAULT_READER
from index.answer.reading_backends import load_reader
from index.service import Newsdesk
from index.settings import Settings
from tests.conftest import REPO
from tests.integration.answer.test_reading import FERRY, FERRY_ANSWERS
from tests.integration.test_seed_questions import MISSED, QUESTIONS, check_answer

LONG = " ".join(["The committee met again and discussed the budget at length."] * 60) + (
    " The new bridge will open in 2031."
)


@pytest.fixture(scope="module")
def exported(onnx_root):
    folder, _ = ensure_export(DEFAULT_READER, onnx_root)
    return folder


def test_float_export_reads_like_torch_window_by_window(exported):
    torch_reader = load_reader()
    onnx_reader = OnnxReader(exported, "float", quantized=False)
    question = "When will the new bridge open?"
    expected = torch_reader.readings(question, [FERRY, LONG])
    found = onnx_reader.readings(question, [FERRY, LONG])
    assert [r.passage for r in found] == [r.passage for r in expected] == [0, 1, 1, 1]
    for got, want in zip(found, expected, strict=True):
        assert got.offsets == want.offsets
        assert np.allclose(got.starts, want.starts, atol=2e-3)
        assert np.allclose(got.ends, want.ends, atol=2e-3)


def _int8_exact() -> bool:
    """Return True on a CPU whose int8 products ONNX Runtime computes exactly (VNNI, AMX).

    The int8 tests below were fitted on such CPUs. With AVX2 alone its int8 kernels round
    differently, and the answers drift: a span may run on past torch's, a question near the
    decision's threshold may be declined (about 0.7 logits on a seed question).
    """
    try:
        flags = set(Path("/proc/cpuinfo").read_text().split())
    except OSError:
        return True
    return bool(flags & {"avx512_vnni", "avx_vnni", "amx_int8"})


INT8_EXACT = _int8_exact()


def _int8_case(question: str, answer: str):
    # the int8 export of minilm-squad2 runs this span on to the order's value (torch: "40")
    wider = INT8_EXACT and question == "How many electric buses will Harbourview buy?"
    marks = [pytest.mark.xfail(strict=True, reason="int8 span runs on")] if wider else []
    return pytest.param(question, answer, marks=marks)


@pytest.mark.parametrize(
    ("question", "answer"),
    [_int8_case(*case) for case in [*FERRY_ANSWERS, ("When will the new bridge open?", "2031")]],
)
def test_int8_export_marks_the_same_answers(exported, question, answer):
    reader = OnnxReader(exported, "int8", quantized=True)
    spans = reader.read(question, [FERRY, LONG], top=1)
    best = max((s[0] for s in spans), key=lambda s: s.score)
    marked = [FERRY, LONG][best.passage][best.start : best.end]
    if INT8_EXACT:
        assert marked == answer
    else:  # AVX2 alone: the span may run on past torch's, and must hold it
        assert answer in marked and len(marked.split()) <= 20


def test_a_second_export_is_not_made_and_the_name_follows_the_adapter(exported, onnx_root):
    assert ensure_export(DEFAULT_READER, onnx_root) == (exported, False)
    assert exported == export_folder(onnx_root, DEFAULT_READER)
    assert exported.name.startswith(f"reader-{DEFAULT_READER}-")
    assert OnnxReader(exported, "x", quantized=True).readings("Anything?", []) == []


def test_an_onnx_process_answers_without_transformers_or_peft(exported, onnx_root, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "buses.txt").write_text(f"Harbourview buys buses\n\n{FERRY}", encoding="utf-8")
    (tmp_path / "chroma-onnx").symlink_to(onnx_root)  # the exports, beside a store of its own
    env = {**os.environ, "CORPUS_DIR": str(corpus), "CHROMA_PATH": str(tmp_path / "chroma"),
           "EMBEDDING_BACKEND": "onnx-int8"}
    script = (
        "import json, sys\n"
        "from index.service import Newsdesk\n"
        "from index.settings import Settings\n"
        "desk = Newsdesk.open(Settings.from_env())\n"
        "desk.index()\n"
        "answer = desk.ask('Who is the mayor of Harbourview?')\n"
        "loaded = sorted(m for m in ('transformers', 'peft', 'sentence_transformers')\n"
        "                if m in sys.modules)\n"
        "print(json.dumps({'answer': answer.answer, 'loaded': loaded}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout.strip().splitlines()[-1])
    assert body == {"answer": "Alma Ruiz", "loaded": []}


@pytest.mark.skipif(not QUESTIONS, reason="../shared/eval/seed-questions.jsonl is absent")
def test_the_seed_questions_pass_on_int8(exported, onnx_root, shared_corpus, tmp_path):
    # the int8 reader's logits differ a little from torch's: the answers must not
    (tmp_path / "chroma-onnx").symlink_to(onnx_root)
    settings = Settings(corpus_dir=shared_corpus, chroma_path=tmp_path / "chroma",
                        embedding_backend="onnx-int8")
    desk = Newsdesk.open(settings)
    desk.index()
    declined = []
    for item in QUESTIONS:
        if item["id"] in MISSED:  # missed on torch too (test_seed_questions.py)
            continue
        answer = desk.ask(item["question"])
        if answer.answered or item["kind"] == "unanswerable":
            check_answer(answer, item)  # an answer given is right
        else:
            declined.append(item["id"])
    # with AVX2 alone (`_int8_exact`), a question whose torch answer is near the decision's
    # threshold (one seed: 0.144 against 0.14; 0.117 on int8) may be declined, never answered
    # wrongly
    assert len(declined) <= (0 if INT8_EXACT else 1), declined
