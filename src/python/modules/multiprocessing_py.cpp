// multiprocessing's Python half: Process, queues, pipes, locks, Value/Array, contexts (our own
// code after CPython 3.11's Lib/multiprocessing API and messages). Pool and Manager are in
// multiprocessing_pool_py.cpp. Every child is a fresh interpreter (multiprocessing_child.hpp).
#include "python/modules/multiprocessing_sources.hpp"

namespace interleave::python {

const char* const kMultiprocessingSource = R"PY(
import _mp

_BOOTSTRAP_MSG = '''
        An attempt has been made to start a new process before the
        current process has finished its bootstrapping phase.

        This probably means that you are not using fork to start your
        child processes and you have forgotten to use the proper idiom
        in the main module:

            if __name__ == '__main__':
                freeze_support()
                ...

        The "freeze_support()" line can be omitted if the program
        is not going to be frozen to produce an executable.

        To fix this issue, refer to the "Safe importing of main module"
        section in https://docs.python.org/3/library/multiprocessing.html
        '''

class _ForkPoint(BaseException):
    # Raised by start() in a child that re-runs the program for an emulated fork: the re-run
    # stops there and the child takes the parent's globals (multiprocessing_child.hpp).
    pass

class _Discard:
    # sys.stdout during that re-run: a forked child does not print the parent's output again.
    def write(self, s):
        return len(s)

    def flush(self):
        pass

class ProcessError(Exception):
    pass

class BufferTooShort(ProcessError):
    __module__ = 'multiprocessing.context'

class TimeoutError(ProcessError):
    __module__ = 'multiprocessing.context'

class AuthenticationError(ProcessError):
    __module__ = 'multiprocessing.context'

_SIGNAMES = {-15: 'SIGTERM', -9: 'SIGKILL', -2: 'SIGINT', -1: 'SIGHUP'}

def _queue_errors():
    try:
        import queue
        return queue.Empty, queue.Full
    except ImportError:
        return _Empty, _Full

class _Empty(Exception):
    __module__ = '_queue'

class _Full(Exception):
    __module__ = 'queue'


class _MainProcess:
    def __init__(self):
        self._name = 'MainProcess'
        self.daemon = False
        self._parent_pid = None
        self.pid = _mp.getpid()
        self.ident = self.pid
        self.exitcode = None
    @property
    def name(self):
        return self._name
    @name.setter
    def name(self, value):
        self._name = value
    def is_alive(self):
        return True
    def __repr__(self):
        return "<_MainProcess name=%r parent=None started>" % self._name


class _ParentProcess:
    def __init__(self, name, pid):
        self.name = name
        self.pid = pid
        self.ident = pid
        self.daemon = False
    def is_alive(self):
        return True
    def __repr__(self):
        return '<_ParentProcess name=%r parent=None unknown>' % self.name


_current = _MainProcess()
_parent = None
_children = []


def current_process():
    return _current


def parent_process():
    return _parent


def active_children():
    alive = [p for p in _children if p.is_alive()]
    _children[:] = alive
    return list(alive)


def cpu_count():
    return _mp.cpu_count()


class Process:
    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={}, *, daemon=None):
        assert group is None, 'group argument must be None for now'
        self._handle = _mp.process()
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name if name is not None else self._default_name()
        self._daemon = _current.daemon if daemon is None else daemon
        self._parent_pid = _mp.getpid()
        self._parent_name = _current.name
        self._started = False
        self._closed = False
        self._pid = None
        self._notify = None

    def _default_name(self):
        n = _mp.p_name(self._handle)
        return type(self).__name__ + n[n.rfind('-'):]

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        assert isinstance(value, str), 'name must be a string'
        self._name = value

    @property
    def daemon(self):
        return self._daemon

    @daemon.setter
    def daemon(self, value):
        assert not self._started, 'process has already started'
        self._daemon = value

    @property
    def pid(self):
        if self is _current:
            return _mp.getpid()
        self._check_closed()
        return self._pid

    ident = pid

    @property
    def exitcode(self):
        self._check_closed()
        if not self._started or self is _current:
            return None
        return _mp.p_exitcode(self._handle)

    @property
    def authkey(self):
        return b'interleave'

    @property
    def sentinel(self):
        raise ValueError('process not started')

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert not self._started, 'cannot start a process twice'
        assert self._parent_pid == _mp.getpid(), 'can only start a process object created by current process'
        assert not _current.daemon, 'daemonic processes are not allowed to have children'
        if _mp._inheriting:
            if _mp._inheriting == 'fork':
                raise _ForkPoint
            raise RuntimeError(_BOOTSTRAP_MSG)
        _mp.p_name(self._handle, self._name)
        _mp.p_daemon(self._handle, bool(self._daemon))
        fork = (self._start_method or get_start_method()) == 'fork'
        notify = self._notify or (None, None)
        _mp.p_start(self._handle, self, notify[0], notify[1], fork)
        self._started = True
        self._pid = _mp.p_pid(self._handle)
        active_children()
        _children.append(self)

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == _mp.getpid(), 'can only join a child process'
        assert self._started, 'can only join a started process'
        if _mp.p_join(self._handle, timeout) and self in _children:
            _children.remove(self)

    def is_alive(self):
        self._check_closed()
        if self is _current:
            return True
        if not self._started:
            return False
        return _mp.p_alive(self._handle)

    def terminate(self):
        self._check_closed()
        if self._started or self is _current:
            _mp.p_signal(self._handle, 15)

    def kill(self):
        self._check_closed()
        if self._started or self is _current:
            _mp.p_signal(self._handle, 9)

    def close(self):
        if self._started and _mp.p_alive(self._handle):
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    def __repr__(self):
        exitcode = None
        if self is _current:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif not self._started:
            status = 'initial'
        else:
            exitcode = _mp.p_exitcode(self._handle)
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._started and self is not _current:
            info.append('pid=%s' % self._pid)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % _SIGNAMES.get(exitcode, exitcode))
        if self._daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)


