"""One presentation room: NCPs, networks, reports and diffs as text, HTML or Markdown.

Every object is first described as a few blocks of words in the chosen language (a title,
facts, tables, notes); a writer per format lays the blocks out. The CLI, the notebook reprs,
the data frames and the data package all take their words from here.

This module imports no model class: it sits below the model, whose ``_repr_html_`` and
``__str__`` call it, and knows the objects it shows by their class names and fields.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, TypeAlias

from ._countries import country_name
from ._i18n import N_, current_locale, format_date, parse_locale, translator
from ._location import format_place
from ._vocabulary import Role
from ._when import when_word
from .exceptions import InvalidData, Problem, UnreadableFile, UnwritableFile

# The model's classes, the diff and the rules' findings, known here by their fields only.
NationalContactPoint: TypeAlias = Any
Network: TypeAlias = Any
Organisation: TypeAlias = Any
Event: TypeAlias = Any
Record: TypeAlias = Any
Finding: TypeAlias = Any
Report: TypeAlias = Any
Diff: TypeAlias = Any

__all__ = [
    "FORMATS",
    "Format",
    "entity_name",
    "expert_organisation",
    "host_word",
    "located_lines",
    "other_statuses",
    "period",
    "render",
    "status_word",
    "verdict",
    "when_word",
]

Format = Literal["text", "html", "markdown"]
FORMATS: tuple[Format, ...] = ("text", "html", "markdown")


# -- blocks: what is said, before it is laid out --------------------------------------------


# Plain slotted classes rather than NamedTuples: building those costs a cold `emn.ncp()`
# about a millisecond each.
class _Title:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _Field:
    __slots__ = ("label", "value")

    def __init__(self, label: str, value: str) -> None:
        self.label = label
        self.value = value


class _Table:
    """A table; ``lines`` is how it reads as plain text (one sentence per row), or None for
    aligned columns; ``depth`` is how far the text is indented."""

    __slots__ = ("caption", "depth", "header", "lines", "rows", "summary")

    def __init__(
        self,
        caption: str,
        summary: str,
        header: tuple[str, ...],
        rows: tuple[tuple[str, ...], ...],
        lines: tuple[str, ...] | None = None,
        depth: int = 1,
    ) -> None:
        self.caption = caption
        self.summary = summary
        self.header = header
        self.rows = rows
        self.lines = lines
        self.depth = depth


class _Note:
    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


_Block = _Title | _Field | _Table | _Note


# -- words --------------------------------------------------------------------------------------


def _language(locale: object) -> str | None:
    return None if locale is None else str(parse_locale(locale).language)


def status_word(ncp: NationalContactPoint, locale: object = None) -> str:
    """The NCP's status as a word in ``locale``; "disputed" or "unknown" (translated) where the
    records give none."""
    if ncp.status is not None:
        return str(ncp.status.label(locale))
    _ = translator(locale).gettext
    return _(N_("disputed")) if "status" in ncp.disputed else _(N_("unknown"))


def host_word(ncp: NationalContactPoint, locale: object = None) -> str:
    """The body hosting the NCP, as :func:`entity_name` writes it, or why none is shown: the
    sources dispute it, no dated record places one on the NCP's day, or no source names one."""
    if ncp.coordinating_entity is not None:
        return entity_name(ncp.coordinating_entity, locale)
    _ = translator(locale).gettext
    if "coordinating_entity" in ncp.disputed:
        return _(N_("disputed"))
    if ncp.as_of is not None:
        return _(N_("not determined on that day"))
    return _(N_("not named by any source"))


def entity_name(organisation: Organisation, locale: object = None) -> str:
    """An organisation in a list: its name in the locale's language where a source gives one,
    else every name the sources give (``Ministry of the Interior / Ministrstvo …``)."""
    language = _language(current_locale(locale))
    native = organisation.name_in(language) if language else None
    return str(native if native is not None else organisation.all_names)


def _official_languages(code: str) -> tuple[str, ...]:
    from babel.languages import get_official_languages

    return tuple(get_official_languages(code, de_facto=True))


def expert_organisation(organisation: Organisation, country: str, locale: object = None) -> str:
    """Where an expert comes from, with its parents: in the locale's language where a source
    names it so, else in a language of the NCP's country, else as first named."""
    language = _language(current_locale(locale))
    for lang in (language, *_official_languages(country)):
        if lang and organisation.name_in(lang) is not None:
            return str(organisation.full_name_in(lang))
    return str(organisation.full_name)


