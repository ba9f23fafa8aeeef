# conformance: exit=1
# Only the modules the playground implements can be imported; a third-party one fails as in a
# CPython without it installed, with a note pointing at the list of supported modules.
import math
import numpy as np

print(np.arange(3))
