"""Seed verifiers against hand-written drawings, parametric similarity, and the raster helpers."""
from __future__ import annotations

import colorsys
import json
import math
import re
import struct
import zlib

import numpy as np
import pytest

pytest.importorskip("skia")
pytest.importorskip("svgelements")

from envs.svg import raster as rs  # noqa: E402
from envs.svg.examples import EXAMPLES  # noqa: E402
from envs.svg.sanitize import sanitize  # noqa: E402
from envs.svg.tasks import SEED_TASKS, prompt, shapes_reference, shapes_spec, similarity  # noqa: E402
from envs.svg.worker import evaluate  # noqa: E402

ISSUE_TASKS = ["hexagon", "trapezoid", "dashed_square", "light_green_ellipse", "cross", "mercedes", "bmw", "ground",
               "star", "hexagram", "gear", "no_entry", "rating", "wifi3", "wifi4", "battery", "first_aid", "dollar",
               "yuan", "landscape", "line_chart", "skyline", "clock"]


def score(task: str, svg: str, resolution: int = 256) -> float:
    head, _ = evaluate(svg, json.dumps({"task": task, "lang": "en"}), resolution)
    assert head["status"] == "ok", head
    return head["score"]


def test_the_23_seed_tasks_have_prompts_in_both_languages_and_examples():
    assert sorted(SEED_TASKS) == sorted(ISSUE_TASKS)
    for task in ISSUE_TASKS:
        en = prompt({"task": task, "lang": "en"})
        zh = prompt({"task": task, "lang": "zh"})
        assert "svg" in en.lower() and re.search(r"[\u4e00-\u9fff]", zh) and en != zh
        ex = EXAMPLES[task]
        assert len(ex["correct"]) >= 3 and len(ex["near_miss"]) >= 3


@pytest.mark.parametrize("task", ISSUE_TASKS)
def test_correct_drawings_score_high_and_near_misses_low(task):
    ex = EXAMPLES[task]
    correct = [score(task, svg) for svg in ex["correct"]]
    missed = {what: score(task, svg) for what, svg in ex["near_miss"]}
    assert min(correct) >= 0.9, correct
    assert max(missed.values()) <= 0.5, missed


@pytest.mark.parametrize("task", ["hexagon", "star", "cross", "no_entry", "clock", "battery"])
def test_verifiers_do_not_depend_on_notation(task):
    """The same drawing under a viewBox change and an outer transform scores the same way."""
    svg = EXAMPLES[task]["correct"][0]
    body = svg[svg.index(">") + 1:svg.rindex("</svg>")]
    vb = re.search(r'viewBox="([^"]+)"', svg).group(1)
    x, y, w, h = (float(v) for v in vb.split())
    moved = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x * 2 - 30} {y * 2 + 40} {w * 2} {h * 2}">'
             f'<g transform="translate(-30 40) scale(2)">{body}</g></svg>')
    assert score(task, moved) >= 0.9


def test_scores_are_bounded_and_blank_drawings_score_zero():
    blank = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"></svg>'
    for task in ISSUE_TASKS:
        assert score(task, blank, 64) <= 0.05


# ------------------------------------------------------------------------------------------- parametric
def test_parametric_tasks_are_seeded_and_valid():
    assert shapes_spec(3) == shapes_spec(3) and shapes_spec(3) != shapes_spec(4)
    for seed in range(50):
        specs = shapes_spec(seed)
        assert 1 <= len(specs) <= 3
        text = prompt({"task": "shapes", "seed": seed, "lang": "en"})
        for s in specs:
            assert s["hex"] in text
        sanitize(shapes_reference(seed))


