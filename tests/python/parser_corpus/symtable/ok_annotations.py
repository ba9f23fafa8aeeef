x: int
y: list[int] = []
def f(a: int, *b: str, **c: float) -> bool:
    z: int = 1
    (w): str = ''
    return True
class C:
    attr: int
