// exec(): runs Python source text in a namespace (CPython 3.11's builtin_exec_impl for str
// sources). Used by programs and by our Python modules (dataclasses builds __init__ as CPython's
// does, from generated text).
#include "python/builtins/builtins.hpp"
#include "python/interp.hpp"
#include "python/vm/call.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/frame.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

// exec(source, globals=None, locals=None): source a str; globals a dict (the caller's when
// None); locals any mapping (globals when None at module level).
Value b_exec(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    if (kw && kw->size) return raise(ts, &exc_TypeError, "exec() takes no keyword arguments");
    if (n < 1 || n > 3)
        return raisef(ts, &exc_TypeError, "exec expected at least 1 argument, got {}", n);
    Value globals = n > 1 ? a[1] : Value::none();
    Value locals = n > 2 ? a[2] : Value::none();
    if (!globals.is_none() && !is_dict(globals))
        return raisef(ts, &exc_TypeError, "exec() globals must be a dict, not {}",
                      type_name(globals));
    if (globals.is_none()) {
        if (!ts.frame) return raise(ts, &exc_SystemError, "exec() without a frame");
        globals = Value::from_ptr(ts.frame->globals);
        if (locals.is_none() && !ts.frame->locals.is_null()) locals = ts.frame->locals;
    }
    if (locals.is_none()) locals = globals;
    if (!is_str(a[0]))
        return raisef(ts, &exc_TypeError, "exec() arg 1 must be a string, bytes or code object");
    Dict* g = globals.as<Dict>();
    if (dict_get_str(g, names.__builtins__).is_null())
        dict_set_str(ts, g, names.__builtins__, Value::from_ptr(ts.interp.builtins_module));
    CompileResult c = compile_program(str_view(a[0]), "<string>");
    if (!c.program) return raise(ts, &exc_SyntaxError, c.error.msg);
    ts.interp.programs.push_back(c.program);
    Rooted kg(ts, globals), kl(ts, locals);
    Value r = eval_code(ts, c.program->main, g, locals);
    if (r.is_null()) return r;
    return Value::none();
}

const MethodDef kExec[] = {{"exec", b_exec}};

}  // namespace

void add_builtin_exec_functions(ThreadState& ts, Dict* d) {
    for (const MethodDef& def : kExec) {
        Value f = new_builtin(ts, &def, Value::null());
        dict_set_str(ts, d, intern_str(ts, def.name), f);
    }
}

}  // namespace interleave::python
