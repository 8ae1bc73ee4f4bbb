"""A small Gomocup-protocol engine for the tests: it wins at once if it can, else blocks, else plays near
the centre, and reports ``MESSAGE Eval <v>`` (10000 when it can win, -10000 when it cannot stop a five, else 0).

Flags: --drop-first (ignore the first BOARD query, as a busy engine would), --no-eval, --crash (exit on BOARD).
"""
import sys

FLAGS = set(sys.argv[1:])


def fives(stones, size, point):
    r, c = point
    for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
        n = 1
        for sign in (1, -1):
            rr, cc = r + sign * dr, c + sign * dc
            while 0 <= rr < size and 0 <= cc < size and (rr, cc) in stones:
                n += 1
                rr, cc = rr + sign * dr, cc + sign * dc
        if n >= 5:
            return True
    return False


def main():
    size = 0
    dropped = False
    out = sys.stdout
    lines = iter(sys.stdin)
    for raw in lines:
        cmd = raw.strip()
        up = cmd.upper()
        if up.startswith("START"):
            size = int(cmd.split()[1])
            print("OK", file=out, flush=True)
        elif up.startswith("INFO"):
            continue
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
            if "--drop-first" in FLAGS and not dropped:
                dropped = True
                continue
            empty = [(r, c) for r in range(size) for c in range(size) if (r, c) not in own and (r, c) not in opp]
            wins = [p for p in empty if fives(own, size, p)]
            threats = [p for p in empty if fives(opp, size, p)]
            if wins:
                move, ev = wins[0], 10000
            elif threats:
                move, ev = threats[0], -10000 if len(threats) > 1 else 0
            else:
                centre = (size - 1) / 2
                move, ev = min(empty, key=lambda p: (abs(p[0] - centre) + abs(p[1] - centre), p)), 0
            if "--no-eval" not in FLAGS:
                print(f"MESSAGE depth 3 Eval {ev}", file=out, flush=True)
            print("DEBUG thinking done", file=out, flush=True)
            print(f"{move[1]},{move[0]}", file=out, flush=True)
        else:
            print(f"UNKNOWN {cmd}", file=out, flush=True)


if __name__ == "__main__":
    main()
