t = threading.Thread(target=work args=(1,))
