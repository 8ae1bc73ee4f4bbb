"""The reward-variance study: bias, variance, MSE and decision accuracy of an env's reward vs its budget.

    from envs.study import run_study
    result = run_study("Gomoku9x9-LLM-v0", budgets=[4, 16, 64, 256], states=20, repeats=8, out="study-out")
    print(result.format_table())

The same from the shell: ``rewarddial study Gomoku9x9-LLM-v0 --budgets 4,16,64,256 --states 20 --out DIR``
(``--groups 2,4,8,16`` adds GRPO's group-level metrics). GRPO itself, on a tabular policy with the budgeted
oracle as reward::

    from envs.study import run_simulation
    sim = run_simulation("Gomoku9x9-LLM-v0", budgets=[4, 16, 64], groups=[2, 4, 8], states=16, iterations=50)
    print(sim.format_table())

(``rewarddial simulate ...`` from the shell).
"""
from .cache import TruthCache, TruthCacheWarning, default_cache_dir
from .groups import group_advantages, group_metrics
from .results import StudyResult
from .runner import QUICK, parse_budgets, parse_groups, parse_truth, run_study
from .simulate import SimulationResult, run_simulation
from .stats import decision_accuracy, pair_stats, rank_correlation, spearman

__all__ = [
    "QUICK", "StudyResult", "TruthCache", "TruthCacheWarning", "decision_accuracy", "default_cache_dir",
    "group_advantages", "group_metrics", "pair_stats", "parse_budgets", "parse_groups", "parse_truth",
    "rank_correlation", "run_simulation", "run_study", "SimulationResult", "spearman",
]
