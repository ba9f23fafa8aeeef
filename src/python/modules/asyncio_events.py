# asyncio.events + base_events, as CPython 3.11's Lib/asyncio (simplified): the event loop.
# The loop's ready queue and timer heap are here; time, the idle wait (a timed wait of the
# engine, so virtual time makes sleeps free and stop ends it; an untimed one is the engine's
# deadlock report) and the timeline's task spans come from the native core, _asyncio.
import contextvars
import _asyncio
import _thread
import sys

__all__ = ('AbstractEventLoop', 'Handle', 'TimerHandle', 'get_running_loop', 'get_event_loop',
           'new_event_loop', 'set_event_loop', '_get_running_loop', '_set_running_loop')

_running_loops = {}  # thread key -> the loop running on that thread
_event_loops = {}    # thread key -> the loop set_event_loop gave that thread


def _trim(s, limit):
    if len(s) > limit:
        i = max(0, (limit - 3) // 2)
        j = max(0, limit - 3 - i)
        s = s[:i] + '...' + s[len(s) - j:]
    return s


def _short_repr(x, level=6):
    # reprlib.repr with its default limits, as asyncio's format_helpers shows arguments.
    t = type(x)
    if t is str:
        s = repr(x[:30])
        if len(s) > 30:
            i = max(0, 27 // 2)
            j = max(0, 27 - i)
            s = repr(x[:i] + x[len(x) - j:])
            s = s[:i] + '...' + s[len(s) - j:]
        return s
    if t is int:
        return _trim(repr(x), 40)
    if t is tuple or t is list:
        left, right = ('(', ')') if t is tuple else ('[', ']')
        if not x:
            return left + right
        if level <= 0:
            return left + '...' + right
        pieces = [_short_repr(e, level - 1) for e in x[:6]]
        if len(x) > 6:
            pieces.append('...')
        if len(x) == 1 and t is tuple:
            right = ',' + right
        return left + ', '.join(pieces) + right
    try:
        s = repr(x)
    except Exception:
        return f'<{t.__name__} instance at {id(x):#x}>'
    return _trim(s, 30)


def _format_callback(cb, args, suffix=''):
    name = getattr(cb, '__qualname__', None) or getattr(cb, '__name__', None) or repr(cb)
    if args is None:
        return name + suffix
    return name + '(' + ', '.join(_short_repr(a) for a in args) + ')' + suffix


def _format_callback_source(cb, args):
    text = _format_callback(cb, args)
    if type(cb) is type(_format_callback):  # a plain function: where it is defined
        code = cb.__code__
        text += f' at {code.co_filename}:{code.co_firstlineno}'
    return text


class Handle:
    """A callback registered with the loop (call_soon)."""

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._cancelled = False
        self._loop = loop
        # The callback runs in the context current when it was scheduled (CPython's Handle).
        self._context = contextvars.copy_context() if context is None else context

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        if self._callback is not None:
            info.append(_format_callback_source(self._callback, self._args))
        return '<' + ' '.join(info) + '>'

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._context.run(self._callback, *self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            cb = _format_callback_source(self._callback, self._args)
            self._loop.call_exception_handler({
                'message': 'Exception in callback ' + cb,
                'exception': exc,
                'handle': self,
            })


class TimerHandle(Handle):
    """A callback scheduled for a time (call_later, call_at)."""

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._scheduled = False

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        info.append('when=' + str(self._when))
        if self._callback is not None:
            info.append(_format_callback_source(self._callback, self._args))
        return '<' + ' '.join(info) + '>'

    def when(self):
        return self._when

    def cancel(self):
        if not self._cancelled:
            self._loop._timer_handle_cancelled(self)
        super().cancel()


def _heappush(heap, item):
    heap.append(item)
    i = len(heap) - 1
    while i > 0:
        parent = (i - 1) >> 1
        if heap[parent] <= item:
            break
        heap[i] = heap[parent]
        i = parent
    heap[i] = item


def _heappop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    n = len(heap)
    i = 0
    while True:
        child = 2 * i + 1
        if child >= n:
            break
        if child + 1 < n and heap[child + 1] < heap[child]:
            child += 1
        if last <= heap[child]:
            break
        heap[i] = heap[child]
        i = child
    heap[i] = last
    return top


class AbstractEventLoop:
    """Abstract event loop."""


class _UnixSelectorEventLoop(AbstractEventLoop):

    def __init__(self):
        self._ready = []
        self._scheduled = []       # heap of (when, seq, TimerHandle)
        self._timer_seq = 0
        self._stopping = False
        self._closed = False
        self._thread_key = None
        self._default_executor = None
        self._executor_shutdown_called = False
        self._exception_handler = None
        self._task_factory = None
        self._clock_resolution = 1e-09
        self._debug = False
        self._traced = 0           # the engine task whose span is open on the timeline
        self._threadsafe = []      # call_soon_threadsafe handles (appended by other threads)
        self._threadsafe_lock = _thread.allocate_lock()
        self._waker = _asyncio.waker()  # wakes the idle wait (CPython: the self-pipe)
        self._asyncgens = []
        self._unretrieved = []     # tasks that failed; reported at close if never looked at

    def __repr__(self):
        return (f'<{type(self).__name__} running={self.is_running()} '
                f'closed={self.is_closed()} debug={self.get_debug()}>')

    # --- state -------------------------------------------------------------------------
    def is_running(self):
        return self._thread_key is not None

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = bool(enabled)

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def time(self):
        return _asyncio.monotonic()

    # --- scheduling ----------------------------------------------------------------------
    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        self._check_closed()
        timer = TimerHandle(when, callback, args, self, context)
        self._timer_seq += 1
        _heappush(self._scheduled, (when, self._timer_seq, timer))
        timer._scheduled = True
        return timer

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        handle = Handle(callback, args, self, context)
        with self._threadsafe_lock:
            self._threadsafe.append(handle)
        _asyncio.wake(self._waker)
        return handle

    def _timer_handle_cancelled(self, handle):
        pass  # cancelled timers are skipped when they come up

    def create_future(self):
        from asyncio.futures import Future
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        if self._task_factory is None:
            from asyncio.tasks import Task
            task = Task(coro, loop=self, name=name, context=context)
        else:
            task = self._task_factory(self, coro)
            if name is not None:
                task.set_name(name)
        return task

    def set_task_factory(self, factory):
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # --- running -------------------------------------------------------------------------
    def run_forever(self):
        self._check_closed()
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        key = _asyncio.thread_key()
        if key in _running_loops:
            raise RuntimeError('Cannot run the event loop while another loop is running')
        self._thread_key = key
        _running_loops[key] = self
        old_firstiter = getattr(_asyncio, '_firstiter', None)
        _asyncio._firstiter = self._asyncgen_firstiter_hook
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_key = None
            del _running_loops[key]
            _asyncio._firstiter = old_firstiter
            if self._traced:
                _asyncio.trace_end()
                self._traced = 0

    def run_until_complete(self, future):
        self._check_closed()
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        from asyncio.futures import isfuture
        from asyncio.tasks import ensure_future
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def stop(self):
        self._stopping = True

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._closed = True
        self._ready = []
        self._scheduled = []
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)
        self._report_unretrieved()

    def _report_unretrieved(self):
        # CPython reports these when the task is freed; a tracing GC has no such moment, so
        # they come when the loop closes (asyncio.run's end), in the order the tasks failed.
        failed = self._unretrieved
        self._unretrieved = []
        for fut in failed:
            if fut._log_traceback:
                fut._log_traceback = False
                self.call_exception_handler({
                    'message': f'{type(fut).__name__} exception was never retrieved',
                    'exception': fut._exception,
                    'future': fut,
                })

    def _asyncgen_firstiter_hook(self, agen):
        self._asyncgens.append(agen)

    async def shutdown_asyncgens(self):
        """Closes the async generators this loop started and nobody finished."""
        if not self._asyncgens:
            return
        closing = self._asyncgens
        self._asyncgens = []
        from asyncio import tasks
        results = await tasks.gather(*[ag.aclose() for ag in closing], return_exceptions=True)
        for result, agen in zip(results, closing):
            if isinstance(result, Exception):
                self.call_exception_handler({
                    'message': f'an error occurred during closing of asynchronous generator {agen!r}',
                    'exception': result,
                    'asyncgen': agen,
                })

    async def shutdown_default_executor(self):
        """Shuts the default executor down from a new thread (as CPython: the loop keeps
        running meanwhile) and waits for it."""
        self._executor_shutdown_called = True
        if self._default_executor is None:
            return
        import threading
        future = self.create_future()
        thread = threading.Thread(target=self._do_shutdown, args=(future,))
        thread.start()
        try:
            await future
        finally:
            thread.join()

    def _do_shutdown(self, future):
        try:
            self._default_executor.shutdown(wait=True)
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_result, None)
        except Exception as ex:
            if not self.is_closed():
                self.call_soon_threadsafe(future.set_exception, ex)

    def _check_default_executor(self):
        if self._executor_shutdown_called:
            raise RuntimeError('Executor shutdown has been called')

    def run_in_executor(self, executor, func, *args):
        """Runs func(*args) in `executor` (None: the loop's default ThreadPoolExecutor, made at
        first use with thread_name_prefix 'asyncio'); an asyncio Future of its result."""
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            self._check_default_executor()
            if executor is None:
                from concurrent.futures import ThreadPoolExecutor
                executor = ThreadPoolExecutor(thread_name_prefix='asyncio')
                self._default_executor = executor
        from asyncio.futures import wrap_future
        return wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        from concurrent.futures import ThreadPoolExecutor
        if not isinstance(executor, ThreadPoolExecutor):
            raise TypeError('executor must be ThreadPoolExecutor instance')
        self._default_executor = executor

    def _run_once(self):
        sched = self._scheduled
        timeout = None
        if self._ready or self._stopping or self._threadsafe:
            timeout = 0
        elif sched:
            while sched and sched[0][2]._cancelled:
                _heappop(sched)[2]._scheduled = False
            if sched:
                timeout = sched[0][0] - self.time()
                if timeout < 0:
                    timeout = 0
            elif not self._ready:
                timeout = None
        if timeout != 0:
            if self._traced:
                _asyncio.trace_end()
                self._traced = 0
            if timeout is None:
                _asyncio.select(self._waker, None, self._idle_report())
            else:
                _asyncio.select(self._waker, timeout, None)
        if self._threadsafe:
            with self._threadsafe_lock:
                handles = self._threadsafe
                self._threadsafe = []
            self._ready.extend(handles)
        end_time = self.time() + self._clock_resolution
        while sched:
            entry = sched[0]
            if entry[0] >= end_time:
                break
            _heappop(sched)
            handle = entry[2]
            handle._scheduled = False
            if not handle._cancelled:
                self._ready.append(handle)
        todo = self._ready
        self._ready = []
        for handle in todo:
            if handle._cancelled:
                continue
            handle._run()

    def _idle_report(self):
        # What the deadlock report says: each pending task and the line it waits at.
        from asyncio.tasks import _all_tasks_of
        parts = []
        for t in _all_tasks_of(self):
            if not t.done():
                info = _asyncio.coro_info(t._coro)
                where = f' at line {info[3]}' if info[3] else ''
                parts.append(f'{t.get_name()} ({info[0]}){where}')
        what = '; '.join(parts) if parts else 'no task'
        return 'asyncio event loop: every task waits and no timer is pending: ' + what

    # --- errors ----------------------------------------------------------------------------
    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f'A callable object or None is expected, got {handler!r}')
        self._exception_handler = handler

    def default_exception_handler(self, context):
        message = context.get('message')
        if not message:
            message = 'Unhandled exception in event loop'
        exception = context.get('exception')
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            lines.append(f'{key}: {context[key]!r}')
        # CPython logs it on the "asyncio" logger: a program that imported logging gets its
        # own handlers and format; otherwise this is what the last-resort handler prints.
        logging = sys.modules.get('logging')
        if logging is not None:
            logging.getLogger('asyncio').error('\n'.join(lines), exc_info=exception)
            return
        text = '\n'.join(lines)
        if exception is not None:
            text += '\n' + _asyncio.format_exception(exception)
        else:
            text += '\n'
        sys.stderr.write(text)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                sys.stderr.write('Exception in default exception handler\n')
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                try:
                    self.default_exception_handler({
                        'message': 'Unhandled error in exception handler',
                        'exception': exc,
                        'context': context,
                    })
                except (SystemExit, KeyboardInterrupt):
                    raise
                except BaseException:
                    sys.stderr.write('Exception in default exception handler\n')


def _run_until_complete_cb(fut):
    if not fut.cancelled():
        exc = fut.exception()
        if isinstance(exc, (SystemExit, KeyboardInterrupt)):
            return
    fut.get_loop().stop()


def _get_running_loop():
    return _running_loops.get(_asyncio.thread_key())


def _set_running_loop(loop):
    key = _asyncio.thread_key()
    if loop is None:
        _running_loops.pop(key, None)
    else:
        _running_loops[key] = loop


def get_running_loop():
    loop = _running_loops.get(_asyncio.thread_key())
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def new_event_loop():
    return _UnixSelectorEventLoop()


def set_event_loop(loop):
    _event_loops[_asyncio.thread_key()] = loop


def get_event_loop():
    key = _asyncio.thread_key()
    loop = _running_loops.get(key)
    if loop is not None:
        return loop
    loop = _event_loops.get(key)
    if loop is None:
        loop = new_event_loop()
        _event_loops[key] = loop
    return loop
