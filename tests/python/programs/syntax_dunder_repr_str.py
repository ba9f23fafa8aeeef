class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit

    def __repr__(self):
        return f"Card({self.rank!r}, {self.suit!r})"

    def __str__(self):
        return f"{self.rank} of {self.suit}"

    def __format__(self, spec):
        if spec == "short":
            return f"{self.rank[0]}{self.suit[0]}"
        return format(str(self), spec)

class OnlyRepr:
    def __repr__(self):
        return "<only repr>"

c = Card("Queen", "hearts")
print(c)
print(repr(c))
print([c])
print(f"{c}|{c!r}|{c:short}|{c:>20}|")
print(str(OnlyRepr()), [OnlyRepr()], f"{OnlyRepr()}")
print("%s and %r" % (c, c))
print("{0} / {0!r} / {0:short}".format(c))
