# types (the playground's part of CPython 3.11's Lib/types.py): GenericAlias, what list[int],
# dict[str, int], tuple[int, ...] and type[C] evaluate to (Objects/genericaliasobject.c),
# UnionType, what int | None evaluates to (Objects/unionobject.c; type's | calls _union), and
# SimpleNamespace (Objects/namespaceobject.c).
# ✓ GenericAlias repr, __origin__/__args__, ==, hash, calling it makes an instance of the origin,
#   other attributes read through to the origin, isinstance/issubclass refuse it as CPython does;
#   UnionType repr, __args__ (flattened, duplicates dropped, None as NoneType), ==, hash, |,
#   isinstance/issubclass against each member;
#   SimpleNamespace keyword construction, repr, ==.
# ✗ __parameters__ is always () (no TypeVar substitution); FunctionType, ModuleType, ... are not
#   here; SimpleNamespace's repr has no guard against self-reference.

__all__ = ('GenericAlias', 'NoneType', 'SimpleNamespace', 'UnionType')

NoneType = type(None)


def _type_repr(obj):
    if obj is ...:
        return '...'
    if type(obj) is GenericAlias:
        return repr(obj)
    qualname = getattr(obj, '__qualname__', None)
    module = getattr(obj, '__module__', None)
    if qualname is None or module is None:
        return repr(obj)
    if module == 'builtins':
        return qualname
    return f'{module}.{qualname}'


class GenericAlias:
    def __init__(self, origin, args, /):
        if type(args) is not tuple:
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = ()

    def __repr__(self):
        if self.__args__:
            inner = ', '.join(_type_repr(a) for a in self.__args__)
        else:
            inner = '()'
        return f'{_type_repr(self.__origin__)}[{inner}]'

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __eq__(self, other):
        if type(other) is not GenericAlias:
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)


class UnionType:
    def __init__(self, args, /):
        self.__args__ = args
        self.__parameters__ = ()

    def __repr__(self):
        return ' | '.join('None' if a is NoneType else _type_repr(a) for a in self.__args__)

    def __or__(self, other):
        return _union(self, other)

    def __ror__(self, other):
        return _union(other, self)

    def __eq__(self, other):
        if type(other) is not UnionType:
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __instancecheck__(self, obj):
        for a in self.__args__:
            if type(a) is GenericAlias:
                raise TypeError('isinstance() argument 2 cannot be a parameterized generic')
        return any(isinstance(obj, a) for a in self.__args__)

    def __subclasscheck__(self, cls):
        for a in self.__args__:
            if type(a) is GenericAlias:
                raise TypeError('issubclass() argument 2 cannot be a parameterized generic')
        return any(issubclass(cls, a) for a in self.__args__)


def _union(a, b):
    # a | b for types, None, GenericAlias and UnionType (unionobject.c _Py_union_type_or).
    for x in (a, b):
        if not (x is None or isinstance(x, type) or type(x) is GenericAlias
                or type(x) is UnionType):
            return NotImplemented
    args = []
    for x in (a, b):
        for item in (x.__args__ if type(x) is UnionType else (x,)):
            if item is None:
                item = NoneType
            if item not in args:
                args.append(item)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


class SimpleNamespace:
    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        items = ', '.join(f'{k}={v!r}' for k, v in self.__dict__.items())
        return f'{name}({items})'

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None