def test_similarity_of_the_reference_is_one_and_falls_with_distance():
    state = json.dumps({"task": "shapes", "seed": 5, "lang": "en"})
    ref = shapes_reference(5)
    head, _ = evaluate(ref, state, 128)
    assert head["score"] == pytest.approx(1.0)
    from envs.svg.env import _shape_candidates

    got = {label: evaluate(svg, state, 256)[0]["score"] for label, svg in _shape_candidates(5)}
    assert got["near_miss:shift1"] > got["near_miss:shift5"]
    assert all(v >= 0.99 for k, v in got.items() if k == "correct")
    assert max(v for k, v in got.items() if k.startswith("near_miss")) < 0.99


def test_similarity_definition():
    a = np.full((8, 8, 3), 255, np.uint8)
    assert similarity(a, a)[0] == 1.0
    b = a.copy()
    b[:4] = (255, 0, 0)
    c = a.copy()
    c[4:] = (255, 0, 0)
    s, parts = similarity(b, c)
    assert parts == {"iou": 0.0, "colour": 0.0} and s == 0.0
    d = a.copy()
    d[:4] = (250, 10, 10)  # same ink, colour within tolerance
    assert similarity(b, d)[0] == 1.0
    e = a.copy()
    e[:4] = (0, 0, 255)  # same ink, other colour
    assert similarity(b, e) == (0.5, {"iou": 1.0, "colour": 0.0})


# ------------------------------------------------------------------------------ raster helpers (refs)
def _slow_radial(mask, centre, bins):
    prof = [0.0] * bins
    h, w = mask.shape
    for y in range(h):
        for x in range(w):
            if not mask[y, x]:
                continue
            dx, dy = x + 0.5 - centre[0], centre[1] - (y + 0.5)
            a = math.atan2(dy, dx) % (2 * math.pi)
            i = min(int(a / (2 * math.pi) * bins), bins - 1)
            prof[i] = max(prof[i], math.hypot(dx, dy) + 0.5)
    return np.array(prof)


def test_radial_profile_agrees_with_a_slow_reference():
    rng = np.random.default_rng(0)
    for _ in range(5):
        mask = rng.random((40, 40)) < 0.3
        c = (float(rng.uniform(10, 30)), float(rng.uniform(10, 30)))
        fast = rs.radial_profile(mask, c, 64)
        slow = _slow_radial(mask, c, 64)
        filled = slow > 0
        np.testing.assert_allclose(fast[filled], slow[filled])


def test_hsl_agrees_with_colorsys():
    rng = np.random.default_rng(1)
    rgb = rng.integers(0, 256, size=(16, 16, 3)).astype(np.uint8)
    h, s, l = rs.to_hsl(rgb)
    for y in range(16):
        for x in range(16):
            hh, ll, ss = colorsys.rgb_to_hls(*(rgb[y, x] / 255.0))
            assert l[y, x] == pytest.approx(ll, abs=1e-5)
            assert s[y, x] == pytest.approx(ss, abs=1e-4)
            if ss > 1e-6:
                assert min(abs(h[y, x] - hh * 360), 360 - abs(h[y, x] - hh * 360)) < 1e-3


def test_png_bytes_is_a_valid_png():
    img = np.zeros((5, 7, 3), np.uint8)
    img[2, 3] = (10, 20, 30)
    data = rs.png_bytes(img)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = struct.unpack(">II", data[16:24])
    assert (w, h) == (7, 5)
    idat = data.index(b"IDAT")
    n = struct.unpack(">I", data[idat - 4:idat])[0]
    raw = zlib.decompress(data[idat + 4:idat + 4 + n])
    rows = np.frombuffer(raw, np.uint8).reshape(5, 1 + 21)
    assert (rows[:, 0] == 0).all() and tuple(rows[2, 1 + 9:1 + 12]) == (10, 20, 30)


def test_render_fits_the_viewbox_into_the_square():
    doc = sanitize('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">'
                   '<rect width="200" height="100" fill="red"/></svg>')
    img = rs.render(doc, 64)
    assert img.shape == (64, 64, 3) and img.dtype == np.uint8
    red = (img[:, :, 0] > 200) & (img[:, :, 1] < 50)
    rows = np.nonzero(red.any(axis=1))[0]
    assert red[:, 0].any() and red[:, -1].any() and rows.min() >= 15 and rows.max() <= 48


