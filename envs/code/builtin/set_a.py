"""Built-in problems, set A: arrays, strings, hashing, two pointers, sliding windows, prefix sums, math and
number theory, bit manipulation, sorting and simulation.

Every problem was written for this package: statement, reference solution, wrong variants (each a full
program that returns a different value than the reference on at least one test of the pool, or, for
``too_slow``, is far slower on the large edge case), hand-written edge cases and a seeded generator.
Wrong variants are mostly built from the reference by one small textual change (:func:`_sub`), which both
keeps them plausible and makes the change easy to review.
"""
from __future__ import annotations

import random
import string
import textwrap
from typing import Callable

from ..problem import Problem

__all__ = ["PROBLEMS"]

PROBLEMS: list[Problem] = []


def _src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def _sub(source: str, *pairs: tuple[str, str]) -> str:
    """``source`` with each ``old`` replaced by ``new`` (exactly once); raises if ``old`` is absent."""
    for old, new in pairs:
        if old not in source:
            raise ValueError(f"wrong-variant edit: {old!r} not found in the reference")
        source = source.replace(old, new, 1)
    return source


def _add(slug: str, title: str, *, statement: str, entry: str, signature: str, reference: str,
         wrong: dict[str, str], edge: tuple, gen: Callable[[random.Random], tuple], difficulty: str,
         tags: tuple[str, ...], style: str = "class", compare: str = "exact") -> None:
    PROBLEMS.append(Problem(
        task_id=f"builtin/{slug}", title=title, statement=_src(statement).strip() + "\n", entry_point=entry,
        signature=signature, reference=_src(reference), wrong={k: _src(v) for k, v in wrong.items()},
        edge_cases=tuple(edge), generator=gen, difficulty=difficulty, tags=tuple(tags), style=style,
        compare=compare))


def _ints(rng: random.Random, lo: int, hi: int, nmin: int = 0, nmax: int = 20) -> list[int]:
    return [rng.randint(lo, hi) for _ in range(rng.randint(nmin, nmax))]


def _word(rng: random.Random, alphabet: str, nmin: int = 0, nmax: int = 10) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(nmin, nmax)))


# ---------------------------------------------------------------------------------------------------------
# arrays and hashing
# ---------------------------------------------------------------------------------------------------------

R = """
from typing import List


class Solution:
    def pairIndices(self, nums: List[int], target: int) -> List[int]:
        first = {}
        for j, x in enumerate(nums):
            i = first.get(target - x)
            if i is not None:
                return [i, j]
            if x not in first:
                first[x] = j
        return [-1, -1]
"""


def _g_pair(rng):
    return _ints(rng, -10, 10, 0, 25), rng.randint(-15, 15)


_add(
    "pair-sum-earliest-indices", "Earliest Pair With a Given Sum", entry="pairIndices",
    signature="def pairIndices(self, nums: List[int], target: int) -> List[int]:",
    statement="""
    Given an integer array nums and an integer target, find two different positions i < j with
    nums[i] + nums[j] == target. Among all such pairs choose the one with the smallest j, and for that j the
    smallest i. Return [i, j] (0-based), or [-1, -1] if no pair exists.

    Example 1: nums = [2, 7, 11, 15], target = 9 -> [0, 1]
    Example 2: nums = [3, 2, 4], target = 6 -> [1, 2]  (index 0 cannot be used twice)
    Example 3: nums = [1, 5, 1, 5], target = 6 -> [0, 1]
    Example 4: nums = [1, 2], target = 7 -> [-1, -1]

    Constraints: 0 ≤ len(nums) ≤ 10^5, -10^9 ≤ nums[i], target ≤ 10^9.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("return [i, j]", "return [i + 1, j + 1]")),
        "missed_edge": _sub(R, ("            i = first.get(target - x)\n            if i is not None:\n"
                                "                return [i, j]\n            if x not in first:\n"
                                "                first[x] = j\n",
                                "            if x not in first:\n                first[x] = j\n"
                                "            i = first.get(target - x)\n            if i is not None:\n"
                                "                return [i, j]\n")),
        "wrong_type": _sub(R, ("return [-1, -1]", "return None")),
        "wrong_logic": _sub(R, ("            if x not in first:\n                first[x] = j",
                                "            first[x] = j")),
        "too_slow": """
        from typing import List


        class Solution:
            def pairIndices(self, nums: List[int], target: int) -> List[int]:
                for j in range(len(nums)):
                    for i in range(j):
                        if nums[i] + nums[j] == target:
                            return [i, j]
                return [-1, -1]
        """,
    },
    edge=[([], 5), ([3], 6), ([3, 3], 6), ([2, 7, 11, 15], 9), ([3, 2, 4], 6), ([-1, -2, -3], -5),
          ([5, 5, 5], 10), ([1, 1, 3, 1], 4), ([10 ** 9, -10 ** 9], 0), (list(range(1, 20001)), 0)],
    gen=_g_pair, difficulty="easy", tags=("array", "hashing"))


R = """
from typing import List


def nearby_duplicate(nums: List[int], k: int) -> bool:
    last = {}
    for i, x in enumerate(nums):
        if x in last and i - last[x] <= k:
            return True
        last[x] = i
    return False
"""


def _g_nearby(rng):
    return _ints(rng, 0, rng.randint(1, 15), 0, 20), rng.randint(0, 6)


_add(
    "duplicate-within-distance", "Duplicate Within Distance k", entry="nearby_duplicate", style="function",
    signature="def nearby_duplicate(nums: List[int], k: int) -> bool:",
    statement="""
    Given an integer array nums and an integer k ≥ 0, return True if there are two different indices i and
    j with nums[i] == nums[j] and |i - j| ≤ k, otherwise False.

    Example 1: nums = [1, 2, 3, 1], k = 3 -> True
    Example 2: nums = [1, 0, 1, 1], k = 1 -> True
    Example 3: nums = [1, 2, 3, 1, 2, 3], k = 2 -> False

    Constraints: 0 ≤ len(nums) ≤ 10^5, -10^9 ≤ nums[i] ≤ 10^9, 0 ≤ k ≤ 10^5.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("i - last[x] <= k", "i - last[x] < k")),
        "wrong_logic": _sub(R, ("        last[x] = i", "        last.setdefault(x, i)")),
        "wrong_type": _sub(R, ("return True", "return 1"), ("return False", "return 0")),
        "too_slow": """
        from typing import List


        def nearby_duplicate(nums: List[int], k: int) -> bool:
            n = len(nums)
            for i in range(n):
                for j in range(i + 1, min(n, i + k + 1)):
                    if nums[i] == nums[j]:
                        return True
            return False
        """,
    },
    edge=[([], 0), ([1], 5), ([1, 1], 0), ([1, 1], 1), ([1, 2, 3, 1], 3), ([1, 2, 3, 1], 2),
          ([1, 0, 1, 1], 1), ([1, 2, 3, 1, 2, 3], 2), ([7, 1, 7, 7], 1), (list(range(20000)), 20000)],
    gen=_g_nearby, difficulty="easy", tags=("array", "hashing", "sliding window"))


