"""The frozen app's entry point (PyInstaller runs this, not ``pleodesk/__main__.py``).

It is the ``pleodesk`` command of a source install, plus what an installed app needs and a terminal
does not give it: warnings and errors also go to ``logs/pleodesk.log`` in the user data directory
(a windowed app on Windows or macOS has no terminal to show them), and a missing stdout or stderr
(a windowed Windows program has none) is replaced so ``print`` never fails.
"""

from __future__ import annotations

import logging
import os
import sys


def _streams() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app


def _log_file() -> None:
    """Warnings and errors to ``<data dir>/logs/pleodesk.log`` (rotated at 1 MB, 3 kept) and stderr.
    Not for ``--self-test``, which must not create anything in the user's data directory."""
    if "--self-test" in sys.argv[1:]:
        return
    from logging.handlers import RotatingFileHandler

    from pleodesk import paths

    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    try:
        handlers.append(RotatingFileHandler(paths.logs_dir() / "pleodesk.log", maxBytes=1_000_000,
                                            backupCount=3, encoding="utf-8"))
    except OSError:
        pass
    logging.basicConfig(level=logging.WARNING, handlers=handlers,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def main() -> int:
    _streams()
    _log_file()
    from pleodesk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
