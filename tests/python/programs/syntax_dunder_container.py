class Deck:
    def __init__(self, cards):
        self._cards = list(cards)

    def __len__(self):
        return len(self._cards)

    def __getitem__(self, index):
        return self._cards[index]

    def __setitem__(self, index, value):
        self._cards[index] = value

    def __delitem__(self, index):
        del self._cards[index]

    def __contains__(self, card):
        print("  (contains called)")
        return card in self._cards

    def __iter__(self):
        return iter(self._cards)

    def __reversed__(self):
        return reversed(self._cards)

d = Deck("ABCDE")
print(len(d), d[0], d[-1], d[1:3])
d[0] = "Z"
del d[1]
print(list(d), "C" in d, "Q" in d)
print(list(reversed(d)))
print(bool(Deck([])), bool(d))

class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10

print(list(OnlyGetitem()), 20 in OnlyGetitem())
for x in OnlyGetitem():
    print("item", x)