R = """
from typing import List


class Solution:
    def majorityOrMinusOne(self, nums: List[int]) -> int:
        cand, count = -1, 0
        for x in nums:
            if count == 0:
                cand, count = x, 1
            elif x == cand:
                count += 1
            else:
                count -= 1
        if 2 * nums.count(cand) > len(nums):
            return cand
        return -1
"""


def _g_major(rng):
    n = rng.randint(0, 15)
    if rng.random() < 0.5 and n:
        m = rng.randint(n // 2, n)
        x = rng.randint(-20, 20)
        nums = [x] * m + _ints(rng, -20, 20, n - m, n - m)
        rng.shuffle(nums)
        return (nums,)
    return (_ints(rng, -3, 3, n, n),)


_add(
    "strict-majority-element", "Strict Majority Element", entry="majorityOrMinusOne",
    signature="def majorityOrMinusOne(self, nums: List[int]) -> int:",
    statement="""
    Return the value that occurs strictly more than len(nums) / 2 times in nums. If there is no such value
    (or nums is empty), return -1.

    Example 1: nums = [3, 2, 3] -> 3
    Example 2: nums = [1, 2, 1, 2] -> -1  (2 of 4 is not more than half)
    Example 3: nums = [-1, -1, 5] -> -1 is the majority, so the answer is -1

    Constraints: 0 ≤ len(nums) ≤ 10^5, -10^9 ≤ nums[i] ≤ 10^9. Aim for O(n) time.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("2 * nums.count(cand) > len(nums)", "2 * nums.count(cand) >= len(nums)")),
        "missed_edge": _sub(R, ("        if 2 * nums.count(cand) > len(nums):\n            return cand\n"
                                "        return -1\n", "        return cand\n")),
        "wrong_logic": """
        from collections import Counter
        from typing import List


        class Solution:
            def majorityOrMinusOne(self, nums: List[int]) -> int:
                if not nums:
                    return -1
                return Counter(nums).most_common(1)[0][0]
        """,
    },
    edge=[([],), ([7],), ([3, 2, 3],), ([1, 2, 1, 2],), ([-1, -1, 5],), ([2, 2, 1, 1, 1, 2, 2],),
          ([1, 2, 3],), ([0, 0],)],
    gen=_g_major, difficulty="easy", tags=("array", "counting"))


R = """
from typing import List


class Solution:
    def productOfOthers(self, nums: List[int]) -> List[int]:
        n = len(nums)
        out = [1] * n
        left = 1
        for i in range(n):
            out[i] = left
            left *= nums[i]
        right = 1
        for i in range(n - 1, -1, -1):
            out[i] *= right
            right *= nums[i]
        return out
"""


def _g_prod(rng):
    return (_ints(rng, -4, 4, 0, 12),)


_add(
    "product-of-all-others", "Product of All Other Elements", entry="productOfOthers",
    signature="def productOfOthers(self, nums: List[int]) -> List[int]:",
    statement="""
    Given an integer array nums, return an array out where out[i] is the product of every element of nums
    except nums[i]. The empty product is 1.

    Example 1: nums = [1, 2, 3, 4] -> [24, 12, 8, 6]
    Example 2: nums = [-1, 1, 0, -3, 3] -> [0, 0, 9, 0, 0]
    Example 3: nums = [5] -> [1]

    Constraints: 0 ≤ len(nums) ≤ 10^5, -30 ≤ nums[i] ≤ 30, and every out[i] fits in a 64-bit integer.
    Aim for O(n) time.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("range(n - 1, -1, -1)", "range(n - 1, 0, -1)")),
        "missed_edge": """
        from typing import List


        class Solution:
            def productOfOthers(self, nums: List[int]) -> List[int]:
                total = 1
                nonzero = 1
                for x in nums:
                    total *= x
                    if x != 0:
                        nonzero *= x
                return [nonzero if x == 0 else total // x for x in nums]
        """,
        "wrong_type": """
        from typing import List


        class Solution:
            def productOfOthers(self, nums: List[int]) -> List[int]:
                out = []
                for i in range(len(nums)):
                    p = 1.0
                    for j, y in enumerate(nums):
                        if j != i:
                            p *= y
                    out.append(p)
                return out
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def productOfOthers(self, nums: List[int]) -> List[int]:
                out = []
                for i in range(len(nums)):
                    p = 1
                    for j in range(len(nums)):
                        if j != i:
                            p *= nums[j]
                    out.append(p)
                return out
        """,
    },
    edge=[([],), ([5],), ([0],), ([1, 2, 3, 4],), ([-1, 1, 0, -3, 3],), ([0, 0],), ([0, 4, 0],),
          ([-2, -3],), ([1] * 20000,)],
    gen=_g_prod, difficulty="medium", tags=("array", "prefix sums"))


