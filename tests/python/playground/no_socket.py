# conformance: exit=1
# The playground has no network. CPython imports socket; the playground raises CPython's own
# ModuleNotFoundError (so `except ImportError` behaves the same) with a note saying why.
print("connecting...")
import socket

s = socket.create_connection(("example.com", 80))
print("connected")
