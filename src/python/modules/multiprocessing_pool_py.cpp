// multiprocessing.pool and multiprocessing.managers, in Python (our own code after CPython
// 3.11's API and messages). Pool workers are daemonic processes reading pickled tasks from one
// channel and writing pickled results to another; the parent has no helper threads: results
// are collected (and callbacks run) whenever the parent waits on the pool. A Manager is a real
// server process holding the dicts and lists; proxies send it pickled requests.
#include "python/modules/multiprocessing_sources.hpp"

namespace interleave::python {

const char* const kMultiprocessingPoolSource = R"PY(
import _mp
import _thread
import multiprocessing as _m
from multiprocessing import TimeoutError

RUN = 0
CLOSE = 1
TERMINATE = 2

class MaybeEncodingError(Exception):
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


# A worker's exception travels with its traceback's text: the parent raises it with a
# RemoteTraceback as its __cause__, so the report shows where the worker failed (CPython's).
class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    def __init__(self, exc, tb):
        self.exc = exc
        self.tb = '\n"""\n%s"""' % _mp.format_exc(exc)

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


def worker(tasks, results, initializer=None, initargs=()):
    if initializer is not None:
        initializer(*initargs)
    while True:
        task = _mp.get(tasks)[1]
        if task is None:
            break
        job, i, func, args, kwds, n = task
        try:
            # Each task is a task of the run in the worker process ("Task <n>", n from 0 in
            # the order the pool queued them), as the executors' items are.
            result = (True, _thread._run_task('Task %d' % n, func, *args, **kwds))
        except Exception as e:
            result = (False, ExceptionWithTraceback(e, e.__traceback__))
        try:
            _mp.put(results, (job, i, result))
        except Exception as e:
            _mp.put(results, (job, i, (False, MaybeEncodingError(e, result[1]))))


class ApplyResult:
    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._job = pool._new_job(self)
        self._callback = callback
        self._error_callback = error_callback
        self._done = False
        self._success = None
        self._value = None

    def ready(self):
        return self._done

    def successful(self):
        if not self._done:
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._pool._wait_for(lambda: self._done, timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self._done:
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        self._done = True
        self._pool._jobs.pop(self._job, None)
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)

AsyncResult = ApplyResult


class MapResult(ApplyResult):
    def __init__(self, pool, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._remaining = length
        if length == 0:
            self._done = True
            pool._jobs.pop(self._job, None)
            if callback:
                callback(self._value)

    def _set(self, i, obj):
        ok, value = obj
        self._remaining -= 1
        if ok:
            if self._success:
                self._value[i] = value
        elif self._success:
            self._success = False
            self._value = value
        if self._remaining == 0:
            self._done = True
            self._pool._jobs.pop(self._job, None)
            if self._success and self._callback:
                self._callback(self._value)
            if not self._success and self._error_callback:
                self._error_callback(self._value)


class IMapIterator:
    def __init__(self, pool, unordered):
        self._pool = pool
        self._job = pool._new_job(self)
        self._unordered = unordered
        self._items = {}
        self._arrived = []
        self._index = 0
        self._length = None

    def __iter__(self):
        return self

    def next(self, timeout=None):
        if self._unordered:
            ready = lambda: len(self._arrived) > 0 or self._index == self._length
        else:
            ready = lambda: self._index in self._items or self._index == self._length
        self._pool._wait_for(ready, timeout)
        if self._index == self._length:
            raise StopIteration
        if not ready():
            raise TimeoutError
        if self._unordered:
            ok, value = self._arrived.pop(0)
        else:
            ok, value = self._items.pop(self._index)
        self._index += 1
        if ok:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        if self._unordered:
            self._arrived.append(obj)
        else:
            self._items[i] = obj

    def _set_length(self, n):
        self._length = n


class Pool:
    _wrap_exception = True

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None,
                 context=None):
        self._state = RUN
        self._jobs = {}
        self._job_counter = 0
        self._task_count = 0  # names the tasks in the workers
        if processes is None:
            processes = _m.cpu_count()
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._tasks = _mp.channel(0)
        self._results = _mp.channel(0)
        ctx = context or _m.get_context()
        self._pool = []
        for i in range(processes):
            w = ctx.Process(target=worker, args=(self._tasks, self._results, initializer, initargs))
            w.name = w.name.replace('Process', 'PoolWorker')
            w.daemon = True
            w.start()
            self._pool.append(w)

