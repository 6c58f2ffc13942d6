"""Engagement Tracker: domain, services, dates, errors and command line."""

__version__ = "0.1.0"
