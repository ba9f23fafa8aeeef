# conformance: exit=1
# No network: urlopen raises URLError (as CPython does offline), with a reason naming the playground.
from urllib.request import urlopen
from urllib.error import URLError

try:
    urlopen("https://example.com/data.json", timeout=5)
except URLError as e:
    print("URLError caught; the reason is a", type(e.reason).__name__)

page = urlopen("https://example.com/")
print(page.read())
