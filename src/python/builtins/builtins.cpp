// The builtins module (CPython's Python/bltinmodule.c): the interpreter's setup and the
// builtin functions that are not about sequences (builtins_seq.cpp).
#include "python/builtins/builtins.hpp"

#include <cmath>

#include "python/modules/module_def.hpp"
#include "python/objects/complex.hpp"
#include "python/objects/int.hpp"
#include "python/objects/memoryview.hpp"
#include "python/objects/set.hpp"
#include "python/vm/call.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Value super_new(ThreadState& ts, const Value* args, size_t nargs);
Value import_module(ThreadState& ts, std::string_view name);

namespace {

size_t npos(size_t nargs, Tuple* kw) {
    return nargs - (kw ? size_t(kw->size) : 0);
}

bool no_kw(ThreadState& ts, Tuple* kw, const char* fn) {
    if (kw && kw->size) {
        raisef(ts, &exc_TypeError, "{}() takes no keyword arguments", fn);
        return false;
    }
    return true;
}

bool nargs_exact(ThreadState& ts, size_t n, size_t want, const char* fn) {
    if (n == want) return true;
    if (want == 1)
        raisef(ts, &exc_TypeError, "{}() takes exactly one argument ({} given)", fn, n);
    else
        raisef(ts, &exc_TypeError, "{} expected {} arguments, got {}", fn, want, n);
    return false;
}

Value b_print(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    size_t n = npos(nargs, kw);
    Value sep = Value::none(), end = Value::none(), file = Value::none(), flush = Value::false_();
    for (size_t i = 0; kw && i < size_t(kw->size); ++i) {
        std::string_view k = str_view(kw->items[i]);
        Value v = args[n + i];
        if (k == "sep")
            sep = v;
        else if (k == "end")
            end = v;
        else if (k == "file")
            file = v;
        else if (k == "flush")
            flush = v;
        else
            return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for print()", k);
    }
    if (!sep.is_none() && !is_str(sep))
        return raisef(ts, &exc_TypeError, "sep must be None or a string, not {}", type_name(sep));
    if (!end.is_none() && !is_str(end))
        return raisef(ts, &exc_TypeError, "end must be None or a string, not {}", type_name(end));
    std::string out;
    for (size_t i = 0; i < n; ++i) {
        if (i) out += sep.is_none() ? std::string_view(" ") : str_view(sep);
        Value a = args[i];
        if (is_exact_str(a)) {
            out += str_view(a);
        } else {
            Value s = str(ts, a);
            if (s.is_null()) return s;
            out += str_view(s);
        }
    }
    out += end.is_none() ? std::string_view("\n") : str_view(end);
    int fl = truthy(ts, flush);
    if (fl < 0) return Value::null();
    if (file.is_none()) {
        Value so = ts.interp.sys_module
                       ? dict_get_str(ts.interp.sys_module->dict, names.name_stdout)
                       : Value::null();
        if (!so.is_null() && !is_std_stream(so)) file = so;
    }
    if (!file.is_none() && !is_std_stream(file)) {
        Value w = getattr(ts, file, names.write);
        if (w.is_null()) return w;
        Rooted kw2(ts, w);
        Value s = str_value(ts, out);
        if (s.is_null() || call1(ts, w, s).is_null()) return Value::null();
        if (fl) {
            Value f = getattr_opt(ts, file, names.flush);
            if (!f.is_null() && call0(ts, f).is_null()) return Value::null();
        }
        return Value::none();
    }
    bool err = !file.is_none() && std_stream_is_err(file);
    if (!write_stream(ts, err, out)) return Value::null();
    if (fl && !flush_streams(ts)) return Value::null();
    return Value::none();
}

Value b_len(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "len") || !nargs_exact(ts, nargs, 1, "len")) return Value::null();
    int64_t n = length(ts, args[0]);
    return n < 0 ? Value::null() : int_from_i64(ts, n);
}

