// Frames and argument binding (CPython 3.11's _PyEval_MakeFrameVector/initialize_locals, with
// its error messages), and entering the eval loop from C++.
#include "python/vm/call.hpp"

#include <cstring>
#include <string>
#include <vector>

#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/eval_helpers.hpp"
#include "python/vm/generator.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

size_t frame_size(const Code* code) {
    return offsetof(Frame, localsplus) +
           sizeof(Value) * size_t(code->nlocalsplus + code->stacksize + 1);
}

FrameArena::~FrameArena() = default;

Frame* FrameArena::push_slow(size_t bytes) {
    // Move to the next chunk (allocating one big enough); chunks are kept for reuse.
    if (chunk_base_ != nullptr) ++current_;
    while (current_ < chunks_.size() && chunks_[current_].size < bytes) ++current_;
    if (current_ >= chunks_.size()) {
        size_t size = std::max<size_t>(bytes, 256 * 1024);
        Chunk c;
        c.mem.reset(new (std::nothrow) char[size]);
        if (!c.mem) return nullptr;
        c.size = size;
        chunks_.push_back(std::move(c));
        current_ = chunks_.size() - 1;
    }
    chunk_base_ = chunks_[current_].mem.get();
    limit_ = chunk_base_ + chunks_[current_].size;
    top_ = chunk_base_ + bytes;
    return reinterpret_cast<Frame*>(chunk_base_);
}

void FrameArena::pop_slow(Frame* f) {
    // `f` is in an earlier chunk: go back to it.
    char* p = reinterpret_cast<char*>(f);
    while (current_ > 0) {
        --current_;
        char* base = chunks_[current_].mem.get();
        if (p >= base && p < base + chunks_[current_].size) {
            chunk_base_ = base;
            limit_ = base + chunks_[current_].size;
            top_ = p;
            return;
        }
    }
    chunk_base_ = nullptr;
    top_ = limit_ = nullptr;
}

void init_frame(Frame* frame, Function* f, const Code* code) {
    frame->code = code;
    frame->func = f;
    frame->globals = f ? f->globals : nullptr;
    frame->builtins = f ? f->builtins : nullptr;
    frame->locals = Value::null();
    frame->back = nullptr;
    frame->ip = code->code.data();
    frame->gen = nullptr;
    frame->flags = 0;
    frame->nlocalsplus = uint32_t(code->nlocalsplus);
    frame->size = uint32_t(code->frame_bytes);
    for (int i = 0; i < code->nlocalsplus; ++i) frame->localsplus[i] = Value::null();
    frame->sp = frame->localsplus + code->nlocalsplus;
}

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

// Argument errors name the function's __qualname__ (CPython 3.11: func_qualname); a function
// made before its qualname was set falls back to its code's.
const Str* fn_qualname(const Function* f) {
    return f->qualname ? f->qualname : f->code->qualname;
}

// Argument errors name the function's __qualname__ (CPython 3.11: func_qualname).
bool missing_error(ThreadState& ts, const Str* qualname, std::vector<std::string>& missing,
                   bool kwonly) {
    raisef(ts, &exc_TypeError, "{}() missing {} required {}argument{}: {}",
           qualname->view(), missing.size(), kwonly ? "keyword-only " : "positional ",
           missing.size() == 1 ? "" : "s", quoted_list(missing));
    return false;
}

int find_kw(const Code* code, Str* k, int from, int to) {
    for (int i = from; i < to; ++i)
        if (code->localsplusnames[i] == k) return i;
    for (int i = from; i < to; ++i)
        if (str_eq(code->localsplusnames[i], k)) return i;
    return -1;
}

}  // namespace

