def worker():
print('hi')
