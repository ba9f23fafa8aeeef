# conformance: exit=4
# conformance: args=--timeout 3
# An endless loop: CPython runs until killed; the playground stops it at the time limit (here
# the CLI's --timeout 3, which leaves a slow wasm start-up on a busy machine time to print the
# first line) within 100 ms and says so (exit status 4: stopped).
print("starting an endless loop", flush=True)
n = 0
while True:
    n += 1
