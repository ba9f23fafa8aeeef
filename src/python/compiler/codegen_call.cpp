// Calls: positional and keyword arguments, starred and double-starred unpacking, method calls
// (CPython 3.11's compiler_call, compiler_call_helper, starunpack_helper).
#include <algorithm>

#include "python/compiler/codegen.hpp"

namespace interleave::python {

bool Codegen::has_starred(const Seq<Expr*>& args, const Seq<Keyword*>& kws) {
    for (Expr* a : args)
        if (a->kind == ExprKind::Starred) return true;
    for (Keyword* k : kws)
        if (k->arg.empty()) return true;
    return false;
}

// A set item that is a constant after CPython's AST folding: a literal, or -/+ of a number
// literal. false for anything else.
bool Codegen::folded_constant(const Expr* e, ConstValue* out) {
    if (e->kind == ExprKind::Constant) {
        const ConstantValue& v = e->as<Constant>().value;
        if (v.kind == ConstantKind::Complex) return false;
        *out = constant_value(v);
        return true;
    }
    if (e->kind != ExprKind::UnaryOp) return false;
    const UnaryOp& u = e->as<UnaryOp>();
    if (u.operand->kind != ExprKind::Constant) return false;
    if (u.op != UnaryOperator::USub && u.op != UnaryOperator::UAdd) return false;
    const ConstantValue& v = u.operand->as<Constant>().value;
    if (v.kind != ConstantKind::Int && v.kind != ConstantKind::Float) return false;
    *out = constant_value(v);
    if (u.op == UnaryOperator::USub) {
        if (out->kind == ConstValue::Kind::Int)
            out->i = -out->i;
        else
            out->f = -out->f;
    }
    return true;
}

// A set display we fold as CPython does: 3+ constants. Only str, bytes, int and float
// constants with pairwise distinct values (so the constant needs no __eq__ to build; a
// display like {1, 1.0, 2} keeps the add-by-add path).
bool Codegen::foldable_set_display(const Seq<Expr*>& elts, std::vector<ConstValue>* items) {
    if (elts.size() < 3) return false;
    std::vector<double> nums;
    std::vector<std::string> texts, blobs;
    for (Expr* e : elts) {
        ConstValue c;
        if (!folded_constant(e, &c)) return false;
        switch (c.kind) {
            case ConstValue::Kind::Str:
                texts.push_back(c.s);
                break;
            case ConstValue::Kind::Bytes:
                blobs.push_back(c.s);
                break;
            case ConstValue::Kind::Int:
                // Exactly representable as a double, so comparing doubles compares values.
                if (c.i > (int64_t(1) << 53) || c.i < -(int64_t(1) << 53)) return false;
                nums.push_back(double(c.i));
                break;
            case ConstValue::Kind::Float:
                if (c.f != c.f) return false;  // NaN
                nums.push_back(c.f);
                break;
            default:
                return false;
        }
        items->push_back(std::move(c));
    }
    auto distinct = [](auto v) {
        std::sort(v.begin(), v.end());
        return std::adjacent_find(v.begin(), v.end()) == v.end();
    };
    return distinct(nums) && distinct(texts) && distinct(blobs);
}

void Codegen::starred_collection(const Seq<Expr*>& elts, int build_op, int extend_op, bool tuple) {
    bool starred = false;
    for (Expr* e : elts)
        if (e->kind == ExprKind::Starred) starred = true;
    ConstValue fs;
    if (!starred && build_op == BUILD_SET && foldable_set_display(elts, &fs.items)) {
        // CPython 3.11 folds a display of 3+ constants into a frozenset constant merged into
        // a new set (set_merge), which decides the new set's layout and iteration order.
        fs.kind = ConstValue::Kind::FrozenSet;
        emit(BUILD_SET, 0);
        load_const(fs);
        emit(SET_UPDATE, 1);
        return;
    }
    if (!starred) {
        exprs(elts);
        emit(build_op, int(elts.size()));
        return;
    }
    // Items before the first star are built directly; the rest are appended / extended.
    int seen = 0;
    bool built = false;
    for (Expr* e : elts) {
        if (e->kind == ExprKind::Starred) {
            if (!built) {
                emit(build_op == BUILD_SET ? BUILD_SET : BUILD_LIST, seen);
                built = true;
            }
            expr(e->as<Starred>().value);
            emit(extend_op, 1);
        } else if (!built) {
            expr(e);
            ++seen;
        } else {
            expr(e);
            emit(build_op == BUILD_SET ? SET_ADD : LIST_APPEND, 1);
        }
    }
    if (tuple) emit(LIST_TO_TUPLE);
}

void Codegen::call_ex_args(const Seq<Expr*>& args, const Seq<Keyword*>& kws) {
    // Positional part: a tuple.
    bool starred = false;
    for (Expr* a : args)
        if (a->kind == ExprKind::Starred) starred = true;
    if (!starred) {
        exprs(args);
        emit(BUILD_TUPLE, int(args.size()));
    } else if (args.size() == 1) {
        // f(*x): x itself, as CPython 3.11 (CALL_FUNCTION_EX makes the tuple, and says
        // "f() argument after * must be an iterable" for a value that is none).
        expr(args[0]->as<Starred>().value);
    } else {
        starred_collection(args, BUILD_LIST, LIST_EXTEND, true);
    }
    if (kws.empty()) return;
    // Keywords: a dict, merging ** mappings.
    int pending = 0;
    bool have_dict = false;
    for (Keyword* k : kws) {
        if (k->arg.empty()) {
            if (pending) {
                emit(BUILD_MAP, pending);
                if (have_dict) emit(DICT_MERGE, 1);
                have_dict = true;
                pending = 0;
            }
            if (!have_dict) {
                emit(BUILD_MAP, 0);
                have_dict = true;
            }
            expr(k->value);
            emit(DICT_MERGE, 1);
        } else {
            load_const(str_const(k->arg));
            expr(k->value);
            ++pending;
        }
    }
    if (pending) {
        emit(BUILD_MAP, pending);
        if (have_dict) emit(DICT_MERGE, 1);
    }
}

void Codegen::call_args(const Seq<Expr*>& args, const Seq<Keyword*>& kws, int extra_positional) {
    if (has_starred(args, kws)) {
        // The callable and NULL are on the stack, with `extra_positional` values already
        // pushed after them (class bases' leading arguments): fold those into the tuple.
        if (extra_positional) {
            emit(BUILD_LIST, extra_positional);
            for (Expr* a : args) {
                if (a->kind == ExprKind::Starred) {
                    expr(a->as<Starred>().value);
                    emit(LIST_EXTEND, 1);
                } else {
                    expr(a);
                    emit(LIST_APPEND, 1);
                }
            }
            emit(LIST_TO_TUPLE);
            if (!kws.empty()) {
                // Build keywords only.
                int pending = 0;
                bool have_dict = false;
                for (Keyword* k : kws) {
                    if (k->arg.empty()) {
                        if (pending) {
                            emit(BUILD_MAP, pending);
                            if (have_dict) emit(DICT_MERGE, 1);
                            have_dict = true;
                            pending = 0;
                        }
                        if (!have_dict) {
                            emit(BUILD_MAP, 0);
                            have_dict = true;
                        }
                        expr(k->value);
                        emit(DICT_MERGE, 1);
                    } else {
                        load_const(str_const(k->arg));
                        expr(k->value);
                        ++pending;
                    }
                }
                if (pending) {
                    emit(BUILD_MAP, pending);
                    if (have_dict) emit(DICT_MERGE, 1);
                }
            }
            emit(CALL_FUNCTION_EX, kws.empty() ? 0 : 1);
            return;
        }
        call_ex_args(args, kws);
        emit(CALL_FUNCTION_EX, kws.empty() ? 0 : 1);
        return;
    }
    exprs(args);
    if (!kws.empty()) {
        ConstValue names;
        names.kind = ConstValue::Kind::Tuple;
        for (Keyword* k : kws) {
            for (const ConstValue& prev : names.items)
                if (prev.s == k->arg)
                    error(*k, "keyword argument repeated: " + std::string(k->arg));
            names.items.push_back(str_const(k->arg));
            expr(k->value);
        }
        emit(KW_NAMES, add_const(names));
    }
    emit(CALL, int(args.size() + kws.size()) + extra_positional);
}

void Codegen::call(const Call& c) {
    if (c.func->kind == ExprKind::Attribute && !has_starred(c.args, c.keywords)) {
        auto& a = c.func->as<Attribute>();
        expr(a.value);
        Position call_pos = u().pos;
        set_pos(*c.func);
        // The method name's columns, as CPython 3.11 marks LOAD_METHOD.
        emit(LOAD_METHOD, add_name(mangle(a.attr)));
        // PRECALL/CALL carry the whole call's position (3.11's compiler restores it), so a
        // traceback through `obj.method(args)` marks the call, not just `obj.method`.
        u().pos = call_pos;
        call_args(c.args, c.keywords, 0);
        return;
    }
    expr(c.func);
    emit(PUSH_NULL);
    call_args(c.args, c.keywords, 0);
}

}  // namespace interleave::python
