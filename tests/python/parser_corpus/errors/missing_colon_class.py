class Worker(Thread)
    pass
