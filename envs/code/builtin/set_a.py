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
    Example 3: nums = [-1, -1, 5] -> -1  (here -1 is the majority value)

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


# ---------------------------------------------------------------------------------------------------------
# sliding windows, prefix sums and two pointers
# ---------------------------------------------------------------------------------------------------------

R = """
class Solution:
    def longestDistinctRun(self, s: str) -> int:
        last = {}
        left = best = 0
        for right, c in enumerate(s):
            if c in last and last[c] >= left:
                left = last[c] + 1
            last[c] = right
            best = max(best, right - left + 1)
        return best
"""

_add(
    "longest-substring-distinct-chars", "Longest Substring Without a Repeated Character",
    entry="longestDistinctRun",
    signature="def longestDistinctRun(self, s: str) -> int:",
    statement="""
    Return the length of the longest substring (contiguous) of s in which no character occurs twice.

    Example 1: s = "abcabcbb" -> 3  ("abc")
    Example 2: s = "bbbbb" -> 1
    Example 3: s = "pwwkew" -> 3  ("wke"; "pwke" is not contiguous)
    Example 4: s = "" -> 0

    Constraints: 0 ≤ len(s) ≤ 5 * 10^4, printable ASCII characters.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("if c in last and last[c] >= left:", "if c in last:")),
        "off_by_one": _sub(R, ("best = max(best, right - left + 1)", "best = max(best, right - left)")),
        "wrong_logic": """
        class Solution:
            def longestDistinctRun(self, s: str) -> int:
                return len(set(s))
        """,
        "too_slow": """
        class Solution:
            def longestDistinctRun(self, s: str) -> int:
                best = 0
                for i in range(len(s)):
                    for j in range(i, len(s)):
                        if len(set(s[i:j + 1])) == j - i + 1:
                            best = max(best, j - i + 1)
                return best
        """,
    },
    edge=[("",), (" ",), ("abcabcbb",), ("bbbbb",), ("pwwkew",), ("abba",), ("dvdf",), ("au",),
          ("".join(string.ascii_letters[i % 52] for i in range(3000)),)],
    gen=lambda rng: (_word(rng, "abcde"[:rng.randint(1, 5)] + " ", 0, 16),), difficulty="medium",
    tags=("string", "sliding window", "hashing"))


R = """
from typing import List


class Solution:
    def shortestSubarrayAtLeast(self, target: int, nums: List[int]) -> int:
        left = total = 0
        best = len(nums) + 1
        for right, x in enumerate(nums):
            total += x
            while total >= target:
                best = min(best, right - left + 1)
                total -= nums[left]
                left += 1
        return best if best <= len(nums) else 0
"""


def _g_minsub(rng):
    nums = _ints(rng, 1, 9, 0, 15)
    return rng.randint(1, max(1, sum(nums) + 3)), nums


_add(
    "shortest-subarray-sum-at-least", "Shortest Subarray With Sum at Least Target",
    entry="shortestSubarrayAtLeast",
    signature="def shortestSubarrayAtLeast(self, target: int, nums: List[int]) -> int:",
    statement="""
    nums holds positive integers. Return the smallest length of a contiguous subarray whose sum is at
    least target, or 0 if no such subarray exists.

    Example 1: target = 7, nums = [2, 3, 1, 2, 4, 3] -> 2  ([4, 3])
    Example 2: target = 4, nums = [1, 4, 4] -> 1
    Example 3: target = 11, nums = [1, 1, 1, 1, 1] -> 0

    Constraints: 1 ≤ target ≤ 10^9, 0 ≤ len(nums) ≤ 10^5, 1 ≤ nums[i] ≤ 10^4.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("return best if best <= len(nums) else 0", "return best")),
        "off_by_one": _sub(R, ("while total >= target:", "while total > target:")),
        "wrong_logic": """
        from typing import List


        class Solution:
            def shortestSubarrayAtLeast(self, target: int, nums: List[int]) -> int:
                total = 0
                for k, x in enumerate(sorted(nums, reverse=True)):
                    total += x
                    if total >= target:
                        return k + 1
                return 0
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def shortestSubarrayAtLeast(self, target: int, nums: List[int]) -> int:
                best = 0
                for i in range(len(nums)):
                    total = 0
                    for j in range(i, len(nums)):
                        total += nums[j]
                        if total >= target:
                            if best == 0 or j - i + 1 < best:
                                best = j - i + 1
                            break
                return best
        """,
    },
    edge=[(5, []), (1, [1]), (2, [1]), (7, [2, 3, 1, 2, 4, 3]), (4, [1, 4, 4]), (11, [1, 1, 1, 1, 1]),
          (5, [5]), (6, [1, 5, 1]), (20001, [1] * 20000)],
    gen=_g_minsub, difficulty="medium", tags=("array", "sliding window", "two pointers"))


R = """
from typing import List


def max_window_average(nums: List[int], k: int) -> float:
    window = sum(nums[:k])
    best = window
    for i in range(k, len(nums)):
        window += nums[i] - nums[i - k]
        best = max(best, window)
    return best / k
"""


def _g_avg(rng):
    nums = _ints(rng, -20, 20, 1, 15)
    return nums, rng.randint(1, len(nums))


_add(
    "max-average-window", "Largest Average of a Window of Length k", entry="max_window_average",
    style="function", compare="float",
    signature="def max_window_average(nums: List[int], k: int) -> float:",
    statement="""
    Return the largest average of k consecutive elements of nums. Answers within 1e-6 are accepted.

    Example 1: nums = [1, 12, -5, -6, 50, 3], k = 4 -> 12.75
    Example 2: nums = [5], k = 1 -> 5.0
    Example 3: nums = [-3, -1, -2], k = 2 -> -1.5

    Constraints: 1 ≤ k ≤ len(nums) ≤ 10^5, -10^4 ≤ nums[i] ≤ 10^4.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("for i in range(k, len(nums)):", "for i in range(k, len(nums) - 1):")),
        "wrong_type": _sub(R, ("return best / k", "return best // k")),
        "missed_edge": _sub(R, ("    best = window\n", "    best = 0\n")),
    },
    edge=[([5], 1), ([1, 12, -5, -6, 50, 3], 4), ([-3, -1, -2], 2), ([0, 4, 0, 3], 1), ([1, 2], 2),
          ([-1, -1, -1], 3)],
    gen=_g_avg, difficulty="easy", tags=("array", "sliding window"))


R = """
class Solution:
    def longestAfterReplacements(self, s: str, k: int) -> int:
        count = {}
        left = best = top = 0
        for right, c in enumerate(s):
            count[c] = count.get(c, 0) + 1
            top = max(top, count[c])
            while right - left + 1 - top > k:
                count[s[left]] -= 1
                left += 1
            best = max(best, right - left + 1)
        return best
"""

_add(
    "longest-run-after-replacements", "Longest Uniform Substring After k Replacements",
    entry="longestAfterReplacements",
    signature="def longestAfterReplacements(self, s: str, k: int) -> int:",
    statement="""
    You may replace at most k characters of s, each by any upper-case letter. Return the length of the
    longest substring consisting of one repeated letter that you can obtain.

    Example 1: s = "ABAB", k = 2 -> 4
    Example 2: s = "AABABBA", k = 1 -> 4
    Example 3: s = "BAAA", k = 0 -> 3

    Constraints: 0 ≤ len(s) ≤ 10^5, upper-case English letters, 0 ≤ k ≤ 10^5.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("while right - left + 1 - top > k:", "while right - left + 1 - top >= k:")),
        "wrong_logic": """
        from collections import Counter


        class Solution:
            def longestAfterReplacements(self, s: str, k: int) -> int:
                if not s:
                    return 0
                return min(len(s), max(Counter(s).values()) + k)
        """,
        "missed_edge": """
        class Solution:
            def longestAfterReplacements(self, s: str, k: int) -> int:
                best = 0
                for i in range(len(s)):
                    used, j = 0, i
                    while j < len(s) and (s[j] == s[i] or used < k):
                        if s[j] != s[i]:
                            used += 1
                        j += 1
                    best = max(best, j - i)
                return best
        """,
    },
    edge=[("", 0), ("A", 0), ("A", 1), ("ABAB", 2), ("AABABBA", 1), ("BAAA", 0), ("BAAA", 1), ("ABC", 3)],
    gen=lambda rng: (_word(rng, "ABC"[:rng.randint(2, 3)], 0, 14), rng.randint(0, 4)), difficulty="medium",
    tags=("string", "sliding window"))


R = """
from collections import Counter


def has_anagram_window(p: str, s: str) -> bool:
    m = len(p)
    if m > len(s):
        return False
    need = Counter(p)
    window = Counter(s[:m])
    if window == need:
        return True
    for i in range(m, len(s)):
        window[s[i]] += 1
        window[s[i - m]] -= 1
        if window[s[i - m]] == 0:
            del window[s[i - m]]
        if window == need:
            return True
    return False
"""


def _g_perm(rng):
    s = _word(rng, "abc", 0, 12)
    if s and rng.random() < 0.5:
        i = rng.randrange(len(s))
        p = list(s[i:i + rng.randint(1, 4)])
        rng.shuffle(p)
        p = "".join(p)
        if rng.random() < 0.4:
            p = p + rng.choice("abc")
    else:
        p = _word(rng, "abc", 1, 4)
    return p, s


