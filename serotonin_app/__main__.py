"""Allow ``python -m serotonin_app``."""

import sys

from serotonin_app.cli import main

sys.exit(main())
