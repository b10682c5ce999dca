"""Internal: the OCR engine, loaded on first use only (never at ``import rectpipe``).

rapidocr-onnxruntime ships the PP-OCRv4 detection and recognition models inside its wheel and
runs them on onnxruntime: nothing is downloaded at run time.
"""

from __future__ import annotations

import functools
import importlib.util
from typing import Any

from ...errors import MissingDependencyError
from ...runtime.record import record
from .settings import INSTALL_HINT

__all__ = ["ENGINE_MODULE", "Recognised", "available", "read_crop", "recognise"]

ENGINE_MODULE = "rapidocr_onnxruntime"


def available() -> bool:
    """Whether the OCR engine is installed (``rectpipe[ocr]``)."""
    return importlib.util.find_spec(ENGINE_MODULE) is not None


@record(frozen=False)
class Recognised:
    """One line the engine read: its text, score, box (four corners, top-left first, pixels)
    and one box per character of ``text`` (empty when the engine gave none)."""

    text: str
    score: float
    quad: list[list[float]]
    chars: list[list[list[float]]]


@functools.cache
def _engine(text_score: float, threads: int) -> Any:
    if not available():
        raise MissingDependencyError(f"no OCR engine; {INSTALL_HINT}")
    module = importlib.import_module(ENGINE_MODULE)
    options: dict[str, Any] = {"text_score": text_score, "print_verbose": False}
    if threads > 0:
        options["intra_op_num_threads"] = threads
        options["inter_op_num_threads"] = 1
    return module.RapidOCR(**options)


def recognise(
    image: Any, *, text_score: float = 0.5, threads: int = 0, turn_lines: bool = False
) -> list[Recognised]:
    """The lines the engine reads in ``image`` (an H×W×3 uint8 array, BGR), with at most
    ``threads`` CPU threads (0: the engine's choice); ``turn_lines``: each line is first
    classified as upright or upside down, and turned."""
    engine = _engine(text_score, threads)
    result, _ = engine(image, return_word_box=True, text_score=text_score, use_cls=turn_lines)
    lines: list[Recognised] = []
    for item in result or []:
        quad, text, score = item[0], str(item[1]), float(item[2])
        chars = item[3] if len(item) > 3 and item[3] else []
        lines.append(Recognised(text, score, [list(map(float, p)) for p in quad], chars))
    return lines


def read_crop(image: Any, *, text_score: float = 0.5, threads: int = 0) -> tuple[str, float]:
    """The text of ``image`` read as one line, without looking for lines first (a table cell
    the detector passed over), and its score; ``("", 0.0)`` when nothing is read."""
    engine = _engine(text_score, threads)
    result, _ = engine(image, use_det=False, use_cls=False, use_rec=True)
    if not result:
        return "", 0.0
    text, score = result[0][0], float(result[0][1])
    return str(text), score
