"""A Gomocup-protocol test engine that behaves on the wire like a strong engine (Rapfi 0.43) as observed.

* It answers ``ABOUT`` with ``name="mock-rapfi", ...``.
* It prints its evaluation as ``MESSAGE Speed 375K | Depth 17-36 | Eval -162 | Node 364K | Time 200ms``, then
  ``MESSAGE Bestline ...``, then the move. Decided positions give mate scores for the side to move:
  ``Eval +M1`` (it has a five point), ``Eval +M3`` (two five points and the opponent none), ``Eval -M2`` (the
  opponent has two five points it cannot both block), else a number from a pattern count.
* It thinks for ``INFO timeout_turn`` milliseconds (``--think-fraction``, default 1.0, of it).
* After printing a move it ignores its input for ``--deaf-ms`` (default 150) milliseconds: each line read
  then is answered ``ERROR Unknown command: <line>`` and dropped, as the real engine did with a ``BOARD``
  sent right after its move.
* Its first move after ``START`` comes ``--first-ms`` (default 300) milliseconds late (start-up).
* It follows ``INFO rule 1`` (exactly five wins).

Faulty modes, ``--fault=NAME`` (``--fault-after=K``: behave for the first K queries, then fail):
``crash`` (exit on BOARD), ``hang`` (never answer BOARD), ``garbage`` (print junk lines, never a move),
``bad-move`` (answer ``99,99``), ``occupied`` (answer an occupied point), ``no-eval``, ``bad-eval``
(``Eval --5``), ``no-start`` (never answer START), ``start-error`` (``ERROR`` to START), ``late`` (answer
3 s late), ``binary`` (non-UTF-8 bytes before the move), ``close-stdout`` (close its output, keep running),
``exit-after-move`` (exit right after the move), ``no-about`` (never answer ABOUT), ``huge-line`` (a 1 MB
MESSAGE line before the move), ``stderr-flood`` (1 MB to stderr before the move).
"""
import os
import sys
import time

ARGS = dict((a.split("=", 1) + [""])[:2] for a in sys.argv[1:])
FAULT = ARGS.get("--fault", "")
FAULT_AFTER = int(ARGS.get("--fault-after", "0") or 0)
DEAF = float(ARGS.get("--deaf-ms", "150")) / 1000.0
FIRST = float(ARGS.get("--first-ms", "300")) / 1000.0
FRACTION = float(ARGS.get("--think-fraction", "1.0"))
DIRS = ((0, 1), (1, 0), (1, 1), (1, -1))
out = sys.stdout


def say(text):
    out.write(text + "\n")
    out.flush()


def run_length(stones, size, point, d):
    n = 1
    for sign in (1, -1):
        r, c = point[0] + sign * d[0], point[1] + sign * d[1]
        while 0 <= r < size and 0 <= c < size and (r, c) in stones:
            n += 1
            r, c = r + sign * d[0], c + sign * d[1]
    return n


def five_point(stones, size, point, exact):
    for d in DIRS:
        n = run_length(stones, size, point, d)
        if n == 5 or (n > 5 and not exact):
            return True
    return False


def pattern_score(own, opp, size):
    total = 0
    for r in range(size):
        for c in range(size):
            for dr, dc in DIRS:
                cells = [(r + k * dr, c + k * dc) for k in range(5)]
                if not all(0 <= a < size and 0 <= b < size for a, b in cells):
                    continue
                mine = sum(p in own for p in cells)
                theirs = sum(p in opp for p in cells)
                if theirs == 0:
                    total += (0, 1, 4, 16, 64, 0)[mine]
                if mine == 0:
                    total -= (0, 1, 4, 16, 64, 0)[theirs]
    return total


