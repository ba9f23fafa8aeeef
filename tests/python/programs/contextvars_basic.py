# contextvars: ContextVar get/set/reset, Tokens, Context as a mapping, run and copy_context,
# and threads starting in an empty context.
import contextvars
import threading

request_id = contextvars.ContextVar("request_id")
user = contextvars.ContextVar("user", default="anonymous")

print(repr(request_id).split(" at ")[0], repr(user).split(" at ")[0])
print(request_id.name, user.get(), user.get("fallback"), request_id.get("none yet"))
try:
    request_id.get()
except LookupError as e:
    print("LookupError", type(e.args[0]).__name__, e.args[0] is request_id)

token = request_id.set(7)
print(request_id.get(), token.var is request_id, token.old_value is contextvars.Token.MISSING)
print(repr(contextvars.Token.MISSING), repr(token).startswith("<Token var=<ContextVar name='request_id'"))
token2 = request_id.set(8)
print(request_id.get(), token2.old_value)
request_id.reset(token2)
print(request_id.get())
try:
    request_id.reset(token2)
except RuntimeError as e:
    print("RuntimeError", str(e).split(" var=")[0], "...", str(e).split(">")[-1])
try:
    user.reset(token)
except ValueError as e:
    print("ValueError", str(e).split(">")[-1])

ctx = contextvars.copy_context()
print(type(ctx).__name__, len(ctx), request_id in ctx, user in ctx, ctx[request_id], ctx.get(user, "?"))
print(sorted(v.name for v in ctx), list(ctx.values()), [(k.name, v) for k, v in ctx.items()])
try:
    ctx[user]
except KeyError as e:
    print("KeyError", e.args[0] is user)
try:
    ctx.get("request_id")
except TypeError as e:
    print("TypeError", e)


def work(n):
    request_id.set(n)
    user.set("alice")
    return request_id.get(), user.get()


print(ctx.run(work, 99), "inside:", ctx[request_id], ctx[user])
print("outside:", request_id.get(), user.get())
try:
    ctx.run(ctx.run, work, 1)
except RuntimeError as e:
    print("RuntimeError", str(e).split(":")[0])

request_id.reset(token)
token3 = request_id.set(5)
try:
    ctx.run(lambda: request_id.reset(token3))
except ValueError as e:
    print("ValueError", str(e).split(">")[-1])
print(request_id.get("unset"))

empty = contextvars.Context()
print(len(empty), empty.run(user.get), empty.run(request_id.get, "none"))

seen = {}


def in_thread(name):
    seen[name] = (request_id.get("empty"), user.get())
    request_id.set(name)
    seen[name + " after"] = request_id.get()


request_id.set("main")
threads = [threading.Thread(target=in_thread, args=(f"t{i}",)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(seen.items()), request_id.get())
copied = contextvars.copy_context()
t = threading.Thread(target=copied.run, args=(in_thread, "t9"))
t.start()
t.join()
print(seen["t9"], copied[request_id], request_id.get())
