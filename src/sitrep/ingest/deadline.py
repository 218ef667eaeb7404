"""A time limit on one piece of work: reading a file, extracting a document.

`signal.setitimer` raises `TimeLimitExceeded` inside the work once its time is up. Why a signal and
not a thread or a subprocess: extraction runs libraries (trafilatura, htmldate, regular expressions)
that cannot be asked to stop, and a signal reaches them where they are, at no cost per document and
with no copy of the page to another process. Its limits, on purpose:

- SIGALRM works in the main thread only; elsewhere (a worker thread), or where a timer is already
  armed (an outer limit), the work runs without a limit of its own.
- A signal is handled between Python bytecodes: a single long call into C (libxml2 parsing one huge
  tag) is stopped only when it returns. The known cases of that kind are bounded before the call
  (`extract`'s cap on a tag's attributes, on a title's length).
- The exception derives from BaseException, so that libraries' `except Exception` do not swallow it,
  and the timer repeats every quarter second until disarmed, should something swallow it anyway.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_REPEAT_SECONDS = 0.25


class TimeLimitExceeded(BaseException):
    """The work ran past its time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise `TimeLimitExceeded` in the body after `seconds` (none when 0 or where no timer can be set)."""
    if (seconds <= 0 or not hasattr(signal, "setitimer")
            or threading.current_thread() is not threading.main_thread()
            or signal.getitimer(signal.ITIMER_REAL)[0] > 0):
        yield
        return
    armed = [True]

    def on_alarm(signum, frame):
        if armed[0]:
            raise TimeLimitExceeded(seconds)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT_SECONDS)
    try:
        yield
    finally:
        while True:  # the alarm may fire while disarming: disarm again until done
            try:
                armed[0] = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                break
            except TimeLimitExceeded:
                continue
        signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
