"""Which HTML elements a browser would not show, from the page's own CSS.

Only what the document holds is read: ``style`` attributes, ``<style>`` elements and the
legacy ``hidden``, ``color`` and ``bgcolor`` attributes. Rules are matched with soupsieve
(bs4's selector engine) and cascaded by ``!important``, specificity and order, as a browser
on a 1280×800 screen would (``@media`` queries are judged for that screen; print rules are
left out). Linked stylesheets are never fetched, so what they hide cannot be told: the page
says which it links, and class names that conventionally hide text ("sr-only", "d-none")
are reported rather than guessed at.

Two kinds of hiding are told apart: an element that hides everything in it (``display:
none``, ``opacity: 0``, off-screen positioning, a clip to nothing, zero size with overflow
hidden, ``scale(0)``), and text that is there but cannot be read (``visibility: hidden``,
text smaller than 2 pt, text the colour of its background), which a child may undo.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

import soupsieve
import tinycss2
import tinycss2.color3
from bs4 import BeautifulSoup, Tag

from dpcheck.ingest.document import TINY_POINTS
from dpcheck.limits import checkpoint

_VIEWPORT = (1280.0, 800.0)
_ROOT_FONT = 16.0
_TINY_PX = TINY_POINTS * 4 / 3
_OFF_SCREEN = -500.0  # px: an element placed this far left or up is off any screen
_FAINT_CONTRAST = 1.2  # WCAG contrast ratio below which text is not read against its ground
_PROPERTIES = frozenset(
    (
        "display",
        "visibility",
        "opacity",
        "font-size",
        "color",
        "background-color",
        "background",
        "background-image",
        "position",
        "left",
        "top",
        "right",
        "text-indent",
        "margin-left",
        "margin-top",
        "clip",
        "clip-path",
        "transform",
        "width",
        "height",
        "max-width",
        "max-height",
        "overflow",
        "overflow-x",
        "overflow-y",
        "content",
    )
)
# Conventional utility classes that hide text when the (unread) stylesheet defines them so.
HIDING_CLASSES = frozenset(
    (
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screen-reader-only",
        "d-none",
        "hidden",
        "hide",
        "is-hidden",
        "invisible",
        "u-hidden",
        "display-none",
        "offscreen",
        "off-screen",
    )
)
# Never shown, or shown only where a plugin or script fails: iframe content, canvas, audio and
# video fallbacks (an ``iframe srcdoc`` is a document of its own, read by the HTML reader).
NEVER_SHOWN = frozenset(
    (
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "datalist",
        "iframe",
        "embed",
        "canvas",
        "audio",
        "video",
        "map",
    )
)
_SPECIFICITY = (
    re.compile(r"#[\w-]+"),
    re.compile(r"\.[\w-]+|\[[^\]]*\]|:(?!:)[\w-]+"),
    re.compile(r"(?:^|[\s>+~(])[a-zA-Z][\w-]*"),
)


@dataclass(frozen=True, slots=True)
class _Declaration:
    value: str
    tokens: tuple[object, ...]
    rank: tuple[int, int, int, int, int]  # (important, inline, ids, classes, types) then order below
    order: int


@dataclass(slots=True)
class _Computed:
    """The inherited part of an element's style, as far as visibility goes."""

    visible: bool = True
    font_px: float = _ROOT_FONT
    color: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 1.0)
    ground: tuple[float, float, float] | None = (1.0, 1.0, 1.0)  # None: an image or unknown


@dataclass(slots=True)
class Visibility:
    """The verdict for one parsed page: ids of hidden elements and of elements whose own text is unreadable."""

    hidden: set[int] = field(default_factory=set)
    faint: set[int] = field(default_factory=set)
    reasons: dict[int, str] = field(default_factory=dict)
    conventional: set[int] = field(default_factory=set)  # shown elements in or under a conventional hiding class
    external: int = 0  # linked stylesheets and @import rules, not read
    generated: int = 0  # rules that add text with ``content:``, not read


