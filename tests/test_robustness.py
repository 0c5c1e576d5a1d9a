"""Bad input, concurrency and isolation: only documented errors, no traceback, no hang."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from types import MappingProxyType

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import emn
from emn.cli import main
from tests import strategies


@given(strategies.json_values)
def test_random_json_text_through_from_json_raises_only_invalid_data(value: object) -> None:
    text = json.dumps(value)
    for cls in (emn.NationalContactPoint, emn.Network, emn.rules.Report):
        try:
            emn.from_json(cls, text)
        except emn.InvalidData as err:
            assert err.problems


@given(strategies.json_values)
def test_random_values_through_validate_give_a_report_or_a_documented_error(value: object) -> None:
    # Raw data (a dict, a list) is read and reported on; a string names a file to read.
    outcome: object
    try:
        outcome = emn.validate(value)  # type: ignore[arg-type]
    except (emn.InvalidData, emn.exceptions.UnreadableFile) as err:
        outcome = err
    # Nothing else may come out, and the assertions stand outside every except.
    if isinstance(outcome, emn.exceptions.UnreadableFile):
        assert isinstance(value, str)
        assert outcome.path == value
    elif isinstance(outcome, emn.InvalidData):
        assert "validate:" in str(outcome)
    else:
        assert isinstance(value, (dict, list))
        assert isinstance(outcome, emn.rules.Report)
        assert all(isinstance(f.location, tuple) for f in outcome)


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60, deadline=None
)
@given(blob=st.binary(max_size=300) | strategies.json_values.map(lambda v: json.dumps(v).encode()))
def test_emn_validate_on_random_files_exits_0_1_or_2_with_one_line(
    blob: bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "random.json"
    file.write_bytes(blob)
    status = main(["validate", str(file)])
    _, err = capsys.readouterr()
    assert status in (0, 1, 2)
    if status == 2:
        assert err.startswith(f"emn: {file}: ")
        assert err.count("\n") == 1


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "emn", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"\xc3\x28 not utf-8", "not valid UTF-8"),
        (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
        (b'{"country": "SI", "coordinating_entity": ' * 50_000, "not valid JSON"),
        (b"x" * 10_000_000, "not valid JSON: Expecting value at line 1, column 1"),
    ],
    ids=["empty", "invalid-utf8", "deeply-nested", "deeply-nested-objects", "10-MB-of-junk"],
)
def test_emn_validate_on_hostile_files_exits_2_with_one_line(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    file = tmp_path / "hostile.json"
    file.write_bytes(content)
    done = _cli("validate", str(file))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"emn: {file}: ")
    assert reason in done.stderr
    assert done.stderr.count("\n") == 1


def test_emn_validate_on_a_10_mb_list_of_ncps_finishes(tmp_path: Path) -> None:
    one = emn.to_dict(emn.ncp("SI"))
    copies = 10_000_000 // len(json.dumps(one)) + 1
    file = tmp_path / "big.json"
    file.write_text(json.dumps([one] * copies), encoding="utf-8")
    assert file.stat().st_size >= 10_000_000
    done = _cli(
        "validate", str(file), "--format", "json", "--select", "one-ncp-per-country", timeout=120
    )
    assert done.returncode == 1
    report = json.loads(done.stdout)["reports"][0]
    assert report["counts"]["error"] == copies - 1


def test_emn_validate_on_a_directory_and_a_missing_file(tmp_path: Path) -> None:
    for target, reason in [
        (tmp_path, "is a directory"),
        (tmp_path / "missing.json", "no such file"),
    ]:
        done = _cli("validate", str(target))
        assert done.returncode == 2
        assert done.stderr == f"emn: {target}: {reason}" + (
            ", not a composition file\n" if target == tmp_path else "\n"
        )


THREADS = """
import json, sys, threading
import emn
from emn import _dataset, _names

loads = []
real = _dataset._load
def counting():
    loads.append(1)
    return real()
_dataset._load = counting

barrier = threading.Barrier(32)
results = [None] * 32

def work(i):
    barrier.wait()
    results[i] = (emn.ncps(), emn.ncp("Słowenia"), emn.country_name("SI", "sl"), emn.network())

threads = [threading.Thread(target=work, args=(i,)) for i in range(32)]
for t in threads: t.start()
for t in threads: t.join()
first = results[0]
same = all(r[0] is first[0] and r[1] is first[1] and r[2] == first[2] and r[3] is first[3] for r in results)
print(json.dumps({"loads": len(loads), "same": same, "name": first[2], "code": first[1].country.code}))
"""


def test_32_threads_in_a_cold_process_get_identical_objects_and_one_load() -> None:
    done = subprocess.run(
        [sys.executable, "-c", THREADS], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(done.stdout) == {"loads": 1, "same": True, "name": "Slovenija", "code": "SI"}


NO_NETWORK = """
import socket
def refuse(*args, **kwargs):
    raise AssertionError("emn touched the network")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
