"""``--set-kiosk-pin`` where there is no terminal to type in (the Windows program has none): the PIN twice, in a window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from viewer.core.kiosk_pin import MAX_PIN_DIGITS, PinError, check_pin
from viewer.ui import plain_text


class SetPinDialog(QDialog):
    """Asks for the new PIN twice, hidden as typed; OK only when both are the same valid PIN."""

    def __init__(self, config_path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setPinDialog")
        self.setWindowTitle("Set the kiosk PIN")
        self.first, self.second = self._pin_field("newPin"), self._pin_field("newPinAgain")
        self.problem = plain_text.label(objectName="setPinProblem", wordWrap=True)
        where = plain_text.label(f"Its hash is kept in {config_path}.", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_ok)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("New kiosk PIN (4 to 12 digits):", self.first)
        form.addRow("The same PIN again:", self.second)
        column = QVBoxLayout(self)
        column.addWidget(where)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)

    def _pin_field(self, name: str) -> QLineEdit:
        field = QLineEdit(objectName=name, echoMode=QLineEdit.EchoMode.Password, maxLength=MAX_PIN_DIGITS)
        field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
        return field

    @property
    def pin(self) -> str:
        return self.first.text()

    def _on_ok(self) -> None:
        try:
            check_pin(self.first.text())
            if self.second.text() != self.first.text():
                raise PinError("the two PINs differ")
        except PinError as error:
            reason = str(error)
            self.problem.setText(f"{reason[:1].upper()}{reason[1:]}.")
            return
        self.accept()


def ask_pin_in_a_window(config_path: str) -> str | None:
    """The new PIN, or None when the administrator cancelled."""
    from viewer.ui.app import ensure_application

    ensure_application(["ketamine-viewer"])
    dialog = SetPinDialog(config_path)
    return dialog.pin if dialog.exec() == QDialog.DialogCode.Accepted else None


def tell_in_a_window(text: str, ok: bool) -> None:
    """The outcome, for an administrator who has no terminal to read it in."""
    icon = QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning
    plain_text.tell(None, icon, "Kiosk PIN", text)