# ------------------------------------------------------------------- numba kernels vs slow references
def _slow_ink(rgb, bg, tol):
    return (np.abs(rgb.astype(int) - np.asarray(bg, dtype=int)) > tol).any(axis=-1)


def _slow_similarity(a, b, colour_tol=48):
    ia, ib = _slow_ink(a, (255, 255, 255), 40), _slow_ink(b, (255, 255, 255), 40)
    union = ia | ib
    if not union.any():
        return 1.0
    agree = (np.abs(a.astype(int) - b.astype(int)).max(axis=-1) <= colour_tol)[union].mean()
    return 0.5 * (ia & ib).sum() / union.sum() + 0.5 * agree


def test_kernels_agree_with_slow_references():
    rng = np.random.default_rng(3)
    for _ in range(20):
        a = rng.integers(0, 256, size=(17, 23, 3)).astype(np.uint8)
        b = a.copy()
        b[rng.random((17, 23)) < 0.3] = 255
        b[rng.random((17, 23)) < 0.2] = (200, 30, 30)
        bg = tuple(int(v) for v in rng.integers(0, 256, 3))
        np.testing.assert_array_equal(rs.ink_mask(a, bg, 40), _slow_ink(a, bg, 40))
        np.testing.assert_array_equal(rs.ink_mask(a), _slow_ink(a, (255, 255, 255), 40))
        rgba = np.dstack([a, np.full(a.shape[:2], 255, np.uint8)])
        np.testing.assert_array_equal(rs.ink_mask(rgba[:, :, :3]), _slow_ink(a, (255, 255, 255), 40))
        assert similarity(a, b)[0] == pytest.approx(_slow_similarity(a, b))


def test_colour_mask_kernel_agrees_with_numpy_and_full_hsl():
    rng = np.random.default_rng(4)
    rgb = rng.integers(0, 256, size=(96, 96, 3)).astype(np.uint8)
    full = rs.to_hsl(rgb)
    for args in (((345, 15), (0.45, 1.0), (0.2, 0.75)), ((75, 165), (0.25, 1.0), (0.55, 0.92)),
                 ((255, 320), (0.2, 1.0), (0.12, 0.85))):
        np.testing.assert_array_equal(rs.colour_mask(rgb, *args), rs.colour_mask(rgb, *args, hsl=full))
        np.testing.assert_array_equal(rs.colour_mask(rgb, *args), rs.colour_mask_numpy(rgb, *args))


def _slow_horizon(rgb: np.ndarray) -> np.ndarray:
    img = rgb.astype(np.int16)
    h, w = img.shape[:2]
    edge = (np.abs(img[2:] - img[:-2]).max(axis=-1) > 16)
    out = np.full(w, h, dtype=float)
    for x in range(w):
        rows = np.nonzero(edge[:, x])[0] + 1
        i = 0
        while i < len(rows):
            y = rows[i]
            sky = img[max(0, y - 3), x]
            # the end of this object: the next edge row more than 2 rows further down
            j = i
            while j + 1 < len(rows) and rows[j + 1] <= rows[j] + 2:
                j += 1
            if rows[j] - y <= 0.12 * h and np.abs(img[min(h - 1, rows[j] + 2), x] - sky).max() <= 12:
                i = j + 1  # a thin object (a star, a line of cloud) with the sky below it
                continue
            if j + 1 < len(rows) and rows[j + 1] <= y + 0.12 * h:
                k = j + 1
                while k + 1 < len(rows) and rows[k + 1] <= rows[k] + 2:
                    k += 1
                below = img[min(h - 1, rows[k] + 2), x]
                if np.abs(below - sky).max() <= 12:
                    i = k + 1
                    continue
            out[x] = y
            break
    return out



