data = {"users": [{"name": "ann", "age": None}]}

def age_next_year(record):
    return record["age"] + 1

def first_user_age(d):
    user = d["users"][0]
    return age_next_year(user) * 2

print(first_user_age(data))