    def __repr__(self):
        state = ['RUN', 'CLOSE', 'TERMINATE'][self._state]
        return '<multiprocessing.pool.Pool state=%s pool_size=%d>' % (state, len(self._pool))

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    def _new_job(self, result):
        self._job_counter += 1
        self._jobs[self._job_counter] = result
        return self._job_counter

    def _put(self, job, i, func, args, kwds):
        _mp.put(self._tasks, (job, i, func, args, kwds, self._task_count))
        self._task_count += 1

    def _collect(self, timeout):
        ok, msg = _mp.get(self._results, True, timeout)
        if not ok:
            return False
        job, i, obj = msg
        r = self._jobs.get(job)
        if r is not None:
            r._set(i, obj)
        return True

    def _wait_for(self, ready, timeout=None):
        if ready():
            return
        if timeout is None:
            while not ready():
                self._collect(None)
            return
        import time
        end = time.monotonic() + timeout
        while not ready():
            left = end - time.monotonic()
            if left <= 0 or not self._collect(left):
                return

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        try:
            self._put(result._job, 0, func, tuple(args), dict(kwds))
        except Exception as e:
            result._set(0, (False, e))
        return result

    def _map_async(self, func, iterable, star, callback=None, error_callback=None):
        self._check_running()
        items = list(iterable)
        result = MapResult(self, len(items), callback, error_callback)
        for i, x in enumerate(items):
            args = tuple(x) if star else (x,)
            try:
                self._put(result._job, i, func, args, {})
            except Exception as e:
                for k in range(i, len(items)):
                    result._set(k, (False, e))
                break
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, False).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, False, callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, True).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, True, callback, error_callback)

    def _imap(self, func, iterable, unordered):
        self._check_running()
        it = IMapIterator(self, unordered)
        n = 0
        for i, x in enumerate(iterable):
            try:
                self._put(it._job, i, func, (x,), {})
            except Exception as e:
                it._set(i, (False, e))
            n += 1
        it._set_length(n)
        return it

    def imap(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, False)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._imap(func, iterable, True)

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            for w in self._pool:
                _mp.put(self._tasks, None)

    def terminate(self):
        if self._state != TERMINATE:
            self._state = TERMINATE
            for w in self._pool:
                w.terminate()
            for w in self._pool:
                w.join()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        if self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        if self._state == CLOSE:
            while self._jobs:
                self._collect(None)
        for w in self._pool:
            w.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, *exc):
        self.terminate()


class ThreadPool(Pool):
    def __init__(self, processes=None, initializer=None, initargs=()):
        raise NotImplementedError("multiprocessing.pool.ThreadPool is not offered yet; "
                                  "use concurrent.futures.ThreadPoolExecutor")
)PY";

const char* const kMultiprocessingManagersSource = R"PY(
import _mp
import multiprocessing as _m

class RemoteError(Exception):
    def __str__(self):
        return ('\n' + '-'*75 + '\n' + str(self.args[0]) + '-'*75)


def _serve(requests):
    objects = {}
    next_id = 0
    while True:
        req = _mp.get(requests)[1]
        if req is None:
            break
        reply, oid, method, args, kwds = req
        try:
            if method == '#create':
                next_id += 1
                objects[next_id] = dict(*args, **kwds) if oid == 'dict' else list(*args)
                result = next_id
            elif method == '#decref':
                objects.pop(oid, None)
                continue
            else:
                result = getattr(objects[oid], method)(*args, **kwds)
                if method in ('keys', 'values', 'items'):
                    result = list(result)
            msg = ('#RETURN', result)
        except Exception as e:
            msg = ('#ERROR', e)
        try:
            _mp.put(reply, msg)
        except Exception as e:
            _mp.put(reply, ('#ERROR', e))


