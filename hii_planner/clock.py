"""The clock: stamps for files (frozen by SOURCE_DATE_EPOCH) and the real date of today.

SOURCE_DATE_EPOCH makes written files reproducible; it never decides what is
"past", "future" or "overdue", which are judged by the real date (`today`).
Tests freeze `today` by replacing this function: it is the one seam.
"""

from __future__ import annotations

import datetime as dt
import os


def now() -> dt.datetime:
    """Now in UTC to the second, or SOURCE_DATE_EPOCH when it is set (for time stamps)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            from hii_planner.dates import DateError

            raise DateError(
                f"SOURCE_DATE_EPOCH={epoch} is not a time hii-planner can use: "
                "give seconds since 1970 up to the year 9999, or unset it"
            ) from None
    return dt.datetime.now(tz=dt.UTC).replace(microsecond=0)


def today() -> dt.date:
    """Today's real date (UK sessions, so the local date), whatever SOURCE_DATE_EPOCH says."""
    return dt.date.today()
