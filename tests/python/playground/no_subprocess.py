# conformance: exit=1
# The playground cannot start other programs: importing subprocess fails with a note.
try:
    import subprocess
except ImportError as e:
    print("caught:", type(e).__name__, e.name)
import subprocess

print(subprocess.run(["ls"], capture_output=True).stdout)
