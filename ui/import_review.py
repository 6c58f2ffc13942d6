"""File → Import's review: what the import will do, shown before anything is written.

The review (``Tracker.review_import`` / ``review_flat_rows``, the same as ``tracker
import --dry-run``) is computed on a worker thread; this dialog shows it: the counts,
then every engagement created, updated (field by field, old → new) and left unchanged.
Import writes (through the ordinary import, with the review's token: a database
changed in between is said, and nothing written); Cancel writes nothing. A file with a
refused record never reaches this dialog: nothing of it can be written, so the window
says every refusal instead (``ui.transfers``).
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.import_review import ImportReview
from ui.i18n import translate
from ui.plain_text import plain_label

# At most this many refusals are listed in the window's message (the rest counted).
REFUSALS_SHOWN = 20


class ImportReviewDialog(QDialog):
    """The review of an import, with Import and Cancel."""

    def __init__(self, review: ImportReview, file_name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("importReview")
        self.setWindowTitle(
            translate("import_review", "Review import of {file}").format(file=file_name)
        )
        layout = QVBoxLayout(self)
        # The file's name is the user's text: a plain label (ui.plain_text).
        summary = plain_label(
            translate("import_review", "Importing {file} will do this: {summary}.").format(
                file=file_name, summary=review.summary()
            ),
            self,
        )
        summary.setObjectName("reviewSummary")
        summary.setWordWrap(True)
        layout.addWidget(summary)
        details = QPlainTextEdit(self)
        details.setObjectName("reviewDetails")
        details.setAccessibleName("What the import will change")
        details.setReadOnly(True)
        details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        details.setFont(QFont("monospace"))
        details.setPlainText(
            "\n".join(review.lines()[1:]) or translate("import_review", "Nothing to import.")
        )
        layout.addWidget(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        confirm = buttons.addButton(
            translate("import_review", "&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        confirm.setObjectName("confirmImport")
        confirm.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 480)


def refusals_text(review: ImportReview) -> str:
    """What the window says of a file it cannot import: every refusal (up to a number)."""
    lines = [r.text() for r in review.refused]
    shown = lines[:REFUSALS_SHOWN]
    if len(lines) > REFUSALS_SHOWN:
        shown.append(
            translate("import_review", "… and {count} more refused").format(
                count=len(lines) - REFUSALS_SHOWN
            )
        )
    return "\n".join(shown)
