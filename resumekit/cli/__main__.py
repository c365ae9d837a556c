"""``python -m resumekit.cli``: the command line."""

import sys

from . import main

sys.exit(main())
