# concurrent.futures.thread, as CPython 3.11's Lib/concurrent/futures/thread.py (written for
# the playground): a work queue (queue.SimpleQueue) read by up to max_workers threads named
# "<prefix>_<n>" (prefix "ThreadPoolExecutor-<k>"), started lazily one per submit while no
# worker is idle (the idle semaphore); interpreter exit (threading._register_atexit) wakes and
# joins every pool's workers, so pending work still runs, as in CPython.
#   ✓ ThreadPoolExecutor(max_workers=min(32, os.cpu_count() + 4), thread_name_prefix,
#     initializer, initargs): submit, map (timeout), shutdown(wait, cancel_futures), `with`,
#     "cannot schedule new futures after shutdown", BrokenThreadPool after a failing
#     initializer ("Exception in initializer:" and its traceback on stderr)
#   ✓ each work item runs as its own task of the run ("Task <n>", n counting the pool's
#     submits from 0), on the worker thread's lane, as the engine's C++ executors trace theirs
#   ✗ no weakref: a pool nobody shuts down keeps its workers until the interpreter exits
#     (CPython wakes them when the executor is collected)
import os
import itertools
import _thread
import queue
import threading
from concurrent.futures import _base

_threads_queues = {}  # worker thread -> its pool's work queue (CPython: a WeakKeyDictionary)
_shutdown = False
# Lock that ensures that new workers are not created while the interpreter is shutting down.
_global_shutdown_lock = threading.Lock()


def _python_exit():
    global _shutdown
    with _global_shutdown_lock:
        _shutdown = True
    items = list(_threads_queues.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


class _WorkItem:
    def __init__(self, future, fn, args, kwargs, task_name='Task'):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.task_name = task_name

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        # The call is a task of its own on this worker's lane (a cancelled item is none).
        _thread._run_task(self.task_name, self._call)

    def _call(self):
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue, initializer, initargs):
    if initializer is not None:
        try:
            initializer(*initargs)
        except BaseException as exc:
            _base._log_exception('Exception in initializer:', exc)
            executor._initializer_failed()
            return
    try:
        while True:
            work_item = work_queue.get(block=True)
            if work_item is not None:
                work_item.run()
                del work_item
                executor._idle_semaphore.release()
                continue
            # Exit if the interpreter is shutting down or the executor was shut down.
            if _shutdown or executor._shutdown:
                executor._shutdown = True
                work_queue.put(None)  # wakes the next worker
                return
    except BaseException as exc:
        _base._log_exception('Exception in worker', exc)


class BrokenThreadPool(_base.BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""


class ThreadPoolExecutor(_base.Executor):
    # Numbers the pools for their threads' names when thread_name_prefix is not given.
    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            # As CPython: cpu_count + 4 (I/O-bound work releases the GIL), at most 32.
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work_queue = queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = (thread_name_prefix or
                                    ("ThreadPoolExecutor-%d" % self._counter()))
        self._initializer = initializer
        self._initargs = initargs
        self._item_counter = itertools.count().__next__  # names the items' tasks

    def submit(self, fn, /, *args, **kwargs):
        """Schedules fn(*args, **kwargs) on a worker thread; returns its Future."""
        with self._shutdown_lock, _global_shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            f = _base.Future()
            w = _WorkItem(f, fn, args, kwargs, 'Task %d' % self._item_counter())
            self._work_queue.put(w)
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # An idle worker takes the item: no new thread.
        if self._idle_semaphore.acquire(timeout=0):
            return
        num_threads = len(self._threads)
        if num_threads < self._max_workers:
            thread_name = '%s_%d' % (self._thread_name_prefix or self, num_threads)
            t = threading.Thread(name=thread_name, target=_worker,
                                 args=(self, self._work_queue, self._initializer,
                                       self._initargs))
            t.start()
            self._threads.add(t)
            _threads_queues[t] = self._work_queue

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ('A thread initializer failed, the thread pool '
                            'is not usable anymore')
            # Drain the work queue and fail the pending futures.
            while True:
                try:
                    work_item = self._work_queue.get_nowait()
                except queue.Empty:
                    break
                if work_item is not None:
                    work_item.future.set_exception(BrokenThreadPool(self._broken))

    def shutdown(self, wait=True, *, cancel_futures=False):
        """No new submits; with cancel_futures, cancels what has not started; wait joins."""
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        work_item = self._work_queue.get_nowait()
                    except queue.Empty:
                        break
                    if work_item is not None:
                        work_item.future.cancel()
            # Wakes a worker blocked in get(); each exiting worker wakes the next.
            self._work_queue.put(None)
        if wait:
            for t in self._threads:
                t.join()
                _threads_queues.pop(t, None)  # joined: interpreter exit need not wake it
