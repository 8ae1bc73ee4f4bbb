"""Shared core: the text-environment base class, the Estimate every oracle returns, answer parsing."""
from .answer import completion_text, extract_answer
from .estimate import Estimate, OracleFailure
from .registry import budget_name_for, env_class, env_spec
from .textenv import CHARSET, INVALID_POLICIES, Scored, TextEnv

__all__ = ["CHARSET", "INVALID_POLICIES", "Estimate", "OracleFailure", "Scored", "TextEnv", "budget_name_for",
           "completion_text", "env_class", "env_spec", "extract_answer"]