Value b_repr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "repr") || !nargs_exact(ts, nargs, 1, "repr")) return Value::null();
    return repr(ts, args[0]);
}

Value b_ascii(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "ascii") || !nargs_exact(ts, nargs, 1, "ascii")) return Value::null();
    return ascii_repr(ts, args[0]);
}

Value b_abs(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "abs") || !nargs_exact(ts, nargs, 1, "abs")) return Value::null();
    return number_abs(ts, args[0]);
}

Value b_id(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "id") || !nargs_exact(ts, nargs, 1, "id")) return Value::null();
    return int_from_u64(ts, object_id(args[0]));
}

Value b_hash(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "hash") || !nargs_exact(ts, nargs, 1, "hash")) return Value::null();
    int64_t h;
    if (!hash(ts, args[0], &h)) return Value::null();
    return int_from_i64(ts, h);
}

Value b_isinstance(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "isinstance")) return Value::null();
    if (nargs != 2)
        return raisef(ts, &exc_TypeError, "isinstance expected 2 arguments, got {}", nargs);
    int r = isinstance(ts, args[0], args[1]);
    return r < 0 ? Value::null() : Value::boolean(r);
}

Value b_issubclass(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "issubclass")) return Value::null();
    if (nargs != 2)
        return raisef(ts, &exc_TypeError, "issubclass expected 2 arguments, got {}", nargs);
    int r = issubclass(ts, args[0], args[1]);
    return r < 0 ? Value::null() : Value::boolean(r);
}

Value b_getattr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "getattr")) return Value::null();
    if (nargs < 2 || nargs > 3)
        return raisef(ts, &exc_TypeError, "getattr expected at least 2 arguments, got {}", nargs);
    if (!is_str(args[1]))
        return raise(
            ts, &exc_TypeError,
            "attribute name must be string, not '" + std::string(type_name(args[1])) + "'");
    if (nargs == 3) {
        Value v = getattr_opt(ts, args[0], args[1].as<Str>());
        if (v.is_null() && !ts.has_exc()) return args[2];
        return v;
    }
    return getattr(ts, args[0], args[1].as<Str>());
}

Value b_setattr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "setattr")) return Value::null();
    if (nargs != 3)
        return raisef(ts, &exc_TypeError, "setattr expected 3 arguments, got {}", nargs);
    if (!is_str(args[1])) return raise(ts, &exc_TypeError, "attribute name must be string");
    return setattr(ts, args[0], args[1].as<Str>(), args[2]) ? Value::none() : Value::null();
}

Value b_delattr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "delattr")) return Value::null();
    if (nargs != 2)
        return raisef(ts, &exc_TypeError, "delattr expected 2 arguments, got {}", nargs);
    if (!is_str(args[1])) return raise(ts, &exc_TypeError, "attribute name must be string");
    return delattr(ts, args[0], args[1].as<Str>()) ? Value::none() : Value::null();
}

Value b_hasattr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "hasattr")) return Value::null();
    if (nargs != 2)
        return raisef(ts, &exc_TypeError, "hasattr expected 2 arguments, got {}", nargs);
    if (!is_str(args[1]))
        return raise(ts, &exc_TypeError, "hasattr(): attribute name must be string");
    Value v = getattr_opt(ts, args[0], args[1].as<Str>());
    if (v.is_null()) return ts.has_exc() ? Value::null() : Value::false_();
    return Value::true_();
}

Value b_callable(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "callable") || !nargs_exact(ts, nargs, 1, "callable")) return Value::null();
    return Value::boolean(is_callable(args[0]));
}

Value b_iter(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "iter")) return Value::null();
    if (nargs == 1) return get_iter(ts, args[0]);
    if (nargs != 2)
        return raisef(ts, &exc_TypeError, "iter expected at most 2 arguments, got {}", nargs);
    if (!is_callable(args[0])) return raise(ts, &exc_TypeError, "iter(v, w): v must be callable");
    Tuple* pair = new_tuple_from(ts, args, 2);
    if (!pair) return Value::null();
    return new_seq_iter(ts, &callable_iter_type, Value::from_ptr(pair));
}

