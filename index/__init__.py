"""The newsdesk core: ingestion, passages, embeddings, Chroma, retrieval and answering.

Nothing in this package imports Discord; `bot/` is a thin layer on top of it.
"""