def period(record: Record, locale: object = None) -> str:
    """The time a record speaks of: from a start, until an end, both, the time it was
    observed (a present-tense statement), or "undated"."""
    _ = translator(locale).gettext
    valid = record.valid
    start = None if valid.start is None else when_word(valid.start, locale)
    end = None if valid.end is None else when_word(valid.end, locale)
    if start is not None and end is not None:
        return _(N_("{start} to {end}")).format(start=start, end=end)
    if start is not None:
        return _(N_("from {start}")).format(start=start)
    if end is not None:
        return _(N_("until {end}")).format(end=end)
    observed = getattr(record, "observed", None)
    if observed is not None:
        return _(N_("as of {date}")).format(date=when_word(observed, locale))
    return _(N_("undated"))


def _cited(record: Record, locale: object) -> str:
    """The source a record rests on, or how the maintainers made it; "uncertain" if marked."""
    words = [record.source] if record.basis.value == "stated" else [record.basis.label(locale)]
    certainty = getattr(record, "certainty", None)
    if certainty is not None:
        words.append(certainty.label(locale))
    return ", ".join(words)


def _event_text(event: Event, locale: object) -> str:
    # A source's own words read best to a reader of its language; others get our summary.
    if event.quote and event.lang and event.lang == _language(locale):
        return str(event.quote)
    return str(event.summary)


def _country(code: str, locale: object) -> str:
    return f"{country_name(code, locale)} ({code})"


# -- documents: each object as blocks ----------------------------------------------------------


def _ncp(ncp: NationalContactPoint, locale: object) -> list[_Block]:
    _ = translator(locale).gettext
    code = ncp.country.code
    blocks: list[_Block] = [_Title(_country(code, locale))]
    if ncp.as_of is not None:
        blocks.append(_Field(_(N_("as of")), format_date(ncp.as_of, locale)))
    blocks.append(_Field(_(N_("status")), status_word(ncp, locale)))
    others = other_statuses(ncp, locale)
    if others:
        blocks.append(_Field(_(N_("other sources' words")), others))
    blocks.append(_Field(_(N_("coordinating entity")), host_word(ncp, locale)))
    if ncp.appointed_by is not None:
        blocks.append(_Field(_(N_("appointed by")), ncp.appointed_by.name))
    if ncp.last_changed is not None:
        blocks.append(
            _Field(_(N_("composition last changed")), format_date(ncp.last_changed, locale))
        )
    if ncp.experts is None:
        blocks.append(_Field(_(N_("experts")), _(N_("not published by the sources"))))
    else:
        rows = tuple(
            (e.name, e.role.label(locale), expert_organisation(e.organisation, code, locale))
            for e in ncp.experts
        )
        blocks.append(
            _Table(
                _(N_("experts")),
                str(len(rows)),
                (_(N_("name")), _(N_("role")), _(N_("organisation"))),
                rows,
                tuple(f"{name} ({role}), {organisation}" for name, role, organisation in rows),
            )
        )
    if ncp.hosts:
        hosts = tuple(
            (
                period(h, locale),
                entity_name(h.organisation, locale),
                h.relation.label(locale),
                _cited(h, locale),
            )
            for h in ncp.hosts
        )
        blocks.append(
            _Table(
                _(N_("hosts")),
                str(len(hosts)),
                (_(N_("when")), _(N_("organisation")), _(N_("relation")), _(N_("source"))),
                hosts,
                tuple(
                    f"{when}: {body} ({relation}) [{cited}]"
                    for when, body, relation, cited in hosts
                ),
            )
        )
    people = tuple(
        (period(m, locale), m.name, m.role.label(locale), _cited(m, locale)) for m in ncp.people
    )
    if people:
        blocks.append(
            _Table(
                _(N_("people named")),
                str(len(people)),
                (_(N_("when")), _(N_("name")), _(N_("role")), _(N_("source"))),
                people,
                tuple(f"{when}: {name} ({role}) [{cited}]" for when, name, role, cited in people),
            )
        )
    bodies = tuple(
        (
            period(m, locale),
            m.role.label(locale),
            # Where the dataset has no record of each body, the summary names them.
            "; ".join(entity_name(o, locale) for o in m.organisations) or m.summary or "",
            _cited(m, locale),
        )
        for m in ncp.member_organisations
    )
    if bodies:
        blocks.append(
            _Table(
                _(N_("bodies named")),
                str(len(bodies)),
                (_(N_("when")), _(N_("relation")), _(N_("organisation")), _(N_("source"))),
                bodies,
                tuple(f"{when}: {role}: {names} [{cited}]" for when, role, names, cited in bodies),
            )
        )
    if ncp.history:
        events = tuple(
            (when_word(e.when, locale), _event_text(e, locale), _cited(e, locale))
            for e in ncp.history
        )
        blocks.append(
            _Table(
                _(N_("history")),
                "",
                (_(N_("date")), _(N_("event")), _(N_("source"))),
                events,
                tuple(f"{when}: {text} [{source}]" for when, text, source in events),
            )
        )
    blocks.append(_Field(_(N_("sources")), ", ".join(ncp.sources)))
    return blocks


