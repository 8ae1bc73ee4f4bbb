"""The SVG sanitizer: untrusted text in, a small self-contained SVG document out (or :class:`SVGRejected`).

What it does, in order:

* refuses input over ``max_bytes`` (UTF-8) before parsing;
* parses with defusedxml: a DTD, an entity declaration or an external entity is refused outright;
* refuses documents deeper than ``max_depth``, with more than ``max_elements`` elements, or whose ``<use>``
  references would expand to more than ``max_expanded`` elements (or refer to themselves);
* inlines the simple rules of ``<style>`` sheets (``tag``, ``.class``, ``tag.class``, ``#id``) as ``style``
  attributes (the renderer ignores style sheets);
* keeps only a whitelist of drawing elements: ``script``, ``foreignObject``, ``image``, ``style``, filters,
  patterns, animation, links and anything outside the SVG namespace are removed with their children;
* removes event handlers (``on*``), any ``href`` that is not a same-document ``#id``, any ``url(...)`` that is
  not ``url(#id)``, ``filter`` references, ``xml:base`` and other namespaced attributes;
* writes ``hsl()``/``hsla()`` colours as ``rgb()``/``rgba()`` and colour names in lower case (the renderer
  reads neither otherwise);
* drops dash patterns so fine that they could only cost time (``stroke-dasharray`` summing to less than
  ``min_dash`` of the viewport);
* normalises the root: a valid ``viewBox`` (from ``width``/``height`` when absent, 300 x 150 as in browsers
  when both are absent), no ``x``/``y``; the renderer sets the output size.

Pure functions; no file, network or renderer is touched here.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from . import require

__all__ = ["Limits", "SVGRejected", "SanitizedSVG", "sanitize", "SVG_NS", "XLINK_NS"]

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

#: drawing elements kept (local names); everything else is removed with its subtree
ALLOWED = frozenset({
    "svg", "g", "defs", "title", "desc", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath", "use", "symbol", "linearGradient", "radialGradient", "stop", "clipPath",
    "mask", "marker",
})
#: elements whose ``href`` may point at another element of the same document
HREF_OK = frozenset({"use", "linearGradient", "radialGradient", "textPath"})
_URL = re.compile(r"url\s*\(([^)]*)\)", re.IGNORECASE)
_NUM = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_HSL = re.compile(r"hsla?\(\s*([-+\d.eE]+)(?:deg)?[\s,]+([\d.eE]+)%[\s,]+([\d.eE]+)%\s*(?:[,/]\s*([\d.eE]+%?))?\s*\)",
                  re.IGNORECASE)
_COLOUR_PROPS = frozenset({"fill", "stroke", "stop-color", "flood-color", "lighting-color", "color"})
_STYLE_BLOCK = ("filter", "behavior", "-moz-binding", "@import", "expression", "src")


class SVGRejected(ValueError):
    """The input is not an SVG the renderer will draw (the reason says why)."""


@dataclass(frozen=True)
class Limits:
    """Caps applied by :func:`sanitize` (defaults fit real icons and illustrations of up to 64 KB)."""

    max_bytes: int = 65536
    max_depth: int = 48
    max_elements: int = 4000
    max_expanded: int = 20000
    min_dash: float = 2e-3


@dataclass(frozen=True)
class SanitizedSVG:
    """A sanitized document: the root element, its viewBox and what was removed."""

    root: Any
    viewbox: tuple[float, float, float, float]
    removed: tuple[str, ...]

    def to_string(self, width: int | None = None, height: int | None = None) -> str:
        """The document as text; with ``width``/``height`` the root is given that output size in pixels."""
        et = require("xml.etree.ElementTree")
        root = self.root
        if width is not None:
            root.set("width", str(int(width)))
            root.set("height", str(int(height if height is not None else width)))
        try:
            return et.tostring(root, encoding="unicode")
        finally:
            if width is not None:
                root.attrib.pop("width", None)
                root.attrib.pop("height", None)


def _local(tag: Any) -> tuple[str | None, str]:
    if not isinstance(tag, str):  # comments and processing instructions
        return None, ""
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return None, tag


def _finite_numbers(text: str) -> list[float] | None:
    nums = [float(x) for x in _NUM.findall(text or "")]
    return nums if all(math.isfinite(x) for x in nums) else None


def _length(value: str | None) -> float | None:
    """A root ``width``/``height`` in user units (unitless or px), or None when absent or relative."""
    if value is None:
        return None
    m = re.fullmatch(r"\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*(px|pt|mm|cm|in)?\s*", value)
    if not m:
        return None
    scale = {None: 1.0, "px": 1.0, "pt": 4 / 3, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}[m.group(2)]
    v = float(m.group(1)) * scale
    return v if math.isfinite(v) and v > 0 else None


def _clean_url_value(value: str) -> str | None:
    """``value`` if every ``url(...)`` in it is a same-document ``url(#id)``, else None."""
    for m in _URL.finditer(value):
        ref = m.group(1).strip().strip("'\"").strip()
        if not ref.startswith("#"):
            return None
    return value


def _hsl_to_rgb(m: re.Match) -> str:
    h = (float(m.group(1)) % 360) / 360
    sat = min(1.0, max(0.0, float(m.group(2)) / 100))
    light = min(1.0, max(0.0, float(m.group(3)) / 100))

    def hue(t: float) -> float:
        t %= 1
        q = light * (1 + sat) if light < 0.5 else light + sat - light * sat
        p = 2 * light - q
        if t < 1 / 6:
            return p + (q - p) * 6 * t
        if t < 1 / 2:
            return q
        if t < 2 / 3:
            return p + (q - p) * (2 / 3 - t) * 6
        return p

    r, g, b = (int(round(255 * hue(h + o))) for o in (1 / 3, 0, -1 / 3))
    alpha = m.group(4)
    if alpha is None:
        return f"rgb({r},{g},{b})"
    a = float(alpha[:-1]) / 100 if alpha.endswith("%") else float(alpha)
    return f"rgba({r},{g},{b},{min(1.0, max(0.0, a)):g})"


def normalise_colour(value: str) -> str:
    """A paint value the renderer understands: ``hsl()``/``hsla()`` as ``rgb()``/``rgba()``, names in lower case."""
    v = value.strip()
    if "hsl" in v.lower():
        try:
            return _HSL.sub(_hsl_to_rgb, v)
        except (ValueError, OverflowError):
            return v
    if v.lower() == "transparent":
        return "rgba(0,0,0,0)"
    if v.isalpha():
        return v.lower() if v.lower() != "currentcolor" else "currentColor"
    return v


def _clean_style(style: str, removed: list[str]) -> str:
    keep = []
    for decl in style.split(";"):
        if ":" not in decl:
            continue
        name, _, value = decl.partition(":")
        low = name.strip().lower()
        if any(b in low for b in _STYLE_BLOCK) or any(b in value.lower() for b in ("@import", "expression(")):
            removed.append(f"style:{low}")
            continue
        if _clean_url_value(value) is None:
            removed.append(f"style:{low}:url")
            continue
        if low in _COLOUR_PROPS:
            value = normalise_colour(value)
        keep.append(f"{name.strip()}:{value.strip()}")
    return ";".join(keep)


def sanitize(text: str | bytes, limits: Limits = Limits()) -> SanitizedSVG:
    """Sanitize untrusted SVG text (see the module docstring); raises :class:`SVGRejected` with the reason."""
    if isinstance(text, str):
        data = text.encode("utf-8", errors="replace")
    elif isinstance(text, (bytes, bytearray)):
        data = bytes(text)
    else:
        raise SVGRejected(f"expected SVG text, got {type(text).__name__}")
    if not data.strip():
        raise SVGRejected("empty input")
    if len(data) > limits.max_bytes:
        raise SVGRejected(f"{len(data)} bytes exceeds the cap of {limits.max_bytes}")
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise SVGRejected("DTDs and entity declarations are not allowed")
    dxml = require("defusedxml.ElementTree")
    defused = require("defusedxml")
    try:
        root = dxml.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defused.DefusedXmlException as exc:
        raise SVGRejected(f"forbidden XML construct: {type(exc).__name__}") from None
    except Exception as exc:  # noqa: BLE001 - any parse error is a rejection
        raise SVGRejected(f"not well-formed XML: {str(exc)[:120]}") from None
    ns, name = _local(root.tag)
    if name != "svg" or ns not in (SVG_NS, None):
        raise SVGRejected(f"the root element is <{name}>, not <svg>")

    # depth and element caps (iterative walk; expat already built the tree without recursion)
    count = 0
    stack = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        count += 1
        if depth > limits.max_depth:
            raise SVGRejected(f"nesting deeper than {limits.max_depth}")
        if count > limits.max_elements:
            raise SVGRejected(f"more than {limits.max_elements} elements")
        stack.extend((c, depth + 1) for c in el)

    removed: list[str] = []
    _inline_styles(root, removed)
    _strip(root, removed)
    vb = _root_viewbox(root)
    _check_use_expansion(root, limits)
    _check_dashes(root, vb, limits, removed)
    return SanitizedSVG(root, vb, tuple(removed))


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_RULE = re.compile(r"([^{}@;]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^([A-Za-z][\w-]*)?(?:\.([\w-]+)|#([\w-]+))?$")
MAX_CSS_RULES = 500
MAX_CSS_MATCHES = 20000


def _inline_styles(root: Any, removed: list[str]) -> None:
    """Apply the simple rules of ``<style>`` sheets (``tag``, ``.class``, ``tag.class``, ``#id``) as inline
    styles, which the renderer reads (it ignores style sheets). Other selectors and at-rules are dropped;
    declarations are cleaned like any ``style`` attribute later on."""
    sheets = [el for el in root.iter() if _local(el.tag)[1] == "style" and _local(el.tag)[0] in (SVG_NS, None)]
    if not sheets:
        return
    rules: list[tuple[int, str | None, str | None, str | None, str]] = []
    for sheet in sheets:
        text = _CSS_COMMENT.sub("", "".join(sheet.itertext()))
        for m in _CSS_RULE.finditer(text):
            decls = m.group(2).strip()
            for sel in m.group(1).split(","):
                sm = _SIMPLE_SELECTOR.match(sel.strip())
                if not sm or not any(sm.groups()):
                    removed.append("css:selector")
                    continue
                tag, cls, ident = sm.groups()
                rank = 2 if ident else (1 if cls else 0)
                rules.append((rank, tag, cls, ident, decls))
                if len(rules) > MAX_CSS_RULES:
                    raise SVGRejected(f"more than {MAX_CSS_RULES} style rules")
    if not rules:
        return
    # index the rules by what they select, so each element only looks at the rules that can match it
    by_tag: dict[str, list] = {}
    by_class: dict[str, list] = {}
    by_id: dict[str, list] = {}
    for order, (rank, tag, cls, ident, decls) in enumerate(rules):
        parsed = tuple((n.strip().lower(), v.strip()) for n, _, v in (d.partition(":") for d in decls.split(";"))
                       if n.strip() and v.strip())
        entry = (rank, order, tag, cls, ident, parsed)
        if ident is not None:
            by_id.setdefault(ident, []).append(entry)
        elif cls is not None:
            by_class.setdefault(cls, []).append(entry)
        else:
            by_tag.setdefault(tag, []).append(entry)
    work = 0
    for el in root.iter():
        _, name = _local(el.tag)
        classes = (el.get("class") or "").split()[:16]
        ident = el.get("id")
        cands = list(by_tag.get(name, ()))
        for c in classes:
            cands.extend(by_class.get(c, ()))
        if ident is not None:
            cands.extend(by_id.get(ident, ()))
        work += len(cands)
        if work > MAX_CSS_MATCHES:
            raise SVGRejected(f"style rules match elements more than {MAX_CSS_MATCHES} times")
        merged: dict[str, str] = {}
        for e in sorted(cands):
            if e[2] is None or e[2] == name:
                merged.update(e[5])  # later and more specific rules win
        if merged:
            own = el.get("style")
            decls = [f"{k}:{v}" for k, v in merged.items()]
            el.set("style", ";".join(decls + ([own] if own else [])))


def _strip(root: Any, removed: list[str]) -> None:
    stack = [root]
    while stack:
        el = stack.pop()
        for child in list(el):
            ns, name = _local(child.tag)
            if name not in ALLOWED or ns not in (SVG_NS, None):
                removed.append(name or "comment")
                tail = child.tail
                el.remove(child)
                if tail and tail.strip():
                    el.text = (el.text or "") + tail
                continue
            stack.append(child)
        _, ename = _local(el.tag)
        el.tag = ename  # namespace-free output: the renderer and the geometry parser read plain names
        for key in list(el.attrib):
            ans, aname = _local(key)
            value = el.attrib[key]
            low = aname.lower()
            if ans == XLINK_NS and aname == "href" or (ans is None and low == "href"):
                del el.attrib[key]
                if ename in HREF_OK and value.strip().startswith("#") and len(value) < 256:
                    el.set("xlink:href", value.strip())
                    continue
                removed.append(f"{ename}@href")
            elif ans is not None or low.startswith("on"):
                removed.append(f"{ename}@{aname}")
                del el.attrib[key]
            elif low == "filter":
                removed.append(f"{ename}@filter")
                del el.attrib[key]
            elif low == "style":
                cleaned = _clean_style(value, removed)
                if cleaned:
                    el.set(key, cleaned)
                else:
                    del el.attrib[key]
            elif _clean_url_value(value) is None:
                removed.append(f"{ename}@{aname}:url")
                del el.attrib[key]
            elif low in _COLOUR_PROPS:
                el.set(key, normalise_colour(value))


def _root_viewbox(root: Any) -> tuple[float, float, float, float]:
    vb = None
    raw = root.get("viewBox")
    if raw is not None:
        nums = _finite_numbers(raw)
        if nums is not None and len(nums) == 4 and nums[2] > 0 and nums[3] > 0:
            vb = tuple(nums)
    if vb is None:
        w, h = _length(root.get("width")), _length(root.get("height"))
        if w is None and h is None:
            w, h = 300.0, 150.0
        vb = (0.0, 0.0, w or h, h or w)
    for key in ("width", "height", "x", "y", "viewBox"):
        root.attrib.pop(key, None)
    root.set("viewBox", " ".join(f"{v:g}" for v in vb))
    root.set("xmlns", SVG_NS)
    root.set("xmlns:xlink", XLINK_NS)
    return vb  # type: ignore[return-value]


def _check_use_expansion(root: Any, limits: Limits) -> None:
    ids: dict[str, Any] = {}
    has_use = False
    for el in root.iter():
        i = el.get("id")
        if i is not None:
            ids.setdefault(i, el)
        if _local(el.tag)[1] == "use":
            has_use = True
    if not has_use:
        return
    memo: dict[int, int] = {}
    visiting: set[int] = set()

    def href(el: Any) -> str | None:
        v = el.get("xlink:href")
        return v[1:] if v else None

    def size(el: Any) -> int:
        key = id(el)
        if key in memo:
            return memo[key]
        if key in visiting:
            raise SVGRejected("a <use> refers to itself or to one of its ancestors")
        visiting.add(key)
        total = 1
        # iterative over children to keep Python recursion bounded by the use-chain depth (<= max_depth ids)
        for child in el:
            total += size(child)
            if total > limits.max_expanded:
                raise SVGRejected(f"<use> references expand to more than {limits.max_expanded} elements")
        if _local(el.tag)[1] == "use":
            target = ids.get(href(el) or "")
            if target is not None:
                total += size(target)
        visiting.discard(key)
        if total > limits.max_expanded:
            raise SVGRejected(f"<use> references expand to more than {limits.max_expanded} elements")
        memo[key] = total
        return total

    import sys

    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 20 * limits.max_depth + 200))
    try:
        size(root)
    except RecursionError:
        raise SVGRejected("<use> references chain too deeply") from None
    finally:
        sys.setrecursionlimit(old)


def _check_dashes(root: Any, vb: tuple[float, float, float, float], limits: Limits, removed: list[str]) -> None:
    floor = limits.min_dash * max(vb[2], vb[3])
    for el in root.iter():
        for key in ("stroke-dasharray",):
            raw = el.get(key)
            if raw is not None and not _dash_ok(raw, floor):
                del el.attrib[key]
                removed.append("stroke-dasharray")
        style = el.get("style")
        if style and "dasharray" in style:
            parts = []
            for decl in style.split(";"):
                name, _, value = decl.partition(":")
                if name.strip().lower() == "stroke-dasharray" and not _dash_ok(value, floor):
                    removed.append("stroke-dasharray")
                    continue
                parts.append(decl)
            el.set("style", ";".join(parts))


def _dash_ok(raw: str, floor: float) -> bool:
    if raw.strip().lower() in ("none", "inherit", ""):
        return True
    nums = _finite_numbers(raw)
    if nums is None or len(nums) > 64 or any(x < 0 for x in nums):
        return False
    return sum(nums) >= floor
