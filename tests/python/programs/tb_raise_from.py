class StorageError(Exception):
    pass

def read_record(records, key):
    try:
        return records[key]
    except KeyError as e:
        raise StorageError(f"record {key!r} is missing") from e

read_record({"a": 1}, "b")
