import multiprocessing
import time

IO_MS = 100  # pause after each print, in ms; 0 = the article's exact code


def print_numbers():
    for i in range(5):
        print(f"Process 1: {i}")
        if IO_MS > 0:
            time.sleep(IO_MS / 1000)  # a pause: the other process prints meanwhile


def print_letters():
    for letter in 'ABCDE':
        print(f"Process 2: {letter}")
        if IO_MS > 0:
            time.sleep(IO_MS / 1000)


if __name__ == "__main__":  # needed where processes start by spawning
    process1 = multiprocessing.Process(target=print_numbers)
    process2 = multiprocessing.Process(target=print_letters)

    process1.start()
    process2.start()

    process1.join()
    process2.join()