class StyleSheet:
    """The rules of a page's ``<style>`` elements that bear on visibility."""

    def __init__(self, css: Iterable[str]) -> None:
        self.rules: list[tuple[str, list[tuple[str, tuple[object, ...], bool]], int]] = []
        self.imports = 0
        self.generated = 0
        order = 0
        for text in css:
            for rule in _applicable(tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)):
                checkpoint()
                if rule.type == "at-rule":
                    self.imports += rule.lower_at_keyword == "import"
                    continue
                selector = tinycss2.serialize(rule.prelude).strip()
                declarations = [
                    (d.lower_name, tuple(t for t in d.value if t.type not in ("whitespace", "comment")), d.important)
                    for d in tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
                    if d.type == "declaration" and d.lower_name in _PROPERTIES
                ]
                if "::before" in selector or "::after" in selector:
                    self.generated += any(
                        n == "content" and any(t.type == "string" and t.value.strip() for t in v)
                        for n, v, _ in declarations
                    )
                    continue
                if declarations:
                    self.rules.append((selector, declarations, order))
                    order += 1

    def judge(self, root: Tag) -> Visibility:
        """Which elements under ``root`` a browser would not show."""
        declared: dict[int, dict[str, _Declaration]] = {}
        for selector, declarations, order in self.rules:
            checkpoint()
            for part in _split_selectors(selector):
                try:
                    matches = soupsieve.select(part, root)
                # soupsieve cannot match states (:hover) or odd syntax: not shown by default
                except Exception:  # noqa: BLE001
                    continue
                specificity = _specificity(part)
                for tag in matches:
                    slot = declared.setdefault(id(tag), {})
                    for name, tokens, important in declarations:
                        _cascade(
                            slot,
                            name,
                            _Declaration(
                                tinycss2.serialize(tokens).strip().lower(),
                                tokens,
                                (int(important), 0, *specificity),
                                order,
                            ),
                        )
        verdict = Visibility(external=self.imports, generated=self.generated)
        computed: dict[int, _Computed] = {}
        for tag in (root, *root.find_all(True)):
            checkpoint()
            if tag.name == "link" and "stylesheet" in (tag.get("rel") or ()):
                verdict.external += 1
            parent = tag.parent
            inherited = computed.get(id(parent)) if parent is not None else None
            if parent is not None and id(parent) in verdict.hidden:
                verdict.hidden.add(id(tag))
                continue
            style = dict(declared.get(id(tag), {}))
            for name, decl in _inline(str(tag.get("style", ""))).items():
                _cascade(style, name, decl)
            state = replace(inherited) if inherited else _Computed()
            reason = _hides(tag, style, state)
            if reason:
                verdict.hidden.add(id(tag))
                verdict.reasons[id(tag)] = reason
                continue
            _inherit(tag, style, state)
            computed[id(tag)] = state
            if hiding_classes(tag) or (parent is not None and id(parent) in verdict.conventional):
                verdict.conventional.add(id(tag))
            faint = _faint(state)
            if faint:
                verdict.faint.add(id(tag))
                verdict.reasons[id(tag)] = faint
        return verdict


def _applicable(rules: list[Any]) -> Iterable[Any]:
    """Top-level rules, and those of ``@media`` blocks that hold on a desktop screen."""
    for rule in rules:
        if getattr(rule, "type", "") == "qualified-rule":
            yield rule
        elif getattr(rule, "type", "") == "at-rule":
            keyword = rule.lower_at_keyword
            if keyword == "import":
                yield rule
            elif keyword in ("media", "supports", "layer") and rule.content is not None:
                if keyword != "media" or _media_applies(tinycss2.serialize(rule.prelude)):
                    yield from _applicable(
                        tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True)
                    )


_FEATURE = re.compile(r"\(\s*([a-z-]+)\s*(?::\s*([^)]*))?\)")


def _media_applies(query_list: str) -> bool:
    """Whether a media query list holds for a 1280×800 screen with light colours."""
    for query in query_list.lower().split(","):
        words = _FEATURE.sub(" ", query).split()
        negated = "not" in words
        types = [w for w in words if w not in ("only", "not", "and")]
        holds = all(t in ("screen", "all") for t in types)
        for name, value in _FEATURE.findall(query):
            holds = holds and _feature_holds(name, value.strip())
        if holds != negated:
            return True
    return False


