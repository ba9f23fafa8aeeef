class Inventory:
    def __init__(self):
        self.items = {"apple": 3}

    def take(self, name, qty):
        return self._remove(name, qty)

    def _remove(self, name, qty):
        transform = lambda n: self.items[n] - qty
        return transform(name)

inv = Inventory()
print(inv.take("apple", 1))
inv.take("pear", 1)
