// pickle's codec (see pickle_codec.hpp): the pickler (CPython 3.11's Modules/_pickle.c save_*
// at protocol 4) and the unpickler (load_*).
#include "python/modules/pickle_codec.hpp"

#include <cstring>
#include <unordered_map>

#include "python/modules/multiprocessing_handle.hpp"
#include "python/objects/int.hpp"
#include "python/objects/set.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Value import_module(ThreadState& ts, std::string_view name);

namespace {

enum Op : uint8_t {
    MARK = '(',
    STOP = '.',
    POP = '0',
    POP_MARK = '1',
    DUP = '2',
    BININT = 'J',
    BININT1 = 'K',
    BININT2 = 'M',
    NONE = 'N',
    BINPERSID = 'Q',
    REDUCE = 'R',
    BINUNICODE = 'X',
    APPEND = 'a',
    BUILD = 'b',
    GLOBAL = 'c',
    DICT = 'd',
    EMPTY_DICT = '}',
    APPENDS = 'e',
    BINGET = 'h',
    LONG_BINGET = 'j',
    LIST = 'l',
    EMPTY_LIST = ']',
    OBJ = 'o',
    BINPUT = 'q',
    LONG_BINPUT = 'r',
    SETITEM = 's',
    TUPLE = 't',
    EMPTY_TUPLE = ')',
    SETITEMS = 'u',
    BINFLOAT = 'G',
    BINBYTES = 'B',
    SHORT_BINBYTES = 'C',
    SHORT_BINSTRING = 'U',
    BINSTRING = 'T',
    PROTO = 0x80,
    NEWOBJ = 0x81,
    TUPLE1 = 0x85,
    TUPLE2 = 0x86,
    TUPLE3 = 0x87,
    NEWTRUE = 0x88,
    NEWFALSE = 0x89,
    LONG1 = 0x8a,
    LONG4 = 0x8b,
    SHORT_BINUNICODE = 0x8c,
    BINUNICODE8 = 0x8d,
    BINBYTES8 = 0x8e,
    EMPTY_SET = 0x8f,
    ADDITEMS = 0x90,
    FROZENSET = 0x91,
    NEWOBJ_EX = 0x92,
    STACK_GLOBAL = 0x93,
    MEMOIZE = 0x94,
    FRAME = 0x95,
};

constexpr size_t kFrameTarget = 64 * 1024;
constexpr size_t kFrameMin = 4;
constexpr int kBatch = 1000;

// Is `name` defined by `t` (or a base) other than object itself?
bool overrides(const Type* t, Str* name) {
    for (int64_t i = 0; i < t->mro->size; ++i) {
        const Type* b = t->mro->items[i].as<Type>();
        if (b == &object_type) return false;
        if (!dict_get_str(b->dict, name).is_null()) return true;
    }
    return false;
}

class Pickler {
  public:
    Pickler(ThreadState& ts, PickleHandles* handles) : ts_(ts), handles_(handles), memo_keep_(ts) {}

    bool dump(Value v, std::string* out) {
        out_.push_back(char(PROTO));
        out_.push_back(4);
        frame_start_ = out_.size();
        out_.append(9, '\0');
        if (!save(v)) return false;
        op(STOP);
        commit_frame();
        *out = std::move(out_);
        return true;
    }

  private:
    void op(uint8_t o) { out_.push_back(char(o)); }
    void le(uint64_t v, int n) {
        for (int i = 0; i < n; ++i) out_.push_back(char((v >> (8 * i)) & 0xff));
    }
    void commit_frame() {
        size_t len = out_.size() - frame_start_ - 9;
        if (len >= kFrameMin) {
            out_[frame_start_] = char(FRAME);
            for (int i = 0; i < 8; ++i)
                out_[frame_start_ + 1 + size_t(i)] = char((len >> (8 * i)) & 0xff);
        } else {
            out_.erase(frame_start_, 9);
        }
    }
    void boundary() {
        if (out_.size() - frame_start_ - 9 >= kFrameTarget) {
            commit_frame();
            frame_start_ = out_.size();
            out_.append(9, '\0');
        }
    }
    void memoize(Value v) {
        memo_[v.as_ptr()] = uint32_t(memo_.size());
        memo_keep_.v.push_back(v);  // keeps temporaries (reduce results) alive and unique
        op(MEMOIZE);
    }
    bool memo_get(Value v) {
        if (!v.is_ptr()) return false;
        auto it = memo_.find(v.as_ptr());
        if (it == memo_.end()) return false;
        if (it->second < 256) {
            op(BINGET);
            out_.push_back(char(it->second));
        } else {
            op(LONG_BINGET);
            le(it->second, 4);
        }
        return true;
    }