def test_horizon_kernel_agrees_with_the_slow_reference():
    from envs.svg.verifiers import _horizon

    rng = np.random.default_rng(5)
    for svgs in (EXAMPLES["landscape"], EXAMPLES["skyline"]):
        for svg in svgs["correct"] + [s for _, s in svgs["near_miss"]]:
            img = rs.render(sanitize(svg), 96)
            np.testing.assert_array_equal(_horizon(img), _slow_horizon(img))
    for _ in range(10):
        img = np.repeat(np.repeat(rng.integers(0, 256, size=(12, 10, 3)), 4, axis=0), 3, axis=1).astype(np.uint8)
        np.testing.assert_array_equal(_horizon(img), _slow_horizon(img))


def test_symmetry_iou_on_a_crop_equals_the_full_image():
    rng = np.random.default_rng(6)
    for _ in range(10):
        mask = np.zeros((80, 90), dtype=bool)
        x, y = rng.integers(10, 60, 2)
        mask[y:y + rng.integers(3, 20), x:x + rng.integers(3, 25)] = True
        c = (float(rng.uniform(20, 60)), float(rng.uniform(20, 60)))
        for angle in (60, 90, 120, 180):
            # the full-image reference, on a canvas large enough to hold every rotation
            big = np.zeros((400, 400), dtype=bool)
            big[150:230, 150:240] = mask
            want = rs.iou(big, rs.rotate_mask(big, (c[0] + 150, c[1] + 150), angle))
            assert rs.symmetry_iou(mask, c, angle) == pytest.approx(want)


