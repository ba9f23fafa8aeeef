def validate(record):
    errors = []
    if not record.get("name"):
        errors.append(ValueError("name is empty"))
    if record.get("age", 0) < 0:
        errors.append(ValueError("age is negative"))
    if "id" not in record:
        errors.append(KeyError("id"))
    if errors:
        raise ExceptionGroup("invalid record", errors)

validate({"name": "ok", "age": 3, "id": 1})
print("first record fine")
validate({"name": "", "age": -1})