    bool save(Value v) {
        if (++depth_ > 1000) {
            raise(ts_, &exc_RecursionError,
                  "maximum recursion depth exceeded while pickling an object");
            return false;
        }
        bool ok = save_inner(v);
        --depth_;
        if (ok) boundary();
        return ok;
    }

    bool save_inner(Value v) {
        if (v.is_none()) return op(NONE), true;
        if (v.is_bool()) return op(v.is_true() ? NEWTRUE : NEWFALSE), true;
        if (v.is_double()) {
            op(BINFLOAT);
            double d = v.as_double();
            uint64_t bits;
            std::memcpy(&bits, &d, 8);
            for (int i = 7; i >= 0; --i) out_.push_back(char((bits >> (8 * i)) & 0xff));
            return true;
        }
        Type* t = type_of(v);
        if (t == &int_type) return save_int(v);
        if (memo_get(v)) return true;
        if (t == &str_type) return save_str(v);
        if (t == &bytes_type) return save_bytes(v);
        if (t == &bytearray_type) return save_bytearray(v);
        if (t == &tuple_type) return save_tuple(v);
        if (t == &list_type) return save_list(v);
        if (t == &dict_type) return save_dict(v);
        if (t == &set_type) return save_set(v);
        if (t == &frozenset_type) return save_frozenset(v);
        if (is_mp_handle(v)) {
            if (!handles_) {
                raisef(ts_, &exc_TypeError, "cannot pickle '{}' object", mp_handle_kind(v));
                return false;
            }
            handles_->push_back(mp_handle_ptr(v));
            if (!save_int(Value::from_small(int64_t(handles_->size() - 1)))) return false;
            op(BINPERSID);
            return true;
        }
        if (has_builtin_reduce(v)) {  // bound methods, range, slice: as CPython's __reduce__
            Value r = builtin_reduce(ts_, v);
            if (r.is_null()) return false;
            Rooted kr(ts_, r);
            return save_reduce(v, r);
        }
        if (t == &function_type || t == &builtin_function_type || is_typeobj(v))
            return save_global(v);
        return save_object(v, t);
    }