R = """
from typing import List


def rotate_right(nums: List[int], k: int) -> List[int]:
    n = len(nums)
    if n == 0:
        return []
    k %= n
    return nums[n - k:] + nums[:n - k]
"""


def _g_rot(rng):
    return _ints(rng, -50, 50, 0, 12), rng.randint(0, 30)


_add(
    "rotate-right-by-k", "Rotate an Array to the Right", entry="rotate_right", style="function",
    signature="def rotate_right(nums: List[int], k: int) -> List[int]:",
    statement="""
    Return a new list holding nums rotated to the right by k steps: each element moves k places to the
    right and elements falling off the end wrap around to the front. k may exceed len(nums).

    Example 1: nums = [1, 2, 3, 4, 5], k = 2 -> [4, 5, 1, 2, 3]
    Example 2: nums = [1, 2], k = 5 -> [2, 1]
    Example 3: nums = [], k = 3 -> []

    Constraints: 0 ≤ len(nums) ≤ 10^5, 0 ≤ k ≤ 10^9.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("    if n == 0:\n        return []\n", "")),
        "missed_edge_k_large": _sub(R, ("    k %= n\n", "")),
        "wrong_logic": _sub(R, ("return nums[n - k:] + nums[:n - k]", "return nums[k:] + nums[:k]")),
        "off_by_one": _sub(R, ("return nums[n - k:] + nums[:n - k]",
                               "return nums[n - k - 1:] + nums[:n - k - 1]")),
    },
    edge=[([], 0), ([], 3), ([1], 7), ([1, 2], 5), ([1, 2, 3, 4, 5], 2), ([1, 2, 3], 3), ([1, 2, 3], 0),
          ([4, 4, 4], 1)],
    gen=_g_rot, difficulty="easy", tags=("array",))


R = """
from typing import List


class Solution:
    def zerosToEnd(self, nums: List[int]) -> List[int]:
        kept = [x for x in nums if x != 0]
        return kept + [0] * (len(nums) - len(kept))
"""


def _g_zero(rng):
    return ([rng.choice([0, 0, rng.randint(-9, 9)]) for _ in range(rng.randint(0, 15))],)


_add(
    "zeros-to-the-end", "Move Zeros to the End", entry="zerosToEnd",
    signature="def zerosToEnd(self, nums: List[int]) -> List[int]:",
    statement="""
    Return a list with the same elements as nums in which every zero has been moved to the end, while the
    non-zero elements keep their relative order.

    Example 1: nums = [0, 1, 0, 3, 12] -> [1, 3, 12, 0, 0]
    Example 2: nums = [-2, 0, 5] -> [-2, 5, 0]
    Example 3: nums = [0] -> [0]

    Constraints: 0 ≤ len(nums) ≤ 10^5, -10^9 ≤ nums[i] ≤ 10^9.
    """,
    reference=R,
    wrong={
        "off_by_one": """
        from typing import List


        class Solution:
            def zerosToEnd(self, nums: List[int]) -> List[int]:
                res = nums[:]
                pos = 0
                for i in range(1, len(res)):
                    if res[i] != 0:
                        res[pos], res[i] = res[i], res[pos]
                        pos += 1
                return res
        """,
        "missed_edge": _sub(R, ("if x != 0", "if x > 0")),
        "wrong_type": """
        from typing import List


        class Solution:
            def zerosToEnd(self, nums: List[int]) -> List[int]:
                pos = 0
                for i in range(len(nums)):
                    if nums[i] != 0:
                        nums[pos], nums[i] = nums[i], nums[pos]
                        pos += 1
        """,
    },
    edge=[([],), ([0],), ([5],), ([0, 1, 0, 3, 12],), ([-2, 0, 5],), ([0, 0, 1],), ([1, 2],), ([3, -1, 0],)],
    gen=_g_zero, difficulty="easy", tags=("array", "two pointers"))


R = """
from typing import List


class Solution:
    def longestConsecutive(self, nums: List[int]) -> int:
        values = set(nums)
        best = 0
        for x in values:
            if x - 1 not in values:
                y = x
                while y + 1 in values:
                    y += 1
                best = max(best, y - x + 1)
        return best
"""


def _g_consec(rng):
    return (_ints(rng, -10, rng.randint(0, 25), 0, 20),)


_add(
    "longest-consecutive-values", "Longest Run of Consecutive Values", entry="longestConsecutive",
    signature="def longestConsecutive(self, nums: List[int]) -> int:",
    statement="""
    Given an unsorted integer array nums, return the length of the longest set of values x, x+1, ..., x+m-1
    that all occur in nums (in any positions). Duplicates count once.

    Example 1: nums = [100, 4, 200, 1, 3, 2] -> 4  (1, 2, 3, 4)
    Example 2: nums = [0, 3, 7, 2, 5, 8, 4, 6, 0, 1] -> 9
    Example 3: nums = [1, 2, 2, 3] -> 3
    Example 4: nums = [] -> 0

    Constraints: 0 ≤ len(nums) ≤ 10^5, -10^9 ≤ nums[i] ≤ 10^9. Aim for O(n) time.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("best = max(best, y - x + 1)", "best = max(best, y - x)")),
        "missed_edge": """
        from typing import List


        class Solution:
            def longestConsecutive(self, nums: List[int]) -> int:
                if not nums:
                    return 0
                a = sorted(nums)
                best = cur = 1
                for i in range(1, len(a)):
                    if a[i] == a[i - 1] + 1:
                        cur += 1
                    else:
                        cur = 1
                    best = max(best, cur)
                return best
        """,
        "wrong_logic": """
        from typing import List


        class Solution:
            def longestConsecutive(self, nums: List[int]) -> int:
                if not nums:
                    return 0
                best = cur = 1
                for i in range(1, len(nums)):
                    cur = cur + 1 if nums[i] == nums[i - 1] + 1 else 1
                    best = max(best, cur)
                return best
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def longestConsecutive(self, nums: List[int]) -> int:
                best = 0
                for x in nums:
                    y = x
                    while y + 1 in nums:
                        y += 1
                    best = max(best, y - x + 1)
                return best
        """,
    },
    edge=[([],), ([5],), ([100, 4, 200, 1, 3, 2],), ([0, 3, 7, 2, 5, 8, 4, 6, 0, 1],), ([1, 2, 2, 3],),
          ([-3, -1, -2],), ([7, 7, 7],), (list(range(0, 40000, 2)),)],
    gen=_g_consec, difficulty="medium", tags=("array", "hashing"))


