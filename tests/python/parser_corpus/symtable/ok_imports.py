import os.path
import a.b.c as d
from x import y as z, w
def f():
    import json
    from . import sibling
