match p:
    case [x, *rest] if x:
        pass
    case {'k': v} | {'j': v}:
        pass
    case C(a=b) as c:
        pass
    case _:
        pass
