"""The domain: engagements, vocabularies, partial dates, markings, merge and the
interchange format, as pure data and rules (no I/O, no SQL, no Qt)."""
