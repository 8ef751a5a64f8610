"""The stage timers of bench/stages.py: wrapped where callers look them up, results unchanged."""

import collections
import sys
import types
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from stages import STAGES, install


def test_install_times_a_module_function_and_a_method_without_changing_them(monkeypatch):
    module = types.ModuleType("stage_probe")

    class Box:
        def work(self, x: int) -> int:
            return x + 1

    def step(x: int) -> int:
        if x < 0:
            raise ValueError(x)
        return x * 2

    module.Box, module.step = Box, step
    monkeypatch.setitem(sys.modules, "stage_probe", module)
    spent = collections.defaultdict(float)
    install((("stage_probe", "step", "step"), ("stage_probe", "Box.work", "work")), spent)

    assert module.step(3) == 6
    assert module.Box().work(1) == 2
    assert spent["step"] > 0 and spent["work"] > 0
    before = spent["step"]
    with pytest.raises(ValueError):
        module.step(-1)
    assert spent["step"] > before  # a stage that raises is timed too


def test_every_stage_names_a_function_of_the_pipeline():
    import importlib

    for module_name, attribute, _ in STAGES:
        owner = importlib.import_module(module_name)
        for part in attribute.split("."):
            owner = getattr(owner, part)
        assert callable(owner), (module_name, attribute)
