# conformance: exit=1
# The playground has no keyboard: input() prints its prompt, then raises CPython's EOFError
# (what python3 does when stdin is empty) with a note saying how to give the program a value.
try:
    answer = input()
except EOFError as e:
    print("caught EOFError:", e)

name = input("Your name: ")
print("Hello,", name)
