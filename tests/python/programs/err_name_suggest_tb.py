# The "Did you mean" hint is added when the traceback is printed.
import sys
number_of_items = 3
try:
    print(number_of_itmes)
except NameError as e:
    print("str(e):", e)
    print("e.name:", e.name)
print(numbr_of_items)
