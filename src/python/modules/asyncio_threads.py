# asyncio.threads, as CPython 3.11's Lib/asyncio/threads.py: to_thread.
import contextvars
from asyncio import events

__all__ = ('to_thread',)


async def to_thread(func, *args, **kwargs):
    """Runs func(*args, **kwargs) in the loop's default executor (a thread); awaits its result."""
    loop = events.get_running_loop()
    ctx = contextvars.copy_context()

    def call():
        return ctx.run(func, *args, **kwargs)
    return await loop.run_in_executor(None, call)
