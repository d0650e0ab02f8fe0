"""The list of Japanese texts that do not stand in the source names each by file, line and field."""

from __future__ import annotations

from handbook_testing import run_python


def test_an_altered_japanese_text_is_listed_with_file_line_and_field(data_copy):
    path = data_copy / "initiatives" / "035.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: {ja: 職員同士の", "title: {ja: 全職員同士の", 1), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "全職員同士の" in row)
    result = run_python("scripts/fidelity_report.py", "--data-dir", str(data_copy))
    assert result.returncode == 0, "a report, not a failure"
    assert f"policy_data/initiatives/035.yml {line}行目 / line {line}, title.ja" in result.stdout
    assert "全職員同士の" in result.stdout
    checked = run_python("scripts/fidelity_report.py", "--check", "--data-dir", str(data_copy))
    assert checked.returncode == 1