bool bind_arguments(ThreadState& ts, Function* f, Frame* frame, const Value* args, size_t nargs,
                    Tuple* kwnames) {
    const Code* code = f->code;
    Value* locals = frame->localsplus;
    size_t nkw = kwnames ? size_t(kwnames->size) : 0;
    size_t npos = nargs - nkw;
    int argc = code->argcount;
    if (nkw == 0 && npos == size_t(argc) && !(code->flags & (kCoVarargs | kCoVarkeywords)) &&
        code->kwonlyargcount == 0) {
        for (int i = 0; i < argc; ++i) locals[i] = args[i];
        return true;
    }
    int kwonly = code->kwonlyargcount;
    int total = argc + kwonly;
    bool has_varargs = code->flags & kCoVarargs;
    bool has_varkw = code->flags & kCoVarkeywords;
    Dict* kwdict = nullptr;
    if (has_varkw) {
        kwdict = new_dict(ts);
        if (!kwdict) return false;
        locals[total + (has_varargs ? 1 : 0)] = Value::from_ptr(kwdict);
    }
    size_t ncopy = std::min(npos, size_t(argc));
    for (size_t i = 0; i < ncopy; ++i) locals[i] = args[i];
    if (has_varargs) {
        Tuple* extra = new_tuple_from(ts, args + ncopy, int64_t(npos - ncopy));
        if (!extra) return false;
        locals[total] = Value::from_ptr(extra);
    } else if (npos > size_t(argc)) {
        int ndef = f->defaults ? int(f->defaults->size) : 0;
        size_t kwonly_given = 0;
        for (size_t i = 0; i < nkw; ++i)
            if (find_kw(code, kwnames->items[i].as<Str>(), argc, total) >= 0) ++kwonly_given;
        std::string takes = ndef ? fmt::format("from {} to {}", argc - ndef, argc)
                                 : std::to_string(argc);
        std::string kwpart;
        if (kwonly_given)
            kwpart = fmt::format(" positional argument{} (and {} keyword-only argument{})",
                                 npos == 1 ? "" : "s", kwonly_given, kwonly_given == 1 ? "" : "s");
        raisef(ts, &exc_TypeError, "{}() takes {} positional argument{} but {}{} {} given",
               fn_qualname(f)->view(), takes, (argc == 1 && !ndef) ? "" : "s", npos, kwpart,
               npos == 1 && !kwonly_given ? "was" : "were");
        return false;
    }
    for (size_t i = 0; i < nkw; ++i) {
        Str* k = kwnames->items[i].as<Str>();
        Value v = args[npos + i];
        int j = find_kw(code, k, code->posonlyargcount, total);
        if (j < 0) {
            if (kwdict) {
                if (!dict_set_str(ts, kwdict, k, v)) return false;
                continue;
            }
            if (find_kw(code, k, 0, code->posonlyargcount) >= 0) {
                raisef(ts, &exc_TypeError,
                       "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                       fn_qualname(f)->view(), k->view());
                return false;
            }
            raisef(ts, &exc_TypeError, "{}() got an unexpected keyword argument '{}'",
                   fn_qualname(f)->view(), k->view());
            return false;
        }
        if (!locals[j].is_null()) {
            raisef(ts, &exc_TypeError, "{}() got multiple values for argument '{}'",
                   fn_qualname(f)->view(), k->view());
            return false;
        }
        locals[j] = v;
    }
    if (npos < size_t(argc)) {
        int ndef = f->defaults ? int(f->defaults->size) : 0;
        int first_def = argc - ndef;
        std::vector<std::string> missing;
        for (int i = int(npos); i < argc; ++i) {
            if (!locals[i].is_null()) continue;
            if (i >= first_def) {
                locals[i] = f->defaults->items[i - first_def];
            } else {
                missing.emplace_back(code->localsplusnames[i]->view());
            }
        }
        if (!missing.empty()) return missing_error(ts, fn_qualname(f), missing, false);
    }
    if (kwonly) {
        std::vector<std::string> missing;
        for (int i = argc; i < total; ++i) {
            if (!locals[i].is_null()) continue;
            Value d = f->kwdefaults ? dict_get_str(f->kwdefaults, code->localsplusnames[i])
                                    : Value::null();
            if (!d.is_null()) locals[i] = d;
            else missing.emplace_back(code->localsplusnames[i]->view());
        }
        if (!missing.empty()) return missing_error(ts, fn_qualname(f), missing, true);
    }
    return true;
}

Value eval_frame(ThreadState& ts, Frame* frame) {
    if (ts.native_depth >= kMaxNativeDepth) {
        if (frame->flags & kFrameOnArena) ts.arena.pop(frame);
        // Entered from native code: CPython's C call path (_Py_EnterRecursiveCall) message.
        return raise(ts, &exc_RecursionError,
                     "maximum recursion depth exceeded while calling a Python object");
    }
    ++ts.native_depth;
    frame->flags |= kFrameEntry;
    frame->back = ts.frame;
    ++ts.py_depth;
    Value r = run_frame(ts, frame);
    --ts.native_depth;
    return r;
}

Value call_function(ThreadState& ts, Function* f, const Value* args, size_t nargs,
                    Tuple* kwnames) {
    const Code* code = f->code;
    if (code->flags & (kCoGenerator | kCoCoroutine | kCoAsyncGenerator)) {
        Generator* g = new_generator(ts, f, code->frame_bytes);
        if (!g) return Value::null();
        Rooted keep(ts, Value::from_ptr(g));
        if (!bind_arguments(ts, f, &g->frame, args, nargs, kwnames)) return Value::null();
        return Value::from_ptr(g);
    }
    if (ts.py_depth >= ts.interp.recursion_limit)
        return raise(ts, &exc_RecursionError,
                     "maximum recursion depth exceeded while calling a Python object");
    Frame* frame = ts.arena.push(code->frame_bytes);
    if (!frame) return raise_memory_error(ts);
    init_frame(frame, f, code);
    frame->flags = kFrameOnArena;
    if (!bind_arguments(ts, f, frame, args, nargs, kwnames)) {
        ts.arena.pop(frame);
        return Value::null();
    }
    return eval_frame(ts, frame);
}

Value eval_code(ThreadState& ts, const Code* code, Dict* globals, Value locals, Function* func) {
    Frame* frame = ts.arena.push(code->frame_bytes);
    if (!frame) return raise_memory_error(ts);
    init_frame(frame, func, code);
    frame->func = func;
    frame->globals = globals;
    Value b = dict_get_str(globals, names.__builtins__);
    if (is_type(b, &module_type)) frame->builtins = b.as<Module>()->dict;
    else if (is_dict(b)) frame->builtins = b.as<Dict>();
    else frame->builtins = ts.interp.builtins;
    frame->locals = locals;
    frame->flags = kFrameOnArena;
    return eval_frame(ts, frame);
}

}  // namespace interleave::python
