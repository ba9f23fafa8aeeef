class Client:
    def fetch(self, n):
        return None if n > 2 else {"items": list(range(n))}

client = Client()
print(client.fetch(1)["items"])
total = len(client.fetch(2)["items"]) + len(client.fetch(3)["items"])