R = """
from typing import List


def group_anagrams(words: List[str]) -> List[List[str]]:
    groups = {}
    for w in words:
        groups.setdefault("".join(sorted(w)), []).append(w)
    return list(groups.values())
"""


def _g_anagram(rng):
    return ([_word(rng, "abc", 0, 4) for _ in range(rng.randint(0, 10))],)


_add(
    "group-anagram-words", "Group Words That Are Anagrams", entry="group_anagrams", style="function",
    compare="unordered_nested",
    signature="def group_anagrams(words: List[str]) -> List[List[str]]:",
    statement="""
    Group the strings of words so that two strings are in the same group exactly when one is a rearrangement
    of the letters of the other. Every occurrence of a string (duplicates included) appears in exactly one
    group. Return the groups in any order, each group's strings in any order.

    Example 1: words = ["eat", "tea", "tan", "ate", "nat", "bat"]
               -> [["eat", "tea", "ate"], ["tan", "nat"], ["bat"]]
    Example 2: words = [""] -> [[""]]
    Example 3: words = [] -> []

    Constraints: 0 ≤ len(words) ≤ 10^4, 0 ≤ len(words[i]) ≤ 100, lowercase English letters.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ('"".join(sorted(w))', '"".join(sorted(set(w)))')),
        "wrong_logic": _sub(R, ('"".join(sorted(w))', "sum(map(ord, w))")),
        "wrong_type": _sub(R, ("return list(groups.values())", "return groups")),
    },
    edge=[([],), ([""],), (["a"],), (["eat", "tea", "tan", "ate", "nat", "bat"],), (["ab", "ab", "ba"],),
          (["aab", "ab", "abb"],), (["ad", "bc"],), (["", "", "b"],)],
    gen=_g_anagram, difficulty="medium", tags=("string", "hashing", "sorting"))


R = """
from collections import Counter


class Solution:
    def firstUniqueIndex(self, s: str) -> int:
        counts = Counter(s)
        for i, c in enumerate(s):
            if counts[c] == 1:
                return i
        return -1
"""


def _g_uniq(rng):
    return (_word(rng, "abcde"[:rng.randint(1, 5)], 0, 12),)


_add(
    "first-unique-character", "First Character That Occurs Once", entry="firstUniqueIndex",
    signature="def firstUniqueIndex(self, s: str) -> int:",
    statement="""
    Return the index of the first character of s that occurs exactly once in s, or -1 if there is none.

    Example 1: s = "leetcode" -> 0
    Example 2: s = "loveleetcode" -> 2
    Example 3: s = "aabb" -> -1

    Constraints: 0 ≤ len(s) ≤ 10^5, s consists of lowercase English letters.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("return i", "return i + 1")),
        "wrong_type": _sub(R, ("return -1", "return None")),
        "missed_edge": """
        from collections import Counter


        class Solution:
            def firstUniqueIndex(self, s: str) -> int:
                if not s:
                    return -1
                counts = Counter(s)
                low = min(counts.values())
                for i, c in enumerate(s):
                    if counts[c] == low:
                        return i
        """,
    },
    edge=[("",), ("a",), ("aa",), ("leetcode",), ("loveleetcode",), ("aabb",), ("abab",), ("aab",)],
    gen=_g_uniq, difficulty="easy", tags=("string", "hashing"))


R = """
class Solution:
    def isIsomorphic(self, s: str, t: str) -> bool:
        if len(s) != len(t):
            return False
        fwd, back = {}, {}
        for a, b in zip(s, t):
            if fwd.setdefault(a, b) != b or back.setdefault(b, a) != a:
                return False
        return True
"""


def _g_iso(rng):
    s = _word(rng, "abcd", 0, 8)
    if rng.random() < 0.5:
        perm = dict(zip("abcd", rng.sample("wxyz", 4)))
        t = "".join(perm[c] for c in s)
        if t and rng.random() < 0.5:
            i = rng.randrange(len(t))
            t = t[:i] + rng.choice("wxyz") + t[i + 1:]
    else:
        t = _word(rng, "wxyz", len(s), len(s))
    return s, t


