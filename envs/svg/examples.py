"""Hand-written drawings for every seed task: correct ones and near misses.

They serve as the verifiers' tests (each correct drawing scores >= 0.9, each near miss <= 0.5) and as the
candidate completions of the reward study. Different authors draw differently, so they vary coordinates,
viewBoxes, transforms, paths against primitives and colour notation.

``EXAMPLES[task] = {"correct": [svg, ...], "near_miss": [(what, svg), ...]}``.
"""
from __future__ import annotations

__all__ = ["EXAMPLES"]

import math

H = '<svg xmlns="http://www.w3.org/2000/svg" '


def _star(cx: float, cy: float, outer: float, inner: float, n: int = 5, rot: float = -90.0, nd: int = 1) -> str:
    """Points of an n-pointed star (alternating outer and inner radius), as a polygon ``points`` value."""
    pts = []
    for i in range(2 * n):
        r = outer if i % 2 == 0 else inner
        a = math.radians(rot + 180.0 * i / n)
        pts.append(f"{cx + r * math.cos(a):.{nd}f},{cy + r * math.sin(a):.{nd}f}")
    return " ".join(pts)


def _gear_path(cx: float, cy: float, outer: float, root: float, teeth: int, duty: float = 0.5) -> str:
    """A gear outline with square teeth, as path data."""
    cmds = []
    step = 2 * math.pi / teeth
    for i in range(teeth):
        a0 = i * step
        a1 = a0 + step * duty
        for k, (a, r) in enumerate(((a0, root), (a0, outer), (a1, outer), (a1, root), (a0 + step, root))):
            x, y = cx + r * math.cos(a), cy + r * math.sin(a)
            cmds.append(("M" if i == 0 and k == 0 else "L") + f"{x:.2f} {y:.2f}")
    return " ".join(cmds) + " Z"

EXAMPLES: dict[str, dict] = {}

