// The traceback type (tb_next, tb_lineno, tb_lasti; tb_frame is not kept) and opcode names.
#include "python/compiler/opcodes.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"

namespace interleave::python {

const char* opcode_name(int op) {
    static const char* const kNames[] = {
#define PY_OP_NAME(n) #n,
        PY_OPCODES(PY_OP_NAME)
#undef PY_OP_NAME
    };
    if (op < 0 || op >= kOpcodeCount) return "<pseudo>";
    return kNames[op];
}

namespace {

void tb_trace(Object* o, GcVisitor& v) {
    v.visit(static_cast<Traceback*>(o)->next);
}
Value tb_next(ThreadState&, Value s) {
    Value n = s.as<Traceback>()->next;
    return n.is_null() ? Value::none() : n;
}
Value tb_lineno(ThreadState&, Value s) {
    return Value::from_small(s.as<Traceback>()->lineno);
}
Value tb_lasti(ThreadState&, Value s) {
    return Value::from_small(s.as<Traceback>()->lasti * 2);
}
const GetSetDef kTbGetSets[] = {{"tb_next", tb_next}, {"tb_lineno", tb_lineno}, {"tb_lasti", tb_lasti}};

void code_finalize(Object* o, Heap&) {
    static_cast<Code*>(o)->~Code();
}

Value c_name(ThreadState&, Value s) { return Value::from_ptr(s.as<Code>()->name); }
Value c_qualname(ThreadState&, Value s) { return Value::from_ptr(s.as<Code>()->qualname); }
Value c_filename(ThreadState&, Value s) { return Value::from_ptr(s.as<Code>()->filename); }
Value c_firstlineno(ThreadState&, Value s) { return Value::from_small(s.as<Code>()->firstlineno); }
Value c_argcount(ThreadState&, Value s) { return Value::from_small(s.as<Code>()->argcount); }
Value c_flags(ThreadState&, Value s) { return Value::from_small(s.as<Code>()->flags); }
Value c_varnames(ThreadState& ts, Value s) {
    const Code* c = s.as<Code>();
    Tuple* t = new_tuple(ts, c->nlocals);
    if (!t) return Value::null();
    for (int i = 0; i < c->nlocals; ++i) t->items[i] = Value::from_ptr(c->localsplusnames[size_t(i)]);
    return Value::from_ptr(t);
}
const GetSetDef kCodeGetSets[] = {
    {"co_name", c_name}, {"co_qualname", c_qualname}, {"co_filename", c_filename},
    {"co_firstlineno", c_firstlineno}, {"co_argcount", c_argcount}, {"co_flags", c_flags},
    {"co_varnames", c_varnames},
};

}  // namespace

void setup_traceback_type(TypeBuilder& b) {
    b.init(traceback_type, "traceback", nullptr, sizeof(Traceback), 0);
    traceback_type.trace = tb_trace;
    b.getsets(traceback_type, kTbGetSets);
    code_type.finalize = code_finalize;
    b.getsets(code_type, kCodeGetSets);
}

}  // namespace interleave::python