_add(
    "anagram-window-exists", "Does Some Window Rearrange Into p", entry="has_anagram_window",
    style="function",
    signature="def has_anagram_window(p: str, s: str) -> bool:",
    statement="""
    Return True if some substring (contiguous) of s is a rearrangement of the letters of p (same letters,
    same counts), otherwise False.

    Example 1: p = "ab", s = "eidbaooo" -> True  ("ba")
    Example 2: p = "ab", s = "eidboaoo" -> False
    Example 3: p = "aab", s = "abbab" -> False
    Example 4: p = "aab", s = "abab" -> True  ("aba")

    Constraints: 1 ≤ len(p) ≤ 10^4, 0 ≤ len(s) ≤ 10^4, lowercase English letters.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("for i in range(m, len(s)):", "for i in range(m, len(s) - 1):")),
        "missed_edge": """
        def has_anagram_window(p: str, s: str) -> bool:
            m = len(p)
            for i in range(len(s) - m + 1):
                if set(s[i:i + m]) == set(p):
                    return True
            return False
        """,
        "wrong_logic": """
        from collections import Counter


        def has_anagram_window(p: str, s: str) -> bool:
            have = Counter(s)
            return all(have[c] >= k for c, k in Counter(p).items())
        """,
    },
    edge=[("a", ""), ("a", "a"), ("ab", "eidbaooo"), ("ab", "eidboaoo"), ("aab", "abab"), ("aab", "abbab"),
          ("abc", "ab"), ("ab", "xxab"), ("ab", "abxx")],
    gen=_g_perm, difficulty="medium", tags=("string", "sliding window", "hashing"))


R = """
from typing import List


class Solution:
    def countSubarraysWithSum(self, nums: List[int], k: int) -> int:
        seen = {0: 1}
        total = count = 0
        for x in nums:
            total += x
            count += seen.get(total - k, 0)
            seen[total] = seen.get(total, 0) + 1
        return count
"""

_add(
    "count-subarrays-with-sum", "Count Subarrays With a Given Sum", entry="countSubarraysWithSum",
    signature="def countSubarraysWithSum(self, nums: List[int], k: int) -> int:",
    statement="""
    Return the number of non-empty contiguous subarrays of nums whose elements sum to k. Elements may be
    negative.

    Example 1: nums = [1, 1, 1], k = 2 -> 2
    Example 2: nums = [1, 2, 3], k = 3 -> 2
    Example 3: nums = [1, -1, 0], k = 0 -> 3

    Constraints: 0 ≤ len(nums) ≤ 2 * 10^4, -1000 ≤ nums[i] ≤ 1000, -10^7 ≤ k ≤ 10^7.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("seen = {0: 1}", "seen = {}")),
        "off_by_one": """
        from typing import List


        class Solution:
            def countSubarraysWithSum(self, nums: List[int], k: int) -> int:
                seen = {0: 1}
                total = count = 0
                for x in nums:
                    total += x
                    seen[total] = seen.get(total, 0) + 1
                    count += seen.get(total - k, 0)
                return count
        """,
        "wrong_logic": """
        from typing import List


        class Solution:
            def countSubarraysWithSum(self, nums: List[int], k: int) -> int:
                left = total = count = 0
                for right, x in enumerate(nums):
                    total += x
                    while total > k and left <= right:
                        total -= nums[left]
                        left += 1
                    if total == k and left <= right:
                        count += 1
                return count
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def countSubarraysWithSum(self, nums: List[int], k: int) -> int:
                count = 0
                for i in range(len(nums)):
                    total = 0
                    for j in range(i, len(nums)):
                        total += nums[j]
                        if total == k:
                            count += 1
                return count
        """,
    },
    edge=[([], 0), ([0], 0), ([5], 5), ([1, 1, 1], 2), ([1, 2, 3], 3), ([1, -1, 0], 0), ([-1, -1, 1], 0),
          ([3, 4, 7, 2, -3, 1, 4, 2], 7), ([1, -1] * 10000, 0)],
    gen=lambda rng: (_ints(rng, -3, 3, 0, 15), rng.randint(-4, 4)), difficulty="medium",
    tags=("array", "prefix sums", "hashing"))


R = """
from typing import List


def balance_index(nums: List[int]) -> int:
    total = sum(nums)
    left = 0
    for i, x in enumerate(nums):
        if left == total - left - x:
            return i
        left += x
    return -1
"""

_add(
    "balance-index", "Leftmost Balance Index", entry="balance_index", style="function",
    signature="def balance_index(nums: List[int]) -> int:",
    statement="""
    Return the leftmost index i such that the sum of the elements strictly left of i equals the sum of the
    elements strictly right of i (an empty side sums to 0). Return -1 if there is no such index.

    Example 1: nums = [1, 7, 3, 6, 5, 6] -> 3
    Example 2: nums = [1, 2, 3] -> -1
    Example 3: nums = [2, 1, -1] -> 0

    Constraints: 0 ≤ len(nums) ≤ 10^4, -1000 ≤ nums[i] ≤ 1000.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("if left == total - left - x:", "if left == total - left:")),
        "wrong_logic": """
        from typing import List


        def balance_index(nums: List[int]) -> int:
            total = sum(nums)
            right = 0
            for i in range(len(nums) - 1, -1, -1):
                if right == total - right - nums[i]:
                    return i
                right += nums[i]
            return -1
        """,
        "missed_edge": """
        from typing import List


        def balance_index(nums: List[int]) -> int:
            total = sum(nums)
            left = nums[0] if nums else 0
            for i in range(1, len(nums)):
                if left == total - left - nums[i]:
                    return i
                left += nums[i]
            return -1
        """,
    },
    edge=[([],), ([0],), ([5],), ([1, 7, 3, 6, 5, 6],), ([1, 2, 3],), ([2, 1, -1],), ([0, 0, 0],),
          ([-1, -1, 0, 1, 1, 0],)],
    gen=lambda rng: (_ints(rng, -3, 3, 0, 12),), difficulty="easy", tags=("array", "prefix sums"))


R = """
from typing import List


class Solution:
    def rangeSums(self, nums: List[int], queries: List[List[int]]) -> List[int]:
        prefix = [0]
        for x in nums:
            prefix.append(prefix[-1] + x)
        return [prefix[r + 1] - prefix[l] for l, r in queries]
"""


def _g_range(rng):
    nums = _ints(rng, -50, 50, 1, 15)
    queries = []
    for _ in range(rng.randint(0, 6)):
        a, b = rng.randrange(len(nums)), rng.randrange(len(nums))
        queries.append([min(a, b), max(a, b)])
    return nums, queries


_add(
    "range-sum-queries", "Sums Over Index Ranges", entry="rangeSums",
    signature="def rangeSums(self, nums: List[int], queries: List[List[int]]) -> List[int]:",
    statement="""
    For each query [l, r] (0-based, inclusive, l ≤ r) return nums[l] + nums[l+1] + ... + nums[r]. Return the
    answers in the order of the queries.

    Example 1: nums = [-2, 0, 3, -5, 2, -1], queries = [[0, 2], [2, 5], [0, 5]] -> [1, -1, -3]
    Example 2: nums = [4], queries = [[0, 0]] -> [4]
    Example 3: nums = [1, 2], queries = [] -> []

    Constraints: 1 ≤ len(nums) ≤ 3 * 10^4, 0 ≤ len(queries) ≤ 3 * 10^4, -10^5 ≤ nums[i] ≤ 10^5.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("prefix[r + 1] - prefix[l]", "prefix[r] - prefix[l]")),
        "missed_edge": """
        from typing import List


        class Solution:
            def rangeSums(self, nums: List[int], queries: List[List[int]]) -> List[int]:
                prefix = []
                total = 0
                for x in nums:
                    total += x
                    prefix.append(total)
                return [prefix[r] - prefix[l - 1] for l, r in queries]
        """,
        "wrong_logic": _sub(R, ("prefix[r + 1] - prefix[l]", "prefix[r + 1] - prefix[l] - nums[l]")),
        "too_slow": """
        from typing import List


        class Solution:
            def rangeSums(self, nums: List[int], queries: List[List[int]]) -> List[int]:
                out = []
                for l, r in queries:
                    total = 0
                    for i in range(l, r + 1):
                        total += nums[i]
                    out.append(total)
                return out
        """,
    },
    edge=[([4], [[0, 0]]), ([1, 2], []), ([-2, 0, 3, -5, 2, -1], [[0, 2], [2, 5], [0, 5]]),
          ([5, 5], [[1, 1], [0, 1]]), ([1, 2, 3], [[0, 0], [2, 2]]),
          (list(range(20000)), [[0, 19999]] * 5000)],
    gen=_g_range, difficulty="easy", tags=("array", "prefix sums"))


R = """
from typing import List


class Solution:
    def subarraysDivisibleBy(self, nums: List[int], k: int) -> int:
        seen = {0: 1}
        total = count = 0
        for x in nums:
            total = (total + x) % k
            count += seen.get(total, 0)
            seen[total] = seen.get(total, 0) + 1
        return count
"""

_add(
    "subarrays-divisible-by-k", "Subarrays With Sum Divisible by k", entry="subarraysDivisibleBy",
    signature="def subarraysDivisibleBy(self, nums: List[int], k: int) -> int:",
    statement="""
    Return the number of non-empty contiguous subarrays of nums whose sum is divisible by k (a sum of 0, or
    a negative multiple of k, counts).

    Example 1: nums = [4, 5, 0, -2, -3, 1], k = 5 -> 7
    Example 2: nums = [5], k = 9 -> 0
    Example 3: nums = [-1, 2, 9], k = 2 -> 2

    Constraints: 0 ≤ len(nums) ≤ 3 * 10^4, -10^4 ≤ nums[i] ≤ 10^4, 2 ≤ k ≤ 10^4.
    """,
    reference=R,
    wrong={
        "missed_edge": """
        import math
        from typing import List


        class Solution:
            def subarraysDivisibleBy(self, nums: List[int], k: int) -> int:
                seen = {0: 1}
                total = count = 0
                for x in nums:
                    total = int(math.fmod(total + x, k))
                    count += seen.get(total, 0)
                    seen[total] = seen.get(total, 0) + 1
                return count
        """,
        "wrong_logic": _sub(R, ("seen = {0: 1}", "seen = {}")),
        "off_by_one": """
        from typing import List


        class Solution:
            def subarraysDivisibleBy(self, nums: List[int], k: int) -> int:
                seen = {0: 1}
                total = count = 0
                for x in nums:
                    total = (total + x) % k
                    seen[total] = seen.get(total, 0) + 1
                    count += seen[total] - 1 if total else seen[total]
                return count
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def subarraysDivisibleBy(self, nums: List[int], k: int) -> int:
                count = 0
                for i in range(len(nums)):
                    total = 0
                    for j in range(i, len(nums)):
                        total += nums[j]
                        if total % k == 0:
                            count += 1
                return count
        """,
    },
    edge=[([], 2), ([5], 9), ([5], 5), ([4, 5, 0, -2, -3, 1], 5), ([-1, 2, 9], 2), ([-3, 3], 3), ([-1, -1], 2),
          ([1, 2] * 15000, 3)],
    gen=lambda rng: (_ints(rng, -9, 9, 0, 15), rng.randint(2, 7)), difficulty="medium",
    tags=("array", "prefix sums", "hashing", "math"))


