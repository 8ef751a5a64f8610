import pytest

from index.errors import ConfigError
from index.settings import Settings


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("FETCH_TIMEOUT_S", "-1", "expected a number of seconds above zero"),
        ("FETCH_TIMEOUT_S", "0", "expected a number of seconds above zero"),
        ("FETCH_TIMEOUT_S", "soon", "expected a number of seconds above zero"),
        ("FETCH_TIMEOUT_S", "nan", "expected a number of seconds above zero"),
        ("FETCH_MAX_BYTES", "-5", "expected a whole number of bytes above zero"),
        ("FETCH_MAX_BYTES", "0", "expected a whole number of bytes above zero"),
        ("FETCH_MAX_BYTES", "5MB", "expected a whole number of bytes above zero"),
        ("FETCH_MAX_BYTES", "1.5", "expected a whole number of bytes above zero"),
        ("FETCH_MAX_REDIRECTS", "-1", "expected a whole number, 0 or more"),
        ("FETCH_MAX_REDIRECTS", "five", "expected a whole number, 0 or more"),
        ("ANSWER_PRECISION", "fp16", "expected one of auto, bfloat16, float32"),
        ("ANSWER_PRECISION", "int8", "expected one of auto, bfloat16, float32"),
    ],
)
def test_bad_fetch_limits_say_what_is_expected(name, value, expected):
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({name: value})
    assert str(caught.value).startswith(f"{name}={value!r} is not valid: {expected}")


def test_fetch_limits_parse():
    settings = Settings.from_env(
        {"FETCH_TIMEOUT_S": "2.5", "FETCH_MAX_BYTES": "1048576", "FETCH_MAX_REDIRECTS": "0"}
    )
    assert (settings.fetch_timeout_s, settings.fetch_max_bytes) == (2.5, 1024 * 1024)
    assert settings.fetch_max_redirects == 0
    assert (Settings().fetch_timeout_s, Settings().fetch_max_bytes) == (20.0, 5 * 1024 * 1024)


def test_onnx_exports_sit_beside_the_chroma_folder(tmp_path):
    settings = Settings(chroma_path=tmp_path / "store" / "chroma")
    assert settings.onnx_dir == tmp_path / "store" / "chroma-onnx"


def test_answer_precision_parses_and_defaults_to_auto():
    assert Settings().answer_precision == "auto"
    assert Settings.from_env({"ANSWER_PRECISION": " BFloat16 "}).answer_precision == "bfloat16"
    assert Settings.from_env({"ANSWER_PRECISION": "float32"}).answer_precision == "float32"
