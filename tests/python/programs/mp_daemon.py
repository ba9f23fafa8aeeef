import multiprocessing as mp
import time

def forever():
    while True:
        time.sleep(0.05)

def spawn_child():
    try:
        mp.Process(target=forever).start()
    except AssertionError as e:
        print("AssertionError:", e, flush=True)

if __name__ == "__main__":
    d = mp.Process(target=forever, daemon=True)
    d.start()
    print("daemon:", d.daemon, "alive:", d.is_alive())
    helper = mp.Process(target=spawn_child, daemon=True)
    helper.start()
    helper.join()
    print("the main process ends; its daemon child is terminated")
