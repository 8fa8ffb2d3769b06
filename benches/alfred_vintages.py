#!/usr/bin/env python3
"""Writes a synthetic ALFRED vintage-column CSV (observations by vintage date)
to standard output, for timing the vintage readers:

    python3 benches/alfred_vintages.py VINTAGES [ROWS] > alfred.csv
    /usr/bin/time -f "%e s %M KiB" econ vintage --latest alfred.csv > /dev/null

ROWS monthly periods from 2000-01 (default 300); VINTAGES columns
`X_YYYYMMDD`, one a day from 1900-01-01. Period r is first published in
vintage floor(r * VINTAGES / ROWS) and `.` before it, as in ALFRED's
triangle; its value is 100 + r, revised by +0.01 every 50 vintages after
its first release. Deterministic: the same arguments give the same bytes.
"""

import datetime
import sys


def main():
    vintages = int(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    day0 = datetime.date(1900, 1, 1)
    out = sys.stdout
    out.write(
        "observation_date,"
        + ",".join(
            f"X_{(day0 + datetime.timedelta(days=k)):%Y%m%d}" for k in range(vintages)
        )
        + "\n"
    )
    for r in range(rows):
        first = r * vintages // rows
        y, m = divmod(r, 12)
        cells = ["."] * first + [
            f"{100 + r + 0.01 * ((k - first) // 50):.2f}" for k in range(first, vintages)
        ]
        out.write(f"{2000 + y:04d}-{m + 1:02d}-01," + ",".join(cells) + "\n")


if __name__ == "__main__":
    main()
