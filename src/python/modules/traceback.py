# traceback, the part of CPython 3.11's Lib/traceback.py that programs use to show an error and
# carry on: print_exc / format_exc in an except block (a worker thread logging its failure),
# print_exception / format_exception / format_exception_only for an exception object. The text
# is the interpreter's own uncaught-exception report (the same frames, source lines, carets,
# chains and notes as the traceback CPython prints).
#   ✗ limit= is accepted and ignored (the whole traceback is shown); no frame objects, so no
#     extract_tb / extract_stack / print_stack / format_tb / walk_tb / StackSummary
import sys
import _thread

__all__ = ['format_exc', 'format_exception', 'format_exception_only', 'print_exc',
           'print_exception']

_sentinel = object()


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, {type(exc).__name__} found')
        return None, None
    return value, tb


def _text(value, tb, chain):
    # The report with `tb` as the traceback and, without `chain`, no cause or context: the
    # exception's own attributes are set for the call and put back after.
    saved = (value.__traceback__, value.__cause__, value.__context__,
             value.__suppress_context__)
    value.__traceback__ = tb
    if not chain:
        value.__cause__ = None
        value.__context__ = None
    try:
        return _thread._format_exception(value)
    finally:
        (value.__traceback__, value.__cause__, value.__context__,
         value.__suppress_context__) = saved


def _entries(text):
    # CPython's list: one string per traceback entry (its `File "f", line N, in name` line with
    # the source and caret lines under it), one per other line (a SyntaxError's location lines
    # included).
    out = []
    entry = False
    for line in text.splitlines(keepends=True):
        if entry and line.startswith('    '):
            out[-1] += line
            continue
        stripped = line.lstrip(' |')
        entry = stripped.startswith('File "') and ', in ' in stripped
        out.append(line)
    return out


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    """The lines CPython prints for an uncaught `exc` (join them for the whole text)."""
    value, tb = _parse_value_tb(exc, value, tb)
    if value is None:
        return ['NoneType: None\n']
    return _entries(_text(value, tb, chain))


def format_exception_only(exc, /, value=_sentinel):
    """The last lines of the report: 'Type: message' and the notes."""
    if value is _sentinel:
        value = exc
    if value is None or not isinstance(value, BaseException):
        return [f'{type(value).__name__}: {value}\n'] if value is not None else ['NoneType: None\n']
    return _entries(_text(value, None, False))


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    """Writes format_exception()'s text to `file` (default sys.stderr)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """The report of the exception being handled (in an except block), as a str."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Prints the report of the exception being handled to `file` (default sys.stderr)."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)
