"""The ``emn`` command: a thin layer over the library.

Exit status: 0 on success (``validate``: no error found), 1 when ``validate`` finds an error,
2 when the command line, a file or a lookup is bad; always with a one-line reason, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from ._convert import from_dict, to_dict, to_json
from ._countries import country_name
from ._dataset import ncp, ncps, network
from ._i18n import format_date, translator
from ._model import Event, NationalContactPoint, Organisation
from .exceptions import EMNError, InvalidData

__all__ = ["main"]


class _Usage(Exception):
    """A bad command line; the message is the one-line reason."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Usage(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="emn", description="Explore and validate the EMN's National Contact Points."
    )
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
    exporter.add_argument("directory", metavar="DIR", help="where to write the CSV files")
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


def _names(organisation: Organisation, locale: str | None = None) -> str:
    """The organisation's name in the locale's language where a source gives it, else all."""
    if locale is not None:
        from ._countries import parse_locale

        native = organisation.name_in(parse_locale(locale).language)
        if native is not None:
            return native
    return organisation.all_names


def _list(out: TextIO, as_json: bool, locale: str | None) -> None:
    if as_json:
        out.write(to_json(list(ncps())) + "\n")
        return
    _ = translator(locale).gettext
    rows = [(_("CODE"), _("COUNTRY"), _("STATUS"), _("COORDINATING INSTITUTION"))]
    rows.extend(
        (
            n.country.code,
            country_name(n.country.code, locale),
            n.status.label(locale) if n.status else _("unknown"),
            _names(n.coordinating_entity, locale),
        )
        for n in ncps()
    )
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        cells = "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        out.write(f"{cells}  {row[3]}\n")


def _when(event: Event, locale: str | None) -> str:
    _ = translator(locale).gettext
    if event.when is None:
        return _("undated")
    if event.date is not None:
        return format_date(event.date, locale)
    if event.when.startswith("../"):
        return _("before {year}").format(year=event.when[3:])
    return event.when


def _field(label: str, value: str) -> str:
    return f"  {label}: {value}".rstrip()


def _show(out: TextIO, point: NationalContactPoint, locale: str | None) -> None:
    _ = translator(locale).gettext
    languages = {source.id: source.language for source in network().sources}
    wanted = None
    if locale is not None:
        from ._countries import parse_locale

        wanted = parse_locale(locale).language
    lines = [
        f"{country_name(point.country.code, locale)} ({point.country.code})",
        _field(_("status"), point.status.label(locale) if point.status else _("unknown")),
        _field(_("coordinating entity"), _names(point.coordinating_entity, locale)),
    ]
    if point.appointed_by is not None:
        lines.append(_field(_("appointed by"), point.appointed_by.name))
    if point.last_changed is not None:
        changed = format_date(point.last_changed, locale)
        lines.append(_field(_("composition last changed"), changed))
    if point.experts is None:
        lines.append(_field(_("experts"), _("not published by the sources")))
    else:
        lines.append(_field(_("experts"), f"{len(point.experts)}"))
        for expert in point.experts:
            # Name the organisation in the language of the source that lists the expert.
            lang = languages.get(expert.source or "", expert.organisation.names[0].lang)
            organisation = expert.organisation.full_name_in(lang)
            lines.append(f"    {expert.name} ({expert.role.label(locale)}), {organisation}")
    if point.history:
        lines.append(_field(_("history"), ""))
        for event in point.history:
            # In the language of the source, the source's own words read best.
            own = event.quote if event.quote and languages.get(event.source) == wanted else None
            lines.append(f"    {_when(event, locale)}: {own or event.summary} [{event.source}]")
    lines.append(_field(_("sources"), ", ".join(point.sources)))
    out.write("\n".join(lines) + "\n")


