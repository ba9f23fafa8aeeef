prices = {"apple": 1.2, "pear": 0.8}
order = ["apple", "pear", "mango"]
totals = {item: prices[item] * 2 for item in order}
