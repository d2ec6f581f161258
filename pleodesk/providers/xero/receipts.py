"""Receipts for Xero: file names Xero takes, and images made small enough for its size limit.

Xero takes at most 10 MB per attachment (HTTP 413 above that) and 10 files per document. Images
over the limit are re-encoded as JPEG with Qt's ``QImage`` (no window needed; Pillow is not a
dependency), scaled down step by step until they fit. PDFs and other files over the limit are
refused with a message that says what to do.

Xero takes only some file types, by the name's extension (``SUPPORTED_TYPES``); anything else is
refused with "The file couldn't be uploaded because it isn't a supported file type" (a 400). Photos
in a type it does not take (WebP, HEIC where Qt reads it) are sent as JPEG; other files are refused
before sending, with what to do.
"""

from __future__ import annotations

import os
import re

#: Xero's limit per attachment.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
#: At most this many files per document.
MAX_ATTACHMENTS = 10
#: What pleodesk downloads from Pleo at most (bigger images are shrunk before upload).
DOWNLOAD_LIMIT = 25 * 1024 * 1024

_IMAGE_TYPES = {"image/jpeg", "image/jpg", "image/pjpeg", "image/png", "image/gif", "image/bmp", "image/tiff",
                "image/webp", "image/heic", "image/heif", "image/avif"}

#: File name extensions Xero takes as attachments (its release note on files, community.xero.com
#: developer discussion 3095073, and the list integrations document).
SUPPORTED_TYPES = frozenset({
    "bmp", "csv", "doc", "docx", "eml", "gif", "jpeg", "jpg", "key", "keynote", "msg", "numbers", "odf", "ods",
    "odt", "pages", "pdf", "png", "ppt", "pptx", "rar", "rtf", "tif", "tiff", "txt", "xls", "xlsx", "zip",
})

_EXT_FOR_MIME = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/jpg": "jpg", "image/pjpeg": "jpg",
                 "image/png": "png", "image/gif": "gif", "image/tiff": "tif", "image/bmp": "bmp",
                 "image/webp": "webp", "image/heic": "heic", "image/heif": "heif", "image/avif": "avif"}


def safe_filename(name: str, mime: str) -> str:
    """A file name Xero stores as given: letters, digits, ``.-_`` only, with an extension; the
    extension of the file's type when the name's own is missing or one Xero does not take."""
    base, ext = os.path.splitext(os.path.basename(name or "receipt"))
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", base).strip("-.") or "receipt"
    ext = re.sub(r"[^A-Za-z0-9]+", "", ext)[:10].lower()
    typed = _EXT_FOR_MIME.get((mime or "").lower())
    if not ext or (ext not in SUPPORTED_TYPES and typed in SUPPORTED_TYPES):
        ext = typed or ext or "bin"
    return f"{base[:100]}.{ext}"


def is_supported(filename: str) -> bool:
    """Whether Xero takes a file of this name (by its extension)."""
    return "." in filename and filename.rsplit(".", 1)[1].lower() in SUPPORTED_TYPES


def is_image(mime: str) -> bool:
    return mime.lower() in _IMAGE_TYPES


def shrink_image(data: bytes, limit: int = MAX_ATTACHMENT_BYTES) -> bytes | None:
    """A JPEG of the image under ``limit`` bytes, or None when Qt cannot read it or it cannot shrink."""
    try:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
        from PySide6.QtGui import QImage
    except ImportError:
        return None
    img = QImage()
    if not img.loadFromData(data):
        return None
    if img.hasAlphaChannel():
        img = img.convertToFormat(QImage.Format.Format_RGB32)
    scale = 1.0
    for quality in (85, 75, 65, 55, 55, 55, 55, 55):
        candidate = img if scale == 1.0 else img.scaled(
            max(1, int(img.width() * scale)), max(1, int(img.height() * scale)),
            Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
        ba = QByteArray()
        buf = QBuffer(ba)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        if not candidate.save(buf, "JPG", quality):
            return None
        buf.close()
        out = bytes(ba.data())
        if len(out) <= limit:
            return out
        if quality <= 55:
            scale *= 0.7
    return None
