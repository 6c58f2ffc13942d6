"""Storage: engine, tables, migrations and the full-text index."""
