# conformance: exit=4
# conformance: args=--timeout 10
# Printing without end: CPython floods the terminal until killed; the playground keeps the
# first lines up to its output limit and says so, counts the rest, and the time limit (here
# --timeout 10) stops the run (exit status 4). The stderr expected names the output limit's
# own notice: how far the run gets in 10 s (a trace limit, say) depends on the machine.
import itertools

for i in itertools.count():
    print("line", i)
