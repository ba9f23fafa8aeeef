# Struct sequences (CPython's PyStructSequence: sys.version_info, time.struct_time, ...): tuple
# subclasses whose fields are also attributes, with CPython's repr "module.name(f1=v1, ...)".
# `n_visible` fields are part of the tuple; later fields are attributes only (tm_zone), with
# the constant values given in `extra` (tuple subclasses have no per-instance __dict__ here).


def structseq(qualname, fields, n_visible=None, extra=()):
    if n_visible is None:
        n_visible = len(fields)
    module, _, name = qualname.rpartition('.')

    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        if len(seq) < n_visible:
            raise TypeError(f"{qualname}() takes an at least {n_visible}-sequence "
                            f"({len(seq)}-sequence given)")
        if len(seq) > len(fields):
            raise TypeError(f"{qualname}() takes an at most {len(fields)}-sequence "
                            f"({len(seq)}-sequence given)")
        return tuple.__new__(cls, seq[:n_visible])

    def __repr__(self):
        parts = ', '.join(f'{f}={v!r}' for f, v in zip(fields, self))
        return f'{qualname}({parts})'

    def __reduce__(self):
        return (type(self), (tuple(self),))

    ns = {'__slots__': (), '__new__': __new__, '__repr__': __repr__, '__reduce__': __reduce__,
          'n_sequence_fields': n_visible, 'n_fields': len(fields),
          'n_unnamed_fields': 0, '__match_args__': tuple(fields[:n_visible])}
    for i, f in enumerate(fields):
        if i < n_visible:
            ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i))
        else:
            ns[f] = property(lambda self, v=extra[i - n_visible]: v)
    cls = type(name, (tuple,), ns)
    cls.__module__ = module
    return cls
