from collections import OrderedDict, ChainMap

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
od.move_to_end("b")
print(od, list(od))
od.move_to_end("c", last=False)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == dict(b=2, a=1))
defaults = {"color": "red", "size": "M"}
user = {"size": "L"}
settings = ChainMap(user, defaults)
print(settings["color"], settings["size"], len(settings), sorted(settings))
settings["color"] = "blue"
print(user, defaults)
child = settings.new_child({"size": "S"})
print(child["size"], child.parents["size"])
