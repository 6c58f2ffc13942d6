"""The standalone bundle's program: ``tracker`` as installed (the command line; with no
command, or ``tracker gui``, the desktop app)."""

from tracker.cli import main

raise SystemExit(main())
