# range's iterators: range_iterator while the bounds fit a C long, longrange_iterator past them;
# their length hints, pickling (iter(range) plus the position) and __setstate__'s clipping.
import pickle

ranges = [range(5), range(10, 0, -3), range(0), range(2**50, 2**50 + 3),
          range(2**63 - 10, 2**63 - 1, 4), range(2**63 - 10, 2**63 - 1, 5),
          range(-2**63 + 4, -2**63, -2), range(0, 2**63 - 1, 2**62),
          range(2**64), range(2**63 - 5, 2**63 + 5), range(-2**70, 2**70, 3**40),
          range(2**64, 2**64 + 5, -1)]


def short(r):
    return (r.stop - r.start) // r.step < 100


for r in ranges:
    it = iter(r)
    print(r, type(it).__name__, next(it, None), next(it, None), it.__length_hint__())
    print("  reduce:", it.__reduce__())
    back = pickle.loads(pickle.dumps(it))
    print("  unpickled:", type(back).__name__, next(back, None), back.__length_hint__())
    it.__setstate__(1)
    print("  setstate(1):", it.__length_hint__(), next(it, None))
    it.__setstate__(-5)
    print("  setstate(-5):", it.__length_hint__())
    it.__setstate__(10**3)
    print("  setstate(1000):", it.__length_hint__(), list(it) if short(r) else "...")
    rev = reversed(r)
    print("  reversed:", type(rev).__name__, next(rev, None), rev.__length_hint__())
    if short(r):
        print("  items:", list(r), [x for x in r], tuple(iter(r)))
    else:
        for make in (list, tuple, lambda r: list(iter(r))):
            try:
                make(r)
            except OverflowError as e:
                print("  OverflowError:", e)

print(type(iter(range(3))), type(iter(range(2**64))))
print(type(iter(range(3))) is type(iter(range(2**40))))
for bad in ["x", 10**30, 2.5, True]:
    for it in [iter(range(3)), iter(range(2**64))]:
        try:
            it.__setstate__(bad)
            print(type(it).__name__, repr(bad)[:10], "->", it.__length_hint__())
        except (TypeError, OverflowError) as e:
            print(type(it).__name__, repr(bad)[:10], type(e).__name__, e)

total = 0
for i in range(2**47 - 3, 2**47 + 3):  # across the VM's small-int boundary
    total += i
print(total, total == sum(range(2**47 - 3, 2**47 + 3)))
print([i for i in range(2**62, 2**63 - 1, 2**60)])


class Sized:
    def __len__(self):
        return 3

    def __iter__(self):
        return iter("abc")


class Hinted:
    def __init__(self, hint):
        self.hint = hint

    def __iter__(self):
        return iter([1, 2])

    def __length_hint__(self):
        return self.hint


print(list(Sized()), tuple(Sized()), list(Hinted(NotImplemented)), list(Hinted(100)))
for hint in (-1, "3", 2**64):
    try:
        list(Hinted(hint))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)

for r in [range(0), range(3), range(-2**63, 0, 2**62), range(2**63 - 1, 0, -2**62), range(-2**63 + 1, 5, 3),
          range(0, -2**63, -2**62), range(2**63 - 3, 2**63 - 1), range(1, 10, -2**63)]:
    rev = reversed(r)
    print("reversed", r, type(rev).__name__, rev.__reduce__(), list(rev) if short(r) else "...")