# ------------------------------------------------ drawings in the style models write (not used for tuning)
H = '<svg xmlns="http://www.w3.org/2000/svg" '
TYPICAL = {
 "star": [H+'width="100" height="100" viewBox="0 0 100 100"><polygon points="50,5 61,35 95,35 68,57 79,91 50,70 21,91 32,57 5,35 39,35" fill="gold" stroke="black" stroke-width="2"/></svg>',
          H+'viewBox="0 0 200 200"><polygon points="100,10 40,198 190,78 10,78 160,198" fill="yellow" stroke="orange" stroke-width="3" fill-rule="nonzero"/></svg>'],
 "hexagon": [H+'width="200" height="200"><polygon points="100,10 178,55 178,145 100,190 22,145 22,55" fill="none" stroke="black" stroke-width="2"/></svg>',
             H+'width="300" height="300" viewBox="0 0 300 300"><polygon points="150,50 236.6,100 236.6,200 150,250 63.4,200 63.4,100" fill="#4CAF50" stroke="#333" stroke-width="3"/></svg>'],
 "hexagram": [H+'width="200" height="200" viewBox="0 0 200 200"><polygon points="100,20 170,140 30,140" fill="none" stroke="purple" stroke-width="4"/><polygon points="100,180 30,60 170,60" fill="none" stroke="purple" stroke-width="4"/></svg>'],
 "light_green_ellipse": [H+'width="200" height="100"><ellipse cx="100" cy="50" rx="80" ry="40" fill="#90EE90"/></svg>',
   H+'width="300" height="200" viewBox="0 0 300 200"><ellipse cx="150" cy="100" rx="120" ry="70" fill="lightgreen" stroke="green" stroke-width="2"/></svg>'],
 "cross": [H+'width="100" height="100"><rect x="40" y="10" width="20" height="80" fill="black"/><rect x="10" y="40" width="80" height="20" fill="black"/></svg>'],
 "trapezoid": [H+'width="200" height="150"><polygon points="50,20 150,20 190,130 10,130" fill="skyblue" stroke="black" stroke-width="2"/></svg>'],
 "dashed_square": [H+'width="200" height="200"><rect x="50" y="50" width="100" height="100" fill="none" stroke="black" stroke-width="2" stroke-dasharray="5,5"/></svg>'],
 "no_entry": [H+'width="200" height="200" viewBox="0 0 200 200"><circle cx="100" cy="100" r="80" fill="white" stroke="red" stroke-width="15"/><line x1="43" y1="43" x2="157" y2="157" stroke="red" stroke-width="15"/></svg>'],
 "clock": [H+'width="200" height="200" viewBox="0 0 200 200"><circle cx="100" cy="100" r="90" fill="white" stroke="black" stroke-width="4"/>' + "".join(f'<line x1="100" y1="15" x2="100" y2="25" stroke="black" stroke-width="3" transform="rotate({30*i} 100 100)"/>' for i in range(12)) + '<line x1="100" y1="100" x2="100" y2="60" stroke="black" stroke-width="6" stroke-linecap="round"/><line x1="100" y1="100" x2="170" y2="100" stroke="black" stroke-width="4" stroke-linecap="round"/><circle cx="100" cy="100" r="4" fill="black"/></svg>'],
 "wifi3": [H+'width="100" height="100" viewBox="0 0 100 100"><circle cx="50" cy="80" r="6" fill="black"/><path d="M35 65 Q50 50 65 65" fill="none" stroke="black" stroke-width="6" stroke-linecap="round"/><path d="M25 55 Q50 30 75 55" fill="none" stroke="black" stroke-width="6" stroke-linecap="round"/><path d="M15 45 Q50 10 85 45" fill="none" stroke="black" stroke-width="6" stroke-linecap="round"/></svg>'],
 "battery": [H+'width="200" height="100" viewBox="0 0 200 100"><rect x="10" y="20" width="160" height="60" rx="8" ry="8" fill="none" stroke="black" stroke-width="4"/><rect x="170" y="38" width="12" height="24" rx="3" fill="black"/><rect x="16" y="26" width="30" height="48" fill="red"/></svg>'],
 "ground": [H+'width="100" height="120"><line x1="50" y1="10" x2="50" y2="60" stroke="black" stroke-width="3"/><line x1="20" y1="60" x2="80" y2="60" stroke="black" stroke-width="3"/><line x1="30" y1="75" x2="70" y2="75" stroke="black" stroke-width="3"/><line x1="40" y1="90" x2="60" y2="90" stroke="black" stroke-width="3"/></svg>'],
 "mercedes": [H+'width="200" height="200" viewBox="0 0 200 200"><circle cx="100" cy="100" r="90" fill="none" stroke="silver" stroke-width="8"/><line x1="100" y1="100" x2="100" y2="10" stroke="silver" stroke-width="8"/><line x1="100" y1="100" x2="22" y2="145" stroke="silver" stroke-width="8"/><line x1="100" y1="100" x2="178" y2="145" stroke="silver" stroke-width="8"/></svg>'],
 "rating": [H+'width="300" height="60" viewBox="0 0 300 60">' + "".join(f'<polygon points="{30+60*i},5 {37+60*i},22 {55+60*i},22 {41+60*i},33 {46+60*i},51 {30+60*i},40 {14+60*i},51 {19+60*i},33 {5+60*i},22 {23+60*i},22" fill="{"gold" if i<3 else "none"}" stroke="gold" stroke-width="2"/>' for i in range(5)) + '</svg>'],
}

