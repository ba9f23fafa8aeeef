# conformance: exit=4
# conformance: args=--timeout 10
# Printing without end: CPython floods the terminal until killed; the playground keeps the
# first lines up to its output limit, then stops the run and says so (exit status 4).
import itertools

for i in itertools.count():
    print("line", i)
