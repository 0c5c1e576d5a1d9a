"""Run the mutation campaign over the rules, the converters, messages and the command line.

    .venv/bin/pip install -e '.[dev]'
    .venv/bin/python scripts/mutation.py               # a new campaign; prints the score
    .venv/bin/python scripts/mutation.py --resume      # go on with an interrupted one
    .venv/bin/python scripts/mutation.py --retest      # run the last survivors again (new tests)
    .venv/bin/python scripts/mutation.py --report      # the score and survivors of the last one

Every mutant (cosmic-ray) of ``src/emn/rules/``, ``src/emn/_convert.py``, ``src/emn/_fast.py``,
``src/emn/_messages.py`` and ``src/emn/cli.py`` is applied in a copy of the project and judged by
the tests of the rules, the converters, the command line, robustness, exceptions and the
catalogs (``TESTS``), then the other modules' tests of the ``emn`` command and
the mutated modules' own doctests, with ``pytest -x`` and the ``mutation`` hypothesis profile
(fewer, fixed examples). The test file closest to the mutated module runs first, so most mutants
die within a second or two. Mutants inside type annotations are skipped: the modules postpone
their annotations, so only ``mypy --strict`` reads them. docs/testing.md gives the last score
and why each surviving mutant is left alive.

The sessions (cosmic-ray's sqlite files) and the copies live in ``.mutation/``; nothing under
``src/`` or ``tests/`` is touched. The default test command (``python -m pytest``) never runs
this campaign.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKDIR = ROOT / ".mutation"

TESTS = (
    "tests/test_rules.py",
    "tests/test_convert.py",
    "tests/test_cli.py",
    "tests/test_robustness.py",
    "tests/test_exceptions.py",
    "tests/test_i18n.py",
    "tests/test_messages.py",
    "tests/test_fast.py",
)
# The tests of other modules that run the `emn` command.
COMMAND_TESTS = (
    "tests/test_diff.py::test_emn_diff_text",
    "tests/test_diff.py::test_emn_diff_json",
    "tests/test_diff.py::test_emn_diff_bad_input_exits_2",
    "tests/test_schema.py::test_emn_schema_prints_it",
    "tests/test_datapackage.py::test_emn_export",
    "tests/test_datapackage.py::test_emn_export_into_a_file_exits_2",
    "tests/test_datapackage.py::test_emn_export_refuses_a_non_empty_directory_unless_forced",
)
# The examples in the mutated modules' docstrings, run after the test files.
DOCTESTS = (
    "src/emn/rules",
    "src/emn/_convert.py",
    "src/emn/_fast.py",
    "src/emn/_messages.py",
    "src/emn/cli.py",
)
# A timing test: under a mutant it only measures the machine, and it costs seconds per mutant.
DESELECTED = ("tests/test_robustness.py::test_emn_validate_on_a_10_mb_list_of_ncps_finishes",)

# Each group is one cosmic-ray session: what it mutates, and which test file runs first.
GROUPS = {
    "rules": (("src/emn/rules",), "tests/test_rules.py"),
    "convert": (("src/emn/_convert.py",), "tests/test_convert.py"),
    "cli": (("src/emn/cli.py",), "tests/test_cli.py"),
    "messages": (("src/emn/_messages.py",), "tests/test_messages.py"),
    "fast": (("src/emn/_fast.py",), "tests/test_fast.py"),
}

IGNORED = shutil.ignore_patterns(
    ".git",
    ".mutation",
    ".venv",
    "__pycache__",
    "*.egg-info",
    "build",
    "dist",
    "_build",
    ".hypothesis",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
)


def test_command(first: str) -> str:
    """The pytest command that judges one mutant, ``first`` test file first."""
    files = [first, *(t for t in TESTS if t != first)]
    deselect = [f"--deselect={d}" for d in DESELECTED]
    args = [sys.executable, "-m", "pytest", "-x", "-q", "--no-header", "-p", "no:cacheprovider"]
    tests = [*files, *COMMAND_TESTS, *DOCTESTS]
    return shlex.join([*args, "--hypothesis-profile=mutation", *deselect, *tests])


def config(group: str, timeout: float, urls: list[str]) -> str:
    """The cosmic-ray configuration of one group, as TOML."""
    paths, first = GROUPS[group]
    quoted = ", ".join(f'"{u}"' for u in urls)
    modules = ", ".join(f'"{p}"' for p in paths)
    return (
        "[cosmic-ray]\n"
        f"module-path = [{modules}]\n"
        f"timeout = {timeout}\n"
        "excluded-modules = []\n"
        f"test-command = {json.dumps(test_command(first))}\n"
        "\n[cosmic-ray.distributor]\n"
        'name = "http"\n'
        "\n[cosmic-ray.distributor.http]\n"
        f"worker-urls = [{quoted}]\n"
    )


def _environment(copy: Path) -> dict[str, str]:
    env = dict(os.environ)
    # The copy's sources come before the editable install's; no stale bytecode is ever read.
    env["PYTHONPATH"] = str(copy / "src")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _cosmic_ray(*args: str, cwd: Path = ROOT) -> None:
    subprocess.run([sys.executable, "-m", "cosmic_ray.cli", *args], cwd=cwd, check=True)


def _copies(count: int) -> list[Path]:
    copies = []
    for index in range(count):
        copy = WORKDIR / f"worker-{index}"
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(ROOT, copy, ignore=IGNORED)
        copies.append(copy)
    return copies


def baseline(copy: Path) -> float:
    """Run the unmutated tests once in ``copy``; their time in seconds. They must pass."""
    start = time.perf_counter()
    done = subprocess.run(shlex.split(test_command(TESTS[0])), cwd=copy, env=_environment(copy))
    if done.returncode != 0:
        sys.exit("the unmutated tests fail; fix them before mutating")
    return time.perf_counter() - start


@contextmanager
def workers(copies: list[Path]) -> Iterator[list[str]]:
    """One cosmic-ray HTTP worker per copy, stopped on leaving."""
    procs, urls = [], []
    try:
        for copy in copies:
            port = _free_port()
            log = (WORKDIR / f"{copy.name}.log").open("w")
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "cosmic_ray.cli", "http-worker", "--port", str(port)],
                    cwd=copy,
                    env=_environment(copy),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        for url in urls:
            _wait_for(url)
        yield urls
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=30)


def _wait_for(url: str) -> None:
    host, port = url.removeprefix("http://").split(":")
    for _ in range(100):
        try:
            socket.create_connection((host, int(port)), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"the cosmic-ray worker at {url} did not start")


def annotation_spans(path: Path) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Where the type annotations of ``path`` are, as (line, column) pairs in characters."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()

    def column(line: int, offset: int) -> int:
        return len(lines[line - 1].encode("utf-8")[:offset].decode("utf-8"))

    spans = []
    for node in ast.walk(ast.parse(source)):
        annotations: list[ast.expr | None] = []
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = node.args
            every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
            annotations = [a.annotation for a in every] + [node.returns]
        elif isinstance(node, ast.AnnAssign):
            annotations = [node.annotation]
        for a in annotations:
            if a is not None and a.end_lineno is not None and a.end_col_offset is not None:
                start = (a.lineno, column(a.lineno, a.col_offset))
                spans.append((start, (a.end_lineno, column(a.end_lineno, a.end_col_offset))))
    return spans


def skip_annotations(session: Path) -> int:
    """Mark the mutants inside type annotations as skipped; how many there were."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import WorkerOutcome, WorkResult

    spans: dict[str, list[tuple[tuple[int, int], tuple[int, int]]]] = {}
    skipped = []
    with use_db(str(session), WorkDB.Mode.open) as db:
        for item in db.work_items:
            for m in item.mutations:
                path = str(m.module_path)
                if path not in spans:
                    spans[path] = annotation_spans(ROOT / path)
                start, end = tuple(m.start_pos), tuple(m.end_pos)
                if any(s <= start and end <= e for s, e in spans[path]):
                    skipped.append(item.job_id)
        db.set_multiple_results(skipped, WorkResult(worker_outcome=WorkerOutcome.SKIPPED))
    return len(skipped)


