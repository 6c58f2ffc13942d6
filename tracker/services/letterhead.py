"""Reading a letterhead logo from a local file: what ``tracker brief --logo`` and the
briefing dialog's "Logo…" both call.

A URL is refused before anything is opened (nothing is fetched); the file is read up
to one byte past the limit, so a huge file is refused without being read whole; the
bytes are then checked by the domain's one rule (``tracker.domain.letterhead``) and
decoded once by reportlab, so a damaged image is refused here, not while rendering.
"""

from __future__ import annotations

from pathlib import Path

from tracker.domain.errors import ValidationError
from tracker.domain.letterhead import MAX_LOGO_BYTES, Logo, check_logo, refuse_url


def load_logo(path: str) -> Logo:
    """The logo in the local file ``path``; ValidationError (one line naming the file)
    when it is a URL, unreadable, or not an acceptable PNG or JPEG."""
    refuse_url(path)
    try:
        with Path(path).open("rb") as file:
            data = file.read(MAX_LOGO_BYTES + 1)
    except OSError as exc:
        raise ValidationError(f"cannot be read ({exc.strerror or exc})", field=path) from None
    logo = check_logo(path, data)
    from exports.letterhead import check_decodes  # reportlab, only once a logo is asked for

    check_decodes(path, logo)
    return logo
