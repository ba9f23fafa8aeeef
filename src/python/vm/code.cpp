// Turning the compiler's CodeUnits into immutable Code objects on a program's immortal heap.
#include "python/vm/code.hpp"

#include <unordered_map>

#include "python/num/float_ops.hpp"
#include "python/num/hash.hpp"
#include "python/objects/api.hpp"
#include "python/objects/complex.hpp"
#include "python/objects/int.hpp"
#include "python/objects/set.hpp"
#include "python/vm/frame.hpp"

namespace interleave::python {

namespace {

struct Builder {
    Program& program;
    std::unordered_map<std::string, Str*> strs;

    Str* intern(const std::string& s) {
        if (Str* st = find_static_name(s)) return st;
        auto it = strs.find(s);
        if (it != strs.end()) return it->second;
        Str* st = new_str_heap(program.heap, s);
        st->flags |= kStrInterned;
        str_hash(st);
        strs.emplace(s, st);
        return st;
    }

    Value constant(const ConstValue& c) {
        switch (c.kind) {
            case ConstValue::Kind::None: return Value::none();
            case ConstValue::Kind::True: return Value::true_();
            case ConstValue::Kind::False: return Value::false_();
            case ConstValue::Kind::Ellipsis: return Value::from_ptr(&ellipsis_obj);
            case ConstValue::Kind::Int:
                if (Value::fits_small(c.i)) return Value::from_small(c.i);
                return int_from_bigint_heap(program.heap, BigInt::from_int64(c.i));
            case ConstValue::Kind::BigInt: {
                auto r = BigInt::from_text(c.s, 10, TextKind::str, 0);
                return int_from_bigint_heap(program.heap, std::move(r.value));
            }
            case ConstValue::Kind::Float: return Value::from_double(c.f);
            case ConstValue::Kind::Complex:
                return Value::from_ptr(new_complex_heap(program.heap, 0.0, c.f));
            case ConstValue::Kind::Str: return Value::from_ptr(intern(c.s));
            case ConstValue::Kind::Bytes: return Value::from_ptr(new_bytes_heap(program.heap, c.s));
            case ConstValue::Kind::Tuple: {
                Tuple* t = new_tuple_heap(program.heap, int64_t(c.items.size()));
                for (size_t i = 0; i < c.items.size(); ++i) t->items[i] = constant(c.items[i]);
                return Value::from_ptr(t);
            }
            case ConstValue::Kind::FrozenSet: {
                // The compiler folds only str/bytes/int/float items (compiler/codegen_call.cpp).
                std::vector<Value> keys;
                std::vector<int64_t> hashes;
                for (const ConstValue& item : c.items) {
                    Value k = constant(item);
                    int64_t h = 0;
                    switch (item.kind) {
                        case ConstValue::Kind::Str: h = str_hash(k.as<Str>()); break;
                        case ConstValue::Kind::Bytes: h = hash_bytes(item.s); break;
                        case ConstValue::Kind::Int: h = hash_small_int(item.i); break;
                        case ConstValue::Kind::Float: h = hash_double(item.f); break;
                        default: break;
                    }
                    keys.push_back(k);
                    hashes.push_back(h);
                }
                return new_frozenset_const(program.heap, keys, hashes);
            }
            case ConstValue::Kind::Code: return Value::from_ptr(code(*c.code));
        }
        return Value::none();
    }

    Code* code(const CodeUnit& u) {
        Code* c = program.heap.make<Code>(&code_type, sizeof(Code));
        c->code = u.code;
        c->positions = u.positions;
        c->exceptiontable = u.exceptiontable;
        c->localspluskinds = u.localspluskinds;
        for (const ConstValue& k : u.consts) c->consts.push_back(constant(k));
        for (const std::string& n : u.names) c->names.push_back(intern(n));
        for (const std::string& n : u.localsplusnames) c->localsplusnames.push_back(intern(n));
        c->name = intern(u.name);
        c->qualname = intern(u.qualname);
        c->filename = intern(u.filename);
        c->argcount = u.argcount;
        c->posonlyargcount = u.posonlyargcount;
        c->kwonlyargcount = u.kwonlyargcount;
        c->nlocals = u.nlocals;
        c->nlocalsplus = int(u.localsplusnames.size());
        for (uint8_t k : u.localspluskinds) {
            if (k & kFastCell) ++c->ncells;
            if (k & kFastFree) ++c->nfrees;
        }
        c->stacksize = u.stacksize;
        c->flags = u.flags;
        c->firstlineno = u.firstlineno;
        c->frame_bytes = frame_size(c);
        return c;
    }
};

}  // namespace

Code* materialize_code(Program& program, const CodeUnit& unit) {
    Builder b{program, {}};
    return b.code(unit);
}

}  // namespace interleave::python
