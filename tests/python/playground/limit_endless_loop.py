# conformance: exit=4
# conformance: args=--timeout 1
# An endless loop: CPython runs until killed; the playground stops it at the time limit (here
# the CLI's --timeout 1) within 100 ms and says so (exit status 4: stopped).
print("starting an endless loop", flush=True)
n = 0
while True:
    n += 1
