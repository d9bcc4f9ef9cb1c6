"""The one upload gate: every uploaded file passes `validate_upload` before it is stored or read.

The type is decided by the bytes, never by the name alone, and a name whose
extension disagrees with the content is refused. Office files are zip archives:
each part is checked (its size, how much it expands, its name, and XML entity
declarations anywhere in it) before any parser sees the file.
"""

import io
import re
import zipfile
from collections.abc import Iterator

from django.core.exceptions import ValidationError

MB = 1024 * 1024
DOCUMENT_KINDS = frozenset({"pdf", "docx", "xlsx", "doc", "xls", "png", "jpeg", "txt"})
SPREADSHEET = frozenset({"xlsx"})
# Office files are zip archives; these bound what one may expand to. A part may be big
# (a long sheet) or compress well (repeated XML), but not both: the ratio is checked on
# every part larger than RATIO_FLOOR, and the sizes on each part and on the whole.
MAX_UNCOMPRESSED = 100 * MB
MAX_PART_UNCOMPRESSED = 50 * MB
# Importers build every row in memory: they accept less than stored attachments do.
# (Sheet importers stream rows; the plan reader loads whole workbooks, about 15 bytes
# of memory per byte of sheet XML, so it is given less again.)
IMPORT_MAX_UNCOMPRESSED = 25 * MB
PLAN_MAX_UNCOMPRESSED = 10 * MB
MAX_RATIO = 100
RATIO_FLOOR = 1 * MB
MAX_MEMBERS = 5000
SCAN_CHUNK = 64 * 1024

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
    "pkcs12": {"p12", "pfx"},
    "x509": {"pem", "cer", "crt"},
}
# A council's signing certificate (with its key) and the trust roots its signatures are
# checked against: accepted only where a form asks for them.
PKCS12 = frozenset({"pkcs12"})
CERTIFICATES = frozenset({"x509"})
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
    "hta",
    "svg",
    "html",
    "htm",
    "xhtml",
}
_LABELS = {"pdf": "PDF", "docx": "Word (.docx)", "xlsx": "Excel (.xlsx)", "doc": "Word (.doc)",
           "xls": "Excel (.xls)", "png": "ảnh PNG", "jpeg": "ảnh JPEG", "txt": "văn bản",
           "zip": "tệp nén ZIP", "pkcs12": "chứng thư số PKCS#12 (.p12, .pfx)",
           "x509": "chứng thư số X.509 (.pem, .cer, .crt)"}  # fmt: skip


def _spelled(word: str, encoding: str) -> bytes:
    """A case-insensitive byte pattern for `word` as it is written in `encoding`."""
    parts = []
    for char in word:
        variants = {char.lower().encode(encoding), char.upper().encode(encoding)}
        parts.append(b"(?:" + b"|".join(re.escape(v) for v in sorted(variants)) + b")")
    return b"".join(parts)


# XML parsers accept UTF-8, UTF-16 and UTF-32 alike, so the declaration is looked for in each.
_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
_ENTITY = re.compile(
    b"|".join(_spelled(word, enc) for enc in _ENCODINGS for word in ("<!DOCTYPE", "<!ENTITY"))
)
_ENTITY_OVERLAP = len("<!DOCTYPE".encode("utf-32-le")) - 1
# Text and images that carry markup able to run script when a browser opens them.
_ACTIVE_MARKUP = re.compile(rb"<\s*(svg|script|html|iframe|object|embed)\b", re.IGNORECASE)


class UploadRejected(ValidationError):
    pass


BOMB = "Tệp nén bất thường (có thể là “bom nén”), bị từ chối vì lý do an toàn."
ENTITY = "Tệp chứa khai báo XML không được phép (DOCTYPE/ENTITY), bị từ chối vì lý do an toàn."
ACTIVE = "Không nhận ảnh SVG, trang HTML hay tệp có chứa mã chạy (script)."


def _too_big(limit: int) -> str:
    return (
        f"Nội dung tệp khi giải nén quá lớn (tối đa {limit // MB} MB), có thể là “bom nén”; "
        "bị từ chối vì lý do an toàn."
    )


def _extension(filename: str) -> str:
    return filename.rsplit(".", 1)[-1].lower() if "." in filename else ""


