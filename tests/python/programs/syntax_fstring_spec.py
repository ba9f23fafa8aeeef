pi = 3.14159265
n = 1234567
name = "Ada"
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:^10.2f}| {pi:+.1e}")
print(f"{n:,} {n:_} {n:>12,} {n:012} {-n:012,}")
print(f"{255:x} {255:X} {255:#x} {255:o} {255:#o} {5:b} {5:#010b}")
print(f"{name:>8}|{name:<8}|{name:^8}|{name:*^9}|{name:.2}")
print(f"{0.25:%} {0.25:.0%} {1/3:.3%}")
print(f"{12345.6789:g} {0.00001234:g} {1e20:g} {123:e}")
width, prec = 12, 3
print(f"[{pi:{width}.{prec}f}] [{name:{'>'}{width}}]")
print(f"{True:d} {True} {None!s:>6}")
print(f"{3:+} {-3:+} {3: } {-3: }")
print(f"{1e6:,.2f} {-0.0:.1f} {2.5:.0f} {3.5:.0f}")
