import sys
try:
    sys.exit()
except SystemExit as e:
    print("code:", e.code)
try:
    sys.exit(0)
finally:
    print("finally still runs on exit")