_add(
    "isomorphic-strings", "Isomorphic Strings", entry="isIsomorphic",
    signature="def isIsomorphic(self, s: str, t: str) -> bool:",
    statement="""
    Two strings s and t are isomorphic if the characters of s can be replaced to get t, where every
    occurrence of a character is replaced by the same character and no two different characters are
    replaced by the same character (a character may map to itself). Return whether s and t are isomorphic.

    Example 1: s = "egg", t = "add" -> True
    Example 2: s = "foo", t = "bar" -> False
    Example 3: s = "ab", t = "aa" -> False
    Example 4: s = "", t = "" -> True

    Constraints: 0 ≤ len(s), len(t) ≤ 5 * 10^4, any ASCII characters.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, (" or back.setdefault(b, a) != a", "")),
        "off_by_one": """
        class Solution:
            def isIsomorphic(self, s: str, t: str) -> bool:
                if len(s) != len(t):
                    return False
                fwd, back = {}, {}
                for i in range(len(s) - 1):
                    a, b = s[i], t[i]
                    if fwd.setdefault(a, b) != b or back.setdefault(b, a) != a:
                        return False
                return True
        """,
        "wrong_logic": """
        from collections import Counter


        class Solution:
            def isIsomorphic(self, s: str, t: str) -> bool:
                return sorted(Counter(s).values()) == sorted(Counter(t).values())
        """,
    },
    edge=[("", ""), ("a", "b"), ("ab", "aa"), ("aa", "ab"), ("egg", "add"), ("foo", "bar"), ("paper", "title"),
          ("aab", "aba"), ("ab", "abc")],
    gen=_g_iso, difficulty="easy", tags=("string", "hashing"))


# ---------------------------------------------------------------------------------------------------------
# strings
# ---------------------------------------------------------------------------------------------------------

R = """
from typing import List


def longest_common_prefix(words: List[str]) -> str:
    if not words:
        return ""
    first = words[0]
    for i, c in enumerate(first):
        for w in words[1:]:
            if i >= len(w) or w[i] != c:
                return first[:i]
    return first
"""


def _g_lcp(rng):
    base = _word(rng, "ab", 0, 5)
    words = []
    for _ in range(rng.randint(0, 6)):
        w = base[:rng.randint(0, len(base))] if rng.random() < 0.3 else base
        words.append(w + _word(rng, "ab", 0, 3))
    return (words,)


_add(
    "longest-common-prefix", "Longest Common Prefix", entry="longest_common_prefix", style="function",
    signature="def longest_common_prefix(words: List[str]) -> str:",
    statement="""
    Return the longest string that is a prefix of every string in words. Return "" if words is empty or
    the strings share no prefix.

    Example 1: words = ["flower", "flow", "flight"] -> "fl"
    Example 2: words = ["dog", "racecar", "car"] -> ""
    Example 3: words = ["alone"] -> "alone"

    Constraints: 0 ≤ len(words) ≤ 200, 0 ≤ len(words[i]) ≤ 200, lowercase English letters.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ('    if not words:\n        return ""\n', "")),
        "off_by_one": _sub(R, ("if i >= len(w)", "if i > len(w)")),
        "wrong_logic": _sub(R, ("        for w in words[1:]:\n", "        for w in [words[-1]]:\n")),
    },
    edge=[([],), ([""],), (["alone"],), (["flower", "flow", "flight"],), (["dog", "racecar", "car"],),
          (["ab", "a"],), (["a", "ab"],), (["abc", "abd", "b"],), (["x", "x", "x"],)],
    gen=_g_lcp, difficulty="easy", tags=("string",))


R = """
class Solution:
    def reverseWords(self, s: str) -> str:
        return " ".join(reversed(s.split()))
"""


def _g_revw(rng):
    parts = [" " * rng.randint(0, 2)]
    for _ in range(rng.randint(0, 5)):
        parts.append(_word(rng, "abc", 1, 3) + " " * rng.randint(1, 3))
    s = "".join(parts)
    return (s[:len(s) - rng.randint(0, 1)] if s.endswith(" ") else s,)


_add(
    "reverse-word-order", "Reverse the Order of Words", entry="reverseWords",
    signature="def reverseWords(self, s: str) -> str:",
    statement="""
    A word is a maximal run of non-space characters. Return the words of s in reverse order, separated by
    single spaces, with no leading or trailing spaces.

    Example 1: s = "the sky is blue" -> "blue is sky the"
    Example 2: s = "  hello world  " -> "world hello"
    Example 3: s = "a good   example" -> "example good a"
    Example 4: s = "   " -> ""

    Constraints: 0 ≤ len(s) ≤ 10^4, s holds letters, digits and spaces.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("s.split()", 's.split(" ")')),
        "wrong_logic": _sub(R, ('" ".join(reversed(s.split()))', '" ".join(s[::-1].split())')),
        "off_by_one": _sub(R, ('" ".join(reversed(s.split()))', '" ".join(s.split()[-1:0:-1])')),
        "wrong_type": _sub(R, ('" ".join(reversed(s.split()))', "s.split()[::-1]")),
    },
    edge=[("",), ("   ",), ("a",), ("the sky is blue",), ("  hello world  ",), ("a good   example",),
          ("ab ba",)],
    gen=_g_revw, difficulty="easy", tags=("string",))


R = """
class Solution:
    def isAlnumPalindrome(self, s: str) -> bool:
        t = [c.lower() for c in s if c.isalnum()]
        return t == t[::-1]
"""


def _g_pal(rng):
    half = _word(rng, "ab1", 0, 5)
    core = half + rng.choice(["", "a", "2"]) + half[::-1]
    if rng.random() < 0.4:
        core = _word(rng, "ab1", 0, 8)
    out = []
    for c in core:
        if rng.random() < 0.3:
            out.append(rng.choice(" ,.:!"))
        out.append(c.upper() if rng.random() < 0.3 else c)
    return ("".join(out),)


_add(
    "alphanumeric-palindrome", "Palindrome Ignoring Punctuation and Case", entry="isAlnumPalindrome",
    signature="def isAlnumPalindrome(self, s: str) -> bool:",
    statement="""
    Keep only the letters and digits of s and turn upper-case letters into lower case. Return whether the
    result reads the same forwards and backwards (the empty string does).

    Example 1: s = "A man, a plan, a canal: Panama" -> True
    Example 2: s = "race a car" -> False
    Example 3: s = " " -> True
    Example 4: s = "0P" -> False

    Constraints: 0 ≤ len(s) ≤ 2 * 10^5, printable ASCII characters.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("c.lower() for c", "c for c")),
        "missed_edge_digits": _sub(R, ("c.isalnum()", "c.isalpha()")),
        "off_by_one": _sub(R, ("return t == t[::-1]", "return t[:len(t) // 2] == t[len(t) // 2 + 1:][::-1]")),
    },
    edge=[("",), (" ",), ("a",), ("A man, a plan, a canal: Panama",), ("race a car",), ("0P",), ("Aa",),
          ("1a2",), ("ab,BA",)],
    gen=_g_pal, difficulty="easy", tags=("string", "two pointers"))


