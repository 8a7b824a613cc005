"""What the frozen program runs: the same entry point as the installed ``ketamine-viewer`` command."""

import sys

from viewer import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