    bool save_int(Value v) {
        int64_t x;
        if (v.is_small()) {
            x = v.as_small();
        } else if (!to_bigint(v).to_int64(&x)) {
            return save_long(to_bigint(v));
        }
        if (x >= 0 && x <= 0xff) {
            op(BININT1);
            out_.push_back(char(x));
        } else if (x >= 0 && x <= 0xffff) {
            op(BININT2);
            le(uint64_t(x), 2);
        } else if (x >= INT32_MIN && x <= INT32_MAX) {
            op(BININT);
            le(uint64_t(uint32_t(int32_t(x))), 4);
        } else {
            return save_long(BigInt::from_int64(x));
        }
        return true;
    }
    // LONG1/LONG4: little-endian two's complement, the fewest bytes (as _PyLong_AsByteArray).
    bool save_long(const BigInt& b) {
        std::string bytes;
        const auto& limbs = b.limbs();
        for (size_t i = 0; i < limbs.size(); ++i)
            for (int k = 0; k < 4; ++k) bytes.push_back(char((limbs[i] >> (8 * k)) & 0xff));
        if (b.is_negative()) {  // two's complement of the magnitude
            bool carry = true;
            for (auto& c : bytes) {
                unsigned char u = static_cast<unsigned char>(~static_cast<unsigned char>(c));
                if (carry) {
                    u = static_cast<unsigned char>(u + 1);
                    carry = (u == 0);
                }
                c = char(u);
            }
            while (bytes.size() > 1 && static_cast<unsigned char>(bytes.back()) == 0xff &&
                   (static_cast<unsigned char>(bytes[bytes.size() - 2]) & 0x80))
                bytes.pop_back();
            if (!(static_cast<unsigned char>(bytes.back()) & 0x80)) bytes.push_back(char(0xff));
        } else {
            while (!bytes.empty() && bytes.back() == 0) bytes.pop_back();
            if (!bytes.empty() && (static_cast<unsigned char>(bytes.back()) & 0x80))
                bytes.push_back(0);
        }
        if (bytes.size() < 256) {
            op(LONG1);
            out_.push_back(char(bytes.size()));
        } else {
            op(LONG4);
            le(bytes.size(), 4);
        }
        out_ += bytes;
        return true;
    }
    bool save_str(Value v) {
        std::string_view s = str_view(v);
        if (s.size() < 256) {
            op(SHORT_BINUNICODE);
            out_.push_back(char(s.size()));
        } else if (s.size() <= 0xffffffffu) {
            op(BINUNICODE);
            le(s.size(), 4);
        } else {
            op(BINUNICODE8);
            le(s.size(), 8);
        }
        out_ += s;
        memoize(v);
        return true;
    }
    bool save_bytes(Value v) {
        std::string_view s = v.as<Bytes>()->view();
        if (s.size() < 256) {
            op(SHORT_BINBYTES);
            out_.push_back(char(s.size()));
        } else if (s.size() <= 0xffffffffu) {
            op(BINBYTES);
            le(s.size(), 4);
        } else {
            op(BINBYTES8);
            le(s.size(), 8);
        }
        out_ += s;
        memoize(v);
        return true;
    }
    // bytearray under protocol 4: bytearray(b'...') by REDUCE (its __reduce_ex__(4)).
    bool save_bytearray(Value v) {
        std::string data;  // a shared bytearray is copied under its lock (free-threaded)
        std::string_view view;
        read_bytes(v, &data, &view);
        Bytes* copy = new_bytes(ts_, view);
        if (!copy) return false;
        Rooted kc(ts_, Value::from_ptr(copy));
        const Value item = kc.get();
        Tuple* args = new_tuple_from(ts_, &item, 1);
        if (!args) return false;
        Rooted ka(ts_, Value::from_ptr(args));
        if (!save(Value::from_ptr(&bytearray_type)) || !save(ka.get())) return false;
        op(REDUCE);
        memoize(v);
        return true;
    }
    bool save_tuple(Value v) {
        Tuple* tp = v.as<Tuple>();
        if (tp->size == 0) return op(EMPTY_TUPLE), true;
        bool small = tp->size <= 3;
        if (!small) op(MARK);
        for (int64_t i = 0; i < tp->size; ++i)
            if (!save(tp->items[i])) return false;
        if (memo_.count(v.as_ptr())) {  // a cycle through the tuple: it was saved meanwhile
            if (small) {
                for (int64_t i = 0; i < tp->size; ++i) op(POP);
            } else {
                op(POP_MARK);
            }
            return memo_get(v);
        }
        if (small)
            op(uint8_t(TUPLE1 + tp->size - 1));
        else
            op(TUPLE);
        memoize(v);
        return true;
    }
    bool save_list(Value v) {
        op(EMPTY_LIST);
        memoize(v);
        List* l = v.as<List>();
        if (l->size == 1) {
            if (!save(l->items[0])) return false;
            return op(APPEND), true;
        }
        int64_t i = 0;
        while (i < l->size) {
            op(MARK);
            for (int n = 0; n < kBatch && i < l->size; ++n, ++i)
                if (!save(l->items[i])) return false;
            op(APPENDS);
        }
        return true;
    }
    bool save_dict(Value v) {
        op(EMPTY_DICT);
        memoize(v);
        Dict* d = v.as<Dict>();
        RootedVector kv(ts_);
        int64_t pos = 0;
        Value k, val;
        while (dict_next(d, &pos, &k, &val)) {
            kv.v.push_back(k);
            kv.v.push_back(val);
        }
        size_t n = kv.v.size() / 2;
        if (n == 1) {
            if (!save(kv.v[0]) || !save(kv.v[1])) return false;
            return op(SETITEM), true;
        }
        size_t i = 0;
        while (i < n) {
            op(MARK);
            for (int b = 0; b < kBatch && i < n; ++b, ++i)
                if (!save(kv.v[2 * i]) || !save(kv.v[2 * i + 1])) return false;
            op(SETITEMS);
        }
        return true;
    }
    bool collect_set(Value v, RootedVector& items) {
        int64_t pos = 0;
        Value k;
        while (set_next(v.as<Set>(), &pos, &k)) items.v.push_back(k);
        return true;
    }
    bool save_set(Value v) {
        op(EMPTY_SET);
        memoize(v);
        RootedVector items(ts_);
        collect_set(v, items);
        size_t i = 0;
        while (i < items.v.size()) {
            op(MARK);
            for (int b = 0; b < kBatch && i < items.v.size(); ++b, ++i)
                if (!save(items.v[i])) return false;
            op(ADDITEMS);
        }
        return true;
    }
    bool save_frozenset(Value v) {
        op(MARK);
        RootedVector items(ts_);
        collect_set(v, items);
        for (Value x : items.v)
            if (!save(x)) return false;
        if (memo_.count(v.as_ptr())) {
            op(POP_MARK);
            return memo_get(v);
        }
        op(FROZENSET);
        memoize(v);
        return true;
    }