R = """
def run_length(s: str) -> str:
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(s[i] + (str(j - i) if j - i > 1 else ""))
        i = j
    return "".join(out)
"""

_RLE_FLUSH = """
def run_length(s: str) -> str:
    if not s:
        return ""
    out = []
    prev, count = s[0], 1
    for c in s[1:]:
        if c == prev:
            count += 1
        else:
            out.append(prev + (str(count) if count > 1 else ""))
            prev, count = c, 1
    out.append(prev + (str(count) if count > 1 else ""))
    return "".join(out)
"""


def _g_rle(rng):
    return ("".join(rng.choice("abc") * rng.choice([1, 1, 2, 3, rng.randint(1, 12)])
                    for _ in range(rng.randint(0, 5))),)


_add(
    "run-length-encode", "Run-Length Encoding", entry="run_length", style="function",
    signature="def run_length(s: str) -> str:",
    statement="""
    Encode s by replacing every maximal run of one repeated character with the character followed by the
    run's length in decimal. A run of length 1 is written as the character alone.

    Example 1: s = "aaabcc" -> "a3bc2"
    Example 2: s = "abca" -> "abca"
    Example 3: s = "zzzzzzzzzzzz" -> "z12"
    Example 4: s = "" -> ""

    Constraints: 0 ≤ len(s) ≤ 10^5, lowercase English letters.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(_RLE_FLUSH, ('    out.append(prev + (str(count) if count > 1 else ""))\n    return',
                                        "    return")),
        "missed_edge": _sub(_RLE_FLUSH, ('    if not s:\n        return ""\n', "")),
        "wrong_logic": """
        from collections import Counter


        def run_length(s: str) -> str:
            return "".join(c + (str(k) if k > 1 else "") for c, k in Counter(s).items())
        """,
        "wrong_logic_always_count": _sub(R, ('(str(j - i) if j - i > 1 else "")', "str(j - i)")),
    },
    edge=[("",), ("a",), ("aaabcc",), ("abca",), ("zzzzzzzzzzzz",), ("aab",), ("abb",)],
    gen=_g_rle, difficulty="easy", tags=("string", "two pointers"))


def _roman(num: int) -> str:
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
             (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for value, sym in table:
        while num >= value:
            out.append(sym)
            num -= value
    return "".join(out)


R = """
class Solution:
    def romanToInt(self, s: str) -> int:
        value = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
        total = 0
        for i, c in enumerate(s):
            v = value[c]
            if i + 1 < len(s) and v < value[s[i + 1]]:
                total -= v
            else:
                total += v
        return total
"""

_add(
    "roman-to-integer", "Roman Numeral to Integer", entry="romanToInt",
    signature="def romanToInt(self, s: str) -> int:",
    statement="""
    Convert a Roman numeral to an integer. The symbols are I=1, V=5, X=10, L=50, C=100, D=500, M=1000.
    Symbols are written from largest to smallest, except that a smaller symbol placed before a larger one
    is subtracted: IV=4, IX=9, XL=40, XC=90, CD=400, CM=900.

    Example 1: s = "III" -> 3
    Example 2: s = "LVIII" -> 58
    Example 3: s = "MCMXCIV" -> 1994

    Constraints: s is a valid Roman numeral of a value in [1, 3999].
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("for i, c in enumerate(s):", "for i, c in enumerate(s[:-1]):")),
        "wrong_logic": _sub(R, ("            if i + 1 < len(s) and v < value[s[i + 1]]:\n"
                                "                total -= v\n            else:\n                total += v",
                                "            total += v")),
        "missed_edge": _sub(R, ("v < value[s[i + 1]]", "v <= value[s[i + 1]]")),
    },
    edge=[("I",), ("III",), ("IV",), ("IX",), ("LVIII",), ("MCMXCIV",), ("MMMCMXCIX",), ("XL",), ("CD",)],
    gen=lambda rng: (_roman(rng.randint(1, 3999)),), difficulty="easy", tags=("string", "math", "hashing"))


R = """
def int_to_roman(num: int) -> str:
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = []
    for value, symbol in table:
        while num >= value:
            out.append(symbol)
            num -= value
    return "".join(out)
"""

