# signal for the playground's interpreter, as CPython 3.11's on Linux where the playground can
# do what it does. No signal ever arrives from outside (Stop ends a run without one), so a
# handler runs only for a signal the program raises itself.
#
# ✓ Signals (IntEnum: SIGHUP ... SIGRTMAX, with Linux's numbers and aliases), Handlers (SIG_DFL,
#   SIG_IGN), NSIG; signal(), getsignal() (SIGINT starts with default_int_handler, SIGPIPE and
#   SIGXFSZ ignored, as CPython sets them), strsignal(), valid_signals(), default_int_handler,
#   with CPython's errors (only the main thread may set a handler; SIGKILL/SIGSTOP cannot be
#   caught; numbers outside 1..64)
# ✓ raise_signal(n) and os.kill(os.getpid(), n): the handler runs at once; SIG_IGN and the
#   ignore-by-default signals (SIGCHLD, SIGCONT, SIGURG, SIGWINCH) do nothing; SIGINT's
#   default raises KeyboardInterrupt; any other default ends the process as the signal would:
#   a multiprocessing child's exitcode is -n, the main program's exit status is 128 + n
# ✗ handlers get None for the frame (the interpreter has no frame objects); raise_signal in
#   another thread runs the handler in that thread (CPython: in the main thread, right after);
#   the stop signals (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU) do not suspend anything
# ✗ not offered (AttributeError, as on platforms without them): alarm, setitimer, getitimer,
#   pause, sigwait, sigwaitinfo, sigtimedwait, pthread_kill, pthread_sigmask, sigpending,
#   siginterrupt, set_wakeup_fd: timers and asynchronous delivery have nothing to deliver to
from enum import IntEnum as _IntEnum

import _signal
from _signal import default_int_handler


class Signals(_IntEnum):
    SIGHUP = 1
    SIGINT = 2
    SIGQUIT = 3
    SIGILL = 4
    SIGTRAP = 5
    SIGABRT = 6
    SIGIOT = 6
    SIGBUS = 7
    SIGFPE = 8
    SIGKILL = 9
    SIGUSR1 = 10
    SIGSEGV = 11
    SIGUSR2 = 12
    SIGPIPE = 13
    SIGALRM = 14
    SIGTERM = 15
    SIGSTKFLT = 16
    SIGCHLD = 17
    SIGCONT = 18
    SIGSTOP = 19
    SIGTSTP = 20
    SIGTTIN = 21
    SIGTTOU = 22
    SIGURG = 23
    SIGXCPU = 24
    SIGXFSZ = 25
    SIGVTALRM = 26
    SIGPROF = 27
    SIGWINCH = 28
    SIGIO = 29
    SIGPOLL = 29
    SIGPWR = 30
    SIGSYS = 31
    SIGRTMIN = 34
    SIGRTMAX = 64


class Handlers(_IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1


globals().update(Signals.__members__)
SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN
NSIG = 65

_DESCRIPTIONS = (
    None, 'Hangup', 'Interrupt', 'Quit', 'Illegal instruction', 'Trace/breakpoint trap',
    'Aborted', 'Bus error', 'Floating point exception', 'Killed', 'User defined signal 1',
    'Segmentation fault', 'User defined signal 2', 'Broken pipe', 'Alarm clock', 'Terminated',
    'Stack fault', 'Child exited', 'Continued', 'Stopped (signal)', 'Stopped',
    'Stopped (tty input)', 'Stopped (tty output)', 'Urgent I/O condition',
    'CPU time limit exceeded', 'File size limit exceeded', 'Virtual timer expired',
    'Profiling timer expired', 'Window changed', 'I/O possible', 'Power failure',
    'Bad system call')
_IGNORED_BY_DEFAULT = frozenset((17, 18, 19, 20, 21, 22, 23, 28))
_handlers = {2: default_int_handler, 13: SIG_IGN, 25: SIG_IGN}


def _signum(signalnum):
    signalnum = int(signalnum.__index__())
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")
    return signalnum


def _enum(cls, value):
    # ints become enum members where they are one (Lib/signal.py's _int_to_enum)
    if not isinstance(value, int):
        return value
    try:
        return cls(value)
    except ValueError:
        return value


def signal(signalnum, handler):
    import threading
    if threading.current_thread() is not threading.main_thread():
        raise ValueError("signal only works in main thread of the main interpreter")
    signalnum = _signum(signalnum)
    if not callable(handler) and handler != SIG_IGN and handler != SIG_DFL:
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, "
                        "or a callable object")
    if signalnum in (9, 19) or signalnum in (32, 33):
        raise OSError(22, 'Invalid argument')
    old = getsignal(signalnum)
    _handlers[signalnum] = handler
    return old


def getsignal(signalnum):
    return _enum(Handlers, _handlers.get(_signum(signalnum), SIG_DFL))


def strsignal(signalnum):
    signalnum = _signum(signalnum)
    if signalnum < len(_DESCRIPTIONS):
        return _DESCRIPTIONS[signalnum]
    if signalnum in (32, 33):
        return None
    return f'Real-time signal {signalnum - 34}'


def valid_signals():
    return {_enum(Signals, n) for n in range(1, NSIG) if n not in (32, 33)}


def raise_signal(signalnum):
    signalnum = int(signalnum.__index__())
    if not 0 <= signalnum < NSIG:
        raise OSError(22, 'Invalid argument')
    if signalnum == 0:
        return
    handler = _handlers.get(signalnum, SIG_DFL)
    if callable(handler):
        handler(signalnum, None)
    elif handler == SIG_DFL and signalnum not in _IGNORED_BY_DEFAULT:
        _signal._die(signalnum)


del _IntEnum
