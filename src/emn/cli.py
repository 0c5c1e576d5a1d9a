"""The ``emn`` command: a thin layer over the library.

Exit status: 0 on success (``validate``: no error found), 1 when ``validate`` finds an error
(a structure problem in a file included), 2 when the command line or a lookup is bad or a file
cannot be read at all; always with a one-line reason, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from ._convert import to_dict, to_json
from ._dataset import ncp, ncps, network
from ._formats import FORMATS
from ._i18n import N_, set_locale, translator
from ._messages import NP_
from ._model import NationalContactPoint
from ._render import located_lines, render, verdict
from ._template import FORMATS as TEMPLATE_FORMATS
from .exceptions import EMNError, InvalidData, UnreadableFile, UnwritableFile

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
        "files",
        nargs="*",
        metavar="FILE",
        help="a composition: JSON, CSV, YAML, XLSX or a data package's datapackage.json; "
        "- reads standard input",
    )
    validate.add_argument("--format", choices=["text", "json"], default="text")
    validate.add_argument(
        "--input-format",
        choices=FORMATS,
        metavar="FORMAT",
        help=f"the files' format when their names do not say: {', '.join(FORMATS)}",
    )
    validate.add_argument("--select", action="append", metavar="ID", help="only these rules")
    validate.add_argument("--ignore", action="append", default=[], metavar="ID", help="skip rules")
    validate.add_argument("--locale", help="language of the messages, e.g. sl or pl")
    template = commands.add_parser(
        "template", help="a file to start a composition from, to fill in and validate"
    )
    template.add_argument(
        "country",
        nargs="?",
        metavar="COUNTRY",
        help="a country code or name (default: SI, whose composition the sources publish)",
    )
    template.add_argument("--format", choices=TEMPLATE_FORMATS, default="csv")
    template.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE, not standard output (XLSX needs it)"
    )
    template.add_argument("--force", action="store_true", help="replace FILE if it exists")
    template.add_argument("--locale", help="language of the messages, e.g. sl or pl")
    commands.add_parser("schema", help="the JSON Schema of a composition file")
    exporter = commands.add_parser(
        "export", help="write the dataset as a Frictionless Data Package"
    )
    exporter.add_argument("directory", metavar="DIR", help="a new or empty directory")
    exporter.add_argument(
        "--force", action="store_true", help="replace the package's files in a non-empty DIR"
    )
    exporter.add_argument("--locale", help="language of the messages, e.g. sl or pl")
    chart = commands.add_parser("chart", help="draw the network as SVG: a timeline or a map")
    chart.add_argument("kind", choices=["timeline", "map"], help="what to draw")
    chart.add_argument("--as-of", metavar="YYYY-MM-DD", help="the map's day (default: today)")
    chart.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    chart.add_argument("--overwrite", action="store_true", help="replace an existing FILE")
    chart.add_argument("--locale", help="language of names and words, e.g. sl or pl")
    differ = commands.add_parser(
        "diff", help="who joined, left or changed between two compositions"
    )
    differ.add_argument("old", metavar="OLD", help="a composition file holding one NCP")
    differ.add_argument(
        "new", metavar="NEW", help="a composition file holding one NCP of the same country"
    )
    differ.add_argument("--format", choices=["text", "json"], default="text")
    differ.add_argument("--locale", help="language of the words, e.g. sl or pl")
    return parser


def _list(out: TextIO, as_json: bool) -> None:
    if as_json:
        out.write(to_json(list(ncps()), indent=2) + "\n")
    else:
        out.write(render(ncps(), "text") + "\n")


def _read_ncp(file: str) -> NationalContactPoint:
    """The one NCP in a composition file; a file that does not hold one is a bad argument."""
    from ._load import load

    try:
        found = load(sys.stdin.buffer if file == "-" else file)
    except InvalidData as err:
        # The first problem as the command line's language says it.
        first, more = render(err.problems[0], "text"), len(err.problems) - 1
        if not more:
            reason = N_("does not describe an NCP: {problem}")
            raise UnreadableFile.of(file, reason, problem=first) from None
        singular, plural = NP_(
            "does not describe an NCP: {problem} (and {count} more; see emn validate)",
            "does not describe an NCP: {problem} (and {count} more; see emn validate)",
        )
        raise UnreadableFile.of(file, singular, plural, problem=first, count=more) from None
    if not isinstance(found, NationalContactPoint):
        raise UnreadableFile.of(file, N_("holds a list; diff compares one NCP per file"))
    return found


def _validate(out: TextIO, args: argparse.Namespace) -> int:
    from .rules import Report, validate

    reports: list[tuple[str | None, Report]] = []
    if not args.files:
        reports.append((None, validate(network(), select=args.select, ignore=args.ignore)))
    for file in args.files:
        source: Any = sys.stdin.buffer if file == "-" else file
        report = validate(source, select=args.select, ignore=args.ignore, format=args.input_format)
        reports.append(("<stdin>" if file == "-" else file, report))
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
            if file is None:
                body = render(report, "text").splitlines()
                out.write(f"{bundled}:\n")
                out.write("".join(f"  {line}\n" for line in body))
            else:
                out.write("".join(f"{line}\n" for line in located_lines(report)))
                out.write(f"{file}: {verdict(report)}\n")
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

    difference = diff(_read_ncp(args.old), _read_ncp(args.new))
    if args.format == "json":
        out.write(to_json(difference, indent=2) + "\n")
    else:
        out.write(render(difference, "text") + "\n")


def _chart(out: TextIO, args: argparse.Namespace) -> None:
    import datetime

    from . import charts

    _ = translator().gettext
    if args.kind == "timeline":
        if args.as_of is not None:
            raise _Usage(_(N_("--as-of is for the map; the timeline shows every day")))
        drawn = charts.timeline()
    else:
        day = None
        if args.as_of is not None:
            try:
                day = datetime.date.fromisoformat(args.as_of)
            except ValueError:
                reason = _(N_("--as-of: {value} is not a day as YYYY-MM-DD"))
                raise _Usage(reason.format(value=repr(args.as_of))) from None
        drawn = charts.europe(day)
    if args.output is None:
        out.write(drawn.svg)
    else:
        out.write(f"{drawn.save(args.output, overwrite=args.overwrite)}\n")


def _template(args: argparse.Namespace) -> None:
    from ._template import template

    content = template(args.country, args.format)
    if args.output is None:
        if args.format == "xlsx":
            raise _Usage(_said(N_("an XLSX template needs -o FILE"), args.locale))
        sys.stdout.write(content.decode())
        return
    try:
        with open(args.output, "wb" if args.force else "xb") as handle:
            handle.write(content)
    except FileExistsError:
        raise UnwritableFile.of(args.output, N_("exists; --force replaces it")) from None
    except OSError as err:
        reason = N_("cannot be written: {error}")
        raise UnwritableFile.of(args.output, reason, error=err.strerror or err) from None


def _run(args: argparse.Namespace) -> int:
    if args.command == "list":
        _list(sys.stdout, args.json)
    elif args.command == "show":
        point = ncp(args.code)
        sys.stdout.write((to_json(point, indent=2) if args.json else render(point, "text")) + "\n")
    elif args.command == "diff":
        _diff(sys.stdout, args)
    elif args.command == "chart":
        _chart(sys.stdout, args)
    elif args.command == "export":
        from .datapackage import export

        for path in export(args.directory, force=args.force):
            sys.stdout.write(f"{path}\n")
    elif args.command == "template":
        _template(args)
    elif args.command == "schema":
        from .schema import json_schema

        sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")
    else:
        return _validate(sys.stdout, args)
    return 0


def _reason(err: EMNError, locale: str | None) -> str:
    """The error's reason in the user's language where it can be said in it."""
    try:
        return render(err, "text", locale)
    except EMNError:  # the locale itself was the problem
        return str(err)


def _said(message: str, locale: str | None) -> str:
    """``message`` in the user's language; as it is where the locale itself was the problem."""
    try:
        return translator(locale).gettext(message)
    except EMNError:
        return message


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
    locale = None
    try:
        args = _parser().parse_args(argv)
        locale = getattr(args, "locale", None)
        # An unknown locale is a bad argument, named before any work.
        with set_locale(getattr(args, "locale", None)):
            status = _run(args)
        sys.stdout.flush()
    except _Usage as err:
        said = _said(N_("{reason} (see 'emn --help')"), locale).format(reason=err)
        print(f"emn: {said}", file=sys.stderr)
        return 2
    except EMNError as err:
        print(f"emn: {' '.join(_reason(err, locale).split())}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (`head`, say) stopped early: a quiet exit, as Python advises.
        _silence_stdout()
    except OSError as err:
        # The output cannot be written (a full disk): say so once, on stderr.
        _silence_stdout()
        said = _said(N_("cannot write the output: {error}"), locale)
        print(f"emn: {said.format(error=err.strerror or err)}", file=sys.stderr)
        return 2
    return status
