// threading (CPython 3.11's Lib/threading.py, the playground's part): Python source over
// _thread (modules/_thread.cpp), written for the playground with CPython's semantics, names,
// reprs and error messages. Every blocking call ends in a _thread.lock acquire or a thread
// handle's join: engine waits (GIL released, traced, stoppable, deadlock-visible).
//
//   ✓ Thread (target/args/kwargs/name/daemon, run() overrides, "Thread-N (target)" names,
//     start twice, join(timeout), is_alive, ident, native_id, repr), current_thread,
//     main_thread, active_count, enumerate, get_ident, get_native_id, Lock, RLock, Condition
//     (wait, wait_for, notify, notify_all), Semaphore, BoundedSemaphore, Event, Barrier
//     (action, timeout, reset, abort, BrokenBarrierError), Timer, local, excepthook
//     ("Exception in thread NAME:" + traceback on stderr), __excepthook__, ExceptHookArgs,
//     TIMEOUT_MAX, ThreadError; interpreter shutdown runs the _register_atexit callbacks
//     (concurrent.futures' pools) and joins non-daemon threads (_shutdown)
//   ✗ settrace/setprofile, stack_size beyond _thread's, deprecation warnings of the camelCase
//     aliases (the aliases work), _DummyThread's join
#include "python/builtins/builtins.hpp"
#include "python/modules/module_def.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

extern const char* const kThreadingSource;

// Interpreter shutdown (CPython's Py_FinalizeEx -> threading._shutdown): joins every
// non-daemon thread, if the program imported threading. Stopped or failing: returns quietly.
void wait_for_threads(ThreadState& ts) {
    if (ts.stopped || !ts.interp.modules) return;
    Value mod = dict_lookup_view(ts.interp.modules, "threading");
    if (mod.is_null() || !mod.is_ptr() || !is_type(mod, &module_type)) return;
    Value fn = dict_lookup_view(mod.as<Module>()->dict, "_shutdown");
    if (fn.is_null()) return;
    Value r = call0(ts, fn);
    if (r.is_null() && !ts.stopped) {
        Value exc = fetch_exc(ts);
        (void)exc;  // a failing shutdown hook must not change the program's exit status
    }
}

bool init_threading(ThreadState&, Module*) {
    return true;
}

const char* const kThreadingSource = R"PY(
import _thread
import sys as _sys
from time import monotonic as _time

__all__ = ['get_ident', 'active_count', 'Condition', 'current_thread', 'enumerate',
           'main_thread', 'TIMEOUT_MAX', 'Event', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Thread', 'Barrier', 'BrokenBarrierError', 'Timer',
           'ThreadError', 'setprofile', 'settrace', 'local', 'stack_size', 'excepthook',
           'ExceptHookArgs', 'gettrace', 'getprofile', 'get_native_id']

_start_thread = _thread._start
_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_native_id
ThreadError = _thread.error
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
Lock = _allocate_lock


def settrace(func):
    raise NotImplementedError("threading.settrace is not available in the playground")


def setprofile(func):
    raise NotImplementedError("threading.setprofile is not available in the playground")


def gettrace():
    return None


def getprofile():
    return None


def RLock(*args, **kwargs):
    return _RLock(*args, **kwargs)


class _RLock:
    def __init__(self):
        self._block = _allocate_lock()
        self._owner = None
        self._count = 0

    def __repr__(self):
        owner = self._owner
        return "<%s _thread.RLock object owner=%r count=%d at %s>" % (
            "locked" if self._block.locked() else "unlocked",
            0 if owner is None else owner, self._count, hex(id(self)))

    def acquire(self, blocking=True, timeout=-1):
        me = get_ident()
        if self._owner == me:
            self._count += 1
            return True
        rc = self._block.acquire(blocking, timeout)
        if rc:
            self._owner = me
            self._count = 1
        return rc

    __enter__ = acquire

    def release(self):
        if self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count = count = self._count - 1
        if not count:
            self._owner = None
            self._block.release()

    def __exit__(self, t, v, tb):
        self.release()

    def _acquire_restore(self, state):
        self._block.acquire()
        self._count, self._owner = state

    def _release_save(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        count = self._count
        self._count = 0
        owner = self._owner
        self._owner = None
        self._block.release()
        return (count, owner)

    def _is_owned(self):
        return self._owner == get_ident()

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle '_thread.RLock' object")


# What RLock() returns is CPython's C type _thread.RLock: type(r) shows that name.
_RLock.__name__ = _RLock.__qualname__ = "RLock"
_RLock.__module__ = "_thread"


class Condition:
    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        try:
            self._release_save = lock._release_save
        except AttributeError:
            pass
        try:
            self._acquire_restore = lock._acquire_restore
        except AttributeError:
            pass
        try:
            self._is_owned = lock._is_owned
        except AttributeError:
            pass
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, x):
        self._lock.acquire()

    def _is_owned(self):
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        waiters = self._waiters
        while waiters and n > 0:
            waiter = waiters[0]
            try:
                waiter.release()
            except RuntimeError:
                pass
            else:
                n -= 1
            try:
                waiters.remove(waiter)
            except ValueError:
                pass

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}>")

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            self._value += n
            for i in range(n):
                self._cond.notify()

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        Semaphore.__init__(self, value)
        self._initial_value = value

    def __repr__(self):
        cls = self.__class__
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" value={self._value}/{self._initial_value}>")

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            for i in range(n):
                self._cond.notify()


class Event:
    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def __repr__(self):
        cls = self.__class__
        status = 'set' if self._flag else 'unset'
        return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {status}>"

    def is_set(self):
        return self._flag

    isSet = is_set

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    def __init__(self, parties, action=None, timeout=None):
        # CPython 3.11 accepts any parties (asyncio.Barrier is the one that checks).
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0  # 0 filling, 1 draining, -1 resetting, -2 broken
        self._count = 0

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2


