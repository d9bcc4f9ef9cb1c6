"""Checking uploaded files before they are stored: size, real type, and archive bombs.

The type is decided by the bytes, never by the name alone, and a name whose
extension disagrees with the content is refused.
"""

import io
import re
import zipfile

from django.core.exceptions import ValidationError

MB = 1024 * 1024
DOCUMENT_KINDS = frozenset({"pdf", "docx", "xlsx", "doc", "xls", "png", "jpeg", "txt"})
# Office files are zip archives; these bound what one may expand to.
MAX_UNCOMPRESSED = 200 * MB
MAX_RATIO = 100
MAX_MEMBERS = 5000

_EXTENSIONS = {
    "pdf": {"pdf"},
    "docx": {"docx"},
    "xlsx": {"xlsx"},
    "doc": {"doc"},
    "xls": {"xls"},
    "png": {"png"},
    "jpeg": {"jpg", "jpeg"},
    "txt": {"txt", "csv", "md"},
    "zip": {"zip"},
}
_EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"#!")
_EXECUTABLE_EXTENSIONS = {
    "exe",
    "dll",
    "bat",
    "cmd",
    "com",
    "msi",
    "sh",
    "js",
    "vbs",
    "ps1",
    "jar",
    "scr",
    "apk",
}
_ENTITY = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_LABELS = {"pdf": "PDF", "docx": "Word (.docx)", "xlsx": "Excel (.xlsx)", "doc": "Word (.doc)",
           "xls": "Excel (.xls)", "png": "ảnh PNG", "jpeg": "ảnh JPEG", "txt": "văn bản",
           "zip": "tệp nén ZIP"}  # fmt: skip


class UploadRejected(ValidationError):
    pass


def _extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def _zip_kind(content: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = set(archive.namelist())
    except zipfile.BadZipFile as error:
        raise UploadRejected("Tệp nén bị hỏng, không mở được.") from error
    if any(name.startswith("word/") for name in names):
        return "docx"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    return "zip"


def detect_kind(content: bytes) -> str | None:
    if content.startswith(b"%PDF-"):
        return "pdf"
    if content.startswith(b"PK\x03\x04"):
        return _zip_kind(content)
    if content.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if content.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    try:
        content[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "txt" if b"\x00" not in content[:4096] else None


def _check_archive(content: bytes) -> None:
    archive = zipfile.ZipFile(io.BytesIO(content))
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UploadRejected("Tệp có quá nhiều thành phần bên trong, bị từ chối vì lý do an toàn.")
    total = sum(member.file_size for member in members)
    packed = max(1, sum(member.compress_size for member in members))
    if total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise UploadRejected(
            "Tệp nén bất thường (có thể là “bom nén”), bị từ chối vì lý do an toàn."
        )
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            with archive.open(member) as part:
                if _ENTITY.search(part.read(64 * 1024)):
                    raise UploadRejected(
                        "Tệp chứa khai báo XML không được phép (DOCTYPE/ENTITY), "
                        "bị từ chối vì lý do an toàn."
                    )
        if _extension(member.filename) in _EXECUTABLE_EXTENSIONS:
            raise UploadRejected("Tệp nén có chứa chương trình chạy được, bị từ chối.")


def validate_upload(
    filename: str,
    content: bytes,
    *,
    allowed: frozenset[str] = DOCUMENT_KINDS,
    max_bytes: int = 20 * MB,
) -> str:
    """The real kind of an acceptable upload, or UploadRejected with the reason in Vietnamese."""
    if not content:
        raise UploadRejected("Tệp rỗng.")
    if len(content) > max_bytes:
        raise UploadRejected(f"Tệp quá lớn: tối đa {max_bytes // MB} MB.")
    extension = _extension(filename)
    if extension in _EXECUTABLE_EXTENSIONS or content.startswith(_EXECUTABLE_MAGIC):
        raise UploadRejected("Không nhận tệp chương trình chạy được.")
    kind = detect_kind(content)
    if kind == "ole":
        kind = "xls" if extension == "xls" else "doc" if extension == "doc" else None
    if kind is None:
        raise UploadRejected("Không nhận dạng được loại tệp.")
    if extension not in _EXTENSIONS.get(kind, set()):
        raise UploadRejected(
            f"Đuôi tệp “.{extension}” không khớp với nội dung thật ({_LABELS.get(kind, kind)})."
        )
    if kind not in allowed:
        accepted = ", ".join(sorted(_LABELS.get(k, k) for k in allowed))
        raise UploadRejected(
            f"Loại tệp {_LABELS.get(kind, kind)} không được nhận ở đây. Chấp nhận: {accepted}."
        )
    if kind in {"docx", "xlsx", "zip"}:
        _check_archive(content)
    return kind
