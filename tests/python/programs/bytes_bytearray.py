ba = bytearray(b"hello")
ba[0] = ord("J")
ba.append(33)
ba.extend(b" ok")
print(ba, len(ba), bytes(ba))
ba[1:3] = b"EE"
del ba[-3:]
print(ba, ba.pop(), ba)
ba.insert(0, 62)
print(ba, ba.decode(), ba.upper(), ba.find(b"l"))
print(bytearray(3), bytearray([1, 2]), bytearray("x", "ascii"))
ba.reverse()
print(ba, ba.count(b"l"), ba == b"lEEJ>", bytearray(b"a") + b"b")
try:
    ba.append(300)
except ValueError as e:
    print("ValueError:", e)
