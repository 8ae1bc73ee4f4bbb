"""The sanitizer: what it keeps, what it removes, what it refuses."""
from __future__ import annotations

import pytest

pytest.importorskip("defusedxml")

from envs.svg.sanitize import Limits, SVGRejected, sanitize  # noqa: E402

H = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100">'


def test_keeps_drawing_elements_and_internal_references():
    doc = sanitize(H + '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient>'
                   '<rect id="r" width="5" height="5"/></defs><use xlink:href="#r" x="3"/>'
                   '<circle r="4" fill="url(#g)" style="stroke:blue;stroke-width:2"/></svg>')
    text = doc.to_string()
    for kept in ('xlink:href="#r"', 'fill="url(#g)"', "stroke:blue", "<linearGradient", "<stop"):
        assert kept in text
    assert doc.removed == ()


@pytest.mark.parametrize("fragment, gone", [
    ('<script>alert(1)</script>', "<script"),
    ('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>', "foreignObject"),
    ('<image href="/etc/passwd" width="9" height="9"/>', "<image"),
    ('<rect onclick="evil()" onload="evil()" width="1" height="1"/>', "evil"),
    ('<use xlink:href="http://example.com/a.svg#x"/>', "example.com"),
    ('<use href="file:///etc/passwd#x"/>', "passwd"),
    ('<rect fill="url(http://example.com/p)" width="1" height="1"/>', "example.com"),
    ('<rect style="fill:url(\'file:///etc/x\');stroke:red" width="1" height="1"/>', "file:"),
    ('<style>@import url(http://example.com/s.css);</style>', "@import"),
    ('<filter id="f"><feGaussianBlur stdDeviation="1e6"/></filter><rect filter="url(#f)"/>', "filter"),
    ('<a xlink:href="javascript:alert(1)"><rect width="1" height="1"/></a>', "javascript"),
    ('<animate attributeName="href" to="http://example.com"/>', "animate"),
    ('<rect xml:base="http://example.com/" width="1" height="1"/>', "example.com"),
])
def test_removes_active_and_external_content(fragment, gone):
    text = sanitize(H + fragment + "</svg>").to_string()
    assert gone not in text


@pytest.mark.parametrize("text, why", [
    ("", "empty"),
    ("   ", "empty"),
    ("plain prose", "well-formed"),
    ("<svg><g></svg>", "well-formed"),
    ("<html/>", "root element"),
    ('<!DOCTYPE svg [<!ENTITY a "b">]><svg>&a;</svg>', "DTD"),
    ('<!DOCTYPE svg SYSTEM "http://example.com/x.dtd"><svg/>', "DTD"),
    ("<svg>" + "<g/>" * 5000 + "</svg>", "elements"),
    ("<svg>" + "x" * 70000 + "</svg>", "bytes"),
])
def test_refuses(text, why):
    with pytest.raises(SVGRejected, match=why):
        sanitize(text)


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deep_nesting_is_refused_without_recursion(depth):
    deep = "<svg>" + "<g>" * depth + "</g>" * depth + "</svg>"
    with pytest.raises(SVGRejected, match="nesting"):
        sanitize(deep, Limits(max_bytes=10 << 20, max_elements=10 ** 6))


def test_use_bomb_and_cycles_are_refused():
    levels = "".join(f'<g id="l{i}">' + f'<use xlink:href="#l{i - 1}"/>' * 10 + "</g>" for i in range(1, 8))
    with pytest.raises(SVGRejected, match="expand"):
        sanitize(H + '<rect id="l0"/>' + levels + "</svg>")
    with pytest.raises(SVGRejected, match="itself"):
        sanitize(H + '<g id="a"><g><use xlink:href="#a"/></g></g></svg>')


def test_fine_dashes_are_dropped_and_normal_dashes_kept():
    doc = sanitize(H + '<rect stroke-dasharray="0.001" width="9" height="9"/>'
                   '<rect stroke-dasharray="4 2" width="9" height="9"/>'
                   '<rect style="stroke-dasharray:0.0001 0.0001;stroke:red" width="9" height="9"/></svg>')
    text = doc.to_string()
    assert 'stroke-dasharray="4 2"' in text
    assert "0.001" not in text and "0.0001" not in text and "stroke:red" in text


@pytest.mark.parametrize("root, vb", [
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32">', (0, 0, 64, 32)),
    ('<svg xmlns="http://www.w3.org/2000/svg" width="200px" height="100">', (0, 0, 200, 100)),
    ('<svg xmlns="http://www.w3.org/2000/svg">', (0, 0, 300, 150)),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 -5 nan" width="40" height="40">', (0, 0, 40, 40)),
    ("<svg>", (0, 0, 300, 150)),
])
def test_root_viewbox_is_normalised(root, vb):
    doc = sanitize(root + "<rect/></svg>")
    assert doc.viewbox == vb
    text = doc.to_string(256)
    assert 'width="256"' in text and 'height="256"' in text
    assert doc.to_string().count("width=") == 0


def test_style_sheets_are_inlined_for_the_renderer():
    pytest.importorskip("skia")
    from envs.svg.raster import render

    doc = sanitize(H + '<style>/* sheet */ .a, #b { fill: #ff0000 } rect { fill: blue; stroke: url(http://x/y) } '
                   'circle.c { fill: lime } g > rect { fill: black } @import url(http://x/z.css);</style>'
                   '<rect class="a" width="50" height="50"/><rect x="50" width="50" height="50"/>'
                   '<rect id="b" y="50" width="50" height="50" style="opacity:1"/>'
                   '<circle class="c" cx="75" cy="75" r="20"/></svg>')
    text = doc.to_string()
    assert "<style" not in text and "http" not in text.replace("http://www.w3.org", "")
    img = render(doc, 100)
    assert tuple(img[25, 25]) == (255, 0, 0)      # .a beats rect
    assert tuple(img[25, 75]) == (0, 0, 255)      # rect
    assert tuple(img[75, 25]) == (255, 0, 0)      # #b, inline style kept
    assert tuple(img[75, 75]) == (0, 255, 0)      # circle.c
