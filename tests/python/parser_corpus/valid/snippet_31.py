class A:
    def m(self):
        super().m()
        return __class__