def other_statuses(ncp: NationalContactPoint, locale: object = None) -> str:
    """The words other sources give the country's part through its NCP, with their sources:
    ``associated member (sl-emn-2014, emm-si-composition-2018)`` for Norway; "" if none."""
    said: dict[str, list[str]] = {}
    for p in ncp.participations:
        if (
            p.scope.value != "ncp"
            or p.status in (ncp.status, None)
            or p.status.value == "participant"
        ):
            continue
        said.setdefault(p.status.label(locale), []).append(p.source)
    return "; ".join(
        f"{word} ({', '.join(dict.fromkeys(sources))})" for word, sources in said.items()
    )


def _ncps(ncps: Sequence[NationalContactPoint], caption: str, locale: object) -> list[_Block]:
    _ = translator(locale).gettext
    header = (
        _(N_("code")),
        _(N_("country")),
        _(N_("status")),
        _(N_("experts")),
        _(N_("coordinating institution")),
    )
    rows = tuple(
        (
            n.country.code,
            country_name(n.country.code, locale),
            status_word(n, locale),
            _("unknown") if n.experts is None else str(len(n.experts)),
            host_word(n, locale),
        )
        for n in ncps
    )
    return [_Table(caption, "", header, rows, depth=0)]


def _network(network: Network, locale: object) -> list[_Block]:
    _ = translator(locale).gettext
    caption = _(N_("{reference}: National Contact Points ({count})")).format(
        reference=network.legal_basis.reference, count=len(network.ncps)
    )
    if network.as_of is not None:
        day = _(N_("on {day}")).format(day=format_date(network.as_of, locale))
        caption = f"{caption}, {day}"
    blocks = _ncps(network.ncps, caption, locale)
    if network.undetermined:
        countries = ", ".join(_country(c.code, locale) for c in network.undetermined)
        note = (
            N_("not determined on that day: {countries}")
            if network.as_of is not None
            else N_("named by a source, but not placed by the records: {countries}")
        )
        blocks.append(_Note(_(note).format(countries=countries)))
    if network.former_ncps:
        countries = ", ".join(_country(n.country.code, locale) for n in network.former_ncps)
        blocks.append(
            _Note(_(N_("no longer taking part: {countries}")).format(countries=countries))
        )
    return blocks


def _place(finding: Finding) -> str:
    return format_place(finding.location, finding.file, finding.line, finding.column, finding.row)


def _group(finding: Finding, locale: object) -> str:
    if finding.country is None:
        return translator(locale).gettext(N_("network"))
    code = finding.country.code
    return f"{code} {country_name(code, locale)}"


def verdict(report: Report, locale: object = None) -> str:
    """One line: ok or FAILED, and how many findings of each severity."""
    _ = translator(locale).gettext
    counts = _(N_("errors: {errors}, warnings: {warnings}, info: {infos}")).format(
        errors=len(report.errors), warnings=len(report.warnings), infos=len(report.infos)
    )
    word = _(N_("ok")) if report.ok else _(N_("FAILED"))
    return f"{word}: {counts}"


def located_lines(report: Report, locale: object = None) -> list[str]:
    """A report on a file, one finding a line in the order of the file, each starting where it
    is: ``hr.csv:3: role: 'Coordinator' is not a role; did you mean …? [structure, error]``."""

    def order(f: Finding) -> tuple[Any, ...]:
        line = f.line if f.line is not None else f.row if f.row is not None else 0
        column = f.column if isinstance(f.column, int) else 0
        return (f.file or "", line, column)

    return [
        f"{_place(f) or '-'}: {f.describe(locale)} [{f.rule}, {f.severity.label(locale)}]"
        for f in sorted(report.findings, key=order)
    ]


