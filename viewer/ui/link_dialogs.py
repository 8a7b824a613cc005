"""Asking before a link leaves the viewer, and saying why one is not followed.

The question shows where a link really goes: the host as the network sees it (punycode), beside the
readable form a look-alike letter could fake, and a long address shortened in the middle. A mail link
is rebuilt from its address and subject alone: an article must not attach files or fill in a message.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl, QUrlQuery
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from viewer.ui import plain_text

LONGEST_SHOWN = 120  # characters of an address shown in full; longer ones lose their middle
log = logging.getLogger("viewer.links")


def open_after_asking(parent: QWidget, url: QUrl) -> bool:
    """Ask whether to open *url* outside the viewer; open it (a mail link rebuilt) if the reader agrees."""
    target = safe_mail_link(url) if url.scheme().lower() == "mailto" else url
    agreed = plain_text.ask(parent, "Open outside the viewer?", describe(target))
    log.debug("outside link %s: %s", elided(target.toString(QUrl.ComponentFormattingOption.FullyEncoded)), agreed)
    if agreed:
        QDesktopServices.openUrl(target)
    return agreed


def tell_refused(parent: QWidget, href: str) -> None:
    """Say, briefly, that a link is not followed."""
    text = f"The viewer does not open this kind of link:\n\n{elided(href)}"
    plain_text.tell(parent, QMessageBox.Icon.Information, "Link not opened", text)


def describe(url: QUrl) -> str:
    """The question's text: the address, and where it really goes."""
    if url.scheme().lower() == "mailto":
        query = QUrlQuery(url)
        subject = query.queryItemValue("subject", QUrl.ComponentFormattingOption.FullyDecoded)
        lines = [f"This link opens your mail program to write to:\n\n{url.path()}"]
        lines += [f"Subject: {elided(subject)}"] if subject else []
        return "\n\n".join([*lines, "Open it?"])
    readable = url.host(QUrl.ComponentFormattingOption.PrettyDecoded)
    real = url.host(QUrl.ComponentFormattingOption.EncodeUnicode)
    host = real if real == readable else f"{real} (written as “{readable}”)"
    address = elided(url.toDisplayString())
    return f"This link leaves the article:\n\n{address}\n\nIt goes to the site {host}.\n\nOpen it in your browser?"


def safe_mail_link(url: QUrl) -> QUrl:
    """*url* (a mailto: link) with only its address and subject."""
    safe = QUrl()
    safe.setScheme("mailto")
    safe.setPath(url.path())
    subject = QUrlQuery(url).queryItemValue("subject", QUrl.ComponentFormattingOption.FullyDecoded)
    if subject:
        query = QUrlQuery()
        query.addQueryItem("subject", subject[:LONGEST_SHOWN])
        safe.setQuery(query)
    return safe


def elided(text: str, longest: int = LONGEST_SHOWN) -> str:
    """*text*, its middle replaced by '…' when it is longer than *longest*."""
    if len(text) <= longest:
        return text
    keep = longest - 1
    return text[: keep * 2 // 3] + "…" + text[len(text) - keep // 3 :]
