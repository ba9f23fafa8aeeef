class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

    def kind(self):
        return type(self).__name__

class Dog(Animal):
    sound = "woof"

class Puppy(Dog):
    def speak(self):
        return super().speak() + " (tiny)"

for a in (Animal("generic"), Dog("rex"), Puppy("bit")):
    print(a.speak(), "|", a.kind())

print(issubclass(Puppy, Animal), issubclass(Animal, Dog))
print(isinstance(Puppy("x"), Dog))
print([c.__name__ for c in Puppy.__mro__])
print(Puppy.__bases__[0].__name__)
