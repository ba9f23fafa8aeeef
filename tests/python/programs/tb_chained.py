def load(config):
    try:
        return config["port"]
    except KeyError:
        raise ValueError("config has no port")

load({})
