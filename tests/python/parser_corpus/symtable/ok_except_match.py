try:
    pass
except ValueError as err:
    pass
match p:
    case [a, *rest]:
        pass
    case {'k': v, **others}:
        pass
    case Point(x=px) as pt:
        pass
