line 0
line 1
line 2
(line \d+\n)+(?s:.*)
