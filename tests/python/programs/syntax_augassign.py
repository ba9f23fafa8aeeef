x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
f = 1.0
f /= 4
print(f)
bits = 0b1100
bits |= 0b0011; bits &= 0b1010; bits ^= 0b1111; bits <<= 2; bits >>= 1
print(bin(bits))
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias)
d = {"n": 0}
d["n"] += 1
print(d)
class C:
    v = 1
c = C()
c.v += 10
print(c.v, C.v)
m = [[0, 0], [0, 0]]
m[1][0] += 7
print(m)
