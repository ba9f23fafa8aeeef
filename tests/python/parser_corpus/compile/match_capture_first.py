match p:
    case x:
        pass
    case 1:
        pass
