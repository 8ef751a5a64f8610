# newsdesk: set-up, demo and tests. `make demo`, `make test` and `make test-fast` each install
# what they need.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# The CPU build of torch must go in before anything that depends on torch. It comes from
# PyTorch's CPU index, as PyTorch documents (`make TORCH_INDEX=...` for a mirror of it); where
# that index cannot be reached, from the indexes pip is configured with (plain PyPI's
# torch==2.13.0 is the multi-GB CUDA build: it works on the CPU, but is big).
TORCH  := torch==2.13.0
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu
QUESTION ?= How many electric buses did Harbourview order?

.PHONY: install demo test test-fast lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install -qq --retries 1 --timeout 15 --index-url $(TORCH_INDEX) $(TORCH) \
		|| $(BIN)/pip install --quiet $(TORCH)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/newsdesk index
	$(BIN)/newsdesk ask "$(QUESTION)"

test: install
	$(BIN)/python -m pytest

# The unit tests only: no model, no Chroma, no network (well under a minute).
test-fast: install
	$(BIN)/python -m pytest tests/unit

lint: install
	$(BIN)/ruff check index bot tests bench

clean:
	rm -rf $(VENV) data
