from concurrent.futures import ProcessPoolExecutor

state = {"prefix": "unset"}

def init(prefix):
    state["prefix"] = prefix

def label(x):
    return f"{state['prefix']}-{x}"

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2, initializer=init, initargs=("job",)) as ex:
        print(list(ex.map(label, range(4))))
    print(state)
