for x, in y: pass
for (x) in y: pass
for [x] in y: pass
