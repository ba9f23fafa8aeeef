# asyncio.runners, as CPython 3.11's Lib/asyncio/runners.py: asyncio.run and Runner.
import contextvars
import _asyncio
from asyncio import events
from asyncio import exceptions
from asyncio import tasks

__all__ = ('Runner', 'run')


class Runner:
    """A context manager that runs coroutines on one event loop and closes it at the end."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._state = 'CREATED'
        self._debug = debug
        self._loop_factory = loop_factory
        self._loop = None

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.close()

    def close(self):
        if self._state != 'INITIALIZED':
            return
        loop = self._loop
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            loop.close()
            self._loop = None
            self._state = 'CLOSED'
            _asyncio.report_never_awaited()

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not _asyncio.iscoroutine(coro):
            raise ValueError('a coroutine was expected, got {!r}'.format(coro))
        if events._get_running_loop() is not None:
            raise RuntimeError('Runner.run() cannot be called from a running event loop')
        self._lazy_init()
        if context is None:
            context = self._context
        task = self._loop.create_task(coro, context=context)
        return self._loop.run_until_complete(task)

    def _lazy_init(self):
        if self._state == 'CLOSED':
            raise RuntimeError('Runner is closed')
        if self._state == 'INITIALIZED':
            return
        if self._loop_factory is None:
            self._loop = events.new_event_loop()
        else:
            self._loop = self._loop_factory()
        if self._debug is not None:
            self._loop.set_debug(self._debug)
        self._context = contextvars.copy_context()
        self._state = 'INITIALIZED'


def run(main, *, debug=None):
    """Runs coroutine `main` on a new event loop and returns its result (or raises)."""
    if events._get_running_loop() is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    with Runner(debug=debug) as runner:
        return runner.run(main)


def _cancel_all_tasks(loop):
    to_cancel = tasks.all_tasks(loop)
    if not to_cancel:
        return
    to_cancel = [t for t in tasks._all_tasks_of(loop) if t in to_cancel]
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(tasks.gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            loop.call_exception_handler({
                'message': 'unhandled exception during asyncio.run() shutdown',
                'exception': task.exception(),
                'task': task,
            })
