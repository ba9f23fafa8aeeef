# string for the playground's interpreter, after CPython 3.11's Lib/string.py (our own code):
# the constants, capwords, Template (substitute/safe_substitute) and Formatter (format/vformat).

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords", "digits",
           "hexdigits", "octdigits", "printable", "punctuation", "whitespace", "Formatter",
           "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


def _is_ident_start(c):
    return c == '_' or c.isalpha()


class Template:
    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        t = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(t)
        while i < n:
            j = t.find(d, i)
            if j < 0:
                out.append(t[i:])
                break
            out.append(t[i:j])
            k = j + len(d)
            if t.startswith(d, k):
                out.append(d)
                i = k + len(d)
                continue
            if k < n and t[k] == '{':
                end = t.find('}', k)
                name = t[k + 1:end] if end >= 0 else ''
                if end >= 0 and name and _is_ident_start(name[0]) and all(
                        c == '_' or c.isalnum() for c in name) and name.isascii():
                    if name in mapping:
                        out.append(str(mapping[name]))
                    elif safe:
                        out.append(t[j:end + 1])
                    else:
                        raise KeyError(name)
                    i = end + 1
                    continue
                if safe:
                    out.append(d)
                    i = k
                    continue
                self._invalid(t, j)
            m = k
            while m < n and (t[m] == '_' or (t[m].isascii() and t[m].isalnum())):
                m += 1
            name = t[k:m]
            if name and _is_ident_start(name[0]):
                if name in mapping:
                    out.append(str(mapping[name]))
                elif safe:
                    out.append(t[j:m])
                else:
                    raise KeyError(name)
                i = m
                continue
            if safe:
                out.append(d)
                i = k
                continue
            self._invalid(t, j)
        return ''.join(out)

    def _invalid(self, t, i):
        lines = t[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        return self._scan(mapping, False)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        return self._scan(mapping, True)

    def get_identifiers(self):
        ids = []
        t = self.template
        i = 0
        while True:
            j = t.find(self.delimiter, i)
            if j < 0:
                return ids
            k = j + 1
            if t.startswith('{', k):
                end = t.find('}', k)
                name = t[k + 1:end]
                i = end + 1
            else:
                m = k
                while m < len(t) and (t[m] == '_' or t[m].isalnum()):
                    m += 1
                name = t[k:m]
                i = max(m, k)
            if name and name not in ids:
                ids.append(name)


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))
