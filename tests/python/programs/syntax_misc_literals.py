print(1_000_000, 0x_ff, 0o17, 0b1010, 1e3, 1.5e-3, .5, 5.)
print("tab\there", 'single \'quoted\'', "uni \u00e9 \N{BULLET} \x41")
print(r"raw \n stays", len(r"\n"), b"bytes \x00\xff"[7:])
print("implicit " "concatenation " 'works')
text = """line one
line two\
 continued"""
print(text)
print(len("""
"""))
print(f"{'a'}" "b" f"{'c'}")
print(0 == -0, 0.0 == -0.0, 1 if "" else 2, ... is Ellipsis)
print(True + True, True * 10, -True, ~False, int(True))
print(10 // 3, -10 // 3, 10 % 3, -10 % 3, 10 % -3, 2 ** -1, 2 ** 10)
print(7 / 2, 6 / 2, -7 / 2, 1 / 3)
print(not 1, not 0, 3 and 4, 0 and 4, 3 or 4, "" or None or "last")
