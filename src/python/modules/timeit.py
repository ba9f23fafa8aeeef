# timeit, after CPython 3.11's Lib/timeit.py (our own code): Timer (stmt and setup as source
# text or callables), timeit(), repeat(), autorange(), the module functions, default_timer
# (time.perf_counter). Times are the playground's clock: on the simulated machine they are the
# simulated durations.
#   ✗ no command-line interface (python -m timeit); the statement's source shows as "<string>"
#     in a traceback (CPython: "<timeit-src>"); garbage collection is not switched off
import itertools
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_globals = globals

template = """
def inner(_it, _timer{init}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
        pass
    _t1 = _timer()
    return _t1 - _t0
"""


def reindent(src, indent):
    """Indents every line of `src` but the first by `indent` spaces."""
    return src.replace("\n", "\n" + " " * indent)


def _code(code, name, indent, local_ns):
    # (source line(s) for the template, the inner function's extra parameter): source text is
    # indented into place; a callable is passed in as _stmt / _setup and called.
    if isinstance(code, str):
        return reindent(code, indent), ''
    if callable(code):
        local_ns['_' + name] = code
        return f'_{name}()', f', _{name}=_{name}'
    raise ValueError(f"{name} is neither a string nor callable")


class Timer:
    """Times a statement: Timer(stmt, setup, timer, globals).timeit(number) -> seconds."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = _globals() if globals is None else globals
        setup, init_setup = _code(setup, 'setup', 4, local_ns)
        stmt, init_stmt = _code(stmt, 'stmt', 8, local_ns)
        src = template.format(stmt=stmt, setup=setup, init=init_setup + init_stmt)
        self.src = src
        exec(src, global_ns, local_ns)
        self.inner = local_ns["inner"]

    def print_exc(self, file=None):
        """Prints the traceback of the exception being handled (raised by the timed code)."""
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Seconds taken by `number` runs of the statement (after one run of setup)."""
        it = itertools.repeat(None, number)
        return self.inner(it, self.timer)

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of `repeat` timeit(number) results."""
        r = []
        for i in range(repeat):
            t = self.timeit(number)
            r.append(t)
        return r

    def autorange(self, callback=None):
        """(number, time_taken) for the first number of 1, 2, 5, 10, 20, 50, ... runs taking
        at least 0.2 seconds; callback(number, time_taken) after each try."""
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