def forget_survivors(session: Path) -> int:
    """Forget the verdicts on the mutants that survived, so that they run again; how many."""
    import sqlite3

    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome

    with use_db(str(session), WorkDB.Mode.open) as db:
        survived = [
            (item.job_id,)
            for item, result in db.completed_work_items
            if result.test_outcome is TestOutcome.SURVIVED
        ]
    with sqlite3.connect(session) as connection:
        connection.executemany("DELETE FROM work_results WHERE job_id = ?", survived)
    return len(survived)


def run(groups: list[str], count: int, timeout: float, mode: str) -> None:
    """Run the sessions of ``groups``: ``new``, ``resume`` where left, or ``retest`` survivors."""
    WORKDIR.mkdir(exist_ok=True)
    copies = _copies(count)
    took = baseline(copies[0])
    timeout = max(timeout, 5 * took)
    print(f"baseline: the tests pass unmutated in {took:.1f} s; timeout per mutant {timeout:.0f} s")
    with workers(copies) as urls:
        for group in groups:
            session = WORKDIR / f"{group}.sqlite"
            conf = WORKDIR / f"{group}.toml"
            conf.write_text(config(group, timeout, urls), encoding="utf-8")
            if mode == "retest" and session.exists():
                print(f"{group}: {forget_survivors(session)} survivors to run again")
            elif not (mode == "resume" and session.exists()):
                session.unlink(missing_ok=True)
                _cosmic_ray("init", str(conf), str(session))
                print(f"{group}: {skip_annotations(session)} mutants in annotations skipped")
            started = time.perf_counter()
            _cosmic_ray("exec", str(conf), str(session))
            print(f"{group}: done in {time.perf_counter() - started:.0f} s")


