match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0) | Point(1, 2) as p if p:
        pass
    case {'k': v, **rest}:
        pass
    case [1, *others]:
        pass
    case -1 | 1.5 | 2+3j | 'str' | None | True | a.b.c:
        pass
    case (x, y) | (x,) | ():
        pass
    case _:
        pass