def _report(report: Report, locale: object) -> list[_Block]:
    _ = translator(locale).gettext
    header = (_(N_("severity")), _(N_("rule")), _(N_("location")), _(N_("message")))
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(_group(finding, locale), []).append(finding)
    blocks: list[_Block] = []
    for group, findings in groups.items():
        rows = tuple(
            (f.severity.label(locale), f.rule, _place(f), f.describe(locale)) for f in findings
        )
        lines = tuple(
            f"{severity:<12} {rule:<24} {f'{where}: ' if where else ''}{message}"
            for severity, rule, where, message in rows
        )
        blocks.append(_Table(group, "", header, rows, lines, depth=0))
    blocks.append(_Note(verdict(report, locale)))
    return blocks


def _finding(finding: Finding, locale: object) -> list[_Block]:
    where = _place(finding)
    severity = finding.severity.label(locale)
    return [
        _Note(
            f"{finding.rule} [{severity}] {f'{where}: ' if where else ''}{finding.describe(locale)}"
        )
    ]


def _diff(diff: Diff, locale: object) -> list[_Block]:
    _ = translator(locale).gettext
    code = diff.country.code
    counts = _(N_("{joined} joined, {left} left, {changed} changed")).format(
        joined=len(diff.joined), left=len(diff.left), changed=len(diff.changed)
    )
    blocks: list[_Block] = [_Title(f"{code} {country_name(code, locale)}: {counts}")]
    rows: list[tuple[str, ...]] = []
    lines: list[str] = []
    for sign, experts in (("+", diff.joined), ("-", diff.left)):
        for e in experts:
            role = e.role.label(locale)
            organisation = expert_organisation(e.organisation, code, locale)
            rows.append((sign, e.name, f"{role}, {organisation}"))
            lines.append(f"{sign} {e.name} ({role}), {organisation}")
    for change in diff.changed:
        old, new = change.old, change.new
        if change.field == "role":
            old, new = Role(old).label(locale), Role(new).label(locale)
        detail = f"{_(change.field)}: {old} -> {new}"
        rows.append(("~", change.name, detail))
        lines.append(f"~ {change.name}: {detail}")
    if rows:
        header = ("", _(N_("name")), _(N_("change")))
        blocks.append(_Table("", "", header, tuple(rows), tuple(lines), depth=-1))
    return blocks


def _reason(error: BaseException, locale: object) -> str:
    """An error's reason in ``locale`` where it carries a template, else as raised; the
    problems of :class:`InvalidData` one a line, each in ``locale`` where it can be."""
    if isinstance(error, InvalidData):
        return "\n".join(_problem(p, locale) for p in error.problems)
    template = getattr(error, "template", None)
    if not isinstance(template, str):
        return str(error)
    from ._messages import format_message

    values = dict(getattr(error, "values", ()))
    said = format_message(template, values, locale, getattr(error, "plural", None))
    # A file's error names the file first, as its English message does.
    return f"{error.path}: {said}" if isinstance(error, (UnreadableFile, UnwritableFile)) else said


def _problem(problem: Problem, locale: object) -> str:
    """A problem where it is (``hr.csv:3: role: …``), its message in ``locale`` where it has a
    template."""
    if problem.template is None or locale is None:
        return str(problem)
    from ._messages import format_message

    message = format_message(problem.template, dict(problem.args), locale)
    return f"{problem.place}: {message}" if problem.place else message


def _document(obj: object, locale: object) -> list[_Block]:
    kinds = {klass.__name__ for klass in type(obj).__mro__}
    builders: dict[str, Callable[[Any, object], list[_Block]]] = {
        "NationalContactPoint": _ncp,
        "Network": _network,
        "Report": _report,
        "Finding": _finding,
        "Diff": _diff,
    }
    for name, build in builders.items():
        if name in kinds and type(obj).__module__.startswith("emn."):
            return build(obj, locale)
    if isinstance(obj, BaseException):
        return [_Note(_reason(obj, locale))]
    if isinstance(obj, Problem):
        return [_Note(_problem(obj, locale))]
    if isinstance(obj, (list, tuple)) and all(
        type(item).__name__ == "NationalContactPoint" for item in obj
    ):
        return _ncps(obj, "", locale)
    raise TypeError(
        "render: obj must be an NCP, a list of NCPs, a Network, a Report, a Finding, a Diff, "
        f"an emn error or a Problem, not {type(obj).__name__}"
    )


# -- writers: blocks laid out ------------------------------------------------------------------


