"""Filling a finding's message template: country codes become names, values become words."""

from __future__ import annotations

from collections.abc import Mapping


def format_message(template: str, args: Mapping[str, str], locale: object = "en") -> str:
    """The template with its ``{placeholders}`` filled; ``country`` reads ``Slovenia (SI)``."""
    if "country" in args:
        from .._countries import country_name, english_name

        code = args["country"]
        name = english_name(code) if locale == "en" else country_name(code, locale)
        args = {**args, "country": f"{name} ({code})"}
    return template.format_map(args)
