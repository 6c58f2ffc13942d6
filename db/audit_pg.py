"""The audit trail's seals on PostgreSQL: made and checked on the server, with a key the
app's users cannot read.

``install`` creates, in the schema ``tracker_audit``:

* ``audit_key``: the HMAC keys (key id, key), readable by the schema's owner only;
* ``seal()`` and ``verify()``: ``SECURITY DEFINER`` functions, run with the owner's
  rights by anyone, that seal the unsealed audit rows and recompute the chain, with
  the same encoding and HMAC as ``db.audit_chain`` (computed with the built-in
  ``sha256``, no extension needed);
* triggers on the audit tables: each new audit row is stamped with the server's
  ``session_user`` (the role that logged in, whatever the app calls its user), and
  only the owner may update, delete or truncate audit rows or write seals.

The owner is the role that created the tables. With one role for everything (the
simplest setup) that role can still do anything; with the two-role setup of the
README (an owner that creates the tables, colleagues' roles that use them) the
colleagues cannot rewrite the trail, read the key, or forge a seal.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, text

from db import audit_keys

SCHEMA = "tracker_audit"

# {t} is the quoted schema of the tracker's tables, fixed when the functions are made so
# that no caller's search_path can point them at other tables.
_FUNCTIONS_SQL = r"""
CREATE OR REPLACE FUNCTION tracker_audit.pad(k bytea, byte integer) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
DECLARE
    block bytea := k || decode(repeat('00', 64 - length(k)), 'hex');
