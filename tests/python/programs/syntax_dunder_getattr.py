class Config:
    def __init__(self, **values):
        self._values = values

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self._values.get(name, f"<default {name}>")

c = Config(host="localhost")
print(c.host, c.port)
print(getattr(c, "mode"))

class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append((name, value))
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)

r = Recorder()
r.a = 1
r.b = [2]
del r.a
print(r.log, hasattr(r, "a"), r.b)
