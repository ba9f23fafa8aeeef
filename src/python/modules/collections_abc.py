# collections.abc for the playground's interpreter, after CPython 3.11's Lib/_collections_abc.py
# (our own code): the ABCs as bases for user classes, and isinstance/issubclass by the methods
# a class has (CPython's __subclasshook__ checks) or by registration.

__all__ = ["Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator",
           "Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container",
           "Callable", "Collection", "Set", "MutableSet", "Mapping", "MutableMapping",
           "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence", "MutableSequence",
           "ByteString"]


def _has(C, *methods):
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return False
                break
        else:
            return False
    return True


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls._abc_registry = []
        abstracts = {n for n, v in namespace.items() if getattr(v, "__isabstractmethod__", False)}
        for base in bases:
            for n in getattr(base, "__abstractmethods__", ()):
                value = getattr(cls, n, None)
                if getattr(value, "__isabstractmethod__", False):
                    abstracts.add(n)
        cls.__abstractmethods__ = frozenset(abstracts)
        return cls

    def register(cls, subclass):
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if cls in getattr(subclass, '__mro__', ()):
            return True
        for r in cls.__dict__.get('_abc_registry', ()):
            if issubclass(subclass, r):
                return True
        hook = cls.__dict__.get('_required')
        if hook is not None and _has(subclass, *hook):
            return True
        for scls in cls.__dict__.get('_implied_by', ()):
            if issubclass(subclass, scls):
                return True
        return False


class Hashable(metaclass=ABCMeta):
    _required = ('__hash__',)


class Awaitable(metaclass=ABCMeta):
    _required = ('__await__',)


class Coroutine(Awaitable):
    _required = ('send', 'throw', 'close', '__await__')


class AsyncIterable(metaclass=ABCMeta):
    _required = ('__aiter__',)


class AsyncIterator(AsyncIterable):
    _required = ('__anext__', '__aiter__')


class AsyncGenerator(AsyncIterator):
    _required = ('__aiter__', '__anext__', 'asend', 'athrow', 'aclose')


class Iterable(metaclass=ABCMeta):
    _required = ('__iter__',)


class Iterator(Iterable):
    _required = ('__iter__', '__next__')

    def __iter__(self):
        return self


class Reversible(Iterable):
    _required = ('__reversed__', '__iter__')


class Generator(Iterator):
    _required = ('__iter__', '__next__', 'send', 'throw', 'close')


class Sized(metaclass=ABCMeta):
    _required = ('__len__',)


class Container(metaclass=ABCMeta):
    _required = ('__contains__',)


class Collection(Sized, Iterable, Container):
    _required = ('__len__', '__iter__', '__contains__')


class Callable(metaclass=ABCMeta):
    _required = ('__call__',)


class Set(Collection):
    _implied_by = (set, frozenset)


class MutableSet(Set):
    _implied_by = (set,)


class Mapping(Collection):
    _implied_by = (dict,)

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return [k for k in self]

    def items(self):
        return [(k, self[k]) for k in self]

    def values(self):
        return [self[k] for k in self]


class MutableMapping(Mapping):
    _implied_by = (dict,)

    def pop(self, key, *default):
        try:
            value = self[key]
        except KeyError:
            if default:
                return default[0]
            raise
        del self[key]
        return value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default

    def update(self, other=(), /, **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value


class MappingView(Sized):
    pass


class KeysView(MappingView, Set):
    pass


class ItemsView(MappingView, Set):
    pass


class ValuesView(MappingView, Collection):
    pass


class Sequence(Reversible, Collection):
    _implied_by = (list, tuple, str, range, bytes)

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)


class MutableSequence(Sequence):
    _implied_by = (list,)

    def append(self, value):
        self.insert(len(self), value)

    def extend(self, values):
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]


class ByteString(Sequence):
    _implied_by = (bytes,)


for _cls in (Set, MutableSet, Mapping, MutableMapping, Sequence, MutableSequence, ByteString,
             KeysView, ItemsView, ValuesView, MappingView):
    if '_required' not in _cls.__dict__:
        _cls._required = None
del _cls
