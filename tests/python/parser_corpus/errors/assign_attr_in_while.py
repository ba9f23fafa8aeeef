while self.x = 1:
    pass