def think(own, opp, size, exact):
    """(move, eval text) for the side to move (own)."""
    empty = [(r, c) for r in range(size) for c in range(size) if (r, c) not in own and (r, c) not in opp]
    wins = [p for p in empty if five_point(own, size, p, exact)]
    threats = [p for p in empty if five_point(opp, size, p, exact)]
    if wins:
        return wins[0], "+M1"
    if len(threats) >= 2:
        return threats[0], "-M2"
    if threats:
        return threats[0], str(pattern_score(own | {threats[0]}, opp, size))
    for p in empty:  # a move that makes two five points (an open four) mates in 3
        if sum(five_point(own | {p}, size, q, exact) for q in empty if q != p) >= 2:
            return p, "+M3"
    centre = (size - 1) / 2
    best = min(empty, key=lambda p: (abs(p[0] - centre) + abs(p[1] - centre), p))
    return best, str(pattern_score(own, opp, size))


def main():
    size, exact, think_ms = 15, False, 1000
    queries = 0
    started = False
    deaf_until = 0.0
    first = True
    lines = iter(sys.stdin.readline, "")
    for raw in lines:
        cmd = raw.strip()
        if time.monotonic() < deaf_until:
            say(f"ERROR Unknown command: {cmd}")
            continue
        up = cmd.upper()
        if up.startswith("START"):
            if FAULT == "no-start":
                continue
            if FAULT == "start-error":
                say("ERROR unsupported size")
                continue
            size = int(cmd.split()[1])
            started = True
            first = True
            say("OK")
        elif up.startswith("INFO"):
            parts = up.split()
            if len(parts) == 3 and parts[1] == "RULE":
                exact = parts[2] == "1"
            if len(parts) == 3 and parts[1] == "TIMEOUT_TURN":
                think_ms = int(parts[2])
        elif up == "ABOUT":
            if FAULT != "no-about":
                say('name="mock-rapfi", version="0.43", author="rewarddial tests", country="-"')
        elif up == "END":
            return
        elif up == "BOARD" and started:
            own, opp = set(), set()
            for row in lines:
                row = row.strip()
                if row.upper() == "DONE":
                    break
                x, y, who = (int(v) for v in row.split(","))
                (own if who == 1 else opp).add((y, x))
            queries += 1
            fault = FAULT if queries > FAULT_AFTER else ""
            if fault == "crash":
                sys.exit(3)
            if fault == "hang":
                time.sleep(3600)
            if fault == "garbage":
                while True:
                    say("hello? 1,2,3 ,,, <answer>")
                    time.sleep(0.01)
            t0 = time.monotonic()
            move, ev = think(own, opp, size, exact)
            delay = think_ms * FRACTION / 1000.0 + (FIRST if first else 0.0)
            first = False
            time.sleep(max(0.0, delay - (time.monotonic() - t0)))
            if fault == "late":
                time.sleep(3.0)
            spent = int((time.monotonic() - t0) * 1000)
            if fault == "bad-eval":
                ev = "--5"
            if fault == "huge-line":
                say("MESSAGE " + "x" * 1_000_000)
            if fault == "stderr-flood":
                sys.stderr.write("e" * 1_000_000 + "\n")
                sys.stderr.flush()
            if fault == "binary":
                out.flush()
                sys.stdout.buffer.write(b"MESSAGE \xff\xfe\xfa garbage\n")
                sys.stdout.buffer.flush()
            if fault != "no-eval":
                say(f"MESSAGE Speed 375K | Depth 17-36 | Eval {ev} | Node 364K | Time {spent}ms")
                say(f"MESSAGE Bestline {chr(97 + move[1])}{size - move[0]}")
            if fault == "close-stdout":
                os.close(1)
                time.sleep(3600)
            if fault == "bad-move":
                move = (99, 99)
            if fault == "occupied" and (own or opp):
                move = sorted(own | opp)[0]
            say(f"{move[1]},{move[0]}")
            if fault == "exit-after-move":
                sys.exit(0)
            deaf_until = time.monotonic() + DEAF
        else:
            say(f"UNKNOWN {cmd}")


if __name__ == "__main__":
    main()
