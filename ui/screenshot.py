"""Render the main window on the demo data, offscreen, to a PNG for the README.

python -m ui.screenshot [--out docs/screenshot.png] [--view overview] [--lang fr]

``--view`` names the view shown (``ui.views.ViewKind``: table, overview, restrictions,
timeline), so the README shows each of them as the demo data draws it; ``--lang``
the language of the window (English unless told: never the user's setting).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path


def render(
    out: Path, *, width: int = 1400, height: int = 820, view: str = "table", lang: str = "en"
) -> Path:
    """Open the window on a fresh demo database in ``lang``, show ``view``, and save a
    picture."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from tracker.services import Tracker
    from ui.app import make_application
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    app = make_application()
    install_translators(app, lang)
    with tempfile.TemporaryDirectory() as tmp:
        service = Tracker.open(Path(tmp) / "demo.db", user="demo")
        service.load_demo()
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(service, settings=settings)
        window.resize(width, height)
        window.views.show_view(view)
        window.show()
        for _ in range(3):
            app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            raise SystemExit(f"could not write {out}")
        window.close()
        service.close()
    return out


def main() -> None:
    """Command-line entry: ``--out`` names the PNG file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshot.png"))
    from ui.views import ViewKind

    parser.add_argument("--view", default="table", choices=[kind.value for kind in ViewKind])
    parser.add_argument("--lang", default="en", choices=["en", "fr"])
    args = parser.parse_args()
    print(render(args.out, view=args.view, lang=args.lang))


if __name__ == "__main__":
    main()
