# SyntaxErrors of the match statement (from exec) come from the compiler, with CPython's texts.
sources = [
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case [a] | b:\n        pass\n",
    "match x:\n    case P(a=1, a=2):\n        pass\n",
    "match x:\n    case {'k': 1, **rest, 'j': 2}:\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case f(x):\n        pass\n    case 1 + 1:\n        pass\n",
    "match = 3\ncase = match + 1\nprint(match, case)\n",
]
for src in sources:
    try:
        exec(src, {})
    except SyntaxError as e:
        print(f"SyntaxError: {e.msg} (line {e.lineno}, offset {e.offset})")