R = """
from typing import List


def longest_balanced(bits: List[int]) -> int:
    first = {0: -1}
    balance = best = 0
    for i, b in enumerate(bits):
        balance += 1 if b == 1 else -1
        if balance in first:
            best = max(best, i - first[balance])
        else:
            first[balance] = i
    return best
"""

_add(
    "longest-balanced-bits", "Longest Subarray With Equal Zeros and Ones", entry="longest_balanced",
    style="function",
    signature="def longest_balanced(bits: List[int]) -> int:",
    statement="""
    bits holds only 0s and 1s. Return the length of the longest contiguous subarray that contains as many
    0s as 1s (0 if there is none).

    Example 1: bits = [0, 1] -> 2
    Example 2: bits = [0, 1, 0] -> 2
    Example 3: bits = [0, 0, 1, 0, 0, 0, 1, 1] -> 6

    Constraints: 0 ≤ len(bits) ≤ 10^5.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("first = {0: -1}", "first = {0: 0}")),
        "missed_edge": _sub(R, ("        if balance in first:\n            best = max(best, i - first[balance])\n"
                                "        else:\n            first[balance] = i\n",
                                "        if balance in first:\n            best = max(best, i - first[balance])\n"
                                "        first[balance] = i\n")),
        "wrong_logic": """
        from typing import List


        def longest_balanced(bits: List[int]) -> int:
            return 2 * min(bits.count(0), bits.count(1))
        """,
    },
    edge=[([],), ([0],), ([1],), ([0, 1],), ([0, 1, 0],), ([0, 0, 1, 0, 0, 0, 1, 1],), ([1, 1, 0, 1, 0, 0],),
          ([1, 1, 1, 0],)],
    gen=lambda rng: ([rng.randint(0, 1) for _ in range(rng.randint(0, 20))],), difficulty="medium",
    tags=("array", "prefix sums", "hashing"))


R = """
from typing import List


class Solution:
    def maxArea(self, height: List[int]) -> int:
        i, j = 0, len(height) - 1
        best = 0
        while i < j:
            best = max(best, (j - i) * min(height[i], height[j]))
            if height[i] < height[j]:
                i += 1
            else:
                j -= 1
        return best
"""

_add(
    "container-most-water", "Two Walls Holding the Most Water", entry="maxArea",
    signature="def maxArea(self, height: List[int]) -> int:",
    statement="""
    height[i] is the height of a vertical wall at x = i. Choose two walls; together with the x-axis they
    hold water up to the lower wall's height, over the distance between them. Return the largest amount of
    water (area) two walls can hold.

    Example 1: height = [1, 8, 6, 2, 5, 4, 8, 3, 7] -> 49  (walls at 1 and 8: 7 * 7)
    Example 2: height = [1, 1] -> 1
    Example 3: height = [4, 3, 2, 1, 4] -> 16

    Constraints: 2 ≤ len(height) ≤ 10^5, 0 ≤ height[i] ≤ 10^4.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("(j - i) * min", "(j - i + 1) * min")),
        "wrong_logic": _sub(R, ("if height[i] < height[j]:", "if height[i] > height[j]:")),
        "missed_edge": _sub(R, ("while i < j:", "while i < j - 1:")),
        "too_slow": """
        from typing import List


        class Solution:
            def maxArea(self, height: List[int]) -> int:
                best = 0
                n = len(height)
                for i in range(n):
                    for j in range(i + 1, n):
                        best = max(best, (j - i) * min(height[i], height[j]))
                return best
        """,
    },
    edge=[([1, 1],), ([0, 0],), ([1, 8, 6, 2, 5, 4, 8, 3, 7],), ([4, 3, 2, 1, 4],), ([1, 2, 1],),
          ([2, 3, 10, 5, 7, 8, 9],), ([i % 100 for i in range(10000)],)],
    gen=lambda rng: (_ints(rng, 0, 12, 2, 15),), difficulty="medium", tags=("array", "two pointers", "greedy"))


R = """
from typing import List


def zero_sum_triplets(nums: List[int]) -> List[List[int]]:
    a = sorted(nums)
    out = []
    n = len(a)
    for i in range(n - 2):
        if i > 0 and a[i] == a[i - 1]:
            continue
        lo, hi = i + 1, n - 1
        while lo < hi:
            s = a[i] + a[lo] + a[hi]
            if s < 0:
                lo += 1
            elif s > 0:
                hi -= 1
            else:
                out.append([a[i], a[lo], a[hi]])
                lo += 1
                while lo < hi and a[lo] == a[lo - 1]:
                    lo += 1
                hi -= 1
    return out
"""

_add(
    "zero-sum-triplets", "Distinct Triplets Summing to Zero", entry="zero_sum_triplets", style="function",
    compare="unordered_nested",
    signature="def zero_sum_triplets(nums: List[int]) -> List[List[int]]:",
    statement="""
    Return every distinct triplet of values [a, b, c] taken from three different positions of nums with
    a + b + c == 0. Two triplets are the same if they hold the same values (as multisets); list each such
    triplet once. The triplets and the values inside each may be in any order.

    Example 1: nums = [-1, 0, 1, 2, -1, -4] -> [[-1, -1, 2], [-1, 0, 1]]
    Example 2: nums = [0, 1, 1] -> []
    Example 3: nums = [0, 0, 0, 0] -> [[0, 0, 0]]

    Constraints: 0 ≤ len(nums) ≤ 3000, -10^5 ≤ nums[i] ≤ 10^5.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("        if i > 0 and a[i] == a[i - 1]:\n            continue\n", "")),
        "off_by_one": _sub(R, ("for i in range(n - 2):", "for i in range(n - 3):")),
        "wrong_type": _sub(R, ("    out = []\n", "    out = set()\n"),
                           ("out.append([a[i], a[lo], a[hi]])", "out.add((a[i], a[lo], a[hi]))")),
    },
    edge=[([],), ([0],), ([0, 0, 0],), ([0, 0, 0, 0],), ([-1, 0, 1, 2, -1, -4],), ([0, 1, 1],),
          ([-2, 0, 1, 1, 2],), ([3, -3, 0, -3, 3],)],
    gen=lambda rng: (_ints(rng, -5, 5, 0, 12),), difficulty="medium", tags=("array", "two pointers", "sorting"))


R = """
from typing import List


class Solution:
    def sortedSquares(self, nums: List[int]) -> List[int]:
        n = len(nums)
        out = [0] * n
        i, j = 0, n - 1
        for pos in range(n - 1, -1, -1):
            if abs(nums[i]) > abs(nums[j]):
                out[pos] = nums[i] * nums[i]
                i += 1
            else:
                out[pos] = nums[j] * nums[j]
                j -= 1
        return out
"""

_add(
    "squares-of-sorted-array", "Squares of a Sorted Array", entry="sortedSquares",
    signature="def sortedSquares(self, nums: List[int]) -> List[int]:",
    statement="""
    nums is sorted in non-decreasing order. Return the squares of its elements, also sorted in non-decreasing
    order. Aim for O(n) time.

    Example 1: nums = [-4, -1, 0, 3, 10] -> [0, 1, 9, 16, 100]
    Example 2: nums = [-7, -3, 2, 3, 11] -> [4, 9, 9, 49, 121]
    Example 3: nums = [] -> []

    Constraints: 0 ≤ len(nums) ≤ 10^4, -10^4 ≤ nums[i] ≤ 10^4.
    """,
    reference=R,
    wrong={
        "missed_edge": """
        from typing import List


        class Solution:
            def sortedSquares(self, nums: List[int]) -> List[int]:
                return [x * x for x in nums]
        """,
        "off_by_one": _sub(R, ("for pos in range(n - 1, -1, -1):", "for pos in range(n - 1, 0, -1):")),
        "wrong_type": """
        import math
        from typing import List


        class Solution:
            def sortedSquares(self, nums: List[int]) -> List[int]:
                return sorted(math.pow(x, 2) for x in nums)
        """,
    },
    edge=[([],), ([0],), ([-3],), ([-4, -1, 0, 3, 10],), ([-7, -3, 2, 3, 11],), ([-5, -4, -3],),
          ([1, 2, 3],)],
    gen=lambda rng: (sorted(_ints(rng, -12, 12, 0, 12)),), difficulty="easy",
    tags=("array", "two pointers", "sorting"))


R = """
from typing import List


class Solution:
    def trappedWater(self, height: List[int]) -> int:
        l, r = 0, len(height) - 1
        lmax = rmax = water = 0
        while l < r:
            if height[l] < height[r]:
                lmax = max(lmax, height[l])
                water += lmax - height[l]
                l += 1
            else:
                rmax = max(rmax, height[r])
                water += rmax - height[r]
                r -= 1
        return water
"""

_add(
    "trapped-rain-water", "Rain Water Trapped Between Bars", entry="trappedWater",
    signature="def trappedWater(self, height: List[int]) -> int:",
    statement="""
    height[i] is the height of a bar of width 1 at position i. After rain, water stays above a bar up to
    the lower of the highest bar on its left and the highest bar on its right. Return the total amount of
    water held.

    Example 1: height = [0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1] -> 6
    Example 2: height = [4, 2, 0, 3, 2, 5] -> 9
    Example 3: height = [] -> 0

    Constraints: 0 ≤ len(height) ≤ 3 * 10^4, 0 ≤ height[i] ≤ 10^5.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("l, r = 0, len(height) - 1", "l, r = 0, len(height) - 2")),
        "missed_edge": """
        from typing import List


        class Solution:
            def trappedWater(self, height: List[int]) -> int:
                water = 0
                for i in range(1, len(height) - 1):
                    water += min(max(height[:i]), max(height[i + 1:])) - height[i]
                return water
        """,
        "wrong_logic": """
        from typing import List


        class Solution:
            def trappedWater(self, height: List[int]) -> int:
                if not height:
                    return 0
                top = max(height)
                first = height.index(top)
                water = 0
                for i in range(first):
                    water += max(0, min(height[0], top) - height[i])
                return water
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def trappedWater(self, height: List[int]) -> int:
                water = 0
                for i in range(len(height)):
                    water += min(max(height[:i + 1]), max(height[i:])) - height[i]
                return water
        """,
    },
    edge=[([],), ([5],), ([2, 0],), ([0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1],), ([4, 2, 0, 3, 2, 5],),
          ([3, 5, 3],), ([5, 1, 1, 1],), ([2, 0, 2],), ([(i * 7919) % 1000 for i in range(30000)],)],
    gen=lambda rng: (_ints(rng, 0, 8, 0, 15),), difficulty="hard", tags=("array", "two pointers"))


