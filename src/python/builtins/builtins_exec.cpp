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

// The SyntaxError (IndentationError, TabError; RecursionError past the front end's limits) of
// a failed compile, with msg, filename, lineno, offset, text, end_lineno and end_offset set as
// CPython's compile() sets them.
Value raise_compile_error(ThreadState& ts, const SyntaxErrorInfo& e) {
    if (e.kind == SyntaxErrorKind::RecursionError) return raise(ts, &exc_RecursionError, e.msg);
    Type* type = e.kind == SyntaxErrorKind::TabError           ? &exc_TabError
                 : e.kind == SyntaxErrorKind::IndentationError ? &exc_IndentationError
                                                               : &exc_SyntaxError;
    Value msg = str_value(ts, e.msg);
    if (msg.is_null()) return msg;
    Rooted km(ts, msg);
    Tuple* info = new_tuple(ts, 6);
    if (!info) return Value::null();
    for (int i = 0; i < 6; ++i) info->items[i] = Value::none();
    Rooted ki(ts, Value::from_ptr(info));
    Value fn = str_value(ts, e.filename);
    if (fn.is_null()) return fn;
    info->items[0] = fn;
    info->items[1] = Value::from_small(e.lineno);
    info->items[2] = Value::from_small(e.offset);
    if (!e.text.empty() && !e.from_compiler) {  // compile() of a string: no text to read
        Value text = str_value(ts, e.text);
        if (text.is_null()) return text;
        info->items[3] = text;
    }
    info->items[4] = Value::from_small(e.end_lineno);
    info->items[5] = Value::from_small(e.end_offset);
    const Value args[] = {msg, Value::from_ptr(info)};
    Value exc = call(ts, Value::from_ptr(type), args, 2);
    if (exc.is_null()) return exc;
    return raise_instance(ts, exc);
}

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
    if (!c.program) return raise_compile_error(ts, c.error);
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
