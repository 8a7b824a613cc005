"""Render-cache entries made without a window: the bundled article's, when a package is built, and for the benchmarks.

The entry is the one the window would write after rendering the article (the same loader, renderer and
render worker, the same first screen), so a package carries exactly what a first run would have kept.

    python -m viewer.core.cache_builder FOLDER [ARTICLE ...]    # default: the bundled article
"""

from __future__ import annotations

import sys
from pathlib import Path

from viewer.core.loader import load_article
from viewer.core.render import ArticleRenderer, first_screen_sections
from viewer.core.render_cache import RenderCache, fingerprint
from viewer.core.resources import DEFAULT_ARTICLE, resource_path


def build_entry(path: Path, cache: RenderCache) -> bool:
    """Make sure *cache* holds the entry of the article at *path*; False when it cannot (no fingerprint, not writable)."""
    article = load_article(path, cache)
    slot = article.cache_slot
    if slot is None or slot.hit:
        return slot is not None
    ArticleRenderer().render(article)  # pictures and links are checked again whenever the entry is used
    return slot.keep(article, first_screen_sections(article))


def main(argv: list[str]) -> int:
    """Build the entries of the articles named (default: the bundled one) into the folder named first."""
    if not argv:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    folder, articles = Path(argv[0]), [Path(a) for a in argv[1:]] or [resource_path(DEFAULT_ARTICLE)]
    cache = RenderCache(folder, None, fingerprint())
    if cache.fingerprint is None:
        print("the versions of Markdown, nh3 or PyYAML cannot be told here: no render cache entry made", file=sys.stderr)
        return 1
    failed = [path for path in articles if not build_entry(path, cache)]
    for path in failed:
        print(f"{path}: no render cache entry made", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