R = """
def is_subsequence(s: str, t: str) -> bool:
    i = 0
    for c in t:
        if i < len(s) and s[i] == c:
            i += 1
    return i == len(s)
"""


def _g_subseq(rng):
    t = _word(rng, "abc", 0, 12)
    if t and rng.random() < 0.5:
        s = "".join(c for c in t if rng.random() < 0.5)
        if rng.random() < 0.3:
            s = s[::-1]
    else:
        s = _word(rng, "abc", 0, 5)
    return s, t


_add(
    "is-subsequence", "Is s a Subsequence of t", entry="is_subsequence", style="function",
    signature="def is_subsequence(s: str, t: str) -> bool:",
    statement="""
    Return True if s can be obtained from t by deleting zero or more characters without changing the order
    of the remaining ones, otherwise False.

    Example 1: s = "abc", t = "ahbgdc" -> True
    Example 2: s = "axc", t = "ahbgdc" -> False
    Example 3: s = "", t = "" -> True
    Example 4: s = "aa", t = "a" -> False

    Constraints: 0 ≤ len(s) ≤ 100, 0 ≤ len(t) ≤ 10^4, lowercase English letters.
    """,
    reference=R,
    wrong={
        "missed_edge": """
        def is_subsequence(s: str, t: str) -> bool:
            return all(c in t for c in s)
        """,
        "wrong_logic": """
        def is_subsequence(s: str, t: str) -> bool:
            return s in t
        """,
        "off_by_one": """
        def is_subsequence(s: str, t: str) -> bool:
            i = 0
            for c in t[:-1]:
                if i < len(s) and s[i] == c:
                    i += 1
            return i == len(s)
        """,
    },
    edge=[("", ""), ("", "abc"), ("a", ""), ("abc", "ahbgdc"), ("axc", "ahbgdc"), ("aa", "a"), ("ba", "ab"),
          ("ac", "abc")],
    gen=_g_subseq, difficulty="easy", tags=("string", "two pointers"))


R = """
from collections import Counter


class Solution:
    def minWindow(self, s: str, t: str) -> str:
        need = Counter(t)
        missing = len(t)
        left = 0
        best_len, best = len(s) + 1, (0, 0)
        for right, c in enumerate(s):
            if need[c] > 0:
                missing -= 1
            need[c] -= 1
            if missing == 0:
                while need[s[left]] < 0:
                    need[s[left]] += 1
                    left += 1
                if right - left + 1 < best_len:
                    best_len, best = right - left + 1, (left, right + 1)
                need[s[left]] += 1
                missing += 1
                left += 1
        return s[best[0]:best[1]] if best_len <= len(s) else ""
"""


def _g_minwin(rng):
    s = _word(rng, "abcd"[:rng.randint(2, 4)], 0, 14)
    return s, _word(rng, "abc", 1, 3)


_add(
    "minimum-covering-window", "Shortest Window Containing All Characters", entry="minWindow",
    signature="def minWindow(self, s: str, t: str) -> str:",
    statement="""
    Return the shortest substring of s that contains every character of t, counted with multiplicity (if t
    has two "a", the window needs at least two "a"). If several shortest windows exist return the leftmost
    one; if there is none return "".

    Example 1: s = "ADOBECODEBANC", t = "ABC" -> "BANC"
    Example 2: s = "a", t = "aa" -> ""
    Example 3: s = "abab", t = "ab" -> "ab"

    Constraints: 0 ≤ len(s) ≤ 10^5, 1 ≤ len(t) ≤ 10^5, English letters.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("(left, right + 1)", "(left, right)")),
        "wrong_logic": _sub(R, ("if right - left + 1 < best_len:", "if right - left + 1 <= best_len:")),
        "missed_edge": _sub(R, ("        need = Counter(t)\n        missing = len(t)\n",
                                "        need = Counter(set(t))\n        missing = len(set(t))\n")),
    },
    edge=[("", "a"), ("a", "a"), ("a", "aa"), ("ADOBECODEBANC", "ABC"), ("abab", "ab"), ("aab", "aa"),
          ("bba", "ab")],
    gen=_g_minwin, difficulty="hard", tags=("string", "sliding window", "hashing"))


# ---------------------------------------------------------------------------------------------------------
# math and number theory
# ---------------------------------------------------------------------------------------------------------

R = """
class Solution:
    def countPrimesBelow(self, n: int) -> int:
        if n < 3:
            return 0
        sieve = bytearray([1]) * n
        sieve[0] = sieve[1] = 0
        for i in range(2, int(n ** 0.5) + 1):
            if sieve[i]:
                sieve[i * i::i] = bytes(len(range(i * i, n, i)))
        return sum(sieve)
"""

_add(
    "count-primes-below", "Count the Primes Below n", entry="countPrimesBelow",
    signature="def countPrimesBelow(self, n: int) -> int:",
    statement="""
    Return the number of prime numbers strictly less than n.

    Example 1: n = 10 -> 4  (2, 3, 5, 7)
    Example 2: n = 0 -> 0
    Example 3: n = 3 -> 1

    Constraints: 0 ≤ n ≤ 10^6.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("        if n < 3:\n            return 0\n", "        n += 1\n        if n < 3:\n"
                               "            return 0\n")),
        "off_by_one_sqrt": _sub(R, ("range(2, int(n ** 0.5) + 1)", "range(2, int(n ** 0.5))")),
        "missed_edge": _sub(R, ("        if n < 3:\n            return 0\n", "")),
        "too_slow": """
        class Solution:
            def countPrimesBelow(self, n: int) -> int:
                count = 0
                for x in range(2, n):
                    d = 2
                    while d * d <= x:
                        if x % d == 0:
                            break
                        d += 1
                    else:
                        count += 1
                return count
        """,
    },
    edge=[(0,), (1,), (2,), (3,), (4,), (10,), (25,), (49,), (100,), (10 ** 6,)],
    gen=lambda rng: (rng.randint(0, rng.choice([30, 300, 3000])),), difficulty="medium",
    tags=("math", "number theory"))


R = """
def power_mod(a: int, b: int, m: int) -> int:
    result = 1 % m
    a %= m
    while b:
        if b & 1:
            result = result * a % m
        a = a * a % m
        b >>= 1
    return result
"""


def _g_pow(rng):
    b = rng.choice([rng.randint(0, 10), rng.randint(0, 10 ** 6), rng.randint(0, 10 ** 18)])
    return rng.randint(0, 10 ** rng.randint(1, 9)), b, rng.choice([1, 2, 7, 10, rng.randint(1, 10 ** 9)])


_add(
    "modular-power", "Modular Exponentiation", entry="power_mod", style="function",
    signature="def power_mod(a: int, b: int, m: int) -> int:",
    statement="""
    Return a^b mod m, a value in [0, m). By convention a^0 = 1 (also for a = 0). b can be huge, so
    multiplying b times is far too slow.

    Example 1: a = 2, b = 10, m = 1000 -> 24
    Example 2: a = 3, b = 0, m = 7 -> 1
    Example 3: a = 5, b = 0, m = 1 -> 0
    Example 4: a = 2, b = 10^18, m = 10^9 + 7 -> 719476260

    Constraints: 0 ≤ a ≤ 10^9, 0 ≤ b ≤ 10^18, 1 ≤ m ≤ 10^9 + 7.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("result = 1 % m", "result = 1")),
        "off_by_one": _sub(R, ("    while b:", "    while b > 1:")),
        "wrong_type": """
        import math


        def power_mod(a: int, b: int, m: int) -> int:
            return math.pow(a, b) % m
        """,
        "too_slow": """
        def power_mod(a: int, b: int, m: int) -> int:
            result = 1 % m
            for _ in range(b):
                result = result * a % m
            return result
        """,
    },
    edge=[(2, 10, 1000), (3, 0, 7), (5, 0, 1), (0, 0, 5), (0, 5, 5), (7, 1, 1), (10 ** 9, 3, 10 ** 9 + 7),
          (2, 10 ** 18, 10 ** 9 + 7)],
    gen=_g_pow, difficulty="medium", tags=("math", "bit manipulation"))


R = """
class Solution:
    def isHappy(self, n: int) -> bool:
        seen = set()
        while n != 1 and n not in seen:
            seen.add(n)
            total = 0
            while n > 0:
                total += (n % 10) ** 2
                n //= 10
            n = total
        return n == 1
"""

_add(
    "happy-number", "Happy Numbers", entry="isHappy",
    signature="def isHappy(self, n: int) -> bool:",
    statement="""
    Start from a positive integer n and repeatedly replace it by the sum of the squares of its decimal
    digits. n is happy if this process reaches 1; otherwise it loops forever in a cycle that does not
    contain 1. Return whether n is happy.

    Example 1: n = 19 -> True  (1 + 81 = 82, 64 + 4 = 68, 36 + 64 = 100, 1)
    Example 2: n = 2 -> False
    Example 3: n = 7 -> True

    Constraints: 1 ≤ n ≤ 2^31 - 1.
    """,
    reference=R,
    wrong={
        "wrong_logic": """
        class Solution:
            def isHappy(self, n: int) -> bool:
                while n >= 10:
                    n = sum(int(d) ** 2 for d in str(n))
                return n == 1
        """,
        "off_by_one": _sub(R, ("            while n > 0:", "            while n > 9:")),
        "wrong_type": _sub(R, ("return n == 1", "return int(n == 1)")),
    },
    edge=[(1,), (2,), (7,), (10,), (19,), (4,), (2 ** 31 - 1,)],
    gen=lambda rng: (rng.randint(1, rng.choice([100, 10 ** 4, 2 ** 31 - 1])),), difficulty="easy",
    tags=("math", "hashing", "simulation"))


R = """
class Solution:
    def toBase(self, num: int, base: int) -> str:
        if num == 0:
            return "0"
        digits = "0123456789abcdef"
        sign = "-" if num < 0 else ""
        num = abs(num)
        out = []
        while num:
            num, r = divmod(num, base)
            out.append(digits[r])
        return sign + "".join(reversed(out))
"""

_add(
    "integer-to-base", "Write an Integer in Base b", entry="toBase",
    signature="def toBase(self, num: int, base: int) -> str:",
    statement="""
    Write num in base `base` using the digits "0123456789abcdef" (lower case), without leading zeros.
    A negative number gets a leading "-" followed by the digits of its absolute value. Zero is "0".

    Example 1: num = 100, base = 7 -> "202"
    Example 2: num = -7, base = 2 -> "-111"
    Example 3: num = 255, base = 16 -> "ff"
    Example 4: num = 0, base = 3 -> "0"

    Constraints: -10^9 ≤ num ≤ 10^9, 2 ≤ base ≤ 16.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ('        if num == 0:\n            return "0"\n', "")),
        "missed_edge_negative": _sub(R, ('        sign = "-" if num < 0 else ""\n        num = abs(num)\n',
                                         '        sign = ""\n'), ("while num:", "while num > 0:")),
        "wrong_logic": _sub(R, ('sign + "".join(reversed(out))', 'sign + "".join(out)')),
    },
    edge=[(0, 3), (100, 7), (-7, 2), (255, 16), (1, 2), (-1, 16), (10 ** 9, 16), (-10 ** 9, 2)],
    gen=lambda rng: (rng.randint(-10 ** rng.randint(1, 9), 10 ** rng.randint(1, 9)), rng.randint(2, 16)),
    difficulty="easy", tags=("math", "string"))


