"""Render many documents at once: PDFs compile on a small thread pool, in their order.

Typst releases the GIL while it compiles, so a few threads compile a plan's
sixty-odd PDFs in a fraction of the time one does. Results come back in the
order asked, so files are still written one by one, atomically, in that order.
HTML and Markdown are pure Python and gain nothing from threads.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

from hii_planner.documents.model import Document
from hii_planner.documents.render import OutputFormat, render_document

MAX_THREADS = 4


def pool_size(jobs: int) -> int:
    """How many threads compile *jobs* PDFs: one per core, at most MAX_THREADS."""
    return max(1, min(MAX_THREADS, os.cpu_count() or 1, jobs))


def render_in_order(
    builds: Sequence[Callable[[], Document]], output_format: OutputFormat
) -> Iterator[str | bytes]:
    """Each document built and rendered, yielded in the order of *builds*.

    An error stops the run: documents not yet started are not compiled, and the
    error is raised where the serial loop would have raised it.
    """

    def render(build: Callable[[], Document]) -> str | bytes:
        return render_document(build(), output_format)

    threads = pool_size(len(builds)) if output_format == "pdf" else 1
    if threads == 1:
        for build in builds:
            yield render(build)
        return
    pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="hii-pdf")
    try:
        yield from pool.map(render, builds)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
