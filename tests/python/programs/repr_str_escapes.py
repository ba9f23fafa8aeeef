samples = ["plain", "it's", 'say "hi"', "both ' \"", "tab\there", "nl\n", "cr\r", "bell\a",
           "nul\x00", "del\x7f", "\x80\x9f", "é", "日本", "\u200b", "\U0001F600",
           "back\\slash", "\x1b[0m", "\u00a0", "\u2028"]
for s in samples:
    print(repr(s))
print(ascii("é日😀\n"))
print(str("a'b"), repr(["a'b", 'a"b']))
