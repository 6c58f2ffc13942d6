"""PDF exports built from plain data (no database, no Qt)."""
