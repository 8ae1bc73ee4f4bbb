"""Problem set B: every reference agrees with an independent brute force on the smallest pool inputs.

The brute forces below are written differently from the references (exhaustive search, fixpoints,
simulation); the problems whose ``too_slow`` variant is already such a brute force are checked by
``test_code_problems_b.py``.
"""
from __future__ import annotations

import itertools
import json
import statistics
from collections import Counter, deque
from fractions import Fraction

import pytest

from envs.code.builtin.set_b import PROBLEMS, _mirror, _serialise
from envs.code.problem import compile_solution, expected_output, outputs_equal, test_pool

SKIP = object()


# ------------------------------------------------------------------------------------------ tree helpers
def _tree(values):
    """Level order -> nested [val, left, right] (None for no node)."""
    if not values:
        return None
    root = [values[0], None, None]
    queue, i = deque([root]), 1
    while queue and i < len(values):
        node = queue.popleft()
        for side in (1, 2):
            if i < len(values) and values[i] is not None:
                node[side] = [values[i], None, None]
                queue.append(node[side])
            i += 1
    return root


def _nodes(t):
    return [] if t is None else [t] + _nodes(t[1]) + _nodes(t[2])


def _levels(t):
    out = []

    def go(n, d):
        if n is None:
            return
        if d == len(out):
            out.append([])
        out[d].append(n[0])
        go(n[1], d + 1)
        go(n[2], d + 1)

    go(t, 0)
    return out


def _parents(t):
    par = {id(t): None} if t else {}
    for n in _nodes(t):
        for c in (n[1], n[2]):
            if c is not None:
                par[id(c)] = n
    return par


def _path_up(node, par):
    out = []
    while node is not None:
        out.append(node)
        node = par[id(node)]
    return out


def _between(u, v, par):
    """The nodes on the tree path from u to v."""
    up_u, up_v = _path_up(u, par), _path_up(v, par)
    ids_v = {id(n) for n in up_v}
    lca = next(n for n in up_u if id(n) in ids_v)
    a = up_u[:[id(n) for n in up_u].index(id(lca)) + 1]
    b = up_v[:[id(n) for n in up_v].index(id(lca))]
    return a + b[::-1]


def _runs(points):
    """Maximal runs of consecutive integers in a set, as [lo, hi]."""
    out = []
    for p in sorted(points):
        if out and p == out[-1][1] + 1:
            out[-1][1] = p
        else:
            out.append([p, p])
    return out


def _cover(intervals):
    return {x for a, b in intervals for x in range(2 * a, 2 * b + 1)}


# ------------------------------------------------------------------------------------------- brute forces
def rob_circle(h):
    n, best = len(h), 0
    for m in range(1 << n):
        if n > 1 and any(m >> i & 1 and m >> ((i + 1) % n) & 1 for i in range(n)):
            continue
        best = max(best, sum(h[i] for i in range(n) if m >> i & 1))
    return best


def coin_change(coins, amount):
    dist, queue = {0: 0}, deque([0])
    while queue:
        a = queue.popleft()
        for c in coins:
            if a + c <= amount and a + c not in dist:
                dist[a + c] = dist[a] + 1
                queue.append(a + c)
    return dist.get(amount, -1)


def max_product(nums):
    best = None
    for i in range(len(nums)):
        for j in range(i + 1, len(nums) + 1):
            prod = 1
            for x in nums[i:j]:
                prod *= x
            best = prod if best is None else max(best, prod)
    return best


def knapsack(weights, values, capacity):
    best = 0
    for m in range(1 << len(weights)):
        chosen = [i for i in range(len(weights)) if m >> i & 1]
        if sum(weights[i] for i in chosen) <= capacity:
            best = max(best, sum(values[i] for i in chosen))
    return best


