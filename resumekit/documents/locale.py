"""A document's language: its fixed phrases, from one readable file per language, and its
dates, from CLDR through Babel.

The built-in phrase files are ``resumekit/locales/<tag>.yaml``. A project's or a theme's
``locales/<tag>.yaml`` is laid over them key by key, so a user file need hold only what it
changes, and a key no file of the language has keeps the English phrase.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import BuildError

BUILTIN_DIR = Path(__file__).resolve().parent.parent / "locales"
DASH = "\u2013"

DATE_STYLES = {"Mar 2024": "yMMM", "March 2024": "yMMMM", "03/2024": "MM/y", "2024-03": "y-MM"}
"""The documented ``dateFormat`` styles, by what March 2024 looks like in English, and the
CLDR skeleton or pattern each one is: the first two follow the language ("März 2024",
"2024年3月"), the numeric two are the same everywhere."""
DEFAULT_DATE_STYLE = "Mar 2024"
_PATTERNS = {"MM/y", "y-MM"}

ALIASES = {"zh": "zh-Hans", "zh-CN": "zh-Hans", "zh-SG": "zh-Hans", "pt": "pt-BR", "nb": "no", "nn": "no"}
"""Tags whose phrases another file holds: Chinese in China is Simplified, Portuguese
without a region is Brazil's (as in CLDR)."""


def base_language(tag: str) -> str:
    """The language of a tag, without script or region: ``pt-BR`` -> ``pt``, ``zh_Hans`` -> ``zh``."""
    return tag.replace("_", "-").split("-")[0].casefold()


@lru_cache(maxsize=32)
def builtin_locale(tag: str = "en") -> Locale:
    """The locale ``tag`` with resumekit's own phrases only, read once: what documents use
    when no project or theme phrase files are given."""
    return Locale.load(tag)


def candidates(tag: str) -> list[str]:
    """The phrase files that may serve ``tag``, most specific first: ``pt-BR`` -> ``pt-BR``,
    ``pt``; ``zh-CN`` -> ``zh-CN``, ``zh-Hans``, ``zh``."""
    parts = tag.replace("_", "-").split("-")
    found: list[str] = []
    for size in range(len(parts), 0, -1):
        name = "-".join(parts[:size])
        for one in (name, ALIASES.get(name)):
            if one and one not in found:
                found.append(one)
    return found


def builtin_languages() -> list[str]:
    """The tags resumekit has phrases for."""
    return sorted(p.stem for p in BUILTIN_DIR.glob("*.yaml"))


