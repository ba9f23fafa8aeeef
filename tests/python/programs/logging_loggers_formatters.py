# getLogger(__name__)-style hierarchies (parents, propagate, effective levels), a StreamHandler on
# stdout with its own Formatter (%, { and $ styles), logger.exception() with the traceback,
# custom levels, filters, disable(), and CPython's reprs and errors.
import logging
import sys
import threading

log = logging.getLogger("app.db")
app = logging.getLogger("app")
print(log, log.parent is app, app.parent is logging.root, logging.getLogger("app.db") is log)
print(app.getChild("net"), logging.getLevelName(25), logging.getLevelName("INFO"))
logging.root.setLevel(logging.DEBUG)
print(log, log.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG))

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("%(levelname)-8s|%(name)s|%(threadName)s|%(message)s"))
app.addHandler(handler)
app.propagate = False


def worker(n):
    log.info("worker %d start", n)
    log.warning("worker %s: %r", n, {"k": n})


for i in range(2):
    t = threading.Thread(target=worker, args=(i,), name=f"W{i}")
    t.start()
    t.join()
log.info("dict args %(a)s and %(b)s", {"a": 1, "b": 2})
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed: %s", "division")
log.error("with exc_info", exc_info=ValueError("given"))
handler.setFormatter(logging.Formatter("{levelname}:{name}:{message}", style="{"))
log.critical("brace style")
handler.setFormatter(logging.Formatter("$levelname/$message", style="$"))
log.log(25, "custom %s", "level")
logging.addLevelName(25, "NOTICE")
log.log(25, "custom %s", "level")
print(handler, repr(logging.Formatter()._fmt), logging.BASIC_FORMAT)

try:
    logging.basicConfig(foo=1)
except ValueError as e:
    print("ValueError:", e)
try:
    app.setLevel("LOUD")
except ValueError as e:
    print("ValueError:", e)
record = logging.LogRecord("n", logging.INFO, "/x/y.py", 3, "hello %s", ("w",), None)
print(record.getMessage(), record.filename, record.module, record.levelname, record)
app.setLevel(logging.ERROR)
log.warning("filtered out by app's level")
print(log.getEffectiveLevel(), app.hasHandlers(), logging.getLogger("other").hasHandlers())
logging.disable(logging.CRITICAL)
log.critical("disabled")
logging.disable(logging.NOTSET)
log.critical("enabled again")
only_db = logging.Filter("app.db")
print(only_db.filter(record), only_db.filter(logging.LogRecord("app.db.x", 10, "", 0, "", (), None)))
logging.getLogger("other").warning("to the root handler %s", "basicConfig added before its ValueError")
