"""The ``emn`` command: a thin layer over the library. Exit 0 on success, 2 on bad input."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from ._convert import to_json
from ._dataset import ncp, ncps, network
from ._model import NationalContactPoint, Organisation
from .exceptions import EMNError

__all__ = ["main"]


class _Usage(Exception):
    """A bad command line; the message is the one-line reason."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Usage(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="emn", description="Explore the European Migration Network's NCPs.")
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    listing = commands.add_parser(
        "list", help="all NCPs: code, country, status, coordinating institution"
    )
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    show = commands.add_parser("show", help="one NCP in full")
    show.add_argument("code", help="a country code such as SI (EL and GR both mean Greece)")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def _label(value: object) -> str:
    return "unknown" if value is None else str(getattr(value, "value", value)).replace("_", " ")


def _names(organisation: Organisation) -> str:
    return " / ".join(name.text for name in organisation.names)


def _list(out: TextIO, as_json: bool) -> None:
    from ._countries import english_name

    if as_json:
        out.write(to_json(list(ncps())) + "\n")
        return
    rows = [("CODE", "COUNTRY", "STATUS", "COORDINATING INSTITUTION")]
    rows.extend(
        (
            n.country.code,
            english_name(n.country.code),
            _label(n.status),
            _names(n.coordinating_entity),
        )
        for n in ncps()
    )
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        out.write(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
            + f"  {row[3]}\n"
        )


def _show(out: TextIO, point: NationalContactPoint) -> None:
    from ._countries import english_name

    entity = point.coordinating_entity
    languages = {source.id: source.language for source in network().sources}
    lines = [
        f"{english_name(point.country.code)} ({point.country.code})",
        f"  status: {_label(point.status)}",
        f"  coordinating entity: {_names(entity)}",
    ]
    if point.appointed_by is not None:
        lines.append(f"  appointed by: {point.appointed_by.name}")
    if point.last_changed is not None:
        lines.append(f"  composition last changed: {point.last_changed.isoformat()}")
    if point.experts is None:
        lines.append("  experts: not published by the sources")
    else:
        lines.append(f"  experts ({len(point.experts)}):")
        for expert in point.experts:
            # Name the organisation in the language of the source that lists the expert.
            lang = languages.get(expert.source or "", expert.organisation.names[0].lang)
            organisation = expert.organisation.full_name_in(lang)
            lines.append(f"    {expert.name} ({_label(expert.role)}), {organisation}")
    if point.history:
        lines.append("  history:")
        lines.extend(
            f"    {event.when or 'undated'}: {event.summary} [{event.source}]"
            for event in point.history
        )
    lines.append(f"  sources: {', '.join(point.sources)}")
    out.write("\n".join(lines) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    try:
        args = _parser().parse_args(argv)
        if args.command == "list":
            _list(sys.stdout, args.json)
        else:
            point = ncp(args.code)
            if args.json:
                sys.stdout.write(to_json(point) + "\n")
            else:
                _show(sys.stdout, point)
    except _Usage as err:
        print(f"emn: {err} (see 'emn --help')", file=sys.stderr)
        return 2
    except EMNError as err:
        print(f"emn: {' '.join(str(err).split())}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (say, `head`) stopped early; silence the flush at exit, as Python's docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