BEGIN
    FOR i IN 0..63 LOOP
        block := set_byte(block, i, get_byte(block, i) # byte);
    END LOOP;
    RETURN block;
END $$;

-- HMAC-SHA256 from the key's two padded blocks (ipad: key XOR 0x36, opad: XOR 0x5c),
-- worked out once per key and call of seal() or verify(), not once per row. The SQL
-- functions below have no SET clause, so that the planner can inline them into the
-- queries that call them (their callers fix the search_path).
CREATE OR REPLACE FUNCTION tracker_audit.hmac(ipad bytea, opad bytea, message bytea)
RETURNS bytea
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT pg_catalog.sha256(opad || pg_catalog.sha256(ipad || message))
$$;

CREATE OR REPLACE FUNCTION tracker_audit.key_id(k bytea) RETURNS text
LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog AS $$
    SELECT left(encode(tracker_audit.hmac(tracker_audit.pad(k, 54), tracker_audit.pad(k, 92),
        convert_to('key-id', 'UTF8')), 'hex'), 16)
$$;

CREATE OR REPLACE FUNCTION tracker_audit.field(v text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN '~'
        ELSE pg_catalog.octet_length(pg_catalog.convert_to(v, 'UTF8'))::text || ':' || v END
$$;

-- The newest key; a new one when the table is empty (a copy restored without the
-- keys), so that the chain carries on and the older entries verify as unkeyed.
CREATE OR REPLACE FUNCTION tracker_audit.writing_key(OUT kid text, OUT k bytea)
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog AS $$
BEGIN
    SELECT ak.key_id, ak.key INTO kid, k FROM tracker_audit.audit_key ak
        ORDER BY ak.created_at DESC, ak.key_id LIMIT 1;
    IF k IS NULL THEN
        k := sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text
            || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8'));
        kid := tracker_audit.key_id(k);
        INSERT INTO tracker_audit.audit_key (key_id, key) VALUES (kid, k);
    END IF;
END $$;

-- Each row's entry is encoded by one query; the loop only chains the hashes, and the
-- seals go in with one INSERT.
CREATE OR REPLACE FUNCTION tracker_audit.seal() RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    kid text;
    k bytea;
    ipad bytea;
    opad bytea;
    last_sealed integer;
    previous text;
    r record;
    ids integer[] := '{}';
    hashes text[] := '{}';
BEGIN
    SELECT s.audit_id, s.hash INTO last_sealed, previous FROM {t}.audit_seal s
        ORDER BY s.audit_id DESC LIMIT 1;
    last_sealed := coalesce(last_sealed, 0);
    previous := coalesce(previous, repeat('0', 64));
    IF NOT EXISTS (SELECT 1 FROM {t}.audit x WHERE x.id > last_sealed) THEN
        RETURN 0;
    END IF;
    SELECT wk.kid, wk.k INTO kid, k FROM tracker_audit.writing_key() wk;
    ipad := tracker_audit.pad(k, 54);
    opad := tracker_audit.pad(k, 92);
    FOR r IN SELECT x.id, {entry:kid:x} AS tail FROM {t}.audit x
        WHERE x.id > last_sealed ORDER BY x.id
    LOOP
        previous := encode(tracker_audit.hmac(ipad, opad,
            convert_to(tracker_audit.field(previous), 'UTF8') || r.tail), 'hex');
        ids := ids || r.id;
        hashes := hashes || previous;
    END LOOP;
    INSERT INTO {t}.audit_seal (audit_id, key_id, hash)
        SELECT u.i, kid, u.h FROM unnest(ids, hashes) AS u(i, h);
    RETURN cardinality(ids);
END $$;

-- The first break of the chain (problem: unsealed, missing, mismatch or deleted, at
-- from_id), then one row per absent key (problem 'unkeyed': which entries, how many).
-- Set-based: each seal is recomputed from the stored seal before it, as db.audit_chain
-- walks it, and the first break is the smallest id that breaks.
CREATE OR REPLACE FUNCTION tracker_audit.verify()
RETURNS TABLE (problem text, from_id bigint, to_id bigint, with_key text, entries bigint)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    orphan bigint;
    unsealed bigint;
    mismatch bigint;
    stop_at bigint;
BEGIN
    SELECT min(s.audit_id) INTO orphan FROM {t}.audit_seal s
        WHERE NOT EXISTS (SELECT 1 FROM {t}.audit x WHERE x.id = s.audit_id);
    SELECT min(x.id) INTO unsealed FROM {t}.audit x
        WHERE NOT EXISTS (SELECT 1 FROM {t}.audit_seal s WHERE s.audit_id = x.id);
    WITH keys AS MATERIALIZED (
        SELECT ak.key_id, tracker_audit.pad(ak.key, 54) AS ipad,
            tracker_audit.pad(ak.key, 92) AS opad
        FROM tracker_audit.audit_key ak
    ), chain AS (
        SELECT x.id, s.key_id AS kid, s.hash AS h,
            coalesce(lag(s.hash) OVER (ORDER BY x.id), repeat('0', 64)) AS previous,
            {entry:s.key_id:x} AS tail
        FROM {t}.audit x JOIN {t}.audit_seal s ON s.audit_id = x.id
    )
    SELECT min(c.id) INTO mismatch FROM chain c JOIN keys k ON k.key_id = c.kid
        WHERE encode(tracker_audit.hmac(k.ipad, k.opad,
            convert_to(tracker_audit.field(c.previous), 'UTF8') || c.tail), 'hex')
            IS DISTINCT FROM c.h;
    stop_at := least(orphan, unsealed, mismatch);
    IF stop_at IS NOT NULL THEN
        from_id := stop_at;
        problem := CASE
            WHEN stop_at = unsealed THEN 'unsealed'
            WHEN stop_at = mismatch THEN 'mismatch'
            WHEN EXISTS (SELECT 1 FROM {t}.audit x WHERE x.id > orphan) THEN 'missing'
            ELSE 'deleted' END;
        RETURN NEXT;
    END IF;
    RETURN QUERY SELECT 'unkeyed'::text, min(s.audit_id)::bigint, max(s.audit_id)::bigint,
            s.key_id, count(*)
        FROM {t}.audit_seal s
        WHERE (stop_at IS NULL OR s.audit_id < stop_at)
            AND NOT EXISTS (SELECT 1 FROM tracker_audit.audit_key ak WHERE ak.key_id = s.key_id)
        GROUP BY s.key_id ORDER BY 2;
END $$;

CREATE OR REPLACE FUNCTION tracker_audit.stamp() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    NEW.server_user := session_user;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION tracker_audit.append_only() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    IF NOT pg_has_role(current_user,
            (SELECT c.relowner FROM pg_class c WHERE c.oid = TG_RELID), 'MEMBER') THEN
        RAISE EXCEPTION 'the audit trail is append-only: % on % refused for role %',
            TG_OP, TG_TABLE_NAME, current_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END $$;
"""

# One statement each (a driver may refuse several in one call); every one starts a line
# with "CREATE OR REPLACE FUNCTION".
_FUNCTIONS = tuple(
    "CREATE OR REPLACE FUNCTION" + part
    for part in _FUNCTIONS_SQL.split("CREATE OR REPLACE FUNCTION")[1:]
)

# What a seal covers after the previous seal: the key id and the row's fields, each
# encoded as tracker_audit.field() does. Written out in each query that needs it (as
# {entry:<key id>:<row alias>}) rather than called, since a function call per field and
# row costs more than all the hashing.
_ENTRY = re.compile(r"\{entry:([\w.]+):(\w+)\}")
_ENTRY_FIELDS: tuple[str, ...] = ("id::text", "at", "who", "server_user", "engagement_id::text")
_ENTRY_FIELDS += ("version::text", "action", "field", "old", "new")


def _field(expression: str) -> str:
    """SQL for one encoded value: ``<UTF-8 byte length>:<text>``, or ``~`` for NULL."""
    return (
        f"(CASE WHEN {expression} IS NULL THEN '~' ELSE octet_length(convert_to("
        f"{expression}, 'UTF8'))::text || ':' || {expression} END)"
    )


def _entry(kid: str, row: str) -> str:
    parts = [_field(kid), *(_field(f"{row}.{name}") for name in _ENTRY_FIELDS)]
    return "convert_to(" + " || ".join(parts) + ", 'UTF8')"


_TRIGGERS = (
    ("audit", "audit_server_user", "BEFORE INSERT", "FOR EACH ROW", "stamp"),
    ("audit", "audit_append_only", "BEFORE UPDATE OR DELETE", "FOR EACH ROW", "append_only"),
    ("audit", "audit_no_truncate", "BEFORE TRUNCATE", "FOR EACH STATEMENT", "append_only"),
    (
        "audit_seal",
        "audit_seal_owner_only",
        "BEFORE INSERT OR UPDATE OR DELETE",
        "FOR EACH ROW",
        "append_only",
    ),
    (
        "audit_seal",
        "audit_seal_no_truncate",
        "BEFORE TRUNCATE",
        "FOR EACH STATEMENT",
        "append_only",
    ),
)


def install(conn: Connection) -> None:
    """Create the key table (with a first random key), the functions and the triggers.

    Run by the role that created the tables, which becomes the owner of all of it.
    Idempotent: a second run replaces the functions and triggers and keeps the keys.
    """
    quote = conn.dialect.identifier_preparer.quote_identifier
    tables_schema = quote(str(conn.execute(text("SELECT current_schema()")).scalar_one()))
    conn.exec_driver_sql(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    conn.exec_driver_sql(f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA {SCHEMA} TO PUBLIC")
    conn.exec_driver_sql(
        f"CREATE TABLE IF NOT EXISTS {SCHEMA}.audit_key (key_id text PRIMARY KEY, "
        "key bytea NOT NULL, created_at timestamptz NOT NULL DEFAULT clock_timestamp())"
    )
    conn.exec_driver_sql(f"REVOKE ALL ON {SCHEMA}.audit_key FROM PUBLIC")
    if conn.execute(text(f"SELECT count(*) FROM {SCHEMA}.audit_key")).scalar_one() == 0:
        key = secrets.token_bytes(audit_keys.KEY_BYTES)
        conn.execute(
            text(f"INSERT INTO {SCHEMA}.audit_key (key_id, key) VALUES (:kid, :key)"),
            {"kid": audit_keys.key_id(key), "key": key},
        )
    for statement in _FUNCTIONS:
        sql = _ENTRY.sub(lambda m: _entry(m[1], m[2]), statement.replace("{t}", tables_schema))
        # The driver reads "%" as a placeholder even without parameters: "%%" is one.
        conn.exec_driver_sql(sql.replace("%", "%%"))
    for table, name, when, each, function in _TRIGGERS:
        target = f"{tables_schema}.{table}"
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {target}")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {name} {when} ON {target} {each} "
            f"EXECUTE FUNCTION {SCHEMA}.{function}()"
        )


def seal(conn: Connection) -> int:
    """Seal the unsealed audit rows on the server; returns how many were sealed."""
    return int(conn.execute(text(f"SELECT {SCHEMA}.seal()")).scalar_one())


def verify(conn: Connection) -> Sequence[Any]:
    """The server's findings: (problem, first id, last id, key id, entries) rows."""
    return conn.execute(text(f"SELECT * FROM {SCHEMA}.verify()")).all()
