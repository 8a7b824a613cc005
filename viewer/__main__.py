import sys

from viewer import main

if __name__ == "__main__":
    sys.exit(main(sys.argv))
