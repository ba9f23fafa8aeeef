// pickle's unpickler (see pickle_codec.hpp): CPython 3.11's Modules/_pickle.c load_* for the
// opcodes of protocols 2-4 that CPython's pickler emits for the supported values.
#include <cstring>

#include "python/modules/multiprocessing_handle.hpp"
#include "python/modules/pickle_codec.hpp"
#include "python/objects/int.hpp"
#include "python/objects/set.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Value import_module(ThreadState& ts, std::string_view name);

namespace {

class Unpickler {
  public:
    Unpickler(ThreadState& ts, std::string_view data, const PickleHandles* handles)
        : ts_(ts),
          p_(data.data()),
          end_(data.data() + data.size()),
          handles_(handles),
          stack_(ts),
          memo_(ts) {}

    Value load() {
        while (true) {
            if (p_ >= end_) return bad("pickle data was truncated");
            uint8_t op = uint8_t(*p_++);
            if (op == '.') {
                if (stack_.v.empty() || (!marks_.empty() && marks_.back() == stack_.v.size()))
                    return bad("unpickling stack underflow");
                return stack_.v.back();
            }
            if (!step(op)) return Value::null();
        }
    }

  private:
    Value bad(std::string_view msg) {
        if (!ts_.has_exc()) raise_pickle_error(ts_, "UnpicklingError", msg);
        return Value::null();
    }
    bool need(size_t n) {
        if (size_t(end_ - p_) < n) {
            bad("pickle data was truncated");
            return false;
        }
        return true;
    }
    bool read_le(int n, uint64_t* out) {
        if (!need(size_t(n))) return false;
        uint64_t v = 0;
        for (int i = 0; i < n; ++i) v |= uint64_t(uint8_t(p_[i])) << (8 * i);
        p_ += n;
        *out = v;
        return true;
    }
    bool push(Value v) {
        if (v.is_null()) return false;
        stack_.v.push_back(v);
        return true;
    }
    bool pop(Value* out) {
        if (stack_.v.empty() || (!marks_.empty() && marks_.back() == stack_.v.size())) {
            bad("unpickling stack underflow");
            return false;
        }
        *out = stack_.v.back();
        stack_.v.pop_back();
        return true;
    }
    bool pop_mark(size_t* start) {
        if (marks_.empty()) {
            bad("could not find MARK");
            return false;
        }
        *start = marks_.back();
        marks_.pop_back();
        return true;
    }
    bool top(Value* out) {
        if (stack_.v.empty()) {
            bad("unpickling stack underflow");
            return false;
        }
        *out = stack_.v.back();
        return true;
    }
    bool put_memo(uint64_t idx) {
        Value v;
        if (!top(&v)) return false;
        if (idx > (1u << 30)) return bad("memo index too large"), false;
        if (memo_.v.size() <= idx) memo_.v.resize(size_t(idx) + 1, Value::null());
        memo_.v[size_t(idx)] = v;
        return true;
    }
    bool get_memo(uint64_t idx) {
        if (idx >= memo_.v.size() || memo_.v[size_t(idx)].is_null()) {
            raisef(ts_, &exc_KeyError, "Memo value not found at index {}", idx);
            return false;
        }
        return push(memo_.v[size_t(idx)]);
    }
    bool read_text(size_t n, std::string_view* out) {
        if (!need(n)) return false;
        *out = std::string_view(p_, n);
        p_ += n;
        return true;
    }

