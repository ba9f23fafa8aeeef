# concurrent.futures.process (CPython 3.11's Lib/concurrent/futures/process.py API, reprs and
# messages; written for the playground). Workers are processes (fresh interpreters) reading
# pickled (work id, fn, args, kwargs) from a channel; results and the workers' exit notices come
# back on another channel, read by the pool's manager thread (a non-daemon "Thread-N", as
# CPython's _ExecutorManagerThread), which completes the futures and, once the pool is shut
# down and nothing is pending, stops and joins the workers. A worker that dies breaks the pool
# (BrokenProcessPool). Interpreter exit (threading._register_atexit) lets every pool finish its
# pending work and stop.
#   ✓ ProcessPoolExecutor(max_workers, mp_context, initializer, initargs,
#     max_tasks_per_child checks), submit, map, shutdown(wait, cancel_futures), `with`
#   ✗ all workers start at the first submit; max_tasks_per_child is checked, not applied;
#     cancel_futures cancels the futures but a worker may still run their calls (the results
#     are dropped); no call queue, so a future is never "running"
import _mp
import _thread
import threading
import multiprocessing as _m
from concurrent.futures import _base

_global_shutdown = False
_managers = []  # the pools whose manager thread runs (CPython: _threads_wakeups)


def _python_exit():
    global _global_shutdown
    _global_shutdown = True
    items = list(_managers)
    for executor in items:
        executor._wake()
    for executor in items:
        executor._manager.join()


threading._register_atexit(_python_exit)


class BrokenProcessPool(_base.BrokenExecutor):
    """Raised when a process in a ProcessPoolExecutor terminated abruptly."""


_BROKEN = ('A process in the process pool was terminated abruptly '
           'while the future was running or pending.')


# A call's exception travels with its traceback's text: the parent raises it with a
# _RemoteTraceback as its __cause__, so the report shows where the worker failed (CPython's).
class _RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class _ExceptionWithTraceback:
    def __init__(self, exc, tb):
        tb = _mp.format_exc(exc)
        self.exc = exc
        self.exc.__traceback__ = None
        self.tb = '\n"""\n%s"""' % tb

    def __reduce__(self):
        return _rebuild_exc, (self.exc, self.tb)


def _rebuild_exc(exc, tb):
    exc.__cause__ = _RemoteTraceback(tb)
    return exc


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
            # The call is a task of its own in the worker process ("Task <n>", n from 0 in
            # submit order), as the thread pool's items are.
            r = (work_id, True, _thread._run_task('Task %d' % (work_id - 1), fn, *args, **kwargs))
        except BaseException as e:
            r = (work_id, False, _ExceptionWithTraceback(e, e.__traceback__))
        try:
            _mp.put(results, r)
        except BaseException as e:
            _mp.put(results, (work_id, False, e))


def _worker_main(tasks, results, initializer, initargs):
    code = _process_worker(tasks, results, initializer, initargs)
    if code:
        raise SystemExit(code)


class _ExecutorManagerThread(threading.Thread):
    def __init__(self, executor):
        self.executor = executor
        super().__init__()

    def run(self):
        self.executor._manage()


class ProcessPoolExecutor(_base.Executor):
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
        self._shutdown_lock = threading.Lock()
        self._tasks = None
        self._results = None
        self._manager = None

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
        self._manager = _ExecutorManagerThread(self)
        self._manager.start()
        _managers.append(self)

    def _wake(self):
        _mp.put(self._results, ('#wake',))

    def _manage(self):
        # The manager thread: completes futures as results arrive; ends the pool.
        while True:
            msg = _mp.get(self._results)[1]
            if len(msg) == 3:
                work_id, ok, value = msg
                with self._shutdown_lock:
                    f = self._pending.pop(work_id, None)
                if f is not None and not f.done():
                    try:
                        if ok:
                            f.set_result(value)
                        else:
                            f.set_exception(value)
                    except _base.InvalidStateError:
                        pass  # cancelled meanwhile
            elif len(msg) == 2:
                token, clean = msg
                if not clean and (self._pending or not self._shutdown_thread):
                    self._set_broken(_BROKEN)
            with self._shutdown_lock:
                if self._broken:
                    break
                if (self._shutdown_thread or _global_shutdown) and not self._pending:
                    self._shutdown_thread = True
                    for p in self._processes:
                        _mp.put(self._tasks, None)  # each worker ends at one None
                    break
        for p in self._processes:
            p.join()
        with self._shutdown_lock:
            if self in _managers:
                _managers.remove(self)

    def _set_broken(self, why):
        with self._shutdown_lock:
            self._broken = ('A child process terminated abruptly, the process pool is not '
                            'usable anymore')
            pending = self._pending
            self._pending = {}
        for f in pending.values():
            if not f.done():
                try:
                    f.set_exception(BrokenProcessPool(why))
                except _base.InvalidStateError:
                    pass
        for p in self._processes:
            p.terminate()

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _global_shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            if self._tasks is None:
                self._start_workers()
            f = _base.Future()
            self._work_ids += 1
            work_id = self._work_ids
            self._pending[work_id] = f
        try:
            _mp.put(self._tasks, (work_id, fn, args, kwargs))
        except Exception as e:
            with self._shutdown_lock:
                del self._pending[work_id]
                wake = self._shutdown_thread
            f.set_exception(e)
            if wake:
                self._wake()  # the manager may be waiting only for this one
        return f

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._shutdown_lock:
            if cancel_futures:
                for work_id, f in list(self._pending.items()):
                    if f.cancel():
                        del self._pending[work_id]
            self._shutdown_thread = True
            manager = self._manager
        if manager is not None:
            self._wake()
            if wait:
                manager.join()
