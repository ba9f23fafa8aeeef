# A missing comma between two tuples compiles, with a SyntaxWarning on stderr, then fails.
points = [
    (1, 2),
    (3, 4)
    (5, 6),
]
print(points)
