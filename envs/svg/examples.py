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