R = """
class Solution:
    def nthUgly(self, n: int) -> int:
        ugly = [1]
        i2 = i3 = i5 = 0
        while len(ugly) < n:
            nxt = min(ugly[i2] * 2, ugly[i3] * 3, ugly[i5] * 5)
            ugly.append(nxt)
            if nxt == ugly[i2] * 2:
                i2 += 1
            if nxt == ugly[i3] * 3:
                i3 += 1
            if nxt == ugly[i5] * 5:
                i5 += 1
        return ugly[n - 1]
"""

_add(
    "nth-ugly-number", "The n-th Number With Prime Factors 2, 3, 5 Only", entry="nthUgly",
    signature="def nthUgly(self, n: int) -> int:",
    statement="""
    Call a positive integer ugly if it has no prime factor other than 2, 3 and 5 (1 is ugly). Return the
    n-th ugly number in increasing order (n = 1 gives 1).

    Example 1: n = 10 -> 12  (1, 2, 3, 4, 5, 6, 8, 9, 10, 12)
    Example 2: n = 1 -> 1
    Example 3: n = 7 -> 8

    Constraints: 1 ≤ n ≤ 1690.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("while len(ugly) < n:", "while len(ugly) <= n:"), ("return ugly[n - 1]",
                                                                                   "return ugly[n]")),
        "wrong_logic": _sub(R, ("            if nxt == ugly[i3] * 3:", "            elif nxt == ugly[i3] * 3:"),
                            ("            if nxt == ugly[i5] * 5:", "            elif nxt == ugly[i5] * 5:")),
        "missed_edge": _sub(R, ("ugly = [1]", "ugly = [2, 3, 4, 5]"), ("i2 = i3 = i5 = 0", "i2 = i3 = i5 = 0\n"
                                                                      "        ugly[:0] = [1]")),
        "too_slow": """
        class Solution:
            def nthUgly(self, n: int) -> int:
                count, x = 0, 0
                while count < n:
                    x += 1
                    y = x
                    for p in (2, 3, 5):
                        while y % p == 0:
                            y //= p
                    if y == 1:
                        count += 1
                return x
        """,
    },
    edge=[(1,), (2,), (7,), (10,), (11,), (1690,)],
    gen=lambda rng: (rng.randint(1, rng.choice([300, 1690])),), difficulty="medium",
    tags=("math", "dynamic programming"))


R = """
class Solution:
    def factorialTrailingZeros(self, n: int) -> int:
        count = 0
        while n:
            n //= 5
            count += n
        return count
"""

_add(
    "factorial-trailing-zeros", "Trailing Zeros of n!", entry="factorialTrailingZeros",
    signature="def factorialTrailingZeros(self, n: int) -> int:",
    statement="""
    Return the number of trailing zeros in the decimal representation of n! (n factorial, 0! = 1).

    Example 1: n = 3 -> 0  (3! = 6)
    Example 2: n = 5 -> 1  (5! = 120)
    Example 3: n = 25 -> 6
    Example 4: n = 0 -> 0

    Constraints: 0 ≤ n ≤ 10^9. Aim for logarithmic time.
    """,
    reference=R,
    wrong={
        "missed_edge": """
        class Solution:
            def factorialTrailingZeros(self, n: int) -> int:
                return n // 5
        """,
        "off_by_one": _sub(R, ("        while n:", "        while n > 5:")),
        "wrong_logic": """
        class Solution:
            def factorialTrailingZeros(self, n: int) -> int:
                count = 0
                while n:
                    n //= 10
                    count += n
                return count
        """,
        "too_slow": """
        class Solution:
            def factorialTrailingZeros(self, n: int) -> int:
                count = 0
                for i in range(5, n + 1, 5):
                    while i % 5 == 0:
                        count += 1
                        i //= 5
                return count
        """,
    },
    edge=[(0,), (3,), (5,), (24,), (25,), (125,), (10 ** 9,)],
    gen=lambda rng: (rng.randint(0, 10 ** rng.randint(1, 9)),), difficulty="easy", tags=("math",))


R = """
def fraction_to_decimal(numerator: int, denominator: int) -> str:
    if numerator == 0:
        return "0"
    sign = "-" if (numerator < 0) != (denominator < 0) else ""
    num, den = abs(numerator), abs(denominator)
    whole, rem = divmod(num, den)
    if rem == 0:
        return sign + str(whole)
    digits = []
    pos = {}
    while rem and rem not in pos:
        pos[rem] = len(digits)
        rem *= 10
        digits.append(str(rem // den))
        rem %= den
    if rem:
        i = pos[rem]
        return sign + str(whole) + "." + "".join(digits[:i]) + "(" + "".join(digits[i:]) + ")"
    return sign + str(whole) + "." + "".join(digits)
"""


def _g_frac(rng):
    den = rng.choice([1, -1]) * rng.randint(1, 40)
    return rng.randint(-60, 60), den


_add(
    "fraction-to-recurring-decimal", "Fraction to Recurring Decimal", entry="fraction_to_decimal",
    style="function",
    signature="def fraction_to_decimal(numerator: int, denominator: int) -> str:",
    statement="""
    Return the exact decimal expansion of numerator / denominator as a string. If the fractional part
    repeats, put the shortest repeating block, starting as early as possible, in parentheses. There is no
    fractional part (and no ".") when the division is exact. A negative result starts with "-"; zero is "0".

    Example 1: numerator = 1, denominator = 2 -> "0.5"
    Example 2: numerator = 4, denominator = 333 -> "0.(012)"
    Example 3: numerator = -1, denominator = 6 -> "-0.1(6)"
    Example 4: numerator = 0, denominator = -3 -> "0"
    Example 5: numerator = 7, denominator = -1 -> "-7"

    Constraints: -2^31 ≤ numerator ≤ 2^31 - 1, 1 ≤ |denominator| ≤ 1000.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ('sign = "-" if (numerator < 0) != (denominator < 0) else ""',
                                'sign = "-" if numerator < 0 else ""')),
        "missed_edge_zero": _sub(R, ('    if numerator == 0:\n        return "0"\n', "")),
        "off_by_one": _sub(R, ('"".join(digits[:i]) + "(" + "".join(digits[i:])',
                               '"".join(digits[:i + 1]) + "(" + "".join(digits[i + 1:])')),
        "wrong_type": """
        def fraction_to_decimal(numerator: int, denominator: int) -> str:
            return numerator / denominator
        """,
    },
    edge=[(1, 2), (2, 1), (4, 333), (-1, 6), (0, -3), (7, -1), (1, 7), (-50, 8), (22, 7), (-2 ** 31, -1),
          (1, 997), (2 ** 31 - 1, -1000)],
    gen=_g_frac, difficulty="medium", tags=("math", "hashing", "string"))


# ---------------------------------------------------------------------------------------------------------
# bit manipulation
# ---------------------------------------------------------------------------------------------------------

R = """
from typing import List


class Solution:
    def bitCounts(self, n: int) -> List[int]:
        out = [0] * (n + 1)
        for i in range(1, n + 1):
            out[i] = out[i >> 1] + (i & 1)
        return out
"""

_add(
    "bit-count-table", "Set Bits of 0..n", entry="bitCounts",
    signature="def bitCounts(self, n: int) -> List[int]:",
    statement="""
    Return a list of n + 1 integers whose i-th element is the number of 1 bits in the binary form of i, for
    i = 0, 1, ..., n. Aim for O(n) time.

    Example 1: n = 2 -> [0, 1, 1]
    Example 2: n = 5 -> [0, 1, 1, 2, 1, 2]
    Example 3: n = 0 -> [0]

    Constraints: 0 ≤ n ≤ 10^5.
    """,
    reference=R,
    wrong={
        "off_by_one": """
        from typing import List


        class Solution:
            def bitCounts(self, n: int) -> List[int]:
                return [bin(i).count("1") for i in range(n)]
        """,
        "wrong_logic": _sub(R, ("out[i >> 1] + (i & 1)", "out[i >> 1] + 1")),
        "missed_edge": """
        from typing import List


        class Solution:
            def bitCounts(self, n: int) -> List[int]:
                out = [0, 1]
                for i in range(2, n + 1):
                    out.append(out[i >> 1] + (i & 1))
                return out
        """,
    },
    edge=[(0,), (1,), (2,), (5,), (16,)],
    gen=lambda rng: (rng.randint(0, 600),), difficulty="easy", tags=("bit manipulation", "dynamic programming"))