_add(
    "integer-to-roman", "Integer to Roman Numeral", entry="int_to_roman", style="function",
    signature="def int_to_roman(num: int) -> str:",
    statement="""
    Write num as a Roman numeral. Symbols: I=1, V=5, X=10, L=50, C=100, D=500, M=1000, written from largest
    to smallest. The subtractive forms IV=4, IX=9, XL=40, XC=90, CD=400 and CM=900 must be used instead of
    four repeated symbols (so 4 is "IV", never "IIII").

    Example 1: num = 3 -> "III"
    Example 2: num = 58 -> "LVIII"
    Example 3: num = 1994 -> "MCMXCIV"

    Constraints: 1 ≤ num ≤ 3999.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ('(900, "CM"), ', ""), ('(400, "CD"), ', ""), ('(90, "XC"),', ""),
                            ('(40, "XL"), ', ""), ('(9, "IX"), ', ""), ('(4, "IV"), ', "")),
        "off_by_one": _sub(R, ("while num >= value:", "while num > value:")),
        "wrong_logic": _sub(R, ('(900, "CM"), ', ""), ('(400, "CD"), ', "")),
    },
    edge=[(1,), (3,), (4,), (9,), (58,), (1994,), (3999,), (400,), (40,)],
    gen=lambda rng: (rng.randint(1, 3999),), difficulty="medium", tags=("string", "math", "greedy"))


R = """
class Solution:
    def parseInteger(self, s: str) -> int:
        i, n = 0, len(s)
        while i < n and s[i] == " ":
            i += 1
        sign = 1
        if i < n and s[i] in "+-":
            if s[i] == "-":
                sign = -1
            i += 1
        value = 0
        while i < n and "0" <= s[i] <= "9":
            value = value * 10 + ord(s[i]) - ord("0")
            i += 1
        value *= sign
        return max(-2 ** 31, min(2 ** 31 - 1, value))
"""


def _g_atoi(rng):
    parts = [rng.choice(["", "", "x", "."]) if rng.random() < 0.2 else "", " " * rng.randint(0, 3),
             rng.choice(["", "", "+", "-", "-", "+-", "- "])]
    digits = "".join(rng.choice("0123456789") for _ in range(rng.choice([0, 1, 2, 5, 9, 10, 11, 14])))
    if rng.random() < 0.3:
        digits = "0" * rng.randint(1, 3) + digits
    parts.append(digits)
    parts.append(rng.choice(["", "", "abc", " 42", ".5", "-3", "e5"]))
    return ("".join(parts),)


_add(
    "parse-leading-integer", "Parse a Leading Integer", entry="parseInteger",
    signature="def parseInteger(self, s: str) -> int:",
    statement="""
    Read a 32-bit signed integer from the start of s:
    1. skip leading space characters (" " only);
    2. read an optional single sign, "+" or "-";
    3. read decimal digits until the first non-digit character or the end; the rest of s is ignored;
    4. if no digit was read the value is 0; otherwise apply the sign and clamp the value to the range
       [-2^31, 2^31 - 1].

    Example 1: s = "42" -> 42
    Example 2: s = "   -042abc" -> -42
    Example 3: s = "words and 987" -> 0
    Example 4: s = "-91283472332" -> -2147483648
    Example 5: s = "+-12" -> 0

    Constraints: 0 ≤ len(s) ≤ 200, printable ASCII characters.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("return max(-2 ** 31, min(2 ** 31 - 1, value))", "return value")),
        "off_by_one": _sub(R, ("min(2 ** 31 - 1, value)", "min(2 ** 31, value)")),
        "wrong_logic": """
        import re


        class Solution:
            def parseInteger(self, s: str) -> int:
                m = re.search(r"[+-]?[0-9]+", s)
                if not m:
                    return 0
                return max(-2 ** 31, min(2 ** 31 - 1, int(m.group())))
        """,
    },
    edge=[("",), ("42",), ("   -042abc",), ("words and 987",), ("-91283472332",), ("2147483648",),
          ("2147483647",), ("-2147483648",), ("+-12",), ("+",), ("  +0 123",), ("00000000000012",)],
    gen=_g_atoi, difficulty="medium", tags=("string", "simulation"))


R = """
class Solution:
    def zigzag(self, s: str, numRows: int) -> str:
        if numRows == 1:
            return s
        rows = [""] * numRows
        row, step = 0, 1
        for c in s:
            rows[row] += c
            if row == 0:
                step = 1
            elif row == numRows - 1:
                step = -1
            row += step
        return "".join(rows)
"""

_add(
    "zigzag-rows", "Zigzag Rows", entry="zigzag",
    signature="def zigzag(self, s: str, numRows: int) -> str:",
    statement="""
    Write the characters of s in a zigzag over numRows rows: down the rows from row 0 to row numRows-1,
    then diagonally back up to row 0, then down again, and so on. Return the rows read one after another,
    top to bottom.

    Example 1: s = "PAYPALISHIRING", numRows = 3 -> "PAHNAPLSIIGYIR"
        P   A   H   N
        A P L S I I G
        Y   I   R
    Example 2: s = "PAYPALISHIRING", numRows = 4 -> "PINALSIGYAHRPI"
    Example 3: s = "AB", numRows = 1 -> "AB"

    Constraints: 0 ≤ len(s) ≤ 1000, 1 ≤ numRows ≤ 1000.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("        if numRows == 1:\n            return s\n", "")),
        "off_by_one": _sub(R, ("elif row == numRows - 1:", "elif row == numRows:")),
        "wrong_logic": """
        class Solution:
            def zigzag(self, s: str, numRows: int) -> str:
                rows = [""] * numRows
                for i, c in enumerate(s):
                    rows[i % numRows] += c
                return "".join(rows)
        """,
    },
    edge=[("", 1), ("A", 1), ("AB", 1), ("AB", 5), ("PAYPALISHIRING", 3), ("PAYPALISHIRING", 4), ("ABCD", 2)],
    gen=lambda rng: (_word(rng, string.ascii_uppercase, 0, 15), rng.randint(1, 6)), difficulty="medium",
    tags=("string", "simulation"))


R = """
def add_binary(a: str, b: str) -> str:
    i, j, carry = len(a) - 1, len(b) - 1, 0
    out = []
    while i >= 0 or j >= 0 or carry:
        total = carry
        if i >= 0:
            total += int(a[i])
            i -= 1
        if j >= 0:
            total += int(b[j])
            j -= 1
        out.append(str(total % 2))
        carry = total // 2
    return "".join(reversed(out))
"""

_add(
    "add-binary-strings", "Add Two Binary Strings", entry="add_binary", style="function",
    signature="def add_binary(a: str, b: str) -> str:",
    statement="""
    a and b are non-negative integers written in binary, without leading zeros (except "0" itself). Return
    their sum in binary, without leading zeros.

    Example 1: a = "11", b = "1" -> "100"
    Example 2: a = "1010", b = "1011" -> "10101"
    Example 3: a = "0", b = "0" -> "0"

    Constraints: 1 ≤ len(a), len(b) ≤ 10^4.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("while i >= 0 or j >= 0 or carry:", "while i >= 0 or j >= 0:")),
        "wrong_type": _sub(R, ('return "".join(reversed(out))', 'return int("".join(reversed(out)))')),
        "wrong_logic": _sub(R, ('return "".join(reversed(out))', 'return "".join(out)')),
    },
    edge=[("0", "0"), ("1", "0"), ("11", "1"), ("1010", "1011"), ("1", "1"), ("1111", "1111"), ("100", "1")],
    gen=lambda rng: tuple(bin(rng.randint(0, 2 ** rng.randint(1, 20)))[2:] for _ in range(2)),
    difficulty="easy", tags=("string", "math", "bit manipulation"))


