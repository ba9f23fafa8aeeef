// concurrent.futures in Python (our own code after CPython 3.11's Lib/concurrent/futures API,
// reprs and messages): Future, wait, as_completed, ProcessPoolExecutor. A process pool's
// workers are processes reading pickled (work id, fn, args, kwargs) from a channel; results and
// the workers' exit notices come back on another channel, read whenever the parent waits on a
// future (no helper threads). A worker that dies breaks the pool (BrokenProcessPool).
#include "python/modules/multiprocessing_sources.hpp"

namespace interleave::python {

const char* const kConcurrentFuturesSource = R"PY(
import _mp

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_STATE_TO_DESCRIPTION_MAP = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

class Error(Exception):
    __module__ = 'concurrent.futures._base'

class CancelledError(Error):
    __module__ = 'concurrent.futures._base'

TimeoutError = TimeoutError

class InvalidStateError(Error):
    __module__ = 'concurrent.futures._base'

class BrokenExecutor(RuntimeError):
    __module__ = 'concurrent.futures._base'


class Future:
    __module__ = 'concurrent.futures._base'

    def __init__(self):
        self._state = PENDING
        self._result = None
        self._exception = None
        self._done_callbacks = []
        self._pump = None

    def __repr__(self):
        if self._state == FINISHED:
            if self._exception:
                return '<%s at %#x state=%s raised %s>' % (
                    self.__class__.__name__, id(self), _STATE_TO_DESCRIPTION_MAP[self._state],
                    self._exception.__class__.__name__)
            return '<%s at %#x state=%s returned %s>' % (
                self.__class__.__name__, id(self), _STATE_TO_DESCRIPTION_MAP[self._state],
                self._result.__class__.__name__)
        return '<%s at %#x state=%s>' % (
            self.__class__.__name__, id(self), _STATE_TO_DESCRIPTION_MAP[self._state])

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as e:
                _mp.write_err('exception calling callback for %r\n' % self + _mp.format_exc(e))

    def cancel(self):
        if self._state in [RUNNING, FINISHED]:
            return False
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            return True
        self._state = CANCELLED
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]

    def running(self):
        return self._state == RUNNING

    def done(self):
        return self._state in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]

    def _wait(self, timeout):
        if self.done():
            return True
        if self._pump is None:
            return False
        if timeout is None:
            while not self.done():
                self._pump(None)
            return True
        import time
        end = time.monotonic() + timeout
        while not self.done():
            left = end - time.monotonic()
            if left <= 0 or not self._pump(left):
                break
        return self.done()

    def __get_result(self):
        if self._exception:
            raise self._exception
        return self._result

    def result(self, timeout=None):
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            raise CancelledError()
        if self._state == FINISHED:
            return self.__get_result()
        self._wait(timeout)
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            raise CancelledError()
        if self._state == FINISHED:
            return self.__get_result()
        raise TimeoutError()

    def exception(self, timeout=None):
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            raise CancelledError()
        if self._state == FINISHED:
            return self._exception
        self._wait(timeout)
        if self._state in [CANCELLED, CANCELLED_AND_NOTIFIED]:
            raise CancelledError()
        if self._state == FINISHED:
            return self._exception
        raise TimeoutError()

    def add_done_callback(self, fn):
        if self._state not in [CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED]:
            self._done_callbacks.append(fn)
            return
        try:
            fn(self)
        except Exception as e:
            _mp.write_err('exception calling callback for %r\n' % self + _mp.format_exc(e))

    def set_running_or_notify_cancel(self):
        if self._state == CANCELLED:
            self._state = CANCELLED_AND_NOTIFIED
            return False
        if self._state == PENDING:
            self._state = RUNNING
            return True
        raise RuntimeError('Future in unexpected state')

    def set_result(self, result):
        if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._result = result
        self._state = FINISHED
        self._invoke_callbacks()

    def set_exception(self, exception):
        if self._state in {CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED}:
            raise InvalidStateError('{}: {!r}'.format(self._state, self))
        self._exception = exception
        self._state = FINISHED
        self._invoke_callbacks()


def _pump_any(fs, timeout):
    for f in fs:
        if f._pump is not None and not f.done():
            return f._pump(timeout)
    return False


def as_completed(fs, timeout=None):
    import time
    end = None if timeout is None else time.monotonic() + timeout
    fs = list(dict.fromkeys(fs))
    total = len(fs)
    pending = []
    for f in fs:
        if f.done():
            yield f
        else:
            pending.append(f)
    while pending:
        left = None if end is None else end - time.monotonic()
        if left is not None and left <= 0:
            raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
        if not _pump_any(pending, left) and left is not None:
            if end - time.monotonic() <= 0:
                raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
        still = []
        for f in pending:
            if f.done():
                yield f
            else:
                still.append(f)
        pending = still


