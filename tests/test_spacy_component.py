"""The extractor as a spaCy pipeline component (found through the spacy_factories entry point)."""
import subprocess
import sys
import unicodedata

import pytest

spacy = pytest.importorskip("spacy")

PLAN = """UBND TỈNH GIA LAI
SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 45/KH-SNNMT
Gia Lai, ngày 12 tháng 3 năm 2025

KẾ HOẠCH
Vận hành hồ chứa mùa mưa lũ năm 2025

Thực hiện Quyết định số 15/QĐ-UBND ngày 20/3/2025 của UBND tỉnh Gia Lai, Sở Nông nghiệp và Môi trường ban hành Kế hoạch như sau:
I. TỔ CHỨC THỰC HIỆN
1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Tài chính tổng hợp nhu cầu kinh phí, báo cáo trước ngày 15/12/2025.
2. Đề nghị Công ty TNHH Một thành viên Khai thác thủy lợi Gia Lai vận hành hồ chứa an toàn./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Thị Mai
"""


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("xx")
    nlp.add_pipe("directives")  # by name: the entry point registers the factory
    return nlp


def test_record_and_span_groups(nlp):
    doc = nlp(PLAN)
    assert doc._.directive["symbol"] == "45/KH-SNNMT"
    assert doc._.directive["doc_type"] == "KH"
    [ref] = doc.spans["references"]
    assert ref.label_ == "implements" and ref.text.startswith("Quyết định số 15/QĐ-UBND")
    assert [s.label_ for s in doc.spans["tasks"]] == [
        "Sở Nông nghiệp và Môi trường",
        "Công ty TNHH Một thành viên Khai thác thủy lợi Gia Lai",
    ]
    assert doc.spans["tasks"][0].text.startswith("1. Sở Nông nghiệp và Môi trường chủ trì")
    units = [(s.label_, s.text) for s in doc.spans["units"]]
    assert units == [
        ("assignee", "Sở Nông nghiệp và Môi trường"),
        ("coordinator", "Sở Tài chính"),
        ("assignee", "Công ty TNHH Một thành viên Khai thác thủy lợi Gia Lai"),
    ]


def test_spans_fall_on_the_original_text_whatever_its_spelling(nlp):
    # decomposed letters, Windows line ends and a page around the document
    raw = "Trang chủ | Văn bản\r\n\r\n" + unicodedata.normalize("NFD", PLAN).replace("\n", "\r\n")
    doc = nlp(raw)
    assert [unicodedata.normalize("NFC", s.text) for s in doc.spans["units"] if s.label_ == "assignee"] == [
        "Sở Nông nghiệp và Môi trường",
        "Công ty TNHH Một thành viên Khai thác thủy lợi Gia Lai",
    ]


def test_the_tagger_reads_subjects_outside_the_unit_grammar_unless_switched_off():
    text = PLAN.replace(
        "2. Đề nghị Công ty", "2. Đề nghị Thường trực Hội đồng nhân dân tỉnh thẩm tra, quyết định kinh phí.\n3. Đề nghị Công ty"
    )
    with_tagger = spacy.blank("xx")
    with_tagger.add_pipe("directives")
    without = spacy.blank("xx")
    without.add_pipe("directives", config={"tagger": False})
    tagged, untagged = with_tagger(text), without(text)
    assert "Thường trực Hội đồng nhân dân tỉnh" in [s.label_ for s in tagged.spans["tasks"]]
    assert "Thường trực Hội đồng nhân dân tỉnh" not in [s.label_ for s in untagged.spans["tasks"]]
    # the batch path's setting is left as it was
    from directives.nlp import subjects

    assert subjects._enabled is False


def test_batch_path_does_not_import_spacy(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text(PLAN, encoding="utf-8")
    code = (
        "import sys; from directives import extract_file; "
        f"r = extract_file({str(path)!r}); assert r.tasks; print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_readmes_example_runs_as_written(monkeypatch, capsys):
    """The README's spaCy example, copied out of the README and run from the project's root:
    a Vietnamese blank pipeline that needs no Pyvi, and the plan's symbol and tasks printed."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    [example] = [block for block in re.findall(r"```python\n(.*?)```", readme, re.S) if 'add_pipe("directives")' in block]
    assert 'spacy.blank("vi"' in example
    monkeypatch.chdir(root)
    exec(compile(example, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert printed.startswith("20/KH-UBND [('Sở Khoa học và Công nghệ', '1. Sở Khoa học và Công nghệ chủ trì")
