# itertools for the playground's interpreter: CPython 3.11's Modules/itertoolsmodule.c behaviour
# (results, argument errors, reprs of count/repeat), written in Python. Iterators are classes so
# that their type names and reprs are CPython's ("itertools.count(5)" prints as "count(5)").


def _check_iterable(obj):
    return iter(obj)


class count:
    def __init__(self, start=0, step=1):
        for v, what in ((start, "start"), (step, "step")):
            if not isinstance(v, (int, float)) and not hasattr(v, "__index__") and not hasattr(v, "__float__"):
                raise TypeError("a number is required")
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if isinstance(self._step, int) and self._step == 1 and not isinstance(self._step, bool):
            return f"count({self._n!r})"
        return f"count({self._n!r}, {self._step!r})"


class cycle:
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._saved = []
        self._index = 0
        self._first = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._first:
            for x in self._it:
                self._saved.append(x)
                return x
            self._first = False
        if not self._saved:
            raise StopIteration
        x = self._saved[self._index]
        self._index = (self._index + 1) % len(self._saved)
        return x


class repeat:
    def __init__(self, object, times=None):
        self._obj = object
        if times is not None and times < 0:
            times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError("len() of unsized object")
        return self._times

    def __repr__(self):
        if self._times is None:
            return f"repeat({self._obj!r})"
        return f"repeat({self._obj!r}, {self._times})"


def _add(a, b):
    return a + b


class accumulate:
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = iter(iterable)
        self._func = func
        self._total = initial
        self._started = initial is not None
        self._emit_initial = initial is not None

    def __iter__(self):
        return self

    def __next__(self):
        if self._emit_initial:
            self._emit_initial = False
            return self._total
        x = next(self._it)
        if not self._started:
            self._started = True
            self._total = x
        elif self._func is None:
            self._total = self._total + x
        else:
            self._total = self._func(self._total, x)
        return self._total


class chain:
    def __init__(self, *iterables):
        self._sources = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        c = cls()
        c._sources = iter(iterable)
        return c

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            if self._active is None:
                self._active = iter(next(self._sources))
            for x in self._active:
                return x
            self._active = None


class compress:
    def __init__(self, data, selectors):
        self._data = iter(data)
        self._sel = iter(selectors)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            d = next(self._data)
            s = next(self._sel)
            if s:
                return d


class dropwhile:
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._dropping = True

    def __iter__(self):
        return self

    def __next__(self):
        if self._dropping:
            for x in self._it:
                if not self._pred(x):
                    self._dropping = False
                    return x
            raise StopIteration
        return next(self._it)


class takewhile:
    def __init__(self, predicate, iterable):
        self._pred = predicate
        self._it = iter(iterable)
        self._done = False

    def __iter__(self):
        return self

    def __next__(self):
        if self._done:
            raise StopIteration
        x = next(self._it)
        if self._pred(x):
            return x
        self._done = True
        raise StopIteration


class filterfalse:
    def __init__(self, function, iterable):
        self._func = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            x = next(self._it)
            if self._func is None:
                if not x:
                    return x
            elif not self._func(x):
                return x


class _grouper:
    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __iter__(self):
        return self

    def __next__(self):
        p = self._parent
        if p._current_grouper is not self:
            raise StopIteration
        if p._pending:
            p._pending = False
            return p._current_value
        p._advance()
        if p._exhausted or p._current_key != self._key:
            p._pending = not p._exhausted
            p._current_grouper = None
            raise StopIteration
        return p._current_value


class groupby:
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._exhausted = False
        self._pending = False
        self._started = False
        self._current_key = None
        self._current_value = None
        self._current_grouper = None

    def _advance(self):
        try:
            v = next(self._it)
        except StopIteration:
            self._exhausted = True
            return
        self._current_value = v
        self._current_key = v if self._keyfunc is None else self._keyfunc(v)

    def __iter__(self):
        return self

    def __next__(self):
        if not self._started:
            self._started = True
            self._advance()
            self._pending = not self._exhausted
        elif self._current_grouper is not None:
            # Skip the rest of the current group.
            old = self._current_key
            while True:
                self._advance()
                if self._exhausted or self._current_key != old:
                    break
            self._pending = not self._exhausted
        elif not self._pending and not self._exhausted:
            self._advance()
            self._pending = not self._exhausted
        if self._exhausted and not self._pending:
            raise StopIteration
        self._current_grouper = _grouper(self, self._current_key)
        return self._current_key, self._current_grouper


class islice:
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) in (2, 3):
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else None
        else:
            raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}")
        if stop is not None:
            try:
                stop = stop.__index__()
            except AttributeError:
                stop = None
                raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            if stop < 0:
                raise ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if start is None:
            start = 0
        if step is None:
            step = 1
        if not isinstance(start, int) or start < 0:
            raise ValueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        if not isinstance(step, int) or step < 1:
            raise ValueError("Step for islice() must be a positive integer or None.")
        self._it = iter(iterable)
        self._next = start
        self._stop = stop
        self._step = step
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        it = self._it
        if it is None:
            raise StopIteration
        if self._stop is not None and self._next >= self._stop:
            # Consume up to stop, as CPython does.
            while self._i < self._stop:
                self._i += 1
                try:
                    next(it)
                except StopIteration:
                    break
            self._it = None
            raise StopIteration
        while self._i < self._next:
            try:
                next(it)
            except StopIteration:
                self._it = None
                raise
            self._i += 1
        try:
            x = next(it)
        except StopIteration:
            self._it = None
            raise
        self._i += 1
        self._next += self._step
        if self._stop is not None and self._next > self._stop:
            self._next = self._stop
        return x


class starmap:
    def __init__(self, function, iterable):
        self._func = function
        self._it = iter(iterable)

    def __iter__(self):
        return self

    def __next__(self):
        return self._func(*next(self._it))


class _tee_buffer:
    def __init__(self, it):
        self.it = it
        self.items = []
        self.base = 0  # index of items[0] in the stream


class _tee:
    def __init__(self, shared, pos):
        self._shared = shared
        self._pos = pos

    def __iter__(self):
        return self

    def __next__(self):
        s = self._shared
        i = self._pos - s.base
        if i >= len(s.items):
            s.items.append(next(s.it))
        x = s.items[i]
        self._pos += 1
        return x

    def __copy__(self):
        return _tee(self._shared, self._pos)


def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    shared = _tee_buffer(iter(iterable))
    return tuple(_tee(shared, 0) for _ in range(n))


class zip_longest:
    def __init__(self, *iterables, fillvalue=None):
        self._its = [iter(it) for it in iterables]
        self._active = len(self._its)
        self._fill = fillvalue

    def __iter__(self):
        return self

    def __next__(self):
        if not self._its or not self._active:
            raise StopIteration
        out = []
        for i, it in enumerate(self._its):
            if it is None:
                out.append(self._fill)
                continue
            try:
                out.append(next(it))
            except StopIteration:
                self._active -= 1
                if not self._active:
                    raise
                self._its[i] = None
                out.append(self._fill)
        return tuple(out)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    return _permutations(pool, n, r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


def combinations(iterable, r):
    pool = tuple(iterable)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations(pool, r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _cwr(pool, r)


def _cwr(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


class pairwise:
    def __init__(self, iterable):
        self._it = iter(iterable)
        self._old = None
        self._started = False

    def __iter__(self):
        return self

    def __next__(self):
        if not self._started:
            self._started = True
            self._old = next(self._it)
        new = next(self._it)
        old = self._old
        self._old = new
        return (old, new)
