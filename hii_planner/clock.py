"""The current time, frozen by SOURCE_DATE_EPOCH for reproducible plan files."""

from __future__ import annotations

import datetime as dt
import os


def now() -> dt.datetime:
    """Now in UTC to the second, or SOURCE_DATE_EPOCH when it is set."""
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
    """Today's date (UTC), consistent with `now`."""
    return now().date()