R = """
def reverse_bits(n: int) -> int:
    result = 0
    for _ in range(32):
        result = (result << 1) | (n & 1)
        n >>= 1
    return result
"""


def _g_revbits(rng):
    return (rng.choice([rng.randint(0, 255), rng.getrandbits(32), rng.getrandbits(rng.randint(1, 32))]),)


_add(
    "reverse-32-bits", "Reverse the Bits of a 32-bit Integer", entry="reverse_bits", style="function",
    signature="def reverse_bits(n: int) -> int:",
    statement="""
    n is an unsigned 32-bit integer. Write it with exactly 32 binary digits (leading zeros included),
    reverse the order of the digits and return the resulting unsigned integer.

    Example 1: n = 1 -> 2147483648
    Example 2: n = 43261596 -> 964176192
    Example 3: n = 4294967293 -> 3221225471

    Constraints: 0 ≤ n ≤ 2^32 - 1.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("range(32)", "range(31)")),
        "missed_edge": """
        def reverse_bits(n: int) -> int:
            return int(bin(n)[2:][::-1], 2)
        """,
        "wrong_type": """
        def reverse_bits(n: int) -> int:
            return format(n, "032b")[::-1]
        """,
    },
    edge=[(0,), (1,), (2 ** 32 - 1,), (43261596,), (4294967293,), (2 ** 31,), (6,)],
    gen=_g_revbits, difficulty="easy", tags=("bit manipulation",))


R = """
from typing import List


class Solution:
    def singleAmongTriples(self, nums: List[int]) -> int:
        ones = twos = 0
        for x in nums:
            ones = (ones ^ x) & ~twos
            twos = (twos ^ x) & ~ones
        return ones
"""


def _g_triple(rng):
    vals = rng.sample(range(-50, 51), rng.randint(1, 6))
    nums = [vals[0]] + [v for v in vals[1:] for _ in range(3)]
    rng.shuffle(nums)
    return (nums,)


_add(
    "single-among-triples", "The Element That Is Not Tripled", entry="singleAmongTriples",
    signature="def singleAmongTriples(self, nums: List[int]) -> int:",
    statement="""
    In nums every value occurs exactly three times, except one value that occurs exactly once. Return that
    value. Aim for O(n) time and O(1) extra space.

    Example 1: nums = [2, 2, 3, 2] -> 3
    Example 2: nums = [0, 1, 0, 1, 0, 1, 99] -> 99
    Example 3: nums = [-4, 7, 7, 7] -> -4

    Constraints: 1 ≤ len(nums) ≤ 3 * 10^4, -2^31 ≤ nums[i] ≤ 2^31 - 1.
    """,
    reference=R,
    wrong={
        "missed_edge": """
        from typing import List


        class Solution:
            def singleAmongTriples(self, nums: List[int]) -> int:
                result = 0
                for bit in range(32):
                    count = sum((x >> bit) & 1 for x in nums)
                    if count % 3:
                        result |= 1 << bit
                return result
        """,
        "wrong_logic": """
        from functools import reduce
        from operator import xor
        from typing import List


        class Solution:
            def singleAmongTriples(self, nums: List[int]) -> int:
                return reduce(xor, nums)
        """,
        "wrong_type": """
        from typing import List


        class Solution:
            def singleAmongTriples(self, nums: List[int]) -> int:
                return (3 * sum(set(nums)) - sum(nums)) / 2
        """,
    },
    edge=[([5],), ([-1],), ([2, 2, 3, 2],), ([0, 1, 0, 1, 0, 1, 99],), ([-4, 7, 7, 7],),
          ([-2 ** 31, 3, 3, 3],), ([0, -5, -5, -5],)],
    gen=_g_triple, difficulty="medium", tags=("bit manipulation", "array"))


R = """
from typing import List


class Solution:
    def maxPairXor(self, nums: List[int]) -> int:
        best = mask = 0
        for bit in range(30, -1, -1):
            mask |= 1 << bit
            prefixes = {x & mask for x in nums}
            cand = best | (1 << bit)
            if any(cand ^ p in prefixes for p in prefixes):
                best = cand
        return best
"""


def _g_xor(rng):
    bits = rng.choice([4, 8, 31])
    return ([rng.getrandbits(bits) for _ in range(rng.randint(1, 15))],)


_add(
    "maximum-pair-xor", "Largest XOR of Two Elements", entry="maxPairXor",
    signature="def maxPairXor(self, nums: List[int]) -> int:",
    statement="""
    Return the largest value of nums[i] XOR nums[j] over all 0 ≤ i ≤ j < len(nums) (i = j is allowed, so the
    answer is at least 0). Aim for about O(31 n) time.

    Example 1: nums = [3, 10, 5, 25, 2, 8] -> 28  (5 XOR 25)
    Example 2: nums = [7] -> 0
    Example 3: nums = [14, 70, 53, 83, 49, 91, 36, 80, 92, 51, 66, 70] -> 127

    Constraints: 1 ≤ len(nums) ≤ 2 * 10^5, 0 ≤ nums[i] ≤ 2^31 - 1.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("range(30, -1, -1)", "range(29, -1, -1)")),
        "wrong_logic": """
        from typing import List


        class Solution:
            def maxPairXor(self, nums: List[int]) -> int:
                return max(nums) ^ min(nums)
        """,
        "wrong_logic_top_two": """
        from typing import List


        class Solution:
            def maxPairXor(self, nums: List[int]) -> int:
                top = sorted(nums)[-2:]
                return top[0] ^ top[-1]
        """,
    },
    edge=[([7],), ([0, 0],), ([3, 10, 5, 25, 2, 8],), ([14, 70, 53, 83, 49, 91, 36, 80, 92, 51, 66, 70],),
          ([2 ** 31 - 1, 0],), ([2 ** 30, 2 ** 30 - 1],), ([8, 9, 1],)],
    gen=_g_xor, difficulty="hard", tags=("bit manipulation", "hashing"))


R = """
class Solution:
    def rangeAnd(self, left: int, right: int) -> int:
        shift = 0
        while left != right:
            left >>= 1
            right >>= 1
            shift += 1
        return left << shift
"""


def _g_rand(rng):
    a = rng.getrandbits(rng.choice([4, 10, 31]))
    return a, min(2 ** 31 - 1, a + rng.choice([0, 1, rng.randint(0, 20), rng.getrandbits(rng.randint(1, 31))]))


_add(
    "bitwise-and-of-range", "Bitwise AND of a Range", entry="rangeAnd",
    signature="def rangeAnd(self, left: int, right: int) -> int:",
    statement="""
    Return the bitwise AND of all integers in the inclusive range [left, right].

    Example 1: left = 5, right = 7 -> 4
    Example 2: left = 0, right = 0 -> 0
    Example 3: left = 1, right = 2147483647 -> 0
    Example 4: left = 12, right = 15 -> 12

    Constraints: 0 ≤ left ≤ right ≤ 2^31 - 1. The range can be huge: do not loop over it.
    """,
    reference=R,
    wrong={
        "wrong_logic": """
        class Solution:
            def rangeAnd(self, left: int, right: int) -> int:
                return left & right
        """,
        "off_by_one": """
        class Solution:
            def rangeAnd(self, left: int, right: int) -> int:
                d = (left ^ right).bit_length()
                return left & ~((1 << (d - 1)) - 1)
        """,
        "wrong_logic_top_bit": """
        class Solution:
            def rangeAnd(self, left: int, right: int) -> int:
                if left == 0:
                    return 0
                top = 1 << (left.bit_length() - 1)
                return top if right < 2 * top else 0
        """,
        "too_slow": """
        class Solution:
            def rangeAnd(self, left: int, right: int) -> int:
                result = left
                for x in range(left + 1, right + 1):
                    result &= x
                    if result == 0:
                        break
                return result
        """,
    },
    edge=[(5, 7), (0, 0), (1, 2147483647), (12, 15), (6, 7), (8, 8), (2 ** 30, 2 ** 31 - 1)],
    gen=_g_rand, difficulty="medium", tags=("bit manipulation",))


R = """
from typing import List


class Solution:
    def totalHamming(self, nums: List[int]) -> int:
        n = len(nums)
        total = 0
        for bit in range(30):
            ones = sum((x >> bit) & 1 for x in nums)
            total += ones * (n - ones)
        return total
"""


def _g_ham(rng):
    bits = rng.choice([3, 8, 30])
    return ([rng.getrandbits(bits) for _ in range(rng.randint(0, 12))],)


