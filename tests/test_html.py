"""Notebook display: HTML tables with every value escaped; short plain reprs."""

from __future__ import annotations

import emn


def _hostile() -> emn.NationalContactPoint:
    evil = emn.Organisation([emn.Name("<script>alert('x')</script> & Co", "en")])
    return emn.NationalContactPoint(
        emn.Country("SI"),
        evil,
        experts=[emn.Expert("<b>Ana</b>", evil, emn.Role.NATIONAL_COORDINATOR)],
    )


def test_an_ncp_renders_its_facts_and_experts() -> None:
    html = emn.ncp("SI")._repr_html_()
    assert html.startswith('<table class="emn"><caption>National Contact Point: SI</caption>')
    assert (
        "<td>Nataša Potočnik</td><td>national coordinator</td><td>Ministry of the Interior</td>"
        in html
    )
    assert (
        "<td>Darjo Cizel</td><td>member</td><td>Ministrstvo za notranje zadeve, Policija</td>"
        in html
    )
    assert html.count("<tr>") == 1 + 6 + 1 + 10


def test_an_unknown_composition_says_so() -> None:
    assert "Experts: not published by the sources." in emn.ncp("DE")._repr_html_()


def test_every_value_is_escaped() -> None:
    html = _hostile()._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in html
    assert "&lt;b&gt;Ana&lt;/b&gt;" in html
    report = emn.validate(_hostile())
    assert "<b>Ana</b>" not in report._repr_html_()


def test_the_network_renders_one_row_per_ncp() -> None:
    html = emn.network()._repr_html_()
    assert "33 National Contact Points" in html
    assert html.count("<tr>") == 34
    assert (
        "<td>DE</td><td>Germany</td><td>member state</td><td>Federal Office for Migration and Refugees</td><td>unknown</td>"
        in html
    )


def test_a_report_renders_one_row_per_finding() -> None:
    report = emn.validate(emn.network())
    html = report._repr_html_()
    assert html.count("<tr>") == len(report) + 1
    assert "Validation: ok (0 errors, 2 warnings, 39 info)" in html


def test_plain_reprs_stay_short() -> None:
    assert repr(emn.validate(emn.network())) == "Report(ok=True, errors=0, warnings=2, infos=39)"
    assert len(repr(emn.network())) < 100
    assert len(repr(emn.ncp("SI"))) < 100