R = """
class Solution:
    def multiplyStrings(self, num1: str, num2: str) -> str:
        if num1 == "0" or num2 == "0":
            return "0"
        m, n = len(num1), len(num2)
        res = [0] * (m + n)
        for i in range(m - 1, -1, -1):
            for j in range(n - 1, -1, -1):
                p = (ord(num1[i]) - 48) * (ord(num2[j]) - 48) + res[i + j + 1]
                res[i + j + 1] = p % 10
                res[i + j] += p // 10
        return "".join(map(str, res)).lstrip("0")
"""

_add(
    "multiply-decimal-strings", "Multiply Two Decimal Strings", entry="multiplyStrings",
    signature="def multiplyStrings(self, num1: str, num2: str) -> str:",
    statement="""
    num1 and num2 are non-negative integers written in decimal without leading zeros (except "0" itself).
    Return their product, also as a decimal string without leading zeros. Work digit by digit: the numbers
    may be far larger than 64 bits.

    Example 1: num1 = "2", num2 = "3" -> "6"
    Example 2: num1 = "123", num2 = "456" -> "56088"
    Example 3: num1 = "0", num2 = "52" -> "0"

    Constraints: 1 ≤ len(num1), len(num2) ≤ 200.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ('        if num1 == "0" or num2 == "0":\n            return "0"\n', "")),
        "wrong_logic": _sub(R, ("                res[i + j] += p // 10\n", "")),
        "wrong_type": _sub(R, ('return "".join(map(str, res)).lstrip("0")',
                               'return int("".join(map(str, res)))')),
    },
    edge=[("0", "0"), ("0", "52"), ("1", "1"), ("2", "3"), ("123", "456"), ("99", "99"),
          ("9" * 50, "9" * 50)],
    gen=lambda rng: tuple(str(rng.randint(0, 10 ** rng.randint(1, 25))) for _ in range(2)),
    difficulty="medium", tags=("string", "math"))


R = """
from typing import List


def justify(words: List[str], width: int) -> List[str]:
    lines, i, n = [], 0, len(words)
    while i < n:
        j, length = i, 0
        while j < n and length + len(words[j]) + (j - i) <= width:
            length += len(words[j])
            j += 1
        gaps = j - i - 1
        if j == n or gaps == 0:
            line = " ".join(words[i:j])
            line += " " * (width - len(line))
        else:
            q, r = divmod(width - length, gaps)
            line = ""
            for k in range(i, j - 1):
                line += words[k] + " " * (q + (1 if k - i < r else 0))
            line += words[j - 1]
        lines.append(line)
        i = j
    return lines
"""


def _g_just(rng):
    words = [_word(rng, "abcdefg", 1, 6) for _ in range(rng.randint(1, 12))]
    return words, max(map(len, words)) + rng.randint(0, 10)


_add(
    "full-text-justification", "Full Text Justification", entry="justify", style="function",
    signature="def justify(words: List[str], width: int) -> List[str]:",
    statement="""
    Lay out words in lines of exactly width characters. Pack greedily: each line takes as many of the
    remaining words as fit with at least one space between neighbours. Then:
    - on every line except the last, spread the spaces so the line is exactly width long; the gaps between
      words differ by at most one space, and the wider gaps come first (leftmost);
    - a line (other than the last) with a single word is that word padded with spaces on the right;
    - the last line is left-justified: words separated by single spaces, padded on the right.
    Return the lines.

    Example 1: words = ["This", "is", "an", "example", "of", "text", "justification."], width = 16
      -> ["This    is    an", "example  of text", "justification.  "]
    Example 2: words = ["What", "must", "be", "acknowledgment", "shall", "be"], width = 16
      -> ["What   must   be", "acknowledgment  ", "shall be        "]

    Constraints: 1 ≤ len(words) ≤ 300, 1 ≤ len(words[i]) ≤ width ≤ 100, no spaces inside words.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("if k - i < r", "if k - i <= r")),
        "missed_edge": _sub(R, ("if j == n or gaps == 0:", "if gaps == 0:")),
        "wrong_logic": _sub(R, ("if k - i < r", "if j - 2 - k < r")),
    },
    edge=[(["a"], 1), (["a"], 3), (["This", "is", "an", "example", "of", "text", "justification."], 16),
          (["What", "must", "be", "acknowledgment", "shall", "be"], 16), (["ab", "cd", "ef"], 5),
          (["a", "b", "c", "d"], 3)],
    gen=_g_just, difficulty="hard", tags=("string", "simulation"))
