match p:
    case [x] | [x, y]:
        pass
