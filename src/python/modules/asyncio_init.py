# asyncio (the package), as CPython 3.11's Lib/asyncio/__init__.py: every public name of its
# submodules. See docs/python.md for what the playground's asyncio offers.
from asyncio.exceptions import *
from asyncio.events import *
from asyncio.futures import *
from asyncio.locks import *
from asyncio.queues import *
from asyncio.runners import *
from asyncio.taskgroups import *
from asyncio.tasks import *
from asyncio.threads import *
from asyncio.timeouts import *
from asyncio import exceptions, events, futures, locks, queues, runners, taskgroups, tasks
from asyncio import threads, timeouts