class BaseProxy:
    def __init__(self, requests, oid, typeid):
        self._requests = requests
        self._id = oid
        self._typeid = typeid

    def _callmethod(self, method, args=(), kwds={}):
        reply = _mp.channel(0)
        _mp.put(self._requests, (reply, self._id, method, tuple(args), dict(kwds)))
        kind, result = _mp.get(reply)[1]
        if kind == '#ERROR':
            raise result
        return result

    def _getvalue(self):
        return self._callmethod('copy')

    def __repr__(self):
        return '<%s object, typeid %r at %#x>' % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        return self._callmethod('__repr__')


class DictProxy(BaseProxy):
    def __getitem__(self, k): return self._callmethod('__getitem__', (k,))
    def __setitem__(self, k, v): return self._callmethod('__setitem__', (k, v))
    def __delitem__(self, k): return self._callmethod('__delitem__', (k,))
    def __len__(self): return self._callmethod('__len__')
    def __contains__(self, k): return self._callmethod('__contains__', (k,))
    def __iter__(self): return iter(self._callmethod('keys'))
    def keys(self): return self._callmethod('keys')
    def values(self): return self._callmethod('values')
    def items(self): return self._callmethod('items')
    def get(self, *args): return self._callmethod('get', args)
    def pop(self, *args): return self._callmethod('pop', args)
    def popitem(self): return self._callmethod('popitem')
    def setdefault(self, *args): return self._callmethod('setdefault', args)
    def update(self, *args, **kwds): return self._callmethod('update', args, kwds)
    def clear(self): return self._callmethod('clear')
    def copy(self): return self._callmethod('copy')


class ListProxy(BaseProxy):
    def __getitem__(self, i): return self._callmethod('__getitem__', (i,))
    def __setitem__(self, i, v): return self._callmethod('__setitem__', (i, v))
    def __delitem__(self, i): return self._callmethod('__delitem__', (i,))
    def __len__(self): return self._callmethod('__len__')
    def __contains__(self, v): return self._callmethod('__contains__', (v,))
    def __iter__(self): return iter(self._callmethod('copy'))
    def __iadd__(self, other):
        self._callmethod('extend', (other,))
        return self
    def append(self, v): return self._callmethod('append', (v,))
    def extend(self, v): return self._callmethod('extend', (v,))
    def insert(self, i, v): return self._callmethod('insert', (i, v))
    def pop(self, *args): return self._callmethod('pop', args)
    def remove(self, v): return self._callmethod('remove', (v,))
    def index(self, *args): return self._callmethod('index', args)
    def count(self, v): return self._callmethod('count', (v,))
    def reverse(self): return self._callmethod('reverse')
    def sort(self, **kwds): return self._callmethod('sort', (), kwds)
    def copy(self): return self._callmethod('copy')


class SyncManager:
    def __init__(self, address=None, authkey=None, serializer='pickle', ctx=None):
        self._process = None
        self._requests = None

    def start(self, initializer=None, initargs=()):
        if self._process is not None:
            raise _m.ProcessError("Already started server")
        self._requests = _mp.channel(0)
        p = _m.Process(target=_serve, args=(self._requests,))
        p.name = 'SyncManager' + p.name[p.name.rfind('-'):]
        p.daemon = True
        p.start()
        self._process = p

    def _create(self, typeid, proxytype, args, kwds):
        if self._process is None:
            raise _m.ProcessError("Manager has not been started")
        reply = _mp.channel(0)
        _mp.put(self._requests, (reply, typeid, '#create', args, kwds))
        kind, oid = _mp.get(reply)[1]
        if kind == '#ERROR':
            raise oid
        return proxytype(self._requests, oid, typeid)

    def dict(self, *args, **kwds):
        return self._create('dict', DictProxy, args, kwds)

    def list(self, *args):
        return self._create('list', ListProxy, args, {})

    def Queue(self, maxsize=0):
        return _m.Queue(maxsize)

    def Lock(self):
        return _m.Lock()

    def RLock(self):
        return _m.RLock()

    def Event(self):
        return _m.Event()

    def Value(self, typecode, value, lock=True):
        return _m.Value(typecode, value, lock=lock)

    def shutdown(self):
        if self._process is not None and self._process.is_alive():
            _mp.put(self._requests, None)
            self._process.join()

    def join(self, timeout=None):
        if self._process is not None:
            self._process.join(timeout)

    def __enter__(self):
        if self._process is None:
            self.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()

BaseManager = SyncManager
)PY";

}  // namespace interleave::python
