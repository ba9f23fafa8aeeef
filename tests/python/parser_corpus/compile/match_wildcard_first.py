match p:
    case _:
        pass
    case 1:
        pass
