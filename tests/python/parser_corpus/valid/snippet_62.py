x = a.b if c.d else e.f
