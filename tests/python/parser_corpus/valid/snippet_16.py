with open(a) as f, open(b) as g:
    pass
with (open(a) as f, open(b)):
    pass
with (a, b):
    pass
with (a, b) as c:
    pass
with (yield):
    pass
