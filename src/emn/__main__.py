"""``python -m emn``: the same as the ``emn`` command."""

import sys

from .cli import main

sys.exit(main())