def _read_ncps(file: str) -> NationalContactPoint | list[NationalContactPoint]:
    """The NCPs in a composition file; :class:`InvalidData` names the file and the problem."""
    path = Path(file)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InvalidData(f"{file}: is a directory, not a JSON file") from None
    except FileNotFoundError:
        raise InvalidData(f"{file}: no such file") from None
    except OSError as err:
        raise InvalidData(f"{file}: cannot be read: {err.strerror or err}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InvalidData(f"{file}: not valid UTF-8 (byte {err.start})") from None
    if not text.strip():
        raise InvalidData(f"{file}: empty, expected one NCP or a list of NCPs as JSON")
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as err:
        raise InvalidData(
            f"{file}: not valid JSON: {err.msg} at line {err.lineno}, column {err.colno}"
        ) from None
    except RecursionError:
        raise InvalidData(f"{file}: not valid JSON: nested too deeply") from None
    items = data if isinstance(data, list) else [data]
    found: list[NationalContactPoint] = []
    for index, item in enumerate(items):
        where = f"[{index}]" if isinstance(data, list) else ""
        try:
            found.append(from_dict(NationalContactPoint, item))
        except InvalidData as err:
            problems = "; ".join(str(p) for p in err.at(where).problems)
            raise InvalidData(f"{file}: does not describe NCPs: {problems}") from None
    return found if isinstance(data, list) else found[0]


def _validate(out: TextIO, args: argparse.Namespace) -> int:
    from ._rules import Report, validate

    targets: list[tuple[str | None, Any]] = (
        [(file, _read_ncps(file)) for file in args.files] if args.files else [(None, network())]
    )
    reports: list[tuple[str | None, Report, Any]] = [
        (file, validate(subject, select=args.select, ignore=args.ignore), subject)
        for file, subject in targets
    ]
    if args.format == "json":
        payload = {
            "ok": all(report.ok for _, report, _ in reports),
            "reports": [
                {
                    "file": file,
                    "ok": report.ok,
                    "counts": {
                        "error": len(report.errors),
                        "warning": len(report.warnings),
                        "info": len(report.infos),
                    },
                    "findings": [
                        to_dict(f)
                        | ({"description": f.describe(args.locale)} if args.locale else {})
                        for f in report.findings
                    ],
                }
                for file, report, _ in reports
            ],
        }
        out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        for file, report, subject in reports:
            out.write(_text_report(file, report, subject, args.locale))
    return 0 if all(report.ok for _, report, _ in reports) else 1


def _diff(out: TextIO, args: argparse.Namespace) -> None:
    from ._diff import diff

    compositions = []
    for file in (args.old, args.new):
        found = _read_ncps(file)
        if not isinstance(found, NationalContactPoint):
            raise InvalidData(f"{file}: holds a list; diff compares one NCP per file")
        compositions.append(found)
    difference = diff(*compositions)
    if args.format == "json":
        out.write(to_json(difference) + "\n")
        return
    _ = translator(args.locale).gettext
    code = difference.country.code
    counts = _("{joined} joined, {left} left, {changed} changed").format(
        joined=len(difference.joined), left=len(difference.left), changed=len(difference.changed)
    )
    out.write(f"{code} {country_name(code, args.locale)}: {counts}\n")
    if not difference.same:
        out.write(difference.render(args.locale) + "\n")


def _group(path: str, subject: Any, locale: str | None) -> str:
    """The NCP a finding belongs to, by the head of its path, or "network" for the rest."""
    head = path.split(".", 1)[0]
    code = None
    if head.startswith("ncps["):
        code = head[5:-1]
    elif head.startswith("[") and isinstance(subject, list):
        code = subject[int(head[1:].split("]")[0])].country.code
    elif isinstance(subject, NationalContactPoint):
        code = subject.country.code
    if code is None:
        return translator(locale).gettext("network")
    return f"{code} {country_name(code, locale)}" + (f" {head}" if head.startswith("[") else "")


def _text_report(file: str | None, report: Any, subject: Any, locale: str | None) -> str:
    _ = translator(locale).gettext
    title = file or _("bundled dataset")
    lines = [f"{title}:"]
    groups: dict[str, list[Any]] = {}
    for finding in report.findings:
        groups.setdefault(_group(finding.path, subject, locale), []).append(finding)
    for group, findings in groups.items():
        lines.append(f"  {group}")
        for f in findings:
            where = f"{f.path}: " if f.path else ""
            severity = f.severity.label(locale)
            lines.append(f"    {severity:<12} {f.rule:<24} {where}{f.describe(locale)}")
    counts = _("errors: {errors}, warnings: {warnings}, info: {infos}").format(
        errors=len(report.errors), warnings=len(report.warnings), infos=len(report.infos)
    )
    verdict = _("ok") if report.ok else _("FAILED")
    lines.append(f"  {verdict}: {counts}")
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit status."""
    status = 0
    try:
        args = _parser().parse_args(argv)
        if getattr(args, "locale", None) is not None:
            translator(args.locale)  # an unknown locale is a bad argument, named before any work
        if args.command == "list":
            _list(sys.stdout, args.json, args.locale)
        elif args.command == "show":
            point = ncp(args.code)
            if args.json:
                sys.stdout.write(to_json(point) + "\n")
            else:
                _show(sys.stdout, point, args.locale)
        elif args.command == "diff":
            _diff(sys.stdout, args)
        elif args.command == "export":
            from ._export import export

            for path in export(args.directory):
                sys.stdout.write(f"{path}\n")
        elif args.command == "schema":
            from ._schema import json_schema

            sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")
        else:
            status = _validate(sys.stdout, args)
        sys.stdout.flush()
    except _Usage as err:
        print(f"emn: {err} (see 'emn --help')", file=sys.stderr)
        return 2
    except EMNError as err:
        print(f"emn: {' '.join(str(err).split())}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (`head`, say) stopped early: silence the flush at exit, as Python advises.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return status
