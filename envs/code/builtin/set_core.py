"""Core built-in problems: ten problems covering both signature styles and every comparison mode.

Each has a statement with examples, a reference, at least three wrong variants, hand-written edge cases and a
seeded generator (``generator(rng: random.Random) -> tuple`` of arguments) giving well over 200 distinct tests.
"""
from __future__ import annotations

import random

from ..problem import Problem

__all__ = ["PROBLEMS"]


# ------------------------------------------------------------------------------------------ generators
def _gen_max_subarray(rng: random.Random) -> tuple:
    if rng.random() < 0.04:
        n = 3000
    else:
        n = rng.randint(1, 40)
    lo = rng.choice([-100, -10, -1000])
    hi = rng.choice([100, -1, 10, 1000])
    return ([rng.randint(lo, max(lo, hi)) for _ in range(n)],)


def _gen_parentheses(rng: random.Random) -> tuple:
    pairs = {"(": ")", "[": "]", "{": "}"}
    if rng.random() < 0.5:  # a valid string, maybe mutated
        out, stack = [], []
        for _ in range(rng.randint(1, 12)):
            if stack and rng.random() < 0.5:
                out.append(pairs[stack.pop()])
            else:
                o = rng.choice("([{")
                stack.append(o)
                out.append(o)
        out.extend(pairs[o] for o in reversed(stack))
        s = "".join(out)
        if rng.random() < 0.4:
            i = rng.randrange(len(s))
            s = s[:i] + rng.choice("()[]{}") + s[i + 1:]
        return (s,)
    return ("".join(rng.choice("()[]{}") for _ in range(rng.randint(1, 14))),)


def _gen_intervals(rng: random.Random) -> tuple:
    n = rng.randint(1, 12)
    out = []
    for _ in range(n):
        a = rng.randint(0, 40)
        out.append([a, a + rng.randint(0, 8)])
    return (out,)


def _gen_top_k(rng: random.Random) -> tuple:
    m = rng.randint(1, 9)
    values = rng.sample(range(-50, 51), m)
    counts = rng.sample(range(1, 3 * m + 2), m)  # distinct counts: the answer is unique
    nums = [v for v, c in zip(values, counts) for _ in range(c)]
    rng.shuffle(nums)
    return (nums, rng.randint(1, m))


def _gen_three_sum(rng: random.Random) -> tuple:
    if rng.random() < 0.05:
        n, r = 800, 5000  # big enough that a cubic search runs far past its time limit
    else:
        n, r = rng.randint(0, 14), rng.choice([3, 5, 10])
    return ([rng.randint(-r, r) for _ in range(n)],)


def _gen_median(rng: random.Random) -> tuple:
    a = sorted(rng.randint(-1000, 1000) for _ in range(rng.randint(0, 10)))
    b = sorted(rng.randint(-1000, 1000) for _ in range(rng.randint(0 if a else 1, 10)))
    return (a, b)


def _gen_climb(rng: random.Random) -> tuple:
    steps = rng.sample(range(1, 7), rng.randint(1, 4))
    n = 60 if rng.random() < 0.05 else rng.randint(1, 40)
    return (n, sorted(steps) if rng.random() < 0.5 else steps)


def _gen_anagrams(rng: random.Random) -> tuple:
    words = []
    for _ in range(rng.randint(1, 10)):
        if words and rng.random() < 0.4:
            w = list(rng.choice(words))
            rng.shuffle(w)
            words.append("".join(w))
        else:
            words.append("".join(rng.choice("aabbc") for _ in range(rng.randint(0, 4))))
    return (words,)


def _gen_spiral(rng: random.Random) -> tuple:
    m, n = rng.randint(1, 7), rng.randint(1, 7)
    return ([[rng.randint(-9, 99) for _ in range(n)] for _ in range(m)],)


def _gen_primes(rng: random.Random) -> tuple:
    if rng.random() < 0.03:
        return (rng.randint(400000, 500000),)
    return (rng.randint(0, 3000),)


