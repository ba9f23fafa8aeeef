fib = {(c := a): (a := b) + (b := a + c) - b for __ in range(6)}
d = {(x := 1): 2}
