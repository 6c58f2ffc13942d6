"""Qt (PySide6) user interface of the Engagement Tracker."""
