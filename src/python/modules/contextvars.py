# contextvars (PEP 567), as CPython 3.11's Python/context.c: ContextVar, Token, Context,
# copy_context. Each thread starts in an empty Context of its own; Context.run enters a
# context on the calling thread; asyncio runs each Task's steps and each callback in the
# Context it captured (asyncio/events.py Handle, asyncio/tasks.py Task).
# ✓ ContextVar get/set/reset with CPython's errors and reprs, Token.var/old_value/MISSING,
#   Context as a read-only mapping, run (re-entry is a RuntimeError), copy.
# ✗ the mapping is a dict copied by copy_context (O(n)), not CPython's HAMT (O(1) copy);
#   Token can be subclassed (CPython refuses); a finished thread's context stays in _state.
import _thread

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_NO_DEFAULT = object()
_get_ident = _thread.get_ident
# thread ident -> that thread's current Context. Idents are the engine's worker ids, which a
# run does not reuse, so a new thread never finds an old thread's context.
_state = {}


def _current():
    ctx = _state.get(_get_ident())
    if ctx is None:
        ctx = _state[_get_ident()] = Context()
    return ctx


class Context:
    __module__ = '_contextvars'

    def __init__(self):
        self._data = {}
        self._entered = False
        self._prev = None

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f'cannot enter context: {self!r} is already entered')
        prev = _current()
        self._prev = prev
        self._entered = True
        _state[_get_ident()] = self
        try:
            return callable(*args, **kwargs)
        finally:
            _state[_get_ident()] = prev
            self._entered = False
            self._prev = None

    def copy(self):
        ctx = Context()
        ctx._data = dict(self._data)
        return ctx

    @staticmethod
    def _check_key(var):
        if type(var) is not ContextVar:
            raise TypeError(f'a ContextVar key was expected, got {var!r}')

    def __getitem__(self, var):
        Context._check_key(var)
        try:
            return self._data[var]
        except KeyError:
            raise KeyError(var) from None

    def get(self, var, default=None):
        Context._check_key(var)
        return self._data.get(var, default)

    def __contains__(self, var):
        Context._check_key(var)
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(list(self._data))

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


def copy_context():
    return _current().copy()


class ContextVar:
    __module__ = '_contextvars'

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        self._name = name
        self._default = default

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'ContextVar' is not an acceptable base type")

    @property
    def name(self):
        return self._name

    def get(self, default=_NO_DEFAULT):
        data = _current()._data
        if self in data:
            return data[self]
        if default is not _NO_DEFAULT:
            return default
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current()
        data = ctx._data
        old = data.get(self, Token.MISSING)
        data[self] = value
        return Token(ctx, self, old)

    def reset(self, token):
        if type(token) is not Token:
            raise TypeError(f'expected an instance of Token, got {token!r}')
        if token._used:
            raise RuntimeError(f'{token!r} has already been used once')
        if token._var is not self:
            raise ValueError(f'{token!r} was created by a different ContextVar')
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError(f'{token!r} was created in a different Context')
        if token._old_value is Token.MISSING:
            ctx._data.pop(self, None)
        else:
            ctx._data[self] = token._old_value
        token._used = True

    def __repr__(self):
        r = f'<ContextVar name={self._name!r}'
        if self._default is not _NO_DEFAULT:
            r += f' default={self._default!r}'
        return r + f' at 0x{id(self):x}>'

    def __hash__(self):
        return object.__hash__(self)

    @classmethod
    def __class_getitem__(cls, item):
        return cls


class _Missing:
    __slots__ = ()

    def __repr__(self):
        return '<Token.MISSING>'


class Token:
    __module__ = '_contextvars'
    MISSING = _Missing()

    def __init__(self, ctx, var, old_value):
        self._ctx = ctx
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = ' used' if self._used else ''
        return f'<Token{used} var={self._var!r} at 0x{id(self):x}>'

    @classmethod
    def __class_getitem__(cls, item):
        return cls
