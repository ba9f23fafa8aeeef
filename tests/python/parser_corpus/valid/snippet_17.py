try:
    pass
except ValueError as e:
    raise RuntimeError('x') from e
except (TypeError, KeyError):
    raise
except:
    pass
else:
    pass
finally:
    pass
