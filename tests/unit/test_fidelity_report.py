"""The list of Japanese texts that do not stand in the source names each by file, line and field."""

from __future__ import annotations

from handbook.fidelity import source_text
from handbook_testing import run_python


def test_an_altered_japanese_text_is_listed_with_file_line_and_field(data_copy):
    path = sorted((data_copy / "initiatives").glob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: {ja: ", "title: {ja: 試験的な", 1), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "試験的な" in row)
    result = run_python("scripts/fidelity_report.py", "--data-dir", str(data_copy))
    assert result.returncode == 0, "a report, not a failure"
    assert f"policy_data/initiatives/{path.name} {line}行目 / line {line}, title.ja" in result.stdout
    assert "試験的な" in result.stdout
    checked = run_python("scripts/fidelity_report.py", "--check", "--data-dir", str(data_copy))
    assert checked.returncode == 1


def test_footnote_marks_after_a_word_are_left_out_and_notes_kept(tmp_path):
    """The data writes DX推進 where the source has DX※１推進 (the glossary explains DX); a ※ that starts a
    line begins a note whose wording the data keeps."""
    source = tmp_path / "policy.txt"
    source.write_text("DX※１推進の中核となるデジタルの知見\n※５段階評価の平均値\n", encoding="utf-8")
    text = source_text(source)
    assert "DX推進の中核となるデジタルの知見" in text
    assert "※5段階評価の平均値" in text
