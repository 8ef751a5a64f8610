"""What the answerer's torch models compute in: ANSWER_PRECISION (`auto`, `bfloat16`, `float32`).

The reader and the word similarities of the lexicon run in bfloat16 where the CPU multiplies
bfloat16 natively (AVX512-BF16 or AMX): about twice as fast as float32 there, with the same
answers on the benchmarks (docs/benchmarks.md, "Answering in bfloat16"). Retrieval's vectors
stay float32, like the index they are compared with.
"""

from __future__ import annotations

from index.settings import ANSWER_PRECISIONS


def native_bfloat16() -> bool:
    """Return whether this CPU multiplies bfloat16 matrices in hardware (AVX512-BF16 or AMX).

    Without it torch still computes in bfloat16, by converting, and gains nothing over float32.
    """
    import torch

    capabilities = getattr(torch.cpu, "get_capabilities", dict)()
    return bool(capabilities.get("avx512_bf16") or capabilities.get("amx_bf16"))


def resolve_precision(precision: str) -> str:
    """Return the dtype name an ANSWER_PRECISION means here: `auto` picks by the CPU."""
    if precision not in ANSWER_PRECISIONS:
        raise ValueError(
            f"unknown answer precision {precision!r}; valid: {', '.join(ANSWER_PRECISIONS)}"
        )
    if precision == "auto":
        return "bfloat16" if native_bfloat16() else "float32"
    return precision