_add(
    "total-hamming-distance", "Sum of Hamming Distances Over All Pairs", entry="totalHamming",
    signature="def totalHamming(self, nums: List[int]) -> int:",
    statement="""
    The Hamming distance of two integers is the number of bit positions where they differ. Return the sum
    of the Hamming distances of all unordered pairs {nums[i], nums[j]} with i < j.

    Example 1: nums = [4, 14, 2] -> 6
    Example 2: nums = [4, 14, 4] -> 4
    Example 3: nums = [1] -> 0

    Constraints: 0 ≤ len(nums) ≤ 10^4, 0 ≤ nums[i] < 2^30. Aim for about O(30 n) time.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("range(30)", "range(29)")),
        "wrong_logic": _sub(R, ("total += ones * (n - ones)", "total += ones * (n - ones) * 2")),
        "missed_edge": """
        from typing import List


        class Solution:
            def totalHamming(self, nums: List[int]) -> int:
                return sum(bin(a ^ b).count("1") for a, b in zip(nums, nums[1:]))
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def totalHamming(self, nums: List[int]) -> int:
                total = 0
                for i in range(len(nums)):
                    for j in range(i + 1, len(nums)):
                        total += bin(nums[i] ^ nums[j]).count("1")
                return total
        """,
    },
    edge=[([],), ([1],), ([4, 14, 2],), ([4, 14, 4],), ([0, 10 ** 9],), ([7, 7],),
          ([(i * 2654435761) % (10 ** 9) for i in range(5000)],)],
    gen=_g_ham, difficulty="medium", tags=("bit manipulation", "math"))


# ---------------------------------------------------------------------------------------------------------
# sorting
# ---------------------------------------------------------------------------------------------------------

R = """
from functools import cmp_to_key
from typing import List


def largest_number(nums: List[int]) -> str:
    parts = [str(x) for x in nums]
    parts.sort(key=cmp_to_key(lambda a, b: -1 if a + b > b + a else (1 if a + b < b + a else 0)))
    out = "".join(parts)
    return "0" if out[0] == "0" else out
"""


def _g_largest(rng):
    return ([rng.choice([rng.randint(0, 9), rng.randint(0, 99), rng.randint(0, 1000), 0])
             for _ in range(rng.randint(1, 8))],)


_add(
    "largest-concatenated-number", "Largest Number From Concatenation", entry="largest_number",
    style="function",
    signature="def largest_number(nums: List[int]) -> str:",
    statement="""
    Arrange the non-negative integers of nums in some order and concatenate their decimal forms. Return the
    largest number that can be formed, as a string without leading zeros ("0" if it is zero).

    Example 1: nums = [10, 2] -> "210"
    Example 2: nums = [3, 30, 34, 5, 9] -> "9534330"
    Example 3: nums = [0, 0] -> "0"

    Constraints: 1 ≤ len(nums) ≤ 100, 0 ≤ nums[i] ≤ 10^9.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ('return "0" if out[0] == "0" else out', "return out")),
        "wrong_logic": """
        from typing import List


        def largest_number(nums: List[int]) -> str:
            out = "".join(sorted(map(str, nums), reverse=True))
            return "0" if out[0] == "0" else out
        """,
        "wrong_type": _sub(R, ('return "0" if out[0] == "0" else out', "return int(out)")),
    },
    edge=[([0],), ([0, 0],), ([10, 2],), ([3, 30, 34, 5, 9],), ([1],), ([121, 12],), ([0, 0, 1],),
          ([1000000000, 9],)],
    gen=_g_largest, difficulty="medium", tags=("sorting", "string", "greedy"))


R = """
from typing import List


class Solution:
    def hIndex(self, citations: List[int]) -> int:
        h = 0
        for i, c in enumerate(sorted(citations, reverse=True)):
            if c >= i + 1:
                h = i + 1
            else:
                break
        return h
"""

_add(
    "h-index", "Citation h-Index", entry="hIndex",
    signature="def hIndex(self, citations: List[int]) -> int:",
    statement="""
    citations[i] is the number of citations of a researcher's i-th paper. The h-index is the largest h such
    that at least h papers have at least h citations each. Return it.

    Example 1: citations = [3, 0, 6, 1, 5] -> 3
    Example 2: citations = [1, 3, 1] -> 1
    Example 3: citations = [0] -> 0
    Example 4: citations = [] -> 0

    Constraints: 0 ≤ len(citations) ≤ 10^5, 0 ≤ citations[i] ≤ 10^4.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("if c >= i + 1:", "if c > i + 1:")),
        "wrong_logic": _sub(R, ("sorted(citations, reverse=True)", "sorted(citations)")),
        "missed_edge": """
        from typing import List


        class Solution:
            def hIndex(self, citations: List[int]) -> int:
                return min(len(citations), max(citations))
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def hIndex(self, citations: List[int]) -> int:
                for h in range(len(citations), 0, -1):
                    if sum(1 for c in citations if c >= h) >= h:
                        return h
                return 0
        """,
    },
    edge=[([],), ([0],), ([5],), ([3, 0, 6, 1, 5],), ([1, 3, 1],), ([100, 100],), ([0, 0, 4, 4],),
          ([0] * 20000,)],
    gen=lambda rng: (_ints(rng, 0, rng.choice([3, 10, 30]), 0, 12),), difficulty="medium",
    tags=("sorting", "array"))


R = """
from typing import List


class Solution:
    def closestPairs(self, nums: List[int]) -> List[List[int]]:
        a = sorted(nums)
        best = min(a[i] - a[i - 1] for i in range(1, len(a)))
        return [[a[i - 1], a[i]] for i in range(1, len(a)) if a[i] - a[i - 1] == best]
"""

_add(
    "closest-value-pairs", "All Pairs at the Minimum Distance", entry="closestPairs",
    signature="def closestPairs(self, nums: List[int]) -> List[List[int]]:",
    statement="""
    nums holds distinct integers. Let d be the smallest absolute difference between two of them. Return
    every pair [a, b] with a < b and b - a == d, sorted by a in increasing order.

    Example 1: nums = [4, 2, 1, 3] -> [[1, 2], [2, 3], [3, 4]]
    Example 2: nums = [1, 3, 6, 10, 15] -> [[1, 3]]
    Example 3: nums = [3, 8, -10, 23, 19, -4, -14, 27] -> [[-14, -10], [19, 23], [23, 27]]

    Constraints: 2 ≤ len(nums) ≤ 10^5, -10^6 ≤ nums[i] ≤ 10^6, all distinct.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("for i in range(1, len(a)) if", "for i in range(1, len(a) - 1) if")),
        "wrong_logic": """
        from typing import List


        class Solution:
            def closestPairs(self, nums: List[int]) -> List[List[int]]:
                best = min(abs(nums[i] - nums[i - 1]) for i in range(1, len(nums)))
                pairs = [sorted([nums[i - 1], nums[i]]) for i in range(1, len(nums))
                         if abs(nums[i] - nums[i - 1]) == best]
                return sorted(pairs)
        """,
        "missed_edge": """
        from typing import List


        class Solution:
            def closestPairs(self, nums: List[int]) -> List[List[int]]:
                a = sorted(nums)
                best = None
                for i in range(1, len(a)):
                    if best is None or a[i] - a[i - 1] < best[1] - best[0]:
                        best = [a[i - 1], a[i]]
                return [best]
        """,
    },
    edge=[([1, 2],), ([2, 1],), ([4, 2, 1, 3],), ([1, 3, 6, 10, 15],), ([3, 8, -10, 23, 19, -4, -14, 27],),
          ([-1, 1, 3],), ([10, 0, 20],)],
    gen=lambda rng: (rng.sample(range(-30, 31), rng.randint(2, 12)),), difficulty="easy",
    tags=("sorting", "array"))


R = """
from collections import Counter


def sort_by_frequency(s: str) -> str:
    counts = Counter(s)
    order = sorted(counts, key=lambda c: (-counts[c], c))
    return "".join(c * counts[c] for c in order)
"""

_add(
    "sort-chars-by-frequency", "Sort Characters by Frequency", entry="sort_by_frequency", style="function",
    signature="def sort_by_frequency(s: str) -> str:",
    statement="""
    Rearrange the characters of s so that all copies of a character are together, characters that occur
    more often come first, and characters with the same count are ordered by their ASCII code (smaller
    first). Return the result.

    Example 1: s = "tree" -> "eert"
    Example 2: s = "cccaaa" -> "aaaccc"
    Example 3: s = "Aabb" -> "bbAa"

    Constraints: 0 ≤ len(s) ≤ 5 * 10^5, upper- and lower-case English letters and digits.
    """,
    reference=R,
    wrong={
        "missed_edge": """
        from collections import Counter


        def sort_by_frequency(s: str) -> str:
            return "".join(c * k for c, k in Counter(s).most_common())
        """,
        "wrong_logic": _sub(R, ("key=lambda c: (-counts[c], c)", "key=lambda c: (counts[c], c)")),
        "wrong_type": _sub(R, ('return "".join(c * counts[c] for c in order)',
                               "return [c * counts[c] for c in order]")),
    },
    edge=[("",), ("a",), ("tree",), ("cccaaa",), ("Aabb",), ("ba",), ("112a",)],
    gen=lambda rng: (_word(rng, "abcAB12"[:rng.randint(2, 7)], 0, 14),), difficulty="medium",
    tags=("sorting", "hashing", "string"))


R = """
from typing import List


class Solution:
    def countInversions(self, nums: List[int]) -> int:
        def sort(a):
            if len(a) <= 1:
                return a, 0
            mid = len(a) // 2
            left, x = sort(a[:mid])
            right, y = sort(a[mid:])
            merged, count = [], x + y
            i = j = 0
            while i < len(left) and j < len(right):
                if left[i] <= right[j]:
                    merged.append(left[i])
                    i += 1
                else:
                    merged.append(right[j])
                    j += 1
                    count += len(left) - i
            merged.extend(left[i:])
            merged.extend(right[j:])
            return merged, count

        return sort(nums)[1]
"""

