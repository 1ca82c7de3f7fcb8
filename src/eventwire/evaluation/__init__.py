"""Evaluation against gold-standard event data: gold readers, scoring levels, reports.

``evaluate(path)`` reads a gold JSONL file (format detected), codes every record and
returns the scores; ``to_table``/``to_json`` render them. See docs/evaluation.md.
"""

from .gold import FORMATS, GoldEvent, GoldFormat, GoldRecord, GoldSet, detect_format, read_gold, register_format
from .report import to_json, to_table
from .runner import evaluate, predict
from .scoring import Predicted, Scores, Tally, score

__all__ = ["FORMATS", "GoldEvent", "GoldFormat", "GoldRecord", "GoldSet", "Predicted", "Scores", "Tally",
           "detect_format", "evaluate", "predict", "read_gold", "register_format", "score", "to_json", "to_table"]
