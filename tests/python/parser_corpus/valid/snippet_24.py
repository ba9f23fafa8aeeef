import a.b.c as d, e
from . import x
from .. import y
from ...pkg.mod import (a as b, c,)
from mod import *
from .... import z