def report(groups: list[str]) -> None:
    """Print the score per module and in all, then every surviving mutant's diff."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome

    counts: dict[str, Counter[str]] = {}
    survivors = []
    for group in groups:
        session = WORKDIR / f"{group}.sqlite"
        if not session.exists():
            continue
        with use_db(str(session), WorkDB.Mode.open) as db:
            pending = db.num_work_items - db.num_results
            if pending:
                print(f"{group}: {pending} mutants not yet run (--resume)")
            for item, result in db.completed_work_items:
                module = str(item.mutations[0].module_path)
                tally = counts.setdefault(module, Counter())
                if result.worker_outcome is WorkerOutcome.SKIPPED:
                    tally["skipped"] += 1
                elif result.worker_outcome is not WorkerOutcome.NORMAL:
                    tally["error"] += 1
                elif result.test_outcome is TestOutcome.SURVIVED:
                    tally["survived"] += 1
                    survivors.append((item, result))
                elif result.test_outcome is TestOutcome.INCOMPETENT:
                    tally["incompetent"] += 1
                else:
                    tally["killed"] += 1
                    tally["timeout"] += result.output == "timeout"
    if not counts:
        sys.exit("no session yet: run this script without --report first")
    print(f"\n{'module':34} killed survived  score  (timeouts, skipped, incompetent, errors)")
    total: Counter[str] = Counter()
    for module, tally in sorted(counts.items()):
        total.update(tally)
        print(_line(module, tally))
    print(_line("all", total))
    survivors.sort(
        key=lambda pair: (str(pair[0].mutations[0].module_path), pair[0].mutations[0].start_pos)
    )
    for item, result in survivors:
        m = item.mutations[0]
        print(f"\nsurvived: {m.module_path}:{m.start_pos[0]} {m.operator_name} #{m.occurrence}")
        changed = (line for line in (result.diff or "").splitlines()[3:] if line[:1] in "-+")
        print("\n".join(f"    {line}" for line in changed))


def _line(name: str, tally: Counter[str]) -> str:
    judged = tally["killed"] + tally["survived"]
    score = f"{100 * tally['killed'] / judged:5.1f} %" if judged else "    -  "
    extra = ", ".join(str(tally[k]) for k in ("timeout", "skipped", "incompetent", "error"))
    return f"{name:34} {tally['killed']:6} {tally['survived']:8}  {score}  ({extra})"


def main() -> None:
    """Parse the command line and run or report the campaign."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", action="store_true", help="only report the last campaign")
    parser.add_argument("--resume", action="store_true", help="go on with unfinished sessions")
    parser.add_argument("--retest", action="store_true", help="run the last survivors again")
    parser.add_argument("--workers", type=int, default=2, help="tests run in parallel (2)")
    parser.add_argument(
        "--timeout", type=float, default=60.0, help="seconds per mutant, at least 5x the baseline"
    )
    parser.add_argument(
        "groups", nargs="*", help="some of: rules, convert, cli, messages, fast (all)"
    )
    args = parser.parse_args()
    groups = args.groups or list(GROUPS)
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown groups: {', '.join(sorted(unknown))}")
    if not args.report:
        try:
            import cosmic_ray  # noqa: F401
        except ImportError:
            sys.exit("cosmic-ray is missing: pip install -e '.[dev]' in your virtual environment")
        mode = "retest" if args.retest else "resume" if args.resume else "new"
        run(groups, args.workers, args.timeout, mode)
    report(groups)


if __name__ == "__main__":
    main()
