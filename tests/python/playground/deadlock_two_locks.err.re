(?is)(?=.*deadlock)(?=.*Thread-1 \(forward\)[^\n]*line 15)(?=.*Thread-2 \(backward\)[^\n]*line 21).*
