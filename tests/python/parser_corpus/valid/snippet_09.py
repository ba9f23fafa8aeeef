x: int
y: list[int] = []
(z): int = 3
a.b: str = 'c'
d[0]: float