    Value find_class(Value module, Value name) {
        if (!is_str(module) || !is_str(name)) return bad("STACK_GLOBAL requires str");
        Value mod = import_module(ts_, str_view(module));
        if (mod.is_null()) return mod;
        Rooted km(ts_, mod);
        std::string_view q = str_view(name);
        Value cur = mod;
        size_t start = 0;
        while (true) {
            size_t dot = q.find('.', start);
            std::string_view part = q.substr(
                start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
            Value next = getattr_opt(ts_, cur, intern_str(ts_, part));
            if (next.is_null()) {
                if (!ts_.has_exc())
                    raisef(ts_, &exc_AttributeError, "Can't get attribute '{}' on {}", q,
                           module_repr(mod));
                return Value::null();
            }
            cur = next;
            km = cur;
            if (dot == std::string_view::npos) break;
            start = dot + 1;
        }
        return cur;
    }
    std::string module_repr(Value mod) {
        std::string r;
        if (!repr_utf8(ts_, mod, &r)) {
            clear_exc(ts_);
            return "<module>";
        }
        return r;
    }

    Value make_tuple(size_t start) {
        Tuple* t = new_tuple_from(ts_, stack_.v.data() + start, int64_t(stack_.v.size() - start));
        if (!t) return Value::null();
        stack_.v.resize(start);
        return Value::from_ptr(t);
    }

    bool set_state(Value obj, Value state) {
        Rooted ko(ts_, obj), ks(ts_, state);
        Value setstate = getattr_opt(ts_, obj, names.__setstate__);
        if (!setstate.is_null()) {
            Rooted kf(ts_, setstate);
            return !call1(ts_, setstate, state).is_null();
        }
        if (ts_.has_exc()) return false;
        Value slotstate = Value::null();
        if (is_tuple(state) && state.as<Tuple>()->size == 2) {
            slotstate = state.as<Tuple>()->items[1];
            state = state.as<Tuple>()->items[0];
        }
        if (is_dict(state)) {
            Dict* d = instance_dict(ts_, obj);
            if (!d) {
                if (!ts_.has_exc()) bad("state is not a dictionary");
                return false;
            }
            int64_t pos = 0;
            Value k, v;
            while (dict_next(state.as<Dict>(), &pos, &k, &v))
                if (!dict_set(ts_, d, k, v)) return false;
        } else if (!state.is_none()) {
            return bad("state is not a dictionary"), false;
        }
        if (is_dict(slotstate)) {
            int64_t pos = 0;
            Value k, v;
            while (dict_next(slotstate.as<Dict>(), &pos, &k, &v))
                if (!is_str(k) || !setattr(ts_, obj, k.as<Str>(), v)) return false;
        }
        return true;
    }

    bool step(uint8_t op) {
        uint64_t n = 0;
        Value a, b, c;
        size_t start;
        std::string_view text;
        switch (op) {
            case 0x80:  // PROTO
                if (!need(1)) return false;
                if (uint8_t(*p_) > 5) {
                    bad(fmt::format("unsupported pickle protocol: {}", int(uint8_t(*p_))));
                    return false;
                }
                ++p_;
                return true;
            case 0x95:  // FRAME
                return read_le(8, &n);
            case 'N':
                return push(Value::none());
            case 0x88:
                return push(Value::true_());
            case 0x89:
                return push(Value::false_());
            case 'K':
                return read_le(1, &n) && push(Value::from_small(int64_t(n)));
            case 'M':
                return read_le(2, &n) && push(Value::from_small(int64_t(n)));
            case 'J':
                return read_le(4, &n) && push(Value::from_small(int64_t(int32_t(uint32_t(n)))));
            case 0x8a:
            case 0x8b: {
                if (!read_le(op == 0x8a ? 1 : 4, &n) || !read_text(size_t(n), &text)) return false;
                return push(decode_long(text));
            }
            case 'G': {
                if (!need(8)) return false;
                uint64_t bits = 0;
                for (int i = 0; i < 8; ++i) bits = (bits << 8) | uint8_t(p_[i]);
                p_ += 8;
                double d;
                std::memcpy(&d, &bits, 8);
                return push(Value::from_double(d));
            }
            case 0x8c:
            case 'X':
            case 0x8d:
                if (!read_le(op == 0x8c  ? 1
                             : op == 'X' ? 4
                                         : 8,
                             &n) ||
                    !read_text(size_t(n), &text))
                    return false;
                return push(str_value(ts_, text));
            case 'C':
            case 'B':
            case 0x8e:
            case 'U':
            case 'T':
                if (!read_le(op == 'C' || op == 'U' ? 1
                             : op == 0x8e           ? 8
                                                    : 4,
                             &n) ||
                    !read_text(size_t(n), &text))
                    return false;
                if (op == 'U' || op == 'T') return push(str_value(ts_, text));
                {
                    Bytes* by = new_bytes(ts_, text);
                    return by && push(Value::from_ptr(by));
                }
            case ')':
                return push(Value::from_ptr(empty_tuple()));
            case 0x85:
            case 0x86:
            case 0x87: {
                size_t k = size_t(op - 0x85 + 1);
                if (stack_.v.size() < k + (marks_.empty() ? 0 : marks_.back()))
                    return bad("unpickling stack underflow"), false;
                return push(make_tuple(stack_.v.size() - k));
            }
            case '(':
                marks_.push_back(stack_.v.size());
                return true;
            case 't':
                return pop_mark(&start) && push(make_tuple(start));
            case ']': {
                List* l = new_list(ts_, 0);
                return l && push(Value::from_ptr(l));
            }
            case 'l': {
                if (!pop_mark(&start)) return false;
                List* l =
                    new_list_from(ts_, stack_.v.data() + start, int64_t(stack_.v.size() - start));
                if (!l) return false;
                stack_.v.resize(start);
                return push(Value::from_ptr(l));
            }
            case '}': {
                Dict* d = new_dict(ts_);
                return d && push(Value::from_ptr(d));
            }
            case 'd': {
                if (!pop_mark(&start)) return false;
                Dict* d = new_dict(ts_);
                if (!d) return false;
                Rooted kd(ts_, Value::from_ptr(d));
                for (size_t i = start; i + 1 < stack_.v.size(); i += 2)
                    if (!dict_set(ts_, d, stack_.v[i], stack_.v[i + 1])) return false;
                stack_.v.resize(start);
                return push(Value::from_ptr(d));
            }
            case 0x8f: {
                Set* s = new_set(ts_);
                return s && push(Value::from_ptr(s));
            }
            case 'a':
                if (!pop(&a) || !top(&b)) return false;
                {
                    Rooted ka(ts_, a);
                    if (is_list(b)) return list_append(ts_, b.as<List>(), a);
                    return !call_method(ts_, b, intern_str(ts_, "append"), &a, 1).is_null();
                }
            case 'e':
                if (!pop_mark(&start)) return false;
                if (start == 0) return bad("unpickling stack underflow"), false;
                b = stack_.v[start - 1];
                for (size_t i = start; i < stack_.v.size(); ++i) {
                    if (is_list(b)) {
                        if (!list_append(ts_, b.as<List>(), stack_.v[i])) return false;
                    } else if (call_method(ts_, b, intern_str(ts_, "append"), &stack_.v[i], 1)
                                   .is_null()) {
                        return false;
                    }
                }
                stack_.v.resize(start);
                return true;
            case 's':
                if (!pop(&c) || !pop(&a) || !top(&b)) return false;
                {
                    Rooted ka(ts_, a), kc(ts_, c);
                    return setitem(ts_, b, a, c);
                }
            case 'u':
                if (!pop_mark(&start)) return false;
                if (start == 0) return bad("unpickling stack underflow"), false;
                b = stack_.v[start - 1];
                for (size_t i = start; i + 1 < stack_.v.size(); i += 2)
                    if (!setitem(ts_, b, stack_.v[i], stack_.v[i + 1])) return false;
                stack_.v.resize(start);
                return true;
            case 0x90:
                if (!pop_mark(&start)) return false;
                if (start == 0) return bad("unpickling stack underflow"), false;
                b = stack_.v[start - 1];
                if (!is_anyset(b)) return bad("ADDITEMS on a non-set"), false;
                for (size_t i = start; i < stack_.v.size(); ++i)
                    if (!set_add(ts_, b.as<Set>(), stack_.v[i])) return false;
                stack_.v.resize(start);
                return true;
            case 0x91: {
                if (!pop_mark(&start)) return false;
                Set* s = new_set(ts_, &frozenset_type);
                if (!s) return false;
                Rooted ks(ts_, Value::from_ptr(s));
                for (size_t i = start; i < stack_.v.size(); ++i)
                    if (!set_add(ts_, s, stack_.v[i])) return false;
                stack_.v.resize(start);
                return push(Value::from_ptr(s));
            }
            case '0':
                return pop(&a);
            case '1':
                return pop_mark(&start) && (stack_.v.resize(start), true);
            case '2':
                return top(&a) && push(a);
            case 0x94:
                return put_memo(memo_.v.size());
            case 'q':
                return read_le(1, &n) && put_memo(n);
            case 'r':
                return read_le(4, &n) && put_memo(n);
            case 'h':
                return read_le(1, &n) && get_memo(n);
            case 'j':
                return read_le(4, &n) && get_memo(n);
            case 0x93:
                if (!pop(&b) || !pop(&a)) return false;
                {
                    Rooted ka(ts_, a), kb(ts_, b);
                    return push(find_class(a, b));
                }
            case 'c': {
                const char* nl = static_cast<const char*>(std::memchr(p_, '\n', size_t(end_ - p_)));
                if (!nl) return bad("pickle data was truncated"), false;
                std::string_view mod(p_, size_t(nl - p_));
                p_ = nl + 1;
                const char* nl2 =
                    static_cast<const char*>(std::memchr(p_, '\n', size_t(end_ - p_)));
                if (!nl2) return bad("pickle data was truncated"), false;
                std::string_view name(p_, size_t(nl2 - p_));
                p_ = nl2 + 1;
                Value ms = str_value(ts_, mod);
                if (ms.is_null()) return false;
                Rooted km(ts_, ms);
                Value ns = str_value(ts_, name);
                if (ns.is_null()) return false;
                Rooted kn(ts_, ns);
                return push(find_class(ms, ns));
            }
            case 'Q':
                if (!pop(&a)) return false;
                if (!handles_ || !a.is_small() || a.as_small() < 0 ||
                    size_t(a.as_small()) >= handles_->size())
                    return bad("A load persistent id instruction was encountered, but no "
                               "persistent_load function was specified."),
                           false;
                return push(new_mp_handle_void(ts_, (*handles_)[size_t(a.as_small())]));
            case 'R':
                if (!pop(&b) || !pop(&a)) return false;
                {
                    Rooted ka(ts_, a), kb(ts_, b);
                    if (!is_tuple(b)) return bad("REDUCE args must be a tuple"), false;
                    return push(call_ex(ts_, a, b, Value::null()));
                }
            case 0x81:
                if (!pop(&b) || !pop(&a)) return false;
                {
                    Rooted ka(ts_, a), kb(ts_, b);
                    return push(new_object(a, b, Value::null()));
                }
            case 0x92:
                if (!pop(&c) || !pop(&b) || !pop(&a)) return false;
                {
                    Rooted ka(ts_, a), kb(ts_, b), kc(ts_, c);
                    return push(new_object(a, b, c));
                }
            case 'b':
                if (!pop(&b) || !top(&a)) return false;
                return set_state(a, b);
            default:
                bad(fmt::format("invalid load key, '\\x{:02x}'.", op));
                return false;
        }
    }

    // cls.__new__(cls, *args, **kwargs)
    Value new_object(Value cls, Value args, Value kwargs) {
        if (!is_typeobj(cls)) return bad("NEWOBJ class argument isn't a type object");
        if (!is_tuple(args)) return bad("NEWOBJ expected an arg tuple.");
        Value newf = getattr(ts_, cls, names.__new__);
        if (newf.is_null()) return newf;
        Rooted kn(ts_, newf);
        Tuple* at = args.as<Tuple>();
        RootedVector full(ts_);
        full.v.push_back(cls);
        for (int64_t i = 0; i < at->size; ++i) full.v.push_back(at->items[i]);
        Tuple* t = new_tuple_from(ts_, full.v.data(), int64_t(full.v.size()));
        if (!t) return Value::null();
        Rooted kt(ts_, Value::from_ptr(t));
        return call_ex(ts_, newf, Value::from_ptr(t), kwargs);
    }

    Value decode_long(std::string_view bytes) {
        if (bytes.empty()) return Value::from_small(0);
        bool neg = (uint8_t(bytes.back()) & 0x80) != 0;
        std::string mag(bytes);
        if (neg) {  // magnitude of a two's complement number
            bool carry = true;
            for (auto& ch : mag) {
                unsigned char u = static_cast<unsigned char>(~static_cast<unsigned char>(ch));
                if (carry) {
                    u = static_cast<unsigned char>(u + 1);
                    carry = (u == 0);
                }
                ch = char(u);
            }
        }
        std::vector<uint32_t> limbs((mag.size() + 3) / 4, 0);
        for (size_t i = 0; i < mag.size(); ++i)
            limbs[i / 4] |= uint32_t(uint8_t(mag[i])) << (8 * (i % 4));
        return int_from_bigint(ts_, BigInt::from_limbs(limbs, neg));
    }

    ThreadState& ts_;
    const char* p_;
    const char* end_;
    const PickleHandles* handles_;
    RootedVector stack_;
    RootedVector memo_;
    std::vector<size_t> marks_;
};

}  // namespace

Value pickle_loads_impl(ThreadState& ts, std::string_view data, const PickleHandles* handles) {
    Unpickler u(ts, data, handles);
    return u.load();
}

}  // namespace interleave::python
