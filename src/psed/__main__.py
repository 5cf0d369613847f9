"""``python -m psed``: the ``psed`` command, for machines where its script is not on PATH."""

from psed.cli import main

raise SystemExit(main())