    // The module a global lives in and its qualified name (whichmodule + __qualname__).
    bool global_names(Value v, std::string* module, std::string* qualname) {
        Value q = getattr_opt(ts_, v, names.__qualname__);
        if (q.is_null() && ts_.has_exc()) return false;
        if (q.is_null() || !is_str(q)) {
            q = getattr(ts_, v, names.__name__);
            if (q.is_null()) return false;
        }
        *qualname = std::string(str_view(q));
        if (is_type(v, &builtin_function_type)) {
            BuiltinFunction* f = v.as<BuiltinFunction>();
            if (is_type(f->self, &module_type)) {
                *module = std::string(f->self.as<Module>()->name->view());
                *qualname = f->def->name;
                return true;
            }
            if (f->self.is_null()) {
                *module = "builtins";
                *qualname = f->def->name;
                return true;
            }
        }
        Value m = getattr_opt(ts_, v, names.__module__);
        if (m.is_null() && ts_.has_exc()) return false;
        *module = (!m.is_null() && is_str(m)) ? std::string(str_view(m)) : "__main__";
        return true;
    }

    bool save_global(Value v) {
        std::string module, qualname;
        if (!global_names(v, &module, &qualname)) return false;
        // get_dotted_path: a '<locals>' step cannot be looked up.
        size_t start = 0;
        while (true) {
            size_t dot = qualname.find('.', start);
            std::string_view part = std::string_view(qualname).substr(
                start, dot == std::string::npos ? std::string::npos : dot - start);
            if (part == "<locals>") {
                raisef(ts_, &exc_AttributeError, "Can't pickle local object '{}'", qualname);
                return false;
            }
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        Value mod = import_module(ts_, module);
        if (mod.is_null()) {
            clear_exc(ts_);
            return fail_lookup(v, qualname, module, false);
        }
        Rooted km(ts_, mod);
        Value cur = mod;
        Rooted kc(ts_, cur);
        start = 0;
        while (true) {
            size_t dot = qualname.find('.', start);
            std::string part =
                qualname.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
            Value next = getattr_opt(ts_, cur, intern_str(ts_, part));
            if (next.is_null()) {
                clear_exc(ts_);
                return fail_lookup(v, qualname, module, false);
            }
            cur = next;
            kc = cur;
            if (dot == std::string::npos) break;
            start = dot + 1;
        }
        if (cur != v &&
            !(is_type(cur, &builtin_function_type) && is_type(v, &builtin_function_type) &&
              cur.as<BuiltinFunction>()->def == v.as<BuiltinFunction>()->def))
            return fail_lookup(v, qualname, module, true);
        Value ms = str_value(ts_, module);
        if (ms.is_null()) return false;
        Rooted k1(ts_, ms);
        Value qs = str_value(ts_, qualname);
        if (qs.is_null()) return false;
        Rooted k2(ts_, qs);
        if (!save(ms) || !save(qs)) return false;
        op(STACK_GLOBAL);
        memoize(v);
        return true;
    }
    bool fail_lookup(Value v, const std::string& qualname, const std::string& module, bool other) {
        std::string r;
        if (!repr_utf8(ts_, v, &r)) return false;
        if (other)
            raise_pickle_error(ts_, "PicklingError",
                               fmt::format("Can't pickle {}: it's not the same object as {}.{}", r,
                                           module, qualname));
        else
            raise_pickle_error(ts_, "PicklingError",
                               fmt::format("Can't pickle {}: attribute lookup {} on {} failed", r,
                                           qualname, module));
        return false;
    }

    // Saves v by its reduce value r: a str (a global name in v's module) or (callable, args[,
    // state]), as save_reduce in CPython's _pickle.c.
    bool save_reduce(Value v, Value r) {
        if (is_str(r)) return save_global(v);
        if (!is_tuple(r) || r.as<Tuple>()->size < 2 || r.as<Tuple>()->size > 6) {
            raise_pickle_error(ts_, "PicklingError", "__reduce__ must return a string or tuple");
            return false;
        }
        Tuple* rt = r.as<Tuple>();
        if (!is_tuple(rt->items[1])) {
            raise_pickle_error(ts_, "PicklingError",
                               "second item of the tuple returned by __reduce__ must be a tuple");
            return false;
        }
        memo_keep_.v.push_back(r);
        if (!save(rt->items[0]) || !save(rt->items[1])) return false;
        op(REDUCE);
        memoize(v);
        if (rt->size >= 3 && !rt->items[2].is_none()) {
            if (!save(rt->items[2])) return false;
            op(BUILD);
        }
        return true;
    }

    // Instances: a user __reduce_ex__/__reduce__, exceptions as (type, args), plain instances
    // as copyreg.__newobj__ (NEWOBJ) plus their state.
    bool save_object(Value v, Type* t) {
        if (overrides(t, names.__reduce_ex__) || overrides(t, names.__reduce__)) {
            Value r;
            if (overrides(t, names.__reduce_ex__)) {
                Value proto = Value::from_small(4);
                r = call_method(ts_, v, names.__reduce_ex__, &proto, 1);
            } else {
                r = call_method(ts_, v, names.__reduce__, nullptr, 0);
            }
            if (r.is_null()) return false;
            Rooted kr(ts_, r);
            return save_reduce(v, r);
        }
        if (!(t->tflags & kTypeHeap) && !(t->tflags & kTypeException)) {
            raisef(ts_, &exc_TypeError, "cannot pickle '{}' object", t->name);
            return false;
        }
        if (t->tflags & kTypeException) {
            Value args = exception_reduce_args(ts_, v);
            if (args.is_null()) return false;
            memo_keep_.v.push_back(args);
            if (!save(Value::from_ptr(t)) || !save(args)) return false;
            op(REDUCE);
            memoize(v);
            Value state = exception_state(ts_, v);
            if (state.is_null() && ts_.has_exc()) return false;
            if (!state.is_null()) {
                memo_keep_.v.push_back(state);
                if (!save(state)) return false;
                op(BUILD);
            }
            return true;
        }
        if (!save(Value::from_ptr(t))) return false;
        // A subclass of an immutable builtin is cls.__new__(cls, its value), as copyreg's
        // __reduce_ex__ with __getnewargs__ (str, int, tuple, bytes); others cls.__new__(cls).
        constexpr uint32_t kValueTypes = kTypeBytesSub | kTypeStrSub | kTypeIntSub | kTypeTupleSub;
        if (is_subtype(t, &float_type)) {  // float's __getnewargs__: (the value,)
            Value args = call_method(ts_, v, intern_str(ts_, "__getnewargs__"), nullptr, 0);
            if (args.is_null()) return false;
            memo_keep_.v.push_back(args);
            if (!save(args)) return false;
        } else if (t->tflags & kValueTypes) {
            Value value;
            if (t->tflags & kTypeBytesSub) {
                Bytes* b = new_bytes(ts_, v.as<Bytes>()->view());
                value = b ? Value::from_ptr(b) : Value::null();
            } else if (t->tflags & kTypeStrSub) {
                value = str_value(ts_, str_view(v));
            } else if (t->tflags & kTypeIntSub) {
                value = int_index(ts_, v);
            } else {
                const Tuple* tp = v.as<Tuple>();
                Tuple* copy = new_tuple_from(ts_, tp->items, tp->size);
                value = copy ? Value::from_ptr(copy) : Value::null();
            }
            if (value.is_null()) return false;
            memo_keep_.v.push_back(value);
            if (!save(value)) return false;
            op(TUPLE1);
        } else {
            op(EMPTY_TUPLE);
        }
        op(NEWOBJ);
        memoize(v);
        Value state = Value::null();
        if (overrides(t, names.__getstate__)) {
            state = call_method(ts_, v, names.__getstate__, nullptr, 0);
            if (state.is_null()) return false;
        } else if (Dict** slot = instance_dict_slot(v); slot && *slot && (*slot)->used > 0) {
            state = Value::from_ptr(*slot);
        }
        if (!state.is_null() && !state.is_none()) {
            Rooted ks(ts_, state);
            memo_keep_.v.push_back(state);
            if (!save(state)) return false;
            op(BUILD);
        }
        return true;
    }

    ThreadState& ts_;
    PickleHandles* handles_;
    std::string out_;
    size_t frame_start_ = 0;
    std::unordered_map<const Object*, uint32_t> memo_;
    RootedVector memo_keep_;
    int depth_ = 0;
};

}  // namespace

bool pickle_dumps(ThreadState& ts, Value v, std::string* out, PickleHandles* handles) {
    Rooted keep(ts, v);
    Pickler p(ts, handles);
    return p.dump(v, out);
}

Value pickle_loads_impl(ThreadState& ts, std::string_view data, const PickleHandles* handles);

Value pickle_loads(ThreadState& ts, std::string_view data, const PickleHandles* handles) {
    return pickle_loads_impl(ts, data, handles);
}

}  // namespace interleave::python
