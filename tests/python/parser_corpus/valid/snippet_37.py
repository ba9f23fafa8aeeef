x = a[b](c).d[e:f]
y = a.b.c.d(e)(f)[g]