def components(n, edges):
    adj = {u: set() for u in range(n)}
    for a, b in edges:
        adj[a].add(b)
        adj[b].add(a)
    seen, count = set(), 0
    for s in range(n):
        if s not in seen:
            count += 1
            queue = deque([s])
            seen.add(s)
            while queue:
                for v in adj[queue.popleft()]:
                    if v not in seen:
                        seen.add(v)
                        queue.append(v)
    return count


def _reach(n, pairs):
    r = [[False] * n for _ in range(n)]
    for a, b in pairs:
        r[a][b] = True
    for k in range(n):
        for i in range(n):
            for j in range(n):
                r[i][j] = r[i][j] or (r[i][k] and r[k][j])
    return r


def can_finish(n, pre):
    r = _reach(n, [(b, a) for a, b in pre])
    return not any(r[i][i] for i in range(n))


def course_order(n, pre):
    if n > 6:
        return SKIP
    for perm in itertools.permutations(range(n)):
        pos = {c: i for i, c in enumerate(perm)}
        if all(pos[b] < pos[a] for a, b in pre):
            return list(perm)
    return []


def network_delay(times, n, k):
    inf = float("inf")
    dist = [inf] * (n + 1)
    dist[k] = 0
    for _ in range(n):
        for u, v, w in times:
            dist[v] = min(dist[v], dist[u] + w)
    worst = max(dist[1:])
    return -1 if worst == inf else worst


def bipartite(graph):
    n = len(graph)
    return any(all((m >> u & 1) != (m >> v & 1) for u in range(n) for v in graph[u]) for m in range(1 << n))


def cheapest_flight(n, flights, src, dst, k):
    best = None
    stack = [(src, 0, 0)]
    while stack:
        u, cost, used = stack.pop()
        if u == dst and used:
            best = cost if best is None else min(best, cost)
        if used < k + 1:
            stack.extend((v, cost + p, used + 1) for a, v, p in flights if a == u)
    return -1 if best is None else best


def redundant_edge(edges):
    n = len(edges)
    for skip in range(n - 1, -1, -1):
        rest = edges[:skip] + edges[skip + 1:]
        if components(n + 1, rest) == 2:  # node 0 is unused, so a tree on 1..n leaves 2 groups
            return edges[skip]
    return []


def mst(n, connections):
    inf = float("inf")
    cost = {}
    for a, b, c in connections:
        cost[(a, b)] = cost[(b, a)] = c
    inside, total = {1}, 0
    while len(inside) < n:
        c, v = min(((cost.get((u, v), inf), v) for u in inside for v in range(1, n + 1) if v not in inside),
                   default=(inf, None))
        if c == inf:
            return -1
        inside.add(v)
        total += c
    return total


def safe_nodes(graph):
    n = len(graph)
    walkers = set(range(n))  # nodes with a walk of length k
    for _ in range(n):
        walkers = {u for u in range(n) if any(v in walkers for v in graph[u])}
    return [u for u in range(n) if u not in walkers]


def all_paths(graph):
    target, out = len(graph) - 1, []
    queue = deque([[0]])
    while queue:
        path = queue.popleft()
        if path[-1] == target:
            out.append(path)
            continue
        queue.extend(path + [v] for v in graph[path[-1]])
    return out


def max_depth(root):
    return len(_levels(_tree(root)))


def valid_bst(root):
    def inorder(n):
        return [] if n is None else inorder(n[1]) + [n[0]] + inorder(n[2])
    vals = inorder(_tree(root))
    return all(a < b for a, b in zip(vals, vals[1:]))


def right_view(root):
    return [lvl[-1] for lvl in _levels(_tree(root))]


def lca(root, p, q):
    t = _tree(root)
    par = _parents(t)
    find = {n[0]: n for n in _nodes(t)}
    path = _between(find[p], find[q], par)
    return min(path, key=lambda n: len(_path_up(n, par)))[0]


def diameter(root):
    t = _tree(root)
    par = _parents(t)
    ns = _nodes(t)
    return max((len(_between(u, v, par)) - 1 for u in ns for v in ns), default=0)


