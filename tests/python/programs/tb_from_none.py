def parse_port(text):
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"port must be a number, got {text!r}") from None

print(parse_port("8080"))
print(parse_port("http"))
