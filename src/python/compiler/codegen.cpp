// Code generation: units, emitting, names, closures (CPython 3.11's compile.c shapes).
#include "python/compiler/codegen.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "python/compiler/assemble.hpp"
#include "python/compiler/compile.hpp"
#include "python/parser/compile_checks.hpp"

namespace interleave::python {

bool ConstValue::same_as(const ConstValue& o) const {
    if (kind != o.kind) return false;
    switch (kind) {
        case Kind::None:
        case Kind::True:
        case Kind::False:
        case Kind::Ellipsis: return true;
        case Kind::Int: return i == o.i;
        case Kind::Float:
        case Kind::Complex: {
            // 0.0 and -0.0 are different constants; so are NaNs with different bits.
            return std::memcmp(&f, &o.f, sizeof f) == 0;
        }
        case Kind::BigInt:
        case Kind::Str:
        case Kind::Bytes: return s == o.s;
        case Kind::FrozenSet: {
            // Equal as sets (CPython's constant cache keys a frozenset by its contents, so a
            // second equal display reuses the first one's constant and layout).
            if (items.size() != o.items.size()) return false;
            for (const ConstValue& a : items) {
                bool found = false;
                for (const ConstValue& b : o.items) found = found || a.same_as(b);
                if (!found) return false;
            }
            return true;
        }
        case Kind::Tuple:
            if (items.size() != o.items.size()) return false;
            for (size_t k = 0; k < items.size(); ++k)
                if (!items[k].same_as(o.items[k])) return false;
            return true;
        case Kind::Code: return code == o.code;
    }
    return false;
}

Codegen::Codegen(const SymbolTable& symtable, std::string_view filename)
    : symtable_(symtable), filename_(filename) {}

ScopeView* Codegen::view_of(const void* node) {
    auto& slot = views_[node];
    if (slot) return slot.get();
    const SymbolTableEntry* ste = symtable_.lookup(node);
    if (!ste)
        throw CompileError{SyntaxErrorInfo{SyntaxErrorKind::SyntaxError,
                                           "internal error: no symbol table entry", filename_, 0,
                                           0, 0, 0, ""}};
    slot = std::make_unique<ScopeView>();
    ScopeView& v = *slot;
    v.ste = ste;
    switch (ste->type) {
        case BlockType::Module: v.kind = ScopeView::Kind::Module; break;
        case BlockType::Class: v.kind = ScopeView::Kind::Class; break;
        case BlockType::Function:
            v.kind = ste->comprehension == ComprehensionKind::None ? ScopeView::Kind::Function
                                                                   : ScopeView::Kind::Comprehension;
            break;
    }
    v.is_generator = ste->generator;
    v.is_coroutine = ste->coroutine;
    v.needs_class_closure = ste->needs_class_closure;
    if (v.function_like()) {
        v.varnames = ste->varnames;
        for (const Symbol& sym : ste->symbols)
            if (sym.scope == Scope::Local &&
                std::find(v.varnames.begin(), v.varnames.end(), sym.name) == v.varnames.end())
                v.varnames.push_back(sym.name);
    }
    for (const Symbol& sym : ste->symbols) {
        if (sym.scope == Scope::Cell) v.cellvars.push_back(sym.name);
        if (sym.scope == Scope::Free || (sym.flags & symflag::kFreeClass))
            v.freevars.push_back(sym.name);
    }
    if (v.needs_class_closure) v.cellvars.emplace_back("__class__");
    std::sort(v.cellvars.begin(), v.cellvars.end());
    std::sort(v.freevars.begin(), v.freevars.end());
    return &v;
}

void Codegen::warn(const Located& at, std::string msg) {
    for (const SyntaxErrorInfo& w : warnings)
        if (w.lineno == at.lineno && w.msg == msg) return;
    SyntaxErrorInfo w;
    w.msg = std::move(msg);
    w.filename = filename_;
    w.lineno = at.lineno;
    warnings.push_back(std::move(w));
}

namespace {

// compile.c infer_type: the type a literal or display evaluates to, or null.
const char* literal_type_name(const Expr* e) {
    switch (e->kind) {
        case ExprKind::Tuple:
            return "tuple";
        case ExprKind::List:
        case ExprKind::ListComp:
            return "list";
        case ExprKind::Dict:
        case ExprKind::DictComp:
            return "dict";
        case ExprKind::Set:
        case ExprKind::SetComp:
            return "set";
        case ExprKind::GeneratorExp:
            return "generator";
        case ExprKind::Lambda:
            return "function";
        case ExprKind::JoinedStr:
        case ExprKind::FormattedValue:
            return "str";
        case ExprKind::Constant:
            switch (e->as<Constant>().value.kind) {
                case ConstantKind::None:
                    return "NoneType";
                case ConstantKind::True:
                case ConstantKind::False:
                    return "bool";
                case ConstantKind::Ellipsis:
                    return "ellipsis";
                case ConstantKind::Int:
                case ConstantKind::BigInt:
                    return "int";
                case ConstantKind::Float:
                    return "float";
                case ConstantKind::Complex:
                    return "complex";
                case ConstantKind::Str:
                    return "str";
                case ConstantKind::Bytes:
                    return "bytes";
            }
            return nullptr;
        default:
            return nullptr;
    }
}

}  // namespace

void Codegen::check_caller(const Expr* e) {
    switch (e->kind) {
        case ExprKind::Constant:
        case ExprKind::Tuple:
        case ExprKind::List:
        case ExprKind::ListComp:
        case ExprKind::Dict:
        case ExprKind::DictComp:
        case ExprKind::Set:
        case ExprKind::SetComp:
        case ExprKind::GeneratorExp:
        case ExprKind::JoinedStr:
        case ExprKind::FormattedValue:
            warn(*e, fmt::format("'{}' object is not callable; perhaps you missed a comma?",
                                 literal_type_name(e)));
            return;
        default:
            return;
    }
}

void Codegen::check_subscripter(const Expr* e) {
    bool bad = false;
    switch (e->kind) {
        case ExprKind::Constant: {
            const ConstantKind k = e->as<Constant>().value.kind;
            bad = k == ConstantKind::None || k == ConstantKind::Ellipsis ||
                  k == ConstantKind::Int || k == ConstantKind::BigInt ||
                  k == ConstantKind::Float || k == ConstantKind::Complex ||
                  k == ConstantKind::True || k == ConstantKind::False;
            break;
        }
        case ExprKind::Set:
        case ExprKind::SetComp:
        case ExprKind::GeneratorExp:
        case ExprKind::Lambda:
            bad = true;
            break;
        default:
            break;
    }
    if (bad)
        warn(*e, fmt::format("'{}' object is not subscriptable; perhaps you missed a comma?",
                             literal_type_name(e)));
}

void Codegen::check_compare(const Compare& c) {
    // check_is_arg: only None, True, False and ... may be compared by identity.
    auto is_arg_ok = [](const Expr* e) {
        if (e->kind != ExprKind::Constant) return true;
        const ConstantKind k = e->as<Constant>().value.kind;
        return k == ConstantKind::None || k == ConstantKind::True || k == ConstantKind::False ||
               k == ConstantKind::Ellipsis;
    };
    bool left_ok = is_arg_ok(c.left);
    for (uint32_t i = 0; i < c.ops.size(); ++i) {
        const bool right_ok = is_arg_ok(c.comparators[i]);
        if ((c.ops[i] == CmpOp::Is || c.ops[i] == CmpOp::IsNot) && (!left_ok || !right_ok)) {
            warn(c, c.ops[i] == CmpOp::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                          : "\"is not\" with a literal. Did you mean \"!=\"?");
            return;
        }
        left_ok = right_ok;
    }
}

void Codegen::error(const Located& at, std::string msg) {
    CompileError e;
    e.info.kind = SyntaxErrorKind::SyntaxError;
    e.info.msg = std::move(msg);
    e.info.filename = filename_;
    e.info.lineno = at.lineno;
    e.info.offset = at.col_offset + 1;
    e.info.end_lineno = at.end_lineno;
    e.info.end_offset = at.end_col_offset + 1;
    throw e;
}

void Codegen::enter(const void* node, std::string name, std::string qualname, int firstline) {
    auto unit = std::make_unique<Unit>();
    unit->scope = view_of(node);
    unit->out = std::make_shared<CodeUnit>();
    unit->out->name = std::move(name);
    unit->out->qualname = std::move(qualname);
    unit->out->filename = filename_;
    unit->out->firstlineno = firstline;
    ScopeView* s = unit->scope;
    unit->is_module = s->kind == ScopeView::Kind::Module;
    unit->is_class = s->kind == ScopeView::Kind::Class;
    if (unit->is_class) unit->class_name = s->ste->name;
    else if (!units_.empty()) unit->class_name = units_.back()->class_name;
    // localsplus: varnames, then cells that are not arguments, then free variables.
    CodeUnit& c = *unit->out;
    for (const std::string& v : s->varnames) {
        unit->fast[v] = int(c.localsplusnames.size());
        c.localsplusnames.push_back(v);
        c.localspluskinds.push_back(kFastLocal);
    }
    c.nlocals = int(c.localsplusnames.size());
    for (const std::string& v : s->cellvars) {
        auto it = unit->fast.find(v);
        if (it != unit->fast.end()) {
            c.localspluskinds[size_t(it->second)] |= kFastCell;
            unit->deref[v] = it->second;
            continue;
        }
        unit->deref[v] = int(c.localsplusnames.size());
        c.localsplusnames.push_back(v);
        c.localspluskinds.push_back(kFastCell);
    }
    for (const std::string& v : s->freevars) {
        unit->deref[v] = int(c.localsplusnames.size());
        c.localsplusnames.push_back(v);
        c.localspluskinds.push_back(kFastFree);
    }
    units_.push_back(std::move(unit));
    // Prologue: cells, free variables, then RESUME (CPython 3.11).
    Unit& un = u();
    for (size_t i = 0; i < c.localspluskinds.size(); ++i)
        if (c.localspluskinds[i] & kFastCell) emit(MAKE_CELL, int(i));
    if (!s->freevars.empty()) emit(COPY_FREE_VARS, int(s->freevars.size()));
    un.pos.line = firstline;
    emit(RESUME, 0);
}

std::shared_ptr<CodeUnit> Codegen::leave() {
    std::unique_ptr<Unit> unit = std::move(units_.back());
    units_.pop_back();
    assemble(*unit);
    return unit->out;
}

std::string Codegen::qualname_for(const std::string& name, bool is_function) {
    (void)is_function;
    if (units_.empty() || u().is_module) return name;
    Unit& parent = u();
    std::string base = parent.out->qualname;
    ScopeView* ps = parent.scope;
    // Private-to-a-class global names keep their plain qualname; functions nested in functions
    // get "<locals>".
    if (ps->kind == ScopeView::Kind::Function || ps->kind == ScopeView::Kind::Comprehension)
        return base + ".<locals>." + name;
    return base + "." + name;
}

int Codegen::new_label() {
    u().labels.push_back(-1);
    return int(u().labels.size()) - 1;
}

void Codegen::place(int label) {
    u().labels[size_t(label)] = int(u().instrs.size());
}

void Codegen::emit(int op, int arg) {
    Instr i;
    i.op = op;
    i.arg = arg;
    i.pos = u().pos;
    u().instrs.push_back(i);
}

void Codegen::emit_jump(int op, int label) {
    Instr i;
    i.op = op;
    i.target = label;
    i.pos = u().pos;
    u().instrs.push_back(i);
}

int Codegen::add_const(const ConstValue& c) {
    auto& consts = u().out->consts;
    for (size_t i = 0; i < consts.size(); ++i)
        if (consts[i].same_as(c)) return int(i);
    consts.push_back(c);
    return int(consts.size()) - 1;
}

void Codegen::load_none() {
    ConstValue c;
    load_const(c);
}

int Codegen::add_name(std::string_view n) {
    auto& names = u().names;
    auto it = names.find(std::string(n));
    if (it != names.end()) return it->second;
    int i = int(u().out->names.size());
    u().out->names.emplace_back(n);
    names.emplace(std::string(n), i);
    return i;
}

std::string Codegen::mangle(std::string_view n) const {
    const std::string& cls = units_.back()->class_name;
    if (cls.empty() || n.size() < 3 || n.substr(0, 2) != "__") return std::string(n);
    if (n.size() >= 4 && n.substr(n.size() - 2) == "__") return std::string(n);
    if (n.find('.') != std::string_view::npos) return std::string(n);
    size_t k = cls.find_first_not_of('_');
    if (k == std::string::npos) return std::string(n);
    return "_" + cls.substr(k) + std::string(n);
}

void Codegen::set_pos(const Located& l) {
    u().pos = Position{l.lineno, l.end_lineno, l.col_offset, l.end_col_offset};
}

void Codegen::nameop(std::string_view raw, Ctx ctx) {
    std::string name = mangle(raw);
    Unit& un = u();
    ScopeView* s = un.scope;
    Scope sc = s->scope_of(name);
    // compiler_nameop: FREE/CELL -> DEREF (LOAD_CLASSDEREF in a class body); LOCAL and
    // GLOBAL_IMPLICIT -> FAST/GLOBAL in functions, NAME ops elsewhere; GLOBAL_EXPLICIT -> GLOBAL;
    // a name the table does not know -> NAME ops.
    enum { Fast, Global, Deref, NameOp } kind = NameOp;
    switch (sc) {
        case Scope::Free:
        case Scope::Cell: kind = Deref; break;
        case Scope::Local: kind = s->function_like() ? Fast : NameOp; break;
        case Scope::GlobalImplicit: kind = s->function_like() ? Global : NameOp; break;
        case Scope::GlobalExplicit: kind = Global; break;
        case Scope::None: break;
    }
    if (kind == Deref && un.is_class && ctx == Ctx::Load) {
        emit(LOAD_CLASSDEREF, un.deref.at(name));
        return;
    }
    switch (kind) {
        case Fast: {
            int i = un.fast.at(name);
            emit(ctx == Ctx::Load ? LOAD_FAST : ctx == Ctx::Store ? STORE_FAST : DELETE_FAST, i);
            return;
        }
        case Deref: {
            int i = un.deref.at(name);
            emit(ctx == Ctx::Load ? LOAD_DEREF : ctx == Ctx::Store ? STORE_DEREF : DELETE_DEREF, i);
            return;
        }
        case Global: {
            int i = add_name(name);
            if (ctx == Ctx::Load) emit(LOAD_GLOBAL, i << 1);
            else emit(ctx == Ctx::Store ? STORE_GLOBAL : DELETE_GLOBAL, i);
            return;
        }
        case NameOp: {
            int i = add_name(name);
            emit(ctx == Ctx::Load ? LOAD_NAME : ctx == Ctx::Store ? STORE_NAME : DELETE_NAME, i);
            return;
        }
    }
}

void Codegen::make_closure(const std::shared_ptr<CodeUnit>& code, int flags, ScopeView* child) {
    if (!child->freevars.empty()) {
        for (const std::string& fv : child->freevars) {
            // The enclosing unit's cell or free variable of the same name.
            Unit& un = u();
            auto it = un.deref.find(fv);
            if (it == un.deref.end())
                throw CompileError{SyntaxErrorInfo{SyntaxErrorKind::SyntaxError,
                                                   "internal error: no cell for free variable '" + fv + "'",
                                                   filename_, 0, 0, 0, 0, ""}};
            emit(LOAD_CLOSURE, it->second);
        }
        emit(BUILD_TUPLE, int(child->freevars.size()));
        flags |= kMfClosure;
    }
    ConstValue c;
    c.kind = ConstValue::Kind::Code;
    c.code = code;
    load_const(c);
    emit(MAKE_FUNCTION, flags);
}

std::shared_ptr<CodeUnit> Codegen::module(const Module* m) {
    enter(m, "<module>", "<module>", 1);
    u().pos = Position{};
    // Module docstring.
    const Seq<Stmt*>& body = m->body;
    uint32_t start = 0;
    bool has_ann = false;
    for (Stmt* s : body)
        if (s->kind == StmtKind::AnnAssign) has_ann = true;
    if (has_ann) emit(SETUP_ANNOTATIONS);
    if (!body.empty() && body[0]->kind == StmtKind::Expr) {
        const Expr* v = body[0]->as<ExprStmt>().value;
        if (v->kind == ExprKind::Constant && v->as<Constant>().value.kind == ConstantKind::Str) {
            set_pos(*body[0]);
            expr(v);
            nameop("__doc__", Ctx::Store);
            start = 1;
        }
    }
    for (uint32_t i = start; i < body.size(); ++i) stmt(body[i]);
    set_pos_none();
    load_none();
    emit(RETURN_VALUE);
    return leave();
}

CompileOutput compile_module(const Module* module, std::string_view filename,
                             std::string_view source) {
    CompileOutput out;
    SymtableResult st = build_symtable(*module, source, filename);
    if (!st.ok()) {
        out.error = std::move(st.error);
        return out;
    }
    if (auto err = check_compile_errors(*module, *st.table, source, filename)) {
        out.error = std::move(*err);
        return out;
    }
    try {
        Codegen cg(*st.table, filename);
        out.code = cg.module(module);
        out.warnings = std::move(cg.warnings);
    } catch (CompileError& e) {
        out.error = e.info;
        out.code.reset();
    }
    return out;
}

}  // namespace interleave::python