def path_sum(root, target):
    count = 0
    for start in _nodes(_tree(root)):
        stack = [(start, start[0])]
        while stack:
            n, s = stack.pop()
            count += s == target
            stack.extend((c, s + c[0]) for c in (n[1], n[2]) if c is not None)
    return count


def max_path_sum(root):
    t = _tree(root)
    par = _parents(t)
    ns = _nodes(t)
    return max(sum(n[0] for n in _between(u, v, par)) for u in ns for v in ns)


def symmetric(root):
    t = _tree(root)
    return _serialise(_mirror(t)) == _serialise(t)


def zigzag(root):
    return [lvl if i % 2 == 0 else lvl[::-1] for i, lvl in enumerate(_levels(_tree(root)))]


def balanced(s):
    while True:
        shorter = s.replace("()", "").replace("[]", "").replace("{}", "")
        if shorter == s:
            return s == ""
        s = shorter


def eval_rpn(tokens):
    stack = []
    for tok in tokens:
        if tok in "+-*/" and len(tok) == 1:
            b, a = stack.pop(), stack.pop()
            stack.append({"+": a + b, "-": a - b, "*": a * b, "/": int(Fraction(a, b)) if b else 0}[tok])
        else:
            stack.append(int(tok))
    return stack[0]


def calculate(s):
    return eval(s)  # noqa: S307 - the generator's own arithmetic text: digits, + - ( ) and spaces


def asteroids(rocks):
    rocks = list(rocks)
    while True:
        i = next((i for i in range(len(rocks) - 1) if rocks[i] > 0 > rocks[i + 1]), None)
        if i is None:
            return rocks
        a, b = rocks[i], -rocks[i + 1]
        rocks[i:i + 2] = [rocks[i]] if a > b else ([] if a == b else [rocks[i + 1]])


def remove_k(num, k):
    keep = len(num) - k
    return str(min((int("".join(c) or "0") for c in itertools.combinations(num, keep)), default=0))


