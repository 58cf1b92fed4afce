"""The `conflictner` command as a shell user meets it: formats, stdin, exit codes, messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conflictner.cli import main
from conflictner.schema import Extraction, json_schema

from .conftest import EXAMPLES

ARTICLE = EXAMPLES / "somalia_base_attack.txt"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_extract_table_is_readable(capsys, nlp):
    code, out, _ = run(capsys, "extract", str(ARTICLE), "--published", "2024-03-06")
    assert code == 0
    assert "attack/shelling" in out and "attack/ambush" in out
    assert "claim    claim_responsibility Al-Shabaab [armed_group]" in out
    assert "where     near Aden Adde International Airport [SOM]" in out


def test_extract_json_round_trips(capsys, nlp):
    code, out, _ = run(capsys, "extract", str(ARTICLE), "--published", "2024-03-06", "--format", "json",
                       "--url", "https://example.org/s", "--outlet", "Wire")
    assert code == 0
    x = Extraction.model_validate_json(out)
    assert x.document.url == "https://example.org/s" and x.document.outlet == "Wire"
    assert x.document.id == "somalia_base_attack" and x.events


def test_extract_jsonl_one_line_per_file(capsys, nlp, tmp_path):
    other = tmp_path / "kano.txt"
    other.write_text("Gunmen attacked a police station in Kano on Monday, killing three officers, police said.",
                     encoding="utf8")
    code, out, _ = run(capsys, "extract", str(ARTICLE), str(other), "--published", "2024-03-06",
                       "--format", "jsonl")
    assert code == 0
    lines = out.strip().splitlines()
    assert [Extraction.model_validate_json(line).document.id for line in lines] == ["somalia_base_attack", "kano"]


def test_extract_reads_stdin(monkeypatch, capsys, nlp):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(ARTICLE.read_text(encoding="utf8")))
    code, out, _ = run(capsys, "extract", "-", "--published", "2024-03-06", "--format", "json")
    assert code == 0 and Extraction.model_validate_json(out).events


def test_bad_date_exits_1_with_a_message(capsys, nlp):
    code, out, err = run(capsys, "extract", str(ARTICLE), "--published", "last Tuesday")
    assert code == 1 and out == ""
    assert "published" in err and "E002" in err


def test_missing_file_exits_1_with_a_message(capsys, nlp, tmp_path):
    code, _, err = run(capsys, "extract", str(tmp_path / "nope.txt"))
    assert code == 1 and "cannot read" in err and "nope.txt" in err


def test_bad_base_exits_1(capsys):
    code, _, err = run(capsys, "extract", str(ARTICLE), "--base", "no_such_pipeline_xyz")
    assert code == 1 and "E004" in err


def test_closed_pipe_is_not_a_traceback(tmp_path):
    exe = Path(sys.executable).parent / "conflictner"
    res = subprocess.run(f"'{exe}' extract '{ARTICLE}' --published 2024-03-06 | head -1", shell=True,
                         capture_output=True, text=True, check=False)
    assert res.stdout.startswith("# somalia_base_attack")
    assert "Traceback" not in res.stderr


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--format", "xml"])
    assert exc.value.code == 2


def test_schema_command_writes_the_schema(capsys, tmp_path):
    out_file = tmp_path / "s.json"
    code, _, err = run(capsys, "schema", "--out", str(out_file))
    assert code == 0 and "wrote" in err
    assert json.loads(out_file.read_text(encoding="utf8")) == json_schema()


def test_actors_command_greps_the_gazetteer(capsys):
    code, out, err = run(capsys, "actors", "^Iraq$")
    assert code == 0 and "IRQ" in out and err.strip() == "1 actors"
    code, out, _ = run(capsys, "actors", "--kind", "state", "--country", "sdn", "--json")
    assert code == 0 and json.loads(out.strip())["id"] == "SDN"


def test_console_script_is_installed():
    exe = __import__("shutil").which("conflictner", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe, "the conflictner console script is not installed next to this Python"
    res = subprocess.run([exe, "--help"], capture_output=True, text=True, check=False)
    assert res.returncode == 0 and "extract" in res.stdout
