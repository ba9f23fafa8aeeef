def strip_address(text):
    while " at 0x" in text:
        start = text.index(" at 0x")
        end = start + 6
        while end < len(text) and text[end] in "0123456789abcdef":
            end += 1
        text = text[:start] + " at ADDR" + text[end:]
    return text

class Plain:
    def method(self):
        pass

def func():
    pass

p = Plain()
print(strip_address(repr(p)))
print(strip_address(repr(func)), strip_address(repr(lambda: 0)))
print(strip_address(repr(p.method)))
print(repr(Plain.method).startswith("<function Plain.method at 0x"))
print(repr(Plain), repr(int), repr(type), repr(object), repr(len), repr(print))
print(repr(ValueError("bad")), repr(KeyError("k")), repr(Exception()), repr(StopIteration(3)))
print(str(ValueError("bad")), str(KeyError("k")), str(KeyError()), str(Exception("a", 1)))
print(repr(iter([])).startswith("<list_iterator object at 0x"), strip_address(repr((x for x in []))))
import math, sys
print(repr(math.sqrt), repr(sys.exit))
print(repr("str".upper).startswith("<built-in method upper of str object at 0x"))
