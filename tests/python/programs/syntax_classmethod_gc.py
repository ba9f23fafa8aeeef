# classmethod and staticmethod objects stay intact across garbage collections (the collector
# traces their function and their attribute dict).
class Temperature:
    scale = "C"

    @classmethod
    def freezing(cls):
        return cls(0)

    @staticmethod
    def to_f(c):
        return c * 9 / 5 + 32

    def __init__(self, degrees):
        self.degrees = degrees

cm = classmethod(len)
sm = staticmethod(abs)
cm.note = "kept"
garbage = 0
for i in range(200000):
    garbage += len([i, str(i), (i,)])
print(garbage, Temperature.freezing().degrees, Temperature.to_f(100), cm.note, sm(-3))
print(type(cm).__name__, type(sm).__name__, cm.__func__ is len, sm.__func__ is abs)
