"""Shared core: the text-environment base class, the Estimate every oracle returns, answer parsing."""
from .answer import completion_text, extract_answer
from .estimate import Estimate
from .textenv import CHARSET, INVALID_POLICIES, Scored, TextEnv

__all__ = ["CHARSET", "INVALID_POLICIES", "Estimate", "Scored", "TextEnv", "completion_text", "extract_answer"]
