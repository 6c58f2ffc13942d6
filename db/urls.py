"""How a database URL becomes text: never with its password.

:func:`public_url` is the only way a URL is shown, printed or remembered (messages,
``tracker check``, the window's title, the recent-databases list); the password comes
from libpq (``~/.pgpass``, ``PGPASSWORD``, a service file) when the URL has none.
:func:`hide_secrets` cleans text the app did not write itself (a driver's or
SQLAlchemy's error message) of whatever the URL it was about says in secret.

A password can sit in the URL's user part (``user:secret@host``) or in its query
(``?password=…``, and libpq's ``sslpassword``, in any case); all of them are left out.
Text that is not a URL at all is a file path and is shown as it is; a libpq
keyword/value string (``host=… password=…``) is refused when given as a database
(:func:`refuse_keyword_string`), so it is never taken for a file name.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from db.errors import DatabaseError

HIDDEN = "***"
# A query parameter or libpq keyword that holds a password: password, passwd,
# sslpassword, PassWord...
_SECRET_NAME = re.compile(r"pass(?:word|wd)", re.IGNORECASE)
# ``name=value`` with a secret name, in foreign text: a URL's query or a libpq string.
_SECRET_PAIR = re.compile(
    r"(\b\w*pass(?:word|wd)\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&'\"]*)", re.IGNORECASE
)
# libpq keyword/value strings name these; a file name made of them is not a file name.
_LIBPQ_KEYWORDS = frozenset(
    {"host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service"}
)
_KEYWORD_PAIR = re.compile(r"\s*(\w+)\s*=\s*(?:'(?:[^'\\]|\\.)*'|[^\s']*)\s*")


def public_url(url: str) -> str:
    """``url`` as it may be shown and remembered: without any password.

    A URL without one comes back unchanged, character for character (a file path
    too); SQLAlchemy's reading of the URL decides what the password is, since that is
    what would be sent to the server.
    """
    if "://" not in url:
        return url
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return _unreadable(url)
    secret_keys = [key for key in parsed.query if _SECRET_NAME.search(key)]
    host = parsed.host or ""
    if parsed.password is None and not secret_keys and "@" not in host:
        return url
    # A host with "@" in it is the rest of a password that held an unescaped "@".
    shown = parsed._replace(password=None, host=host.rpartition("@")[2] or parsed.host)
    return shown.difference_update_query(secret_keys).render_as_string(hide_password=False)


def hide_secrets(text: str, url: str) -> str:
    """``text`` (an error message about ``url``) without anything ``url`` holds secret.

    The URL itself is replaced by its public form, ``password=…`` pairs are masked,
    and any password of the URL still left is replaced by ``***``, unless the public
    form shows those characters anyway (a password equal to the user name).
    """
    shown = public_url(url)
    cleaned = text.replace(url, shown) if url else text
    cleaned = _SECRET_PAIR.sub(lambda m: m.group(1) + HIDDEN, cleaned)
    for secret in sorted(_secrets(url), key=len, reverse=True):
        if secret not in shown:
            cleaned = cleaned.replace(secret, HIDDEN)
    return cleaned


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL ``url``; one line naming it (without password) when unreadable."""
    try:
        return make_url(url)
    except (ArgumentError, ValueError):
        raise DatabaseError(
            f"{public_url(url)} is not a database URL that can be read "
            "(write it as postgresql+psycopg://user@host:port/database)"
        ) from None


def refuse_keyword_string(text: str) -> None:
    """Refuse a libpq keyword/value string (``host=db dbname=team password=...``) given
    as a database: taken for a file name, it would put its password into the name of a
    new file, the window's title and the settings."""
    pairs = list(_KEYWORD_PAIR.finditer(text))
    if not pairs or "".join(p.group(0) for p in pairs) != text:
        return
    if all(p.group(1).lower() in _LIBPQ_KEYWORDS for p in pairs):
        raise DatabaseError(
            "libpq keyword/value strings are not accepted as a database: give a URL, "
            "postgresql+psycopg://user@host:port/database (the password is read from "
            "~/.pgpass or PGPASSWORD)"
        )


def _unreadable(url: str) -> str:
    """A URL SQLAlchemy cannot read (so never connects with): nothing of its user part."""
    scheme, _, rest = url.partition("://")
    rest = rest.rpartition("@")[2]
    return scheme + "://" + _SECRET_PAIR.sub(lambda m: m.group(1) + HIDDEN, rest)


def _secrets(url: str) -> set[str]:
    """Every password ``url`` holds, as written, decoded and percent-encoded."""
    try:
        parsed = make_url(url) if "://" in url else None
    except (ArgumentError, ValueError):
        parsed = None
    found: set[str] = set()
    if parsed is not None:
        if parsed.password:
            found.add(str(parsed.password))
        if parsed.host and "@" in parsed.host:  # the rest of a password with an "@" in it
            found.add(parsed.host.rpartition("@")[0])
        for key, value in parsed.query.items():
            if _SECRET_NAME.search(key):
                found.update([value] if isinstance(value, str) else value)
    found |= {m.group(2).strip("'") for m in _SECRET_PAIR.finditer(url)}
    variants = {form for s in found for form in (s, unquote(s), quote(s, safe=""))}
    return {s for s in variants if s}
