"""How a database URL becomes text (``db.urls``): no form of a password survives it.

The command line and the window are tested with these forms in
``tests/tracker/cli/test_passwords.py`` and ``tests/ui/test_private_settings.py``; here
each form is checked once against the function every message goes through.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from db.engine import resolve_url
from db.errors import DatabaseError
from db.pg_dump import libpq_url
from db.urls import hide_secrets, parse_url, public_url, refuse_keyword_string

SECRET = "s3cret-Word"

# (given, shown): every place a password can sit in a URL, and what is shown instead.
FORMS = [
    (f"postgresql+psycopg://ana:{SECRET}@db.example.org:5433/team", "ana@db.example.org:5433/team"),
    (f"postgresql+psycopg://ana@db/team?password={SECRET}", "ana@db/team"),
    (f"postgresql+psycopg://ana@db/team?PassWord={SECRET}&sslmode=require", "sslmode=require"),
    (f"postgresql+psycopg://ana@db/team?passwd={SECRET}", "ana@db/team"),
    (f"postgresql+psycopg://ana@db/team?sslpassword={SECRET}", "ana@db/team"),
    (f"postgresql+psycopg://ana@db/team?password={SECRET}&password={SECRET}", "ana@db/team"),
    (f"postgres://ana:{SECRET}@db/team", "postgres://ana@db/team"),
    ("postgresql+psycopg://ana:s3cret%40Word@db/team", "ana@db/team"),
    ("postgresql+psycopg://ana:s3cret@Word@db/team", "ana@db/team"),  # an unescaped "@"
    (f"postgresql+psycopg://ana:{SECRET}@/team?host=/run/postgresql", "ana@/team?host="),
    (f"postgresql+psycopg://ana:{SECRET}@db:notaport/team", "postgresql+psycopg://db:notaport"),
    (f"post gres://ana:{SECRET}@db/team", "post gres://db/team"),
]


@pytest.mark.parametrize(("given", "shown"), FORMS)
def test_no_form_of_a_password_is_shown(given: str, shown: str) -> None:
    text = public_url(given)
    assert "s3cret" not in text and "Word" not in text
    assert shown in text


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////home/ana/engagements with spaces%.db",
        "postgresql+psycopg://ana@db.example.org:5433/policy%20team",
        "postgresql+psycopg:///?service=tracker",
        "/home/ana/tracker.db",
    ],
)
def test_what_holds_no_password_is_shown_as_it_was_given(url: str) -> None:
    assert public_url(url) == url


def test_an_error_message_quoting_the_url_or_its_password_is_cleaned() -> None:
    url = f"postgresql+psycopg://ana:{SECRET}@db/team?sslpassword={SECRET}x"
    message = (
        f"Could not parse {url}; connection to host=db password={SECRET} "
        f"password='{SECRET} quoted' failed for {SECRET}x and {SECRET}"
    )
    cleaned = hide_secrets(message, url)
    assert "s3cret" not in cleaned
    assert "postgresql+psycopg://ana@db/team" in cleaned and "host=db" in cleaned


def test_a_password_that_the_url_shows_anyway_does_not_garble_the_message() -> None:
    # The user name as password: hiding it would hide nothing, and lose the role's name.
    url = "postgresql+psycopg://postgres:postgres@db/team"
    message = 'password authentication failed for user "postgres"'
    assert hide_secrets(message, url) == message


def test_an_unreadable_url_is_one_line_without_its_password() -> None:
    with pytest.raises(DatabaseError) as caught:
        parse_url(f"postgresql+psycopg://ana:{SECRET}@db:notaport/team")
    assert SECRET not in str(caught.value) and "not a database URL" in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [f"host=db dbname=team password={SECRET}", f"host = 'db' user=ana  password='{SECRET} x'"],
)
def test_a_libpq_keyword_string_is_refused_without_quoting_it(text: str) -> None:
    with pytest.raises(DatabaseError) as caught:
        refuse_keyword_string(text)
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize("name", ["tracker.db", "host=a.db", "notes=1 user.db", "a b.db"])
def test_file_names_are_not_keyword_strings(name: str, tmp_path: Path) -> None:
    assert resolve_url(tmp_path / name) == f"sqlite:///{tmp_path / name}"


def test_pg_dump_is_never_given_the_password_on_its_command_line() -> None:
    # Every user of the machine can read a program's command line.
    url = f"postgresql+psycopg://ana:{SECRET}@db/team?password={SECRET}&sslmode=require"
    assert libpq_url(url) == "postgresql://ana@db/team?sslmode=require"