_add(
    "count-inversions", "Count Inversions", entry="countInversions",
    signature="def countInversions(self, nums: List[int]) -> int:",
    statement="""
    An inversion is a pair of indices i < j with nums[i] > nums[j] (equal values are not an inversion).
    Return the number of inversions of nums. Aim for O(n log n) time.

    Example 1: nums = [2, 4, 1, 3, 5] -> 3  ((2, 1), (4, 1), (4, 3))
    Example 2: nums = [1, 1, 1] -> 0
    Example 3: nums = [5, 4, 3, 2, 1] -> 10

    Constraints: 0 ≤ len(nums) ≤ 10^5, -10^9 ≤ nums[i] ≤ 10^9.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("if left[i] <= right[j]:", "if left[i] < right[j]:")),
        "off_by_one": _sub(R, ("count += len(left) - i", "count += len(left) - i - 1")),
        "wrong_logic": """
        from typing import List


        class Solution:
            def countInversions(self, nums: List[int]) -> int:
                return sum(1 for i in range(1, len(nums)) if nums[i - 1] > nums[i])
        """,
        "too_slow": """
        from typing import List


        class Solution:
            def countInversions(self, nums: List[int]) -> int:
                count = 0
                for i in range(len(nums)):
                    for j in range(i + 1, len(nums)):
                        if nums[i] > nums[j]:
                            count += 1
                return count
        """,
    },
    edge=[([],), ([1],), ([2, 4, 1, 3, 5],), ([1, 1, 1],), ([5, 4, 3, 2, 1],), ([2, 1, 2, 1],),
          ([-1, -2],), ([(i * 7919) % 10007 for i in range(10000)],)],
    gen=lambda rng: (_ints(rng, -5, rng.choice([5, 50]), 0, 15),), difficulty="hard",
    tags=("sorting", "divide and conquer", "array"))


R = """
from typing import List


def relative_sort(arr1: List[int], arr2: List[int]) -> List[int]:
    rank = {x: i for i, x in enumerate(arr2)}
    return sorted(arr1, key=lambda x: (rank.get(x, len(arr2)), x))
"""


def _g_relsort(rng):
    arr2 = rng.sample(range(0, 15), rng.randint(0, 6))
    return _ints(rng, 0, 14, 0, 14), arr2


_add(
    "relative-sort", "Sort by Another Array's Order", entry="relative_sort", style="function",
    signature="def relative_sort(arr1: List[int], arr2: List[int]) -> List[int]:",
    statement="""
    arr2 holds distinct values. Sort arr1 so that values that occur in arr2 come first, in the order in
    which they appear in arr2 (with all their copies), followed by the values that do not occur in arr2 in
    increasing order. Return the sorted list.

    Example 1: arr1 = [2, 3, 1, 3, 2, 4, 6, 7, 9, 2, 19], arr2 = [2, 1, 4, 3, 9, 6]
               -> [2, 2, 2, 1, 4, 3, 3, 9, 6, 7, 19]
    Example 2: arr1 = [28, 6, 22, 8, 44, 17], arr2 = [22, 28, 8, 6] -> [22, 28, 8, 6, 17, 44]
    Example 3: arr1 = [5, 1], arr2 = [] -> [1, 5]

    Constraints: 0 ≤ len(arr1), len(arr2) ≤ 1000, 0 ≤ arr1[i], arr2[i] ≤ 1000, arr2 distinct (its values
    need not occur in arr1).
    """,
    reference=R,
    wrong={
        "missed_edge": """
        from typing import List


        def relative_sort(arr1: List[int], arr2: List[int]) -> List[int]:
            head = [x for y in arr2 for x in arr1 if x == y]
            tail = [x for x in arr1 if x not in arr2]
            return head + tail
        """,
        "wrong_logic": """
        from typing import List


        def relative_sort(arr1: List[int], arr2: List[int]) -> List[int]:
            head = [y for y in arr2 if y in arr1]
            tail = sorted(x for x in arr1 if x not in arr2)
            return head + tail
        """,
        "wrong_logic_extras_first": _sub(R, ("rank.get(x, len(arr2))", "rank.get(x, -1)")),
    },
    edge=[([], []), ([5, 1], []), ([], [1, 2]), ([2, 3, 1, 3, 2, 4, 6, 7, 9, 2, 19], [2, 1, 4, 3, 9, 6]),
          ([28, 6, 22, 8, 44, 17], [22, 28, 8, 6]), ([3, 3, 1], [3]), ([1, 2], [5])],
    gen=_g_relsort, difficulty="easy", tags=("sorting", "hashing"))


# ---------------------------------------------------------------------------------------------------------
# simulation
# ---------------------------------------------------------------------------------------------------------

R = """
class Solution:
    def staysBounded(self, instructions: str) -> bool:
        x = y = 0
        dx, dy = 0, 1
        for c in instructions:
            if c == "G":
                x, y = x + dx, y + dy
            elif c == "L":
                dx, dy = -dy, dx
            else:
                dx, dy = dy, -dx
        return (x, y) == (0, 0) or (dx, dy) != (0, 1)
"""

_add(
    "robot-stays-bounded", "Does the Robot Stay Near Home", entry="staysBounded",
    signature="def staysBounded(self, instructions: str) -> bool:",
    statement="""
    A robot starts at (0, 0) facing north and repeats the instructions forever: "G" moves one step
    forward, "L" turns 90 degrees left and "R" turns 90 degrees right. Return True if the robot never leaves
    some circle around the origin, False if it drifts away without bound.

    Example 1: instructions = "GGLLGG" -> True
    Example 2: instructions = "GG" -> False
    Example 3: instructions = "GL" -> True
    Example 4: instructions = "" -> True

    Constraints: 0 ≤ len(instructions) ≤ 100, characters "G", "L", "R".
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("return (x, y) == (0, 0) or (dx, dy) != (0, 1)", "return (x, y) == (0, 0)")),
        "wrong_logic": _sub(R, ("return (x, y) == (0, 0) or (dx, dy) != (0, 1)", "return (dx, dy) != (0, 1)")),
        "off_by_one": """
        class Solution:
            def staysBounded(self, instructions: str) -> bool:
                x = y = 0
                dx, dy = 0, 1
                for c in instructions * 2:
                    if c == "G":
                        x, y = x + dx, y + dy
                    elif c == "L":
                        dx, dy = -dy, dx
                    else:
                        dx, dy = dy, -dx
                return (x, y) == (0, 0)
        """,
    },
    edge=[("",), ("G",), ("L",), ("GG",), ("GL",), ("GGLLGG",), ("GLGLGGLGL",), ("GRGRGRG",)],
    gen=lambda rng: (_word(rng, "GGLR", 0, 10),), difficulty="medium", tags=("simulation", "math"))


R = """
def josephus_winner(n: int, k: int) -> int:
    pos = 0
    for size in range(2, n + 1):
        pos = (pos + k) % size
    return pos + 1
"""

_add(
    "josephus-circle-winner", "Last Friend Standing in a Counting Circle", entry="josephus_winner",
    style="function",
    signature="def josephus_winner(n: int, k: int) -> int:",
    statement="""
    n friends numbered 1..n sit in a circle. Starting from friend 1, count k friends clockwise (the starting
    friend counts as 1); the k-th friend leaves the circle. Counting restarts at the friend right after the
    one who left. Repeat until one friend remains and return that friend's number.

    Example 1: n = 5, k = 2 -> 3  (2, 4, 1, 5 leave in that order)
    Example 2: n = 6, k = 5 -> 1
    Example 3: n = 1, k = 3 -> 1

    Constraints: 1 ≤ n ≤ 10^5, 1 ≤ k ≤ 10^5.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("return pos + 1", "return pos")),
        "off_by_one_range": _sub(R, ("range(2, n + 1)", "range(2, n)")),
        "wrong_logic": _sub(R, ("pos = (pos + k) % size", "pos = (pos + k - 1) % size")),
        "too_slow": """
        def josephus_winner(n: int, k: int) -> int:
            alive = [True] * n
            pos, remaining = -1, n
            while remaining > 1:
                steps = 0
                while steps < k:
                    pos = (pos + 1) % n
                    if alive[pos]:
                        steps += 1
                alive[pos] = False
                remaining -= 1
            return alive.index(True) + 1
        """,
    },
    edge=[(1, 1), (1, 3), (2, 1), (2, 2), (5, 2), (6, 5), (7, 1), (100000, 100000)],
    gen=lambda rng: (rng.randint(1, 60), rng.randint(1, 12)), difficulty="medium",
    tags=("simulation", "math"))


R = """
from typing import List


class Solution:
    def plusOne(self, digits: List[int]) -> List[int]:
        out = digits[:]
        for i in range(len(out) - 1, -1, -1):
            if out[i] < 9:
                out[i] += 1
                return out
            out[i] = 0
        return [1] + out
"""


def _g_plus(rng):
    n = rng.randint(1, 12)
    digits = [rng.choice([9, 9, rng.randint(0, 9)]) for _ in range(n)]
    if digits[0] == 0 and n > 1:
        digits[0] = rng.randint(1, 9)
    return (digits,)


_add(
    "plus-one-digits", "Add One to a Digit List", entry="plusOne",
    signature="def plusOne(self, digits: List[int]) -> List[int]:",
    statement="""
    digits holds the decimal digits of a non-negative integer, most significant first, without leading
    zeros (except the number 0 itself, [0]). Return the digits of that integer plus one, in the same form.

    Example 1: digits = [1, 2, 3] -> [1, 2, 4]
    Example 2: digits = [9, 9] -> [1, 0, 0]
    Example 3: digits = [0] -> [1]

    Constraints: 1 ≤ len(digits) ≤ 100.
    """,
    reference=R,
    wrong={
        "missed_edge": _sub(R, ("return [1] + out", "return out")),
        "off_by_one": _sub(R, ("range(len(out) - 1, -1, -1)", "range(len(out) - 1, 0, -1)")),
        "wrong_type": """
        from typing import List


        class Solution:
            def plusOne(self, digits: List[int]) -> List[int]:
                return int("".join(map(str, digits))) + 1
        """,
    },
    edge=[([0],), ([9],), ([1, 2, 3],), ([9, 9],), ([1, 9],), ([8, 9, 9],), ([9] * 100,)],
    gen=_g_plus, difficulty="easy", tags=("array", "math", "simulation"))


R = """
class Solution:
    def stepsToOne(self, s: str) -> int:
        steps = carry = 0
        for i in range(len(s) - 1, 0, -1):
            bit = int(s[i]) + carry
            if bit == 1:
                steps += 2
                carry = 1
            else:
                steps += 1
        return steps + carry
"""


def _g_steps(rng):
    return ("1" + _word(rng, "01", 0, rng.choice([6, 20, 60])),)


_add(
    "binary-steps-to-one", "Steps to Reduce a Binary Number to One", entry="stepsToOne",
    signature="def stepsToOne(self, s: str) -> int:",
    statement="""
    s is the binary form of a positive integer (no leading zeros). While the number is not 1: if it is even,
    halve it; if it is odd, add 1. Return the number of steps. s can be long, far beyond 64 bits.

    Example 1: s = "1101" -> 6  (13 -> 14 -> 7 -> 8 -> 4 -> 2 -> 1)
    Example 2: s = "10" -> 1
    Example 3: s = "1" -> 0

    Constraints: 1 ≤ len(s) ≤ 500.
    """,
    reference=R,
    wrong={
        "off_by_one": _sub(R, ("range(len(s) - 1, 0, -1)", "range(len(s) - 1, -1, -1)")),
        "missed_edge": _sub(R, ("return steps + carry", "return steps")),
        "wrong_logic": """
        class Solution:
            def stepsToOne(self, s: str) -> int:
                return len(s) - 1 + s[1:].count("1")
        """,
    },
    edge=[("1",), ("10",), ("11",), ("1101",), ("111",), ("1000",), ("1" * 500,), ("1" + "0" * 499,)],
    gen=_g_steps, difficulty="medium", tags=("bit manipulation", "string", "simulation"))


del R, _RLE_FLUSH  # the reference sources live on in PROBLEMS
