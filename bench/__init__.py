"""Benchmarks of the Engagement Tracker: a realistic dataset generator and GUI timings.

``python -m bench.generate`` writes a generated interchange-format file,
``python -m bench.build_db`` builds a database from generated engagements and
``python -m bench.gui`` measures start-up, filtering, searching and sorting of the
real main window next to the raw floor of the same work without the app.
"""
