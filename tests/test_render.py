"""One renderer: text, HTML and Markdown, in the context's language; every value escaped."""

from __future__ import annotations

import re
import threading

import attrs
import pytest

import emn

SI = emn.ncp("SI")


def _hostile() -> emn.NationalContactPoint:
    evil = emn.Organisation([emn.Name("<script>alert('x')</script> & Co | *x*", "en")])
    return emn.NationalContactPoint(
        emn.Country("SI"),
        evil,
        experts=[emn.Expert("<b>Ana</b>", evil, emn.Role.NATIONAL_COORDINATOR)],
    )


def test_an_ncp_as_text_lists_its_facts_experts_and_history() -> None:
    lines = emn.render(SI).splitlines()
    assert lines[:2] == ["Slovenia (SI)", "  status: member state"]
    assert "  experts: 10" in lines
    assert "    Nataša Potočnik (national coordinator), Ministrstvo za notranje zadeve" in lines
    assert "  history:" in lines
    assert str(SI) == emn.render(SI, "text")


def test_an_ncp_as_html_has_its_facts_and_one_row_per_expert() -> None:
    html = emn.render(SI, "html")
    assert html.startswith('<div class="emn"><p class="emn-title"><strong>Slovenia (SI)</strong>')
    assert (
        "<td>Darjo Cizel</td><td>member</td><td>Ministrstvo za notranje zadeve, Policija</td>"
        in html
    )
    experts = html.split("<caption>experts (10)</caption>", 1)[1].split("</table>", 1)[0]
    assert experts.count("<tr>") == 1 + 10
    assert SI._repr_html_() == html


def test_an_ncp_in_slovenian_html() -> None:
    html = emn.render(SI, format="html", locale="sl")
    assert "<strong>Slovenija (SI)</strong>" in html
    assert "<th>status</th><td>država članica</td>" in html
    assert "<td>Nataša Potočnik</td><td>nacionalni koordinator</td>" in html
    assert "27. marec 2014" in html


def test_an_unknown_composition_says_so_in_every_format() -> None:
    de = emn.ncp("DE")
    assert "  experts: not published by the sources" in emn.render(de)
    assert "<th>experts</th><td>not published by the sources</td>" in emn.render(de, "html")
    assert "- **experts:** not published by the sources" in emn.render(de, "markdown")


def test_the_network_renders_one_row_per_ncp() -> None:
    html = emn.render(emn.network(), "html")
    assert "Council Decision 2008/381/EC: National Contact Points (34)" in html
    assert html.count("<tr>") == 35
    assert (
        "<td>DE</td><td>Germany</td><td>member state</td><td>unknown</td>"
        "<td>Federal Office for Migration and Refugees / Bundesamt für Migration und Flüchtlinge"
        "</td>" in html
    )
    # North Macedonia is listed, with no host; the list, the frame and the CLI agree.
    assert (
        "<td>MK</td><td>North Macedonia</td><td>observer</td><td>unknown</td>"
        "<td>not named by any source</td>" in html
    )
    assert '<p class="emn-note">no longer taking part: United Kingdom (GB)</p>' in html
    assert emn.network()._repr_html_() == html


def test_an_ncp_shows_its_hosts_with_their_times_and_sources() -> None:
    text = emn.render(emn.ncp("HR"))
    assert (
        "    2015-03 to 2018-12-31: hrvatski ured Međunarodne organizacije za migracije / IOM "
        "Office in Zagreb (hosts the NCP) [emn-gov-hr-about-en]"
    ) in text.splitlines()
    portugal = emn.render(emn.ncp("PT")).splitlines()
    assert any(
        line.startswith("    from 2023-10-29: Agência para a Integração")
        and line.endswith("[inferred by the maintainers, uncertain]")
        for line in portugal
    )
    norway = emn.render(emn.ncp("NO")).splitlines()
    assert "  other sources' words: associated member (sl-emn-2014, emm-si-composition-2018)" in (
        norway
    )
    assert (
        "    from 2011-01-01: members of the NCP: Norwegian Directorate of Immigration / UDI; "
        "Norwegian Ministry of Justice and Public Security / Justis- og beredskapsdepartementet "
        "[ec-norway-ncp]"
    ) in norway


def test_an_ncp_of_a_day_says_which_day_and_what_it_cannot_place() -> None:
    import datetime

    germany = emn.network(as_of=datetime.date(2015, 6, 1)).ncp("DE")
    lines = emn.render(germany).splitlines()
    assert lines[:4] == [
        "Germany (DE)",
        "  as of: 2015-06-01",
        "  status: member state",
        "  coordinating entity: not determined on that day",
    ]


