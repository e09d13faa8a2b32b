import sys

from prematch_kb.cli import main

sys.exit(main())