import emn
emn.ncp("SI"); emn.ncp("Słowenia"); emn.ncp("Ελλάδα"); emn.country_name("SI", "sl")
emn.render(emn.validate(emn.network()), locale="pl")
emn.from_json(emn.Network, emn.to_json(emn.network()))
print("offline")
"""


def test_lookups_never_touch_the_network() -> None:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(NO_NETWORK)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert done.stdout.strip() == "offline", done.stderr


def _public_objects() -> list[object]:
    network = emn.network()
    report = emn.validate(network)
    found: list[object] = []
    todo: list[object] = [network, report, *emn.rules()]
    while todo:
        obj = todo.pop()
        found.append(obj)
        if attrs.has(type(obj)):
            for field in attrs.fields(type(obj)):
                value = getattr(obj, field.name)
                todo.extend(value if isinstance(value, tuple) else [value])
    return found


def test_every_collection_handed_out_is_immutable() -> None:
    checked = 0
    for obj in _public_objects():
        if not attrs.has(type(obj)):
            continue
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            assert not isinstance(value, (list, dict, set, bytearray)), (
                type(obj).__name__,
                field.name,
            )
            if isinstance(value, tuple):
                with pytest.raises(TypeError):
                    value[0:0] = ()  # type: ignore[index]
                checked += 1
            if isinstance(value, MappingProxyType):
                with pytest.raises(TypeError):
                    value["x"] = ()  # type: ignore[index]
    assert checked > 100


def test_every_attribute_of_every_public_object_refuses_change() -> None:
    for obj in _public_objects():
        if attrs.has(type(obj)):
            for field in attrs.fields(type(obj)):
                with pytest.raises(attrs.exceptions.FrozenInstanceError):
                    setattr(obj, field.name, None)
                with pytest.raises(attrs.exceptions.FrozenInstanceError):
                    delattr(obj, field.name)


def test_the_bundled_data_survives_a_caller_changing_what_it_was_given() -> None:
    data = emn.to_dict(emn.ncp("SI"))
    data["experts"].clear()
    data["country"] = "DK"
    assert len(emn.ncp("SI").experts or ()) == 10
    assert emn.to_dict(emn.ncp("SI"))["country"] == "SI"


@pytest.mark.parametrize("junk", ["", "   ", "\x00", "S", "🇸🇮", "\ud800", "Slovenija" * 1000, 42])
def test_lookups_with_junk_raise_not_found_naming_the_key(junk: object) -> None:
    with pytest.raises(emn.NotFound) as caught:
        emn.ncp(junk)  # type: ignore[arg-type]
    assert caught.value.key == junk
    assert isinstance(caught.value, LookupError)
    assert "\n" not in str(caught.value)


_JUNK = [None, 5, 2.5, b"SI", ["SI"], {"SI": 1}, object(), "\ud800", True]


@pytest.mark.parametrize("junk", _JUNK, ids=repr)
def test_public_functions_given_a_wrong_type_raise_type_error_or_an_emn_error(junk: object) -> None:
    calls = [
        lambda: emn.country_name(junk),  # type: ignore[arg-type]
        lambda: emn.country_name("SI", junk),
        lambda: emn.ncp(junk),  # type: ignore[arg-type]
        lambda: emn.network(junk),  # type: ignore[arg-type]
        lambda: emn.network().statuses(junk),  # type: ignore[arg-type]
        lambda: emn.network().source(junk),  # type: ignore[arg-type]
        lambda: emn.to_dict(junk),
        lambda: emn.from_dict(junk, {}),  # type: ignore[arg-type]
        lambda: emn.from_json(emn.NationalContactPoint, junk),  # type: ignore[arg-type]
        lambda: emn.validate(junk),  # type: ignore[arg-type]
        lambda: emn.validate(emn.ncp("SI"), select=junk),  # type: ignore[arg-type]
        lambda: emn.render(junk),
        lambda: emn.render(emn.ncp("SI"), junk),  # type: ignore[arg-type]
        lambda: emn.render(emn.ncp("SI"), locale=junk),
        lambda: emn.set_locale(junk),
        lambda: emn.diff(junk, emn.ncp("SI")),  # type: ignore[arg-type]
        lambda: emn.Country(junk),  # type: ignore[arg-type]
        lambda: emn.datapackage.export(junk),  # type: ignore[arg-type]
        lambda: emn.datapackage.export("x", network=junk),  # type: ignore[arg-type]
        lambda: emn.pandas.to_dataframe(junk),
    ]
    for index, call in enumerate(calls):
        if junk is None and index in (1, 3, 13, 14, 18, 19):
            continue  # None is these arguments' default
        try:
            call()
        except (TypeError, emn.EMNError):
            continue
        except Exception as err:  # pragma: no cover - the failure message says which
            pytest.fail(f"call {index} with {junk!r} raised {type(err).__name__}: {err}")
        # No error is right only where the junk is a fine value (a list of NCPs to validate,
        # a one-element list of rule ids); a code or a country never is.
        assert index not in (0, 2, 4, 16), f"call {index} accepted {junk!r}"
