assert isinstance(x, int), f'{x} is not int'