def _feature_holds(name: str, value: str) -> bool:
    width, height = _VIEWPORT
    if name in ("min-width", "max-width", "width", "min-height", "max-height", "height"):
        length = _length_px(value, _ROOT_FONT, _VIEWPORT[0])
        if length is None:
            return False
        actual = width if "width" in name else height
        return (
            actual >= length
            if name.startswith("min")
            else actual <= length
            if name.startswith("max")
            else (actual == length)
        )
    return (name, value) in (
        ("orientation", "landscape"),
        ("prefers-color-scheme", "light"),
        ("color", ""),
        ("hover", "hover"),
        ("pointer", "fine"),
        ("prefers-reduced-motion", "no-preference"),
    )


def _split_selectors(selector: str) -> list[str]:
    return [part.strip() for part in selector.split(",") if part.strip()]


def _specificity(selector: str) -> tuple[int, int, int]:
    ids, classes, types = (len(pattern.findall(selector)) for pattern in _SPECIFICITY)
    return ids, classes, types


def _cascade(slot: dict[str, _Declaration], name: str, decl: _Declaration) -> None:
    current = slot.get(name)
    if current is None or (decl.rank, decl.order) >= (current.rank, current.order):
        slot[name] = decl


_INLINE_CACHE: dict[str, dict[str, _Declaration]] = {}


def _inline(style: str) -> dict[str, _Declaration]:
    """A ``style`` attribute's declarations (converted documents repeat the same few thousands of times)."""
    if not style.strip():
        return {}
    cached = _INLINE_CACHE.get(style)
    if cached is not None:
        return cached
    result: dict[str, _Declaration] = {}
    for d in tinycss2.parse_declaration_list(style, skip_comments=True, skip_whitespace=True):
        if d.type == "declaration" and d.lower_name in _PROPERTIES:
            tokens = tuple(t for t in d.value if t.type not in ("whitespace", "comment"))
            _cascade(
                result,
                d.lower_name,
                _Declaration(tinycss2.serialize(tokens).strip().lower(), tokens, (int(d.important), 1, 0, 0, 0), 0),
            )
    if len(_INLINE_CACHE) < 4096:
        _INLINE_CACHE[style] = result
    return result


def _value(style: dict[str, _Declaration], name: str) -> str:
    decl = style.get(name)
    return decl.value if decl else ""


def _hides(tag: Tag, style: dict[str, _Declaration], state: _Computed) -> str:
    """Why ``tag`` and all in it are not shown, or ""."""
    if tag.name in NEVER_SHOWN:
        return "never shown"
    if tag.has_attr("hidden") or (tag.name == "dialog" and not tag.has_attr("open")):
        return "hidden attribute"
    if _value(style, "display") == "none":
        return "display: none"
    opacity = _number(_value(style, "opacity"))
    if opacity is not None and opacity <= 0.01:
        return "opacity: 0"
    font = state.font_px
    position = _value(style, "position")
    if position in ("absolute", "fixed"):
        for side in ("left", "top", "right"):
            length = _length_px(_value(style, side), font, _VIEWPORT[0])
            if length is not None and length <= _OFF_SCREEN:
                return "positioned off the screen"
    for name in ("text-indent", "margin-left", "margin-top"):
        length = _length_px(_value(style, name), font, _VIEWPORT[0])
        if length is not None and length <= 4 * _OFF_SCREEN:
            return "moved off the screen"
    if _clipped(_value(style, "clip"), _value(style, "clip-path")):
        return "clipped to nothing"
    overflow = " ".join(_value(style, n) for n in ("overflow", "overflow-x", "overflow-y"))
    if "hidden" in overflow or "clip" in overflow:
        for name in ("width", "height", "max-width", "max-height"):
            length = _length_px(_value(style, name), font, _VIEWPORT[0])
            if length is not None and length <= 1:
                return "zero size with overflow hidden"
    transform = _value(style, "transform")
    if re.search(r"scale[xy]?\(\s*0(?:\.0+)?\s*[,)]", transform) or re.search(r"translate[xy]?\(\s*-\d{4,}", transform):
        return "transformed away"
    return ""