EXAMPLES["hexagon"] = {
    "correct": [
        H + 'viewBox="0 0 200 200"><polygon points="100,20 169.28,60 169.28,140 100,180 30.72,140 30.72,60" '
            'fill="#4a90d9"/></svg>',
        H + 'width="120" height="120"><path d="M30 8 L90 8 L120 60 L90 112 L30 112 L0 60 Z" '
            'transform="translate(2,0) scale(0.95)" fill="none" stroke="black" stroke-width="3"/></svg>',
        H + 'viewBox="-50 -50 100 100"><g transform="rotate(15)"><polygon '
            'points="40,0 20,34.64 -20,34.64 -40,0 -20,-34.64 20,-34.64" fill="rgb(255,165,0)" '
            'stroke="#333" stroke-width="1"/></g></svg>',
        H + 'viewBox="0 0 64 64"><path fill="orange" d="M32 4l24.25 14v28L32 60 7.75 46V18z"/></svg>',
    ],
    "near_miss": [
        ("irregular", H + 'viewBox="0 0 200 200"><polygon points="100,20 180,50 175,150 100,180 20,140 40,70" '
                          'fill="#4a90d9"/></svg>'),
        ("stretched", H + 'viewBox="0 0 200 120"><polygon points="50,10 150,10 195,60 150,110 50,110 5,60" '
                          'fill="teal"/></svg>'),
        ("pentagon", H + 'viewBox="0 0 100 100"><polygon points="50,5 97,40 79,95 21,95 3,40" '
                         'fill="#4a90d9"/></svg>'),
        ("circle", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#4a90d9"/></svg>'),
        ("octagon", H + 'viewBox="0 0 100 100"><polygon points="30,5 70,5 95,30 95,70 70,95 30,95 5,70 5,30" '
                        'fill="#4a90d9"/></svg>'),
    ],
}

EXAMPLES["star"] = {
    "correct": [
        H + f'viewBox="0 0 100 100"><polygon points="{_star(50, 52, 45, 18)}" fill="gold" stroke="#b8860b"/></svg>',
        H + 'viewBox="0 0 24 24"><path d="M12 2l3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 3.25L7 14.14 '
            '2 9.27l6.91-1.01L12 2z" fill="#FFD700"/></svg>',
        H + f'width="300" height="300"><g transform="translate(150 150) rotate(36)"><polygon '
            f'points="{_star(0, 0, 120, 46, rot=-90)}" fill="none" stroke="red" stroke-width="6"/></g></svg>',
        H + f'viewBox="-10 -10 20 20"><polygon points="{_star(0, 0, 9, 3.6, nd=2)}" fill="hsl(210, 80%, 45%)"/></svg>',
    ],
    "near_miss": [
        ("pentagon", H + f'viewBox="0 0 100 100"><polygon points="{_star(50, 52, 45, 36.4)}" fill="gold"/></svg>'),
        ("six_points", H + f'viewBox="0 0 100 100"><polygon points="{_star(50, 50, 45, 20, n=6)}" fill="gold"/></svg>'),
        ("four_points", H + f'viewBox="0 0 100 100"><polygon points="{_star(50, 50, 45, 15, n=4)}" fill="gold"/></svg>'),
        ("irregular", H + 'viewBox="0 0 100 100"><polygon points="50,5 60,35 95,30 68,55 85,95 50,70 20,90 '
                          '30,55 5,40 40,35" fill="gold"/></svg>'),
        ("circle", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" fill="gold"/></svg>'),
    ],
}

EXAMPLES["hexagram"] = {
    "correct": [
        H + 'viewBox="0 0 100 100"><polygon points="50,5 89,72.5 11,72.5" fill="purple"/>'
            '<polygon points="50,95 11,27.5 89,27.5" fill="purple"/></svg>',
        H + 'viewBox="0 0 200 200"><g fill="none" stroke="#800080" stroke-width="6">'
            '<path d="M100 15 L173.6 142.5 L26.4 142.5 Z"/><path d="M100 185 L26.4 57.5 L173.6 57.5 Z"/></g></svg>',
        H + f'viewBox="0 0 100 100"><polygon points="{_star(50, 50, 44, 25.4, n=6)}" fill="rgb(128, 0, 128)"/></svg>',
        H + 'viewBox="-1 -1 2 2"><g fill="#9b30ff" transform="rotate(30) scale(0.9)"><polygon '
            'points="1,0 -0.5,0.866 -0.5,-0.866"/><polygon points="-1,0 0.5,0.866 0.5,-0.866"/></g></svg>',
    ],
    "near_miss": [
        ("blue", H + 'viewBox="0 0 100 100"><polygon points="50,5 89,72.5 11,72.5" fill="#1e40ff"/>'
                     '<polygon points="50,95 11,27.5 89,27.5" fill="#1e40ff"/></svg>'),
        ("hexagon", H + 'viewBox="0 0 100 100"><polygon points="50,5 89,27.5 89,72.5 50,95 11,72.5 11,27.5" '
                        'fill="purple"/></svg>'),
        ("five_points", H + f'viewBox="0 0 100 100"><polygon points="{_star(50, 52, 45, 18)}" fill="purple"/></svg>'),
        ("one_triangle", H + 'viewBox="0 0 100 100"><polygon points="50,5 89,72.5 11,72.5" fill="purple"/></svg>'),
        ("gold", H + f'viewBox="0 0 100 100"><polygon points="{_star(50, 50, 44, 25.4, n=6)}" fill="gold"/></svg>'),
    ],
}

EXAMPLES["gear"] = {
    "correct": [
        H + f'viewBox="0 0 100 100"><path d="{_gear_path(50, 50, 45, 36, 12)}" fill="#555"/>'
            '<circle cx="50" cy="50" r="12" fill="white"/></svg>',
        H + f'viewBox="0 0 200 200"><path d="{_gear_path(100, 100, 90, 70, 8, 0.45)}" fill="none" stroke="black" '
            'stroke-width="4"/><circle cx="100" cy="100" r="25" fill="none" stroke="black" stroke-width="4"/></svg>',
        H + 'viewBox="-60 -60 120 120"><g fill="steelblue"><circle r="42"/>'
            + "".join(f'<rect x="-7" y="-54" width="14" height="16" transform="rotate({a})"/>' for a in range(0, 360, 36))
            + '</g><circle r="14" fill="#fff"/></svg>',
        H + f'viewBox="0 0 64 64"><path fill-rule="evenodd" fill="#444" d="{_gear_path(32, 32, 30, 24, 16)} '
            'M32 22 a10 10 0 1 0 0.01 0 Z"/></svg>',
    ],
    "near_miss": [
        ("circle", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#555"/>'
                       '<circle cx="50" cy="50" r="12" fill="white"/></svg>'),
        ("sun_rays", H + f'viewBox="0 0 100 100"><polygon points="{_star(50, 50, 46, 30, n=12)}" fill="#555"/></svg>'),
        ("octagon", H + 'viewBox="0 0 100 100"><polygon points="30,5 70,5 95,30 95,70 70,95 30,95 5,70 5,30" '
                        'fill="#555"/></svg>'),
        ("square", H + 'viewBox="0 0 100 100"><rect x="10" y="10" width="80" height="80" fill="#555"/></svg>'),
    ],
}

EXAMPLES["trapezoid"] = {
    "correct": [
        H + 'viewBox="0 0 200 120"><polygon points="50,10 150,10 190,110 10,110" fill="#3b82f6"/></svg>',
        H + 'viewBox="0 0 100 100"><path d="M10 80 L90 80 L70 30 L25 30 Z" fill="none" stroke="black" '
            'stroke-width="2"/></svg>',
        H + 'viewBox="0 0 100 100"><polygon points="20,20 60,20 90,80 20,80" fill="orange"/></svg>',
        H + 'viewBox="0 0 100 100"><g transform="rotate(90 50 50)"><polygon points="15,30 85,30 70,70 30,70" '
            'fill="rgb(200,50,50)"/></g></svg>',
    ],
    "near_miss": [
        ("parallelogram", H + 'viewBox="0 0 200 120"><polygon points="50,10 190,10 150,110 10,110" '
                              'fill="#3b82f6"/></svg>'),
        ("rectangle", H + 'viewBox="0 0 100 100"><rect x="10" y="25" width="80" height="50" fill="#3b82f6"/></svg>'),
        ("triangle", H + 'viewBox="0 0 100 100"><polygon points="50,10 90,90 10,90" fill="#3b82f6"/></svg>'),
        ("kite", H + 'viewBox="0 0 100 100"><polygon points="50,5 95,40 50,95 10,40" '
                               'fill="#3b82f6"/></svg>'),
        ("ellipse", H + 'viewBox="0 0 100 100"><ellipse cx="50" cy="50" rx="45" ry="25" fill="#3b82f6"/></svg>'),
    ],
}

EXAMPLES["light_green_ellipse"] = {
    "correct": [
        H + 'viewBox="0 0 200 100"><ellipse cx="100" cy="50" rx="90" ry="40" fill="lightgreen"/></svg>',
        H + 'width="300" height="300"><ellipse cx="150" cy="150" rx="60" ry="120" fill="#90EE90" stroke="#2e7d32" '
            'stroke-width="3"/></svg>',
        H + 'viewBox="0 0 100 100"><g transform="rotate(30 50 50)"><ellipse cx="50" cy="50" rx="45" ry="25" '
            'fill="rgb(170, 230, 160)"/></g></svg>',
        H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="30" transform="translate(50 50) scale(1.4 0.8) '
            'translate(-50 -50)" fill="hsl(120, 60%, 75%)"/></svg>',
    ],
    "near_miss": [
        ("dark_green", H + 'viewBox="0 0 200 100"><ellipse cx="100" cy="50" rx="90" ry="40" fill="darkgreen"/></svg>'),
        ("circle", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" fill="lightgreen"/></svg>'),
        ("rectangle", H + 'viewBox="0 0 200 100"><rect x="10" y="10" width="180" height="80" fill="lightgreen"/></svg>'),
        ("light_blue", H + 'viewBox="0 0 200 100"><ellipse cx="100" cy="50" rx="90" ry="40" fill="lightblue"/></svg>'),
        ("outline_only", H + 'viewBox="0 0 200 100"><ellipse cx="100" cy="50" rx="90" ry="40" fill="none" '
                             'stroke="lightgreen" stroke-width="3"/></svg>'),
    ],
}

EXAMPLES["cross"] = {
    "correct": [
        H + 'viewBox="0 0 100 100"><path d="M35 5 H65 V35 H95 V65 H65 V95 H35 V65 H5 V35 H35 Z" fill="red"/></svg>',
        H + 'viewBox="0 0 24 24"><line x1="12" y1="2" x2="12" y2="22" stroke="black" stroke-width="3"/>'
            '<line x1="2" y1="12" x2="22" y2="12" stroke="black" stroke-width="3"/></svg>',
        H + 'viewBox="0 0 200 200"><g fill="#2563eb"><rect x="80" y="20" width="40" height="160"/>'
            '<rect x="20" y="80" width="160" height="40"/></g></svg>',
        H + 'viewBox="0 0 100 100"><rect x="10" y="42" width="80" height="16" rx="3" fill="green"/>'
            '<rect x="10" y="42" width="80" height="16" rx="3" fill="green" transform="rotate(90 50 50)"/></svg>',
    ],
    "near_miss": [
        ("x_shape", H + 'viewBox="0 0 100 100"><g transform="rotate(45 50 50)"><path d="M35 5 H65 V35 H95 V65 H65 '
                        'V95 H35 V65 H5 V35 H35 Z" fill="red"/></g></svg>'),
        ("latin_cross", H + 'viewBox="0 0 100 100"><rect x="42" y="5" width="16" height="90" fill="red"/>'
                            '<rect x="20" y="25" width="60" height="16" fill="red"/></svg>'),
        ("square", H + 'viewBox="0 0 100 100"><rect x="10" y="10" width="80" height="80" fill="red"/></svg>'),
        ("t_shape", H + 'viewBox="0 0 100 100"><rect x="5" y="5" width="90" height="20" fill="red"/>'
                        '<rect x="40" y="5" width="20" height="90" fill="red"/></svg>'),
        ("circle", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="red"/></svg>'),
    ],
}

EXAMPLES["dashed_square"] = {
    "correct": [
        H + 'viewBox="0 0 100 100"><rect x="10" y="10" width="80" height="80" fill="none" stroke="black" '
            'stroke-width="2" stroke-dasharray="6 4"/></svg>',
        H + 'viewBox="0 0 200 200"><rect x="20" y="20" width="160" height="160" fill="#dbeafe" stroke="#1d4ed8" '
            'stroke-width="6" stroke-dasharray="20,10"/></svg>',
        H + 'viewBox="0 0 100 100"><path d="M15 15 H85 V85 H15 Z" fill="none" stroke="red" stroke-width="3" '
            'style="stroke-dasharray: 8 5"/></svg>',
        H + 'width="120" height="120"><g transform="translate(10 10)"><rect width="100" height="100" fill="none" '
            'stroke="#333" stroke-width="4" stroke-dasharray="10 6 2 6"/></g></svg>',
    ],
    "near_miss": [
        ("solid_border", H + 'viewBox="0 0 100 100"><rect x="10" y="10" width="80" height="80" fill="none" '
                             'stroke="black" stroke-width="2"/></svg>'),
        ("rectangle", H + 'viewBox="0 0 200 100"><rect x="10" y="10" width="180" height="80" fill="none" '
                          'stroke="black" stroke-width="2" stroke-dasharray="6 4"/></svg>'),
        ("dashed_circle", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" fill="none" stroke="black" '
                              'stroke-width="2" stroke-dasharray="6 4"/></svg>'),
        ("filled_square", H + 'viewBox="0 0 100 100"><rect x="10" y="10" width="80" height="80" fill="black"/></svg>'),
    ],
}

EXAMPLES["no_entry"] = {
    "correct": [
        H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="42" fill="white" stroke="red" stroke-width="10"/>'
            '<line x1="20" y1="20" x2="80" y2="80" stroke="red" stroke-width="10"/></svg>',
        H + 'viewBox="0 0 200 200"><g stroke="#d32f2f" stroke-width="18" fill="none"><circle cx="100" cy="100" '
            'r="85"/><path d="M40 40 L160 160"/></g></svg>',
        H + 'viewBox="-50 -50 100 100"><circle r="44" fill="none" stroke="rgb(220,0,0)" stroke-width="8"/>'
            '<rect x="-44" y="-4" width="88" height="8" fill="rgb(220,0,0)" transform="rotate(-45)"/></svg>',
        H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="#e00"/><circle cx="50" cy="50" r="36" '
            'fill="#fff"/><line x1="76" y1="24" x2="24" y2="76" stroke="#e00" stroke-width="9"/></svg>',
    ],
    "near_miss": [
        ("two_slashes", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="42" fill="white" stroke="red" '
                            'stroke-width="10"/><path d="M20 20 L80 80 M80 20 L20 80" stroke="red" '
                            'stroke-width="10"/></svg>'),
        ("no_slash", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="42" fill="white" stroke="red" '
                         'stroke-width="10"/></svg>'),
        ("blue", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="42" fill="white" stroke="blue" '
                     'stroke-width="10"/><line x1="20" y1="20" x2="80" y2="80" stroke="blue" stroke-width="10"/></svg>'),
        ("disc_with_bar", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="red"/>'
                              '<rect x="18" y="42" width="64" height="16" fill="white"/></svg>'),
        ("horizontal_bar", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="42" fill="white" stroke="red" '
                               'stroke-width="10"/><line x1="10" y1="50" x2="90" y2="50" stroke="red" '
                               'stroke-width="10"/></svg>'),
    ],
}

EXAMPLES["mercedes"] = {
    "correct": [
        H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="none" stroke="#444" stroke-width="5"/>'
            '<path d="M50 5 L55 47 L89 72 L50 55 L11 72 L45 47 Z" fill="#444"/></svg>',
        H + 'viewBox="-100 -100 200 200"><circle r="92" fill="none" stroke="silver" stroke-width="12"/>'
            '<g stroke="silver" stroke-width="10" stroke-linecap="round"><line x1="0" y1="0" x2="0" y2="-88"/>'
            '<line x1="0" y1="0" x2="0" y2="-88" transform="rotate(120)"/>'
            '<line x1="0" y1="0" x2="0" y2="-88" transform="rotate(240)"/></g></svg>',
        H + 'viewBox="0 0 120 120"><g transform="translate(60 60)"><circle r="55" fill="black"/><circle r="48" '
            'fill="white"/><g fill="black"><polygon points="0,-48 6,-3 -6,-3"/><polygon points="0,-48 6,-3 -6,-3" '
            'transform="rotate(120)"/><polygon points="0,-48 6,-3 -6,-3" transform="rotate(-120)"/>'
            '<circle r="6"/></g></g></svg>',
    ],
    "near_miss": [
        ("peace_sign", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="none" stroke="#444" '
                           'stroke-width="5"/><path d="M50 5 V95 M50 50 L18 82 M50 50 L82 82" stroke="#444" '
                           'stroke-width="5"/></svg>'),
        ("upside_down", H + 'viewBox="0 0 100 100"><g transform="rotate(180 50 50)"><circle cx="50" cy="50" r="45" '
                            'fill="none" stroke="#444" stroke-width="5"/><path d="M50 5 L55 47 L89 72 L50 55 L11 72 '
                            'L45 47 Z" fill="#444"/></g></svg>'),
        ("ring_only", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="none" stroke="#444" '
                          'stroke-width="5"/></svg>'),
        ("four_spokes", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="45" fill="none" stroke="#444" '
                            'stroke-width="5"/><path d="M50 5 V95 M5 50 H95" stroke="#444" stroke-width="5"/></svg>'),
        ("star_without_ring", H + 'viewBox="0 0 100 100"><path d="M50 5 L55 47 L89 72 L50 55 L11 72 L45 47 Z" '
                                  'fill="#444"/></svg>'),
    ],
}

_BMW_Q = ('<path d="M{c} {c} L{c} {t} A{r} {r} 0 0 0 {t} {c} Z" fill="{a}"/>'
          '<path d="M{c} {c} L{c} {t} A{r} {r} 0 0 1 {b} {c} Z" fill="{w}"/>'
          '<path d="M{c} {c} L{c} {b} A{r} {r} 0 0 0 {b} {c} Z" fill="{a}"/>'
          '<path d="M{c} {c} L{c} {b} A{r} {r} 0 0 1 {t} {c} Z" fill="{w}"/>')


def _bmw(c: int, r_out: int, r_in: int, a: str = "#0066b1", w: str = "white", ring: str = "black") -> str:
    q = _BMW_Q.format(c=c, r=r_in, t=c - r_in, b=c + r_in, a=a, w=w)
    return f'<circle cx="{c}" cy="{c}" r="{r_out}" fill="{ring}"/>' + q


EXAMPLES["bmw"] = {
    "correct": [
        H + 'viewBox="0 0 100 100">' + _bmw(50, 48, 32) + "</svg>",
        H + 'viewBox="0 0 200 200"><circle cx="100" cy="100" r="95" fill="#111"/><circle cx="100" cy="100" r="70" '
            'fill="white"/><path d="M100 30 A70 70 0 0 0 30 100 L100 100 Z" fill="#1c69d4"/><path d="M100 170 '
            'A70 70 0 0 0 170 100 L100 100 Z" fill="#1c69d4"/><circle cx="100" cy="100" r="70" fill="none" '
            'stroke="#999" stroke-width="2"/></svg>',
        H + 'viewBox="-1 -1 2 2"><circle r="0.98" fill="rgb(20,20,20)"/><circle r="0.7" fill="#fff"/>'
            '<g fill="rgb(0,120,200)"><rect x="-0.7" y="-0.7" width="0.7" height="0.7" clip-path="url(#c)"/>'
            '<rect x="0" y="0" width="0.7" height="0.7" clip-path="url(#c)"/></g><clipPath id="c"><circle r="0.7"/>'
            '</clipPath></svg>',
    ],
    "near_miss": [
        ("swapped", H + 'viewBox="0 0 100 100">' + _bmw(50, 48, 32, a="white", w="#0066b1") + "</svg>"),
        ("all_blue", H + 'viewBox="0 0 100 100">' + _bmw(50, 48, 32, w="#0066b1") + "</svg>"),
        ("no_ring", H + 'viewBox="0 0 100 100">' + _bmw(50, 32, 32, ring="white") + "</svg>"),
        ("red", H + 'viewBox="0 0 100 100">' + _bmw(50, 48, 32, a="#d00000") + "</svg>"),
        ("halves", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="48" fill="black"/><circle cx="50" cy="50" '
                       'r="32" fill="white"/><path d="M50 18 A32 32 0 0 0 50 82 Z" fill="#0066b1"/></svg>'),
    ],
}


def _arcs(cx: float, cy: float, radii, half_angle: float = 45.0, width: float = 6.0, colour: str = "black") -> str:
    out = []
    for r in radii:
        a = math.radians(half_angle)
        x0, y0 = cx - r * math.sin(a), cy - r * math.cos(a)
        x1, y1 = cx + r * math.sin(a), cy - r * math.cos(a)
        out.append(f'<path d="M{x0:.2f} {y0:.2f} A{r} {r} 0 0 1 {x1:.2f} {y1:.2f}" fill="none" stroke="{colour}" '
                   f'stroke-width="{width}" stroke-linecap="round"/>')
    return "".join(out)


def _wifi_examples(n: int) -> dict:
    radii = [18 + 14 * i for i in range(n)]
    return {
        "correct": [
            H + 'viewBox="0 0 100 100"><circle cx="50" cy="85" r="5"/>' + _arcs(50, 85, radii) + "</svg>",
            H + 'viewBox="0 0 200 160"><g transform="translate(100 150)"><circle r="10" fill="#1976d2"/>'
                + _arcs(0, 0, [30 + 28 * i for i in range(n)], 50, 12, "#1976d2") + "</g></svg>",
            H + 'width="64" height="64"><circle cx="32" cy="54" r="3.5" fill="#222"/>'
                + _arcs(32, 54, [11 + 9 * i for i in range(n)], 40, 4, "#222") + "</svg>",
        ],
        "near_miss": [
            ("one_arc_fewer", H + 'viewBox="0 0 100 100"><circle cx="50" cy="85" r="5"/>'
                                  + _arcs(50, 85, radii[:-1]) + "</svg>"),
            ("one_arc_more", H + 'viewBox="0 0 100 100"><circle cx="50" cy="85" r="5"/>'
                                 + _arcs(50, 85, [14 + 12 * i for i in range(n + 1)]) + "</svg>"),
            ("full_circles", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="5"/>'
                                 + "".join(f'<circle cx="50" cy="50" r="{r * 0.8:.0f}" fill="none" stroke="black" '
                                           f'stroke-width="5"/>' for r in radii) + "</svg>"),
            ("cell_bars", H + 'viewBox="0 0 100 100">'
                              + "".join(f'<rect x="{10 + 22 * i}" y="{80 - 18 * (i + 1)}" width="14" '
                                        f'height="{18 * (i + 1) + 10}"/>' for i in range(n)) + "</svg>"),
            ("upside_down", H + 'viewBox="0 0 100 100"><g transform="rotate(180 50 50)"><circle cx="50" cy="85" '
                                'r="5"/>' + _arcs(50, 85, radii) + "</g></svg>"),
        ],
    }


EXAMPLES["wifi3"] = _wifi_examples(3)
EXAMPLES["wifi4"] = _wifi_examples(4)


def _rating(filled, shape: str = "star", gap: float = 44.0, fill: str = "#f5b301") -> str:
    out = []
    for i, f in enumerate(filled):
        cx = 24 + gap * i
        style = f'fill="{fill}"' if f else f'fill="none" stroke="{fill}" stroke-width="2.5"'
        if shape == "star":
            out.append(f'<polygon points="{_star(cx, 26, 20, 8)}" {style}/>')
        else:
            out.append(f'<circle cx="{cx}" cy="25" r="18" {style}/>')
    return H + f'viewBox="0 0 {48 + gap * (len(filled) - 1):.0f} 50">' + "".join(out) + "</svg>"


EXAMPLES["rating"] = {
    "correct": [
        _rating([1, 1, 1, 0, 0]),
        H + 'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 130 24"><defs><path id="s" d="M12 2l3.09 6.26L22 9.27l-5 4.87 1.18 6.88L12 17.77l-6.18 '
            '3.25L7 14.14 2 9.27l6.91-1.01L12 2z"/></defs><use xlink:href="#s" fill="gold"/>'
            '<use xlink:href="#s" x="26" fill="gold"/><use xlink:href="#s" x="52" fill="gold"/>'
            '<use xlink:href="#s" x="78" fill="none" stroke="gray" stroke-width="1.5"/>'
            '<use xlink:href="#s" x="104" fill="none" stroke="gray" stroke-width="1.5"/></svg>',
        _rating([1, 1, 1, 0, 0], gap=50, fill="rgb(255,140,0)"),
    ],
    "near_miss": [
        ("four_filled", _rating([1, 1, 1, 1, 0])),
        ("all_filled", _rating([1, 1, 1, 1, 1])),
        ("reversed", _rating([0, 0, 1, 1, 1])),
        ("circles", _rating([1, 1, 1, 0, 0], shape="circle")),
        ("three_stars", _rating([1, 1, 1])),
    ],
}


def _battery(level: float, colour: str = "red", nub: bool = True, at_right: bool = False) -> str:
    w = 72 * level
    x = 12 + (72 - w if at_right else 0)
    parts = ['<rect x="8" y="28" width="80" height="44" rx="5" fill="none" stroke="black" stroke-width="4"/>']
    if nub:
        parts.append('<rect x="88" y="40" width="6" height="20" rx="2" fill="black"/>')
    parts.append(f'<rect x="{x:.1f}" y="32" width="{w:.1f}" height="36" fill="{colour}"/>')
    return H + 'viewBox="0 0 100 100">' + "".join(parts) + "</svg>"


EXAMPLES["battery"] = {
    "correct": [
        _battery(0.2),
        H + 'viewBox="0 0 48 96"><rect x="18" y="2" width="12" height="6" fill="#333"/><rect x="6" y="8" '
            'width="36" height="84" rx="4" fill="none" stroke="#333" stroke-width="3"/><rect x="10" y="72" '
            'width="28" height="16" fill="#e53935"/></svg>',
        H + 'viewBox="0 0 200 100"><g transform="translate(10 20)"><path d="M0 0 H160 V60 H0 Z" fill="white" '
            'stroke="#222" stroke-width="6"/><path d="M160 18 H175 V42 H160 Z" fill="#222"/><path d="M6 6 H36 V54 '
            'H6 Z" fill="rgb(230,30,30)"/></g></svg>',
    ],
    "near_miss": [
        ("half_full", _battery(0.5)),
        ("green", _battery(0.2, colour="#2e7d32")),
        ("fill_at_terminal", _battery(0.2, at_right=True)),
        ("no_terminal", _battery(0.2, nub=False)),
        ("full", _battery(1.0)),
    ],
}

EXAMPLES["ground"] = {
    "correct": [
        H + 'viewBox="0 0 100 100"><g stroke="black" stroke-width="4"><line x1="50" y1="10" x2="50" y2="50"/>'
            '<line x1="20" y1="50" x2="80" y2="50"/><line x1="30" y1="62" x2="70" y2="62"/>'
            '<line x1="42" y1="74" x2="58" y2="74"/></g></svg>',
        H + 'viewBox="0 0 60 80"><path d="M30 4 V44 M8 44 H52 M16 56 H44 M24 68 H36" stroke="#222" stroke-width="3" '
            'fill="none" stroke-linecap="square"/></svg>',
        H + 'viewBox="0 0 200 200"><g fill="rgb(0,0,0)" transform="translate(0 10)"><rect x="96" y="10" width="8" '
            'height="90"/><rect x="40" y="100" width="120" height="8"/><rect x="65" y="125" width="70" height="8"/>'
            '<rect x="88" y="150" width="24" height="8"/></g></svg>',
    ],
    "near_miss": [
        ("inverted", H + 'viewBox="0 0 100 100"><g stroke="black" stroke-width="4"><line x1="50" y1="10" x2="50" '
                         'y2="50"/><line x1="42" y1="50" x2="58" y2="50"/><line x1="30" y1="62" x2="70" y2="62"/>'
                         '<line x1="20" y1="74" x2="80" y2="74"/></g></svg>'),
        ("equal_lines", H + 'viewBox="0 0 100 100"><g stroke="black" stroke-width="4"><line x1="50" y1="10" x2="50" '
                            'y2="50"/><line x1="20" y1="50" x2="80" y2="50"/><line x1="20" y1="62" x2="80" y2="62"/>'
                            '<line x1="20" y1="74" x2="80" y2="74"/></g></svg>'),
        ("two_lines", H + 'viewBox="0 0 100 100"><g stroke="black" stroke-width="4"><line x1="50" y1="10" x2="50" '
                          'y2="50"/><line x1="20" y1="50" x2="80" y2="50"/><line x1="32" y1="64" x2="68" y2="64"/>'
                          '</g></svg>'),
        ("no_lead", H + 'viewBox="0 0 100 100"><g stroke="black" stroke-width="4"><line x1="20" y1="50" x2="80" '
                        'y2="50"/><line x1="30" y1="62" x2="70" y2="62"/><line x1="42" y1="74" x2="58" y2="74"/>'
                        '</g></svg>'),
        ("off_centre", H + 'viewBox="0 0 100 100"><g stroke="black" stroke-width="4"><line x1="50" y1="10" x2="50" '
                           'y2="50"/><line x1="20" y1="50" x2="80" y2="50"/><line x1="20" y1="62" x2="60" y2="62"/>'
                           '<line x1="20" y1="74" x2="36" y2="74"/></g></svg>'),
    ],
}

EXAMPLES["first_aid"] = {
    "correct": [
        H + 'viewBox="0 0 100 100"><rect x="35" y="14" width="30" height="16" rx="4" fill="none" stroke="#b71c1c" '
            'stroke-width="5"/><rect x="10" y="28" width="80" height="60" rx="8" fill="#d32f2f"/>'
            '<path d="M44 40 H56 V52 H68 V64 H56 V76 H44 V64 H32 V52 H44 Z" fill="white"/></svg>',
        H + 'viewBox="0 0 200 160"><path d="M75 30 V15 Q75 8 82 8 H118 Q125 8 125 15 V30" fill="none" stroke="#333" '
            'stroke-width="8"/><rect x="20" y="30" width="160" height="120" rx="10" fill="white" stroke="#333" '
            'stroke-width="6"/><g fill="red"><rect x="88" y="55" width="24" height="70"/><rect x="65" y="78" '
            'width="70" height="24"/></g></svg>',
        H + 'viewBox="0 0 64 64"><rect x="24" y="6" width="16" height="8" rx="2" fill="#1b5e20"/>'
            '<rect x="4" y="12" width="56" height="44" rx="5" fill="#2e7d32"/><g transform="translate(32 34)">'
            '<rect x="-4" y="-13" width="8" height="26" fill="#fff"/><rect x="-13" y="-4" width="26" height="8" '
            'fill="#fff"/></g></svg>',
    ],
    "near_miss": [
        ("no_handle", H + 'viewBox="0 0 100 100"><rect x="10" y="28" width="80" height="60" rx="8" fill="#d32f2f"/>'
                          '<path d="M44 40 H56 V52 H68 V64 H56 V76 H44 V64 H32 V52 H44 Z" fill="white"/></svg>'),
        ("no_cross", H + 'viewBox="0 0 100 100"><rect x="35" y="14" width="30" height="16" rx="4" fill="none" '
                         'stroke="#b71c1c" stroke-width="5"/><rect x="10" y="28" width="80" height="60" rx="8" '
                         'fill="#d32f2f"/></svg>'),
        ("x_cross", H + 'viewBox="0 0 100 100"><rect x="35" y="14" width="30" height="16" rx="4" fill="none" '
                        'stroke="#b71c1c" stroke-width="5"/><rect x="10" y="28" width="80" height="60" rx="8" '
                        'fill="#d32f2f"/><path d="M44 40 H56 V52 H68 V64 H56 V76 H44 V64 H32 V52 H44 Z" fill="white" '
                        'transform="rotate(45 50 58)"/></svg>'),
        ("cross_in_corner", H + 'viewBox="0 0 100 100"><rect x="35" y="14" width="30" height="16" rx="4" fill="none" '
                                'stroke="#b71c1c" stroke-width="5"/><rect x="10" y="28" width="80" height="60" rx="8" '
                                'fill="#d32f2f"/><path d="M20 36 h8 v8 h8 v8 h-8 v8 h-8 v-8 h-8 v-8 h8 z" '
                                'fill="white"/></svg>'),
        ("cross_only", H + 'viewBox="0 0 100 100"><path d="M35 5 H65 V35 H95 V65 H65 V95 H35 V65 H5 V35 H35 Z" '
                           'fill="red"/></svg>'),
    ],
}


def _ticks(cx: float, cy: float, r0: float, r1: float, n: int = 12, width: float = 3, colour: str = "black") -> str:
    return "".join(f'<line x1="{cx}" y1="{cy - r0}" x2="{cx}" y2="{cy - r1}" stroke="{colour}" '
                   f'stroke-width="{width}" transform="rotate({i * 360 / n:g} {cx} {cy})"/>' for i in range(n))


def _hands(cx: float, cy: float, hour: float, minute: float, lh: float, lm: float, colour: str = "black") -> str:
    out = []
    for ang, length, w in ((hour, lh, 5), (minute, lm, 3)):
        a = math.radians(ang)
        out.append(f'<line x1="{cx}" y1="{cy}" x2="{cx + length * math.sin(a):.1f}" '
                   f'y2="{cy - length * math.cos(a):.1f}" stroke="{colour}" stroke-width="{w}" '
                   'stroke-linecap="round"/>')
    return "".join(out)


EXAMPLES["clock"] = {
    "correct": [
        H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="46" fill="white" stroke="black" stroke-width="3"/>'
            + _ticks(50, 50, 34, 41) + _hands(50, 50, 300, 60, 22, 34) + '<circle cx="50" cy="50" r="3"/></svg>',
        H + 'viewBox="0 0 200 200"><circle cx="100" cy="100" r="95" fill="#263238"/>'
            + "".join(f'<circle cx="{100 + 75 * math.sin(math.radians(30 * i)):.1f}" '
                      f'cy="{100 - 75 * math.cos(math.radians(30 * i)):.1f}" r="6" fill="#eceff1"/>' for i in range(12))
            + _hands(100, 100, 100, 230, 45, 68, "#eceff1") + "</svg>",
        H + 'viewBox="-50 -50 100 100"><circle r="47" fill="#fafafa" stroke="#455a64" stroke-width="2"/>'
            '<g fill="#455a64">' + "".join(f'<rect x="-1.5" y="-42" width="3" height="{9 if i % 3 == 0 else 6}" '
                                           f'transform="rotate({30 * i})"/>' for i in range(12))
            + '</g><polygon points="-2.5,4 2.5,4 1.5,-24 -1.5,-24" fill="#263238" transform="rotate(45)"/>'
              '<polygon points="-2,6 2,6 1,-36 -1,-36" fill="#263238" transform="rotate(200)"/></svg>',
    ],
    "near_miss": [
        ("no_hands", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="46" fill="white" stroke="black" '
                         'stroke-width="3"/>' + _ticks(50, 50, 34, 41) + "</svg>"),
        ("one_hand", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="46" fill="white" stroke="black" '
                         'stroke-width="3"/>' + _ticks(50, 50, 34, 41) + _hands(50, 50, 60, 60, 34, 34) + "</svg>"),
        ("four_markers", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="46" fill="white" stroke="black" '
                             'stroke-width="3"/>' + _ticks(50, 50, 34, 41, n=4) + _hands(50, 50, 300, 45, 22, 34)
                             + "</svg>"),
        ("equal_hands", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="46" fill="white" stroke="black" '
                            'stroke-width="3"/>' + _ticks(50, 50, 34, 41) + _hands(50, 50, 300, 60, 33, 34) + "</svg>"),
        ("no_face", H + 'viewBox="0 0 100 100">' + _ticks(50, 50, 38, 45) + _hands(50, 50, 300, 60, 22, 34)
                        + "</svg>"),
    ],
}

_S1 = "M72 32 C66 16 34 14 30 34 C26 54 72 52 72 80 C72 104 32 106 26 88"
_S2 = "M70 38 A20 17 0 1 0 50 57 A21 18 0 1 1 28 82"

EXAMPLES["dollar"] = {
    "correct": [
        H + f'viewBox="0 0 100 120"><path d="{_S1}" fill="none" stroke="black" stroke-width="10" '
            'stroke-linecap="round"/><line x1="50" y1="2" x2="50" y2="116" stroke="black" stroke-width="8"/></svg>',
        H + f'viewBox="0 0 100 120"><g stroke="#2e7d32" fill="none" stroke-width="9"><path d="{_S2}"/>'
            '<path d="M50 4 V24 M50 96 V116"/></g><rect x="46" y="20" width="8" height="80" fill="#2e7d32"/></svg>',
        H + f'viewBox="0 0 50 60"><g transform="scale(0.5)"><path d="{_S1}" fill="none" stroke="rgb(20,20,20)" '
            'stroke-width="12"/><rect x="45" y="0" width="10" height="120" fill="rgb(20,20,20)"/></g></svg>',
    ],
    "near_miss": [
        ("no_bar", H + f'viewBox="0 0 100 120"><path d="{_S1}" fill="none" stroke="black" stroke-width="10" '
                       'stroke-linecap="round"/></svg>'),
        ("mirrored", H + f'viewBox="0 0 100 120"><g transform="translate(100 0) scale(-1 1)"><path d="{_S1}" '
                         'fill="none" stroke="black" stroke-width="10"/><line x1="50" y1="2" x2="50" y2="116" '
                         'stroke="black" stroke-width="8"/></g></svg>'),
        ("bar_only", H + 'viewBox="0 0 100 120"><line x1="50" y1="2" x2="50" y2="116" stroke="black" '
                         'stroke-width="8"/></svg>'),
        ("eight_with_bar", H + 'viewBox="0 0 100 120"><g fill="none" stroke="black" stroke-width="9">'
                               '<ellipse cx="50" cy="35" rx="22" ry="19"/><ellipse cx="50" cy="78" rx="25" ry="22"/>'
                               '<line x1="50" y1="2" x2="50" y2="116"/></g></svg>'),
        ("circle_with_bar", H + 'viewBox="0 0 100 120"><g fill="none" stroke="black" stroke-width="9">'
                                '<circle cx="50" cy="60" r="30"/><line x1="50" y1="2" x2="50" y2="116"/></g></svg>'),
    ],
}

EXAMPLES["yuan"] = {
    "correct": [
        H + 'viewBox="0 0 100 130"><path d="M18 8 L50 58 L82 8 M50 58 V124 M24 72 H76 M24 94 H76" fill="none" '
            'stroke="black" stroke-width="9"/></svg>',
        H + 'viewBox="0 0 100 130"><g fill="#c62828"><polygon points="10,5 26,5 50,48 74,5 90,5 57,62 43,62"/>'
            '<rect x="43" y="60" width="14" height="66"/><rect x="20" y="70" width="60" height="10"/>'
            '<rect x="20" y="90" width="60" height="10"/></g></svg>',
        H + 'viewBox="0 0 60 80"><g stroke="#111" stroke-width="5" stroke-linecap="square" '
            'transform="translate(30 0)"><line x1="-20" y1="4" x2="0" y2="36"/><line x1="20" y1="4" x2="0" y2="36"/>'
            '<line x1="0" y1="36" x2="0" y2="76"/><line x1="-15" y1="44" x2="15" y2="44"/>'
            '<line x1="-15" y1="56" x2="15" y2="56"/></g></svg>',
    ],
    "near_miss": [
        ("y_no_bars", H + 'viewBox="0 0 100 130"><path d="M18 8 L50 58 L82 8 M50 58 V124" fill="none" '
                          'stroke="black" stroke-width="9"/></svg>'),
        ("one_bar", H + 'viewBox="0 0 100 130"><path d="M18 8 L50 58 L82 8 M50 58 V124 M24 80 H76" fill="none" '
                        'stroke="black" stroke-width="9"/></svg>'),
        ("inverted", H + 'viewBox="0 0 100 130"><g transform="rotate(180 50 65)"><path d="M18 8 L50 58 L82 8 '
                         'M50 58 V124 M24 72 H76 M24 94 H76" fill="none" stroke="black" stroke-width="9"/></g></svg>'),
        ("dollar", H + f'viewBox="0 0 100 120"><path d="{_S1}" fill="none" stroke="black" stroke-width="10"/>'
                       '<line x1="50" y1="2" x2="50" y2="116" stroke="black" stroke-width="8"/></svg>'),
        ("x_with_bars", H + 'viewBox="0 0 100 130"><path d="M18 8 L82 124 M82 8 L18 124 M24 72 H76 M24 94 H76" '
                            'fill="none" stroke="black" stroke-width="9"/></svg>'),
    ],
}

_TEMPS = [12, 15, 14, 18, 21, 19, 16]


def _chart_points(x0: float, dx: float, y0: float, scale: float, temps=_TEMPS) -> str:
    return " ".join(f"{x0 + dx * i:g},{y0 - scale * t:g}" for i, t in enumerate(temps))


EXAMPLES["line_chart"] = {
    "correct": [
        H + 'viewBox="0 0 400 300"><line x1="50" y1="250" x2="380" y2="250" stroke="black" stroke-width="2"/>'
            '<line x1="50" y1="250" x2="50" y2="20" stroke="black" stroke-width="2"/>'
            f'<polyline points="{_chart_points(70, 50, 250, 10)}" fill="none" stroke="#e53935" stroke-width="3"/>'
            + "".join(f'<circle cx="{70 + 50 * i}" cy="{250 - 10 * t}" r="4" fill="#e53935"/>'
                      for i, t in enumerate(_TEMPS)) + "</svg>",
        H + 'viewBox="0 0 200 150"><path d="M20 10 V130 H190" fill="none" stroke="#333" stroke-width="1.5"/>'
            '<g stroke="#ddd" stroke-width="0.5"><line x1="20" y1="40" x2="190" y2="40"/>'
            '<line x1="20" y1="70" x2="190" y2="70"/><line x1="20" y1="100" x2="190" y2="100"/></g>'
            '<path d="M30 95 L55 80 L80 85 L105 60 L130 45 L155 55 L180 70" fill="none" stroke="steelblue" '
            'stroke-width="2.5"/></svg>',
        H + 'viewBox="0 0 100 100"><g transform="translate(10 90) scale(1 -1)"><path d="M0 0 H85 M0 0 V80" '
            'stroke="black"/><polyline points="' + _chart_points(5, 12, 0, -3) + '" fill="none" stroke="orange" '
            'stroke-width="2"/></g></svg>',
    ],
    "near_miss": [
        ("bar_chart", H + 'viewBox="0 0 400 300"><line x1="50" y1="250" x2="380" y2="250" stroke="black" '
                          'stroke-width="2"/><line x1="50" y1="250" x2="50" y2="20" stroke="black" stroke-width="2"/>'
                          + "".join(f'<rect x="{62 + 45 * i}" y="{250 - 10 * t}" width="30" height="{10 * t}" '
                                    f'fill="#1e88e5"/>' for i, t in enumerate(_TEMPS)) + "</svg>"),
        ("no_axes", H + 'viewBox="0 0 400 300"><polyline points="' + _chart_points(70, 50, 250, 10)
                        + '" fill="none" stroke="#e53935" stroke-width="3"/></svg>'),
        ("scatter", H + 'viewBox="0 0 400 300"><line x1="50" y1="250" x2="380" y2="250" stroke="black" '
                        'stroke-width="2"/><line x1="50" y1="250" x2="50" y2="20" stroke="black" stroke-width="2"/>'
                        + "".join(f'<circle cx="{70 + 50 * i}" cy="{250 - 10 * t}" r="5" fill="#e53935"/>'
                                  for i, t in enumerate(_TEMPS)) + "</svg>"),
        ("straight_line", H + 'viewBox="0 0 400 300"><line x1="50" y1="250" x2="380" y2="250" stroke="black" '
                              'stroke-width="2"/><line x1="50" y1="250" x2="50" y2="20" stroke="black" '
                              'stroke-width="2"/><polyline points="' + _chart_points(70, 50, 250, 10, [10, 12, 14, 16, 18, 20, 22])
                              + '" fill="none" stroke="#e53935" stroke-width="3"/></svg>'),
        ("pie", H + 'viewBox="0 0 100 100"><circle cx="50" cy="50" r="40" fill="#1e88e5"/><path d="M50 50 L50 10 '
                    'A40 40 0 0 1 90 50 Z" fill="#e53935"/></svg>'),
    ],
}

_SKY = '<rect width="400" height="300" fill="#87ceeb"/>'
_MOUNTAINS = ('<polygon points="0,200 90,70 170,170 250,60 340,160 400,120 400,210 0,210" fill="#6d6875"/>'
              '<polygon points="90,70 110,100 70,100" fill="white"/><polygon points="250,60 272,92 228,92" fill="white"/>')
_LAKE = '<ellipse cx="200" cy="255" rx="150" ry="30" fill="#1e6fd9"/>'
_GROUND = '<rect y="205" width="400" height="95" fill="#7cb342"/>'

EXAMPLES["landscape"] = {
    "correct": [
        H + 'viewBox="0 0 400 300">' + _SKY + _MOUNTAINS + _GROUND + _LAKE + "</svg>",
        H + 'viewBox="0 0 400 300">' + _SKY + '<circle cx="330" cy="50" r="25" fill="#ffd54f"/>'
            '<ellipse cx="110" cy="45" rx="40" ry="12" fill="white"/>' + _MOUNTAINS + _GROUND
            + '<path d="M40 230 Q200 200 360 230 Q200 290 40 230 Z" fill="rgb(30, 100, 200)"/></svg>',
        H + 'viewBox="0 0 800 500"><defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">'
            '<stop offset="0" stop-color="#4a90d9"/><stop offset="1" stop-color="#cfe8ff"/></linearGradient></defs>'
            '<rect width="800" height="500" fill="url(#sky)"/>'
            '<path d="M0 320 L150 140 L260 260 L420 90 L560 250 L680 170 L800 280 V340 H0 Z" fill="#5d4037"/>'
            '<rect y="330" width="800" height="170" fill="#558b2f"/>'
            '<path d="M120 380 C250 350 550 350 680 380 C600 460 200 460 120 380 Z" fill="#1565c0"/></svg>',
    ],
    "near_miss": [
        ("no_lake", H + 'viewBox="0 0 400 300">' + _SKY + _MOUNTAINS + _GROUND + "</svg>"),
        ("no_mountains", H + 'viewBox="0 0 400 300">' + _SKY + _GROUND + _LAKE + "</svg>"),
        ("lake_in_sky", H + 'viewBox="0 0 400 300"><rect width="400" height="300" fill="#fff3e0"/>' + _MOUNTAINS
                            + _GROUND + '<ellipse cx="200" cy="30" rx="120" ry="20" fill="#1e6fd9"/></svg>'),
        ("city_by_lake", H + 'viewBox="0 0 400 300">' + _SKY
                             + "".join(f'<rect x="{i * 50}" y="{200 - h}" width="50" height="{h + 10}" fill="#555"/>'
                                       for i, h in enumerate([60, 120, 90, 140, 70, 110, 80, 100]))
                             + _GROUND + _LAKE + "</svg>"),
    ],
}


def _city(heights, x0: float = 0, width: float = 50, base: float = 300, windows: bool = True,
          colour: str = "#1a1a1a", light: str = "#ffd54f") -> str:
    out = []
    for i, h in enumerate(heights):
        x = x0 + i * width
        out.append(f'<rect x="{x}" y="{base - h}" width="{width}" height="{h}" fill="{colour}"/>')
        if windows:
            for wy in range(int(base - h + 12), int(base - 10), 24):
                for wx in (x + 10, x + 30):
                    if (wx * 7 + wy * 3) % 5 < 3:
                        out.append(f'<rect x="{wx}" y="{wy}" width="9" height="11" fill="{light}"/>')
    return "".join(out)


EXAMPLES["skyline"] = {
    "correct": [
        H + 'viewBox="0 0 400 300"><rect width="400" height="300" fill="#0b1a3a"/><circle cx="330" cy="60" r="22" '
            'fill="#f5f3ce"/>' + _city([120, 190, 90, 230, 150, 170, 100, 210]) + "</svg>",
        H + 'viewBox="0 0 400 300"><defs><linearGradient id="n" x1="0" y1="0" x2="0" y2="1"><stop offset="0" '
            'stop-color="#020024"/><stop offset="1" stop-color="#1b2a5a"/></linearGradient></defs>'
            '<rect width="400" height="300" fill="url(#n)"/>'
            + "".join(f'<circle cx="{(37 * i) % 400}" cy="{(53 * i) % 120 + 8}" r="1.5" fill="white"/>' for i in range(25))
            + _city([150, 100, 200, 130, 240, 110, 180, 160], colour="rgb(30,30,40)", light="#fff59d") + "</svg>",
        H + 'viewBox="0 0 800 400"><rect width="800" height="400" fill="black"/>'
            '<path d="M0 400 V250 H60 V180 H120 V300 H200 V120 H260 V220 H340 V160 H420 V260 H480 V90 H540 V230 '
            'H620 V170 H700 V280 H800 V400 Z" fill="#222"/>'
            + "".join(f'<rect x="{x}" y="{y}" width="10" height="12" fill="#ffeb3b"/>'
                      for x in (75, 215, 355, 495, 635) for y in range(300, 380, 25)) + "</svg>",
    ],
    "near_miss": [
        ("daytime", H + 'viewBox="0 0 400 300"><rect width="400" height="300" fill="#87ceeb"/>'
                        + _city([120, 190, 90, 230, 150, 170, 100, 210], colour="#607d8b", light="#fffde7") + "</svg>"),
        ("mountains_at_night", H + 'viewBox="0 0 400 300"><rect width="400" height="300" fill="#0b1a3a"/>'
                                   '<polygon points="0,300 0,200 90,90 170,190 250,80 340,180 400,140 400,300" '
                                   'fill="#1a1a1a"/></svg>'),
        ("empty_night_sky", H + 'viewBox="0 0 400 300"><rect width="400" height="300" fill="#0b1a3a"/>'
                                '<circle cx="330" cy="60" r="22" fill="#f5f3ce"/>'
                                + "".join(f'<circle cx="{(37 * i) % 400}" cy="{(53 * i) % 280 + 8}" r="1.5" '
                                          f'fill="white"/>' for i in range(25)) + "</svg>"),
        ("one_tower", H + 'viewBox="0 0 400 300"><rect width="400" height="300" fill="#0b1a3a"/>'
                          + _city([220], x0=170, width=60) + "</svg>"),
    ],
}
