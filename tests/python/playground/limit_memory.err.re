(?s)(.*\n)?Traceback \(most recent call last\):
  File "<program>", line 8, in <module>
    chunks\.append\("x" \* 1_048_576\)
(    [ ~^]+
)?MemoryError(: [^\n]*)?
(.*\n)?[^\n]*(?i:memory)[^\n]*
