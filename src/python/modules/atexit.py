# atexit, as CPython 3.11's Modules/atexitmodule.c: functions registered to run when the
# program ends (after the main program and its non-daemon threads, last registered first, also
# after an uncaught exception or sys.exit(); not after os._exit()). An exception in one is
# reported as "Exception ignored in atexit callback: <function ...>" with its traceback, and the
# others still run.
import sys
import _thread

__all__ = ['register', 'unregister']

_exithandlers = []


def register(func, /, *args, **kwargs):
    """Registers func(*args, **kwargs) to run at exit; returns func (usable as a decorator)."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _exithandlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Removes every registration of func."""
    _exithandlers[:] = [h for h in _exithandlers if h[0] != func]


def _clear():
    del _exithandlers[:]


def _ncallbacks():
    return len(_exithandlers)


def _run_exitfuncs():
    while _exithandlers:
        func, args, kwargs = _exithandlers.pop()
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            sys.stderr.write(f"Exception ignored in atexit callback: {func!r}\n")
            sys.stderr.write(_thread._format_exception(exc))
