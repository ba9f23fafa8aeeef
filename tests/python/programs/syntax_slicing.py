s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-7])
print(s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(repr(s[5:2]), repr(s[100:]), s[-100:2])
nums = list(range(10))
print(nums[2:8:3], nums[::-3], nums[len(nums):])
t = tuple(nums)
print(t[1:4], type(t[1:4]).__name__)
sl = slice(1, 9, 2)
print(nums[sl], sl, sl.start, sl.stop, sl.step)
print(slice(None, 5).indices(10), slice(-3, None, -1).indices(10))
print(range(20)[3:15:4], list(range(20)[3:15:4]))
b = b"bytes!"
print(b[1:3], b[0], b[-1:])
try:
    nums[::0]
except ValueError as e:
    print("ValueError:", e)
