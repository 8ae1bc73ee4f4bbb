"""Speed and proof rate of the threat-space solver (envs.gomoku.solver) on 15x15 positions. Prints a table.

    .venv/bin/python benchmarks/gomoku_solver.py [--positions 40]

Positions: noisy heuristic self-play (the env's midgame task) with 10-60 stones, both rules. For each
position: a VCF search for the side to move (found or not, time); and every candidate move
(``GomokuEnv.candidate_actions``: empty points within two of a stone) valued by the one-ply proof and by the
solver's proof (:func:`envs.gomoku.solver.proven_values`): the fraction proven and the time per move, with
the ratio of the two times measured in the same run. Then the same for the depth-limited VCT
(:func:`envs.gomoku.solver.vct`, ``--vct-depth`` threats, default node budget): the root search against the VCF
search (found, median seconds, ratio of medians), and the per-move proof with ``vct_depth`` against the VCF
proof (fraction proven, seconds per move, ratio). The VCT kernels compile once per process (not cached).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import numpy as np  # noqa: E402

from envs.gomoku import oracle, solver  # noqa: E402
from envs.gomoku.env import GomokuEnv  # noqa: E402
from envs.gomoku.state import decode_state  # noqa: E402
from envs.gomoku.text import point_index  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--positions", type=int, default=40)
    ap.add_argument("--vct-depth", type=int, default=solver.DEFAULT_VCT_DEPTH)
    args = ap.parse_args()
    print("rule    positions  VCF found  s/VCF    moves  one-ply proven  solver proven  s/move(1-ply)  "
          "s/move(solver)  ratio")
    for exact5 in (False, True):
        env = GomokuEnv(size=15, exact_five=exact5, stones=(10, 60))
        states = [decode_state(s) for s in env.sample_states(args.positions, seed=100)]
        solver.vcf(states[0].board, states[0].to_move, exact5)  # compile or load the kernels
        solver.proven_values(states[0].board[None], [states[0].to_move], [int(states[0].empty_points()[0])], exact5)
        oracle.proven_values(states[0].board[None], [states[0].to_move], [int(states[0].empty_points()[0])], exact5)
        found, vcf_t = 0, []
        n_moves, p1, p2, t1, t2 = 0, 0, 0, 0.0, 0.0
        for st in states:
            t0 = time.perf_counter()
            found += solver.vcf(st.board, st.to_move, exact5) is not None
            vcf_t.append(time.perf_counter() - t0)
            moves = [point_index(a, 15) for a in env.candidate_actions(st)]
            b = np.repeat(st.board[None], len(moves), 0)
            tm = [st.to_move] * len(moves)
            t0 = time.perf_counter()
            one = oracle.proven_values(b, tm, moves, exact5)
            t1 += time.perf_counter() - t0
            t0 = time.perf_counter()
            deep = solver.proven_values(b, tm, moves, exact5)
            t2 += time.perf_counter() - t0
            n_moves += len(moves)
            p1 += int((~np.isnan(one)).sum())
            p2 += int((~np.isnan(deep)).sum())
        print(f"{'exact5' if exact5 else 'free':6s}  {len(states):9d}  {found:9d}  {statistics.median(vcf_t):.5f}  "
              f"{n_moves:6d}  {p1 / n_moves:14.3f}  {p2 / n_moves:13.3f}  {t1 / n_moves:13.6f}  "
              f"{t2 / n_moves:14.6f}  {t2 / max(t1, 1e-12):6.1f}")
    vct_table(args)


def vct_table(args):
    k = args.vct_depth
    print(f"\nVCT (depth {k}) against VCF, same positions")
    print("rule    VCF found  VCT found  med s/VCF  med s/VCT  ratio  VCF-proof proven  VCT-proof proven  "
          "s/move(VCF)  s/move(VCT)  ratio")
    for exact5 in (False, True):
        env = GomokuEnv(size=15, exact_five=exact5, stones=(10, 60))
        states = [decode_state(s) for s in env.sample_states(args.positions, seed=100)]
        st = states[0]
        solver.vct(st.board, st.to_move, exact5, depth=k)  # compile the VCT kernels
        f1 = f2 = 0
        t_vcf, t_vct, m_vcf, m_vct = [], [], [], []
        n_moves = p1 = p2 = 0
        for st in states:
            t0 = time.perf_counter()
            f1 += solver.vcf(st.board, st.to_move, exact5) is not None
            t_vcf.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            f2 += solver.vct(st.board, st.to_move, exact5, depth=k) is not None
            t_vct.append(time.perf_counter() - t0)
            moves = [point_index(a, 15) for a in env.candidate_actions(st)]
            b = np.repeat(st.board[None], len(moves), 0)
            tm = [st.to_move] * len(moves)
            t0 = time.perf_counter()
            one = solver.proven_values(b, tm, moves, exact5)
            m_vcf.append((time.perf_counter() - t0) / len(moves))
            t0 = time.perf_counter()
            deep = solver.proven_values(b, tm, moves, exact5, vct_depth=k)
            m_vct.append((time.perf_counter() - t0) / len(moves))
            n_moves += len(moves)
            p1 += int((~np.isnan(one)).sum())
            p2 += int((~np.isnan(deep)).sum())
        a, bb = statistics.median(t_vcf), statistics.median(t_vct)
        c, d = statistics.median(m_vcf), statistics.median(m_vct)
        print(f"{'exact5' if exact5 else 'free':6s}  {f1:9d}  {f2:9d}  {a:9.5f}  {bb:9.5f}  {bb / max(a, 1e-12):5.1f}  "
              f"{p1 / n_moves:16.3f}  {p2 / n_moves:16.3f}  {c:11.6f}  {d:11.6f}  {d / max(c, 1e-12):5.1f}")


if __name__ == "__main__":
    main()
