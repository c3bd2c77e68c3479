import sys

from attrlint.cli import main

sys.exit(main())
