class Foo:
    __a = 1
    def __m(self, __p):
        self.__b = __p
        return __a, __dunder__
    class __Inner:
        __c = 2
class _:
    __d = 3
