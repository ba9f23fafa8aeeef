matrix = [[1, 2], [3, 4]]
row = 1
col = 5
value = matrix[row][col] + matrix[0][0]