_counter = 0


def _newname(name_template):
    global _counter
    _counter += 1
    return name_template % _counter


_active_limbo_lock = RLock()
_active = {}
_limbo = {}


class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread

    def __iter__(self):
        return iter((self.exc_type, self.exc_value, self.exc_traceback, self.thread))

    def __repr__(self):
        return (f"_thread._ExceptHookArgs(exc_type={self.exc_type!r}, "
                f"exc_value={self.exc_value!r}, exc_traceback={self.exc_traceback!r}, "
                f"thread={self.thread!r})")


def excepthook(args, /):
    if args.exc_type == SystemExit:
        return
    if args.thread is not None:
        name = args.thread.name
    else:
        name = get_ident()
    stderr = _sys.stderr
    print(f"Exception in thread {name}:", file=stderr, flush=True)
    if args.exc_value is not None:
        stderr.write(_thread._format_exception(args.exc_value))
    stderr.flush()


__excepthook__ = excepthook


def _invoke_excepthook(thread, exc):
    args = ExceptHookArgs(type(exc), exc, exc.__traceback__, thread)
    try:
        excepthook(args)
    except BaseException as hook_exc:
        hook_exc.__suppress_context__ = True
        print("Exception in threading.excepthook:", file=_sys.stderr, flush=True)
        _sys.stderr.write(_thread._format_exception(hook_exc))
        _sys.stderr.flush()


class Thread:
    _initialized = False

    def __init__(self, group=None, target=None, name=None,
                 args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        if name:
            name = str(name)
        else:
            name = _newname("Thread-%d")
            if target is not None:
                try:
                    target_name = target.__name__
                    name += f" ({target_name})"
                except AttributeError:
                    pass
        self._target = target
        self._name = name
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._native_id = None
        self._handle = None
        self._started = Event()
        self._is_stopped = False
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        self.is_alive()
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            self._handle = _start_thread(self._bootstrap, self._name, self._daemonic, self)
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        try:
            self._ident = get_ident()
            self._native_id = get_native_id()
            self._started.set()
            with _active_limbo_lock:
                _active[self._ident] = self
                del _limbo[self]
            try:
                self.run()
            except BaseException as exc:
                _invoke_excepthook(self, exc)
        finally:
            with _active_limbo_lock:
                try:
                    del _active[get_ident()]
                except KeyError:
                    pass

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._handle is None:
            return
        if self._handle.join(timeout):
            self._is_stopped = True

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._native_id

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        if self._is_stopped or not self._started.is_set():
            return False
        if self._handle is None or self._handle.is_alive():
            return True
        self._is_stopped = True
        return False

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        return self.daemon

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name


class Timer(Thread):
    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = _thread._main_ident()
        self._native_id = get_native_id() if self._ident == get_ident() else None
        with _active_limbo_lock:
            _active[self._ident] = self


class _DummyThread(Thread):
    def __init__(self):
        Thread.__init__(self, name=_newname("Dummy-%d"), daemon=True)
        self._started.set()
        self._ident = get_ident()
        self._native_id = get_native_id()
        with _active_limbo_lock:
            _active[self._ident] = self

    def is_alive(self):
        return not self._is_stopped

    def join(self, timeout=None):
        assert False, "cannot join a dummy thread"


def current_thread():
    with _active_limbo_lock:
        thread = _active.get(get_ident())
    if thread is None:
        return _DummyThread()
    return thread


currentThread = current_thread


def active_count():
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


activeCount = active_count


def _enumerate():
    return list(_active.values()) + list(_limbo.values())


def enumerate():
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


def main_thread():
    return _main_thread


_threading_atexits = []
_SHUTTING_DOWN = False


def _register_atexit(func, *arg, **kwargs):
    # As CPython: func(*arg, **kwargs) runs at interpreter exit before the threads are joined
    # (concurrent.futures wakes its pools' workers this way), the last registered first.
    if _SHUTTING_DOWN:
        raise RuntimeError("can't register atexit after shutdown")
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    global _SHUTTING_DOWN
    if _main_thread._is_stopped:
        return
    _SHUTTING_DOWN = True
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    if _main_thread.ident == get_ident():
        _main_thread._is_stopped = True
    while True:
        with _active_limbo_lock:
            pending = [t for t in _enumerate()
                       if not t.daemon and t._handle is not None and t is not _main_thread]
        pending = [t for t in pending if t.is_alive()]
        if not pending:
            break
        for t in pending:
            t.join()


def _local_dict(self):
    dicts = object.__getattribute__(self, '_local__dicts')
    key = get_ident()
    d = dicts.get(key)
    if d is None:
        d = {}
        dicts[key] = d
        args, kw = object.__getattribute__(self, '_local__args')
        init = type(self).__init__
        if init is not object.__init__:
            init(self, *args, **kw)
    return d


class local:
    def __new__(cls, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        object.__setattr__(self, '_local__args', (args, kw))
        object.__setattr__(self, '_local__dicts', {get_ident(): {}})
        return self

    def __getattribute__(self, name):
        d = _local_dict(self)
        if name == '__dict__':
            return d
        if name in d:
            return d[name]
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % self.__class__.__name__)
        _local_dict(self)[name] = value

    def __delattr__(self, name):
        if name == '__dict__':
            raise AttributeError(
                "%r object attribute '__dict__' is read-only" % self.__class__.__name__)
        d = _local_dict(self)
        try:
            del d[name]
        except KeyError:
            raise AttributeError(
                f"'{type(self).__name__}' object has no attribute '{name}'") from None


_main_thread = _MainThread()
)PY";

}  // namespace interleave::python
