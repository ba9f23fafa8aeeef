name = "Ada\n"
items = [1, "two"]
x = 42
print(f"{name!r} {name!s}{items!r} {'é'!a}")
print(f"{x=}")
print(f"{x = }")
print(f"{x*2=}")
print(f"{name=!s}")
print(f"{items=}")
print(f"{3.0 + 0.5=:.2f}")
print(f"{{literal braces}} {{{x}}}")
print(f"{'nested ' + f'{x:>5}'}")
d = {"key": "value"}
print(f"{d['key']} {d!r}")
print(f"{x:>{x // 10}}|")
print(f"""{
    x
    + 1
}""")
