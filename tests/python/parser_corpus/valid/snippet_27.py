s = 'a' "b" '''c''' """d""" r'\n' u'x' U'y'
b = b'\x00\xff' rb'\d' BR'x'
