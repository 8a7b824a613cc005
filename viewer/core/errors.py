"""The one error type that user-caused problems are reported with."""

from __future__ import annotations

from pathlib import Path


class ArticleError(Exception):
    """An article that cannot be read or parsed, with the file and the reason in words."""

    def __init__(self, reason: str, path: Path | str | None = None, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path = Path(path) if path is not None else None
        self.line = line

    def with_path(self, path: Path | str) -> ArticleError:
        """Return the same error, now naming *path*."""
        return ArticleError(self.reason, path, self.line)

    def sentence(self) -> str:
        """The reason as a sentence of its own: its first letter made a capital, the rest as written ("MB", "UTF-8")."""
        text = self.reason.strip()
        return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")

    def __str__(self) -> str:
        where = str(self.path) if self.path is not None else "article"
        if self.line is not None:
            where = f"{where}, line {self.line}"
        return f"{where}: {self.reason}"
