from __future__ import annotations
"not a docstring here"
from __future__ import division
