# traceback's lists for a SyntaxError (code run with exec): the location lines are entries of
# their own (File, source, carets, message), while a traceback frame's File line carries its
# source and carets. Errors found after parsing (async with outside async def, a module-level
# nonlocal) have no source text for a string, so no source or caret lines.
import sys
import traceback

for source in ["total = (1,\n", "print('hi'\n", "for i in range(3)\n    pass\n", "x = 1 +\n",
               "if True:\nprint(1)\n", "def f():\n    async with x:\n        pass\n",
               "nonlocal x\n"]:
    try:
        exec(source)
    except SyntaxError as e:
        print(traceback.format_exception_only(e))
        lines = traceback.format_exception(e)
        print(len(lines), lines[0], lines[-2:], sep="")
        traceback.print_exc(file=sys.stdout)
