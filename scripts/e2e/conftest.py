"""Shared helpers of the end-to-end tests: the built binary, UTF-16 slicing."""

import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def libre_binary() -> str:
    """The binary under test: $LIBRE_BINARY, else the release build, else the debug build."""
    given = os.environ.get("LIBRE_BINARY")
    if given:
        return given
    for kind in ("release", "debug"):
        path = ROOT / ".build" / kind / "libre"
        if path.exists():
            return str(path)
    raise RuntimeError("no built libre binary (swift build first, or set LIBRE_BINARY)")


def utf16_slice(text: str, start: int, end: int) -> str:
    """text[start:end] counted in UTF-16 code units, as LSP and LanguageTool count."""
    units = text.encode("utf-16-le")
    return units[start * 2 : end * 2].decode("utf-16-le")


def lsp_range_text(text: str, rng) -> str:
    """The text an LSP range covers (lines split at CRLF, CR or LF, as LSP 3.17 says)."""
    import re

    lines = re.split(r"\r\n|\r|\n", text)
    breaks = re.findall(r"\r\n|\r|\n", text) + [""]
    def offset(line, character):
        before = "".join(l + b for l, b in zip(lines[:line], breaks[:line]))
        return len(before.encode("utf-16-le")) // 2 + character
    whole = "".join(l + b for l, b in zip(lines, breaks))
    return utf16_slice(whole, offset(rng.start.line, rng.start.character), offset(rng.end.line, rng.end.character))
