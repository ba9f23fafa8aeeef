# urllib.error, as CPython 3.11's Lib/urllib/error.py (written for the playground): the
# exceptions urllib.request raises. The playground has no network, so urlopen always raises
# URLError; code that catches it (or OSError) behaves as it does offline.
#   ✓ URLError(reason[, filename]) (an OSError, str "<urlopen error REASON>"), HTTPError(url,
#     code, msg, hdrs, fp) ("HTTP Error CODE: MSG"), ContentTooShortError(message, content)
#   ✗ HTTPError is not a response object (no read()/headers from its fp)
__all__ = ['URLError', 'HTTPError', 'ContentTooShortError']


class URLError(OSError):
    def __init__(self, reason, filename=None):
        self.args = reason,
        self.reason = reason
        if filename is not None:
            self.filename = filename

    def __str__(self):
        return '<urlopen error %s>' % self.reason


class HTTPError(URLError):
    def __init__(self, url, code, msg, hdrs, fp):
        self.code = code
        self.msg = msg
        self.hdrs = hdrs
        self.fp = fp
        self.filename = url

    def __str__(self):
        return 'HTTP Error %s: %s' % (self.code, self.msg)

    def __repr__(self):
        return '<HTTPError %s: %r>' % (self.code, self.msg)

    @property
    def reason(self):
        return self.msg

    @property
    def headers(self):
        return self.hdrs


class ContentTooShortError(URLError):
    def __init__(self, message, content):
        URLError.__init__(self, message)
        self.content = content
