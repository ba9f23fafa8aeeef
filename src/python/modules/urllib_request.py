# urllib.request, the playground's part (CPython 3.11's Lib/urllib/request.py API): the
# playground has no network, so urlopen raises URLError("the playground has no network
# access"), as CPython does on a machine that is offline, and `except URLError` / `except
# OSError` code runs as there.
#   ✓ urlopen(url, data=None, timeout=..., *, context=None) -> URLError; Request(url, data,
#     headers, origin_req_host, unverifiable, method) with full_url, data, headers, get_method,
#     add_header, has_header, get_header
#   ✗ no opener machinery (build_opener, handlers), no urlretrieve (no files)
from urllib.error import URLError, HTTPError

__all__ = ['Request', 'urlopen', 'URLError', 'HTTPError']

_NO_NETWORK = 'the playground has no network access'


class Request:
    def __init__(self, url, data=None, headers={}, origin_req_host=None, unverifiable=False,
                 method=None):
        self.full_url = url
        self.data = data
        self.headers = {}
        for key, value in headers.items():
            self.add_header(key, value)
        self.origin_req_host = origin_req_host
        self.unverifiable = unverifiable
        if method:
            self.method = method

    def get_method(self):
        default_method = "POST" if self.data is not None else "GET"
        return getattr(self, 'method', default_method)

    def get_full_url(self):
        return self.full_url

    def add_header(self, key, val):
        self.headers[key.capitalize()] = val

    def has_header(self, header_name):
        return header_name in self.headers

    def get_header(self, header_name, default=None):
        return self.headers.get(header_name, default)


def urlopen(url, data=None, timeout=None, *, cafile=None, capath=None, cadefault=False,
            context=None):
    raise URLError(_NO_NETWORK)
