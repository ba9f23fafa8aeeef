# A SyntaxError raised by the program with a location spanning lines: the uncaught report marks
# its first line from the offset to the line's end (pythonrun.c), as for the compiler's own.
text = "    total = compute(values,  # unfinished\n"
raise SyntaxError("'(' was never closed", ("data.py", 7, 24, text, 9, 2))
