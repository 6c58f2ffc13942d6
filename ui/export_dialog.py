"""File → Export…'s one question before the file: the highest marking it may hold.

Nothing marked above the marking chosen is written (``tracker.domain.ceiling``); "Every
marking" writes every engagement shown. The CSV or JSON is chosen with the file name.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from ui.i18n import translate
from ui.plain_text import plain_label


class ExportDialog(QDialog):
    """Asks for the marking ceiling of an export."""

    def __init__(self, *, scope: str, markings: Sequence[str], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(translate("export_dialog", "Export engagements"))
        form = QFormLayout(self)
        form.addRow(plain_label(scope, self))
        self.ceiling = QComboBox(self)
        self.ceiling.setObjectName("highestMarking")
        self.ceiling.addItem(translate("export_dialog", "Every marking"), None)
        for marking in markings:
            self.ceiling.addItem(f"{marking} and below", marking)
        form.addRow(translate("export_dialog", "&Highest marking"), self.ceiling)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def max_marking(self) -> str | None:
        """The ceiling chosen; None: every marking."""
        data = self.ceiling.currentData()
        return str(data) if data is not None else None
