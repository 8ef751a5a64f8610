"""The index: passages embedded into Chroma, BM25 beside them, what readers see, index runs."""
