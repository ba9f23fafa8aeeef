# The threading tutorial's logging: basicConfig(format=..., level=INFO, datefmt=...) and
# logging.info("Thread %s: ...", name) from the main thread and from workers (on stderr), the
# level filter, %(threadName)s. logging.warning() before basicConfig configures the root logger
# itself (BASIC_FORMAT), so the later basicConfig is ignored until force=True.
import io
import logging
import threading

logging.warning("before basicConfig: %d%% of %s", 50, "the work")
logging.info("not shown: the root logger's level is WARNING")


def thread_function(name):
    logging.info("Thread %s: starting", name)
    logging.debug("Thread %s: not shown at INFO", name)
    logging.info("Thread %s: finishing", name)


if __name__ == "__main__":
    logging.basicConfig(format="ignored: the root logger has a handler now", level=logging.INFO)
    logging.info("not shown either")
    logging.basicConfig(format="%(threadName)s: %(message)s", level=logging.INFO, force=True)
    logging.info("Main    : before creating thread")
    x = threading.Thread(target=thread_function, args=(1,), name="Worker-1")
    logging.info("Main    : before running thread")
    x.start()
    x.join()
    logging.info("Main    : all done")

    stream = io.StringIO()
    logging.basicConfig(format="%(asctime)s: %(message)s", datefmt="%H:%M:%S",
                        level=logging.DEBUG, stream=stream, force=True)
    for index in range(3):
        t = threading.Thread(target=thread_function, args=(index,))
        t.start()
        t.join()
    lines = stream.getvalue().splitlines()
    print(len(lines), all(line[2] + line[5] + line[8:10] == "::: " for line in lines))
    print(lines[0][10:], lines[-1][10:])
    print(logging.getLogger(), logging.root.handlers)
