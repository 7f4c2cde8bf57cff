"""Command line: ``python -m mjbook.validate`` checks every dataset; exit 1 with one line per error.

The build runs this before executing any notebook, so bad data stops ``make book`` with a message
naming the file, the row and the field.
"""

from __future__ import annotations

import sys

from mjbook.data import validate_all


def main() -> int:
    """Validate all data files; print errors to stderr; return the process exit code."""
    errors = validate_all()
    for line in errors:
        print(f"data error: {line}", file=sys.stderr)
    if errors:
        return 1
    print("data: all resources valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