# ---------------------------------------------------------------------------------------------- set
PROBLEMS: list[Problem] = [
    Problem(
        task_id="builtin/maximum-subarray",
        title="Maximum Subarray",
        statement=(
            "Given an integer array nums, find the contiguous non-empty subarray with the largest sum and "
            "return its sum.\n\nExample 1:\nInput: nums = [-2,1,-3,4,-1,2,1,-5,4]\nOutput: 6\n"
            "Explanation: [4,-1,2,1] has the largest sum 6.\n\nExample 2:\nInput: nums = [-3,-1,-2]\n"
            "Output: -1\n\nConstraints: 1 <= len(nums) <= 2 * 10^4, -1000 <= nums[i] <= 1000."
        ),
        entry_point="maxSubArray",
        signature="def maxSubArray(self, nums: List[int]) -> int:",
        reference=(
            "from typing import List\n\n\nclass Solution:\n"
            "    def maxSubArray(self, nums: List[int]) -> int:\n"
            "        best = cur = nums[0]\n"
            "        for x in nums[1:]:\n"
            "            cur = max(x, cur + x)\n"
            "            best = max(best, cur)\n"
            "        return best\n"
        ),
        wrong={
            "missed_edge": (
                "class Solution:\n    def maxSubArray(self, nums):\n        best = cur = 0\n"
                "        for x in nums:\n            cur = max(0, cur + x)\n            best = max(best, cur)\n"
                "        return best\n"
            ),
            "off_by_one": (
                "class Solution:\n    def maxSubArray(self, nums):\n        best = cur = nums[0]\n"
                "        for x in nums[1:-1]:\n            cur = max(x, cur + x)\n            best = max(best, cur)\n"
                "        return best\n"
            ),
            "too_slow": (
                "class Solution:\n    def maxSubArray(self, nums):\n        best = nums[0]\n"
                "        for i in range(len(nums)):\n            for j in range(i, len(nums)):\n"
                "                best = max(best, sum(nums[i:j + 1]))\n        return best\n"
            ),
        },
        edge_cases=(([5],), ([-7],), ([-2, 1, -3, 4, -1, 2, 1, -5, 4],), ([-3, -1, -2],), ([1, 2, 3],),
                    ([0, 0],), ([3, -5, 4],)),
        generator=_gen_max_subarray,
        difficulty="medium",
        tags=("array", "dynamic-programming"),
        style="class",
        compare="exact",
    ),
    Problem(
        task_id="builtin/valid-parentheses",
        title="Valid Parentheses",
        statement=(
            "Write a function is_valid(s) that, given a string s of the characters '(', ')', '[', ']', '{' and "
            "'}', returns True if every bracket is closed by the same type of bracket in the correct order, "
            "and False otherwise. The empty string is valid.\n\nExample 1:\nInput: s = \"()[]{}\"\n"
            "Output: True\n\nExample 2:\nInput: s = \"([)]\"\nOutput: False\n\nConstraints: 0 <= len(s) <= 30."
        ),
        entry_point="is_valid",
        signature="def is_valid(s: str) -> bool:",
        reference=(
            "def is_valid(s: str) -> bool:\n"
            "    match = {')': '(', ']': '[', '}': '{'}\n"
            "    stack = []\n"
            "    for c in s:\n"
            "        if c in match:\n"
            "            if not stack or stack.pop() != match[c]:\n"
            "                return False\n"
            "        else:\n"
            "            stack.append(c)\n"
            "    return not stack\n"
        ),
        wrong={
            "counts_only": (
                "def is_valid(s):\n    return all(s.count(o) == s.count(c) for o, c in ('()', '[]', '{}'))\n"
            ),
            "missed_edge": (
                "def is_valid(s):\n    match = {')': '(', ']': '[', '}': '{'}\n    stack = []\n"
                "    for c in s:\n        if c in match:\n            if stack and stack.pop() != match[c]:\n"
                "                return False\n        else:\n            stack.append(c)\n    return not stack\n"
            ),
            "leftover_ignored": (
                "def is_valid(s):\n    match = {')': '(', ']': '[', '}': '{'}\n    stack = []\n"
                "    for c in s:\n        if c in match:\n            if not stack or stack.pop() != match[c]:\n"
                "                return False\n        else:\n            stack.append(c)\n    return True\n"
            ),
            "wrong_type": (
                "def is_valid(s):\n    match = {')': '(', ']': '[', '}': '{'}\n    stack = []\n"
                "    for c in s:\n        if c in match:\n            if not stack or stack.pop() != match[c]:\n"
                "                return 0\n        else:\n            stack.append(c)\n    return int(not stack)\n"
            ),
        },
        edge_cases=(("",), ("()",), ("([)]",), ("((",), (")(",), ("{[]}",), ("]",)),
        generator=_gen_parentheses,
        difficulty="easy",
        tags=("string", "stack"),
        style="function",
        compare="exact",
    ),
    Problem(
        task_id="builtin/merge-intervals",
        title="Merge Intervals",
        statement=(
            "Given a list of intervals [start, end] (start <= end), merge all overlapping intervals and return "
            "the merged intervals sorted by start. Intervals that touch (such as [1,2] and [2,3]) overlap.\n\n"
            "Example 1:\nInput: intervals = [[1,3],[2,6],[8,10],[15,18]]\nOutput: [[1,6],[8,10],[15,18]]\n\n"
            "Example 2:\nInput: intervals = [[4,5],[1,4]]\nOutput: [[1,5]]\n\n"
            "Constraints: 1 <= len(intervals) <= 10^4."
        ),
        entry_point="merge",
        signature="def merge(self, intervals: List[List[int]]) -> List[List[int]]:",
        reference=(
            "from typing import List\n\n\nclass Solution:\n"
            "    def merge(self, intervals: List[List[int]]) -> List[List[int]]:\n"
            "        out = []\n"
            "        for a, b in sorted(intervals):\n"
            "            if out and a <= out[-1][1]:\n"
            "                out[-1][1] = max(out[-1][1], b)\n"
            "            else:\n"
            "                out.append([a, b])\n"
            "        return out\n"
        ),
        wrong={
            "unsorted": (
                "class Solution:\n    def merge(self, intervals):\n        out = []\n"
                "        for a, b in intervals:\n            if out and a <= out[-1][1]:\n"
                "                out[-1][1] = max(out[-1][1], b)\n            else:\n"
                "                out.append([a, b])\n        return out\n"
            ),
            "off_by_one": (
                "class Solution:\n    def merge(self, intervals):\n        out = []\n"
                "        for a, b in sorted(intervals):\n            if out and a < out[-1][1]:\n"
                "                out[-1][1] = max(out[-1][1], b)\n            else:\n"
                "                out.append([a, b])\n        return out\n"
            ),
            "no_max": (
                "class Solution:\n    def merge(self, intervals):\n        out = []\n"
                "        for a, b in sorted(intervals):\n            if out and a <= out[-1][1]:\n"
                "                out[-1][1] = b\n            else:\n                out.append([a, b])\n"
                "        return out\n"
            ),
        },
        edge_cases=(([[1, 3], [2, 6], [8, 10], [15, 18]],), ([[4, 5], [1, 4]],), ([[1, 2], [2, 3]],),
                    ([[1, 10], [2, 3]],), ([[5, 5]],), ([[3, 4], [0, 0], [1, 2]],)),
        generator=_gen_intervals,
        difficulty="medium",
        tags=("array", "sorting"),
        style="class",
        compare="exact",
    ),
    Problem(
        task_id="builtin/top-k-frequent",
        title="Top K Frequent Elements",
        statement=(
            "Given an integer array nums and an integer k, return the k most frequent elements, in any order. "
            "The answer is unique (no ties at the k-th place).\n\nExample 1:\nInput: nums = [1,1,1,2,2,3], "
            "k = 2\nOutput: [1,2]\n\nExample 2:\nInput: nums = [7], k = 1\nOutput: [7]\n\n"
            "Constraints: 1 <= k <= number of distinct values."
        ),
        entry_point="topKFrequent",
        signature="def topKFrequent(self, nums: List[int], k: int) -> List[int]:",
        reference=(
            "from collections import Counter\nfrom typing import List\n\n\nclass Solution:\n"
            "    def topKFrequent(self, nums: List[int], k: int) -> List[int]:\n"
            "        return [v for v, _ in Counter(nums).most_common(k)]\n"
        ),
        wrong={
            "off_by_one": (
                "from collections import Counter\n\nclass Solution:\n    def topKFrequent(self, nums, k):\n"
                "        return [v for v, _ in Counter(nums).most_common(k - 1)] or [nums[0]]\n"
            ),
            "least_frequent": (
                "from collections import Counter\n\nclass Solution:\n    def topKFrequent(self, nums, k):\n"
                "        return [v for v, _ in sorted(Counter(nums).items(), key=lambda t: t[1])[:k]]\n"
            ),
            "largest_values": (
                "class Solution:\n    def topKFrequent(self, nums, k):\n"
                "        return sorted(set(nums), reverse=True)[:k]\n"
            ),
        },
        edge_cases=(([1, 1, 1, 2, 2, 3], 2), ([7], 1), ([4, 4, 5], 2), ([-1, -1, 2], 1), ([3, 1, 1, 2, 2, 2], 3)),
        generator=_gen_top_k,
        difficulty="medium",
        tags=("hash-table", "heap"),
        style="class",
        compare="unordered",
    ),
    Problem(
        task_id="builtin/three-sum",
        title="3Sum",
        statement=(
            "Given an integer array nums, return all the distinct triplets [nums[i], nums[j], nums[k]] with "
            "i, j, k distinct indices and nums[i] + nums[j] + nums[k] == 0. The order of the triplets and of "
            "the numbers inside a triplet does not matter, but no triplet may appear twice.\n\n"
            "Example 1:\nInput: nums = [-1,0,1,2,-1,-4]\nOutput: [[-1,-1,2],[-1,0,1]]\n\n"
            "Example 2:\nInput: nums = [0,0,0,0]\nOutput: [[0,0,0]]\n\nConstraints: 0 <= len(nums) <= 800."
        ),
        entry_point="threeSum",
        signature="def threeSum(self, nums: List[int]) -> List[List[int]]:",
        reference=(
            "from typing import List\n\n\nclass Solution:\n"
            "    def threeSum(self, nums: List[int]) -> List[List[int]]:\n"
            "        nums = sorted(nums)\n"
            "        out = []\n"
            "        n = len(nums)\n"
            "        for i in range(n - 2):\n"
            "            if i and nums[i] == nums[i - 1]:\n"
            "                continue\n"
            "            lo, hi = i + 1, n - 1\n"
            "            while lo < hi:\n"
            "                s = nums[i] + nums[lo] + nums[hi]\n"
            "                if s < 0:\n"
            "                    lo += 1\n"
            "                elif s > 0:\n"
            "                    hi -= 1\n"
            "                else:\n"
            "                    out.append([nums[i], nums[lo], nums[hi]])\n"
            "                    lo += 1\n"
            "                    while lo < hi and nums[lo] == nums[lo - 1]:\n"
            "                        lo += 1\n"
            "                    hi -= 1\n"
            "        return out\n"
        ),
        wrong={
            "duplicates": (
                "class Solution:\n    def threeSum(self, nums):\n        nums = sorted(nums)\n        out = []\n"
                "        n = len(nums)\n        for i in range(n - 2):\n            lo, hi = i + 1, n - 1\n"
                "            while lo < hi:\n                s = nums[i] + nums[lo] + nums[hi]\n"
                "                if s < 0:\n                    lo += 1\n                elif s > 0:\n"
                "                    hi -= 1\n                else:\n"
                "                    out.append([nums[i], nums[lo], nums[hi]])\n"
                "                    lo += 1\n                    hi -= 1\n        return out\n"
            ),
            "distinct_values_only": (
                "class Solution:\n    def threeSum(self, nums):\n        nums = sorted(set(nums))\n"
                "        out, n = [], len(nums)\n        for i in range(n - 2):\n            lo, hi = i + 1, n - 1\n"
                "            while lo < hi:\n                s = nums[i] + nums[lo] + nums[hi]\n"
                "                if s < 0:\n                    lo += 1\n                elif s > 0:\n"
                "                    hi -= 1\n                else:\n"
                "                    out.append([nums[i], nums[lo], nums[hi]])\n"
                "                    lo += 1\n                    hi -= 1\n        return out\n"
            ),
            "too_slow": (
                "class Solution:\n    def threeSum(self, nums):\n        seen = set()\n        n = len(nums)\n"
                "        for i in range(n):\n            for j in range(i + 1, n):\n"
                "                for k in range(j + 1, n):\n"
                "                    if nums[i] + nums[j] + nums[k] == 0:\n"
                "                        seen.add(tuple(sorted((nums[i], nums[j], nums[k]))))\n"
                "        return [list(t) for t in seen]\n"
            ),
        },
        edge_cases=(([-1, 0, 1, 2, -1, -4],), ([0, 0, 0, 0],), ([],), ([0, 1, 1],), ([-2, 1, 1],), ([1, -1],)),
        generator=_gen_three_sum,
        difficulty="medium",
        tags=("array", "two-pointers", "sorting"),
        style="class",
        compare="unordered_nested",
    ),
    Problem(
        task_id="builtin/median-of-two-sorted",
        title="Median of Two Sorted Arrays",
        statement=(
            "Write a function median_sorted(a, b) that returns the median of the union of two sorted integer "
            "lists a and b (at least one of them is non-empty), as a float. With an even total count the "
            "median is the mean of the two middle values.\n\nExample 1:\nInput: a = [1,3], b = [2]\n"
            "Output: 2.0\n\nExample 2:\nInput: a = [1,2], b = [3,4]\nOutput: 2.5\n\n"
            "Answers within 1e-6 are accepted."
        ),
        entry_point="median_sorted",
        signature="def median_sorted(a: list[int], b: list[int]) -> float:",
        reference=(
            "def median_sorted(a: list[int], b: list[int]) -> float:\n"
            "    merged = sorted(a + b)\n"
            "    n = len(merged)\n"
            "    if n % 2:\n"
            "        return float(merged[n // 2])\n"
            "    return (merged[n // 2 - 1] + merged[n // 2]) / 2\n"
        ),
        wrong={
            "integer_division": (
                "def median_sorted(a, b):\n    m = sorted(a + b)\n    n = len(m)\n"
                "    return float(m[n // 2]) if n % 2 else (m[n // 2 - 1] + m[n // 2]) // 2\n"
            ),
            "off_by_one": (
                "def median_sorted(a, b):\n    m = sorted(a + b)\n    n = len(m)\n"
                "    return float(m[n // 2]) if n % 2 else (m[n // 2] + m[n // 2 + 1 if n > 2 else 1]) / 2\n"
            ),
            "no_sort": (
                "def median_sorted(a, b):\n    m = a + b\n    n = len(m)\n"
                "    return float(m[n // 2]) if n % 2 else (m[n // 2 - 1] + m[n // 2]) / 2\n"
            ),
        },
        edge_cases=(([1, 3], [2]), ([1, 2], [3, 4]), ([], [5]), ([2], []), ([-3, -1], [-2, 0]), ([1, 2], [1, 2])),
        generator=_gen_median,
        difficulty="hard",
        tags=("array", "binary-search"),
        style="function",
        compare="float",
    ),
    Problem(
        task_id="builtin/climbing-stairs",
        title="Climbing Stairs With Step Sizes",
        statement=(
            "You climb a staircase of n steps. Each move climbs a number of steps taken from the list steps "
            "(distinct positive integers). Return the number of distinct sequences of moves that reach step "
            "n exactly, as an exact integer.\n\nExample 1:\nInput: n = 3, steps = [1,2]\nOutput: 3\n"
            "Explanation: 1+1+1, 1+2, 2+1.\n\nExample 2:\nInput: n = 5, steps = [2]\nOutput: 0\n\n"
            "Constraints: 1 <= n <= 60, 1 <= len(steps) <= 5, 1 <= steps[i] <= 6."
        ),
        entry_point="climbStairs",
        signature="def climbStairs(self, n: int, steps: List[int]) -> int:",
        reference=(
            "from typing import List\n\n\nclass Solution:\n"
            "    def climbStairs(self, n: int, steps: List[int]) -> int:\n"
            "        ways = [1] + [0] * n\n"
            "        for i in range(1, n + 1):\n"
            "            ways[i] = sum(ways[i - s] for s in steps if s <= i)\n"
            "        return ways[n]\n"
        ),
        wrong={
            "off_by_one": (
                "class Solution:\n    def climbStairs(self, n, steps):\n        ways = [1] + [0] * n\n"
                "        for i in range(1, n + 1):\n            ways[i] = sum(ways[i - s] for s in steps if s < i)\n"
                "        return ways[n]\n"
            ),
            "too_slow": (
                "class Solution:\n    def climbStairs(self, n, steps):\n        if n == 0:\n            return 1\n"
                "        return sum(self.climbStairs(n - s, steps) for s in steps if s <= n)\n"
            ),
            "wrong_type": (
                "class Solution:\n    def climbStairs(self, n, steps):\n        ways = [1.0] + [0.0] * n\n"
                "        for i in range(1, n + 1):\n            ways[i] = sum(ways[i - s] for s in steps if s <= i)\n"
                "        return ways[n]\n"
            ),
        },
        edge_cases=((3, [1, 2]), (5, [2]), (1, [1]), (60, [1, 2]), (45, [1, 2, 3]), (7, [7, 1])),
        generator=_gen_climb,
        difficulty="easy",
        tags=("math", "dynamic-programming"),
        style="class",
        compare="exact",
    ),
    Problem(
        task_id="builtin/group-anagrams",
        title="Group Anagrams",
        statement=(
            "Given a list of strings, group the anagrams together (words with the same letters, each letter "
            "the same number of times). Return the groups in any order, the words of a group in any order; "
            "every input word appears exactly once in the output (duplicates included).\n\n"
            "Example 1:\nInput: strs = [\"eat\",\"tea\",\"tan\",\"ate\",\"nat\",\"bat\"]\n"
            "Output: [[\"bat\"],[\"nat\",\"tan\"],[\"ate\",\"eat\",\"tea\"]]\n\n"
            "Example 2:\nInput: strs = [\"\"]\nOutput: [[\"\"]]"
        ),
        entry_point="groupAnagrams",
        signature="def groupAnagrams(self, strs: List[str]) -> List[List[str]]:",
        reference=(
            "from collections import defaultdict\nfrom typing import List\n\n\nclass Solution:\n"
            "    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:\n"
            "        groups = defaultdict(list)\n"
            "        for w in strs:\n"
            "            groups[''.join(sorted(w))].append(w)\n"
            "        return list(groups.values())\n"
        ),
        wrong={
            "letter_sets": (
                "from collections import defaultdict\n\nclass Solution:\n    def groupAnagrams(self, strs):\n"
                "        g = defaultdict(list)\n        for w in strs:\n            g[frozenset(w)].append(w)\n"
                "        return list(g.values())\n"
            ),
            "by_length": (
                "from collections import defaultdict\n\nclass Solution:\n    def groupAnagrams(self, strs):\n"
                "        g = defaultdict(list)\n        for w in strs:\n            g[len(w)].append(w)\n"
                "        return list(g.values())\n"
            ),
            "drops_duplicates": (
                "from collections import defaultdict\n\nclass Solution:\n    def groupAnagrams(self, strs):\n"
                "        g = defaultdict(list)\n        for w in dict.fromkeys(strs):\n"
                "            g[''.join(sorted(w))].append(w)\n        return list(g.values())\n"
            ),
        },
        edge_cases=((["eat", "tea", "tan", "ate", "nat", "bat"],), ([""],), (["a"],), (["ab", "ba", "ab"],),
                    (["aab", "abb"],), (["", ""],)),
        generator=_gen_anagrams,
        difficulty="medium",
        tags=("hash-table", "string", "sorting"),
        style="class",
        compare="unordered_nested",
    ),
    Problem(
        task_id="builtin/spiral-matrix",
        title="Spiral Matrix",
        statement=(
            "Given an m x n matrix, return all its elements in spiral order: along the top row left to right, "
            "down the right column, along the bottom row right to left, up the left column, then inwards.\n\n"
            "Example 1:\nInput: matrix = [[1,2,3],[4,5,6],[7,8,9]]\nOutput: [1,2,3,6,9,8,7,4,5]\n\n"
            "Example 2:\nInput: matrix = [[1,2,3,4],[5,6,7,8],[9,10,11,12]]\n"
            "Output: [1,2,3,4,8,12,11,10,9,5,6,7]\n\nConstraints: 1 <= m, n <= 10."
        ),
        entry_point="spiralOrder",
        signature="def spiralOrder(self, matrix: List[List[int]]) -> List[int]:",
        reference=(
            "from typing import List\n\n\nclass Solution:\n"
            "    def spiralOrder(self, matrix: List[List[int]]) -> List[int]:\n"
            "        out = []\n"
            "        top, bottom, left, right = 0, len(matrix) - 1, 0, len(matrix[0]) - 1\n"
            "        while top <= bottom and left <= right:\n"
            "            out.extend(matrix[top][j] for j in range(left, right + 1))\n"
            "            out.extend(matrix[i][right] for i in range(top + 1, bottom + 1))\n"
            "            if top < bottom and left < right:\n"
            "                out.extend(matrix[bottom][j] for j in range(right - 1, left - 1, -1))\n"
            "                out.extend(matrix[i][left] for i in range(bottom - 1, top, -1))\n"
            "            top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1\n"
            "        return out\n"
        ),
        wrong={
            "missed_edge": (
                "class Solution:\n    def spiralOrder(self, matrix):\n        out = []\n"
                "        top, bottom, left, right = 0, len(matrix) - 1, 0, len(matrix[0]) - 1\n"
                "        while top <= bottom and left <= right:\n"
                "            out.extend(matrix[top][j] for j in range(left, right + 1))\n"
                "            out.extend(matrix[i][right] for i in range(top + 1, bottom + 1))\n"
                "            out.extend(matrix[bottom][j] for j in range(right - 1, left - 1, -1))\n"
                "            out.extend(matrix[i][left] for i in range(bottom - 1, top, -1))\n"
                "            top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1\n"
                "        return out\n"
            ),
            "row_major": (
                "class Solution:\n    def spiralOrder(self, matrix):\n"
                "        return [x for row in matrix for x in row]\n"
            ),
            "outer_ring_only": (
                "class Solution:\n    def spiralOrder(self, matrix):\n        m, n = len(matrix), len(matrix[0])\n"
                "        out = list(matrix[0])\n        out += [matrix[i][n - 1] for i in range(1, m)]\n"
                "        if m > 1:\n            out += matrix[m - 1][n - 2::-1] if n > 1 else []\n"
                "        if n > 1:\n            out += [matrix[i][0] for i in range(m - 2, 0, -1)]\n"
                "        return out\n"
            ),
        },
        edge_cases=(([[1, 2, 3], [4, 5, 6], [7, 8, 9]],), ([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]],),
                    ([[7]],), ([[1], [2], [3]],), ([[1, 2, 3]],), ([[1, 2], [3, 4], [5, 6]],)),
        generator=_gen_spiral,
        difficulty="medium",
        tags=("array", "matrix", "simulation"),
        style="class",
        compare="exact",
    ),
    Problem(
        task_id="builtin/count-primes",
        title="Count Primes",
        statement=(
            "Write a function count_primes(n) that returns the number of prime numbers strictly less than n.\n\n"
            "Example 1:\nInput: n = 10\nOutput: 4\nExplanation: 2, 3, 5 and 7.\n\nExample 2:\nInput: n = 0\n"
            "Output: 0\n\nConstraints: 0 <= n <= 5 * 10^5."
        ),
        entry_point="count_primes",
        signature="def count_primes(n: int) -> int:",
        reference=(
            "def count_primes(n: int) -> int:\n"
            "    if n < 3:\n"
            "        return 0\n"
            "    sieve = bytearray([1]) * n\n"
            "    sieve[0] = sieve[1] = 0\n"
            "    for p in range(2, int(n ** 0.5) + 1):\n"
            "        if sieve[p]:\n"
            "            sieve[p * p::p] = bytes(len(range(p * p, n, p)))\n"
            "    return sum(sieve)\n"
        ),
        wrong={
            "off_by_one": (
                "def count_primes(n):\n    if n < 2:\n        return 0\n    sieve = bytearray([1]) * (n + 1)\n"
                "    sieve[0] = sieve[1] = 0\n    for p in range(2, int(n ** 0.5) + 1):\n        if sieve[p]:\n"
                "            sieve[p * p::p] = bytes(len(range(p * p, n + 1, p)))\n    return sum(sieve)\n"
            ),
            "one_is_prime": (
                "def count_primes(n):\n    if n < 2:\n        return 0\n    sieve = bytearray([1]) * n\n"
                "    sieve[0] = 0\n    for p in range(2, int(n ** 0.5) + 1):\n        if sieve[p]:\n"
                "            sieve[p * p::p] = bytes(len(range(p * p, n, p)))\n    return sum(sieve)\n"
            ),
            "too_slow": (
                "def count_primes(n):\n    count = 0\n    for k in range(2, n):\n"
                "        if all(k % d for d in range(2, k)):\n            count += 1\n    return count\n"
            ),
        },
        edge_cases=((0,), (1,), (2,), (3,), (10,), (100,)),
        generator=_gen_primes,
        difficulty="medium",
        tags=("math", "sieve"),
        style="function",
        compare="exact",
    ),
]
