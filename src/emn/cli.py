"""The ``emn`` command: a thin layer over the library.

Exit status: 0 on success (``validate``: no error found), 1 when ``validate`` finds an error,
2 when the command line, a file or a lookup is bad; always with a one-line reason, never a
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from ._convert import from_dict, to_dict, to_json
from ._dataset import ncp, ncps, network
from ._i18n import set_locale, translator
from ._model import NationalContactPoint
from ._render import render
from .exceptions import EMNError, InvalidData, UnreadableFile

__all__ = ["main"]


class _Usage(Exception):
    """A bad command line; the message is the one-line reason."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Usage(message)


class _Version(argparse.Action):
    """``--version``: the package's version and the day the dataset's sources were last read."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        from importlib.metadata import version

        sys.stdout.write(f"emn {version('emn')} (data read {network().updated})\n")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="emn", description="Explore and validate the EMN's National Contact Points."
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="the version and data date")
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    listing = commands.add_parser("list", help="all NCPs: code, country, status, institution")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.add_argument("--locale", help="language of names and words, e.g. sl, pl, de_AT")
    show = commands.add_parser("show", help="one NCP in full")
    show.add_argument("code", help="a country code such as SI (EL and GR both mean Greece)")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    show.add_argument("--locale", help="language of names, words and dates, e.g. sl or pl")
    validate = commands.add_parser(
        "validate", help="check NCP compositions (default: the bundled dataset) against the rules"
    )
    validate.add_argument(
        "files", nargs="*", metavar="FILE", help="JSON: one NCP or a list of NCPs"
    )
    validate.add_argument("--format", choices=["text", "json"], default="text")
    validate.add_argument("--select", action="append", metavar="ID", help="only these rules")
    validate.add_argument("--ignore", action="append", default=[], metavar="ID", help="skip rules")
    validate.add_argument("--locale", help="language of the messages, e.g. sl or pl")
    commands.add_parser("schema", help="the JSON Schema of a composition file")
    exporter = commands.add_parser(
        "export", help="write the dataset as a Frictionless Data Package"
    )
    exporter.add_argument("directory", metavar="DIR", help="a new or empty directory")
    exporter.add_argument(
        "--force", action="store_true", help="replace the package's files in a non-empty DIR"
    )
    chart = commands.add_parser("chart", help="draw the network as SVG: a timeline or a map")
    chart.add_argument("kind", choices=["timeline", "map"], help="what to draw")
    chart.add_argument("--as-of", metavar="YYYY-MM-DD", help="the map's day (default: today)")
    chart.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    chart.add_argument("--overwrite", action="store_true", help="replace an existing FILE")
    chart.add_argument("--locale", help="language of names and words, e.g. sl or pl")
    differ = commands.add_parser(
        "diff", help="who joined, left or changed between two compositions"
    )
    differ.add_argument("old", metavar="OLD", help="a JSON file holding one NCP")
    differ.add_argument(
        "new", metavar="NEW", help="a JSON file holding one NCP of the same country"
    )
    differ.add_argument("--format", choices=["text", "json"], default="text")
    differ.add_argument("--locale", help="language of the words, e.g. sl or pl")
    return parser


def _list(out: TextIO, as_json: bool) -> None:
    if as_json:
        out.write(to_json(list(ncps())) + "\n")
    else:
        out.write(render(ncps(), "text") + "\n")


def _read_ncps(file: str) -> NationalContactPoint | list[NationalContactPoint]:
    """The NCPs in a composition file; :class:`InvalidData` names the file and the problem."""
    path = Path(file)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise UnreadableFile(file, "is a directory, not a JSON file") from None
    except FileNotFoundError:
        raise UnreadableFile(file, "no such file") from None
    except OSError as err:
        raise UnreadableFile(file, f"cannot be read: {err.strerror or err}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UnreadableFile(file, f"not valid UTF-8 (byte {err.start})") from None
    if not text.strip():
        raise UnreadableFile(file, "empty, expected one NCP or a list of NCPs as JSON")
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as err:
        reason = f"not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}"
        raise UnreadableFile(file, reason) from None
    except RecursionError:
        raise UnreadableFile(file, "not valid JSON: nested too deeply") from None
    except ValueError as err:  # a number longer than Python converts (4,300 digits)
        raise UnreadableFile(file, f"not valid JSON: {err}") from None
    items = data if isinstance(data, list) else [data]
    found: list[NationalContactPoint] = []
    for index, item in enumerate(items):
        where = (index,) if isinstance(data, list) else ()
        try:
            found.append(from_dict(NationalContactPoint, item))
        except InvalidData as err:
            problems = "; ".join(str(p) for p in err.at(*where).problems)
            raise UnreadableFile(file, f"does not describe NCPs: {problems}") from None
    return found if isinstance(data, list) else found[0]


def _validate(out: TextIO, args: argparse.Namespace) -> int:
    from .rules import Report, validate

    targets: list[tuple[str | None, Any]] = (
        [(file, _read_ncps(file)) for file in args.files] if args.files else [(None, network())]
    )
    reports: list[tuple[str | None, Report]] = [
        (file, validate(subject, select=args.select, ignore=args.ignore))
        for file, subject in targets
    ]
    if args.format == "json":
        payload = {
            "ok": all(report.ok for _, report in reports),
            "reports": [
                {
                    "file": file,
                    "ok": report.ok,
                    "counts": {
                        "error": len(report.errors),
                        "warning": len(report.warnings),
                        "info": len(report.infos),
                    },
                    "findings": [_finding_json(f, args.locale) for f in report.findings],
                }
                for file, report in reports
            ],
        }
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        _ = translator().gettext
        bundled = _("bundled dataset")
        for file, report in reports:
            body = render(report, "text").splitlines()
            out.write(f"{file or bundled}:\n")
            out.write("".join(f"  {line}\n" for line in body))
    return 0 if all(report.ok for _, report in reports) else 1


def _finding_json(finding: Any, locale: str | None) -> dict[str, Any]:
    data: dict[str, Any] = to_dict(finding)
    data["path"] = finding.path
    data["pointer"] = finding.pointer
    if locale:
        data["description"] = finding.describe(locale)
    return data


def _diff(out: TextIO, args: argparse.Namespace) -> None:
    from ._diff import diff

    compositions = []
    for file in (args.old, args.new):
        found = _read_ncps(file)
        if not isinstance(found, NationalContactPoint):
            raise UnreadableFile(file, "holds a list; diff compares one NCP per file")
        compositions.append(found)
    difference = diff(*compositions)
    if args.format == "json":
        out.write(to_json(difference) + "\n")
    else:
        out.write(render(difference, "text") + "\n")


def _chart(out: TextIO, args: argparse.Namespace) -> None:
    import datetime

    from . import charts

    if args.kind == "timeline":
        if args.as_of is not None:
            raise _Usage("--as-of is for the map; the timeline shows every day")
        drawn = charts.timeline()
    else:
        day = None
        if args.as_of is not None:
            try:
                day = datetime.date.fromisoformat(args.as_of)
            except ValueError:
                raise _Usage(f"--as-of: {args.as_of!r} is not a day as YYYY-MM-DD") from None
        drawn = charts.europe(day)
    if args.output is None:
        out.write(drawn.svg + "\n")
    else:
        out.write(f"{drawn.save(args.output, overwrite=args.overwrite)}\n")


def _run(args: argparse.Namespace) -> int:
    if args.command == "list":
        _list(sys.stdout, args.json)
    elif args.command == "show":
        point = ncp(args.code)
        sys.stdout.write((to_json(point) if args.json else render(point, "text")) + "\n")
    elif args.command == "diff":
        _diff(sys.stdout, args)
    elif args.command == "chart":
        _chart(sys.stdout, args)
    elif args.command == "export":
        from .datapackage import export

        for path in export(args.directory, force=args.force):
            sys.stdout.write(f"{path}\n")
    elif args.command == "schema":
        from .schema import json_schema

        sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")
    else:
        return _validate(sys.stdout, args)
    return 0


def _escaping_output() -> None:
    """Characters the terminal's encoding cannot show (or lone surrogates) are escaped."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    # What is still buffered goes nowhere at exit instead of raising again there. Captured
    # output has no file descriptor, and nothing to silence.
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    _escaping_output()
    status = 0
    try:
        args = _parser().parse_args(argv)
        # An unknown locale is a bad argument, named before any work.
        with set_locale(getattr(args, "locale", None)):
            status = _run(args)
        sys.stdout.flush()
    except _Usage as err:
        print(f"emn: {err} (see 'emn --help')", file=sys.stderr)
        return 2
    except EMNError as err:
        print(f"emn: {' '.join(str(err).split())}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (`head`, say) stopped early: a quiet exit, as Python advises.
        _silence_stdout()
    except OSError as err:
        # The output cannot be written (a full disk): say so once, on stderr.
        _silence_stdout()
        print(f"emn: cannot write the output: {err.strerror or err}", file=sys.stderr)
        return 2
    return status
