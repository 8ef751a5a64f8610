"""What the fork server (`tests.integration.forks`) imports once for every child it forks.

The packaged model is loaded offline: `SentenceTransformerEmbedder` sets these two variables
before it imports sentence-transformers, whose hub client reads them at import time; they are
set here the same way, so a forked child starts as a new `newsdesk` process would.
"""

import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import sentence_transformers  # noqa: F401

import index.cli
import index.service
import index.store.snapshot  # noqa: F401