Value b_next(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "next")) return Value::null();
    if (nargs < 1 || nargs > 2)
        return raisef(ts, &exc_TypeError, "next expected at least 1 argument, got {}", nargs);
    Type* t = type_of(args[0]);
    if (!t->next)
        return raisef(ts, &exc_TypeError, "'{}' object is not an iterator", type_name(args[0]));
    Value v = t->next(ts, args[0]);
    if (!v.is_null()) return v;
    if (ts.has_exc()) {
        if (nargs == 2 && clear_if(ts, &exc_StopIteration)) return args[1];
        return v;
    }
    if (nargs == 2) return args[1];
    return raise_instance(ts, new_exception_args(ts, &exc_StopIteration, empty_tuple()));
}

Value b_chr(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "chr") || !nargs_exact(ts, nargs, 1, "chr")) return Value::null();
    if (!is_int(args[0]))
        return raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer",
                      type_name(args[0]));
    int64_t c;
    if (!index_i64(ts, args[0], &c)) return Value::null();
    if (c < 0 || c > 0x10FFFF)
        return raise(ts, &exc_ValueError, "chr() arg not in range(0x110000)");
    std::string s;
    uint32_t cp = uint32_t(c);
    if (cp < 0x80)
        s += char(cp);
    else if (cp < 0x800) {
        s += char(0xC0 | (cp >> 6));
        s += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        s += char(0xE0 | (cp >> 12));
        s += char(0x80 | ((cp >> 6) & 0x3F));
        s += char(0x80 | (cp & 0x3F));
    } else {
        s += char(0xF0 | (cp >> 18));
        s += char(0x80 | ((cp >> 12) & 0x3F));
        s += char(0x80 | ((cp >> 6) & 0x3F));
        s += char(0x80 | (cp & 0x3F));
    }
    return str_value(ts, s);
}

Value b_ord(ThreadState& ts, const Value* args, size_t nargs, Tuple* kw) {
    if (!no_kw(ts, kw, "ord") || !nargs_exact(ts, nargs, 1, "ord")) return Value::null();
    Value v = args[0];
    if (is_bytes(v) || isinstance_fast(v, &bytearray_type)) {
        std::string copy;  // a shared bytearray is read under its lock
        std::string_view b;
        read_bytes(v, &copy, &b);
        if (b.size() != 1)
            return raisef(ts, &exc_TypeError,
                          "ord() expected a character, but string of length {} found", b.size());
        return Value::from_small(static_cast<unsigned char>(b[0]));
    }
    if (!is_str(v))
        return raisef(ts, &exc_TypeError, "ord() expected string of length 1, but {} found",
                      type_name(v));
    Str* s = v.as<Str>();
    if (s->length != 1)
        return raisef(ts, &exc_TypeError,
                      "ord() expected a character, but string of length {} found", s->length);
    const unsigned char* p = reinterpret_cast<const unsigned char*>(s->data);
    uint32_t cp;
    if (p[0] < 0x80)
        cp = p[0];
    else if (p[0] < 0xE0)
        cp = ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    else if (p[0] < 0xF0)
        cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    else
        cp = ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    return Value::from_small(cp);
}

Value base_str(ThreadState& ts, Value v, int base, const char* fn) {
    Value i = number_index(ts, v);
    if (i.is_null()) return i;
    (void)fn;
    return str_value(ts, to_bigint(i).to_base(base, true, false));
}
Value b_hex(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    if (!no_kw(ts, kw, "hex") || !nargs_exact(ts, n, 1, "hex")) return Value::null();
    return base_str(ts, a[0], 16, "hex");
}
Value b_oct(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    if (!no_kw(ts, kw, "oct") || !nargs_exact(ts, n, 1, "oct")) return Value::null();
    return base_str(ts, a[0], 8, "oct");
}
Value b_bin(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    if (!no_kw(ts, kw, "bin") || !nargs_exact(ts, n, 1, "bin")) return Value::null();
    return base_str(ts, a[0], 2, "bin");
}

