"""The corpus: article files read and cleaned, passages cut, URLs and feeds added."""
