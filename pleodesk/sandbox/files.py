"""Receipt files for the sandbox: small real PNG and PDF files, some over 10 MB, behind signed URLs.

Everything is generated deterministically from a receipt's ``variant`` number and text lines, so the
same demo data always serves the same bytes, and nothing is stored: large files are streamed in
chunks and never held in memory whole.

URLs look like a storage bucket's pre-signed URLs::

    {sandbox}/pleo-files/<file id>.<expires epoch>.<signature>/<file name>

They expire (24 h by default, on the emulator's clock, which honours its ``time_scale``); an expired or
forged URL answers 403 with an XML ``<Error>`` body, as a bucket would.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import random
import struct
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PDF_MAGIC = b"%PDF-"
CHUNK_SIZE = 64 * 1024
#: Lifetime of a receipt URL, in (emulated) seconds.
URL_TTL_SECONDS = 24 * 3600


# ================================================================================== PNG ==========
def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


PNG_WIDTH, PNG_HEIGHT = 96, 128


@functools.lru_cache(maxsize=4)
def _stored_zlib_length(n: int) -> int:
    """Length of ``zlib.compress(data, 0)`` for any ``n`` bytes (stored blocks: independent of content)."""
    return len(zlib.compress(bytes(n), 0))


def _png_comment(comment: str) -> bytes:
    return b"Comment\x00" + comment.encode("latin-1", "replace")


def receipt_png_size(comment: str = "") -> int:
    """The exact size of ``receipt_png(any variant, comment)``, without drawing it."""
    raw = PNG_HEIGHT * (PNG_WIDTH + 1)
    return len(PNG_MAGIC) + (12 + 13) + (12 + len(_png_comment(comment))) + (12 + _stored_zlib_length(raw)) + 12


def receipt_png(variant: int, comment: str = "") -> bytes:
    """A small valid greyscale PNG that looks like a till receipt (text lines of varying length).

    The image data is stored uncompressed (deflate level 0, about 12 KB), so the file's size is known
    without drawing it (:func:`receipt_png_size`)."""
    rng = random.Random(variant)
    width, height = PNG_WIDTH, PNG_HEIGHT
    ink: dict[int, tuple[int, int]] = {}
    y = 8
    while y < height - 10:
        length = rng.randint(16, width - 20)
        shade = rng.randint(0, 90)
        for dy in range(2):
            ink[y + dy] = (length, shade)
        y += rng.choice((5, 6, 7, 9))
    blank = b"\x00" + b"\xff" * width
    rows = []
    for yy in range(height):
        if yy in ink:
            length, shade = ink[yy]
            rows.append(b"\x00" + b"\xff" * 8 + bytes([shade]) * length + b"\xff" * (width - 8 - length))
        else:
            rows.append(blank)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (PNG_MAGIC + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"tEXt", _png_comment(comment))
            + _png_chunk(b"IDAT", zlib.compress(b"".join(rows), 0)) + _png_chunk(b"IEND", b""))


# ================================================================================== PDF ==========
def _pdf_text(s: str) -> bytes:
    b = s.encode("cp1252", "replace")
    return b.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _pdf_parts(lines: Iterable[str], filler: int) -> tuple[bytes, bytes]:
    """(head, tail) of a one-page PDF; with ``filler`` > 0 an extra stream object of that many bytes sits
    between them (its bytes are not included). Offsets in the xref table account for the filler."""
    content = b"BT /F1 10 Tf 13 TL 18 372 Td " + b" ".join(b"(" + _pdf_text(ln) + b") Tj T*" for ln in lines) + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 226 400] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    head = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(head))
        head += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    tail = bytearray()
    if filler > 0:
        offsets.append(len(head))
        head += b"6 0 obj\n<< /Length %d >>\nstream\n" % filler
        tail += b"\nendstream\nendobj\n"
    xref_at = len(head) + filler + len(tail)
    tail += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    for off in offsets:
        tail += b"%010d 00000 n \n" % off  # every object starts in the head
    tail += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref_at)
    return bytes(head), bytes(tail)


def receipt_pdf(lines: Iterable[str]) -> bytes:
    """A small valid one-page PDF showing ``lines``."""
    head, tail = _pdf_parts(list(lines), 0)
    return head + tail


def _big_pdf_layout(lines: tuple[str, ...], total_size: int) -> tuple[bytes, int, bytes]:
    """(head, filler length, tail) so that the whole file is exactly ``total_size`` bytes."""
    filler = total_size
    for _ in range(4):  # the tail's length depends (only) on the digits of startxref
        head, tail = _pdf_parts(lines, max(1, filler))
        new = total_size - len(head) - len(tail)
        if new == filler:
            break
        filler = new
    head, tail = _pdf_parts(lines, filler)
    if filler < 1 or len(head) + filler + len(tail) != total_size:
        raise ValueError(f"cannot lay out a PDF of exactly {total_size} bytes")
    return head, filler, tail


@functools.lru_cache(maxsize=8)
def _filler_block(variant: int) -> bytes:
    return random.Random(variant * 7919 + 17).randbytes(CHUNK_SIZE)


# ============================================================================== contents =========
@dataclass(frozen=True)
class ReceiptContent:
    """One receipt file. ``kind`` is ``"png"`` or ``"pdf"``; ``big_size`` makes a PDF of exactly that size."""

    file_id: str
    kind: str
    variant: int
    lines: tuple[str, ...] = ()
    big_size: int | None = None
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def mime(self) -> str:
        return "image/png" if self.kind == "png" else "application/pdf"

    @property
    def name(self) -> str:
        return f"receipt-{self.file_id[:8]}.{self.kind}"

    def data(self) -> bytes:
        """The whole file (small files only)."""
        if self.big_size is not None:
            raise ValueError("a large receipt is only streamed: use chunks()")
        if self.kind == "png":
            return receipt_png(self.variant, " | ".join(self.lines))
        return receipt_pdf(self.lines)

    def size(self) -> int:
        if self.big_size is not None:
            return self.big_size
        size = self._cache.get("size")
        if size is None:
            size = receipt_png_size(" | ".join(self.lines)) if self.kind == "png" else len(self.data())
            self._cache["size"] = size
        return size

    def chunks(self, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
        if self.big_size is None:
            yield self.data()
            return
        head, filler, tail = _big_pdf_layout(self.lines, self.big_size)
        yield head
        block = _filler_block(self.variant)
        remaining = filler
        while remaining > 0:
            n = min(remaining, len(block), chunk_size)
            yield block[:n]
            remaining -= n
        yield tail


# ========================================================================== signed URLs ==========
class FileAccessError(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class ReceiptFiles:
    """Signs receipt URLs and resolves them back to :class:`ReceiptContent`.

    ``clock()`` is the emulator's clock in epoch seconds; ``lookup(file_id)`` finds a file (or None).
    """

    def __init__(self, secret: bytes, base_url: str, clock: Callable[[], float],
                 lookup: Callable[[str], ReceiptContent | None], ttl_seconds: int = URL_TTL_SECONDS):
        self._secret = secret
        self.base_url = base_url.rstrip("/")
        self.clock = clock
        self.lookup = lookup
        self.ttl_seconds = ttl_seconds

    def _sign(self, file_id: str, expires: int) -> str:
        return hmac.new(self._secret, f"{file_id}.{expires}".encode(), hashlib.sha256).hexdigest()[:32]

    def url_for(self, content: ReceiptContent, ttl_seconds: int | None = None) -> str:
        expires = int(self.clock()) + int(self.ttl_seconds if ttl_seconds is None else ttl_seconds)
        token = f"{content.file_id}.{expires}.{self._sign(content.file_id, expires)}"
        return f"{self.base_url}/{token}/{content.name}"

    def open(self, token: str, name: str | None = None) -> ReceiptContent:
        parts = token.split(".")
        if len(parts) != 3 or not parts[1].isdigit():
            raise FileAccessError(403, "AccessDenied", "Invalid signed URL")
        file_id, expires_s, sig = parts
        expires = int(expires_s)
        if not hmac.compare_digest(sig, self._sign(file_id, expires)):
            raise FileAccessError(403, "SignatureDoesNotMatch",
                                  "The request signature we calculated does not match the signature you provided.")
        if self.clock() >= expires:
            raise FileAccessError(403, "AccessDenied", "Request has expired")
        content = self.lookup(file_id)
        if content is None or (name is not None and name != content.name):
            raise FileAccessError(404, "NoSuchKey", "The specified key does not exist.")
        return content


def _xml_error(start_response: Callable, err: FileAccessError, extra: str = "") -> list[bytes]:
    reason = {403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed"}.get(err.status, "Error")
    body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{err.code}</Code>'
            f"<Message>{err.message}</Message>{extra}</Error>").encode()
    headers = [("Content-Type", "application/xml"), ("Content-Length", str(len(body)))]
    if err.status == 405:
        headers.append(("Allow", "GET, HEAD"))
    start_response(f"{err.status} {reason}", headers)
    return [body]


class FilesApp:
    """WSGI app for ``/pleo-files/<token>/<name>`` (GET and HEAD)."""

    def __init__(self, files: ReceiptFiles):
        self.files = files

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = (environ.get("REQUEST_METHOD") or "GET").upper()
        parts = (environ.get("PATH_INFO") or "/").strip("/").split("/")
        if len(parts) != 2 or not all(parts):
            return _xml_error(start_response, FileAccessError(404, "NoSuchKey", "The specified key does not exist."))
        if method not in ("GET", "HEAD"):
            return _xml_error(start_response, FileAccessError(
                405, "MethodNotAllowed", "The specified method is not allowed against this resource."))
        try:
            content = self.files.open(parts[0], parts[1])
        except FileAccessError as err:
            extra = ""
            if err.message == "Request has expired":
                now = datetime.fromtimestamp(self.files.clock(), timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
                extra = f"<ServerTime>{now}</ServerTime>"
            return _xml_error(start_response, err, extra)
        size = content.size()
        etag = hashlib.md5(f"{content.file_id}:{size}".encode()).hexdigest()  # noqa: S324 - not security
        start_response("200 OK", [
            ("Content-Type", content.mime),
            ("Content-Length", str(size)),
            ("ETag", f'"{etag}"'),
            ("Cache-Control", "private, max-age=0"),
            ("Content-Disposition", f'inline; filename="{content.name}"'),
        ])
        if method == "HEAD":
            return [b""]
        return content.chunks()
