pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (1, 7), (-1, 7)]
for a, b in pairs:
    print(f"{a:>3} // {b:>2} = {a // b:>3}   {a:>3} % {b:>2} = {a % b:>3}   divmod={divmod(a, b)}")
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7 % -2.5)
print(divmod(7.5, 2), divmod(-1, 0.3))
ops = {"//": lambda a, b: a // b, "%": lambda a, b: a % b, "/": lambda a, b: a / b}
for a, b in [(10, 0), (10.0, 0), (10, 0.0)]:
    for name, op in ops.items():
        try:
            op(a, b)
        except ZeroDivisionError as e:
            print(f"{a} {name} {b}: ZeroDivisionError: {e}")
