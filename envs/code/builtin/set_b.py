"""Built-in problem set B: dynamic programming, graphs, trees, stacks, intervals, binary search, greedy,
backtracking, grids and heaps.

Every problem here was written for this package. ``PROBLEMS`` holds them; each carries a reference solution,
wrong variants labelled by kind, hand-written edge cases and a seeded input generator (see
:class:`envs.code.problem.Problem`). A wrong variant is written out in full; most are the reference with a
line or two changed, built with :func:`_sub` so that a change that no longer applies fails at import.
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


def _bst_values(rng: random.Random, n: int) -> list[int]:
    return rng.sample(range(-50, 51), n)


TREE_FORMAT = """\
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
    "easy", ("dynamic-programming",),
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
    "medium", ("dynamic-programming", "array"), style="function",
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
    [([1, 2, 5], 11), ([2], 3), ([1], 0), ([1], 7), ([3, 7], 1), ([1, 3, 4], 6), ([5, 10], 0), ([186, 419, 83, 408], 6249)],
    lambda rng: (rng.sample(range(1, 21), rng.randint(1, 4)), rng.randint(0, 100)),
    "medium", ("dynamic-programming",),
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
     ([_rng.randint(-10**6, 10**6) for _ in range(6000)],)],
    lambda rng: (_ints(rng, rng.randint(0, 40), -20, 20),),
    "medium", ("dynamic-programming", "binary-search"),
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
    "medium", ("dynamic-programming", "string"), style="function",
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
    "medium", ("dynamic-programming", "matrix"),
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
    "medium", ("dynamic-programming", "string"), style="function",
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
    "medium", ("dynamic-programming",),
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
    "medium", ("dynamic-programming", "array"), style="function",
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
    words = list({_word(rng, "ab", 1, 3) for _ in range(rng.randint(1, 4))})
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
    "medium", ("dynamic-programming", "string"),
)
