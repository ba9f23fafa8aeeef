class Account:
    interest = 0.01

    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance

    @property
    def balance(self):
        return self._balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        return self

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self._balance})"

class Savings(Account):
    interest = 0.05

    def add_interest(self):
        return self.deposit(self._balance * self.interest)

    def __repr__(self):
        return "Savings:" + super().__repr__()

a = Account("ann", 100).deposit(50)
s = Savings("sam", 200).add_interest()
print(a, s, a.balance, s.balance, a.interest, s.interest)
try:
    a.balance = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.deposit(-1)
except ValueError as e:
    print("ValueError:", e)
print(isinstance(s, Account), Savings.deposit is Account.deposit, Savings.__repr__ is Account.__repr__)
