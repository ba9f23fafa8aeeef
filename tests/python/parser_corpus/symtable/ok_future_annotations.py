from __future__ import annotations
x: T = 1
def f(a: U, *b: V) -> W:
    y: X = 2
    return y
class C:
    z: Y
