# bytes can be subclassed: instances keep their class, compare, hash, index and format as
# bytes, work wherever bytes do, and the bytes methods and operators return plain bytes.
# (Instances have no __dict__ here, as for str/int/tuple subclasses: not tested.)
import pickle


class Tag(bytes):
    def shout(self):
        return self.upper() + b"!"

    def __repr__(self):
        return f"Tag({bytes(self)!r})"


class Packet(bytes):
    def __new__(cls, kind, payload):
        return super().__new__(cls, bytes([kind]) + payload)

    @property
    def kind(self):
        return self[0]


t = Tag(b"abc")
print(type(t).__name__, t, str(t), bytes(t), len(t), t[1], t[1:], type(t[1:]).__name__)
print(t == b"abc", hash(t) == hash(b"abc"), t < b"abd", isinstance(t, bytes), b"b" in t)
print(t.shout(), type(t.upper()).__name__, type(t + b"!").__name__, type(t * 2).__name__)
print(b"-".join([t, Tag(b"z")]), t.decode(), t.hex(), int(Tag(b"42")), Tag(3), Tag([65, 66]))
print(Tag.fromhex("6162"), type(Tag.fromhex("6162")).__name__, {t: 1}[b"abc"])
print(b"%s|%b" % (t, t), "%s" % t, f"{t!r}", memoryview(t).tobytes(), bytearray(t))
p = Packet(7, b"data")
print(p, p.kind, len(p), type(p).__name__, isinstance(p, Packet), p.endswith(b"ta"))
print(Tag.__mro__, issubclass(Tag, bytes), ord(Tag(b"x")))
u = pickle.loads(pickle.dumps(t))
print(u, type(u).__name__, u == t)
