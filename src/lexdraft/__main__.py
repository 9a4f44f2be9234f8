"""`python -m lexdraft`: the command line, for when the `lexdraft` script is not on the PATH."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
