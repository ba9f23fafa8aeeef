# "Did you mean" after NameError and AttributeError, as CPython 3.11 prints them: locals first,
# then globals, then builtins; a case flip is cheap; far-off names get no suggestion. Each case
# runs in its own thread, so each uncaught exception is printed (and the run goes on).
import math
import threading

total_count = 0


class Worker:
    def __init__(self):
        self.results = []

    def run_job(self):
        return self.result


def local_typo():
    message = "hi"
    print(mesage)


def global_typo():
    print(total_cuont)


def builtin_typo():
    lenght = 2
    return lenn([lenght])


def case_flip():
    return Worker().Results


def method_typo():
    return Worker().run_jobb()


def module_typo():
    return math.sqr(4)


def class_typo():
    return threading.Thred


def far_off():
    return completely_unrelated_name


for case in (local_typo, global_typo, builtin_typo, case_flip, method_typo, module_typo,
             class_typo, far_off):
    t = threading.Thread(target=case, name=case.__name__)
    t.start()
    t.join()
try:
    Worker().run_job()
except AttributeError as e:
    print("str() has no suggestion:", e, "|", e.name)
