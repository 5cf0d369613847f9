"""``python -m examples.form_service``: run the service on 127.0.0.1."""

import sys

from examples.form_service.app import main

sys.exit(main())