def _inherit(tag: Tag, style: dict[str, _Declaration], state: _Computed) -> None:
    """Update the inherited state with the element's own declarations."""
    visibility = _value(style, "visibility")
    if visibility in ("hidden", "collapse"):
        state.visible = False
    elif visibility == "visible":
        state.visible = True
    size = _value(style, "font-size")
    if size:
        length = _length_px(size, state.font_px, state.font_px, percent_of=state.font_px)
        if length is not None:
            state.font_px = length
    color = _color(style.get("color"), str(tag.get("color", "")) if tag.name == "font" else "")
    if color is not None:
        state.color = color
    background = style.get("background-color") or style.get("background")
    image = _value(style, "background-image") or _value(style, "background")
    if "url(" in image or "gradient" in image:
        state.ground = None
    ground = _color(background, str(tag.get("bgcolor", "")))
    if ground is not None and ground[3] > 0.5:
        state.ground = ground[:3]
    elif background is not None and "var(" in background.value:
        # "background: var(--ink)": a custom property this reader does not resolve; the ground is unknown, and text
        # on it is read rather than judged the colour of a white page (a dark theme's light text).
        state.ground = None


def _faint(state: _Computed) -> str:
    if not state.visible:
        return "visibility: hidden"
    if state.font_px < _TINY_PX:
        return f"text smaller than {TINY_POINTS:g} pt"
    if state.color[3] <= 0.05:
        return "transparent text"
    if state.ground is not None and _contrast(state.color[:3], state.ground) < _FAINT_CONTRAST:
        return "text the colour of its background"
    return ""


def _color(decl: _Declaration | None, attribute: str) -> tuple[float, float, float, float] | None:
    """A colour from a declaration (or a legacy attribute), or None if there is none or it is not fixed."""
    candidates = list(decl.tokens) if decl else []
    if attribute:
        candidates.append(attribute)
    for token in candidates:
        try:
            parsed = tinycss2.color3.parse_color(token)
        except (TypeError, AttributeError):
            continue
        if parsed is not None and parsed != "currentColor":
            return tuple(parsed)
    return None


def _contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    def luminance(rgb: tuple[float, ...]) -> float:
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


_LENGTH = re.compile(r"^(-?\d*\.?\d+)\s*(px|pt|em|rem|%|vw|vh|cm|mm|in|pc|ex|ch)?$")
_UNITS = {"px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4}


def _length_px(value: str, font: float, extent: float, percent_of: float | None = None) -> float | None:
    value = value.replace("!important", "").strip()
    keywords = {"xx-small": 9.0, "x-small": 10.0, "small": 13.0, "medium": 16.0, "large": 18.0}
    if value in keywords:
        return keywords[value]
    match = _LENGTH.match(value)
    if not match:
        return None
    number, unit = float(match[1]), match[2] or "px"
    if unit in _UNITS:
        return number * _UNITS[unit]
    if unit in ("em", "ex", "ch"):
        return number * font * (1.0 if unit == "em" else 0.5)
    if unit == "rem":
        return number * _ROOT_FONT
    if unit == "%":
        return number / 100 * (percent_of if percent_of is not None else extent)
    return number / 100 * (_VIEWPORT[0] if unit == "vw" else _VIEWPORT[1])


def _number(value: str) -> float | None:
    value = value.replace("!important", "").strip()
    try:
        return float(value[:-1]) / 100 if value.endswith("%") else float(value)
    except ValueError:
        return None


def _clipped(clip: str, clip_path: str) -> bool:
    numbers = [float(n) for n in re.findall(r"-?\d*\.?\d+", clip)] if clip.startswith("rect") else []
    if len(numbers) == 4 and (numbers[2] - numbers[0] <= 1 or numbers[1] - numbers[3] <= 1):
        return True
    inset = re.match(r"inset\(\s*(\d+(?:\.\d+)?)%", clip_path)
    if inset and float(inset[1]) >= 50:
        return True
    if re.match(r"(?:circle|ellipse)\(\s*0(?:px|%)?(?:\s+0(?:px|%)?)?\s*(?:at|\))", clip_path):
        return True
    points = re.match(r"polygon\((.*)\)", clip_path)
    return points is not None and len({p.strip() for p in points[1].split(",")}) <= 1


def hiding_classes(tag: Tag) -> bool:
    """Whether ``tag`` carries a class name that conventionally hides it."""
    return any(str(name).lower() in HIDING_CLASSES for name in tag.get("class") or ())


def style_texts(soup: BeautifulSoup) -> list[str]:
    """The contents of the page's ``<style>`` elements."""
    return [tag.get_text() for tag in soup.find_all("style")]
