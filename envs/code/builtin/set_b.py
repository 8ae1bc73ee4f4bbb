"""Built-in problem set B: dynamic programming, graphs, trees, stacks, intervals, binary search, greedy,
backtracking, grids and heaps.

Every problem here was written for this package. ``PROBLEMS`` holds them; each carries a reference solution,
wrong variants labelled by kind, hand-written edge cases and a seeded input generator (see
:class:`envs.code.problem.Problem`). A wrong variant is written out in full; most are the reference with a
line or two changed, built with :func:`_sub` so that a change that no longer applies fails at import. The
labels are kinds of mistake (``off_by_one``, ``missed_edge``, ``wrong_type``, ``wrong_logic``, ``too_slow``);
a second variant of the same kind carries the suffix ``_2``.
"""
from __future__ import annotations

import random
import textwrap
from typing import Callable

from envs.code.problem import Problem

__all__ = ["PROBLEMS"]

PROBLEMS: list[Problem] = []


def _src(text: str) -> str:
    return textwrap.dedent(text).strip("\n") + "\n"


def _sub(source: str, *pairs: str) -> str:
    """``source`` with each (old, new) pair replaced; every ``old`` must occur exactly once."""
    if len(pairs) % 2:
        raise ValueError("_sub takes (old, new) pairs")
    for old, new in zip(pairs[::2], pairs[1::2]):
        if source.count(old) != 1:
            raise ValueError(f"{old!r} occurs {source.count(old)} times, expected once")
        source = source.replace(old, new)
    return source


def _add(slug: str, title: str, statement: str, entry: str, signature: str, reference: str,
         wrong: dict[str, str], edge_cases: list, generator: Callable[[random.Random], tuple],
         difficulty: str, tags: tuple[str, ...], style: str = "class", compare: str = "exact") -> None:
    if statement.startswith(_TREE_FORMAT):  # the shared paragraph is not indented like the rest
        statement = _TREE_FORMAT + "\n\n" + _src(statement[len(_TREE_FORMAT):])
    PROBLEMS.append(Problem(
        task_id=f"builtin/{slug}", title=title, statement=_src(statement).strip() + "\n", entry_point=entry,
        signature=signature, reference=_src(reference), wrong={k: _src(v) for k, v in wrong.items()},
        edge_cases=tuple(tuple(a) for a in edge_cases), generator=generator, difficulty=difficulty,
        tags=tags, style=style, compare=compare))


# ----------------------------------------------------------------------------------------------- helpers
def _ints(rng: random.Random, n: int, lo: int, hi: int) -> list[int]:
    return [rng.randint(lo, hi) for _ in range(n)]


def _word(rng: random.Random, alphabet: str, lo: int, hi: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def _grid(rng: random.Random, rows: int, cols: int, p_one: float) -> list[list[int]]:
    return [[1 if rng.random() < p_one else 0 for _ in range(cols)] for _ in range(rows)]


def _random_tree(rng: random.Random, n: int, lo: int = -10, hi: int = 10, values: list | None = None) -> list:
    """A random binary tree of ``n`` nodes in level order with ``None`` gaps (trailing ``None`` trimmed)."""
    if n == 0:
        return []
    vals = values if values is not None else _ints(rng, n, lo, hi)
    # build as child slots: each node has [left, right] indices
    kids = [[None, None]]
    for i in range(1, n):
        while True:
            parent = rng.randrange(i)
            side = rng.randrange(2)
            if kids[parent][side] is None:
                kids[parent][side] = i
                kids.append([None, None])
                break
    out: list = []
    queue = [0]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        if node is None:
            out.append(None)
            continue
        out.append(vals[node])
        queue.extend(kids[node])
    while out and out[-1] is None:
        out.pop()
    return out


_TREE_FORMAT = """\
The tree is given in level order as a list, with None where a child is missing (the children of a missing
node are not listed, and trailing None values are dropped), e.g. [1, 2, 3, None, 4] is 1 with left child 2
and right child 3, and 2 has right child 4. An empty list is the empty tree."""

# ===================================================================================== dynamic programming
_REF = """
class Solution:
    def countWays(self, n: int, k: int) -> int:
        MOD = 10**9 + 7
        ways = [0] * (n + 1)
        ways[0] = 1
        window = 1  # sum of ways[i - k .. i - 1]
        for i in range(1, n + 1):
            ways[i] = window
            window = (window + ways[i]) % MOD
            if i - k >= 0:
                window = (window - ways[i - k]) % MOD
        return ways[n] % MOD
"""
_SIMPLE = """
class Solution:
    def countWays(self, n: int, k: int) -> int:
        MOD = 10**9 + 7
        ways = [0] * (n + 1)
        ways[0] = 1
        for i in range(1, n + 1):
            for s in range(1, k + 1):
                if i - s >= 0:
                    ways[i] += ways[i - s]
            ways[i] %= MOD
        return ways[n]
"""
_add(
    "stair-climbing-with-k-step-sizes", "Stair Climbing With k Step Sizes",
    """
    You stand at the bottom of a staircase with n steps. In one move you may climb any number of steps
    from 1 to k. Return the number of distinct move sequences that end exactly on step n, modulo
    1_000_000_007. Reaching step 0 needs no moves, so there is exactly one way when n = 0.

    Example 1:
    Input: n = 4, k = 2
    Output: 5
    Explanation: 1+1+1+1, 1+1+2, 1+2+1, 2+1+1, 2+2.

    Example 2:
    Input: n = 3, k = 5
    Output: 4

    Constraints:
    - 0 ≤ n ≤ 1000
    - 1 ≤ k ≤ 50
    """,
    "countWays", "def countWays(self, n: int, k: int) -> int:", _REF,
    {
        "off_by_one": _sub(_SIMPLE, "range(1, k + 1)", "range(1, k)"),
        "missed_edge": _sub(_SIMPLE, "        ways = [0] * (n + 1)\n",
                            "        if n == 0:\n            return 0\n        ways = [0] * (n + 1)\n"),
        "wrong_logic": _sub(_SIMPLE, "            ways[i] %= MOD\n", ""),
        "too_slow": """
        class Solution:
            def countWays(self, n: int, k: int) -> int:
                def go(left: int) -> int:
                    if left == 0:
                        return 1
                    return sum(go(left - s) for s in range(1, min(k, left) + 1))
                return go(n) % (10**9 + 7)
        """,
    },
    [(0, 1), (0, 3), (1, 1), (5, 1), (4, 2), (3, 5), (60, 2), (40, 3)],
    lambda rng: (rng.randint(0, rng.choice([20, 300])), rng.randint(1, 10)),
    "easy", ("dynamic programming",),
)

_REF = """
from typing import List


def rob_circle(houses: List[int]) -> int:
    n = len(houses)
    if n == 0:
        return 0
    if n == 1:
        return houses[0]

    def line(values: List[int]) -> int:
        take, skip = 0, 0
        for v in values:
            take, skip = skip + v, max(take, skip)
        return max(take, skip)

    return max(line(houses[1:]), line(houses[:-1]))
"""
_add(
    "robbing-houses-on-a-circle", "Robbing Houses on a Circle",
    """
    Houses stand on a circular street; houses[i] is the cash in house i, and the last house is next to
    the first. A thief may not take from two neighbouring houses. Return the largest total the thief can
    take. An empty street yields 0.

    Example 1:
    Input: houses = [2, 3, 2]
    Output: 3

    Example 2:
    Input: houses = [1, 2, 3, 1]
    Output: 4

    Constraints:
    - 0 ≤ len(houses) ≤ 100
    - 0 ≤ houses[i] ≤ 1000
    """,
    "rob_circle", "def rob_circle(houses: List[int]) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, "    if n == 1:\n        return houses[0]\n", ""),
        "off_by_one": _sub(_REF, "line(houses[1:])", "line(houses[1:-1])"),
        "wrong_logic": _sub(_REF, "max(line(houses[1:]), line(houses[:-1]))", "line(houses)"),
        "wrong_type": _sub(_REF, "return max(line(houses[1:]), line(houses[:-1]))",
                           "return float(max(line(houses[1:]), line(houses[:-1])))"),
    },
    [([],), ([5],), ([2, 3, 2],), ([1, 2, 3, 1],), ([4, 1],), ([0, 0, 0],), ([9, 1, 1, 9],)],
    lambda rng: (_ints(rng, rng.randint(0, 12), 0, 100),),
    "medium", ("dynamic programming", "array"), style="function",
)