def _bootstrap(proc):
    # The child's side of start(), as CPython 3.11's BaseProcess._bootstrap.
    global _current, _parent
    _children[:] = []
    _parent = _ParentProcess(proc._parent_name, proc._parent_pid)
    _current = proc
    try:
        proc.run()
        exitcode = 0
    except SystemExit as e:
        if e.code is None:
            exitcode = 0
        elif isinstance(e.code, int):
            exitcode = e.code
        else:
            _mp.write_err(str(e.code) + '\n')
            exitcode = 1
    except BaseException as e:
        exitcode = 1
        _mp.write_err('Process %s:\n' % proc.name + _mp.format_exc(e))
    for p in active_children():
        if p.daemon:
            p.terminate()
    for p in active_children():
        p.join()
    return exitcode


class Queue:
    __module__ = 'multiprocessing.queues'

    def __init__(self, maxsize=0, *, ctx=None):
        self._maxsize = maxsize if maxsize > 0 else 2147483647
        self._h = _mp.channel(maxsize if maxsize > 0 else 0)
        self._closed = False

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        if not _mp.put(self._h, obj, block, timeout):
            raise _queue_errors()[1]

    def get(self, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        ok, obj = _mp.get(self._h, block, timeout)
        if not ok:
            raise _queue_errors()[0]
        return obj

    def put_nowait(self, obj):
        return self.put(obj, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return _mp.qsize(self._h)

    def empty(self):
        return _mp.qsize(self._h) == 0

    def full(self):
        return _mp.qsize(self._h) >= self._maxsize

    def close(self):
        self._closed = True

    def join_thread(self):
        assert self._closed, "Queue {0!r} not closed".format(self)

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):
    __module__ = 'multiprocessing.queues'

    def __init__(self, maxsize=0, *, ctx=None):
        Queue.__init__(self, maxsize)
        self._unfinished = _mp.memory('i', 1)
        self._cond = _mp.sync('Condition')

    def put(self, obj, block=True, timeout=None):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")
        _mp.acquire(self._cond)
        try:
            _mp.mem_set(self._unfinished, 0, _mp.mem_get(self._unfinished, 0) + 1)
        finally:
            _mp.release(self._cond)
        if not _mp.put(self._h, obj, block, timeout):
            _mp.acquire(self._cond)
            _mp.mem_set(self._unfinished, 0, _mp.mem_get(self._unfinished, 0) - 1)
            _mp.release(self._cond)
            raise _queue_errors()[1]

    def task_done(self):
        _mp.acquire(self._cond)
        try:
            n = _mp.mem_get(self._unfinished, 0)
            if n <= 0:
                raise ValueError('task_done() called too many times')
            _mp.mem_set(self._unfinished, 0, n - 1)
            if n == 1:
                _mp.cond(self._cond, 'notify_all')
        finally:
            _mp.release(self._cond)

    def join(self):
        _mp.acquire(self._cond)
        try:
            while _mp.mem_get(self._unfinished, 0) > 0:
                _mp.cond(self._cond, 'wait', None)
        finally:
            _mp.release(self._cond)


class SimpleQueue(Queue):
    __module__ = 'multiprocessing.queues'

    def __init__(self, *, ctx=None):
        Queue.__init__(self, 0)


class Connection:
    __module__ = 'multiprocessing.connection'

    def __init__(self, rh, wh):
        self._rh = rh
        self._wh = wh
        self._closed = False
        if wh is not None:
            _mp.writers(wh, 1)

    def __setstate__(self, state):
        # A copy in another process: one more writer, as a duplicated file descriptor.
        for k, v in state.items():
            setattr(self, k, v)
        if self._wh is not None and not self._closed:
            _mp.writers(self._wh, 1)

    @property
    def readable(self):
        return self._rh is not None

    @property
    def writable(self):
        return self._wh is not None

    @property
    def closed(self):
        return self._closed

    def _check(self):
        if self._closed:
            raise OSError("handle is closed")

    def send(self, obj):
        self._check()
        if self._wh is None:
            raise OSError("connection is read-only")
        _mp.put(self._wh, obj)

    def recv(self):
        self._check()
        if self._rh is None:
            raise OSError("connection is write-only")
        return _mp.get(self._rh)[1]

    def send_bytes(self, buf, offset=0, size=None):
        data = bytes(buf)
        if size is None:
            size = len(data) - offset
        self.send(data[offset:offset + size])

    def recv_bytes(self, maxlength=None):
        return self.recv()

    def poll(self, timeout=0.0):
        self._check()
        if self._rh is None:
            raise OSError("connection is write-only")
        return _mp.poll(self._rh, timeout)

    def close(self):
        if not self._closed:
            self._closed = True
            if self._wh is not None:
                _mp.writers(self._wh, -1)

    def fileno(self):
        self._check()
        return 3

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def Pipe(duplex=True):
    a = _mp.channel(0)
    if not duplex:
        return Connection(a, None), Connection(None, a)
    b = _mp.channel(0)
    return Connection(a, b), Connection(b, a)


class _LockBase:
    __module__ = 'multiprocessing.synchronize'
    _kind = 'Lock'

    def __init__(self, *, ctx=None):
        self._h = _mp.sync(self._kind)

    def acquire(self, block=True, timeout=None):
        return _mp.acquire(self._h, block, timeout)

    def release(self):
        _mp.release(self._h)

    def __enter__(self):
        return _mp.acquire(self._h)

    def __exit__(self, *exc):
        _mp.release(self._h)


class Lock(_LockBase):
    __module__ = 'multiprocessing.synchronize'
    _kind = 'Lock'

    def __repr__(self):
        return '<Lock(owner=%s)>' % ('None' if _mp.sem_value(self._h) else 'SomeOtherProcess')


class RLock(_LockBase):
    __module__ = 'multiprocessing.synchronize'
    _kind = 'RLock'

    def __repr__(self):
        return '<RLock(None, 0)>'


class Semaphore(_LockBase):
    __module__ = 'multiprocessing.synchronize'
    _kind = 'Semaphore'

    def __init__(self, value=1, *, ctx=None):
        self._h = _mp.sync(self._kind, value)

    def get_value(self):
        return _mp.sem_value(self._h)

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, _mp.sem_value(self._h))


