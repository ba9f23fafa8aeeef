import threading from Thread
