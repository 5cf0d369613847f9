"""``python -m examples.form_backend``: run the example server on 127.0.0.1."""

import sys

from examples.form_backend.app import main

sys.exit(main())
