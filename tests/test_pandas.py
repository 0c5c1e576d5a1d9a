"""emn.pandas.to_dataframe: tidy rows per NCP or per expert; a clear error without pandas."""

from __future__ import annotations

import datetime
import subprocess
import sys

import pytest

import emn

pandas = pytest.importorskip("pandas")


def test_one_row_per_ncp_with_tidy_columns() -> None:
    frame = emn.pandas.to_dataframe()
    assert list(frame.columns) == [
        "code",
        "country",
        "status",
        "other_statuses",
        "coordinating_entity",
        "coordinating_entity_kind",
        "experts",
        "last_changed",
        "sources",
    ]
    assert len(frame) == len(emn.ncps()) == 34
    slovenia = frame.set_index("code").loc["SI"]
    assert slovenia.experts == 10
    assert slovenia.last_changed == pandas.Timestamp("2014-03-27")
    assert pandas.isna(frame.set_index("code").loc["DE"].experts)  # unknown, not zero
    assert str(frame.experts.dtype) == "Int64"


def test_the_frame_agrees_with_the_list_north_macedonia_with_no_host_norway_s_other_word() -> None:
    frame = emn.pandas.to_dataframe().set_index("code")
    assert frame.loc["MK"].status == "observer"
    assert pandas.isna(frame.loc["MK"].coordinating_entity)  # no source names one
    assert frame.loc["NO"].other_statuses == (
        "associated member (sl-emn-2014, emm-si-composition-2018)"
    )
    assert "GB" not in frame.index


def test_one_row_per_expert() -> None:
    frame = emn.pandas.to_dataframe(experts=True)
    assert len(frame) == 10  # only Slovenia's composition is published
    assert frame.iloc[0].to_dict() == {
        "code": "SI",
        "country": "Slovenia",
        "position": 0,
        "name": "Nataša Potočnik",
        "role": "national coordinator",
        "organisation": "Ministrstvo za notranje zadeve",  # as every output names it
        "organisation_kind": "ministry",
        "source": "sl-emn-2014",
    }


def test_a_single_ncp_a_list_and_a_snapshot() -> None:
    assert list(emn.pandas.to_dataframe(emn.ncp("SI")).code) == ["SI"]
    assert list(emn.pandas.to_dataframe([emn.ncp("SI"), emn.ncp("PL")]).code) == ["SI", "PL"]
    then = emn.pandas.to_dataframe(emn.network(as_of=datetime.date(2015, 6, 1))).set_index("code")
    assert len(then) == 28
    assert then.loc["GB"].status == "member state"
    assert pandas.isna(then.loc["GB"].coordinating_entity)  # no dated record names it


def test_localized_values() -> None:
    frame = emn.pandas.to_dataframe(locale="pl")
    assert frame.set_index("code").loc["SI"].country == "Słowenia"
    assert frame.set_index("code").loc["SI"].status == "państwo członkowskie"


def test_bad_input_is_invalid_data() -> None:
    with pytest.raises(emn.InvalidData, match="to_dataframe: expected an NCP"):
        emn.pandas.to_dataframe("SI")


def test_without_pandas_the_error_says_what_to_install() -> None:
    script = (
        "import sys; sys.modules['pandas'] = None\n"
        "import emn\n"
        "try:\n    emn.pandas.to_dataframe()\n"
        "except ImportError as err:\n    print(err)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert (
        done.stdout.strip()
        == "emn.pandas.to_dataframe needs pandas, an optional extra: pip install 'emn[pandas]'"
    )


def test_import_emn_never_imports_pandas() -> None:
    script = "import sys, emn; emn.ncp('SI'); emn.validate(emn.network()); print('pandas' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "False"
