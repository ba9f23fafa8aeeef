# A worker thread dispatches messages from a queue with match (the way message-passing
# tutorials are written since 3.10).
import queue
import threading
from dataclasses import dataclass


@dataclass
class Deposit:
    account: str
    amount: int


@dataclass
class Transfer:
    src: str
    dst: str
    amount: int


balances = {"alice": 100, "bob": 50}
log = []
inbox = queue.Queue()


def worker():
    while True:
        msg = inbox.get()
        match msg:
            case None:
                log.append("stop")
                return
            case Deposit(account, amount) if amount > 0:
                balances[account] += amount
                log.append(f"deposit {amount} to {account}")
            case Transfer(src=s, dst=d, amount=a) if balances[s] >= a:
                balances[s] -= a
                balances[d] += a
                log.append(f"transfer {a} {s}->{d}")
            case Transfer(src=s, amount=a):
                log.append(f"refused: {s} has {balances[s]}, needs {a}")
            case {"cmd": "report"}:
                log.append(f"report {sorted(balances.items())}")
            case other:
                log.append(f"unknown message {other!r}")


t = threading.Thread(target=worker)
t.start()
for m in [Deposit("bob", 25), Transfer("alice", "bob", 30), Transfer("bob", "alice", 500),
          Deposit("alice", -5), {"cmd": "report"}, ("odd", 1), None]:
    inbox.put(m)
t.join()
print("\n".join(log))
