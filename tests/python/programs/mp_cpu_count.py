import multiprocessing as mp
import os

n = mp.cpu_count()
print(type(n).__name__, n >= 1, n == os.cpu_count())
print(mp.current_process().name, mp.current_process().daemon)
print(isinstance(mp.current_process().pid, int))
