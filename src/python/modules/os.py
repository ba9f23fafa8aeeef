# os for the playground's interpreter: getpid/getppid/cpu_count/_exit come from the run
# (the module posix, os.cpp);
# the rest is what programs use without touching the host: sep/linesep/name, os.path (pure
# string functions, as CPython's posixpath), an empty environ. Files, directories and processes
# are not offered: those functions raise OSError naming what the playground lacks.

import sys as _sys
import posixpath as path
from posix import _exit, cpu_count, getpid, getppid

_sys.modules['os.path'] = path

name = 'posix'
sep = '/'
altsep = None
extsep = '.'
pathsep = ':'
linesep = '\n'
curdir = '.'
pardir = '..'
devnull = '/dev/null'
environ = {}
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2


def getenv(key, default=None):
    return environ.get(key, default)


def _no_files(what):
    def refuse(*args, **kwargs):
        raise OSError(f"os.{what}: the playground has no files or other programs")
    refuse.__name__ = what
    return refuse


for _name in ('listdir', 'mkdir', 'makedirs', 'remove', 'unlink', 'rmdir', 'rename', 'stat',
              'chdir', 'system', 'popen', 'walk', 'scandir', 'open', 'fork', 'execv'):
    globals()[_name] = _no_files(_name)
del _name


def kill(pid, sig):
    # A signal to itself is delivered (signal.py); other processes are out of reach.
    if pid == getpid():
        import signal
        signal.raise_signal(sig)
        return
    raise OSError("os.kill: the playground has no files or other programs")


def getcwd():
    return '/'


def urandom(n):
    import random
    return random.randbytes(n)


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    raise TypeError(f"expected str, bytes or os.PathLike object, not {type(p).__name__}")