def _open_archive(content: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        raise UploadRejected("Tệp nén bị hỏng, không mở được.") from error


def _zip_kind(content: bytes) -> str:
    names = set(_open_archive(content).namelist())
    if any(name.startswith("word/") for name in names):
        return "docx"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    return "zip"


def _der_kind(content: bytes) -> str | None:
    """A DER structure (starts with SEQUENCE): an X.509 certificate or a PKCS#12 archive."""
    from asn1crypto import pkcs12, x509

    try:
        x509.Certificate.load(content, strict=True).native  # noqa: B018 - parses it whole
        return "x509"
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        pass
    try:
        pfx = pkcs12.Pfx.load(content, strict=True)
        if pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native in {
            "data",
            "signed_data",
        }:
            return "pkcs12"
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        pass
    return None


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
    if content.startswith(b"\x30") and (kind := _der_kind(content)):
        return kind
    if content.lstrip().startswith(b"-----BEGIN CERTIFICATE-----"):
        return "x509"
    try:
        content[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "txt" if b"\x00" not in content[:4096] else None


def is_unsafe_name(name: str) -> bool:
    """An archive member that would land outside the folder it is unpacked into."""
    path = name.replace("\\", "/")
    return (
        path.startswith("/")
        or re.match(r"^[A-Za-z]:", path) is not None
        or ".." in path.split("/")
        or "\x00" in path
    )


def _chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int) -> Iterator[bytes]:
    """The part's bytes in chunks, never more than `limit` of them whatever its header says."""
    read = 0
    with archive.open(member) as part:
        while chunk := part.read(SCAN_CHUNK):
            read += len(chunk)
            if read > limit:
                raise UploadRejected(BOMB)
            yield chunk


def contains_entity_declaration(chunks: Iterator[bytes]) -> bool:
    """Whether <!DOCTYPE or <!ENTITY occurs anywhere, also across the edge of two chunks."""
    tail = b""
    for chunk in chunks:
        window = tail + chunk
        if _ENTITY.search(window):
            return True
        tail = window[-_ENTITY_OVERLAP:]
    return False


def _check_members(members: list[zipfile.ZipInfo], max_uncompressed: int) -> None:
    if len(members) > MAX_MEMBERS:
        raise UploadRejected("Tệp có quá nhiều thành phần bên trong, bị từ chối vì lý do an toàn.")
    if sum(member.file_size for member in members) > max_uncompressed:
        raise UploadRejected(_too_big(max_uncompressed))
    for member in members:
        if is_unsafe_name(member.filename):
            raise UploadRejected(
                "Tệp nén có thành phần mang tên đường dẫn không hợp lệ (“../” hoặc đường dẫn "
                "tuyệt đối), bị từ chối vì lý do an toàn."
            )
        if _extension(member.filename) in _EXECUTABLE_EXTENSIONS - {"svg"}:
            raise UploadRejected("Tệp nén có chứa chương trình chạy được, bị từ chối.")
        if member.flag_bits & 0x1:
            raise UploadRejected(
                "Tệp có thành phần được mã hóa, không kiểm tra được nên bị từ chối."
            )
        part_limit = min(MAX_PART_UNCOMPRESSED, max_uncompressed)
        if member.file_size > part_limit:
            raise UploadRejected(_too_big(part_limit))
        ratio = member.file_size / max(1, member.compress_size)
        if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise UploadRejected(BOMB)


def _check_archive(content: bytes, max_uncompressed: int) -> None:
    archive = _open_archive(content)
    members = archive.infolist()
    _check_members(members, max_uncompressed)
    budget = max_uncompressed
    for member in members:
        if member.is_dir():
            continue
        limit = min(member.file_size, budget)
        try:
            # Every part is scanned, not only *.xml: a relationship may point a parser
            # at a part of any name.
            chunks = _chunks(archive, member, limit)
            if contains_entity_declaration(chunks):
                raise UploadRejected(ENTITY)
            if _extension(member.filename) == "svg":
                with archive.open(member) as part:
                    if re.search(rb"<\s*script|\bon\w+\s*=|javascript:", part.read(limit), re.I):
                        raise UploadRejected(ACTIVE)
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, ValueError) as error:
            raise UploadRejected("Tệp nén bị hỏng, không mở được.") from error
        budget -= member.file_size


def validate_upload(
    filename: str,
    content: bytes,
    *,
    allowed: frozenset[str] = DOCUMENT_KINDS,
    max_bytes: int = 20 * MB,
    max_uncompressed: int = MAX_UNCOMPRESSED,
) -> str:
    """The real kind of an acceptable upload, or UploadRejected with the reason in Vietnamese."""
    if not content:
        raise UploadRejected("Tệp rỗng.")
    if len(content) > max_bytes:
        raise UploadRejected(f"Tệp quá lớn: tối đa {max_bytes // MB} MB.")
    extension = _extension(filename)
    if extension in {"svg", "html", "htm", "xhtml"}:
        raise UploadRejected(ACTIVE)
    if extension in _EXECUTABLE_EXTENSIONS or content.startswith(_EXECUTABLE_MAGIC):
        raise UploadRejected("Không nhận tệp chương trình chạy được.")
    kind = detect_kind(content)
    if kind == "ole":
        kind = "xls" if extension == "xls" else "doc" if extension == "doc" else None
    if kind is None:
        raise UploadRejected("Không nhận dạng được loại tệp.")
    if kind in {"txt", "png", "jpeg"} and _ACTIVE_MARKUP.search(content):
        raise UploadRejected(ACTIVE)
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
        _check_archive(content, max_uncompressed)
    return kind
