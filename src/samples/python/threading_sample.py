import threading
import time

IO_MS = 100  # pause after each print, in ms; 0 = the article's exact code


def print_numbers():
    for i in range(5):
        print(f"Thread 1: {i}")
        if IO_MS > 0:
            time.sleep(IO_MS / 1000)  # waiting releases the GIL: the other thread runs


def print_letters():
    for letter in 'ABCDE':
        print(f"Thread 2: {letter}")
        if IO_MS > 0:
            time.sleep(IO_MS / 1000)


thread1 = threading.Thread(target=print_numbers)
thread2 = threading.Thread(target=print_letters)

thread1.start()
thread2.start()

thread1.join()
thread2.join()
