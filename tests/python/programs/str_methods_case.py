s = "hello World of PYTHON"
print(s.upper(), "|", s.lower(), "|", s.title(), "|", s.capitalize(), "|", s.swapcase())
print("ß".upper(), "éà".upper(), "ÉCOLE".lower(), "ñ".title())
print("straße".casefold(), "Straße".casefold() == "STRASSE".casefold())
print("hello".islower(), "HELLO".isupper(), "Hello World".istitle(), "123".isdigit())
print("abc".isalpha(), "abc1".isalnum(), "   ".isspace(), "".isspace(), "x_1".isidentifier())
print("12".isdecimal(), "1.5".isdigit(), "-1".isdigit(), "".isdigit())
print("can't stop".title(), "a-b c_d".title())
