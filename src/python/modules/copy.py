# copy for the playground's interpreter, after CPython 3.11's Lib/copy.py (our own code):
# copy() and deepcopy() of builtin containers and class instances (__copy__, __deepcopy__,
# a class's own __reduce_ex__/__reduce__, __dict__ and __slots__ state; memo for shared and
# cyclic structures).

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error


def _atomic_types():
    out = [type(None), int, float, bool, str, bytes, type, range, type(len),
           type(Ellipsis), type(NotImplemented), type(lambda: None)]
    return tuple(out)


_ATOMIC = _atomic_types()


def copy(x):
    cls = type(x)
    if cls in _ATOMIC or cls is frozenset or cls is tuple:
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if rv is not None:
        return _reconstruct_reduced(x, None, *rv)
    return _reconstruct_copy(x)


def _reduce(x):
    # What x.__reduce_ex__(4) gives when a class above object defines __reduce_ex__ or
    # __reduce__ (a user class, range's iterators, defaultdict, ...); None otherwise (object's
    # own reduction is copyreg's __newobj__ plus the state: _reconstruct_copy/_deep do that).
    for klass in type(x).__mro__:
        if klass is object:
            return None
        d = klass.__dict__
        if '__reduce_ex__' in d:
            rv = x.__reduce_ex__(4)
            break
        if '__reduce__' in d:
            rv = x.__reduce__()
            break
    if isinstance(rv, str):
        return (lambda: x, ())  # a global's name: the object itself
    return rv


def _reconstruct_reduced(x, memo, func, args, state=None, listiter=None, dictiter=None):
    # As CPython's copy._reconstruct: call, then the state (__setstate__, or the __dict__ and
    # slot values), then the items; memo is None for a shallow copy.
    deep = memo is not None
    if deep and args:
        args = [deepcopy(arg, memo) for arg in args]
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def _instance_state(x):
    state = {}
    d = getattr(x, '__dict__', None)
    slots = []
    for klass in type(x).__mro__:
        s = klass.__dict__.get('__slots__', ())
        if isinstance(s, str):
            s = (s,)
        slots.extend(s)
    return d, slots


def _newargs(x):
    # The value of an instance of a subclass of str, int, float, complex, tuple or bytes, as
    # the arguments for cls.__new__ (copyreg's protocol 2+ reduction); None for the others.
    getnewargs = getattr(type(x), '__getnewargs__', None)
    return None if getnewargs is None else getnewargs(x)


def _new_like(x, newargs):
    cls = type(x)
    if newargs is not None:
        return cls.__new__(cls, *newargs)
    if isinstance(x, BaseException):
        y = cls.__new__(cls, *x.args)
        return y
    return cls.__new__(cls)


def _reconstruct_copy(x):
    y = _new_like(x, _newargs(x))
    if isinstance(x, list):
        y.extend(x)
    elif isinstance(x, dict):
        y.update(x)
    elif isinstance(x, set):
        y.update(x)
    d, slots = _instance_state(x)
    if d:
        y.__dict__.update(d)
    for name in slots:
        if name in ('__dict__', '__weakref__'):
            continue
        if hasattr(x, name):
            object.__setattr__(y, name, getattr(x, name))
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = set(deepcopy(a, memo) for a in x)
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            rv = _reduce(x)
            if rv is not None:
                y = _reconstruct_reduced(x, memo, *rv)
            else:
                y = _reconstruct_deep(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _reconstruct_deep(x, memo):
    newargs = _newargs(x)
    if newargs is not None:
        newargs = deepcopy(newargs, memo)
    y = _new_like(x, newargs)
    memo[id(x)] = y
    if isinstance(x, list):
        for a in x:
            y.append(deepcopy(a, memo))
    elif isinstance(x, dict):
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif isinstance(x, set):
        for a in x:
            y.add(deepcopy(a, memo))
    d, slots = _instance_state(x)
    if d:
        state = deepcopy(d, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            y.__dict__.update(state)
    for name in slots:
        if name in ('__dict__', '__weakref__'):
            continue
        if hasattr(x, name):
            object.__setattr__(y, name, deepcopy(getattr(x, name), memo))
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
