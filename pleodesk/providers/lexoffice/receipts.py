"""Receipts for lexoffice: only PDF, JPG and PNG, at most 5 MB each (reference page, "Files Endpoint":
"voucher: pdf, jpg, png, 5 MB"; lexoffice does not resize, so "check if file size is larger than
allowed, and if, reduce size and/or quality until size fits").

* a JPG or PNG over the limit is re-encoded as a smaller JPEG (Qt's ``QImage``, scaled down step by
  step; the same shrinking as for Xero, no further dependency);
* a photo in another type (GIF, WebP, HEIC where Qt reads it, TIFF, BMP) is sent as JPEG;
* a PDF over the limit, and any other file, is refused before anything is sent
  (:class:`~pleodesk.providers.base.ReceiptRefused`): the message says which file and what to do.

The type is read from the file's first bytes, not from its name or the type Pleo gave it.
"""

from __future__ import annotations

import os
import re

from pleodesk.providers.base import ReceiptRefused

#: lexoffice's limit per voucher file. "5 MB" is kept as 5,000,000 bytes, under either reading of it.
MAX_FILE_BYTES = 5_000_000
#: What pleodesk downloads from Pleo at most (bigger images are shrunk before the upload).
DOWNLOAD_LIMIT = 25 * 1024 * 1024
#: Files pleodesk attaches to one voucher at most (the rest is reported for attaching by hand).
MAX_FILES = 10

_EXT = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


def sniff(data: bytes) -> str | None:
    """The type of a file from its first bytes: ``application/pdf``, ``image/jpeg``, ``image/png``,
    another image type Qt may read, or None."""
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if head[:2] == b"BM":
        return "image/bmp"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return "image/heic"
    return None


def _name(filename: str, ext: str) -> str:
    base = os.path.splitext(os.path.basename(filename or "beleg"))[0]
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", base).strip("-.") or "beleg"
    return f"{base[:100]}.{ext}"


def prepare(data: bytes, mime: str, filename: str, limit: int = MAX_FILE_BYTES) -> tuple[bytes, str, str]:
    """``(data, mime, filename)`` as lexoffice takes them, or :class:`ReceiptRefused` saying why not."""
    kind = sniff(data) or (mime or "").lower()
    size_mb = len(data) / 1_000_000
    if kind in _EXT and len(data) <= limit:
        return data, kind, _name(filename, _EXT[kind])
    if kind == "application/pdf":
        raise ReceiptRefused(
            f"Receipt {filename} is a PDF of {size_mb:.1f} MB; Lexware Office takes at most "
            f"{limit / 1_000_000:.0f} MB per file",
            "", "Attach a smaller copy of the PDF by hand in Lexware Office (open the voucher, Beleg hochladen).")
    if kind.startswith("image/"):
        from pleodesk.providers.xero.receipts import shrink_image   # Qt's QImage: no window needed

        small = shrink_image(data, limit)
        if small is not None:
            return small, "image/jpeg", _name(filename, "jpg")
        raise ReceiptRefused(
            f"Receipt {filename} ({kind}, {size_mb:.1f} MB) could not be made into a JPG of at most "
            f"{limit / 1_000_000:.0f} MB", "", "Attach it by hand in Lexware Office as a PDF, JPG or PNG.")
    what = os.path.splitext(filename or "")[1].lstrip(".").upper() or (mime or "unknown")
    raise ReceiptRefused(
        f"Receipt {filename} is a {what} file; Lexware Office takes only PDF, JPG and PNG receipts", "",
        "Save it as a PDF and attach it by hand in Lexware Office (open the voucher, Beleg hochladen).")
