"""What a plan records about its library: the combined digest and the digests of its files.

A plan records the digest of each library file so that `plan check` can say what
changed. For a large library, a digest of every file would make the plan file
grow with the library rather than with the plan (16,000 modules are 1.4 MB of
digests, past the 1 MB read limit), so beyond ``RECORD_EVERY_FILE_UP_TO`` files a
plan records only the files it uses: ``library.toml`` and its modules' files. The
combined digest still covers every file, so any change is still noticed.
"""

from __future__ import annotations

from collections.abc import Iterable

from hii_planner.library.cache import LIBRARY_FILE
from hii_planner.library.loader import Library
from hii_planner.plans.models import PlanLibrary

# Small libraries (the shipped one has 16 files) keep a digest of every file, as plans
# always have: `plan check` can then also name files added since.
RECORD_EVERY_FILE_UP_TO = 100


def library_record(library: Library, module_ids: Iterable[str]) -> PlanLibrary:
    """The ``[library]`` table of a new plan whose modules are *module_ids*."""
    digests = library.file_digests
    if len(digests) <= RECORD_EVERY_FILE_UP_TO:
        files = dict(digests)
    else:
        used = {LIBRARY_FILE, *(library.files[m] for m in module_ids if m in library.files)}
        files = {name: digest for name, digest in digests.items() if name in used}
    return PlanLibrary(
        name=library.info.name,
        version=library.info.version,
        digest=library.digest,
        files=files,
    )


def records_only_used_files(recorded: Iterable[str], plan_module_ids: Iterable[str]) -> bool:
    """True when a plan's recorded files are only library.toml and its own modules' files."""
    used = {LIBRARY_FILE, *(f"{m}.toml" for m in plan_module_ids)}
    return set(recorded) <= used
