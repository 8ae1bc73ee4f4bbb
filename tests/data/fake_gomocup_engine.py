"""A small Gomocup-protocol engine for the tests: it wins at once if it can, else blocks, else plays near
the centre, and reports ``MESSAGE Eval <v>`` (10000 when it can win, -10000 when it cannot stop a five, else 0).

It follows ``INFO rule 1`` (exactly five wins; an overline does not).

Flags: --drop-first (ignore the first BOARD query, as a busy engine would), --slow-first (answer the first
BOARD query only after 1 s, as a warming-up engine would), --first-run-only=PATH (--drop-first and
--slow-first act only in the first engine started with this PATH, which it creates: a fresh engine behaves),
--count-eval (report ``Eval`` 100 x the number of stones, so that each answer names the position it answers),
--no-eval, --crash (exit on BOARD).
"""
import os
import sys
import time

FLAGS = {arg.split("=", 1)[0] for arg in sys.argv[1:]}
VALUES = dict(arg.split("=", 1) for arg in sys.argv[1:] if "=" in arg)


def first_run():
    """Is this the first engine started with the --first-run-only marker (always true without one)."""
    marker = VALUES.get("--first-run-only")
    if marker is None:
        return True
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


def fives(stones, size, point, exact=False):
    r, c = point
    for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
        n = 1
        for sign in (1, -1):
            rr, cc = r + sign * dr, c + sign * dc
            while 0 <= rr < size and 0 <= cc < size and (rr, cc) in stones:
                n += 1
                rr, cc = rr + sign * dr, cc + sign * dc
        if n == 5 or (n > 5 and not exact):
            return True
    return False


def main():
    size = 0
    exact = False
    quirky = ("--drop-first" in FLAGS or "--slow-first" in FLAGS) and first_run()
    dropped = slowed = False
    out = sys.stdout
    lines = iter(sys.stdin)
    for raw in lines:
        cmd = raw.strip()
        up = cmd.upper()
        if up.startswith("START"):
            size = int(cmd.split()[1])
            print("OK", file=out, flush=True)
        elif up.startswith("INFO"):
            parts = up.split()
            if len(parts) == 3 and parts[1] == "RULE":
                exact = parts[2] == "1"
        elif up == "ABOUT":
            print('name="fake-gomocup", version="1.0"', file=out, flush=True)
        elif up == "END":
            return
        elif up == "BOARD":
            if "--crash" in FLAGS:
                sys.exit(3)
            own, opp = set(), set()
            for row in lines:
                row = row.strip()
                if row.upper() == "DONE":
                    break
                x, y, who = (int(v) for v in row.split(","))
                (own if who == 1 else opp).add((y, x))
            if quirky and "--drop-first" in FLAGS and not dropped:
                dropped = True
                continue
            if quirky and "--slow-first" in FLAGS and not slowed:
                slowed = True
                time.sleep(1.0)
            empty = [(r, c) for r in range(size) for c in range(size) if (r, c) not in own and (r, c) not in opp]
            wins = [p for p in empty if fives(own, size, p, exact)]
            threats = [p for p in empty if fives(opp, size, p, exact)]
            if wins:
                move, ev = wins[0], 10000
            elif threats:
                move, ev = threats[0], -10000 if len(threats) > 1 else 0
            else:
                centre = (size - 1) / 2
                move, ev = min(empty, key=lambda p: (abs(p[0] - centre) + abs(p[1] - centre), p)), 0
            if "--count-eval" in FLAGS:
                ev = 100 * (len(own) + len(opp))
            if "--no-eval" not in FLAGS:
                print(f"MESSAGE depth 3 Eval {ev}", file=out, flush=True)
            print("DEBUG thinking done", file=out, flush=True)
            print(f"{move[1]},{move[0]}", file=out, flush=True)
        else:
            print(f"UNKNOWN {cmd}", file=out, flush=True)


if __name__ == "__main__":
    main()
