import os
import threading

pid = os.getpid()
print(type(pid).__name__, pid > 0, pid == os.getpid())
print(os.getppid() != pid, os.cpu_count() >= 1)
seen = []
t = threading.Thread(target=lambda: seen.append(os.getpid()))
t.start()
t.join()
print("threads share the process id:", seen == [pid])
print(os.sep, os.linesep == "\n", os.name)
print(os.path.join("a", "b", "c.txt"), os.path.basename("/x/y/z.py"), os.path.splitext("f.tar.gz"))
print(isinstance(os.environ.get("PATH", ""), str))