def _text(blocks: Iterable[_Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, (_Title, _Note)):
            out.append(block.text)
        elif isinstance(block, _Field):
            out.append(f"  {block.label}: {block.value}".rstrip())
        elif block.lines is not None:
            indent = "  " * max(block.depth, 0)
            if block.caption:
                head = f"{block.caption}: {block.summary}" if block.depth else block.caption
                out.append(f"{indent}{head}".rstrip())
            out.extend(f"{indent}  {line}" if block.depth >= 0 else line for line in block.lines)
        else:
            if block.caption:
                out.append(block.caption)
            table = [tuple(h.upper() for h in block.header), *block.rows]
            widths = [max(len(row[i]) for row in table) for i in range(len(block.header) - 1)]
            for row in table:
                cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
                out.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(out)


def _e(text: str) -> str:
    from html import escape

    return escape(text, quote=True)


def _html(blocks: Iterable[_Block]) -> str:
    out: list[str] = []
    fields: list[_Field] = []

    def flush() -> None:
        if fields:
            rows = "".join(f"<tr><th>{_e(f.label)}</th><td>{_e(f.value)}</td></tr>" for f in fields)
            out.append(f'<table class="emn emn-facts"><tbody>{rows}</tbody></table>')
            fields.clear()

    for block in blocks:
        if isinstance(block, _Field):
            fields.append(block)
            continue
        flush()
        if isinstance(block, _Title):
            out.append(f'<p class="emn-title"><strong>{_e(block.text)}</strong></p>')
        elif isinstance(block, _Note):
            out.append(f'<p class="emn-note">{_e(block.text)}</p>')
        else:
            caption = f"{block.caption} ({block.summary})" if block.summary else block.caption
            head = "".join(f"<th>{_e(h)}</th>" for h in block.header)
            body = "".join(
                "<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>"
                for row in block.rows
            )
            caption_html = f"<caption>{_e(caption)}</caption>" if caption else ""
            out.append(
                f'<table class="emn">{caption_html}<thead><tr>{head}</tr></thead>'
                f"<tbody>{body}</tbody></table>"
            )
    flush()
    return f'<div class="emn">{"".join(out)}</div>'


_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>|#~"})


def _m(text: str) -> str:
    from html import escape

    return " ".join(escape(text, quote=False).translate(_MARKDOWN_SPECIAL).split())


def _markdown(blocks: Iterable[_Block]) -> str:
    out: list[str] = []
    for block in blocks:
        if isinstance(block, _Title):
            out.append(f"### {_m(block.text)}\n")
        elif isinstance(block, _Field):
            out.append(f"- **{_m(block.label)}:** {_m(block.value)}")
        elif isinstance(block, _Note):
            out.append(f"\n{_m(block.text)}\n")
        else:
            if out and out[-1].startswith("- "):
                out.append("")
            if block.caption:
                caption = f"{block.caption} ({block.summary})" if block.summary else block.caption
                out.append(f"**{_m(caption)}**\n")
            out.append("| " + " | ".join(_m(h) for h in block.header) + " |")
            out.append("|" + " --- |" * len(block.header))
            out.extend("| " + " | ".join(_m(c) for c in row) + " |" for row in block.rows)
            out.append("")
    return "\n".join(out).strip() + "\n"


_WRITERS: dict[str, Callable[[Iterable[_Block]], str]] = {
    "text": _text,
    "html": _html,
    "markdown": _markdown,
}


def render(obj: object, format: Format = "text", locale: object = None) -> str:
    """``obj`` (an NCP, a list of NCPs, a network, a report, a finding, a diff, an error's
    reason, or one :class:`~emn.exceptions.Problem` of an :class:`~emn.InvalidData`) as
    ``"text"``, ``"html"`` or ``"markdown"``, in ``locale`` (None: the context's, see
    :func:`emn.set_locale`; English until it is set).

    >>> import emn
    >>> print(emn.render(emn.ncp("SI"), locale="sl").splitlines()[1])
      status: država članica
    """
    if not isinstance(format, str):
        raise TypeError(f"render: format must be a string, not {type(format).__name__}")
    if format not in _WRITERS:
        template = N_("render: format must be one of {formats}, not {format}")
        problem = Problem.of((), template, formats=", ".join(FORMATS), format=repr(format))
        raise InvalidData([problem])
    locale = current_locale(locale)
    translator(locale)  # an unknown locale is named before any work
    return _WRITERS[format](_document(obj, locale))