@lru_cache(maxsize=64)
def _read(path: Path, stamp: tuple[int, int]) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f":{mark.line + 1}:{mark.column + 1}"
        raise BuildError(f"{path}{where}: the phrase file cannot be read: "
                         f"{getattr(exc, 'problem', None) or exc}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise BuildError(f"{path}:1:1: a phrase file holds keys and phrases (like resumekit's "
                         f"locales/en.yaml), not a {type(data).__name__}")
    return data


def read_phrases(path: Path) -> dict[str, Any]:
    """The phrases of one file, read once while it is unchanged."""
    stat = path.stat()
    return _read(path, (stat.st_size, stat.st_mtime_ns))


def _kind(value: Any) -> type:
    return dict if isinstance(value, Mapping) else list if isinstance(value, list) else str


def laid_over(base: Mapping[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``over`` laid on ``base`` key by key; a value of another kind than the one it
    replaces (a text where a group of phrases was) is left out, as ``validate`` reports."""
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = laid_over(out[key], value)
        elif value is not None and (key not in out or _kind(value) is _kind(out[key])):
            out[key] = value
    return out


ENGLISH_ONLY = ("list.serialComma", "growth.sinceYear")
"""Phrases another language never takes from English: a language has them only if its own
file says them (the serial comma; "in 2026" for an application dated by its year alone)."""


def _without(phrases: dict[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    out = dict(phrases)
    for key in keys:
        head, _, last = key.rpartition(".")
        if head in out and isinstance(out[head], Mapping):
            out[head] = {k: v for k, v in out[head].items() if k != last}
    return out


def phrase_files(tag: str, folders: Iterable[Path] = ()) -> list[Path]:
    """The phrase files for ``tag``, laid over one another in this order: the built-in
    ones, then each of ``folders`` (a theme's ``locales/``, then the project's), the most
    specific tag last."""
    names = list(reversed(candidates(tag)))
    files = [f for f in (BUILTIN_DIR / f"{n}.yaml" for n in names) if f.is_file()]
    for folder in folders:
        # a user's phrase file is read only from inside its project or theme (no symlink out)
        home = folder.resolve().parent
        files += [f for f in (folder / f"{n}.yaml" for n in names) if f.is_file() and f.resolve().is_relative_to(home)]
    return files


@dataclass(frozen=True)
class Locale:
    """The phrases and date rules of one document language (picklable)."""

    tag: str = "en"
    phrases: Mapping[str, Any] = field(default_factory=dict, compare=False)
    date_style: str = DEFAULT_DATE_STYLE
    has_phrases: bool = True
    """Whether any phrase file serves ``tag`` (else its phrases are English)."""

    @classmethod
    def load(cls, tag: str = "en", folders: Iterable[Path] = (), date_style: str | None = None) -> Locale:
        """The locale ``tag`` (a BCP 47 tag), its phrases from every file that serves it."""
        phrases = dict(read_phrases(BUILTIN_DIR / "en.yaml"))
        if base_language(tag) != "en":
            phrases = _without(phrases, ENGLISH_ONLY)
        files = phrase_files(tag, folders)  # English's own file among them only for English
        for path in files:
            if path != BUILTIN_DIR / "en.yaml":
                phrases = laid_over(phrases, read_phrases(path))
        return cls(tag, phrases, date_style or DEFAULT_DATE_STYLE, bool(files))

    # --- phrases ----------------------------------------------------------------------

    def get(self, key: str) -> Any:
        """The phrase at a dotted ``key`` (``letter.signoff``), or ``None``."""
        value: Any = self.phrases
        for part in key.split("."):
            if not isinstance(value, Mapping):
                return None
            value = value.get(part)
        return value

    def raw(self, key: str) -> str:
        """The phrase at ``key`` as written, braces and all."""
        value = self.get(key)
        if not isinstance(value, str):
            raise BuildError(f"the phrase {key!r} of language {self.tag!r} is missing or not text; "
                             f"see resumekit's locales/en.yaml for its form")
        return value

    def text(self, key: str, **fields: str) -> str:
        """The phrase at ``key`` with its ``{fields}`` filled in."""
        value = self.raw(key)
        try:
            return value.format(**fields)
        except (KeyError, IndexError, ValueError) as exc:
            raise BuildError(f"the phrase {key!r} of language {self.tag!r} ({value!r}) names "
                             f"{exc} that resumekit does not fill; use only {sorted(fields)}") from None

    def texts(self, key: str) -> list[str]:
        value = self.get(key)
        return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []

    @property
    def rtl(self) -> bool:
        return self.get("direction") == "rtl"

    def join(self, items: list[str]) -> str:
        """A list as prose: "a, b and c"; semicolons between items with commas of their own
        where the language separates by commas."""
        if len(items) <= 1:
            return "".join(items)
        sep = self.text("list.separator")
        if sep == ", " and any("," in item for item in items):
            sep = "; "
        first = sep.join(items[:-1])
        if len(items) > 2 and self.get("list.serialComma") is True:
            first += sep.rstrip()
        return self.text("list.and", first=first, last=items[-1])

    def country(self, code: str | None) -> str:
        """A country's name in the language, from CLDR: ``DE`` -> ``Deutschland`` in German."""
        if not code:
            return ""
        return str(self.babel.territories.get(code.strip().upper(), code))

    # --- dates ------------------------------------------------------------------------

    @property
    def babel(self) -> Any:
        return _babel_locale(self.tag)

    def date(self, value: str | None) -> str:
        """A partial date (``2022-03``, ``2022``) as the documents show it; ``present`` as
        the language says it."""
        if not value:
            return ""
        if value == "present":
            return self.text("present")
        parts = value.split("-")
        if len(parts) == 1:
            return parts[0]
        return _format(dt.date(int(parts[0]), int(parts[1]), 1), DATE_STYLES[self.date_style], self.tag)

    def range(self, start: str | None, end: str | None) -> str:
        """A date range: ``Mar 2022 – present``, ``2019 – 2021``; one date when both are one."""
        first = self.date(start)
        if not first:
            return self.date(end) if end and end != "present" else ""
        last = self.date(end) if end else self.text("present")
        if last == first:
            return first
        return f"{first} {DASH} {last}"

    def month_year(self, value: str | None) -> str:
        """``2026-09`` -> ``September 2026`` in the language; a bare year stays."""
        if not value:
            return ""
        parts = value.split("-")
        if len(parts) == 1:
            return parts[0]
        return _format(dt.date(int(parts[0]), int(parts[1]), 1), "yMMMM", self.tag)

    def long_date(self, day: dt.date) -> str:
        """A letter's date: ``December 1, 2026``, ``1 December 2026`` (en-GB), ``1. Dezember 2026``."""
        from babel.dates import format_date

        return str(format_date(day, "long", locale=self.babel))


@lru_cache(maxsize=64)
def _babel_locale(tag: str) -> Any:
    from babel import Locale as BabelLocale, UnknownLocaleError

    for name in candidates(tag):
        try:
            return BabelLocale.parse(name, sep="-")
        except (UnknownLocaleError, ValueError):
            continue
    return BabelLocale.parse("en")


@lru_cache(maxsize=512)
def _format(day: dt.date, form: str, tag: str) -> str:
    from babel.dates import format_date, format_skeleton

    if form in _PATTERNS:
        return str(format_date(day, form, locale=_babel_locale(tag)))
    return str(format_skeleton(form, day, locale=_babel_locale(tag)))
