"""Hand-written drawings for every seed task: correct ones and near misses.

They serve as the verifiers' tests (each correct drawing scores >= 0.9, each near miss <= 0.5) and as the
candidate completions of the reward study. Different authors draw differently, so they vary coordinates,
viewBoxes, transforms, paths against primitives and colour notation.

``EXAMPLES[task] = {"correct": [svg, ...], "near_miss": [(what, svg), ...]}``.
"""
from __future__ import annotations

__all__ = ["EXAMPLES"]

H = '<svg xmlns="http://www.w3.org/2000/svg" '

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
