def price(item):
    return {"apple": 1.5, "pear": 2.0}[item]

total = (
    price("apple")
    + price("pear")
    + price("plum")
)