def test_a_disputed_headline_is_said_to_be_disputed() -> None:
    import attrs

    norway = attrs.evolve(
        emn.ncp("NO"),
        status=None,
        coordinating_entity=None,
        disputed=("status", "coordinating_entity"),
    )
    lines = emn.render(norway).splitlines()
    assert "  status: disputed" in lines
    assert "  coordinating entity: disputed" in lines


def test_a_list_of_ncps_is_a_table_with_a_header() -> None:
    lines = emn.render(emn.ncps()).splitlines()
    assert len(lines) == 35
    assert lines[0].split()[:2] == ["CODE", "COUNTRY"]


def test_a_report_renders_one_row_per_finding_grouped_by_ncp() -> None:
    report = emn.validate(emn.network())
    html = emn.render(report, "html")
    assert html.count("<tr>") - html.count("<thead>") == len(report)
    assert "ok: errors: 0, warnings: 2, info: 54" in html
    text = emn.render(report)
    assert "DE Germany\n  info         composition-unknown      ncps[6].experts: " in text
    assert text.endswith("ok: errors: 0, warnings: 2, info: 54")
    assert report._repr_html_() == html


def test_markdown_is_a_table_with_its_cells_escaped() -> None:
    markdown = emn.render(_hostile(), "markdown")
    assert markdown.startswith("### Slovenia \\(SI\\)") or markdown.startswith("### Slovenia (SI)")
    assert "| name | role | organisation |" in markdown
    assert "<script>" not in markdown
    assert "\\|" in markdown
    assert "\\*x\\*" in markdown


def test_every_value_is_escaped_in_html() -> None:
    html = emn.render(_hostile(), "html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in html
    assert "&lt;b&gt;Ana&lt;/b&gt;" in html
    assert "<b>Ana</b>" not in emn.render(emn.validate(_hostile()), "html")
    hostile_act = attrs.evolve(emn.network().legal_basis, reference="<script>x</script>")
    captioned = emn.model.Network(hostile_act, [emn.ncp("SI")])
    html = emn.render(captioned, "html")
    assert "<caption>&lt;script&gt;x&lt;/script&gt;: National Contact Points (1)</caption>" in html
    caption_ncp = emn.NationalContactPoint(emn.Country("SI"), _hostile().coordinating_entity)
    assert "<script>" not in emn.render(
        emn.model.Network(emn.network().legal_basis, [caption_ncp]), "html"
    )


def test_a_diff_renders_in_every_format() -> None:
    difference = emn.diff(SI, emn.ncp("SI"))
    assert emn.render(difference) == "SI Slovenia: 0 joined, 0 left, 0 changed"
    assert "SI Slovenia" in emn.render(difference, "html")
    assert "SI Slovenia" in emn.render(difference, "markdown")


def test_a_bad_format_or_object_is_refused() -> None:
    with pytest.raises(ValueError, match="format must be one of text, html, markdown"):
        emn.render(SI, "pdf")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="render: obj must be"):
        emn.render(42)
    with pytest.raises(emn.exceptions.UnknownLocale):
        emn.render(SI, locale="xx")


def test_set_locale_changes_the_default_and_restores_it() -> None:
    assert emn.render(SI).startswith("Slovenia (SI)")
    with emn.set_locale("sl"):
        assert emn.render(SI).startswith("Slovenija (SI)")
        assert "nacionalni koordinator" in SI._repr_html_()
        assert emn.country_name("DE") == "Nemčija"
        with emn.set_locale("pl"):
            assert str(SI).startswith("Słowenia (SI)")
        assert str(SI).startswith("Slovenija (SI)")
    assert emn.render(SI).startswith("Slovenia (SI)")


def test_set_locale_without_with_holds_for_the_context_only() -> None:
    seen: list[str] = []

    def other_thread() -> None:
        seen.append(emn.render(SI).splitlines()[0])

    setting = emn.set_locale("pl")
    try:
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        assert str(SI).startswith("Słowenia")
        assert seen == ["Slovenia (SI)"]
    finally:
        setting.__exit__(None, None, None)
    assert str(SI).startswith("Slovenia")


def test_an_unknown_locale_is_refused_by_set_locale_and_changes_nothing() -> None:
    with pytest.raises(emn.exceptions.UnknownLocale) as caught:
        emn.set_locale("xx")
    assert caught.value.locale == "xx"
    assert str(SI).startswith("Slovenia")


def test_the_renderer_imports_no_model_class() -> None:
    from pathlib import Path

    source = Path(emn._render.__file__).read_text(encoding="utf-8")  # type: ignore[attr-defined]
    assert not re.search(r"^\s*from \._model import|^\s*from \.rules", source, re.MULTILINE)
