"""Entry files without their author's metadata: Word core and app properties, PDF /Author."""

import io
import zipfile

from docx import Document

from vinhdanh.documents.anonymise import anonymised, strip_docx, strip_pdf


def _docx_by(author: str) -> bytes:
    document = Document()
    document.add_paragraph("Bài viết về người tốt, việc tốt.")
    document.core_properties.author = author
    document.core_properties.last_modified_by = author
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_word_files_author_is_removed_and_the_text_kept():
    stripped = strip_docx(_docx_by("Nguyễn Văn Tác Giả"))
    assert "Nguyễn Văn Tác Giả".encode() not in b"".join(
        zipfile.ZipFile(io.BytesIO(stripped)).read(name)
        for name in zipfile.ZipFile(io.BytesIO(stripped)).namelist()
    )
    document = Document(io.BytesIO(stripped))
    assert document.core_properties.author == ""
    assert document.paragraphs[0].text == "Bài viết về người tốt, việc tốt."


def test_a_pdfs_author_is_blanked_at_the_same_length():
    pdf = (
        b"%PDF-1.4\n1 0 obj<</Title (Bai viet)/Author (Nguyen Van A\\) B)>>endobj\n"
        b"2 0 obj<</Author <FEFF004E0067>>>endobj\n<dc:creator>Nguyen Van A</dc:creator>\n%%EOF"
    )
    stripped = strip_pdf(pdf)
    assert len(stripped) == len(pdf)
    assert b"Nguyen" not in stripped and b"004E" not in stripped
    assert b"/Title (Bai viet)" in stripped


def test_an_unreadable_file_comes_back_unchanged():
    assert anonymised("docx", b"PK\x03\x04 broken") == b"PK\x03\x04 broken"
    assert anonymised("txt", b"text") == b"text"
