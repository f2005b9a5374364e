"""A time limit for pure-Python work on the calling thread (see :class:`TimeLimit`)."""

from __future__ import annotations

import ctypes
import threading
import time
from types import TracebackType
from typing import Any


class OutOfTime(BaseException):
    """Raised inside a rendering that ran over its time.

    A BaseException, so that no ``except Exception`` inside python-markdown catches it.
    """


def _async_exception_setter() -> Any:
    # Found once, here: a Python built without exported symbols (some embedded or frozen
    # builds) has no such function, and then the time limit cannot interrupt (the
    # measures before rendering still apply).
    try:
        return ctypes.pythonapi.PyThreadState_SetAsyncExc
    except (AttributeError, OSError):  # pragma: no cover - not on the Pythons we ship
        return None


_SET_ASYNC_EXC = _async_exception_setter()


def _raise_in_thread(thread_id: int, exception: type[BaseException] | None) -> None:
    """Make ``thread_id`` raise ``exception`` at its next bytecode; None takes a pending one back."""
    if _SET_ASYNC_EXC is not None:
        value = ctypes.py_object(exception) if exception is not None else None
        _SET_ASYNC_EXC(ctypes.c_ulong(thread_id), value)


class _Watchdog:
    """One sleeping thread that serves every time limit in the process, started on first use.

    A thread per limit cost more than the rendering it guarded: ``check`` renders tens of
    thousands of small quiz fragments, and starting a thread for each took a third of its time.
    """

    def __init__(self) -> None:
        self.condition = threading.Condition()
        self._limits: set[TimeLimit] = set()
        self._thread: threading.Thread | None = None

    def add(self, limit: TimeLimit) -> None:
        with self.condition:
            self._limits.add(limit)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="time-limit", daemon=True)
                self._thread.start()
            self.condition.notify()

    def remove(self, limit: TimeLimit) -> None:
        """Call with :attr:`condition` held."""
        self._limits.discard(limit)

    def _run(self) -> None:
        with self.condition:
            while True:
                now = time.monotonic()
                for limit in [item for item in self._limits if item.deadline <= now]:
                    self._limits.discard(limit)
                    limit.fire()
                deadlines = [limit.deadline for limit in self._limits]
                self.condition.wait(min(deadlines) - now if deadlines else None)


_WATCHDOG = _Watchdog()


class TimeLimit:
    """Raises :class:`OutOfTime` in the calling thread if the block is still running after ``seconds``.

    The rendering itself stays on the calling thread: python-markdown state, the
    stack size and the results are the same as without a limit, and only a watchdog
    thread is added (one for the whole process), which sleeps unless a time runs out.
    It then asks CPython to raise the exception in the rendering thread
    (``PyThreadState_SetAsyncExc``, the same on Linux, Windows and macOS). That
    interrupts pure-Python work, which is all python-markdown does; a single long call
    into C (a regular expression, nh3) is only interrupted when it returns, which is why
    the measures in :func:`render_budget_problem` keep those calls short. Signals
    (``SIGALRM``) do not exist on Windows, and a separate process would have to import
    python-markdown again for every lesson (and be frozen with the bundle).

    Leaving the block in time takes back an exception that was asked for but not
    yet raised, under the lock the watchdog holds while it asks: so the exception is
    raised inside the block or not at all, never later in unrelated code.
    """

    def __init__(self, seconds: float) -> None:
        self._thread_id = threading.get_ident()
        self._seconds = seconds
        self.deadline = 0.0
        self._fired = False

    def __enter__(self) -> TimeLimit:
        self._fired = False
        self.deadline = time.monotonic() + self._seconds
        _WATCHDOG.add(self)
        return self

    def fire(self) -> None:
        """Called by the watchdog, with its lock held, when the time has run out."""
        self._fired = True
        _raise_in_thread(self._thread_id, OutOfTime)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        with _WATCHDOG.condition:
            _WATCHDOG.remove(self)
            if self._fired:
                _raise_in_thread(self._thread_id, None)
