# json, after CPython 3.11's Lib/json and Modules/_json.c (our own code): dumps/dump with
# indent, separators, sort_keys, ensure_ascii, allow_nan, skipkeys, default= and cls=
# (JSONEncoder subclasses), loads/load with object_hook, object_pairs_hook, parse_float,
# parse_int, parse_constant, strict, cls= (JSONDecoder); the C scanner's JSONDecodeError texts
# and positions ("Expecting value: line 1 column 5 (char 4)").
#   ✗ no json.tool; JSONEncoder.iterencode yields the whole text as one chunk

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']

_INFINITY = float('inf')
_WS = ' \t\n\r'
_ESC = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b',
        '\f': '\\f'}


class JSONDecodeError(ValueError):
    """ValueError with msg, doc, pos, lineno, colno: where the document could not be read."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


JSONDecodeError.__module__ = 'json.decoder'


def _encode_str(s, ensure_ascii):
    out = ['"']
    for c in s:
        e = _ESC.get(c)
        if e is not None:
            out.append(e)
        elif c < ' ':
            out.append('\\u%04x' % ord(c))
        elif ensure_ascii and c > '~':
            n = ord(c)
            if n < 0x10000:
                out.append('\\u%04x' % n)
            else:
                n -= 0x10000
                out.append('\\u%04x\\u%04x' % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff)))
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


class JSONEncoder:
    """Turns dicts, lists, tuples, str, int, float, bool and None into JSON text; default(o)
    is asked for anything else (override it in a subclass)."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return _encode_str(o, self.ensure_ascii)
        return ''.join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        out = []
        self._encode(o, out, {} if self.check_circular else None, indent, 0)
        return iter([''.join(out)])

    def _float(self, o):
        if o != o:
            text = 'NaN'
        elif o == _INFINITY:
            text = 'Infinity'
        elif o == -_INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def _encode(self, o, out, markers, indent, level):
        if isinstance(o, str):
            out.append(_encode_str(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(self._float(o))
        elif isinstance(o, (list, tuple)):
            self._container(o, out, markers, indent, level, '[', ']', self._list_items)
        elif isinstance(o, dict):
            self._container(o, out, markers, indent, level, '{', '}', self._dict_items)
        else:
            self._marked(o, markers, lambda: self._encode(self.default(o), out, markers,
                                                           indent, level))

    def _marked(self, o, markers, run):
        if markers is None:
            return run()
        key = id(o)
        if key in markers:
            raise ValueError("Circular reference detected")
        markers[key] = o
        run()
        del markers[key]

    def _container(self, o, out, markers, indent, level, open_, close, items):
        if not o:
            out.append(open_ + close)
            return

        def run():
            out.append(open_)
            sep = self.item_separator
            if indent is not None:
                inner = '\n' + indent * (level + 1)
                out.append(inner)
                sep = sep + inner
            items(o, out, markers, indent, level + 1, sep)
            if indent is not None:
                out.append('\n' + indent * level)
            out.append(close)
        self._marked(o, markers, run)

    def _list_items(self, o, out, markers, indent, level, sep):
        for i, value in enumerate(o):
            if i:
                out.append(sep)
            self._encode(value, out, markers, indent, level)

    def _dict_items(self, o, out, markers, indent, level, sep):
        first = True
        items = sorted(o.items()) if self.sort_keys else o.items()
        for key, value in items:
            if isinstance(key, str):
                pass
            elif isinstance(key, float):
                key = self._float(key)
            elif key is True:
                key = 'true'
            elif key is False:
                key = 'false'
            elif key is None:
                key = 'null'
            elif isinstance(key, int):
                key = int.__repr__(key)
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f'keys must be str, int, float, bool or None, '
                                f'not {key.__class__.__name__}')
            if not first:
                out.append(sep)
            first = False
            out.append(_encode_str(key, self.ensure_ascii))
            out.append(self.key_separator)
            self._encode(value, out, markers, indent, level)


class JSONDecoder:
    """Reads JSON text into dicts, lists, str, int, float, bool and None."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or {
            '-Infinity': -_INFINITY, 'Infinity': _INFINITY, 'NaN': float('nan')}.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, _skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return self._scan(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None

    def _scan(self, s, idx):
        if idx >= len(s):
            raise StopIteration(idx)
        c = s[idx]
        if c == '"':
            return _scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self._object(s, idx + 1)
        if c == '[':
            return self._array(s, idx + 1)
        for word, value in (('null', None), ('true', True), ('false', False)):
            if s.startswith(word, idx):
                return value, idx + len(word)
        if c == 'N' and s.startswith('NaN', idx):
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s.startswith('Infinity', idx):
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s.startswith('-Infinity', idx):
            return self.parse_constant('-Infinity'), idx + 9
        return self._number(s, idx)

    def _number(self, s, start):
        n = len(s)
        i = start
        if i < n and s[i] == '-':
            i += 1
        if i < n and '1' <= s[i] <= '9':
            i += 1
            while i < n and '0' <= s[i] <= '9':
                i += 1
        elif i < n and s[i] == '0':
            i += 1
        else:
            raise StopIteration(start)
        is_float = False
        if i + 1 < n and s[i] == '.' and '0' <= s[i + 1] <= '9':
            is_float = True
            i += 2
            while i < n and '0' <= s[i] <= '9':
                i += 1
        if i < n and s[i] in 'eE':
            e = i
            i += 1
            if i < n and s[i] in '+-':
                i += 1
            digits = i
            while i < n and '0' <= s[i] <= '9':
                i += 1
            if i > digits:
                is_float = True
            else:
                i = e
        text = s[start:i]
        return (self.parse_float(text) if is_float else self.parse_int(text)), i

    def _value(self, s, idx):
        try:
            return self._scan(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None

    def _object(self, s, idx):
        pairs = []
        n = len(s)
        idx = _skip(s, idx)
        if idx >= n or s[idx] != '}':
            while idx < n:
                if s[idx] != '"':
                    raise JSONDecodeError(
                        "Expecting property name enclosed in double quotes", s, idx)
                key, idx = _scanstring(s, idx + 1, self.strict)
                idx = _skip(s, idx)
                if idx >= n or s[idx] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                value, idx = self._value(s, _skip(s, idx + 1))
                pairs.append((key, value))
                done, idx = _next_item(s, idx, '}')
                if done:
                    break
            if idx >= n or s[idx] != '}':
                raise JSONDecodeError("Expecting property name enclosed in double quotes",
                                      s, idx)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), idx + 1
        obj = dict(pairs)
        if self.object_hook is not None:
            obj = self.object_hook(obj)
        return obj, idx + 1

    def _array(self, s, idx):
        values = []
        n = len(s)
        idx = _skip(s, idx)
        if idx < n and s[idx] != ']':
            while idx < n:
                value, idx = self._value(s, idx)
                values.append(value)
                done, idx = _next_item(s, idx, ']')
                if done:
                    break
        if idx >= n or s[idx] != ']':
            raise JSONDecodeError("Expecting value", s, idx)
        return values, idx + 1


def _next_item(s, idx, close):
    # After a member: (True, index of `close`) at the end, else (False, the next member's).
    idx = _skip(s, idx)
    if idx < len(s) and s[idx] == close:
        return True, idx
    if idx >= len(s) or s[idx] != ',':
        raise JSONDecodeError("Expecting ',' delimiter", s, idx)
    return False, _skip(s, idx + 1)


def _skip(s, idx):
    n = len(s)
    while idx < n and s[idx] in _WS:
        idx += 1
    return idx


_UNESCAPE = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r',
             't': '\t'}


def _hex4(s, i):
    text = s[i:i + 4]
    if len(text) != 4 or any(c not in '0123456789abcdefABCDEF' for c in text):
        return None
    return int(text, 16)


def _scanstring(s, end, strict):
    # (the string's value, the index after its closing quote); `end` is after the opening one.
    begin = end - 1
    n = len(s)
    chunks = []
    while True:
        i = end
        while i < n:
            c = s[i]
            if c == '"' or c == '\\':
                break
            if strict and c < ' ':
                raise JSONDecodeError("Invalid control character at", s, i)
            i += 1
        else:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        chunks.append(s[end:i])
        if s[i] == '"':
            return ''.join(chunks), i + 1
        i += 1
        if i >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        c = s[i]
        if c != 'u':
            if c not in _UNESCAPE:
                raise JSONDecodeError("Invalid \\escape", s, i - 1)
            chunks.append(_UNESCAPE[c])
            end = i + 1
            continue
        code = _hex4(s, i + 1)
        if code is None:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, i)
        end = i + 5
        if 0xd800 <= code <= 0xdbff and s.startswith('\\u', end):
            low = _hex4(s, end + 2)
            if low is None:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, end + 1)
            if 0xdc00 <= low <= 0xdfff:
                code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                end += 6
        chunks.append(chr(code))


_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """The JSON text of `obj`."""
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None and
            indent is None and separators is None and default is None and not sort_keys and
            not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    """Writes dumps(obj, **kw) to the file-like `fp`."""
    fp.write(dumps(obj, **kw))


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """The value the JSON text `s` (str, bytes or bytearray) holds."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = s.decode('utf-8')
    if (cls is None and object_hook is None and parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook,
               **kw).decode(s)


def load(fp, **kw):
    """loads(fp.read(), **kw)."""
    return loads(fp.read(), **kw)
