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
