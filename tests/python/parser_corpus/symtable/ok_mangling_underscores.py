class T:
    def f(self, _, __, ___):
        return [__ for __ in _]
    ____ = 1