TYPICAL.update({
 "bmw": [H+'width="200" height="200" viewBox="0 0 200 200"><circle cx="100" cy="100" r="95" fill="black"/><circle cx="100" cy="100" r="65" fill="white"/><path d="M100,100 L100,35 A65,65 0 0,0 35,100 Z" fill="#0066B1"/><path d="M100,100 L100,165 A65,65 0 0,0 165,100 Z" fill="#0066B1"/><text x="100" y="30" text-anchor="middle" fill="white" font-size="20">BMW</text></svg>'],
 "gear": [H+'width="200" height="200" viewBox="0 0 200 200"><g fill="#666"><circle cx="100" cy="100" r="60"/>' + "".join(f'<rect x="90" y="20" width="20" height="30" transform="rotate({45*i} 100 100)"/>' for i in range(8)) + '</g><circle cx="100" cy="100" r="20" fill="white"/></svg>'],
 "first_aid": [H+'width="200" height="200" viewBox="0 0 200 200"><rect x="75" y="30" width="50" height="25" rx="5" fill="none" stroke="#333" stroke-width="8"/><rect x="30" y="50" width="140" height="110" rx="12" fill="#e53935"/><rect x="90" y="75" width="20" height="60" fill="white"/><rect x="70" y="95" width="60" height="20" fill="white"/></svg>'],
 "dollar": [H+'width="100" height="160" viewBox="0 0 100 160"><path d="M75 45 C75 25 25 25 25 50 C25 75 75 75 75 105 C75 130 25 130 25 110" fill="none" stroke="green" stroke-width="12"/><line x1="50" y1="10" x2="50" y2="150" stroke="green" stroke-width="8"/></svg>'],
 "yuan": [H+'width="100" height="140" viewBox="0 0 100 140"><polyline points="15,10 50,60 85,10" fill="none" stroke="black" stroke-width="10"/><line x1="50" y1="60" x2="50" y2="130" stroke="black" stroke-width="10"/><line x1="20" y1="75" x2="80" y2="75" stroke="black" stroke-width="8"/><line x1="20" y1="98" x2="80" y2="98" stroke="black" stroke-width="8"/></svg>'],
 "line_chart": [H+'width="400" height="300" viewBox="0 0 400 300"><line x1="50" y1="250" x2="370" y2="250" stroke="black"/><line x1="50" y1="250" x2="50" y2="30" stroke="black"/><path d="M 60 200 L 110 170 L 160 180 L 210 120 L 260 100 L 310 130 L 360 150" fill="none" stroke="blue" stroke-width="2"/><text x="200" y="280">Day</text></svg>'],
 "landscape": [H+'width="400" height="300" viewBox="0 0 400 300"><rect width="400" height="300" fill="#87CEEB"/><polygon points="0,220 100,80 200,220" fill="#8B7355"/><polygon points="150,220 260,60 370,220" fill="#6B5B45"/><polygon points="300,220 360,130 400,180 400,220" fill="#7a6a55"/><rect y="210" width="400" height="90" fill="#228B22"/><ellipse cx="200" cy="255" rx="130" ry="28" fill="#4682B4"/></svg>'],
 "skyline": [H+'width="400" height="300" viewBox="0 0 400 300"><rect width="400" height="300" fill="#191970"/><circle cx="340" cy="50" r="20" fill="#FFFACD"/><rect x="20" y="150" width="50" height="150" fill="#2F2F2F"/><rect x="80" y="100" width="60" height="200" fill="#1C1C1C"/><rect x="150" y="170" width="40" height="130" fill="#333"/><rect x="200" y="80" width="70" height="220" fill="#222"/><rect x="280" y="140" width="50" height="160" fill="#2a2a2a"/><rect x="340" y="190" width="50" height="110" fill="#303030"/>' + "".join(f'<rect x="{x}" y="{y}" width="8" height="10" fill="#FFD700"/>' for x in (30,95,115,215,240,290) for y in (170,200,230)) + '</svg>'],
 "wifi4": [H+'width="120" height="100" viewBox="0 0 120 100"><circle cx="60" cy="90" r="6"/>' + "".join(f'<path d="M{60-r*0.7:.1f} {90-r*0.7:.1f} A{r} {r} 0 0 1 {60+r*0.7:.1f} {90-r*0.7:.1f}" fill="none" stroke="black" stroke-width="6" stroke-linecap="round"/>' for r in (20,38,56,74)) + '</svg>'],
})


@pytest.mark.parametrize("task", sorted(TYPICAL))
def test_typical_model_style_drawings_pass(task):
    for svg in TYPICAL[task]:
        assert score(task, svg) >= 0.9
