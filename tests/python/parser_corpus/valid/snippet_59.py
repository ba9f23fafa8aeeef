x = f'''line1
{value:>10}
line3 {other!r}'''
