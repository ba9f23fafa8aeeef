@dec
@dec2(arg)
def f(): pass
@cls.attr
class C(Base, metaclass=M, **kw):
    x = 1
