"""Which kind of file was uploaded, told by its bytes rather than by its name."""

import io
import zipfile
from enum import StrEnum

from .errors import PlanReadError

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARKERS = (
    "EncryptedPackage".encode("utf-16-le"),
    "EncryptionInfo".encode("utf-16-le"),
)
_OTHER_SIGNATURES = [
    (b"%PDF", "PDF"),
    (b"\x89PNG", "ảnh PNG"),
    (b"\xff\xd8\xff", "ảnh JPEG"),
    (b"GIF8", "ảnh GIF"),
    (b"Rar!", "tệp nén RAR"),
    (b"7z\xbc\xaf", "tệp nén 7z"),
    (b"\x1f\x8b", "tệp nén gzip"),
    (b"{\\rtf", "RTF"),
]
SUPPORTED = "Word (.docx), Excel (.xlsx) hoặc văn bản (.txt, .md)"


class FileFormat(StrEnum):
    TEXT = "text"
    DOCX = "docx"
    XLSX = "xlsx"


def _extension(filename: str) -> str:
    name = (filename or "").lower()
    return name.rsplit(".", 1)[-1] if "." in name else ""


def detect_format(data: bytes, filename: str = "") -> FileFormat:
    if not data or not data.strip():
        raise PlanReadError("Tệp rỗng, không có nội dung để đọc.")
    if data.startswith(OLE_SIGNATURE):
        raise PlanReadError(_ole_message(data, filename))
    if data.startswith(b"PK"):
        return _zip_format(data)
    for signature, label in _OTHER_SIGNATURES:
        if data.startswith(signature):
            raise PlanReadError(
                f"Tệp là {label}, không phải kế hoạch có thể đọc được. Hãy dùng tệp {SUPPORTED}."
            )
    decode_text(data)
    return FileFormat.TEXT


def _ole_message(data: bytes, filename: str) -> str:
    encrypted = any(marker in data for marker in _ENCRYPTED_MARKERS)
    extension = _extension(filename)
    if encrypted or extension in ("docx", "xlsx"):
        return "Tệp được bảo vệ bằng mật khẩu. Hãy gỡ mật khẩu rồi tải lại."
    if extension in ("doc", "xls"):
        return (
            "Tệp Word/Excel định dạng cũ (.doc, .xls) chưa đọc được. "
            "Hãy lưu lại thành .docx hoặc .xlsx rồi tải lại."
        )
    return (
        "Tệp được bảo vệ bằng mật khẩu hoặc là tệp Office định dạng cũ (.doc, .xls). "
        "Hãy gỡ mật khẩu hoặc lưu lại thành .docx, .xlsx rồi tải lại."
    )


def _zip_format(data: bytes) -> FileFormat:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            bad = archive.testzip()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        raise PlanReadError("Tệp bị hỏng hoặc tải lên chưa trọn vẹn, không mở được.") from error
    if bad is not None:
        raise PlanReadError("Tệp bị hỏng hoặc tải lên chưa trọn vẹn, không mở được.")
    if "word/document.xml" in names:
        return FileFormat.DOCX
    if "xl/workbook.xml" in names:
        return FileFormat.XLSX
    if "mimetype" in names or "content.xml" in names:
        raise PlanReadError(
            "Tệp OpenDocument (.odt, .ods) chưa đọc được. Hãy lưu lại thành .docx hoặc .xlsx."
        )
    raise PlanReadError(f"Tệp nén không phải tài liệu Word hay Excel. Hãy dùng tệp {SUPPORTED}.")


def decode_text(data: bytes) -> str:
    """The text of a plain-text file, or an error when the bytes are not text."""
    text = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            text = None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
    if text is None or _looks_binary(text):
        raise PlanReadError(
            f"Không nhận ra loại tệp (không phải văn bản UTF-8). Hãy dùng tệp {SUPPORTED}."
        )
    return text


def _looks_binary(text: str) -> bool:
    controls = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
    return "\x00" in text or controls > max(2, len(text) // 100)