class BoundedSemaphore(Semaphore):
    __module__ = 'multiprocessing.synchronize'
    _kind = 'BoundedSemaphore'


class Condition:
    __module__ = 'multiprocessing.synchronize'

    def __init__(self, lock=None, *, ctx=None):
        self._h = _mp.sync('Condition')

    def acquire(self, block=True, timeout=None):
        return _mp.acquire(self._h, block, timeout)

    def release(self):
        _mp.release(self._h)

    def __enter__(self):
        return _mp.acquire(self._h)

    def __exit__(self, *exc):
        _mp.release(self._h)

    def wait(self, timeout=None):
        return _mp.cond(self._h, 'wait', timeout)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        import time
        end = None if timeout is None else time.monotonic() + timeout
        while not result:
            left = None if end is None else end - time.monotonic()
            if left is not None and left <= 0:
                break
            self.wait(left)
            result = predicate()
        return result

    def notify(self, n=1):
        _mp.cond(self._h, 'notify', n)

    def notify_all(self):
        _mp.cond(self._h, 'notify_all')


class Event:
    __module__ = 'multiprocessing.synchronize'

    def __init__(self, *, ctx=None):
        self._h = _mp.sync('Event')

    def is_set(self):
        return _mp.event(self._h, 'is_set')

    def set(self):
        _mp.event(self._h, 'set')

    def clear(self):
        _mp.event(self._h, 'clear')

    def wait(self, timeout=None):
        return _mp.event(self._h, 'wait', timeout)

    def __repr__(self):
        return '<Event at %#x %s>' % (id(self), 'set' if self.is_set() else 'unset')
)PY"
#include "python/modules/multiprocessing_py_shared.inc"
    ;

}  // namespace interleave::python
