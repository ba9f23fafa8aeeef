# range over ints of any size (CPython keeps them as Python ints): repr, items, slices, `in`,
# index/count, ==, hash, reversed, pickle; len() past sys.maxsize raises OverflowError.
def attempt(text, f):
    try:
        print(text, "->", f())
    except Exception as e:
        print(text, "->", type(e).__name__, e)
big = 10 ** 20
r = range(big)
print(r, r.start, r.stop, r.step, bool(r), r[0], r[-1], r[big - 1], r[5:8], r[::-2][:2])
attempt("len(r)", lambda: len(r))
attempt("r[big]", lambda: r[big])
attempt("r[-big-1]", lambda: r[-big - 1])
print(big - 1 in r, big in r, -1 in r, r.index(big - 5), r.count(7), r.count(-3))
attempt("r.index(-1)", lambda: r.index(-1))
s = range(big, big + 6, 2)
print(s, len(s), list(s), list(reversed(s)), s[1], s[-1], s == range(big, big + 5, 2), 1e20 in s, "x" in s)
print(range(-big, big, big), list(range(-big, big, big)), len(range(-big, big, big)))
t = range(0, 2 ** 64, 2 ** 62)
print(t, len(t), list(t), t[::-1], list(t[::-1]))
u = range(2 ** 60, 2 ** 60 + 3)
print(u, u.start, list(u), u[-1], 2 ** 60 + 1 in u, u.index(2 ** 60 + 2))
print(range(big, 0, -(big // 4)), list(range(big, 0, -(big // 4))))
print(len(range(2 ** 63 - 1)), range(-2 ** 63, 2 ** 63 - 1)[0])
attempt("len(range(-2**63, 2**63-1))", lambda: len(range(-2 ** 63, 2 ** 63 - 1)))
attempt("range(0, big, 0)", lambda: range(0, big, 0))
attempt("range(1.5)", lambda: range(1.5))
it = iter(range(big, big + 2))
print(next(it), next(it), next(it, "done"))
print(range(big) == range(0, big), range(big)[big // 2:big // 2 + 3], hash(range(big)) == hash(range(0, big, 1)))
import pickle
print(pickle.loads(pickle.dumps(range(big, big * 2, 7))))
print(sum(range(big, big + 4)), max(range(big, big + 4)), sorted(range(big + 2, big - 1, -1)))