Value b_format(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    if (!no_kw(ts, kw, "format")) return Value::null();
    if (n < 1 || n > 2)
        return raisef(ts, &exc_TypeError, "format expected at most 2 arguments, got {}", n);
    return format(ts, a[0], n == 2 ? a[1] : Value::null());
}

Value b_vars(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n == 0) {
        Frame* f = ts.frame;
        if (f && is_dict(f->locals)) return f->locals;
        return raise(ts, &exc_SystemError,
                     "vars() without arguments in a function is not supported");
    }
    Value d = getattr_opt(ts, a[0], names.__dict__);
    if (d.is_null()) {
        if (ts.has_exc()) return d;
        return raise(ts, &exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

Value b_globals(ThreadState& ts, const Value*, size_t, Tuple*) {
    if (!ts.frame) return raise(ts, &exc_SystemError, "globals(): no current frame");
    return Value::from_ptr(ts.frame->globals);
}

Value b_locals(ThreadState& ts, const Value*, size_t, Tuple*) {
    Frame* f = ts.frame;
    if (!f) return raise(ts, &exc_SystemError, "locals(): no current frame");
    if (is_dict(f->locals)) return f->locals;
    Dict* d = new_dict(ts);
    if (!d) return Value::null();
    Rooted k(ts, Value::from_ptr(d));
    const Code* c = f->code;
    for (int i = 0; i < c->nlocalsplus; ++i) {
        Value v = f->localsplus[i];
        if (c->localspluskinds[size_t(i)] & (kFastCell | kFastFree)) {
            if (!is_type(v, &cell_type)) continue;
            v = v.as<Cell>()->ref;
        }
        if (v.is_null()) continue;
        if (!dict_set_str(ts, d, c->localsplusnames[size_t(i)], v)) return Value::null();
    }
    return Value::from_ptr(d);
}

Value b_dir(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    Value r;
    if (n == 0) {
        r = b_locals(ts, a, 0, nullptr);
        if (r.is_null()) return r;
        Rooted k(ts, r);
        List* l = new_list(ts, 0);
        if (!l) return Value::null();
        int64_t pos = 0;
        Value key;
        while (dict_next(r.as<Dict>(), &pos, &key, nullptr)) list_append(ts, l, key);
        r = Value::from_ptr(l);
    } else if (is_typeobj(a[0])) {
        // type.__dir__: the names in the class's and its bases' namespaces.
        Type* t = a[0].as<Type>();
        Dict* seen = new_dict(ts);
        if (!seen) return Value::null();
        Rooted ks(ts, Value::from_ptr(seen));
        for (int64_t i = 0; t->mro && i < t->mro->size; ++i) {
            int64_t pos = 0;
            Value k;
            while (dict_next(t->mro->items[i].as<Type>()->dict, &pos, &k, nullptr))
                if (!dict_set(ts, seen, k, Value::none())) return Value::null();
        }
        List* l = new_list(ts, 0);
        if (!l) return Value::null();
        r = Value::from_ptr(l);
        Rooted kl(ts, r);
        int64_t pos = 0;
        Value k;
        while (dict_next(seen, &pos, &k, nullptr)) list_append(ts, l, k);
    } else {
        // A special method: looked up on the type, never the instance.
        Value m = type_lookup(type_of(a[0]), names.__dir__);
        if (m.is_null()) return raise(ts, &exc_TypeError, "object does not provide __dir__");
        r = call1(ts, m, a[0]);
        if (r.is_null()) return r;
        if (!is_list(r)) {
            RootedVector v(ts);
            if (!iterate_into(ts, r, v.v)) return Value::null();
            List* l = new_list_from(ts, v.v.data(), int64_t(v.v.size()));
            if (!l) return Value::null();
            r = Value::from_ptr(l);
        }
    }
    Rooted kr(ts, r);
    if (sort_list(ts, r.as<List>(), Value::none(), false).is_null()) return Value::null();
    return r;
}

// The playground has no keyboard: input() writes its prompt to sys.stdout and flushes it, then
// meets the end of an empty standard input, as python3 does with stdin from /dev/null
// (EOFError "EOF when reading a line"), with a note saying what to do instead.
Value b_input(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    if (!no_kw(ts, kw, "input")) return Value::null();
    if (n > 1) return raisef(ts, &exc_TypeError, "input expected at most 1 argument, got {}", n);
    if (n == 1) {  // print(prompt, end='', flush=True)
        Tuple* names2 = new_tuple(ts, 2);
        if (!names2) return Value::null();
        Rooted kn(ts, Value::from_ptr(names2));
        names2->items[0] = Value::from_ptr(intern_str(ts, "end"));
        names2->items[1] = Value::from_ptr(intern_str(ts, "flush"));
        Value empty = str_value(ts, "");
        if (empty.is_null()) return empty;
        Rooted ke(ts, empty);
        const Value args[] = {a[0], empty, Value::true_()};
        if (b_print(ts, args, 3, names2).is_null()) return Value::null();
    }
    Value e = new_exception(ts, &exc_EOFError, "EOF when reading a line");
    if (e.is_null()) return e;
    Rooted ke(ts, e);
    Value note = str_value(ts,
                           "The playground has no keyboard input: give the value in the program "
                           "instead, e.g. name = \"Ada\".");
    if (note.is_null()) return note;
    Rooted kn(ts, note);
    if (call_method(ts, e, intern_str(ts, "add_note"), &note, 1).is_null()) return Value::null();
    return raise_instance(ts, e);
}

// The playground has no file system: open() fails as python3 does in an empty folder
// (FileNotFoundError for reading, PermissionError for writing, so `except OSError` code still
// works), with a note saying what to do instead.
Value b_open(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    const size_t npos = n - (kw ? size_t(kw->size) : 0);
    // Argument checks as _io.open's clinic parser (Modules/_io/clinic/_iomodule.c.h).
    static constexpr std::string_view kParams[] = {"file",   "mode",    "buffering", "encoding",
                                                   "errors", "newline", "closefd",   "opener"};
    if (npos > 8)
        return raisef(ts, &exc_TypeError, "open() takes at most 8 arguments ({} given)", n);
    Value name = npos > 0 ? a[0] : Value::null();
    std::string mode = npos > 1 && is_str(a[1]) ? std::string(str_view(a[1])) : "r";
    for (size_t i = npos; kw && i < n; ++i) {
        const std::string_view k = str_view(kw->items[i - npos]);
        size_t p = 0;
        while (p < 8 && kParams[p] != k) ++p;
        if (p == 8)
            return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for open()", k);
        if (p < npos)
            return raisef(ts, &exc_TypeError,
                          "argument for open() given by name ('{}') and position ({})", k, p + 1);
        if (p == 0) name = a[i];
        if (p == 1 && is_str(a[i])) mode = str_view(a[i]);
    }
    if (name.is_null())
        return raise(ts, &exc_TypeError, "open() missing required argument 'file' (pos 1)");
    Rooted kn(ts, name);
    const bool writes = mode.find_first_of("wax+") != std::string::npos;
    Str* msg = new_str(ts, writes ? "Permission denied" : "No such file or directory");
    if (!msg) return Value::null();
    Rooted km(ts, Value::from_ptr(msg));
    const Value args[] = {Value::from_small(writes ? 13 : 2), Value::from_ptr(msg), name};
    Value e = call(ts, Value::from_ptr(&exc_OSError), args, 3);
    if (e.is_null()) return e;
    Rooted ke(ts, e);
    Str* note = new_str(ts, writes ? "The playground has no files: print the output instead."
                                   : "The playground has no files: keep the data in the program "
                                     "instead (a string or a list).");
    if (!note) return Value::null();
    const Value note_arg = Value::from_ptr(note);
    if (Value r = call_method(ts, e, intern_str(ts, "add_note"), &note_arg, 1); r.is_null())
        return r;
    return raise_instance(ts, e);
}

Value b_round(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    size_t np = npos(n, kw);
    Value x = np > 0 ? a[0] : Value::null();
    Value nd = np > 1 ? a[1] : Value::none();
    for (size_t i = 0; kw && i < size_t(kw->size); ++i) {
        std::string_view k = str_view(kw->items[i]);
        if (k == "ndigits")
            nd = a[np + i];
        else if (k == "number")
            x = a[np + i];
        else
            return raisef(ts, &exc_TypeError, "round() got an unexpected keyword argument '{}'", k);
    }
    if (x.is_null())
        return raise(ts, &exc_TypeError, "round() missing required argument 'number' (pos 1)");
    Value f = type_lookup(type_of(x), names.__round__);
    if (!f.is_null() && !x.is_double() && !is_int(x)) {
        if (nd.is_none()) return call1(ts, f, x);
        return call2(ts, f, x, nd);
    }
    return number_round(ts, x, nd);
}

Value b_pow(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    size_t np = npos(n, kw);
    Value args[3] = {np > 0 ? a[0] : Value::null(), np > 1 ? a[1] : Value::null(),
                     np > 2 ? a[2] : Value::none()};
    for (size_t i = 0; kw && i < size_t(kw->size); ++i) {
        std::string_view k = str_view(kw->items[i]);
        if (k == "base")
            args[0] = a[np + i];
        else if (k == "exp")
            args[1] = a[np + i];
        else if (k == "mod")
            args[2] = a[np + i];
        else
            return raisef(ts, &exc_TypeError, "pow() got an unexpected keyword argument '{}'", k);
    }
    if (args[0].is_null() || args[1].is_null())
        return raise(ts, &exc_TypeError, "pow() missing required argument");
    if (args[2].is_none()) return binary_op(ts, args[0], args[1], int(BinaryOp::pow));
    Type* t = type_of(args[0]);
    if (!t->num.pow3)
        return raise(ts, &exc_TypeError,
                     "pow() 3rd argument not allowed unless all arguments are integers");
    Value r = t->num.pow3(ts, args[0], args[1], args[2]);
    if (is_not_implemented(r))
        return raise(ts, &exc_TypeError,
                     "pow() 3rd argument not allowed unless all arguments are integers");
    return r;
}

Value b_divmod(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    if (!no_kw(ts, kw, "divmod")) return Value::null();
    if (n != 2) return raisef(ts, &exc_TypeError, "divmod expected 2 arguments, got {}", n);
    return number_divmod(ts, a[0], a[1]);
}

Value b_exit(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    Tuple* args = new_tuple_from(ts, a, int64_t(n > 1 ? 1 : n));
    return raise_instance(ts, new_exception_args(ts, &exc_SystemExit, args));
}

Value b_super(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    if (!no_kw(ts, kw, "super")) return Value::null();
    return super_new(ts, a, n);
}

const MethodDef kBuiltins[] = {
    {"print", b_print},
    {"len", b_len},
    {"repr", b_repr},
    {"ascii", b_ascii},
    {"abs", b_abs},
    {"id", b_id},
    {"hash", b_hash},
    {"isinstance", b_isinstance},
    {"issubclass", b_issubclass},
    {"getattr", b_getattr},
    {"setattr", b_setattr},
    {"delattr", b_delattr},
    {"hasattr", b_hasattr},
    {"callable", b_callable},
    {"iter", b_iter},
    {"next", b_next},
    {"chr", b_chr},
    {"ord", b_ord},
    {"hex", b_hex},
    {"oct", b_oct},
    {"bin", b_bin},
    {"format", b_format},
    {"vars", b_vars},
    {"globals", b_globals},
    {"locals", b_locals},
    {"dir", b_dir},
    {"input", b_input},
    {"open", b_open},
    {"round", b_round},
    {"pow", b_pow},
    {"divmod", b_divmod},
    {"exit", b_exit},
    {"quit", b_exit},
    {"__build_class__", builtin_build_class},
    {"__import__", builtin_import},
    {"aiter", builtin_aiter},
    {"anext", builtin_anext},
};

}  // namespace

void add_builtin_functions(ThreadState& ts, Dict* d) {
    for (const MethodDef& def : kBuiltins) {
        Value f = new_builtin(ts, &def, Value::null());
        dict_set_str(ts, d, intern_str(ts, def.name), f);
    }
    // super is a type in CPython; a function here (isinstance(x, super) is not supported).
    static const MethodDef kSuper = {"super", b_super};
    dict_set_str(ts, d, intern_str(ts, "super"), new_builtin(ts, &kSuper, Value::null()));
}

bool init_interp(ThreadState& ts) {
    Interp& in = ts.interp;
    in.interned = new_dict(ts);
    if (!in.interned) return false;
    in.memory_error = new_exception_args(ts, &exc_MemoryError, empty_tuple());
    in.modules = new_dict(ts);
    if (!in.modules || in.memory_error.is_null()) return false;
    Module* b = new_module(ts, intern_str(ts, "builtins"));
    if (!b) return false;
    in.builtins_module = b;
    in.builtins = b->dict;
    Dict* d = b->dict;
    Type* types[] = {
        &object_type,      &type_type,         &int_type,       &bool_type,    &float_type,
        &str_type,         &bytes_type,        &tuple_type,     &list_type,    &dict_type,
        &set_type,         &frozenset_type,    &range_type,     &slice_type,   &property_type,
        &classmethod_type, &staticmethod_type, &enumerate_type, &zip_type,     &map_type,
        &filter_type,      &reversed_type,     &bytearray_type, &complex_type, &memoryview_type};
    for (Type* t : types) dict_set_str(ts, d, t->name_str, Value::from_ptr(t));
#define PY_EXC(name, base) dict_set_str(ts, d, exc_##name.name_str, Value::from_ptr(&exc_##name));
#include "python/objects/exceptions.def"
#undef PY_EXC
    dict_set_str(ts, d, intern_str(ts, "EnvironmentError"), Value::from_ptr(&exc_OSError));
    dict_set_str(ts, d, intern_str(ts, "IOError"), Value::from_ptr(&exc_OSError));
    dict_set_str(ts, d, intern_str(ts, "None"), Value::none());
    dict_set_str(ts, d, intern_str(ts, "True"), Value::true_());
    dict_set_str(ts, d, intern_str(ts, "False"), Value::false_());
    dict_set_str(ts, d, intern_str(ts, "NotImplemented"), not_implemented());
    dict_set_str(ts, d, intern_str(ts, "Ellipsis"), Value::from_ptr(&ellipsis_obj));
    dict_set_str(ts, d, names.__debug__, Value::true_());
    add_builtin_functions(ts, d);
    add_builtin_seq_functions(ts, d);
    add_builtin_exec_functions(ts, d);
    if (ts.has_exc()) return false;
    dict_set_str(ts, in.modules, b->name, Value::from_ptr(b));
    // sys is imported eagerly: print() and tracebacks use sys.stdout/stderr.
    Value sys = import_module(ts, "sys");
    if (sys.is_null()) return false;
    in.sys_module = sys.as<Module>();
    Module* main = new_module(ts, names.__main__);
    if (!main) return false;
    in.main_module = main;
    dict_set_str(ts, main->dict, names.__builtins__, Value::from_ptr(b));
    dict_set_str(ts, in.modules, names.__main__, Value::from_ptr(main));
    // sys's struct sequences (version_info, ...) come from Python (modules/_sysinfo.py).
    if (import_module(ts, "_sysinfo").is_null()) return false;
    return !ts.has_exc();
}

}  // namespace interleave::python