class DoneAndNotDoneFutures(tuple):
    __module__ = 'concurrent.futures._base'

    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    @property
    def done(self):
        return self[0]

    @property
    def not_done(self):
        return self[1]

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % (self[0], self[1])


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    import time
    fs = set(fs)
    end = None if timeout is None else time.monotonic() + timeout
    while True:
        done = set(f for f in fs if f.done())
        not_done = fs - done
        if not not_done:
            break
        if return_when == FIRST_COMPLETED and done:
            break
        if return_when == FIRST_EXCEPTION and any(
                not f.cancelled() and f._exception is not None for f in done):
            break
        left = None if end is None else end - time.monotonic()
        if left is not None and left <= 0:
            break
        if not _pump_any(not_done, left) and left is None:
            break
    return DoneAndNotDoneFutures(done, not_done)


class Executor:
    __module__ = 'concurrent.futures._base'

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        import time
        end = None if timeout is None else time.monotonic() + timeout
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if end is None:
                        yield fs.pop().result()
                    else:
                        yield fs.pop().result(end - time.monotonic())
            finally:
                for f in fs:
                    f.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


from concurrent.futures.process import ProcessPoolExecutor
from concurrent.futures.thread import ThreadPoolExecutor
)PY";

const char* const kConcurrentFuturesProcessSource = R"PY(
import _mp
import multiprocessing as _m
from concurrent.futures import Future, Executor, BrokenExecutor

class BrokenProcessPool(BrokenExecutor):
    pass

_BROKEN = ('A process in the process pool was terminated abruptly '
           'while the future was running or pending.')


def _process_worker(tasks, results, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as e:
            _mp.write_err('Exception in initializer:\n' + _mp.format_exc(e))
            return 1
    while True:
        task = _mp.get(tasks)[1]
        if task is None:
            return
        work_id, fn, args, kwargs = task
        try:
            r = (work_id, True, fn(*args, **kwargs))
        except BaseException as e:
            r = (work_id, False, e)
        try:
            _mp.put(results, r)
        except BaseException as e:
            _mp.put(results, (work_id, False, e))


class _ExitWorker(Exception):
    pass


def _worker_main(tasks, results, initializer, initargs):
    code = _process_worker(tasks, results, initializer, initargs)
    if code:
        raise SystemExit(code)


class ProcessPoolExecutor(Executor):
    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(), *,
                 max_tasks_per_child=None):
        if max_workers is None:
            self._max_workers = _m.cpu_count() or 1
        else:
            if max_workers <= 0:
                raise ValueError("max_workers must be greater than 0")
            self._max_workers = max_workers
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._mp_context = mp_context or _m.get_context()
        self._initializer = initializer
        self._initargs = initargs
        self._processes = []
        self._pending = {}
        self._work_ids = 0
        self._broken = False
        self._shutdown_thread = False
        self._tasks = None
        self._results = None

    def _start_workers(self):
        self._tasks = _mp.channel(0)
        self._results = _mp.channel(0)
        for i in range(self._max_workers):
            p = self._mp_context.Process(
                target=_worker_main,
                args=(self._tasks, self._results, self._initializer, self._initargs))
            p.daemon = True
            p._notify = (self._results, ('#exit', i))
            p.start()
            self._processes.append(p)

    def _pump(self, timeout):
        if self._results is None:
            return False
        ok, msg = _mp.get(self._results, True, timeout)
        if not ok:
            return False
        if len(msg) == 2:
            token, clean = msg
            if not clean and not self._broken and not self._shutdown_thread:
                self._set_broken(_BROKEN)
            elif not clean and self._pending:
                self._set_broken(_BROKEN)
            return True
        work_id, ok, value = msg
        f = self._pending.pop(work_id, None)
        if f is not None and not f.done():
            if ok:
                f.set_result(value)
            else:
                f.set_exception(value)
        return True

    def _set_broken(self, why):
        self._broken = why
        pending = self._pending
        self._pending = {}
        for f in pending.values():
            if not f.done():
                f.set_exception(BrokenProcessPool(why))
        for p in self._processes:
            p.terminate()

    def submit(self, fn, /, *args, **kwargs):
        if self._broken:
            raise BrokenProcessPool(self._broken)
        if self._shutdown_thread:
            raise RuntimeError('cannot schedule new futures after shutdown')
        if self._tasks is None:
            self._start_workers()
        f = Future()
        f._pump = self._pump
        self._work_ids += 1
        self._pending[self._work_ids] = f
        try:
            _mp.put(self._tasks, (self._work_ids, fn, args, kwargs))
        except Exception as e:
            del self._pending[self._work_ids]
            f.set_exception(e)
            return f
        return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        if cancel_futures:
            for f in list(self._pending.values()):
                f.cancel()
        if not self._shutdown_thread:
            self._shutdown_thread = True
            if self._tasks is not None and not self._broken:
                for p in self._processes:
                    _mp.put(self._tasks, None)
        if wait:
            while self._pending and not self._broken:
                self._pump(None)
            for p in self._processes:
                p.join()
)PY";

// ThreadPoolExecutor needs Python threads (the threading work in progress): until then a clear
// error at construction.
const char* const kConcurrentFuturesThreadSource = R"PY(
from concurrent.futures import Executor, BrokenExecutor

class BrokenThreadPool(BrokenExecutor):
    pass

class ThreadPoolExecutor(Executor):
    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        raise NotImplementedError("ThreadPoolExecutor needs Python threads, which the "
                                  "playground's interpreter does not offer yet")
)PY";

}  // namespace interleave::python