_REF = """
from typing import List


class Solution:
    def coinChange(self, coins: List[int], amount: int) -> int:
        INF = amount + 1
        dp = [0] + [INF] * amount
        for a in range(1, amount + 1):
            for c in coins:
                if c <= a and dp[a - c] + 1 < dp[a]:
                    dp[a] = dp[a - c] + 1
        return dp[amount] if dp[amount] != INF else -1
"""
_add(
    "fewest-coins-for-amount", "Fewest Coins for an Amount",
    """
    Given coin denominations coins (each available in unlimited supply) and a target amount, return the
    smallest number of coins whose values add up to amount, or -1 if no combination does. An amount of 0
    needs 0 coins.

    Example 1:
    Input: coins = [1, 2, 5], amount = 11
    Output: 3
    Explanation: 5 + 5 + 1.

    Example 2:
    Input: coins = [2], amount = 3
    Output: -1

    Constraints:
    - 1 ≤ len(coins) ≤ 12, coin values are distinct, 1 ≤ coins[i] ≤ 10^4
    - 0 ≤ amount ≤ 10^4
    """,
    "coinChange", "def coinChange(self, coins: List[int], amount: int) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, "INF = amount + 1", "INF = amount"),
        "off_by_one": _sub(_REF, "range(1, amount + 1)", "range(1, amount)"),
        "wrong_type": _sub(_REF, "dp = [0] + [INF] * amount", "dp = [0.0] + [INF] * amount"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def coinChange(self, coins: List[int], amount: int) -> int:
                count = 0
                for c in sorted(coins, reverse=True):
                    count += amount // c
                    amount %= c
                return count if amount == 0 else -1
        """,
    },
    [([1, 2, 5], 11), ([2], 3), ([1], 0), ([1], 7), ([3, 7], 1), ([1, 3, 4], 6), ([5, 10], 0),
     ([186, 419, 83, 408], 6249)],
    lambda rng: (rng.sample(range(1, 21), rng.randint(1, 4)), rng.randint(0, 100)),
    "medium", ("dynamic programming",),
)

_REF = """
from bisect import bisect_left
from typing import List


class Solution:
    def lengthOfLIS(self, nums: List[int]) -> int:
        tails: List[int] = []
        for x in nums:
            i = bisect_left(tails, x)
            if i == len(tails):
                tails.append(x)
            else:
                tails[i] = x
        return len(tails)
"""
_QUAD = """
from typing import List


class Solution:
    def lengthOfLIS(self, nums: List[int]) -> int:
        if not nums:
            return 0
        best = [1] * len(nums)
        for i in range(len(nums)):
            for j in range(i):
                if nums[j] < nums[i] and best[j] + 1 > best[i]:
                    best[i] = best[j] + 1
        return max(best)
"""
_rng = random.Random(404)
_add(
    "longest-strictly-increasing-subsequence", "Longest Strictly Increasing Subsequence",
    """
    Return the length of the longest strictly increasing subsequence of nums. A subsequence keeps the
    original order but may skip elements. The empty list has answer 0.

    Example 1:
    Input: nums = [10, 9, 2, 5, 3, 7, 101, 18]
    Output: 4
    Explanation: [2, 3, 7, 101].

    Example 2:
    Input: nums = [7, 7, 7]
    Output: 1

    Constraints:
    - 0 ≤ len(nums) ≤ 10^4
    - -10^9 ≤ nums[i] ≤ 10^9
    - aim for O(n log n)
    """,
    "lengthOfLIS", "def lengthOfLIS(self, nums: List[int]) -> int:", _REF,
    {
        "wrong_logic": _sub(_REF, "import bisect_left", "import bisect_right", "i = bisect_left", "i = bisect_right"),
        "missed_edge": _sub(_QUAD, "        if not nums:\n            return 0\n", ""),
        "off_by_one": _sub(_QUAD, "for j in range(i):", "for j in range(i - 1):"),
        "too_slow": _QUAD,
    },
    [([],), ([5],), ([7, 7, 7],), ([10, 9, 2, 5, 3, 7, 101, 18],), ([3, 2, 1],), ([1, 2, 2, 3],),
     ([_rng.randint(-10**6, 10**6) for _ in range(10**4)],)],
    lambda rng: (_ints(rng, rng.randint(0, 40), -20, 20),),
    "medium", ("dynamic programming", "binary search"),
)

_REF = """
def edit_distance(a: str, b: str) -> int:
    n, m = len(a), len(b)
    prev = list(range(m + 1))
    for i in range(1, n + 1):
        cur = [i] + [0] * m
        for j in range(1, m + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1]
            else:
                cur[j] = 1 + min(prev[j - 1], prev[j], cur[j - 1])
        prev = cur
    return prev[m]
"""
_add(
    "edit-distance-between-words", "Edit Distance Between Two Words",
    """
    Return the minimum number of single-character operations that turn string a into string b, where an
    operation inserts one character, deletes one character, or replaces one character with another.

    Example 1:
    Input: a = "horse", b = "ros"
    Output: 3

    Example 2:
    Input: a = "", b = "abc"
    Output: 3

    Constraints:
    - 0 ≤ len(a), len(b) ≤ 500
    - a and b consist of lowercase English letters
    """,
    "edit_distance", "def edit_distance(a: str, b: str) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, "prev = list(range(m + 1))", "prev = [0] * (m + 1)"),
        "off_by_one": _sub(_REF, "for i in range(1, n + 1):", "for i in range(1, n):"),
        "wrong_logic": _sub(_REF, "1 + min(prev[j - 1], prev[j], cur[j - 1])", "1 + min(prev[j], cur[j - 1])"),
        "too_slow": """
        def edit_distance(a: str, b: str) -> int:
            def go(i: int, j: int) -> int:
                if i == len(a):
                    return len(b) - j
                if j == len(b):
                    return len(a) - i
                if a[i] == b[j]:
                    return go(i + 1, j + 1)
                return 1 + min(go(i + 1, j + 1), go(i + 1, j), go(i, j + 1))
            return go(0, 0)
        """,
    },
    [("", ""), ("", "abc"), ("abc", ""), ("horse", "ros"), ("intention", "execution"), ("same", "same"),
     ("abcdefghijklmn", "opqrstuvwxyzab")],
    lambda rng: (_word(rng, "abc", 0, 8), _word(rng, "abc", 0, 8)),
    "medium", ("dynamic programming", "string"), style="function",
)

_REF = """
from typing import List


class Solution:
    def uniquePathsWithObstacles(self, grid: List[List[int]]) -> int:
        cols = len(grid[0])
        row = [0] * cols
        row[0] = 1 if grid[0][0] == 0 else 0
        for r in range(len(grid)):
            for c in range(cols):
                if grid[r][c] == 1:
                    row[c] = 0
                elif c > 0:
                    row[c] += row[c - 1]
        return row[-1]
"""
_add(
    "grid-paths-around-obstacles", "Grid Paths Around Obstacles",
    """
    A robot starts in the top-left cell of a grid and wants to reach the bottom-right cell, moving only
    right or down. grid[r][c] is 1 for an obstacle and 0 for a free cell; the robot never enters an
    obstacle (if the start or the goal is an obstacle there is no path). Return the number of distinct
    paths.

    Example 1:
    Input: grid = [[0, 0, 0], [0, 1, 0], [0, 0, 0]]
    Output: 2

    Example 2:
    Input: grid = [[0, 1], [0, 0]]
    Output: 1

    Constraints:
    - 1 ≤ rows, cols ≤ 100
    - grid[r][c] is 0 or 1; the answer fits in a 64-bit integer
    """,
    "uniquePathsWithObstacles", "def uniquePathsWithObstacles(self, grid: List[List[int]]) -> int:", _REF,
    {
        "missed_edge": """
        from typing import List


        class Solution:
            def uniquePathsWithObstacles(self, grid: List[List[int]]) -> int:
                rows, cols = len(grid), len(grid[0])
                dp = [[0] * cols for _ in range(rows)]
                dp[0][0] = 1
                for c in range(1, cols):
                    dp[0][c] = dp[0][c - 1] if grid[0][c] == 0 else 0
                for r in range(1, rows):
                    dp[r][0] = dp[r - 1][0] if grid[r][0] == 0 else 0
                for r in range(1, rows):
                    for c in range(1, cols):
                        dp[r][c] = 0 if grid[r][c] else dp[r - 1][c] + dp[r][c - 1]
                return dp[-1][-1]
        """,
        "wrong_logic": """
        from typing import List


        class Solution:
            def uniquePathsWithObstacles(self, grid: List[List[int]]) -> int:
                rows, cols = len(grid), len(grid[0])
                dp = [[1] * cols for _ in range(rows)]
                for r in range(1, rows):
                    for c in range(1, cols):
                        dp[r][c] = 0 if grid[r][c] else dp[r - 1][c] + dp[r][c - 1]
                return dp[-1][-1] if grid[0][0] == 0 else 0
        """,
        "off_by_one": _sub(_REF, "for c in range(cols):", "for c in range(cols - 1):"),
        "too_slow": """
        from typing import List


        class Solution:
            def uniquePathsWithObstacles(self, grid: List[List[int]]) -> int:
                rows, cols = len(grid), len(grid[0])
                def go(r: int, c: int) -> int:
                    if r >= rows or c >= cols or grid[r][c] == 1:
                        return 0
                    if r == rows - 1 and c == cols - 1:
                        return 1
                    return go(r + 1, c) + go(r, c + 1)
                return go(0, 0)
        """,
    },
    [([[0]],), ([[1]],), ([[0, 0, 0], [0, 1, 0], [0, 0, 0]],), ([[0, 1], [0, 0]],), ([[0, 0], [0, 1]],),
     ([[0, 1, 0, 0]],), ([[0], [0], [1], [0]],), ([[0] * 17 for _ in range(17)],)],
    lambda rng: (_grid(rng, rng.randint(1, 7), rng.randint(1, 7), 0.2),),
    "medium", ("dynamic programming", "matrix"),
)

_REF = """
def lcs_length(a: str, b: str) -> int:
    m = len(b)
    prev = [0] * (m + 1)
    for i in range(1, len(a) + 1):
        cur = [0] * (m + 1)
        for j in range(1, m + 1):
            if a[i - 1] == b[j - 1]:
                cur[j] = prev[j - 1] + 1
            else:
                cur[j] = max(prev[j], cur[j - 1])
        prev = cur
    return prev[m]
"""
_add(
    "longest-common-subsequence-length", "Longest Common Subsequence Length",
    """
    Return the length of the longest string that is a subsequence of both a and b (a subsequence keeps
    the order of characters but may skip some). Return 0 if there is none.

    Example 1:
    Input: a = "abcde", b = "ace"
    Output: 3

    Example 2:
    Input: a = "abc", b = "def"
    Output: 0

    Constraints:
    - 0 ≤ len(a), len(b) ≤ 1000
    - lowercase English letters
    """,
    "lcs_length", "def lcs_length(a: str, b: str) -> int:", _REF,
    {
        "off_by_one": _sub(_REF, "for j in range(1, m + 1):", "for j in range(1, m):"),
        "wrong_logic": _sub(_REF, "cur[j] = max(prev[j], cur[j - 1])", "cur[j] = 0",
                            "    return prev[m]\n", "    return best\n",
                            "                cur[j] = prev[j - 1] + 1\n",
                            "                cur[j] = prev[j - 1] + 1\n                best = max(best, cur[j])\n",
                            "    prev = [0] * (m + 1)\n", "    prev = [0] * (m + 1)\n    best = 0\n"),
        "missed_edge": _sub(_REF, "    m = len(b)\n", "    m = len(b)\n    if not a or not b:\n        return -1\n"),
        "too_slow": """
        def lcs_length(a: str, b: str) -> int:
            def go(i: int, j: int) -> int:
                if i == len(a) or j == len(b):
                    return 0
                if a[i] == b[j]:
                    return 1 + go(i + 1, j + 1)
                return max(go(i + 1, j), go(i, j + 1))
            return go(0, 0)
        """,
    },
    [("", ""), ("", "a"), ("abcde", "ace"), ("abc", "def"), ("aaaa", "aa"), ("abcdefghijklmnop", "qrstuvwxyzqrstuv")],
    lambda rng: (_word(rng, "abcd", 0, 9), _word(rng, "abcd", 0, 9)),
    "medium", ("dynamic programming", "string"), style="function",
)

_REF = """
from typing import List


class Solution:
    def canPartition(self, nums: List[int]) -> bool:
        total = sum(nums)
        if total % 2:
            return False
        reach = 1
        for x in nums:
            reach |= reach << x
        return bool((reach >> (total // 2)) & 1)
"""
_add(
    "split-into-two-equal-sum-halves", "Split Into Two Equal-Sum Halves",
    """
    Given a list of positive integers, decide whether it can be divided into two groups (every number in
    exactly one group) whose sums are equal. Return True or False.

    Example 1:
    Input: nums = [1, 5, 11, 5]
    Output: True
    Explanation: [1, 5, 5] and [11].

    Example 2:
    Input: nums = [1, 2, 3, 5]
    Output: False

    Constraints:
    - 1 ≤ len(nums) ≤ 200
    - 1 ≤ nums[i] ≤ 100
    """,
    "canPartition", "def canPartition(self, nums: List[int]) -> bool:", _REF,
    {
        "missed_edge": _sub(_REF, "        if total % 2:\n            return False\n", ""),
        "wrong_type": _sub(_REF, "return bool((reach >> (total // 2)) & 1)", "return (reach >> (total // 2)) & 1"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def canPartition(self, nums: List[int]) -> bool:
                left = right = 0
                for x in sorted(nums, reverse=True):
                    if left <= right:
                        left += x
                    else:
                        right += x
                return left == right
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def canPartition(self, nums: List[int]) -> bool:
                total = sum(nums)
                if total % 2:
                    return False
                target = total // 2
                def go(i: int, s: int) -> bool:
                    if s == target:
                        return True
                    if i == len(nums):
                        return False
                    return go(i + 1, s + nums[i]) or go(i + 1, s)
                return go(0, 0)
        """,
    },
    [([1, 5, 11, 5],), ([1, 2, 3, 5],), ([2],), ([1, 1],), ([1, 2],), ([3, 3, 3, 4, 5],), ([100] + [1] * 30,)],
    lambda rng: (_ints(rng, rng.randint(1, 12), 1, 20),),
    "medium", ("dynamic programming",),
)

_REF = """
from typing import List


def max_product(nums: List[int]) -> int:
    hi = lo = best = nums[0]
    for x in nums[1:]:
        cands = (x, hi * x, lo * x)
        hi, lo = max(cands), min(cands)
        best = max(best, hi)
    return best
"""
_add(
    "maximum-product-contiguous-run", "Maximum Product of a Contiguous Run",
    """
    Return the largest product of a non-empty contiguous subarray of nums.

    Example 1:
    Input: nums = [2, 3, -2, 4]
    Output: 6

    Example 2:
    Input: nums = [-2, 0, -1]
    Output: 0

    Constraints:
    - 1 ≤ len(nums) ≤ 2 * 10^4
    - -10 ≤ nums[i] ≤ 10
    """,
    "max_product", "def max_product(nums: List[int]) -> int:", _REF,
    {
        "wrong_logic": """
        from typing import List


        def max_product(nums: List[int]) -> int:
            cur = best = nums[0]
            for x in nums[1:]:
                cur = max(x, cur * x)
                best = max(best, cur)
            return best
        """,
        "missed_edge": _sub(_REF, "hi = lo = best = nums[0]\n    for x in nums[1:]:",
                            "hi = lo = nums[0]\n    best = 0\n    for x in nums[1:]:"),
        "off_by_one": """
        from typing import List


        def max_product(nums: List[int]) -> int:
            best = nums[0]
            for i in range(len(nums) - 1):
                prod = 1
                for j in range(i, len(nums)):
                    prod *= nums[j]
                    best = max(best, prod)
            return best
        """,
    },
    [([2, 3, -2, 4],), ([-2, 0, -1],), ([-3],), ([0],), ([-2, -3],), ([-1, 5],), ([-2, 3, -4],)],
    lambda rng: (_ints(rng, rng.randint(1, 12), -5, 5),),
    "medium", ("dynamic programming", "array"), style="function",
)

_REF = """
from typing import List


class Solution:
    def wordBreak(self, s: str, words: List[str]) -> bool:
        vocab = set(words)
        lengths = sorted({len(w) for w in vocab})
        ok = [True] + [False] * len(s)
        for i in range(1, len(s) + 1):
            for L in lengths:
                if L > i:
                    break
                if ok[i - L] and s[i - L:i] in vocab:
                    ok[i] = True
                    break
        return ok[len(s)]
"""


def _gen_word_break(rng: random.Random) -> tuple:
    words = sorted({_word(rng, "ab", 1, 3) for _ in range(rng.randint(1, 4))})
    s = "".join(rng.choice(words) for _ in range(rng.randint(0, 5)))
    if rng.random() < 0.4:
        pos = rng.randint(0, len(s))
        s = s[:pos] + rng.choice("abc") + s[pos:]
    return (s, sorted(words))


_add(
    "segment-text-into-dictionary-words", "Segment Text Into Dictionary Words",
    """
    Given a string s and a list of dictionary words, return True if s can be written as a concatenation
    of one or more dictionary words (a word may be used any number of times), and False otherwise. The
    empty string counts as segmentable (zero words).

    Example 1:
    Input: s = "applepenapple", words = ["apple", "pen"]
    Output: True

    Example 2:
    Input: s = "catsandog", words = ["cats", "dog", "sand", "and", "cat"]
    Output: False

    Constraints:
    - 0 ≤ len(s) ≤ 300
    - 1 ≤ len(words) ≤ 1000, 1 ≤ len(words[i]) ≤ 20, lowercase letters
    """,
    "wordBreak", "def wordBreak(self, s: str, words: List[str]) -> bool:", _REF,
    {
        "wrong_type": _sub(_REF, "return ok[len(s)]", "return int(ok[len(s)])"),
        "missed_edge": _sub(_REF, "        vocab = set(words)\n",
                            "        if not s:\n            return False\n        vocab = set(words)\n"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def wordBreak(self, s: str, words: List[str]) -> bool:
                i = 0
                while i < len(s):
                    for w in sorted(words, key=len, reverse=True):
                        if s.startswith(w, i):
                            i += len(w)
                            break
                    else:
                        return False
                return True
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def wordBreak(self, s: str, words: List[str]) -> bool:
                def go(i: int) -> bool:
                    if i == len(s):
                        return True
                    return any(s.startswith(w, i) and go(i + len(w)) for w in words)
                return go(0)
        """,
    },
    [("", ["a"]), ("applepenapple", ["apple", "pen"]), ("catsandog", ["cats", "dog", "sand", "and", "cat"]),
     ("aab", ["a", "aa", "aab"]), ("aaab", ["aa", "aaa", "b"]), ("ab", ["b"]),
     ("a" * 40 + "b", ["a", "aa", "aaa", "aaaa"])],
    _gen_word_break,
    "medium", ("dynamic programming", "string"),
)

_REF = """
class Solution:
    def numDecodings(self, s: str) -> int:
        before, last = 1, 1  # decodings of s[:i-1] and s[:i]
        for i in range(len(s)):
            cur = 0
            if s[i] != "0":
                cur += last
            if i >= 1 and s[i - 1] != "0" and int(s[i - 1:i + 1]) <= 26:
                cur += before
            before, last = last, cur
        return last
"""
_add(
    "count-digit-string-decodings", "Count Decodings of a Digit String",
    """
    Letters are encoded as numbers: A -> "1", B -> "2", ..., Z -> "26". Given a string of digits s, return
    in how many ways it can be split into pieces that are each a valid code ("1" to "26", without a leading
    zero, so "06" is not a code). Return 0 when there is no way.

    Example 1:
    Input: s = "226"
    Output: 3
    Explanation: 2|2|6, 22|6, 2|26.

    Example 2:
    Input: s = "06"
    Output: 0

    Constraints:
    - 1 ≤ len(s) ≤ 100
    - s contains only digits; the answer fits in a 64-bit integer
    """,
    "numDecodings", "def numDecodings(self, s: str) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, '            if s[i] != "0":\n                cur += last\n',
                            "            cur += last\n"),
        "wrong_logic": _sub(_REF, 'if i >= 1 and s[i - 1] != "0" and int', "if i >= 1 and int"),
        "off_by_one": _sub(_REF, "<= 26", "< 26"),
        "too_slow": """
        class Solution:
            def numDecodings(self, s: str) -> int:
                def go(i: int) -> int:
                    if i == len(s):
                        return 1
                    if s[i] == "0":
                        return 0
                    total = go(i + 1)
                    if i + 1 < len(s) and int(s[i:i + 2]) <= 26:
                        total += go(i + 2)
                    return total
                return go(0)
        """,
    },
    [("0",), ("10",), ("06",), ("226",), ("12",), ("100",), ("27",), ("2611055971756562",), ("1" * 40,)],
    lambda rng: ("".join(rng.choice("11122234567890") for _ in range(rng.randint(1, 12))),),
    "medium", ("dynamic programming", "string"),
)

_REF = """
from typing import List


def min_path_sum(grid: List[List[int]]) -> int:
    rows, cols = len(grid), len(grid[0])
    best = [0] * cols
    for r in range(rows):
        for c in range(cols):
            if r == 0 and c == 0:
                best[c] = grid[0][0]
            elif r == 0:
                best[c] = best[c - 1] + grid[r][c]
            elif c == 0:
                best[c] = best[c] + grid[r][c]
            else:
                best[c] = min(best[c], best[c - 1]) + grid[r][c]
    return best[-1]
"""
_add(
    "cheapest-monotone-grid-path", "Cheapest Monotone Path Through a Grid",
    """
    Each cell of grid holds a non-negative cost. Walk from the top-left cell to the bottom-right cell,
    moving only right or down, and return the smallest possible sum of the costs of the visited cells
    (both ends included).

    Example 1:
    Input: grid = [[1, 3, 1], [1, 5, 1], [4, 2, 1]]
    Output: 7

    Example 2:
    Input: grid = [[5]]
    Output: 5

    Constraints:
    - 1 ≤ rows, cols ≤ 200
    - 0 ≤ grid[r][c] ≤ 100
    """,
    "min_path_sum", "def min_path_sum(grid: List[List[int]]) -> int:", _REF,
    {
        "missed_edge": """
        from typing import List


        def min_path_sum(grid: List[List[int]]) -> int:
            rows, cols = len(grid), len(grid[0])
            dp = [[0] * cols for _ in range(rows)]
            for r in range(rows):
                for c in range(cols):
                    up = dp[r - 1][c] if r else 0
                    left = dp[r][c - 1] if c else 0
                    dp[r][c] = grid[r][c] + min(up, left)
            return dp[-1][-1]
        """,
        "wrong_logic": """
        from typing import List


        def min_path_sum(grid: List[List[int]]) -> int:
            rows, cols = len(grid), len(grid[0])
            r = c = 0
            total = grid[0][0]
            while (r, c) != (rows - 1, cols - 1):
                if r == rows - 1:
                    c += 1
                elif c == cols - 1 or grid[r + 1][c] <= grid[r][c + 1]:
                    r += 1
                else:
                    c += 1
                total += grid[r][c]
            return total
        """,
        "off_by_one": _sub(_REF, "    return best[-1]", "    return best[-1] - grid[0][0]"),
        "too_slow": """
        from typing import List


        def min_path_sum(grid: List[List[int]]) -> int:
            rows, cols = len(grid), len(grid[0])
            def go(r: int, c: int) -> int:
                if r == rows - 1 and c == cols - 1:
                    return grid[r][c]
                options = []
                if r + 1 < rows:
                    options.append(go(r + 1, c))
                if c + 1 < cols:
                    options.append(go(r, c + 1))
                return grid[r][c] + min(options)
            return go(0, 0)
        """,
    },
    [([[5]],), ([[1, 3, 1], [1, 5, 1], [4, 2, 1]],), ([[1, 2, 3]],), ([[1], [2], [3]],), ([[0, 9], [9, 0]],),
     ([[1, 2], [1, 1]],), ([[(r * 7 + c * 3) % 10 for c in range(15)] for r in range(15)],)],
    lambda rng: (lambda cols: ([_ints(rng, cols, 0, 9) for _ in range(rng.randint(1, 6))],))(rng.randint(1, 6)),
    "medium", ("dynamic programming", "matrix"), style="function",
)

_REF = """
class Solution:
    def minCut(self, s: str) -> int:
        n = len(s)
        cuts = [i - 1 for i in range(n + 1)]  # cuts[i]: fewest cuts for s[:i]; cuts[0] = -1
        for centre in range(n):
            for lo, hi in ((centre, centre), (centre, centre + 1)):
                while lo >= 0 and hi < n and s[lo] == s[hi]:
                    if cuts[lo] + 1 < cuts[hi + 1]:
                        cuts[hi + 1] = cuts[lo] + 1
                    lo -= 1
                    hi += 1
        return cuts[n]
"""
_add(
    "fewest-cuts-into-palindromes", "Fewest Cuts Into Palindromes",
    """
    Cut the string s into pieces so that every piece reads the same forwards and backwards. Return the
    smallest number of cuts needed (a string that is already a palindrome needs 0 cuts).

    Example 1:
    Input: s = "aab"
    Output: 1
    Explanation: "aa" | "b".

    Example 2:
    Input: s = "abccbc"
    Output: 2
    Explanation: "a" | "bccb" | "c".

    Constraints:
    - 1 ≤ len(s) ≤ 2000
    - lowercase English letters
    """,
    "minCut", "def minCut(self, s: str) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, "((centre, centre), (centre, centre + 1))", "((centre, centre),)"),
        "off_by_one": _sub(_REF, "cuts = [i - 1 for i in range(n + 1)]", "cuts = [i for i in range(n + 1)]"),
        "wrong_logic": """
        class Solution:
            def minCut(self, s: str) -> int:
                cuts = -1
                i = 0
                while i < len(s):
                    j = len(s)
                    while s[i:j] != s[i:j][::-1]:
                        j -= 1
                    cuts += 1
                    i = j
                return cuts
        """,
        "too_slow": """
        class Solution:
            def minCut(self, s: str) -> int:
                def go(i: int) -> int:
                    if i == len(s):
                        return -1
                    best = len(s)
                    for j in range(i + 1, len(s) + 1):
                        if s[i:j] == s[i:j][::-1]:
                            best = min(best, 1 + go(j))
                    return best
                return go(0)
        """,
    },
    [("a",), ("aab",), ("ab",), ("abccbc",), ("racecar",), ("abba",), ("aabaa",), ("a" * 24 + "b",)],
    lambda rng: (_word(rng, rng.choice(["ab", "abc"]), 1, 12),),
    "hard", ("dynamic programming", "string"),
)

_REF = """
from typing import List


def max_value(weights: List[int], values: List[int], capacity: int) -> int:
    best = [0] * (capacity + 1)
    for w, v in zip(weights, values):
        for c in range(capacity, w - 1, -1):
            if best[c - w] + v > best[c]:
                best[c] = best[c - w] + v
    return best[capacity]
"""
_add(
    "pack-a-bag-each-item-once", "Pack a Bag, Each Item Once",
    """
    Item i weighs weights[i] and is worth values[i]. Choose a set of items (each item at most once) whose
    total weight is at most capacity, and return the largest possible total worth.

    Example 1:
    Input: weights = [1, 3, 4, 5], values = [1, 4, 5, 7], capacity = 7
    Output: 9
    Explanation: items of weight 3 and 4.

    Example 2:
    Input: weights = [5], values = [10], capacity = 4
    Output: 0

    Constraints:
    - 0 ≤ len(weights) = len(values) ≤ 100
    - 1 ≤ weights[i] ≤ 1000, 0 ≤ values[i] ≤ 1000
    - 0 ≤ capacity ≤ 1000
    """,
    "max_value", "def max_value(weights: List[int], values: List[int], capacity: int) -> int:", _REF,
    {
        "off_by_one": _sub(_REF, "range(capacity, w - 1, -1)", "range(capacity, w, -1)"),
        "wrong_logic_2": _sub(_REF, "range(capacity, w - 1, -1)", "range(w, capacity + 1)"),
        "wrong_logic": """
        from typing import List


        def max_value(weights: List[int], values: List[int], capacity: int) -> int:
            order = sorted(range(len(weights)), key=lambda i: values[i] / weights[i], reverse=True)
            total = 0
            for i in order:
                if weights[i] <= capacity:
                    capacity -= weights[i]
                    total += values[i]
            return total
        """,
        "wrong_type": _sub(_REF, "    return best[capacity]", "    return float(best[capacity])"),
    },
    [([], [], 5), ([5], [10], 4), ([5], [10], 5), ([1, 3, 4, 5], [1, 4, 5, 7], 7), ([2, 2], [3, 3], 0),
     ([1, 2, 3], [6, 10, 12], 5)],
    lambda rng: (lambda n: (_ints(rng, n, 1, 10), _ints(rng, n, 0, 20), rng.randint(0, 25)))(rng.randint(0, 8)),
    "medium", ("dynamic programming",), style="function",
)

# ==================================================================================================== graphs
_REF = """
from typing import List


def count_components(n: int, edges: List[List[int]]) -> int:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    groups = n
    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
            groups -= 1
    return groups
"""


def _gen_edges(rng: random.Random, n: int, m: int, directed: bool = False) -> list[list[int]]:
    pairs = set()
    for _ in range(m):
        a, b = rng.randrange(n), rng.randrange(n)
        if a == b:
            continue
        key = (a, b) if directed else (min(a, b), max(a, b))
        pairs.add(key)
    out = [list(p) for p in sorted(pairs)]
    rng.shuffle(out)
    return out


_add(
    "count-connected-groups", "Count Connected Groups",
    """
    A network has n nodes labelled 0 to n - 1 and a list of undirected edges [a, b]. Return the number of
    connected components (a node with no edges is a component by itself).

    Example 1:
    Input: n = 5, edges = [[0, 1], [1, 2], [3, 4]]
    Output: 2

    Example 2:
    Input: n = 4, edges = []
    Output: 4

    Constraints:
    - 1 ≤ n ≤ 2000
    - 0 ≤ len(edges) ≤ 5000; 0 ≤ a, b < n, a != b, no repeated edges
    """,
    "count_components", "def count_components(n: int, edges: List[List[int]]) -> int:", _REF,
    {
        "missed_edge": """
        from typing import List


        def count_components(n: int, edges: List[List[int]]) -> int:
            adj = {}
            for a, b in edges:
                adj.setdefault(a, []).append(b)
                adj.setdefault(b, []).append(a)
            seen = set()
            groups = 0
            for start in adj:
                if start in seen:
                    continue
                groups += 1
                stack = [start]
                seen.add(start)
                while stack:
                    for nxt in adj[stack.pop()]:
                        if nxt not in seen:
                            seen.add(nxt)
                            stack.append(nxt)
            return groups
        """,
        "wrong_logic": """
        from typing import List


        def count_components(n: int, edges: List[List[int]]) -> int:
            return n - len(edges)
        """,
        "off_by_one": _sub(_REF, "    groups = n\n", "    groups = n - 1\n"),
    },
    [(1, []), (4, []), (5, [[0, 1], [1, 2], [3, 4]]), (3, [[0, 1], [1, 2], [0, 2]]), (2, [[1, 0]])],
    lambda rng: ((n := rng.randint(1, 12)), _gen_edges(rng, n, rng.randint(0, n + 2))),
    "medium", ("graph", "union find"), style="function",
)


def _gen_prereqs(rng: random.Random) -> tuple:
    n = rng.randint(1, 8)
    order = list(range(n))
    rng.shuffle(order)
    edges = set()
    for _ in range(rng.randint(0, 10)):
        i, j = rng.randrange(n), rng.randrange(n)
        if i != j:
            a, b = (order[max(i, j)], order[min(i, j)])
            edges.add((a, b))
    if rng.random() < 0.3:
        a, b = rng.randrange(n), rng.randrange(n)
        edges.add((a, b))  # may close a cycle (or be a self-loop)
    out = [list(e) for e in sorted(edges)]
    rng.shuffle(out)
    return n, out


_REF = """
from collections import deque
from typing import List


class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        indeg = [0] * numCourses
        after = [[] for _ in range(numCourses)]
        for course, before in prerequisites:
            after[before].append(course)
            indeg[course] += 1
        queue = deque(c for c in range(numCourses) if indeg[c] == 0)
        done = 0
        while queue:
            c = queue.popleft()
            done += 1
            for nxt in after[c]:
                indeg[nxt] -= 1
                if indeg[nxt] == 0:
                    queue.append(nxt)
        return done == numCourses
"""
_add(
    "can-all-courses-be-finished", "Can All Courses Be Finished",
    """
    There are numCourses courses labelled 0 to numCourses - 1. A pair [a, b] in prerequisites means course
    b must be taken before course a. Return True if some order lets you take every course, and False if
    the requirements contain a cycle (including a course that requires itself).

    Example 1:
    Input: numCourses = 2, prerequisites = [[1, 0]]
    Output: True

    Example 2:
    Input: numCourses = 2, prerequisites = [[1, 0], [0, 1]]
    Output: False

    Constraints:
    - 1 ≤ numCourses ≤ 2000
    - 0 ≤ len(prerequisites) ≤ 5000, pairs are distinct
    """,
    "canFinish", "def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:", _REF,
    {
        "off_by_one": _sub(_REF, "for c in range(numCourses) if indeg[c] == 0",
                           "for c in range(1, numCourses) if indeg[c] == 0"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
                after = [[] for _ in range(numCourses)]
                for course, before in prerequisites:
                    after[before].append(course)
                seen = set()
                def dfs(c: int) -> bool:
                    if c in seen:
                        return False
                    seen.add(c)
                    return all(dfs(nxt) for nxt in after[c])
                return all(dfs(c) for c in range(numCourses) if c not in seen)
        """,
        "missed_edge": """
        from typing import List


        class Solution:
            def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
                after = [[] for _ in range(numCourses)]
                for course, before in prerequisites:
                    after[before].append(course)
                state = [0] * numCourses
                def dfs(c: int) -> bool:
                    if state[c] == 1:
                        return False
                    if state[c] == 2:
                        return True
                    state[c] = 1
                    ok = all(dfs(nxt) for nxt in after[c])
                    state[c] = 2
                    return ok
                return dfs(0)
        """,
    },
    [(1, []), (2, [[1, 0]]), (2, [[1, 0], [0, 1]]), (1, [[0, 0]]), (3, [[1, 0], [2, 1], [2, 0]]),
     (4, [[2, 3], [3, 2]])],
    _gen_prereqs,
    "medium", ("graph", "topological sort"),
)

_REF = """
import heapq
from typing import List


def smallest_course_order(n: int, prerequisites: List[List[int]]) -> List[int]:
    indeg = [0] * n
    after = [[] for _ in range(n)]
    for course, before in prerequisites:
        after[before].append(course)
        indeg[course] += 1
    ready = [c for c in range(n) if indeg[c] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        c = heapq.heappop(ready)
        order.append(c)
        for nxt in after[c]:
            indeg[nxt] -= 1
            if indeg[nxt] == 0:
                heapq.heappush(ready, nxt)
    return order if len(order) == n else []
"""
_add(
    "smallest-valid-course-order", "Smallest Valid Course Order",
    """
    There are n courses labelled 0 to n - 1; a pair [a, b] in prerequisites means course b must come
    before course a. Among all orders that take every course once and respect the prerequisites, return
    the lexicographically smallest one (compare the lists element by element). Return [] if no valid
    order exists.

    Example 1:
    Input: n = 4, prerequisites = [[1, 0], [2, 0], [3, 1], [3, 2]]
    Output: [0, 1, 2, 3]

    Example 2:
    Input: n = 3, prerequisites = [[0, 2]]
    Output: [1, 2, 0]

    Constraints:
    - 1 ≤ n ≤ 2000
    - 0 ≤ len(prerequisites) ≤ 5000, pairs are distinct
    """,
    "smallest_course_order", "def smallest_course_order(n: int, prerequisites: List[List[int]]) -> List[int]:",
    _REF,
    {
        "wrong_logic": """
        from collections import deque
        from typing import List


        def smallest_course_order(n: int, prerequisites: List[List[int]]) -> List[int]:
            indeg = [0] * n
            after = [[] for _ in range(n)]
            for course, before in prerequisites:
                after[before].append(course)
                indeg[course] += 1
            ready = deque(c for c in range(n) if indeg[c] == 0)
            order = []
            while ready:
                c = ready.popleft()
                order.append(c)
                for nxt in sorted(after[c]):
                    indeg[nxt] -= 1
                    if indeg[nxt] == 0:
                        ready.append(nxt)
            return order if len(order) == n else []
        """,
        "missed_edge": _sub(_REF, "return order if len(order) == n else []", "return order"),
        "off_by_one": _sub(_REF, "for c in range(n) if indeg[c] == 0", "for c in range(n - 1) if indeg[c] == 0"),
    },
    [(1, []), (3, [[0, 2]]), (4, [[1, 0], [2, 0], [3, 1], [3, 2]]), (2, [[0, 1], [1, 0]]), (3, []),
     (5, [[0, 4], [1, 3]])],
    _gen_prereqs,
    "medium", ("graph", "topological sort", "heap"), style="function",
)

_REF = """
import heapq
from typing import List


class Solution:
    def networkDelayTime(self, times: List[List[int]], n: int, k: int) -> int:
        adj = [[] for _ in range(n + 1)]
        for u, v, w in times:
            adj[u].append((v, w))
        dist = {}
        heap = [(0, k)]
        while heap:
            d, u = heapq.heappop(heap)
            if u in dist:
                continue
            dist[u] = d
            for v, w in adj[u]:
                if v not in dist:
                    heapq.heappush(heap, (d + w, v))
        if len(dist) < n:
            return -1
        return max(dist.values())
"""


def _gen_delay(rng: random.Random) -> tuple:
    n = rng.randint(1, 8)
    edges = _gen_edges(rng, n, rng.randint(0, 3 * n), directed=True)
    return [[a + 1, b + 1, rng.randint(0, 9)] for a, b in edges], n, rng.randint(1, n)


_add(
    "signal-spread-time", "Time for a Signal to Reach Every Node",
    """
    A network has n nodes labelled 1 to n and directed edges times[i] = [u, v, w]: a signal sent from u
    reaches v after w time units. A signal starts at node k at time 0. Return the time at which every
    node has received it, or -1 if some node never does.

    Example 1:
    Input: times = [[2, 1, 1], [2, 3, 1], [3, 4, 1]], n = 4, k = 2
    Output: 2

    Example 2:
    Input: times = [[1, 2, 1]], n = 2, k = 2
    Output: -1

    Constraints:
    - 1 ≤ n ≤ 100, 1 ≤ k ≤ n
    - 0 ≤ len(times) ≤ 6000, 0 ≤ w ≤ 100, no repeated (u, v) pair
    """,
    "networkDelayTime", "def networkDelayTime(self, times: List[List[int]], n: int, k: int) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, "        if len(dist) < n:\n            return -1\n", ""),
        "off_by_one": _sub(_REF, "        if len(dist) < n:\n            return -1\n",
                           "        for node in range(1, n):\n            if node not in dist:\n"
                           "                return -1\n"),
        "wrong_logic": """
        from collections import deque
        from typing import List


        class Solution:
            def networkDelayTime(self, times: List[List[int]], n: int, k: int) -> int:
                adj = [[] for _ in range(n + 1)]
                for u, v, w in times:
                    adj[u].append((v, w))
                dist = {k: 0}
                queue = deque([k])
                while queue:
                    u = queue.popleft()
                    for v, w in adj[u]:
                        if v not in dist:
                            dist[v] = dist[u] + w
                            queue.append(v)
                return max(dist.values()) if len(dist) == n else -1
        """,
    },
    [([[2, 1, 1], [2, 3, 1], [3, 4, 1]], 4, 2), ([[1, 2, 1]], 2, 2), ([[1, 2, 1]], 2, 1), ([], 1, 1),
     ([[1, 2, 5], [1, 3, 1], [3, 2, 1]], 3, 1), ([[1, 2, 1], [2, 3, 1]], 4, 1)],
    _gen_delay,
    "medium", ("graph", "shortest path", "heap"),
)


def _gen_bipartite(rng: random.Random) -> tuple:
    n = rng.randint(1, 9)
    side = [rng.randrange(2) for _ in range(n)]
    adj: list[set[int]] = [set() for _ in range(n)]
    for _ in range(rng.randint(0, 2 * n)):
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b and (side[a] != side[b] or rng.random() < 0.15):
            adj[a].add(b)
            adj[b].add(a)
    return ([sorted(s) for s in adj],)


_REF = """
from collections import deque
from typing import List


class Solution:
    def isBipartite(self, graph: List[List[int]]) -> bool:
        colour = [-1] * len(graph)
        for start in range(len(graph)):
            if colour[start] != -1:
                continue
            colour[start] = 0
            queue = deque([start])
            while queue:
                u = queue.popleft()
                for v in graph[u]:
                    if colour[v] == -1:
                        colour[v] = 1 - colour[u]
                        queue.append(v)
                    elif colour[v] == colour[u]:
                        return False
        return True
"""
_add(
    "two-colour-an-undirected-graph", "Two-Colour an Undirected Graph",
    """
    graph is an undirected graph as an adjacency list: graph[u] lists the neighbours of node u (if v is in
    graph[u] then u is in graph[v]; no self-loops). The graph need not be connected. Return True if every
    node can be coloured red or blue so that each edge joins a red node and a blue node.

    Example 1:
    Input: graph = [[1, 3], [0, 2], [1, 3], [0, 2]]
    Output: True

    Example 2:
    Input: graph = [[1, 2, 3], [0, 2], [0, 1, 3], [0, 2]]
    Output: False

    Constraints:
    - 1 ≤ len(graph) ≤ 100
    """,
    "isBipartite", "def isBipartite(self, graph: List[List[int]]) -> bool:", _REF,
    {
        "missed_edge": _sub(_REF, "for start in range(len(graph)):", "for start in range(1 if graph else 0):"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def isBipartite(self, graph: List[List[int]]) -> bool:
                colour = [-1] * len(graph)
                for u in range(len(graph)):
                    if colour[u] == -1:
                        colour[u] = 0
                    for v in graph[u]:
                        if colour[v] == -1:
                            colour[v] = 1 - colour[u]
                        elif colour[v] == colour[u]:
                            return False
                return True
        """,
        "wrong_type": _sub(_REF, "                        return False\n        return True",
                           "                        return 0\n        return 1"),
    },
    [([[]],), ([[1, 3], [0, 2], [1, 3], [0, 2]],), ([[1, 2, 3], [0, 2], [0, 1, 3], [0, 2]],),
     ([[], [2, 3], [1, 3], [1, 2]],), ([[3], [2], [1, 3], [0, 2]],)],
    _gen_bipartite,
    "medium", ("graph", "bfs"),
)

_REF = """
from typing import List


def cheapest_flight(n: int, flights: List[List[int]], src: int, dst: int, k: int) -> int:
    INF = float("inf")
    cost = [INF] * n
    cost[src] = 0
    for _ in range(k + 1):
        nxt = cost[:]
        for u, v, p in flights:
            if cost[u] + p < nxt[v]:
                nxt[v] = cost[u] + p
        cost = nxt
    return -1 if cost[dst] == INF else int(cost[dst])
"""


def _gen_flights(rng: random.Random) -> tuple:
    n = rng.randint(2, 7)
    flights = [[a, b, rng.randint(1, 20)] for a, b in _gen_edges(rng, n, rng.randint(1, 3 * n), directed=True)]
    src, dst = rng.sample(range(n), 2)
    return n, flights, src, dst, rng.randint(0, 3)


_add(
    "cheapest-trip-with-limited-stops", "Cheapest Trip With Limited Stops",
    """
    There are n cities labelled 0 to n - 1 and one-way flights [u, v, price]. Return the cheapest total
    price of a trip from src to dst that makes at most k intermediate stops (so at most k + 1 flights), or
    -1 if there is no such trip.

    Example 1:
    Input: n = 4, flights = [[0, 1, 100], [1, 2, 100], [2, 0, 100], [1, 3, 600], [2, 3, 200]], src = 0, dst = 3, k = 1
    Output: 700

    Example 2:
    Input: n = 3, flights = [[0, 1, 100], [1, 2, 100], [0, 2, 500]], src = 0, dst = 2, k = 0
    Output: 500

    Constraints:
    - 2 ≤ n ≤ 100, src != dst, 0 ≤ k < n
    - 0 ≤ len(flights) ≤ n * (n - 1), 1 ≤ price ≤ 10^4, no repeated (u, v) pair
    """,
    "cheapest_flight",
    "def cheapest_flight(n: int, flights: List[List[int]], src: int, dst: int, k: int) -> int:", _REF,
    {
        "wrong_logic": _sub(_REF, "        nxt = cost[:]\n", "        nxt = cost\n"),
        "off_by_one": _sub(_REF, "for _ in range(k + 1):", "for _ in range(k):"),
        "missed_edge": """
        import heapq
        from typing import List


        def cheapest_flight(n: int, flights: List[List[int]], src: int, dst: int, k: int) -> int:
            adj = [[] for _ in range(n)]
            for u, v, p in flights:
                adj[u].append((v, p))
            best = {}
            heap = [(0, src)]
            while heap:
                d, u = heapq.heappop(heap)
                if u in best:
                    continue
                best[u] = d
                for v, p in adj[u]:
                    heapq.heappush(heap, (d + p, v))
            return best.get(dst, -1)
        """,
    },
    [(4, [[0, 1, 100], [1, 2, 100], [2, 0, 100], [1, 3, 600], [2, 3, 200]], 0, 3, 1),
     (3, [[0, 1, 100], [1, 2, 100], [0, 2, 500]], 0, 2, 0), (3, [[0, 1, 100], [1, 2, 100], [0, 2, 500]], 0, 2, 1),
     (2, [], 0, 1, 1), (3, [[0, 1, 1], [1, 2, 1]], 0, 2, 0)],
    _gen_flights,
    "medium", ("graph", "shortest path", "dynamic programming"), style="function",
)

_REF = """
from typing import List


def redundant_edge(edges: List[List[int]]) -> List[int]:
    parent = list(range(len(edges) + 1))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra == rb:
            return [a, b]
        parent[ra] = rb
    return []
"""


def _gen_redundant(rng: random.Random) -> tuple:
    n = rng.randint(3, 10)
    label = list(range(1, n + 1))
    rng.shuffle(label)
    pairs = {(rng.randrange(i), i) for i in range(1, n)}
    while True:
        a, b = sorted(rng.sample(range(n), 2))
        if (a, b) not in pairs:
            pairs.add((a, b))
            break
    edges = [[label[a], label[b]] if rng.random() < 0.5 else [label[b], label[a]] for a, b in sorted(pairs)]
    rng.shuffle(edges)
    return (edges,)


_add(
    "edge-that-closes-the-cycle", "The Edge That Closes the Cycle",
    """
    A tree on nodes 1 to n had one extra edge added, giving the n undirected edges in edges. Return an
    edge whose removal turns the graph back into a tree; if several edges qualify, return the one that
    appears last in edges. Return it exactly as it is written in the input.

    Example 1:
    Input: edges = [[1, 2], [1, 3], [2, 3]]
    Output: [2, 3]

    Example 2:
    Input: edges = [[1, 2], [2, 3], [3, 4], [1, 4], [1, 5]]
    Output: [1, 4]

    Constraints:
    - 3 ≤ n = len(edges) ≤ 1000
    - 1 ≤ a, b ≤ n, a != b, no repeated edge
    """,
    "redundant_edge", "def redundant_edge(edges: List[List[int]]) -> List[int]:", _REF,
    {
        "off_by_one": _sub(_REF, "parent = list(range(len(edges) + 1))", "parent = list(range(len(edges)))"),
        "missed_edge": """
        from typing import List


        def redundant_edge(edges: List[List[int]]) -> List[int]:
            seen = set()
            for a, b in edges:
                if a in seen and b in seen:
                    return [a, b]
                seen.add(a)
                seen.add(b)
            return []
        """,
        "wrong_logic": """
        from typing import List


        def redundant_edge(edges: List[List[int]]) -> List[int]:
            parent = list(range(len(edges) + 1))
            for a, b in edges:
                if parent[a] == parent[b]:
                    return [a, b]
                parent[b] = parent[a]
            return []
        """,
    },
    [([[1, 2], [1, 3], [2, 3]],), ([[1, 2], [2, 3], [3, 4], [1, 4], [1, 5]],), ([[3, 1], [2, 3], [1, 2]],),
     ([[1, 4], [3, 4], [1, 3], [1, 2], [4, 5]],)],
    _gen_redundant,
    "medium", ("graph", "union find"), style="function",
)

_REF = """
from typing import List


class Solution:
    def minimumCost(self, n: int, connections: List[List[int]]) -> int:
        parent = list(range(n + 1))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        total = 0
        used = 0
        for a, b, cost in sorted(connections, key=lambda e: e[2]):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[ra] = rb
                total += cost
                used += 1
        return total if used == n - 1 else -1
"""


def _gen_mst(rng: random.Random) -> tuple:
    n = rng.randint(1, 8)
    edges = [[a + 1, b + 1, rng.randint(1, 20)] for a, b in _gen_edges(rng, n, rng.randint(0, 3 * n))]
    return n, edges


_add(
    "cheapest-network-connecting-all-cities", "Cheapest Network Connecting All Cities",
    """
    There are n cities labelled 1 to n and candidate roads connections[i] = [a, b, cost] (undirected).
    Return the smallest total cost of a set of roads that connects every pair of cities (directly or
    through others), or -1 if no choice of roads connects them all. A single city needs no road.

    Example 1:
    Input: n = 3, connections = [[1, 2, 5], [1, 3, 6], [2, 3, 1]]
    Output: 6

    Example 2:
    Input: n = 4, connections = [[1, 2, 3], [3, 4, 4]]
    Output: -1

    Constraints:
    - 1 ≤ n ≤ 10^4
    - 0 ≤ len(connections) ≤ 10^4, 1 ≤ cost ≤ 10^5, no repeated pair
    """,
    "minimumCost", "def minimumCost(self, n: int, connections: List[List[int]]) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, "return total if used == n - 1 else -1", "return total"),
        "wrong_logic": _sub(_REF, "sorted(connections, key=lambda e: e[2])", "connections"),
        "off_by_one": _sub(_REF, "return total if used == n - 1 else -1", "return total if used == n else -1"),
    },
    [(1, []), (3, [[1, 2, 5], [1, 3, 6], [2, 3, 1]]), (4, [[1, 2, 3], [3, 4, 4]]), (2, [[1, 2, 7]]),
     (3, [[1, 2, 1], [2, 3, 1], [1, 3, 1]])],
    _gen_mst,
    "medium", ("graph", "union find", "greedy"),
)

_REF = """
from collections import deque
from typing import List


class Solution:
    def eventualSafeNodes(self, graph: List[List[int]]) -> List[int]:
        n = len(graph)
        outdeg = [len(g) for g in graph]
        into = [[] for _ in range(n)]
        for u in range(n):
            for v in graph[u]:
                into[v].append(u)
        queue = deque(u for u in range(n) if outdeg[u] == 0)
        safe = [False] * n
        while queue:
            v = queue.popleft()
            safe[v] = True
            for u in into[v]:
                outdeg[u] -= 1
                if outdeg[u] == 0:
                    queue.append(u)
        return [u for u in range(n) if safe[u]]
"""


def _gen_safe(rng: random.Random) -> tuple:
    n = rng.randint(1, 8)
    graph = []
    for u in range(n):
        k = rng.choice([0, 0, 1, 1, 2, 3])
        graph.append(sorted(set(rng.randrange(n) for _ in range(k))))
    return (graph,)


_add(
    "nodes-that-always-reach-a-dead-end", "Nodes That Always Reach a Dead End",
    """
    graph is a directed graph: graph[u] lists the nodes u has an edge to (self-loops allowed). A node is
    terminal if it has no outgoing edge, and safe if every path that starts at it eventually reaches a
    terminal node (so it can never walk forever around a cycle). Return all safe nodes in increasing
    order.

    Example 1:
    Input: graph = [[1, 2], [2, 3], [5], [0], [5], [], []]
    Output: [2, 4, 5, 6]

    Example 2:
    Input: graph = [[0], []]
    Output: [1]

    Constraints:
    - 1 ≤ len(graph) ≤ 10^4
    - 0 ≤ len(graph[u]) ≤ len(graph), graph[u] is sorted without repeats
    """,
    "eventualSafeNodes", "def eventualSafeNodes(self, graph: List[List[int]]) -> List[int]:", _REF,
    {
        "wrong_logic": """
        from typing import List


        class Solution:
            def eventualSafeNodes(self, graph: List[List[int]]) -> List[int]:
                n = len(graph)
                on_cycle = set()
                for start in range(n):
                    stack = [(start, [start])]
                    seen = set()
                    while stack:
                        u, path = stack.pop()
                        for v in graph[u]:
                            if v == start:
                                on_cycle.add(start)
                            elif v not in seen:
                                seen.add(v)
                                stack.append((v, path + [v]))
                return [u for u in range(n) if u not in on_cycle]
        """,
        "missed_edge": """
        from typing import List


        class Solution:
            def eventualSafeNodes(self, graph: List[List[int]]) -> List[int]:
                return [u for u in range(len(graph)) if not graph[u] or all(not graph[v] for v in graph[u])]
        """,
        "wrong_type": _sub(_REF, "return [u for u in range(n) if safe[u]]", "return {u for u in range(n) if safe[u]}"),
    },
    [([[1, 2], [2, 3], [5], [0], [5], [], []],), ([[0], []],), ([[]],), ([[1], [2], [3], []],),
     ([[1], [0], [0]],), ([[1, 2, 3, 4], [1, 2], [3, 4], [0, 4], []],)],
    _gen_safe,
    "medium", ("graph", "topological sort"),
)

_REF = """
from typing import List


def all_paths(graph: List[List[int]]) -> List[List[int]]:
    target = len(graph) - 1
    paths: List[List[int]] = []
    path = [0]

    def walk(u: int) -> None:
        if u == target:
            paths.append(path[:])
            return
        for v in graph[u]:
            path.append(v)
            walk(v)
            path.pop()

    walk(0)
    return paths
"""


def _gen_dag(rng: random.Random) -> tuple:
    n = rng.randint(1, 7)
    p = rng.choice([0.3, 0.5, 0.7])
    return ([[v for v in range(u + 1, n) if rng.random() < p] for u in range(n)],)


_add(
    "every-route-through-a-dag", "Every Route Through a DAG",
    """
    graph is a directed acyclic graph on nodes 0 to n - 1: graph[u] lists the nodes u has an edge to.
    Return every path from node 0 to node n - 1, each as the list of nodes it visits. The paths may be
    returned in any order. When n = 1 the only path is [0].

    Example 1:
    Input: graph = [[1, 2], [3], [3], []]
    Output: [[0, 1, 3], [0, 2, 3]]

    Example 2:
    Input: graph = [[1], []]
    Output: [[0, 1]]

    Constraints:
    - 1 ≤ n ≤ 15, the graph has no cycle and no repeated edge
    """,
    "all_paths", "def all_paths(graph: List[List[int]]) -> List[List[int]]:", _REF,
    {
        "missed_edge": """
        from typing import List


        def all_paths(graph: List[List[int]]) -> List[List[int]]:
            target = len(graph) - 1
            paths = []
            stack = [[0]]
            while stack:
                path = stack.pop()
                for v in graph[path[-1]]:
                    if v == target:
                        paths.append(path + [v])
                    else:
                        stack.append(path + [v])
            return paths
        """,
        "wrong_logic": """
        from typing import List


        def all_paths(graph: List[List[int]]) -> List[List[int]]:
            target = len(graph) - 1
            paths = []
            seen = set()
            def walk(u: int, path: List[int]) -> None:
                if u == target:
                    paths.append(path)
                    return
                for v in graph[u]:
                    if v not in seen or v == target:
                        seen.add(v)
                        walk(v, path + [v])
            walk(0, [0])
            return paths
        """,
        "wrong_type": _sub(_REF, "paths.append(path[:])", 'paths.append("->".join(map(str, path)))'),
    },
    [([[]],), ([[1], []],), ([[1, 2], [3], [3], []],), ([[4, 3, 1], [3, 2, 4], [3], [4], []],), ([[], []],),
     ([[1, 2], [], []],)],
    _gen_dag,
    "medium", ("graph", "backtracking", "dfs"), style="function", compare="unordered",
)

# ===================================================================================================== trees
_TREE = """
from collections import deque
from typing import List, Optional


class TreeNode:
    def __init__(self, val: int) -> None:
        self.val = val
        self.left: Optional["TreeNode"] = None
        self.right: Optional["TreeNode"] = None


def build_tree(values: List[Optional[int]]) -> Optional[TreeNode]:
    if not values:
        return None
    root = TreeNode(values[0])
    queue = deque([root])
    i = 1
    while queue and i < len(values):
        node = queue.popleft()
        if i < len(values) and values[i] is not None:
            node.left = TreeNode(values[i])
            queue.append(node.left)
        i += 1
        if i < len(values) and values[i] is not None:
            node.right = TreeNode(values[i])
            queue.append(node.right)
        i += 1
    return root
"""


def _gen_tree(lo: int = -10, hi: int = 10, max_n: int = 15) -> Callable[[random.Random], tuple]:
    return lambda rng: (_random_tree(rng, rng.randint(0, max_n), lo, hi),)


def _bst_level_order(values: list[int]) -> list:
    """Insert ``values`` in order into a BST (equal values go right) and return its level order."""
    nodes: list[list] = []  # [val, left, right]
    for v in values:
        if not nodes:
            nodes.append([v, None, None])
            continue
        i = 0
        while True:
            side = 1 if v < nodes[i][0] else 2
            if nodes[i][side] is None:
                nodes[i][side] = len(nodes)
                nodes.append([v, None, None])
                break
            i = nodes[i][side]
    out: list = []
    queue: list = [0] if nodes else []
    head = 0
    while head < len(queue):
        i = queue[head]
        head += 1
        if i is None:
            out.append(None)
            continue
        out.append(nodes[i][0])
        queue.extend(nodes[i][1:])
    while out and out[-1] is None:
        out.pop()
    return out


_REF = _TREE + """

class Solution:
    def maxDepth(self, root: List[Optional[int]]) -> int:
        node = build_tree(root)
        depth = 0
        level = [node] if node else []
        while level:
            depth += 1
            level = [c for n in level for c in (n.left, n.right) if c]
        return depth
"""
_add(
    "height-of-a-binary-tree", "Height of a Binary Tree",
    _TREE_FORMAT + """

    Return the number of nodes on the longest path from the root down to a leaf (0 for the empty tree).

    Example 1:
    Input: root = [3, 9, 20, None, None, 15, 7]
    Output: 3

    Example 2:
    Input: root = [1, None, 2]
    Output: 2

    Constraints:
    - 0 ≤ number of nodes ≤ 10^4
    - -100 ≤ node value ≤ 100
    """,
    "maxDepth", "def maxDepth(self, root: List[Optional[int]]) -> int:", _REF,
    {
        "off_by_one": _sub(_REF, "        depth = 0\n", "        depth = -1 if node else 0\n"),
        "missed_edge": _sub(_REF, "    if not values:\n        return None\n", ""),
        "wrong_logic": """
        from typing import List, Optional


        class Solution:
            def maxDepth(self, root: List[Optional[int]]) -> int:
                depth, size = 0, 1
                count = len(root)
                while count > 0:
                    depth += 1
                    count -= size
                    size *= 2
                return depth
        """,
    },
    [([],), ([1],), ([3, 9, 20, None, None, 15, 7],), ([1, None, 2],), ([1, 2, None, 3, None, 4],),
     ([1, None, 2, None, 3, None, 4],)],
    _gen_tree(max_n=15),
    "easy", ("tree", "bfs"),
)

_REF = _TREE + """

class Solution:
    def isValidBST(self, root: List[Optional[int]]) -> bool:
        stack = [(build_tree(root), float("-inf"), float("inf"))]
        while stack:
            node, lo, hi = stack.pop()
            if node is None:
                continue
            if not lo < node.val < hi:
                return False
            stack.append((node.left, lo, node.val))
            stack.append((node.right, node.val, hi))
        return True
"""


def _gen_bst(rng: random.Random) -> tuple:
    n = rng.randint(0, 12)
    r = rng.random()
    if r < 0.4:
        return (_bst_level_order(rng.sample(range(-30, 31), n)),)
    if r < 0.6:  # a BST with duplicates (equal keys in the right subtree): not strict
        return (_bst_level_order([rng.randint(-5, 5) for _ in range(n)]),)
    if r < 0.8:  # a BST with one value changed
        tree = _bst_level_order(rng.sample(range(-30, 31), n))
        idx = [i for i, v in enumerate(tree) if v is not None]
        if idx:
            tree[rng.choice(idx)] = rng.randint(-30, 30)
        return (tree,)
    return (_random_tree(rng, n, -30, 30),)


_add(
    "is-this-a-search-tree", "Is This a Binary Search Tree",
    _TREE_FORMAT + """

    Return True if the tree is a binary search tree: for every node, all values in its left subtree are
    strictly smaller than its value and all values in its right subtree are strictly larger. The empty
    tree is a binary search tree.

    Example 1:
    Input: root = [2, 1, 3]
    Output: True

    Example 2:
    Input: root = [5, 1, 4, None, None, 3, 6]
    Output: False
    Explanation: 3 and 4 are in the right subtree of 5 but smaller than 5.

    Constraints:
    - 0 ≤ number of nodes ≤ 10^4
    - -2^31 ≤ node value ≤ 2^31 - 1
    """,
    "isValidBST", "def isValidBST(self, root: List[Optional[int]]) -> bool:", _REF,
    {
        "wrong_logic": _TREE + "\n\n" + _src("""

        class Solution:
            def isValidBST(self, root: List[Optional[int]]) -> bool:
                stack = [build_tree(root)]
                while stack:
                    node = stack.pop()
                    if node is None:
                        continue
                    if node.left and node.left.val >= node.val:
                        return False
                    if node.right and node.right.val <= node.val:
                        return False
                    stack += [node.left, node.right]
                return True
        """),
        "off_by_one": _sub(_REF, "if not lo < node.val < hi:", "if not lo <= node.val <= hi:"),
        "missed_edge": _sub(_REF, "        stack = [(build_tree(root)",
                            "        if not root:\n            return False\n"
                            "        stack = [(build_tree(root)"),
    },
    [([],), ([2, 1, 3],), ([5, 1, 4, None, None, 3, 6],), ([2, 2, 2],), ([1, 1],), ([5, 4, 6, None, None, 3, 7],),
     ([0, None, -1],)],
    _gen_bst,
    "medium", ("tree", "binary search tree"),
)

_REF = _TREE + """

def level_order(root: List[Optional[int]]) -> List[List[int]]:
    node = build_tree(root)
    levels: List[List[int]] = []
    level = [node] if node else []
    while level:
        levels.append([n.val for n in level])
        level = [c for n in level for c in (n.left, n.right) if c]
    return levels
"""
_add(
    "tree-values-level-by-level", "Tree Values Level by Level",
    _TREE_FORMAT + """

    Return the values of the tree grouped by depth: a list whose i-th element lists, from left to right,
    the values of the nodes at depth i (the root is at depth 0). The empty tree gives [].

    Example 1:
    Input: root = [3, 9, 20, None, None, 15, 7]
    Output: [[3], [9, 20], [15, 7]]

    Example 2:
    Input: root = [1, None, 2, 3]
    Output: [[1], [2], [3]]

    Constraints:
    - 0 ≤ number of nodes ≤ 2000
    - -1000 ≤ node value ≤ 1000
    """,
    "level_order", "def level_order(root: List[Optional[int]]) -> List[List[int]]:", _REF,
    {
        "wrong_type": _sub(_REF, "levels.append([n.val for n in level])", "levels.extend(n.val for n in level)"),
        "missed_edge": _sub(_REF, "    level = [node] if node else []\n", "    level = [node]\n",
                            "        levels.append([n.val for n in level])\n",
                            "        levels.append([n.val for n in level if n])\n",
                            "        level = [c for n in level for c in (n.left, n.right) if c]\n",
                            "        level = [c for n in level if n for c in (n.left, n.right) if c]\n"),
        "wrong_logic": """
        from typing import List, Optional


        def level_order(root: List[Optional[int]]) -> List[List[int]]:
            levels = []
            start, size = 0, 1
            while start < len(root):
                chunk = [v for v in root[start:start + size] if v is not None]
                if chunk:
                    levels.append(chunk)
                start += size
                size *= 2
            return levels
        """,
    },
    [([],), ([1],), ([3, 9, 20, None, None, 15, 7],), ([1, None, 2, 3],), ([1, 2, 3, 4, None, None, 5],)],
    _gen_tree(max_n=14),
    "medium", ("tree", "bfs"), style="function",
)

_REF = _TREE + """

class Solution:
    def rightSideView(self, root: List[Optional[int]]) -> List[int]:
        node = build_tree(root)
        view: List[int] = []
        level = [node] if node else []
        while level:
            view.append(level[-1].val)
            level = [c for n in level for c in (n.left, n.right) if c]
        return view
"""
_add(
    "view-from-the-right-side", "The Tree Seen From the Right",
    _TREE_FORMAT + """

    Standing to the right of the tree, you see the rightmost node of every level. Return their values
    from the top level to the bottom one ([] for the empty tree).

    Example 1:
    Input: root = [1, 2, 3, None, 5, None, 4]
    Output: [1, 3, 4]

    Example 2:
    Input: root = [1, 2, 3, 4]
    Output: [1, 3, 4]

    Constraints:
    - 0 ≤ number of nodes ≤ 100
    - -100 ≤ node value ≤ 100
    """,
    "rightSideView", "def rightSideView(self, root: List[Optional[int]]) -> List[int]:", _REF,
    {
        "wrong_logic": _TREE + "\n\n" + _src("""

        class Solution:
            def rightSideView(self, root: List[Optional[int]]) -> List[int]:
                node = build_tree(root)
                view = []
                while node:
                    view.append(node.val)
                    node = node.right
                return view
        """),
        "missed_edge": _sub(_REF, "        level = [node] if node else []\n", "        level = [node]\n",
                            "            view.append(level[-1].val)\n",
                            "            view.append(level[-1].val if level[-1] else None)\n",
                            "            level = [c for n in level for c in (n.left, n.right) if c]\n",
                            "            level = [c for n in level if n for c in (n.left, n.right) if c]\n"),
        "off_by_one": _TREE + "\n\n" + _src("""

        class Solution:
            def rightSideView(self, root: List[Optional[int]]) -> List[int]:
                view = []
                def visit(node: Optional[TreeNode], depth: int) -> None:
                    if node is None:
                        return
                    if depth == len(view):
                        view.append(node.val)
                    visit(node.right, depth + 1)
                    visit(node.left, depth + 1)
                visit(build_tree(root), 1)
                return view
        """),
    },
    [([],), ([1],), ([1, 2, 3, None, 5, None, 4],), ([1, 2, 3, 4],), ([1, 2],)],
    _gen_tree(max_n=14),
    "medium", ("tree", "bfs"),
)

_REF = _TREE + """

def lowest_common_ancestor(root: List[Optional[int]], p: int, q: int) -> int:
    def find(node: Optional[TreeNode]) -> Optional[TreeNode]:
        if node is None or node.val == p or node.val == q:
            return node
        left, right = find(node.left), find(node.right)
        if left and right:
            return node
        return left or right

    return find(build_tree(root)).val
"""


def _gen_lca(rng: random.Random) -> tuple:
    n = rng.randint(1, 14)
    vals = rng.sample(range(0, 50), n)
    tree = _random_tree(rng, n, values=vals)
    return tree, rng.choice(vals), rng.choice(vals)


_LCA_PATHS = _TREE + """

def lowest_common_ancestor(root: List[Optional[int]], p: int, q: int) -> int:
    def path_to(node: Optional[TreeNode], target: int, path: List[int]) -> bool:
        if node is None:
            return False
        path.append(node.val)
        if node.val == target or path_to(node.left, target, path) or path_to(node.right, target, path):
            return True
        path.pop()
        return False

    tree = build_tree(root)
    pp, qp = [], []
    path_to(tree, p, pp)
    path_to(tree, q, qp)
    i = 0
    while i < min(len(pp), len(qp)) and pp[i] == qp[i]:
        i += 1
    return pp[i - 1]
"""
_add(
    "lowest-shared-ancestor", "Lowest Shared Ancestor in a Binary Tree",
    _TREE_FORMAT + """

    All values in the tree are distinct, and p and q are values of nodes in it (possibly the same node).
    Return the value of their lowest common ancestor: the deepest node that has both nodes in its subtree,
    where a node counts as being in its own subtree.

    Example 1:
    Input: root = [3, 5, 1, 6, 2, 0, 8, None, None, 7, 4], p = 5, q = 4
    Output: 5

    Example 2:
    Input: root = [3, 5, 1, 6, 2, 0, 8, None, None, 7, 4], p = 6, q = 8
    Output: 3

    Constraints:
    - 1 ≤ number of nodes ≤ 500, distinct values
    """,
    "lowest_common_ancestor", "def lowest_common_ancestor(root: List[Optional[int]], p: int, q: int) -> int:",
    _REF,
    {
        "wrong_logic": _TREE + "\n\n" + _src("""

        def lowest_common_ancestor(root: List[Optional[int]], p: int, q: int) -> int:
            node = build_tree(root)
            while node:
                if p < node.val and q < node.val and node.left:
                    node = node.left
                elif p > node.val and q > node.val and node.right:
                    node = node.right
                else:
                    return node.val
            return root[0]
        """),
        "off_by_one": _sub(_LCA_PATHS, "return pp[i - 1]", "return pp[i] if i < len(pp) else pp[-1]"),
        "missed_edge": _sub(_LCA_PATHS, "while i < min(len(pp), len(qp)) and pp[i] == qp[i]:",
                            "while pp[i] == qp[i]:"),
    },
    [([3, 5, 1, 6, 2, 0, 8, None, None, 7, 4], 5, 4), ([3, 5, 1, 6, 2, 0, 8, None, None, 7, 4], 6, 8), ([1], 1, 1),
     ([1, 2], 1, 2), ([2, None, 1], 1, 1)],
    _gen_lca,
    "medium", ("tree", "dfs"), style="function",
)

_REF = _TREE + """

class Solution:
    def diameterOfBinaryTree(self, root: List[Optional[int]]) -> int:
        best = 0

        def height(node: Optional[TreeNode]) -> int:
            nonlocal best
            if node is None:
                return 0
            left, right = height(node.left), height(node.right)
            best = max(best, left + right)
            return 1 + max(left, right)

        height(build_tree(root))
        return best
"""
_add(
    "longest-path-in-a-binary-tree", "Longest Path in a Binary Tree",
    _TREE_FORMAT + """

    Return the number of edges on the longest path between any two nodes of the tree. The path need not
    pass through the root. A tree with zero or one node gives 0.

    Example 1:
    Input: root = [1, 2, 3, 4, 5]
    Output: 3
    Explanation: 4 -> 2 -> 1 -> 3.

    Example 2:
    Input: root = [1, 2]
    Output: 1

    Constraints:
    - 0 ≤ number of nodes ≤ 500
    """,
    "diameterOfBinaryTree", "def diameterOfBinaryTree(self, root: List[Optional[int]]) -> int:", _REF,
    {
        "off_by_one": _sub(_REF, "best = max(best, left + right)", "best = max(best, left + right + 1)"),
        "wrong_logic": _TREE + "\n\n" + _src("""

        class Solution:
            def diameterOfBinaryTree(self, root: List[Optional[int]]) -> int:
                def height(node: Optional[TreeNode]) -> int:
                    if node is None:
                        return 0
                    return 1 + max(height(node.left), height(node.right))
                node = build_tree(root)
                if node is None:
                    return 0
                return height(node.left) + height(node.right)
        """),
        "missed_edge": _sub(_REF, "best = max(best, left + right)", "best = max(best, left + right + 1)",
                            "        return best\n", "        return best - 1\n"),
    },
    [([],), ([1],), ([1, 2],), ([1, 2, 3, 4, 5],), ([1, 2, None, 3, 4, 5, None, None, 6],)],
    _gen_tree(max_n=15),
    "easy", ("tree", "dfs"),
)

_REF = _TREE + """

class Solution:
    def pathSum(self, root: List[Optional[int]], target: int) -> int:
        counts = {0: 1}  # prefix sums on the current root-to-node path
        found = 0

        def walk(node: Optional[TreeNode], total: int) -> None:
            nonlocal found
            if node is None:
                return
            total += node.val
            found += counts.get(total - target, 0)
            counts[total] = counts.get(total, 0) + 1
            walk(node.left, total)
            walk(node.right, total)
            counts[total] -= 1

        walk(build_tree(root), 0)
        return found
"""
_add(
    "downward-paths-with-a-given-sum", "Downward Paths With a Given Sum",
    _TREE_FORMAT + """

    Count the paths whose node values add up to target. A path starts at any node and goes down through
    children (it may stop at any node, not only at a leaf); a single node is a path. Paths that use
    different nodes count separately.

    Example 1:
    Input: root = [10, 5, -3, 3, 2, None, 11, 3, -2, None, 1], target = 8
    Output: 3
    Explanation: 5 -> 3, 5 -> 2 -> 1 and -3 -> 11.

    Example 2:
    Input: root = [1, -1, 1], target = 0
    Output: 1

    Constraints:
    - 0 ≤ number of nodes ≤ 500
    - -10^9 ≤ node value ≤ 10^9, -1000 ≤ target ≤ 1000
    """,
    "pathSum", "def pathSum(self, root: List[Optional[int]], target: int) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, "counts = {0: 1}", "counts = {}"),
        "off_by_one": _sub(_REF, "            found += counts.get(total - target, 0)\n"
                                 "            counts[total] = counts.get(total, 0) + 1\n",
                           "            counts[total] = counts.get(total, 0) + 1\n"
                           "            found += counts.get(total - target, 0)\n"),
        "wrong_logic": _TREE + "\n\n" + _src("""
        class Solution:
            def pathSum(self, root: List[Optional[int]], target: int) -> int:
                def walk(node: Optional[TreeNode], total: int) -> int:
                    if node is None:
                        return 0
                    total += node.val
                    if node.left is None and node.right is None:
                        return int(total == target)
                    return walk(node.left, total) + walk(node.right, total)
                return walk(build_tree(root), 0)
        """),
    },
    [([], 0), ([10, 5, -3, 3, 2, None, 11, 3, -2, None, 1], 8), ([1, -1, 1], 0), ([0], 0), ([1, 2], 3),
     ([5, 4, 8, 11, None, 13, 4, 7, 2, None, None, 5, 1], 22)],
    lambda rng: (_random_tree(rng, rng.randint(0, 14), -4, 4), rng.randint(-4, 4)),
    "medium", ("tree", "dfs", "prefix sums"),
)

_REF = _TREE + """

class Solution:
    def maxPathSum(self, root: List[Optional[int]]) -> int:
        best = None

        def gain(node: Optional[TreeNode]) -> int:
            nonlocal best
            if node is None:
                return 0
            left = max(gain(node.left), 0)
            right = max(gain(node.right), 0)
            through = node.val + left + right
            if best is None or through > best:
                best = through
            return node.val + max(left, right)

        gain(build_tree(root))
        return best
"""
_add(
    "heaviest-path-in-a-binary-tree", "Heaviest Path in a Binary Tree",
    _TREE_FORMAT + """

    A path is a sequence of distinct nodes in which neighbours are joined by an edge; it need not pass
    through the root and has at least one node. Return the largest sum of node values over all paths.
    The tree is not empty.

    Example 1:
    Input: root = [1, 2, 3]
    Output: 6

    Example 2:
    Input: root = [-10, 9, 20, None, None, 15, 7]
    Output: 42
    Explanation: 15 -> 20 -> 7.

    Constraints:
    - 1 ≤ number of nodes ≤ 500
    - -1000 ≤ node value ≤ 1000
    """,
    "maxPathSum", "def maxPathSum(self, root: List[Optional[int]]) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, "best = None", "best = 0", "if best is None or through > best:",
                            "if through > best:"),
        "wrong_logic": _sub(_REF, "left = max(gain(node.left), 0)", "left = gain(node.left)",
                            "right = max(gain(node.right), 0)", "right = gain(node.right)"),
        "wrong_logic_2": _sub(_REF, "through = node.val + left + right", "through = node.val + max(left, right)"),
    },
    [([-3],), ([1, 2, 3],), ([-10, 9, 20, None, None, 15, 7],), ([-1, -2, -3],), ([2, -1],),
     ([5, 4, 8, 11, None, 13, 4, 7, 2, None, None, None, 1],)],
    lambda rng: (_random_tree(rng, rng.randint(1, 14), -10, 10),),
    "hard", ("tree", "dfs", "dynamic programming"),
)


def _nested_tree(rng: random.Random, n: int, lo: int, hi: int):
    """A random tree as nested [val, left, right] lists with n nodes."""
    if n == 0:
        return None
    left = rng.randint(0, n - 1)
    return [rng.randint(lo, hi), _nested_tree(rng, left, lo, hi), _nested_tree(rng, n - 1 - left, lo, hi)]


def _mirror(t):
    return None if t is None else [t[0], _mirror(t[2]), _mirror(t[1])]


def _serialise(t) -> list:
    out: list = []
    queue = [t]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        if node is None:
            out.append(None)
            continue
        out.append(node[0])
        queue.extend([node[1], node[2]])
    while out and out[-1] is None:
        out.pop()
    return out


def _gen_symmetric(rng: random.Random) -> tuple:
    if rng.random() < 0.25:
        return (_random_tree(rng, rng.randint(0, 9), 1, 3),)
    half = _nested_tree(rng, rng.randint(0, 6), 1, 3)
    tree = [rng.randint(1, 3), half, _mirror(half)]
    if rng.random() < 0.4:  # break the symmetry a little
        node = tree
        while True:
            side = rng.choice([1, 2])
            if node[side] is None:
                if rng.random() < 0.5:
                    node[side] = [rng.randint(1, 3), None, None]
                else:
                    node[0] = rng.randint(1, 3)
                break
            node = node[side]
    return (_serialise(tree),)


_REF = _TREE + """

def is_symmetric(root: List[Optional[int]]) -> bool:
    node = build_tree(root)
    if node is None:
        return True
    pairs = [(node.left, node.right)]
    while pairs:
        a, b = pairs.pop()
        if a is None and b is None:
            continue
        if a is None or b is None or a.val != b.val:
            return False
        pairs.append((a.left, b.right))
        pairs.append((a.right, b.left))
    return True
"""
_add(
    "mirror-symmetric-tree", "Is the Tree Its Own Mirror Image",
    _TREE_FORMAT + """

    Return True if the tree is symmetric around its centre: its left subtree is the mirror image of its
    right subtree (same shape, mirrored, with equal values). The empty tree is symmetric.

    Example 1:
    Input: root = [1, 2, 2, 3, 4, 4, 3]
    Output: True

    Example 2:
    Input: root = [1, 2, 2, None, 3, None, 3]
    Output: False

    Constraints:
    - 0 ≤ number of nodes ≤ 1000
    - -100 ≤ node value ≤ 100
    """,
    "is_symmetric", "def is_symmetric(root: List[Optional[int]]) -> bool:", _REF,
    {
        "wrong_logic": _TREE + "\n\n" + _src("""
        def is_symmetric(root: List[Optional[int]]) -> bool:
            values = []
            def inorder(node: Optional[TreeNode]) -> None:
                if node:
                    inorder(node.left)
                    values.append(node.val)
                    inorder(node.right)
            inorder(build_tree(root))
            return values == values[::-1]
        """),
        "missed_edge": _sub(_REF, "    if node is None:\n        return True\n",
                            "    if node is None:\n        return False\n"),
        "wrong_type": _sub(_REF, "            return False\n        pairs.append",
                           "            return \"false\"\n        pairs.append",
                           "        pairs.append((a.right, b.left))\n    return True",
                           "        pairs.append((a.right, b.left))\n    return \"true\""),
    },
    [([],), ([1],), ([1, 2, 2, 3, 4, 4, 3],), ([1, 2, 2, None, 3, None, 3],), ([1, 2, 3],), ([1, 2, 2, 2, None, 2],)],
    _gen_symmetric,
    "easy", ("tree", "bfs"), style="function",
)

_REF = _TREE + """

class Solution:
    def zigzagLevelOrder(self, root: List[Optional[int]]) -> List[List[int]]:
        node = build_tree(root)
        levels: List[List[int]] = []
        level = [node] if node else []
        while level:
            values = [n.val for n in level]
            levels.append(values if len(levels) % 2 == 0 else values[::-1])
            level = [c for n in level for c in (n.left, n.right) if c]
        return levels
"""
_add(
    "zigzag-level-values", "Zigzag Level Values",
    _TREE_FORMAT + """

    Return the values level by level, reading the root level left to right, the next level right to
    left, and so on, alternating. The empty tree gives [].

    Example 1:
    Input: root = [3, 9, 20, None, None, 15, 7]
    Output: [[3], [20, 9], [15, 7]]

    Example 2:
    Input: root = [1, 2, 3, 4, 5, 6, 7]
    Output: [[1], [3, 2], [4, 5, 6, 7]]

    Constraints:
    - 0 ≤ number of nodes ≤ 2000
    """,
    "zigzagLevelOrder", "def zigzagLevelOrder(self, root: List[Optional[int]]) -> List[List[int]]:", _REF,
    {
        "off_by_one": _sub(_REF, "len(levels) % 2 == 0", "len(levels) % 2 == 1"),
        "wrong_logic": _TREE + "\n\n" + _src("""
        class Solution:
            def zigzagLevelOrder(self, root: List[Optional[int]]) -> List[List[int]]:
                node = build_tree(root)
                levels = []
                level = [node] if node else []
                left_first = True
                while level:
                    levels.append([n.val for n in level])
                    nxt = []
                    for n in level:
                        kids = (n.left, n.right) if not left_first else (n.right, n.left)
                        nxt.extend(c for c in kids if c)
                    level = nxt
                    left_first = not left_first
                return levels
        """),
        "missed_edge": _sub(_REF, "        level = [node] if node else []\n",
                            "        level = [node] if node else []\n        if not level:\n            return [[]]\n"),
    },
    [([],), ([1],), ([3, 9, 20, None, None, 15, 7],), ([1, 2, 3, 4, 5, 6, 7],), ([1, 2, 3, 4, None, None, 5, 6, 7],)],
    _gen_tree(max_n=15),
    "medium", ("tree", "bfs"),
)

_REF = """
def balanced(s: str) -> bool:
    match = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in match:
            if not stack or stack.pop() != match[ch]:
                return False
        else:
            stack.append(ch)
    return not stack
"""


def _gen_brackets(rng: random.Random) -> tuple:
    pairs = ["()", "[]", "{}"]
    if rng.random() < 0.5:  # build a balanced string, then maybe damage it
        s = ""
        for _ in range(rng.randint(0, 6)):
            p = rng.choice(pairs)
            s = rng.choice([p + s, s + p, p[0] + s + p[1]])
        if s and rng.random() < 0.5:
            i = rng.randrange(len(s))
            s = s[:i] + rng.choice("()[]{}") + s[i + 1:]
        return (s,)
    return ("".join(rng.choice("()[]{}") for _ in range(rng.randint(0, 8))),)


_add(
    "balanced-brackets", "Balanced Brackets",
    """
    s consists of the characters ( ) [ ] { }. Return True if every opening bracket is closed by a bracket
    of the same type, in the right order (the most recently opened bracket closes first), and no closing
    bracket is unmatched. The empty string is balanced.

    Example 1:
    Input: s = "([]{})"
    Output: True

    Example 2:
    Input: s = "([)]"
    Output: False

    Constraints:
    - 0 ≤ len(s) ≤ 10^4
    """,
    "balanced", "def balanced(s: str) -> bool:", _REF,
    {
        "wrong_logic": """
        def balanced(s: str) -> bool:
            return all(s.count(o) == s.count(c) for o, c in ("()", "[]", "{}"))
        """,
        "missed_edge": _sub(_REF, "    return not stack", "    return True"),
        "missed_edge_2": _sub(_REF, "if not stack or stack.pop() != match[ch]:", "if stack.pop() != match[ch]:"),
    },
    [("",), ("()",), ("([]{})",), ("([)]",), ("((",), (")",), ("]",), ("{[()()]}",)],
    _gen_brackets,
    "easy", ("stack", "string"), style="function",
)

_REF = """
from typing import List


class Solution:
    def dailyTemperatures(self, temps: List[int]) -> List[int]:
        wait = [0] * len(temps)
        stack: List[int] = []  # indices of days still waiting, temperatures decreasing
        for i, t in enumerate(temps):
            while stack and temps[stack[-1]] < t:
                j = stack.pop()
                wait[j] = i - j
            stack.append(i)
        return wait
"""
_rng = random.Random(77)
_add(
    "days-until-a-warmer-day", "Days Until a Warmer Day",
    """
    temps[i] is the temperature on day i. For each day, return how many days you must wait for a strictly
    warmer day, or 0 if no later day is warmer.

    Example 1:
    Input: temps = [73, 74, 75, 71, 69, 72, 76, 73]
    Output: [1, 1, 4, 2, 1, 1, 0, 0]

    Example 2:
    Input: temps = [30, 30, 31]
    Output: [2, 1, 0]

    Constraints:
    - 1 ≤ len(temps) ≤ 10^5
    - 30 ≤ temps[i] ≤ 100
    - aim for O(n)
    """,
    "dailyTemperatures", "def dailyTemperatures(self, temps: List[int]) -> List[int]:", _REF,
    {
        "wrong_logic": _sub(_REF, "temps[stack[-1]] < t", "temps[stack[-1]] <= t"),
        "off_by_one": _sub(_REF, "wait[j] = i - j", "wait[j] = i - j - 1"),
        "missed_edge": _sub(_REF, "wait = [0] * len(temps)", "wait = [-1] * len(temps)"),
        "too_slow": """
        from typing import List


        class Solution:
            def dailyTemperatures(self, temps: List[int]) -> List[int]:
                n = len(temps)
                wait = [0] * n
                for i in range(n):
                    for j in range(i + 1, n):
                        if temps[j] > temps[i]:
                            wait[i] = j - i
                            break
                return wait
        """,
    },
    [([30],), ([73, 74, 75, 71, 69, 72, 76, 73],), ([30, 30, 31],), ([50, 40, 30],), ([30, 60, 90],),
     ([100 - i * 70 // 12000 for i in range(12000)],)],
    lambda rng: (_ints(rng, rng.randint(1, 14), 30, 40),),
    "medium", ("stack", "monotonic stack"),
)

_REF = """
from typing import List


class Solution:
    def largestRectangleArea(self, heights: List[int]) -> int:
        stack: List[int] = []  # indices with increasing heights
        best = 0
        for i, h in enumerate(heights + [0]):
            while stack and heights[stack[-1]] >= h:
                top = heights[stack.pop()]
                left = stack[-1] if stack else -1
                best = max(best, top * (i - left - 1))
            stack.append(i)
        return best
"""
_add(
    "largest-rectangle-under-a-skyline", "Largest Rectangle Under a Skyline",
    """
    heights[i] is the height of a bar of width 1 in a histogram; the bars stand side by side. Return the
    area of the largest axis-aligned rectangle that fits inside the histogram.

    Example 1:
    Input: heights = [2, 1, 5, 6, 2, 3]
    Output: 10

    Example 2:
    Input: heights = [2, 4]
    Output: 4

    Constraints:
    - 1 ≤ len(heights) ≤ 10^5
    - 0 ≤ heights[i] ≤ 10^4
    - aim for O(n)
    """,
    "largestRectangleArea", "def largestRectangleArea(self, heights: List[int]) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, "enumerate(heights + [0])", "enumerate(heights)"),
        "off_by_one": _sub(_REF, "top * (i - left - 1)", "top * (i - left)"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def largestRectangleArea(self, heights: List[int]) -> int:
                return max(max(heights), min(heights) * len(heights))
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def largestRectangleArea(self, heights: List[int]) -> int:
                best = 0
                for i in range(len(heights)):
                    low = heights[i]
                    for j in range(i, len(heights)):
                        low = min(low, heights[j])
                        best = max(best, low * (j - i + 1))
                return best
        """,
    },
    [([0],), ([5],), ([2, 1, 5, 6, 2, 3],), ([2, 4],), ([1, 2, 3, 4, 5],), ([3, 3, 3],), ([6, 2, 5, 4, 5, 1, 6],),
     ([_rng.randint(1, 10**4) for _ in range(6000)],)],
    lambda rng: (_ints(rng, rng.randint(1, 12), 0, 8),),
    "hard", ("stack", "monotonic stack"),
)

_REF = """
from typing import List


def eval_rpn(tokens: List[str]) -> int:
    stack: List[int] = []
    for tok in tokens:
        if tok in ("+", "-", "*", "/"):
            b = stack.pop()
            a = stack.pop()
            if tok == "+":
                stack.append(a + b)
            elif tok == "-":
                stack.append(a - b)
            elif tok == "*":
                stack.append(a * b)
            else:
                q = abs(a) // abs(b)
                stack.append(q if (a >= 0) == (b > 0) else -q)
        else:
            stack.append(int(tok))
    return stack[0]
"""


def _gen_rpn(rng: random.Random) -> tuple:
    def build(depth: int):
        if depth == 0 or rng.random() < 0.3:
            v = rng.randint(-12, 12)
            return [str(v)], v
        lt, lv = build(depth - 1)
        rt, rv = build(depth - 1)
        op = rng.choice("+-*/")
        if op == "/" and rv == 0:
            op = "+"
        if op == "+":
            v = lv + rv
        elif op == "-":
            v = lv - rv
        elif op == "*":
            v = lv * rv
        else:
            v = int(lv / rv) if abs(lv) < 2**50 else lv // rv
        return lt + rt + [op], v
    return (build(rng.randint(1, 4))[0],)


_add(
    "evaluate-postfix-expression", "Evaluate a Postfix Expression",
    """
    tokens is an arithmetic expression in reverse Polish (postfix) notation: each token is an integer
    (possibly negative, like "-3") or one of the operators "+", "-", "*", "/", which applies to the two
    values before it. Division truncates toward zero (so -7 / 2 is -3). The expression is valid and never
    divides by zero. Return its integer value.

    Example 1:
    Input: tokens = ["2", "1", "+", "3", "*"]
    Output: 9

    Example 2:
    Input: tokens = ["4", "13", "5", "/", "+"]
    Output: 6

    Constraints:
    - 1 ≤ len(tokens) ≤ 10^4
    - intermediate values fit in a 64-bit integer
    """,
    "eval_rpn", "def eval_rpn(tokens: List[str]) -> int:", _REF,
    {
        "wrong_logic": _sub(_REF, "                q = abs(a) // abs(b)\n"
                                  "                stack.append(q if (a >= 0) == (b > 0) else -q)\n",
                            "                stack.append(a // b)\n"),
        "wrong_type": _sub(_REF, "                q = abs(a) // abs(b)\n"
                                 "                stack.append(q if (a >= 0) == (b > 0) else -q)\n",
                           "                stack.append(a / b)\n"),
        "missed_edge": _sub(_REF, 'if tok in ("+", "-", "*", "/"):', 'if tok[0] in "+-*/":'),
        "wrong_logic_2": _sub(_REF, "            b = stack.pop()\n            a = stack.pop()\n",
                           "            a = stack.pop()\n            b = stack.pop()\n"),
    },
    [(["7"],), (["-3"],), (["2", "1", "+", "3", "*"],), (["4", "13", "5", "/", "+"],), (["-7", "2", "/"],),
     (["7", "-2", "/"],), (["10", "6", "9", "3", "+", "-11", "*", "/", "*", "17", "+", "5", "+"],)],
    _gen_rpn,
    "medium", ("stack", "math"), style="function",
)

_REF = """
from typing import List


class Solution:
    def nextGreaterElements(self, nums: List[int]) -> List[int]:
        n = len(nums)
        answer = [-1] * n
        stack: List[int] = []
        for i in range(2 * n):
            x = nums[i % n]
            while stack and nums[stack[-1]] < x:
                answer[stack.pop()] = x
            if i < n:
                stack.append(i)
        return answer
"""
_add(
    "next-larger-value-around-a-ring", "Next Larger Value Around a Ring",
    """
    nums is circular: after the last element comes the first again. For each element, return the first
    strictly larger value met when walking forward from it around the ring, or -1 if there is none.

    Example 1:
    Input: nums = [1, 2, 1]
    Output: [2, -1, 2]

    Example 2:
    Input: nums = [5, 4, 3, 2, 1]
    Output: [-1, 5, 5, 5, 5]

    Constraints:
    - 1 ≤ len(nums) ≤ 10^4
    - -10^9 ≤ nums[i] ≤ 10^9
    """,
    "nextGreaterElements", "def nextGreaterElements(self, nums: List[int]) -> List[int]:", _REF,
    {
        "missed_edge": _sub(_REF, "for i in range(2 * n):", "for i in range(n):"),
        "off_by_one": _sub(_REF, "nums[stack[-1]] < x", "nums[stack[-1]] <= x"),
        "wrong_logic": _sub(_REF, "answer[stack.pop()] = x", "answer[stack.pop()] = i % n"),
        "too_slow": """
        from typing import List


        class Solution:
            def nextGreaterElements(self, nums: List[int]) -> List[int]:
                n = len(nums)
                answer = [-1] * n
                for i in range(n):
                    for step in range(1, n):
                        if nums[(i + step) % n] > nums[i]:
                            answer[i] = nums[(i + step) % n]
                            break
                return answer
        """,
    },
    [([7],), ([1, 2, 1],), ([5, 4, 3, 2, 1],), ([3, 3, 3],), ([1, 2, 3, 4, 3],), ([2, 1, 2, 4, 3],),
     ([5] * 5000,)],
    lambda rng: (_ints(rng, rng.randint(1, 12), -5, 5),),
    "medium", ("stack", "monotonic stack"),
)

_REF = """
from collections import deque
from typing import List


def window_maxima(nums: List[int], k: int) -> List[int]:
    window: deque = deque()  # indices, values decreasing
    out: List[int] = []
    for i, x in enumerate(nums):
        while window and nums[window[-1]] <= x:
            window.pop()
        window.append(i)
        if window[0] <= i - k:
            window.popleft()
        if i >= k - 1:
            out.append(nums[window[0]])
    return out
"""
_rng = random.Random(91)
_add(
    "maximum-of-every-window", "Maximum of Every Window",
    """
    Slide a window of length k over nums from left to right, one position at a time. Return the list of
    the window's maximum at each of the len(nums) - k + 1 positions.

    Example 1:
    Input: nums = [1, 3, -1, -3, 5, 3, 6, 7], k = 3
    Output: [3, 3, 5, 5, 6, 7]

    Example 2:
    Input: nums = [4], k = 1
    Output: [4]

    Constraints:
    - 1 ≤ k ≤ len(nums) ≤ 10^5
    - -10^4 ≤ nums[i] ≤ 10^4
    - aim for O(n)
    """,
    "window_maxima", "def window_maxima(nums: List[int], k: int) -> List[int]:", _REF,
    {
        "off_by_one": _sub(_REF, "if window[0] <= i - k:", "if window[0] < i - k:"),
        "wrong_logic": """
        from typing import List


        def window_maxima(nums: List[int], k: int) -> List[int]:
            out = []
            best = None
            for i, x in enumerate(nums):
                if best is None or x >= best or i - k >= 0 and nums[i - k] == best:
                    best = x
                if i >= k - 1:
                    out.append(best)
            return out
        """,
        "missed_edge": """
        from collections import deque
        from typing import List


        def window_maxima(nums: List[int], k: int) -> List[int]:
            window = deque()  # values, decreasing
            out = []
            for i, x in enumerate(nums):
                while window and window[-1] <= x:
                    window.pop()
                window.append(x)
                if i >= k and nums[i - k] == window[0] and len(window) > 1:
                    window.popleft()
                if i >= k - 1:
                    out.append(window[0])
            return out
        """,
        "too_slow": """
        from typing import List


        def window_maxima(nums: List[int], k: int) -> List[int]:
            out = []
            for start in range(len(nums) - k + 1):
                best = nums[start]
                for j in range(start, start + k):
                    if nums[j] > best:
                        best = nums[j]
                out.append(best)
            return out
        """,
    },
    [([4], 1), ([1, 3, -1, -3, 5, 3, 6, 7], 3), ([1, 2, 3], 3), ([3, 2, 1], 1), ([2, 2, 1, 2], 2), ([9, 1, 1, 1], 2),
     ([_rng.randint(-10**4, 10**4) for _ in range(30000)], 15000)],
    lambda rng: (lambda n: (_ints(rng, n, -4, 4), rng.randint(1, n)))(rng.randint(1, 12)),
    "hard", ("queue", "monotonic queue", "sliding window"), style="function",
)

_REF = """
class Solution:
    def calculate(self, s: str) -> int:
        total, sign, num = 0, 1, 0
        stack = []
        for ch in s:
            if ch.isdigit():
                num = num * 10 + int(ch)
            elif ch in "+-":
                total += sign * num
                num = 0
                sign = 1 if ch == "+" else -1
            elif ch == "(":
                stack.append((total, sign))
                total, sign = 0, 1
            elif ch == ")":
                total += sign * num
                num = 0
                outer, outer_sign = stack.pop()
                total = outer + outer_sign * total
        return total + sign * num
"""


def _gen_calc(rng: random.Random) -> tuple:
    def expr(depth: int) -> str:
        parts = []
        for i in range(rng.randint(1, 3)):
            if depth > 0 and rng.random() < 0.35:
                term = "(" + expr(depth - 1) + ")"
            else:
                term = str(rng.choice([rng.randint(0, 9), rng.randint(10, 300)]))
            if i == 0:
                parts.append(("-" if rng.random() < 0.2 else "") + term)
            else:
                parts.append(rng.choice("+-") + term)
        return "".join(parts)
    text = expr(rng.randint(0, 3)) + " "
    # spaces may follow any character except a digit that continues a number
    return ("".join(c + (" " if rng.random() < 0.2 and not (c.isdigit() and text[i + 1].isdigit()) else "")
                    for i, c in enumerate(text[:-1])),)


_add(
    "calculator-with-parentheses", "Calculator With Parentheses",
    """
    Evaluate the expression s and return its integer value. s contains non-negative integers, the
    operators + and -, parentheses and spaces. A - may also be a unary minus at the start of s or right
    after an opening parenthesis, as in "-(2+3)". Do not use eval.

    Example 1:
    Input: s = "1 + 1"
    Output: 2

    Example 2:
    Input: s = "(1+(4+5+2)-3)-(6+8)"
    Output: -5

    Constraints:
    - 1 ≤ len(s) ≤ 3 * 10^5
    - s is a valid expression; every intermediate value fits in a 32-bit integer
    """,
    "calculate", "def calculate(self, s: str) -> int:", _REF,
    {
        "wrong_logic": """
        class Solution:
            def calculate(self, s: str) -> int:
                total, sign, num = 0, 1, 0
                for ch in s:
                    if ch.isdigit():
                        num = num * 10 + int(ch)
                    elif ch in "+-":
                        total += sign * num
                        num = 0
                        sign = 1 if ch == "+" else -1
                return total + sign * num
        """,
        "missed_edge": _sub(_REF, "num = num * 10 + int(ch)", "num = int(ch)"),
        "missed_edge_2": _sub(_REF, "        return total + sign * num", "        return total"),
    },
    [("7",), ("1 + 1",), (" 2-1 + 2 ",), ("(1+(4+5+2)-3)-(6+8)",), ("-(2+3)",), ("10-(2-(3-4))",), ("(((42)))",),
     ("1-(-2)",)],
    _gen_calc,
    "hard", ("stack", "string", "math"),
)

_REF = """
from typing import List


def asteroid_collision(asteroids: List[int]) -> List[int]:
    stack: List[int] = []
    for a in asteroids:
        alive = True
        while alive and a < 0 and stack and stack[-1] > 0:
            if stack[-1] < -a:
                stack.pop()
            elif stack[-1] == -a:
                stack.pop()
                alive = False
            else:
                alive = False
        if alive:
            stack.append(a)
    return stack
"""
_add(
    "colliding-rocks-on-a-line", "Colliding Rocks on a Line",
    """
    Rocks move along a line. For each rock in order, |value| is its size and the sign its direction
    (positive moves right, negative moves left); all move at the same speed. When two rocks meet, the
    smaller one breaks; if both are the same size, both break. Rocks moving the same way never meet.
    Return the rocks left after all collisions, in their order on the line.

    Example 1:
    Input: asteroids = [5, 10, -5]
    Output: [5, 10]

    Example 2:
    Input: asteroids = [8, -8]
    Output: []

    Example 3:
    Input: asteroids = [-2, -1, 1, 2]
    Output: [-2, -1, 1, 2]

    Constraints:
    - 0 ≤ len(asteroids) ≤ 10^4
    - -1000 ≤ asteroids[i] ≤ 1000, asteroids[i] != 0
    """,
    "asteroid_collision", "def asteroid_collision(asteroids: List[int]) -> List[int]:", _REF,
    {
        "wrong_logic": _sub(_REF, "while alive and a < 0 and stack and stack[-1] > 0:",
                            "while alive and stack and (a < 0) != (stack[-1] < 0):",
                            "if stack[-1] < -a:", "if abs(stack[-1]) < abs(a):",
                            "elif stack[-1] == -a:", "elif abs(stack[-1]) == abs(a):"),
        "missed_edge": _sub(_REF, "            elif stack[-1] == -a:\n                stack.pop()\n"
                                  "                alive = False\n", ""),
        "off_by_one": _sub(_REF, "        while alive and a < 0", "        if alive and a < 0"),
    },
    [([],), ([5, 10, -5],), ([8, -8],), ([10, 2, -5],), ([-2, -1, 1, 2],), ([1, -2, -2, -2],), ([3, 2, 1, -3],)],
    lambda rng: ([rng.choice([-1, 1]) * rng.randint(1, 6) for _ in range(rng.randint(0, 10))],),
    "medium", ("stack", "simulation"), style="function",
)

_REF = """
class Solution:
    def removeKdigits(self, num: str, k: int) -> str:
        stack = []
        for d in num:
            while k and stack and stack[-1] > d:
                stack.pop()
                k -= 1
            stack.append(d)
        if k:
            stack = stack[:-k]
        return "".join(stack).lstrip("0") or "0"
"""


def _gen_remove_k(rng: random.Random) -> tuple:
    n = rng.randint(1, 10)
    num = str(rng.randint(1, 9)) + "".join(rng.choice("0123456789000") for _ in range(n - 1))
    return num, rng.randint(0, n)


_add(
    "smallest-number-after-deleting-digits", "Smallest Number After Deleting Digits",
    """
    num is a non-negative integer written as a string without leading zeros. Delete exactly k of its
    digits so that the remaining digits (in their original order) form the smallest possible number.
    Return it as a string without leading zeros, or "0" if nothing (or only zeros) remains.

    Example 1:
    Input: num = "1432219", k = 3
    Output: "1219"

    Example 2:
    Input: num = "10200", k = 1
    Output: "200"

    Example 3:
    Input: num = "10", k = 2
    Output: "0"

    Constraints:
    - 0 ≤ k ≤ len(num) ≤ 10^5
    """,
    "removeKdigits", "def removeKdigits(self, num: str, k: int) -> str:", _REF,
    {
        "missed_edge": _sub(_REF, 'return "".join(stack).lstrip("0") or "0"', 'return "".join(stack) or "0"'),
        "missed_edge_2": _sub(_REF, 'return "".join(stack).lstrip("0") or "0"', 'return "".join(stack).lstrip("0")'),
        "off_by_one": _sub(_REF, "        if k:\n            stack = stack[:-k]\n", ""),
        "wrong_logic": """
        class Solution:
            def removeKdigits(self, num: str, k: int) -> str:
                digits = list(num)
                for _ in range(k):
                    digits.remove(max(digits))
                return "".join(digits).lstrip("0") or "0"
        """,
    },
    [("1432219", 3), ("10200", 1), ("10", 2), ("9", 1), ("112", 1), ("123", 0), ("100200", 1), ("54321", 2)],
    _gen_remove_k,
    "medium", ("stack", "monotonic stack", "greedy"),
)

# ================================================================================================= intervals
_REF = """
from typing import List


def merge_intervals(intervals: List[List[int]]) -> List[List[int]]:
    merged: List[List[int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
"""


def _gen_intervals(rng: random.Random, lo: int = 0, hi: int = 20, max_n: int = 8) -> list[list[int]]:
    out = []
    for _ in range(rng.randint(0, max_n)):
        a = rng.randint(lo, hi)
        out.append([a, a + rng.randint(0, 6)])
    return out


_add(
    "merge-overlapping-ranges", "Merge Overlapping Ranges",
    """
    Each element of intervals is a closed range [start, end] with start ≤ end, in no particular order.
    Merge all ranges that overlap or touch (share an end point) and return the resulting ranges sorted
    by start.

    Example 1:
    Input: intervals = [[1, 3], [8, 10], [2, 6], [15, 18]]
    Output: [[1, 6], [8, 10], [15, 18]]

    Example 2:
    Input: intervals = [[1, 4], [4, 5]]
    Output: [[1, 5]]

    Constraints:
    - 0 ≤ len(intervals) ≤ 10^4
    - 0 ≤ start ≤ end ≤ 10^4
    """,
    "merge_intervals", "def merge_intervals(intervals: List[List[int]]) -> List[List[int]]:", _REF,
    {
        "off_by_one": _sub(_REF, "start <= merged[-1][1]", "start < merged[-1][1]"),
        "missed_edge": _sub(_REF, "in sorted(intervals):", "in intervals:"),
        "wrong_logic": _sub(_REF, "merged[-1][1] = max(merged[-1][1], end)", "merged[-1][1] = end"),
    },
    [([],), ([[1, 3], [8, 10], [2, 6], [15, 18]],), ([[1, 4], [4, 5]],), ([[1, 10], [2, 3]],), ([[5, 6], [1, 2]],),
     ([[2, 2], [2, 2]],)],
    lambda rng: (_gen_intervals(rng),),
    "medium", ("intervals", "sorting"), style="function",
)

_REF = """
from typing import List


class Solution:
    def insert(self, intervals: List[List[int]], new: List[int]) -> List[List[int]]:
        out: List[List[int]] = []
        start, end = new
        i, n = 0, len(intervals)
        while i < n and intervals[i][1] < start:
            out.append(list(intervals[i]))
            i += 1
        while i < n and intervals[i][0] <= end:
            start = min(start, intervals[i][0])
            end = max(end, intervals[i][1])
            i += 1
        out.append([start, end])
        out.extend(list(x) for x in intervals[i:])
        return out
"""


def _gen_insert(rng: random.Random) -> tuple:
    points = sorted(rng.sample(range(0, 30), 2 * rng.randint(0, 5)))
    intervals = [[points[i], points[i + 1]] for i in range(0, len(points), 2)]
    a = rng.randint(0, 30)
    return intervals, [a, a + rng.randint(0, 8)]


_add(
    "insert-a-range-into-a-sorted-list", "Insert a Range Into a Sorted List",
    """
    intervals is a list of closed ranges [start, end] sorted by start, pairwise disjoint and not touching.
    Insert the range new and return the list, still sorted, with all ranges that overlap or touch merged
    into one.

    Example 1:
    Input: intervals = [[1, 3], [6, 9]], new = [2, 5]
    Output: [[1, 5], [6, 9]]

    Example 2:
    Input: intervals = [[1, 2], [3, 5], [6, 7], [8, 10], [12, 16]], new = [4, 8]
    Output: [[1, 2], [3, 10], [12, 16]]

    Constraints:
    - 0 ≤ len(intervals) ≤ 10^4
    - 0 ≤ start ≤ end ≤ 10^5
    """,
    "insert", "def insert(self, intervals: List[List[int]], new: List[int]) -> List[List[int]]:", _REF,
    {
        "off_by_one": _sub(_REF, "intervals[i][1] < start", "intervals[i][1] <= start"),
        "wrong_logic": _sub(_REF, "        while i < n and intervals[i][0] <= end:",
                            "        if i < n and intervals[i][0] <= end:"),
        "missed_edge": _sub(_REF, "            start = min(start, intervals[i][0])\n", ""),
    },
    [([], [5, 7]), ([[1, 3], [6, 9]], [2, 5]), ([[1, 2], [3, 5], [6, 7], [8, 10], [12, 16]], [4, 8]),
     ([[1, 5]], [6, 8]),
     ([[1, 5]], [0, 0]), ([[1, 5]], [5, 6]), ([[3, 5]], [1, 3])],
    _gen_insert,
    "medium", ("intervals",),
)

_REF = """
from typing import List


def min_removals(intervals: List[List[int]]) -> int:
    removed = 0
    last_end = None
    for start, end in sorted(intervals, key=lambda iv: iv[1]):
        if last_end is None or start >= last_end:
            last_end = end
        else:
            removed += 1
    return removed
"""
_add(
    "fewest-ranges-to-drop", "Fewest Ranges to Drop",
    """
    Each element of intervals is a half-open range [start, end) with start < end. Return the smallest
    number of ranges to remove so that the remaining ones do not overlap. Ranges that only touch, such
    as [1, 2) and [2, 3), do not overlap.

    Example 1:
    Input: intervals = [[1, 2], [2, 3], [3, 4], [1, 3]]
    Output: 1

    Example 2:
    Input: intervals = [[1, 2], [1, 2], [1, 2]]
    Output: 2

    Constraints:
    - 0 ≤ len(intervals) ≤ 10^5
    - -5 * 10^4 ≤ start < end ≤ 5 * 10^4
    """,
    "min_removals", "def min_removals(intervals: List[List[int]]) -> int:", _REF,
    {
        "wrong_logic": _sub(_REF, "sorted(intervals, key=lambda iv: iv[1])", "sorted(intervals)"),
        "off_by_one": _sub(_REF, "start >= last_end", "start > last_end"),
        "missed_edge": """
        from typing import List


        def min_removals(intervals: List[List[int]]) -> int:
            intervals = sorted(intervals, key=lambda iv: iv[1])
            removed = 0
            last_end = intervals[0][1]
            for start, end in intervals[1:]:
                if start >= last_end:
                    last_end = end
                else:
                    removed += 1
            return removed
        """,
    },
    [([],), ([[1, 2], [2, 3], [3, 4], [1, 3]],), ([[1, 2], [1, 2], [1, 2]],), ([[1, 2], [2, 3]],),
     ([[1, 100], [2, 3], [4, 5]],)],
    lambda rng: ([[a, a + rng.randint(1, 6)] for a in _ints(rng, rng.randint(0, 8), -5, 15)],),
    "medium", ("intervals", "greedy"), style="function",
)

_REF = """
import heapq
from typing import List


class Solution:
    def minMeetingRooms(self, intervals: List[List[int]]) -> int:
        ends: List[int] = []  # end times of the meetings in progress
        rooms = 0
        for start, end in sorted(intervals):
            while ends and ends[0] <= start:
                heapq.heappop(ends)
            heapq.heappush(ends, end)
            rooms = max(rooms, len(ends))
        return rooms
"""
_add(
    "rooms-needed-for-meetings", "Rooms Needed for All Meetings",
    """
    Each meeting is a half-open time range [start, end) with start < end. Return the smallest number of
    rooms that lets every meeting take place; a room freed at time t can host a meeting starting at t.
    No meetings need no rooms.

    Example 1:
    Input: intervals = [[0, 30], [5, 10], [15, 20]]
    Output: 2

    Example 2:
    Input: intervals = [[7, 10], [2, 4]]
    Output: 1

    Constraints:
    - 0 ≤ len(intervals) ≤ 10^4
    - 0 ≤ start < end ≤ 10^6
    """,
    "minMeetingRooms", "def minMeetingRooms(self, intervals: List[List[int]]) -> int:", _REF,
    {
        "off_by_one": _sub(_REF, "ends[0] <= start", "ends[0] < start"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def minMeetingRooms(self, intervals: List[List[int]]) -> int:
                intervals = sorted(intervals)
                rooms = 1 if intervals else 0
                for i in range(1, len(intervals)):
                    overlapping = sum(1 for j in range(i) if intervals[j][1] > intervals[i][0])
                    rooms = max(rooms, min(overlapping + 1, 2))
                return rooms
        """,
        "missed_edge": _sub(_REF, "        rooms = 0\n", "        rooms = 1\n"),
    },
    [([],), ([[0, 30], [5, 10], [15, 20]],), ([[7, 10], [2, 4]],), ([[1, 5], [5, 10]],), ([[1, 10], [2, 9], [3, 8]],)],
    lambda rng: ([[a, a + rng.randint(1, 8)] for a in _ints(rng, rng.randint(0, 9), 0, 20)],),
    "medium", ("intervals", "heap", "greedy"),
)

_REF = """
from typing import List


class Solution:
    def intervalIntersection(self, first: List[List[int]], second: List[List[int]]) -> List[List[int]]:
        out: List[List[int]] = []
        i = j = 0
        while i < len(first) and j < len(second):
            lo = max(first[i][0], second[j][0])
            hi = min(first[i][1], second[j][1])
            if lo <= hi:
                out.append([lo, hi])
            if first[i][1] < second[j][1]:
                i += 1
            else:
                j += 1
        return out
"""


def _disjoint(rng: random.Random) -> list[list[int]]:
    points = sorted(rng.sample(range(0, 30), 2 * rng.randint(0, 5)))
    out = [[points[i], points[i + 1]] for i in range(0, len(points), 2)]
    return [[a, a] if rng.random() < 0.15 else [a, b] for a, b in out]


_add(
    "overlap-of-two-range-lists", "Overlap of Two Range Lists",
    """
    first and second are lists of closed ranges [start, end]; each list is sorted and its ranges are
    pairwise disjoint. Return the intersection of the two lists: the sorted list of closed ranges covered
    by both. A single shared point [x, x] counts.

    Example 1:
    Input: first = [[0, 2], [5, 10], [13, 23], [24, 25]], second = [[1, 5], [8, 12], [15, 24], [25, 26]]
    Output: [[1, 2], [5, 5], [8, 10], [15, 23], [24, 24], [25, 25]]

    Example 2:
    Input: first = [[1, 3]], second = []
    Output: []

    Constraints:
    - 0 ≤ len(first), len(second) ≤ 1000
    - 0 ≤ start ≤ end ≤ 10^9
    """,
    "intervalIntersection",
    "def intervalIntersection(self, first: List[List[int]], second: List[List[int]]) -> List[List[int]]:", _REF,
    {
        "off_by_one": _sub(_REF, "if lo <= hi:", "if lo < hi:"),
        "wrong_logic": _sub(_REF, "            if first[i][1] < second[j][1]:\n                i += 1\n"
                                  "            else:\n                j += 1\n",
                            "            i += 1\n            j += 1\n"),
        "wrong_logic_2": _sub(_REF, "if first[i][1] < second[j][1]:", "if first[i][0] < second[j][0]:"),
    },
    [([], []), ([[1, 3]], []), ([[0, 2], [5, 10], [13, 23], [24, 25]], [[1, 5], [8, 12], [15, 24], [25, 26]]),
     ([[1, 7]], [[3, 10]]), ([[1, 2]], [[2, 3]]), ([[1, 10]], [[2, 3], [5, 6]])],
    lambda rng: (_disjoint(rng), _disjoint(rng)),
    "medium", ("intervals", "two pointers"),
)

# ============================================================================================= binary search
_REF = """
from typing import List


def search_rotated(nums: List[int], target: int) -> int:
    lo, hi = 0, len(nums) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if nums[mid] == target:
            return mid
        if nums[lo] <= nums[mid]:
            if nums[lo] <= target < nums[mid]:
                hi = mid - 1
            else:
                lo = mid + 1
        else:
            if nums[mid] < target <= nums[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1
"""


def _gen_rotated(rng: random.Random) -> tuple:
    n = rng.randint(1, 12)
    vals = sorted(rng.sample(range(-20, 21), n))
    r = rng.randrange(n)
    nums = vals[r:] + vals[:r]
    target = rng.choice(nums) if rng.random() < 0.7 else rng.randint(-21, 21)
    return nums, target


_add(
    "find-in-a-rotated-sorted-list", "Find a Value in a Rotated Sorted List",
    """
    nums holds distinct integers that were sorted in increasing order and then rotated: some prefix was
    moved to the end (possibly none), e.g. [0, 1, 2, 4, 5, 6, 7] may become [4, 5, 6, 7, 0, 1, 2]. Return
    the index of target in nums, or -1 if it is absent, in O(log n) time.

    Example 1:
    Input: nums = [4, 5, 6, 7, 0, 1, 2], target = 0
    Output: 4

    Example 2:
    Input: nums = [4, 5, 6, 7, 0, 1, 2], target = 3
    Output: -1

    Constraints:
    - 1 ≤ len(nums) ≤ 5000, values distinct
    - -10^4 ≤ nums[i], target ≤ 10^4
    """,
    "search_rotated", "def search_rotated(nums: List[int], target: int) -> int:", _REF,
    {
        "off_by_one": _sub(_REF, "while lo <= hi:", "while lo < hi:"),
        "missed_edge": _sub(_REF, "if nums[lo] <= nums[mid]:", "if nums[lo] < nums[mid]:"),
        "wrong_logic": """
        from typing import List


        def search_rotated(nums: List[int], target: int) -> int:
            lo, hi = 0, len(nums) - 1
            while lo <= hi:
                mid = (lo + hi) // 2
                if nums[mid] == target:
                    return mid
                if nums[mid] < target:
                    lo = mid + 1
                else:
                    hi = mid - 1
            return -1
        """,
    },
    [([1], 1), ([1], 0), ([4, 5, 6, 7, 0, 1, 2], 0), ([4, 5, 6, 7, 0, 1, 2], 3), ([3, 1], 1), ([5, 1, 3], 5),
     ([1, 3], 3)],
    _gen_rotated,
    "medium", ("binary search", "array"), style="function",
)

_REF = """
from bisect import bisect_left, bisect_right
from typing import List


class Solution:
    def searchRange(self, nums: List[int], target: int) -> List[int]:
        first = bisect_left(nums, target)
        if first == len(nums) or nums[first] != target:
            return [-1, -1]
        return [first, bisect_right(nums, target) - 1]
"""
_add(
    "first-and-last-index-of-a-value", "First and Last Index of a Value",
    """
    nums is sorted in non-decreasing order. Return [first, last]: the smallest and largest index holding
    target, or [-1, -1] if target does not occur. Use O(log n) time.

    Example 1:
    Input: nums = [5, 7, 7, 8, 8, 10], target = 8
    Output: [3, 4]

    Example 2:
    Input: nums = [5, 7, 7, 8, 8, 10], target = 6
    Output: [-1, -1]

    Constraints:
    - 0 ≤ len(nums) ≤ 10^5
    - -10^9 ≤ nums[i], target ≤ 10^9
    """,
    "searchRange", "def searchRange(self, nums: List[int], target: int) -> List[int]:", _REF,
    {
        "off_by_one": _sub(_REF, "bisect_right(nums, target) - 1]", "bisect_right(nums, target)]"),
        "missed_edge": _sub(_REF, "if first == len(nums) or nums[first] != target:", "if first == len(nums):"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def searchRange(self, nums: List[int], target: int) -> List[int]:
                lo, hi = 0, len(nums) - 1
                while lo <= hi:
                    mid = (lo + hi) // 2
                    if nums[mid] == target:
                        return [mid, mid]
                    if nums[mid] < target:
                        lo = mid + 1
                    else:
                        hi = mid - 1
                return [-1, -1]
        """,
    },
    [([], 0), ([5, 7, 7, 8, 8, 10], 8), ([5, 7, 7, 8, 8, 10], 6), ([1], 1), ([2, 2], 2), ([1, 2, 3], 4)],
    lambda rng: (sorted(_ints(rng, rng.randint(0, 12), 0, 8)), rng.randint(-1, 9)),
    "medium", ("binary search", "array"),
)

_REF = """
from typing import List


class Solution:
    def minEatingSpeed(self, piles: List[int], h: int) -> int:
        lo, hi = 1, max(piles)
        while lo < hi:
            speed = (lo + hi) // 2
            hours = sum((p + speed - 1) // speed for p in piles)
            if hours <= h:
                hi = speed
            else:
                lo = speed + 1
        return lo
"""
_add(
    "slowest-sufficient-eating-speed", "Slowest Sufficient Eating Speed",
    """
    piles[i] is the number of bananas in pile i. Each hour, you choose one pile and eat up to speed
    bananas from it (if the pile has fewer, you finish it and wait for the rest of that hour). Return the
    smallest integer speed that lets you finish every pile within h hours.

    Example 1:
    Input: piles = [3, 6, 7, 11], h = 8
    Output: 4

    Example 2:
    Input: piles = [30, 11, 23, 4, 20], h = 5
    Output: 30

    Constraints:
    - 1 ≤ len(piles) ≤ h ≤ 10^9
    - 1 ≤ piles[i] ≤ 10^9
    """,
    "minEatingSpeed", "def minEatingSpeed(self, piles: List[int], h: int) -> int:", _REF,
    {
        "off_by_one": _sub(_REF, "(p + speed - 1) // speed", "p // speed"),
        "missed_edge": _sub(_REF, "lo, hi = 1, max(piles)", "lo, hi = 0, max(piles)"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def minEatingSpeed(self, piles: List[int], h: int) -> int:
                return max(1, (sum(piles) + h - 1) // h)
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def minEatingSpeed(self, piles: List[int], h: int) -> int:
                speed = 1
                while sum((p + speed - 1) // speed for p in piles) > h:
                    speed += 1
                return speed
        """,
    },
    [([1], 1), ([3, 6, 7, 11], 8), ([30, 11, 23, 4, 20], 5), ([30, 11, 23, 4, 20], 6), ([5], 10), ([10**9] * 20, 20)],
    lambda rng: (lambda piles: (piles, rng.randint(len(piles), len(piles) + 20)))(_ints(rng, rng.randint(1, 8), 1, 30)),
    "medium", ("binary search",),
)

_REF = """
from typing import List


def split_array(nums: List[int], k: int) -> int:
    def parts_needed(limit: int) -> int:
        parts, current = 1, 0
        for x in nums:
            if current + x > limit:
                parts += 1
                current = 0
            current += x
        return parts

    lo, hi = max(nums), sum(nums)
    while lo < hi:
        mid = (lo + hi) // 2
        if parts_needed(mid) <= k:
            hi = mid
        else:
            lo = mid + 1
    return lo
"""
_add(
    "split-a-list-to-minimise-the-largest-part", "Split a List to Minimise the Largest Part",
    """
    Split nums into exactly k non-empty contiguous parts. Return the smallest possible value of the
    largest part sum.

    Example 1:
    Input: nums = [7, 2, 5, 10, 8], k = 2
    Output: 18
    Explanation: [7, 2, 5] and [10, 8].

    Example 2:
    Input: nums = [1, 4, 4], k = 3
    Output: 4

    Constraints:
    - 1 ≤ k ≤ len(nums) ≤ 1000
    - 0 ≤ nums[i] ≤ 10^6
    """,
    "split_array", "def split_array(nums: List[int], k: int) -> int:", _REF,
    {
        "off_by_one": _sub(_REF, "if current + x > limit:", "if current + x >= limit:"),
        "missed_edge": _sub(_REF, "lo, hi = max(nums), sum(nums)", "lo, hi = 0, sum(nums)"),
        "wrong_logic": """
        from typing import List


        def split_array(nums: List[int], k: int) -> int:
            target = sum(nums) / k
            parts, current, best = 1, 0, 0
            for i, x in enumerate(nums):
                if current + x > target and current > 0 and parts < k:
                    best = max(best, current)
                    parts += 1
                    current = 0
                current += x
            return max(best, current)
        """,
        "too_slow": """
        from typing import List


        def split_array(nums: List[int], k: int) -> int:
            def go(start: int, parts: int) -> int:
                if parts == 1:
                    return sum(nums[start:])
                best = None
                for end in range(start + 1, len(nums) - parts + 2):
                    worst = max(sum(nums[start:end]), go(end, parts - 1))
                    if best is None or worst < best:
                        best = worst
                return best
            return go(0, k)
        """,
    },
    [([5], 1), ([7, 2, 5, 10, 8], 2), ([1, 4, 4], 3), ([1, 2, 3, 4, 5], 2), ([0, 0, 0], 2), ([2, 3, 1, 2, 4, 3], 5),
     (list(range(1, 31)), 10)],
    lambda rng: (lambda nums: (nums, rng.randint(1, len(nums))))(_ints(rng, rng.randint(1, 9), 0, 15)),
    "hard", ("binary search", "greedy", "dynamic programming"), style="function",
)

# ==================================================================================================== greedy
_REF = """
from typing import List


class Solution:
    def jump(self, nums: List[int]) -> int:
        jumps, end, farthest = 0, 0, 0
        for i in range(len(nums) - 1):
            farthest = max(farthest, i + nums[i])
            if i == end:
                jumps += 1
                end = farthest
        return jumps
"""


def _gen_jump(rng: random.Random) -> tuple:
    while True:
        nums = [rng.choice([0, 1, 1, 2, 2, 3, 4]) for _ in range(rng.randint(1, 12))]
        reach = 0
        for i, x in enumerate(nums):
            if i > reach:
                break
            reach = max(reach, i + x)
        if reach >= len(nums) - 1:
            return (nums,)


_add(
    "fewest-jumps-to-the-end", "Fewest Jumps to the End",
    """
    You start at index 0 of nums; from index i you may jump forward by any distance from 1 to nums[i].
    Return the smallest number of jumps needed to land on the last index. The input guarantees that the
    last index can be reached (a list of length 1 needs 0 jumps).

    Example 1:
    Input: nums = [2, 3, 1, 1, 4]
    Output: 2

    Example 2:
    Input: nums = [2, 3, 0, 1, 4]
    Output: 2

    Constraints:
    - 1 ≤ len(nums) ≤ 10^4
    - 0 ≤ nums[i] ≤ 1000
    """,
    "jump", "def jump(self, nums: List[int]) -> int:", _REF,
    {
        "off_by_one": _sub(_REF, "for i in range(len(nums) - 1):", "for i in range(len(nums)):"),
        "missed_edge": _sub(_REF, "        jumps, end, farthest = 0, 0, 0\n",
                            "        jumps, end, farthest = 0, 0, 0\n        if len(nums) == 1:\n"
                            "            return 1\n"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def jump(self, nums: List[int]) -> int:
                i = jumps = 0
                while i < len(nums) - 1:
                    i += max(nums[i], 1)
                    jumps += 1
                return jumps
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def jump(self, nums: List[int]) -> int:
                def go(i: int) -> int:
                    if i >= len(nums) - 1:
                        return 0
                    best = len(nums)
                    for step in range(1, nums[i] + 1):
                        best = min(best, 1 + go(i + step))
                    return best
                return go(0)
        """,
    },
    [([0],), ([2, 3, 1, 1, 4],), ([2, 3, 0, 1, 4],), ([1, 1, 1],), ([5, 1, 1],), ([1, 2],), ([3] * 36,)],
    _gen_jump,
    "medium", ("greedy", "array"),
)

_REF = """
from typing import List


class Solution:
    def canCompleteCircuit(self, gas: List[int], cost: List[int]) -> int:
        if sum(gas) < sum(cost):
            return -1
        start, tank = 0, 0
        for i in range(len(gas)):
            tank += gas[i] - cost[i]
            if tank < 0:
                start, tank = i + 1, 0
        return start
"""
_add(
    "where-to-start-the-fuel-loop", "Where to Start the Fuel Loop",
    """
    n stations stand on a circular road. Station i gives gas[i] units of fuel, and driving from station i
    to station i + 1 (station n - 1 leads back to station 0) costs cost[i] units. Your tank is empty at
    the start and has no limit. Return the index of a station where you can start and drive once around
    the loop without the tank going below zero; if several stations work, return the smallest index, and
    return -1 if none does.

    Example 1:
    Input: gas = [1, 2, 3, 4, 5], cost = [3, 4, 5, 1, 2]
    Output: 3

    Example 2:
    Input: gas = [2, 3, 4], cost = [3, 4, 3]
    Output: -1

    Constraints:
    - 1 ≤ n = len(gas) = len(cost) ≤ 10^5
    - 0 ≤ gas[i], cost[i] ≤ 10^4
    """,
    "canCompleteCircuit", "def canCompleteCircuit(self, gas: List[int], cost: List[int]) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, "        if sum(gas) < sum(cost):\n            return -1\n", ""),
        "off_by_one": _sub(_REF, "start, tank = i + 1, 0", "start, tank = i, 0"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def canCompleteCircuit(self, gas: List[int], cost: List[int]) -> int:
                if sum(gas) < sum(cost):
                    return -1
                gains = [g - c for g, c in zip(gas, cost)]
                return gains.index(max(gains))
        """,
    },
    [([1, 2, 3, 4, 5], [3, 4, 5, 1, 2]), ([2, 3, 4], [3, 4, 3]), ([0], [0]), ([1], [2]), ([3, 1, 1], [1, 2, 2]),
     ([1, 1], [1, 1])],
    lambda rng: (lambda n: (_ints(rng, n, 0, 5), _ints(rng, n, 0, 5)))(rng.randint(1, 8)),
    "medium", ("greedy",),
)

_REF = """
from typing import List


class Solution:
    def candy(self, ratings: List[int]) -> int:
        n = len(ratings)
        give = [1] * n
        for i in range(1, n):
            if ratings[i] > ratings[i - 1]:
                give[i] = give[i - 1] + 1
        for i in range(n - 2, -1, -1):
            if ratings[i] > ratings[i + 1]:
                give[i] = max(give[i], give[i + 1] + 1)
        return sum(give)
"""
_add(
    "fewest-sweets-for-a-row-of-children", "Fewest Sweets for a Row of Children",
    """
    Children stand in a row; ratings[i] is the rating of child i. Give every child at least one sweet,
    so that a child with a strictly higher rating than a neighbour gets strictly more sweets than that
    neighbour. Return the smallest total number of sweets.

    Example 1:
    Input: ratings = [1, 0, 2]
    Output: 5

    Example 2:
    Input: ratings = [1, 2, 2]
    Output: 4

    Constraints:
    - 1 ≤ len(ratings) ≤ 2 * 10^4
    - 0 ≤ ratings[i] ≤ 2 * 10^4
    """,
    "candy", "def candy(self, ratings: List[int]) -> int:", _REF,
    {
        "wrong_logic": _sub(_REF, "        for i in range(n - 2, -1, -1):\n"
                                  "            if ratings[i] > ratings[i + 1]:\n"
                                  "                give[i] = max(give[i], give[i + 1] + 1)\n", ""),
        "off_by_one": _sub(_REF, "if ratings[i] > ratings[i - 1]:", "if ratings[i] >= ratings[i - 1]:"),
        "missed_edge": _sub(_REF, "give[i] = max(give[i], give[i + 1] + 1)", "give[i] = give[i + 1] + 1"),
    },
    [([5],), ([1, 0, 2],), ([1, 2, 2],), ([1, 3, 2, 2, 1],), ([1, 2, 87, 87, 87, 2, 1],), ([3, 2, 1],)],
    lambda rng: (_ints(rng, rng.randint(1, 12), 0, 5),),
    "hard", ("greedy", "array"),
)

_REF = """
from typing import List


class Solution:
    def partitionLabels(self, s: str) -> List[int]:
        last = {ch: i for i, ch in enumerate(s)}
        sizes: List[int] = []
        start = end = 0
        for i, ch in enumerate(s):
            end = max(end, last[ch])
            if i == end:
                sizes.append(end - start + 1)
                start = i + 1
        return sizes
"""
_add(
    "cut-a-string-into-letter-disjoint-parts", "Cut a String Into Letter-Disjoint Parts",
    """
    Cut s into as many contiguous parts as possible so that each letter occurs in at most one part.
    Return the lengths of the parts from left to right.

    Example 1:
    Input: s = "ababcbacadefegdehijhklij"
    Output: [9, 7, 8]

    Example 2:
    Input: s = "eccbbbbdec"
    Output: [10]

    Constraints:
    - 1 ≤ len(s) ≤ 500, lowercase English letters
    """,
    "partitionLabels", "def partitionLabels(self, s: str) -> List[int]:", _REF,
    {
        "off_by_one": _sub(_REF, "sizes.append(end - start + 1)", "sizes.append(end - start)"),
        "wrong_logic": _sub(_REF, "last = {ch: i for i, ch in enumerate(s)}", "last = {ch: s.index(ch) for ch in s}",
                            "            end = max(end, last[ch])\n",
                                                   "            end = max(end, s.rfind(ch, 0, i + 1))\n"),
        "missed_edge": """
        from typing import List


        class Solution:
            def partitionLabels(self, s: str) -> List[int]:
                last = {ch: i for i, ch in enumerate(s)}
                sizes = []
                start = end = 0
                for i, ch in enumerate(s):
                    if i > end:
                        sizes.append(i - start)
                        start = i
                    end = max(end, last[ch])
                return sizes
        """,
    },
    [("a",), ("ab",), ("ababcbacadefegdehijhklij",), ("eccbbbbdec",), ("abcabc",), ("abac",)],
    lambda rng: (_word(rng, rng.choice(["abc", "abcdef", "abcdefghij"]), 1, 14),),
    "medium", ("greedy", "string", "hashing"),
)

# ============================================================================================== backtracking
_REF = """
from typing import List


class Solution:
    def subsetsWithDup(self, nums: List[int]) -> List[List[int]]:
        nums = sorted(nums)
        out: List[List[int]] = []
        chosen: List[int] = []

        def build(start: int) -> None:
            out.append(chosen[:])
            for i in range(start, len(nums)):
                if i > start and nums[i] == nums[i - 1]:
                    continue
                chosen.append(nums[i])
                build(i + 1)
                chosen.pop()

        build(0)
        return out
"""
_add(
    "all-distinct-sub-collections", "All Distinct Sub-Collections",
    """
    nums may contain repeated values. Return every distinct sub-collection of nums (choose any subset of
    the positions; two choices that give the same values with the same multiplicities are the same
    sub-collection), including the empty one. The sub-collections and the values inside each may be in
    any order.

    Example 1:
    Input: nums = [1, 2, 2]
    Output: [[], [1], [1, 2], [1, 2, 2], [2], [2, 2]]

    Example 2:
    Input: nums = [0]
    Output: [[], [0]]

    Constraints:
    - 0 ≤ len(nums) ≤ 10
    - -10 ≤ nums[i] ≤ 10
    """,
    "subsetsWithDup", "def subsetsWithDup(self, nums: List[int]) -> List[List[int]]:", _REF,
    {
        "missed_edge": _sub(_REF, "                if i > start and nums[i] == nums[i - 1]:\n"
                                  "                    continue\n", ""),
        "wrong_logic": _sub(_REF, "        nums = sorted(nums)\n", "        nums = sorted(set(nums))\n"),
        "missed_edge_2": _sub(_REF, "            out.append(chosen[:])\n",
                              "            if chosen:\n                out.append(chosen[:])\n"),
    },
    [([],), ([0],), ([1, 2, 2],), ([2, 2, 2],), ([3, 1, 2],), ([1, 1, 2, 2],)],
    lambda rng: (_ints(rng, rng.randint(0, 7), 1, 4),),
    "medium", ("backtracking",), compare="unordered_nested",
)

_REF = """
from typing import List


class Solution:
    def permuteUnique(self, nums: List[int]) -> List[List[int]]:
        nums = sorted(nums)
        used = [False] * len(nums)
        out: List[List[int]] = []
        path: List[int] = []

        def build() -> None:
            if len(path) == len(nums):
                out.append(path[:])
                return
            for i in range(len(nums)):
                if used[i] or (i > 0 and nums[i] == nums[i - 1] and not used[i - 1]):
                    continue
                used[i] = True
                path.append(nums[i])
                build()
                path.pop()
                used[i] = False

        build()
        return out
"""
_add(
    "distinct-orderings-of-a-multiset", "Distinct Orderings of a Multiset",
    """
    nums may contain repeated values. Return every distinct ordering (permutation) of nums, each exactly
    once. The orderings may be listed in any order. The empty list has one ordering, [].

    Example 1:
    Input: nums = [1, 1, 2]
    Output: [[1, 1, 2], [1, 2, 1], [2, 1, 1]]

    Example 2:
    Input: nums = [1, 2]
    Output: [[1, 2], [2, 1]]

    Constraints:
    - 0 ≤ len(nums) ≤ 8
    - -10 ≤ nums[i] ≤ 10
    """,
    "permuteUnique", "def permuteUnique(self, nums: List[int]) -> List[List[int]]:", _REF,
    {
        "missed_edge": _sub(_REF, "if used[i] or (i > 0 and nums[i] == nums[i - 1] and not used[i - 1]):",
                            "if used[i]:"),
        "wrong_logic": _sub(_REF, "if used[i] or (i > 0 and nums[i] == nums[i - 1] and not used[i - 1]):",
                            "if used[i] or (i > 0 and nums[i] == nums[i - 1]):"),
        "off_by_one": _sub(_REF, "if len(path) == len(nums):", "if len(path) == len(nums) - 1:"),
    },
    [([],), ([1],), ([1, 1, 2],), ([1, 2],), ([2, 2, 2],), ([3, 1, 3, 1],)],
    lambda rng: (_ints(rng, rng.randint(0, 6), 1, rng.choice([2, 3, 6])),),
    "medium", ("backtracking",), compare="unordered",
)

_REF = """
from typing import List


class Solution:
    def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:
        cands = sorted(candidates)
        out: List[List[int]] = []
        chosen: List[int] = []

        def build(start: int, remaining: int) -> None:
            if remaining == 0:
                out.append(chosen[:])
                return
            for i in range(start, len(cands)):
                if cands[i] > remaining:
                    break
                chosen.append(cands[i])
                build(i, remaining - cands[i])
                chosen.pop()

        build(0, target)
        return out
"""
_add(
    "sums-from-reusable-parts", "Sums From Reusable Parts",
    """
    candidates holds distinct positive integers. Return every combination of candidates whose sum is
    target, where each candidate may be used any number of times. Two combinations are the same when
    they use every candidate the same number of times; list each once. The combinations, and the values
    inside each, may be in any order. (A target of 0 has one combination: [].)

    Example 1:
    Input: candidates = [2, 3, 6, 7], target = 7
    Output: [[2, 2, 3], [7]]

    Example 2:
    Input: candidates = [2], target = 1
    Output: []

    Constraints:
    - 1 ≤ len(candidates) ≤ 30, 2 ≤ candidates[i] ≤ 40
    - 0 ≤ target ≤ 40
    """,
    "combinationSum", "def combinationSum(self, candidates: List[int], target: int) -> List[List[int]]:", _REF,
    {
        "wrong_logic": _sub(_REF, "build(i, remaining - cands[i])", "build(i + 1, remaining - cands[i])"),
        "missed_edge": _sub(_REF, "build(i, remaining - cands[i])", "build(0, remaining - cands[i])"),
        "off_by_one": _sub(_REF, "for i in range(start, len(cands)):", "for i in range(start, len(cands) - 1):"),
    },
    [([2], 0), ([2, 3, 6, 7], 7), ([2], 1), ([2, 3, 5], 8), ([7, 3], 3)],
    lambda rng: (rng.sample(range(2, 10), rng.randint(1, 4)), rng.randint(1, 16)),
    "medium", ("backtracking",), compare="unordered_nested",
)

_REF = """
from typing import List


class Solution:
    def countQueens(self, n: int, blocked: List[List[int]]) -> int:
        banned = [0] * n
        for r, c in blocked:
            banned[r] |= 1 << c
        full = (1 << n) - 1

        def place(row: int, cols: int, diag: int, anti: int) -> int:
            if row == n:
                return 1
            total = 0
            free = full & ~(cols | diag | anti | banned[row])
            while free:
                bit = free & -free
                free ^= bit
                total += place(row + 1, cols | bit, ((diag | bit) << 1) & full, (anti | bit) >> 1)
            return total

        return place(0, 0, 0, 0)
"""


def _gen_queens(rng: random.Random) -> tuple:
    n = rng.randint(1, 7)
    p = rng.choice([0.0, 0.05, 0.1, 0.2])
    return n, [[r, c] for r in range(n) for c in range(n) if rng.random() < p]


_add(
    "queens-on-a-board-with-holes", "Queens on a Board With Holes",
    """
    Place n queens on an n x n chess board so that no two share a row, a column or a diagonal (either
    direction). Some squares are holes where no queen may stand: blocked lists them as [row, col]
    (0-based). Return the number of different placements.

    Example 1:
    Input: n = 4, blocked = []
    Output: 2

    Example 2:
    Input: n = 4, blocked = [[0, 1]]
    Output: 1

    Constraints:
    - 1 ≤ n ≤ 9
    - blocked holds distinct squares inside the board
    """,
    "countQueens", "def countQueens(self, n: int, blocked: List[List[int]]) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, "free = full & ~(cols | diag | anti | banned[row])",
                            "free = full & ~(cols | diag | anti)"),
        "wrong_logic": _sub(_REF, "free = full & ~(cols | diag | anti | banned[row])",
                            "free = full & ~(cols | diag | banned[row])"),
        "off_by_one": _sub(_REF, "            if row == n:\n", "            if row == n - 1:\n"),
    },
    [(1, []), (1, [[0, 0]]), (2, []), (4, []), (4, [[0, 1]]), (6, []), (8, []), (5, [[2, 2]])],
    _gen_queens,
    "hard", ("backtracking", "bit manipulation"),
)

# ============================================================================================ grids/matrices
_REF = """
from typing import List


class Solution:
    def numIslands(self, grid: List[List[int]]) -> int:
        rows, cols = len(grid), len(grid[0])
        seen = [[False] * cols for _ in range(rows)]
        islands = 0
        for r in range(rows):
            for c in range(cols):
                if grid[r][c] != 1 or seen[r][c]:
                    continue
                islands += 1
                seen[r][c] = True
                stack = [(r, c)]
                while stack:
                    y, x = stack.pop()
                    for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                        if 0 <= ny < rows and 0 <= nx < cols and grid[ny][nx] == 1 and not seen[ny][nx]:
                            seen[ny][nx] = True
                            stack.append((ny, nx))
        return islands
"""
_add(
    "count-the-islands", "Count the Islands",
    """
    grid is a map where 1 is land and 0 is water. An island is a maximal group of land cells connected
    horizontally or vertically (diagonal contact does not connect). Return the number of islands.

    Example 1:
    Input: grid = [[1, 1, 0, 0], [1, 0, 0, 1], [0, 0, 1, 1]]
    Output: 2

    Example 2:
    Input: grid = [[1, 0], [0, 1]]
    Output: 2

    Constraints:
    - 1 ≤ rows, cols ≤ 300
    - grid[r][c] is 0 or 1
    """,
    "numIslands", "def numIslands(self, grid: List[List[int]]) -> int:", _REF,
    {
        "wrong_logic": _sub(_REF, "((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1))",
                            "((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1), (y + 1, x + 1), (y - 1, x - 1), "
                            "(y + 1, x - 1), (y - 1, x + 1))"),
        "missed_edge": _sub(_REF, "((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1))", "((y + 1, x), (y, x + 1))"),
        "off_by_one": _sub(_REF, "        for r in range(rows):\n",
                           "        for r in range(rows - 1 if rows > 1 else 1):\n"),
    },
    [([[0]],), ([[1]],), ([[1, 1, 0, 0], [1, 0, 0, 1], [0, 0, 1, 1]],), ([[1, 0], [0, 1]],), ([[0, 1], [1, 1]],),
     ([[1, 0, 1], [1, 0, 1], [1, 1, 1]],), ([[1], [0], [1]],)],
    lambda rng: (_grid(rng, rng.randint(1, 7), rng.randint(1, 7), rng.choice([0.3, 0.5, 0.6])),),
    "medium", ("matrix", "dfs", "bfs"),
)

_REF = """
from typing import List


def minutes_to_rot(grid: List[List[int]]) -> int:
    rows, cols = len(grid), len(grid[0])
    grid = [row[:] for row in grid]
    frontier = [(r, c) for r in range(rows) for c in range(cols) if grid[r][c] == 2]
    fresh = sum(row.count(1) for row in grid)
    minutes = 0
    while frontier and fresh:
        nxt = []
        for r, c in frontier:
            for y, x in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= y < rows and 0 <= x < cols and grid[y][x] == 1:
                    grid[y][x] = 2
                    fresh -= 1
                    nxt.append((y, x))
        frontier = nxt
        minutes += 1
    return minutes if fresh == 0 else -1
"""
_add(
    "minutes-until-all-fruit-spoils", "Minutes Until All Fruit Spoils",
    """
    In grid, 0 is an empty cell, 1 a fresh orange and 2 a rotten one. Every minute, each fresh orange
    next to a rotten one (up, down, left or right) becomes rotten. Return the number of minutes until no
    fresh orange is left, 0 if there is none to begin with, or -1 if some fresh orange never rots.

    Example 1:
    Input: grid = [[2, 1, 1], [1, 1, 0], [0, 1, 1]]
    Output: 4

    Example 2:
    Input: grid = [[2, 1, 1], [0, 1, 1], [1, 0, 1]]
    Output: -1

    Constraints:
    - 1 ≤ rows, cols ≤ 10
    - grid[r][c] is 0, 1 or 2
    """,
    "minutes_to_rot", "def minutes_to_rot(grid: List[List[int]]) -> int:", _REF,
    {
        "missed_edge": _sub(_REF, "    return minutes if fresh == 0 else -1", "    return minutes"),
        "off_by_one": _sub(_REF, "    while frontier and fresh:", "    while frontier:"),
        "wrong_logic": _sub(_REF, "if grid[r][c] == 2]\n", "if grid[r][c] == 2][:1]\n"),
    },
    [([[0]],), ([[1]],), ([[2]],), ([[2, 1, 1], [1, 1, 0], [0, 1, 1]],), ([[2, 1, 1], [0, 1, 1], [1, 0, 1]],),
     ([[0, 2]],), ([[2, 1, 1, 1, 2]],), ([[1, 2, 1], [1, 1, 1], [2, 1, 1]],)],
    lambda rng: (lambda r, c: ([[rng.choice([0, 1, 1, 1, 2]) for _ in range(c)] for _ in range(r)],))(
        rng.randint(1, 6), rng.randint(1, 6)),
    "medium", ("matrix", "bfs"), style="function",
)

_REF = """
from typing import List


class Solution:
    def spiralOrder(self, matrix: List[List[int]]) -> List[int]:
        out: List[int] = []
        top, bottom, left, right = 0, len(matrix) - 1, 0, len(matrix[0]) - 1
        while top <= bottom and left <= right:
            for c in range(left, right + 1):
                out.append(matrix[top][c])
            for r in range(top + 1, bottom + 1):
                out.append(matrix[r][right])
            if top < bottom:
                for c in range(right - 1, left - 1, -1):
                    out.append(matrix[bottom][c])
            if left < right:
                for r in range(bottom - 1, top, -1):
                    out.append(matrix[r][left])
            top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
        return out
"""
_add(
    "read-a-matrix-in-a-spiral", "Read a Matrix in a Spiral",
    """
    Return all elements of matrix in clockwise spiral order: along the top row left to right, down the
    right column, along the bottom row right to left, up the left column, then the same for the inner
    rectangle, and so on.

    Example 1:
    Input: matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
    Output: [1, 2, 3, 6, 9, 8, 7, 4, 5]

    Example 2:
    Input: matrix = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
    Output: [1, 2, 3, 4, 8, 12, 11, 10, 9, 5, 6, 7]

    Constraints:
    - 1 ≤ rows, cols ≤ 10
    """,
    "spiralOrder", "def spiralOrder(self, matrix: List[List[int]]) -> List[int]:", _REF,
    {
        "missed_edge": _sub(_REF, "            if top < bottom:\n                for c",
                            "            if True:\n                for c",
                            "            if left < right:\n                for r",
                                "            if True:\n                for r"),
        "off_by_one": _sub(_REF, "for r in range(bottom - 1, top, -1):", "for r in range(bottom - 1, top + 1, -1):"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def spiralOrder(self, matrix: List[List[int]]) -> List[int]:
                out = []
                for i, row in enumerate(matrix):
                    out.extend(row if i % 2 == 0 else row[::-1])
                return out
        """,
    },
    [([[1]],), ([[1, 2, 3], [4, 5, 6], [7, 8, 9]],), ([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]],), ([[1, 2, 3]],),
     ([[1], [2], [3]],), ([[1, 2], [3, 4], [5, 6], [7, 8]],)],
    lambda rng: (lambda r, c: ([[rng.randint(0, 99) for _ in range(c)] for _ in range(r)],))(
        rng.randint(1, 6), rng.randint(1, 6)),
    "medium", ("matrix", "simulation"),
)

_REF = """
from collections import deque
from typing import List


class Solution:
    def shortestPathBinaryMatrix(self, grid: List[List[int]]) -> int:
        n = len(grid)
        if grid[0][0] or grid[n - 1][n - 1]:
            return -1
        dist = {(0, 0): 1}
        queue = deque([(0, 0)])
        while queue:
            r, c = queue.popleft()
            if (r, c) == (n - 1, n - 1):
                return dist[(r, c)]
            for dr in (-1, 0, 1):
                for dc in (-1, 0, 1):
                    y, x = r + dr, c + dc
                    if 0 <= y < n and 0 <= x < n and grid[y][x] == 0 and (y, x) not in dist:
                        dist[(y, x)] = dist[(r, c)] + 1
                        queue.append((y, x))
        return -1
"""
_add(
    "shortest-clear-path-in-a-grid", "Shortest Clear Path in a Square Grid",
    """
    grid is an n x n grid of 0 (open) and 1 (blocked). A clear path goes from the top-left cell to the
    bottom-right cell through open cells only, stepping to any of the 8 neighbouring cells (sides and
    corners). Return the number of cells on the shortest clear path, or -1 if there is none (including
    when the start or the end is blocked).

    Example 1:
    Input: grid = [[0, 1], [1, 0]]
    Output: 2

    Example 2:
    Input: grid = [[0, 0, 0], [1, 1, 0], [1, 1, 0]]
    Output: 4

    Constraints:
    - 1 ≤ n ≤ 100
    """,
    "shortestPathBinaryMatrix", "def shortestPathBinaryMatrix(self, grid: List[List[int]]) -> int:", _REF,
    {
        "wrong_logic": _sub(_REF, "                    y, x = r + dr, c + dc\n",
                            "                    if dr and dc:\n                        continue\n"
                            "                    y, x = r + dr, c + dc\n"),
        "missed_edge": _sub(_REF, "        if grid[0][0] or grid[n - 1][n - 1]:\n", "        if grid[n - 1][n - 1]:\n"),
        "off_by_one": _sub(_REF, "dist = {(0, 0): 1}", "dist = {(0, 0): 0}"),
    },
    [([[0]],), ([[1]],), ([[0, 1], [1, 0]],), ([[0, 0, 0], [1, 1, 0], [1, 1, 0]],),
     ([[1, 0, 0], [1, 1, 0], [1, 1, 0]],),
     ([[0, 1], [1, 1]],)],
    lambda rng: (lambda n: (_grid(rng, n, n, rng.choice([0.2, 0.35])),))(rng.randint(1, 7)),
    "medium", ("matrix", "bfs"),
)

_REF = """
from typing import List


class Solution:
    def floodFill(self, image: List[List[int]], sr: int, sc: int, color: int) -> List[List[int]]:
        out = [row[:] for row in image]
        old = out[sr][sc]
        if old == color:
            return out
        rows, cols = len(out), len(out[0])
        stack = [(sr, sc)]
        out[sr][sc] = color
        while stack:
            r, c = stack.pop()
            for y, x in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                if 0 <= y < rows and 0 <= x < cols and out[y][x] == old:
                    out[y][x] = color
                    stack.append((y, x))
        return out
"""
_add(
    "repaint-a-connected-region", "Repaint a Connected Region",
    """
    image is a grid of colour numbers. Starting from the cell (sr, sc), repaint with color that cell and
    every cell connected to it up, down, left or right through cells of the same original colour.
    Return the new image (the input list need not be changed).

    Example 1:
    Input: image = [[1, 1, 1], [1, 1, 0], [1, 0, 1]], sr = 1, sc = 1, color = 2
    Output: [[2, 2, 2], [2, 2, 0], [2, 0, 1]]

    Example 2:
    Input: image = [[0, 0], [0, 0]], sr = 0, sc = 0, color = 0
    Output: [[0, 0], [0, 0]]

    Constraints:
    - 1 ≤ rows, cols ≤ 50
    - 0 ≤ colours ≤ 2^16, 0 ≤ sr < rows, 0 ≤ sc < cols
    """,
    "floodFill", "def floodFill(self, image: List[List[int]], sr: int, sc: int, color: int) -> List[List[int]]:", _REF,
    {
        "missed_edge": """
        from typing import List


        class Solution:
            def floodFill(self, image: List[List[int]], sr: int, sc: int, color: int) -> List[List[int]]:
                out = [row[:] for row in image]
                old = out[sr][sc]
                def paint(r: int, c: int) -> None:
                    if r < 0 or c < 0 or r >= len(out) or c >= len(out[0]) or out[r][c] != old:
                        return
                    out[r][c] = color
                    paint(r + 1, c)
                    paint(r - 1, c)
                    paint(r, c + 1)
                    paint(r, c - 1)
                paint(sr, sc)
                return out
        """,
        "wrong_logic": _sub(_REF, "((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1))",
                            "((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1), (r + 1, c + 1), (r - 1, c - 1))"),
        "off_by_one": _sub(_REF, "if 0 <= y < rows and 0 <= x < cols and",
                           "if 0 <= y < rows - 1 and 0 <= x < cols and"),
    },
    [([[1, 1, 1], [1, 1, 0], [1, 0, 1]], 1, 1, 2), ([[0, 0], [0, 0]], 0, 0, 0), ([[5]], 0, 0, 3),
     ([[1, 2], [2, 1]], 0, 0, 2),
     ([[1], [1], [1]], 0, 0, 9)],
    lambda rng: (lambda r, c: ([[rng.randint(0, 2) for _ in range(c)] for _ in range(r)], rng.randrange(r),
                               rng.randrange(c), rng.randint(0, 3)))(rng.randint(1, 6), rng.randint(1, 6)),
    "easy", ("matrix", "dfs"),
)

# ===================================================================================================== heaps
_REF = """
import heapq
from typing import List


def kth_largest(nums: List[int], k: int) -> int:
    heap: List[int] = []
    for x in nums:
        heapq.heappush(heap, x)
        if len(heap) > k:
            heapq.heappop(heap)
    return heap[0]
"""
_add(
    "kth-largest-value", "The k-th Largest Value",
    """
    Return the k-th largest element of nums in sorted order (counting repeated values separately, so in
    [3, 3, 1] the 2nd largest is 3). Try to do better than sorting the whole list.

    Example 1:
    Input: nums = [3, 2, 1, 5, 6, 4], k = 2
    Output: 5

    Example 2:
    Input: nums = [3, 2, 3, 1, 2, 4, 5, 5, 6], k = 4
    Output: 4

    Constraints:
    - 1 ≤ k ≤ len(nums) ≤ 10^5
    - -10^4 ≤ nums[i] ≤ 10^4
    """,
    "kth_largest", "def kth_largest(nums: List[int], k: int) -> int:", _REF,
    {
        "wrong_logic": """
        from typing import List


        def kth_largest(nums: List[int], k: int) -> int:
            values = sorted(set(nums), reverse=True)
            return values[min(k, len(values)) - 1]
        """,
        "off_by_one": """
        from typing import List


        def kth_largest(nums: List[int], k: int) -> int:
            return sorted(nums, reverse=True)[min(k, len(nums) - 1)]
        """,
        "missed_edge": """
        from typing import List


        def kth_largest(nums: List[int], k: int) -> int:
            pivot = nums[len(nums) // 2]
            greater = [x for x in nums if x > pivot]
            less = [x for x in nums if x < pivot]
            if k <= len(greater):
                return kth_largest(greater, k)
            if k == len(greater) + 1 or not less:
                return pivot
            return kth_largest(less, k - len(greater) - 1)
        """,
    },
    [([1], 1), ([3, 2, 1, 5, 6, 4], 2), ([3, 2, 3, 1, 2, 4, 5, 5, 6], 4), ([3, 3, 1], 2), ([2, 2, 2], 3),
     ([-1, -5], 2)],
    lambda rng: (lambda nums: (nums, rng.randint(1, len(nums))))(_ints(rng, rng.randint(1, 12), -5, 5)),
    "easy", ("heap", "sorting"), style="function",
)

_REF = """
from collections import Counter
from typing import List


class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        counts = Counter(nums)
        ranked = sorted(counts, key=lambda v: (-counts[v], v))
        return ranked[:k]
"""
_add(
    "most-frequent-values", "The k Most Frequent Values",
    """
    Return the k values that occur most often in nums, from the most frequent to the least; among values
    with the same count, the smaller value comes first. k is at most the number of distinct values.

    Example 1:
    Input: nums = [1, 1, 1, 2, 2, 3], k = 2
    Output: [1, 2]

    Example 2:
    Input: nums = [4, 4, 1, 1, 3], k = 2
    Output: [1, 4]

    Constraints:
    - 1 ≤ len(nums) ≤ 10^5
    - 1 ≤ k ≤ number of distinct values
    """,
    "topKFrequent", "def topKFrequent(self, nums: List[int], k: int) -> List[int]:", _REF,
    {
        "wrong_logic": """
        from collections import Counter
        from typing import List


        class Solution:
            def topKFrequent(self, nums: List[int], k: int) -> List[int]:
                return [v for v, _ in Counter(nums).most_common(k)]
        """,
        "missed_edge": _sub(_REF, "key=lambda v: (-counts[v], v)", "key=lambda v: -counts[v]"),
        "wrong_type": _sub(_REF, "        return ranked[:k]", "        return [[v, counts[v]] for v in ranked[:k]]"),
        "off_by_one": _sub(_REF, "        return ranked[:k]", "        return ranked[:k - 1] if k > 1 else ranked[:1]"),
    },
    [([1], 1), ([1, 1, 1, 2, 2, 3], 2), ([4, 4, 1, 1, 3], 2), ([5, 3, 5, 3, 1], 3), ([2, 1], 2)],
    lambda rng: (lambda nums: (nums, rng.randint(1, len(set(nums)))))(_ints(rng, rng.randint(1, 14), 0, 6)),
    "medium", ("heap", "hashing", "sorting"),
)

_REF = """
import heapq
from typing import List


def merge_sorted_lists(lists: List[List[int]]) -> List[int]:
    heap = [(lst[0], i, 0) for i, lst in enumerate(lists) if lst]
    heapq.heapify(heap)
    out: List[int] = []
    while heap:
        value, i, j = heapq.heappop(heap)
        out.append(value)
        if j + 1 < len(lists[i]):
            heapq.heappush(heap, (lists[i][j + 1], i, j + 1))
    return out
"""
_add(
    "merge-many-sorted-lists", "Merge Many Sorted Lists",
    """
    lists holds k lists, each sorted in non-decreasing order (some may be empty). Return one sorted list
    with all their elements. Aim for O(N log k) where N is the total number of elements.

    Example 1:
    Input: lists = [[1, 4, 5], [1, 3, 4], [2, 6]]
    Output: [1, 1, 2, 3, 4, 4, 5, 6]

    Example 2:
    Input: lists = [[], []]
    Output: []

    Constraints:
    - 0 ≤ k ≤ 10^4, 0 ≤ N ≤ 10^4
    - -10^4 ≤ values ≤ 10^4
    """,
    "merge_sorted_lists", "def merge_sorted_lists(lists: List[List[int]]) -> List[int]:", _REF,
    {
        "missed_edge": _sub(_REF, "for i, lst in enumerate(lists) if lst]", "for i, lst in enumerate(lists)]"),
        "wrong_logic": """
        from typing import List


        def merge_sorted_lists(lists: List[List[int]]) -> List[int]:
            out = []
            depth = 0
            while any(depth < len(lst) for lst in lists):
                out.extend(sorted(lst[depth] for lst in lists if depth < len(lst)))
                depth += 1
            return out
        """,
        "off_by_one": _sub(_REF, "if j + 1 < len(lists[i]):", "if j + 2 < len(lists[i]):"),
    },
    [([],), ([[], []],), ([[1, 4, 5], [1, 3, 4], [2, 6]],), ([[1]],), ([[2, 2], [1, 1]],), ([[1, 2, 3], [], [0]],)],
    lambda rng: ([sorted(_ints(rng, rng.randint(0, 5), -9, 9)) for _ in range(rng.randint(0, 5))],),
    "hard", ("heap", "merge"), style="function",
)

_REF = """
import heapq
from typing import List


class Solution:
    def runningMedians(self, nums: List[int]) -> List[float]:
        low: List[int] = []   # max-heap (negated) of the smaller half
        high: List[int] = []  # min-heap of the larger half
        out: List[float] = []
        for x in nums:
            heapq.heappush(low, -x)
            heapq.heappush(high, -heapq.heappop(low))
            if len(high) > len(low):
                heapq.heappush(low, -heapq.heappop(high))
            if len(low) > len(high):
                out.append(float(-low[0]))
            else:
                out.append((-low[0] + high[0]) / 2)
        return out
"""
_add(
    "median-after-every-arrival", "Median After Every Arrival",
    """
    Numbers arrive one at a time in the order of nums. After each arrival, record the median of all
    numbers seen so far (for an even count, the mean of the two middle values). Return the recorded
    medians as floats; answers within 1e-6 are accepted.

    Example 1:
    Input: nums = [5, 15, 1, 3]
    Output: [5.0, 10.0, 5.0, 4.0]

    Example 2:
    Input: nums = [2, 3]
    Output: [2.0, 2.5]

    Constraints:
    - 0 ≤ len(nums) ≤ 5 * 10^4
    - -10^5 ≤ nums[i] ≤ 10^5
    - aim for O(log n) per arrival
    """,
    "runningMedians", "def runningMedians(self, nums: List[int]) -> List[float]:", _REF,
    {
        "off_by_one": _sub(_REF, "                out.append((-low[0] + high[0]) / 2)",
                           "                out.append(float(high[0]))"),
        "wrong_type": _sub(_REF, "                out.append((-low[0] + high[0]) / 2)",
                           "                out.append((-low[0] + high[0]) // 2)"),
        "wrong_logic": """
        import heapq
        from typing import List


        class Solution:
            def runningMedians(self, nums: List[int]) -> List[float]:
                low, high, out = [], [], []
                for x in nums:
                    if len(low) <= len(high):
                        heapq.heappush(low, -x)
                    else:
                        heapq.heappush(high, x)
                    if len(low) > len(high):
                        out.append(float(-low[0]))
                    else:
                        out.append((-low[0] + high[0]) / 2)
                return out
        """,
    },
    [([],), ([7],), ([5, 15, 1, 3],), ([2, 3],), ([1, 2, 3, 4, 5],), ([-1, -2, -3],), ([4, 4, 4, 1],)],
    lambda rng: (_ints(rng, rng.randint(0, 14), -20, 20),),
    "hard", ("heap", "design"), compare="float",
)

_REF = """
import heapq
from typing import List


class Solution:
    def lastStoneWeight(self, stones: List[int]) -> int:
        heap = [-s for s in stones]
        heapq.heapify(heap)
        while len(heap) > 1:
            y = -heapq.heappop(heap)
            x = -heapq.heappop(heap)
            if y > x:
                heapq.heappush(heap, -(y - x))
        return -heap[0] if heap else 0
"""
_add(
    "smash-the-two-heaviest-stones", "Smash the Two Heaviest Stones",
    """
    Each turn, take the two heaviest stones, of weights y ≥ x, and smash them together: if x == y both
    are destroyed, otherwise the heavier one survives with weight y - x. Repeat until at most one stone
    is left. Return its weight, or 0 if no stone is left.

    Example 1:
    Input: stones = [2, 7, 4, 1, 8, 1]
    Output: 1

    Example 2:
    Input: stones = [3, 3]
    Output: 0

    Constraints:
    - 1 ≤ len(stones) ≤ 30
    - 1 ≤ stones[i] ≤ 1000
    """,
    "lastStoneWeight", "def lastStoneWeight(self, stones: List[int]) -> int:", _REF,
    {
        "wrong_logic": """
        from typing import List


        class Solution:
            def lastStoneWeight(self, stones: List[int]) -> int:
                stones = sorted(stones, reverse=True)
                while len(stones) > 1:
                    y, x = stones[0], stones[1]
                    stones = stones[2:] + ([y - x] if y > x else [])
                return stones[0] if stones else 0
        """,
        "missed_edge": _sub(_REF, "        return -heap[0] if heap else 0", "        return -heap[0]"),
        "off_by_one": _sub(_REF, "        while len(heap) > 1:", "        while len(heap) > 2:"),
    },
    [([1],), ([2, 7, 4, 1, 8, 1],), ([3, 3],), ([10, 4, 4],), ([1, 1, 1],), ([5, 9],)],
    lambda rng: (_ints(rng, rng.randint(1, 9), 1, 12),),
    "easy", ("heap", "simulation"),
)

# ================================================================================================ more easy
_REF = """
from typing import List


class Solution:
    def minCostClimbingStairs(self, cost: List[int]) -> int:
        two_below, one_below = 0, 0  # cheapest cost to stand on step i - 2 and i - 1
        for i in range(2, len(cost) + 1):
            two_below, one_below = one_below, min(one_below + cost[i - 1], two_below + cost[i - 2])
        return one_below
"""
_add(
    "cheapest-climb-to-the-top", "Cheapest Climb to the Top",
    """
    cost[i] is the fee for stepping off step i of a staircase; from step i you may climb to step i + 1
    or i + 2. You may start on step 0 or step 1 for free. Return the smallest total fee to reach the top,
    which is the position just past the last step (index len(cost)).

    Example 1:
    Input: cost = [10, 15, 20]
    Output: 15

    Example 2:
    Input: cost = [1, 100, 1, 1, 1, 100, 1, 1, 100, 1]
    Output: 6

    Constraints:
    - 2 ≤ len(cost) ≤ 1000
    - 0 ≤ cost[i] ≤ 999
    """,
    "minCostClimbingStairs", "def minCostClimbingStairs(self, cost: List[int]) -> int:", _REF,
    {
        "off_by_one": _sub(_REF, "range(2, len(cost) + 1)", "range(2, len(cost))"),
        "missed_edge": _sub(_REF, "        two_below, one_below = 0, 0", "        two_below, one_below = 0, cost[0]"),
        "wrong_logic": """
        from typing import List


        class Solution:
            def minCostClimbingStairs(self, cost: List[int]) -> int:
                i = 0 if cost[0] <= cost[1] else 1
                total = 0
                while i < len(cost):
                    total += cost[i]
                    if i + 2 < len(cost) and cost[i + 2] < cost[i + 1] or i + 1 >= len(cost):
                        i += 2
                    else:
                        i += 1
                return total
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def minCostClimbingStairs(self, cost: List[int]) -> int:
                def fee(i: int) -> int:
                    if i >= len(cost):
                        return 0
                    return cost[i] + min(fee(i + 1), fee(i + 2))
                return min(fee(0), fee(1))
        """,
    },
    [([0, 0],), ([5, 3],), ([10, 15, 20],), ([1, 100, 1, 1, 1, 100, 1, 1, 100, 1],), ([0, 1, 2, 2],),
     ([(i * 37) % 11 for i in range(32)],)],
    lambda rng: (_ints(rng, rng.randint(2, 12), 0, 20),),
    "easy", ("dynamic programming",),
)

_REF = """
from typing import List


class Solution:
    def searchInsert(self, nums: List[int], target: int) -> int:
        lo, hi = 0, len(nums)
        while lo < hi:
            mid = (lo + hi) // 2
            if nums[mid] < target:
                lo = mid + 1
            else:
                hi = mid
        return lo
"""
_add(
    "position-in-a-sorted-list", "Position in a Sorted List",
    """
    nums holds distinct integers in increasing order. Return the index of target if it is in nums, and
    otherwise the index at which it would have to be inserted to keep nums sorted. Use O(log n) time.

    Example 1:
    Input: nums = [1, 3, 5, 6], target = 5
    Output: 2

    Example 2:
    Input: nums = [1, 3, 5, 6], target = 7
    Output: 4

    Constraints:
    - 0 ≤ len(nums) ≤ 10^4
    - -10^4 ≤ nums[i], target ≤ 10^4
    """,
    "searchInsert", "def searchInsert(self, nums: List[int], target: int) -> int:", _REF,
    {
        "off_by_one": _sub(_REF, "lo, hi = 0, len(nums)", "lo, hi = 0, len(nums) - 1"),
        "wrong_logic": _sub(_REF, "if nums[mid] < target:", "if nums[mid] <= target:"),
        "missed_edge": _sub(_REF, "        lo, hi = 0, len(nums)\n",
                            "        if target > nums[-1]:\n            return len(nums)\n"
                            "        lo, hi = 0, len(nums)\n"),
    },
    [([], 3), ([1, 3, 5, 6], 5), ([1, 3, 5, 6], 7), ([1, 3, 5, 6], 0), ([1, 3, 5, 6], 2), ([4], 4)],
    lambda rng: (sorted(rng.sample(range(-20, 21), rng.randint(0, 10))), rng.randint(-22, 22)),
    "easy", ("binary search",),
)

_REF = _TREE + """

def mirror_tree(root: List[Optional[int]]) -> List[Optional[int]]:
    node = build_tree(root)
    stack = [node]
    while stack:
        n = stack.pop()
        if n is not None:
            n.left, n.right = n.right, n.left
            stack.extend((n.left, n.right))
    out: List[Optional[int]] = []
    queue = deque([node])
    while queue:
        n = queue.popleft()
        if n is None:
            out.append(None)
        else:
            out.append(n.val)
            queue.append(n.left)
            queue.append(n.right)
    while out and out[-1] is None:
        out.pop()
    return out
"""
_add(
    "mirror-a-binary-tree", "Mirror a Binary Tree",
    _TREE_FORMAT + """

    Swap the left and right children of every node and return the mirrored tree in the same level-order
    format (with None gaps and no trailing None).

    Example 1:
    Input: root = [4, 2, 7, 1, 3, 6, 9]
    Output: [4, 7, 2, 9, 6, 3, 1]

    Example 2:
    Input: root = [1, 2]
    Output: [1, None, 2]

    Constraints:
    - 0 ≤ number of nodes ≤ 1000
    """,
    "mirror_tree", "def mirror_tree(root: List[Optional[int]]) -> List[Optional[int]]:", _REF,
    {
        "missed_edge": _sub(_REF, "    while out and out[-1] is None:\n        out.pop()\n", ""),
        "wrong_logic": """
        from typing import List, Optional


        def mirror_tree(root: List[Optional[int]]) -> List[Optional[int]]:
            out = []
            start, size = 0, 1
            while start < len(root):
                chunk = root[start:start + size]
                chunk += [None] * (size - len(chunk))
                out.extend(reversed(chunk))
                start += size
                size *= 2
            while out and out[-1] is None:
                out.pop()
            return out
        """,
        "wrong_logic_2": _sub(_REF, "            stack.extend((n.left, n.right))\n", ""),
    },
    [([],), ([1],), ([4, 2, 7, 1, 3, 6, 9],), ([1, 2],), ([1, None, 2, 3],), ([1, 2, 3, None, 4, 5],)],
    _gen_tree(max_n=14),
    "easy", ("tree", "bfs"), style="function",
)

_REF = """
class Solution:
    def backspaceCompare(self, s: str, t: str) -> bool:
        def typed(keys: str) -> str:
            text = []
            for ch in keys:
                if ch == "#":
                    if text:
                        text.pop()
                else:
                    text.append(ch)
            return "".join(text)

        return typed(s) == typed(t)
"""
_add(
    "same-text-after-backspaces", "Same Text After Backspaces",
    """
    s and t are keystroke logs: a letter types that letter and "#" is a backspace that deletes the last
    typed letter (a backspace on empty text does nothing). Return True if both logs produce the same
    text.

    Example 1:
    Input: s = "ab#c", t = "ad#c"
    Output: True

    Example 2:
    Input: s = "a#c", t = "b"
    Output: False

    Example 3:
    Input: s = "##a", t = "a"
    Output: True

    Constraints:
    - 0 ≤ len(s), len(t) ≤ 200
    - lowercase letters and "#"
    """,
    "backspaceCompare", "def backspaceCompare(self, s: str, t: str) -> bool:", _REF,
    {
        "missed_edge": _sub(_REF, "                    if text:\n                        text.pop()\n",
                            "                    text.pop()\n"),
        "off_by_one": _sub(_REF, "                    if text:\n", "                    if len(text) > 1:\n"),
        "wrong_logic": """
        class Solution:
            def backspaceCompare(self, s: str, t: str) -> bool:
                def typed(keys: str) -> str:
                    return "".join(c for i, c in enumerate(keys)
                                   if c != "#" and (i + 1 == len(keys) or keys[i + 1] != "#"))
                return typed(s) == typed(t)
        """,
    },
    [("", ""), ("ab#c", "ad#c"), ("a#c", "b"), ("##a", "a"), ("ab##", "c#d#"), ("a##c", "#a#c"), ("b", "")],
    lambda rng: (lambda base: (base, rng.choice([base, _word(rng, "ab#", 0, 8), base.replace("#",
                 "", 1) + "a#"])))(_word(rng, "ab#", 0, 8)),
    "easy", ("stack", "string"),
)


del _REF, _QUAD, _SIMPLE, _LCA_PATHS, _TREE, _rng  # the sources live on in PROBLEMS