def merge_intervals(intervals):
    return [[a // 2, b // 2] for a, b in _runs(_cover(intervals))]


def insert_interval(intervals, new):
    return merge_intervals(intervals + [new])


def min_removals(intervals):
    n, best = len(intervals), 0
    for m in range(1 << n):
        chosen = sorted(intervals[i] for i in range(n) if m >> i & 1)
        if all(a[1] <= b[0] for a, b in zip(chosen, chosen[1:])):
            best = max(best, len(chosen))
    return n - best


def meeting_rooms(intervals):
    return max((sum(s <= t < e for s, e in intervals) for t, _ in intervals), default=0)


def intersections(first, second):
    return [[a // 2, b // 2] for a, b in _runs(_cover(first) & _cover(second))]


def search_rotated(nums, target):
    return nums.index(target) if target in nums else -1


def search_range(nums, target):
    idx = [i for i, x in enumerate(nums) if x == target]
    return [idx[0], idx[-1]] if idx else [-1, -1]


def gas_station(gas, cost):
    n = len(gas)
    for s in range(n):
        tank = 0
        for step in range(n):
            i = (s + step) % n
            tank += gas[i] - cost[i]
            if tank < 0:
                break
        else:
            return s
    return -1


def candy(ratings):
    n = len(ratings)
    c = [1] * n
    changed = True
    while changed:
        changed = False
        for i in range(n):
            for j in (i - 1, i + 1):
                if 0 <= j < n and ratings[i] > ratings[j] and c[i] <= c[j]:
                    c[i] = c[j] + 1
                    changed = True
    return sum(c)


def partition_labels(s):
    cuts = [i + 1 for i in range(len(s)) if not set(s[:i + 1]) & set(s[i + 1:])]
    return [b - a for a, b in zip([0] + cuts, cuts)]


def subsets_dup(nums):
    return [list(t) for t in {tuple(sorted(c)) for r in range(len(nums) + 1)
                              for c in itertools.combinations(nums, r)}]


def permute_unique(nums):
    return [list(p) for p in set(itertools.permutations(nums))]


def combination_sum(candidates, target):
    out = []
    ranges = [range(target // c + 1) for c in candidates]
    for counts in itertools.product(*ranges):
        if sum(k * c for k, c in zip(counts, candidates)) == target:
            out.append([c for k, c in zip(counts, candidates) for _ in range(k)])
    return out


def queens(n, blocked):
    holes = {(r, c) for r, c in blocked}
    count = 0
    for cols in itertools.permutations(range(n)):
        if any((r, c) in holes for r, c in enumerate(cols)):
            continue
        if len({r + c for r, c in enumerate(cols)}) == n and len({r - c for r, c in enumerate(cols)}) == n:
            count += 1
    return count


def islands(grid):
    rows, cols = len(grid), len(grid[0])
    parent = {(r, c): (r, c) for r in range(rows) for c in range(cols) if grid[r][c]}

    def find(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for (r, c) in list(parent):
        for nb in ((r + 1, c), (r, c + 1)):
            if nb in parent:
                parent[find(nb)] = find((r, c))
    return len({find(x) for x in parent})


def rot(grid):
    g = [row[:] for row in grid]
    minutes = 0
    while True:
        spread = [(r, c) for r in range(len(g)) for c in range(len(g[0])) if g[r][c] == 1 and any(
            0 <= y < len(g) and 0 <= x < len(g[0]) and g[y][x] == 2
            for y, x in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)))]
        if not spread:
            break
        for r, c in spread:
            g[r][c] = 2
        minutes += 1
    return -1 if any(1 in row for row in g) else minutes


def spiral(matrix):
    out, m = [], [list(r) for r in matrix]
    while m:
        out += m[0]
        m = [list(r) for r in zip(*m[1:])][::-1]
    return out


def clear_path(grid):
    n = len(grid)
    inf = float("inf")
    d = [[inf] * n for _ in range(n)]
    if grid[0][0] == 0:
        d[0][0] = 1
    changed = True
    while changed:
        changed = False
        for r in range(n):
            for c in range(n):
                if grid[r][c] or d[r][c] == inf:
                    continue
                for y in range(r - 1, r + 2):
                    for x in range(c - 1, c + 2):
                        if 0 <= y < n and 0 <= x < n and grid[y][x] == 0 and d[y][x] > d[r][c] + 1:
                            d[y][x] = d[r][c] + 1
                            changed = True
    return -1 if d[-1][-1] == inf else d[-1][-1]


def flood(image, sr, sc, color):
    out = [row[:] for row in image]
    old, seen, todo = image[sr][sc], set(), [(sr, sc)]
    while todo:
        r, c = todo.pop()
        if (r, c) in seen or not (0 <= r < len(image) and 0 <= c < len(image[0])) or image[r][c] != old:
            continue
        seen.add((r, c))
        out[r][c] = color
        todo += [(r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)]
    return out


def top_k(nums, k):
    counts = Counter(nums)
    rank = {v: sum(counts[w] > counts[v] or (counts[w] == counts[v] and w < v) for w in counts) for v in counts}
    return sorted((v for v in counts if rank[v] < k), key=rank.get)


def stones(weights):
    w = sorted(weights)
    while len(w) > 1:
        y, x = w.pop(), w.pop()
        if y != x:
            w = sorted(w + [y - x])
    return w[0] if w else 0


def backspace(s, t):
    def typed(keys):
        text = ""
        for ch in keys:
            text = text[:-1] if ch == "#" else text + ch
        return text
    return typed(s) == typed(t)


BRUTE = {
    "robbing-houses-on-a-circle": rob_circle,
    "fewest-coins-for-amount": coin_change,
    "maximum-product-contiguous-run": max_product,
    "pack-a-bag-each-item-once": knapsack,
    "count-connected-groups": components,
    "can-all-courses-be-finished": can_finish,
    "smallest-valid-course-order": course_order,
    "signal-spread-time": network_delay,
    "two-colour-an-undirected-graph": bipartite,
    "cheapest-trip-with-limited-stops": cheapest_flight,
    "edge-that-closes-the-cycle": redundant_edge,
    "cheapest-network-connecting-all-cities": mst,
    "nodes-that-always-reach-a-dead-end": safe_nodes,
    "every-route-through-a-dag": all_paths,
    "height-of-a-binary-tree": max_depth,
    "is-this-a-search-tree": valid_bst,
    "tree-values-level-by-level": lambda root: _levels(_tree(root)),
    "view-from-the-right-side": right_view,
    "lowest-shared-ancestor": lca,
    "longest-path-in-a-binary-tree": diameter,
    "downward-paths-with-a-given-sum": path_sum,
    "heaviest-path-in-a-binary-tree": max_path_sum,
    "mirror-symmetric-tree": symmetric,
    "zigzag-level-values": zigzag,
    "balanced-brackets": balanced,
    "evaluate-postfix-expression": eval_rpn,
    "calculator-with-parentheses": calculate,
    "colliding-rocks-on-a-line": asteroids,
    "smallest-number-after-deleting-digits": remove_k,
    "merge-overlapping-ranges": merge_intervals,
    "insert-a-range-into-a-sorted-list": insert_interval,
    "fewest-ranges-to-drop": min_removals,
    "rooms-needed-for-meetings": meeting_rooms,
    "overlap-of-two-range-lists": intersections,
    "find-in-a-rotated-sorted-list": search_rotated,
    "first-and-last-index-of-a-value": search_range,
    "where-to-start-the-fuel-loop": gas_station,
    "fewest-sweets-for-a-row-of-children": candy,
    "cut-a-string-into-letter-disjoint-parts": partition_labels,
    "all-distinct-sub-collections": subsets_dup,
    "distinct-orderings-of-a-multiset": permute_unique,
    "sums-from-reusable-parts": combination_sum,
    "queens-on-a-board-with-holes": queens,
    "count-the-islands": islands,
    "minutes-until-all-fruit-spoils": rot,
    "read-a-matrix-in-a-spiral": spiral,
    "shortest-clear-path-in-a-grid": clear_path,
    "repaint-a-connected-region": flood,
    "kth-largest-value": lambda nums, k: sorted(nums)[-k],
    "most-frequent-values": top_k,
    "merge-many-sorted-lists": lambda lists: sorted(x for lst in lists for x in lst),
    "median-after-every-arrival": lambda nums: [float(statistics.median(nums[:i + 1])) for i in range(len(nums))],
    "smash-the-two-heaviest-stones": stones,
    "position-in-a-sorted-list": lambda nums, target: sum(x < target for x in nums),
    "mirror-a-binary-tree": lambda root: _serialise(_mirror(_tree(root))),
    "same-text-after-backspaces": backspace,
}
CHECKED = [p for p in PROBLEMS if p.task_id.split("/", 1)[1] in BRUTE]


def test_every_problem_has_an_independent_check():
    """Each problem is checked against a brute force here or through its too_slow variant."""
    unchecked = [p.task_id for p in PROBLEMS if p not in CHECKED and "too_slow" not in p.wrong]
    assert unchecked == []


@pytest.mark.parametrize("p", CHECKED, ids=[p.task_id for p in CHECKED])
def test_reference_agrees_with_brute_force(p):
    brute = BRUTE[p.task_id.split("/", 1)[1]]
    ref = compile_solution(p.reference, p.entry_point, p.style)
    pool = sorted(test_pool(p, 256), key=lambda a: len(json.dumps(list(a))))
    checked = 0
    for args in pool[:60]:
        want = brute(*json.loads(json.dumps(list(args))))
        if want is SKIP:
            continue
        got = expected_output(ref, args)
        assert outputs_equal(got, json.loads(json.dumps(want)), p.compare), (args, got, want)
        checked += 1
    assert checked >= 20
