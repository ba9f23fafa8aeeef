// The symbol table builder: the first pass of CPython 3.11's Python/symtable.c (symtable_visit_*:
// scopes and name flags, with its SyntaxErrors). The analysis pass is in symtable_analyze.cpp.
#include "python/parser/symtable.hpp"

#include "python/parser/symtable_impl.hpp"

namespace interleave::python {

const char* name_of(Scope s) {
    switch (s) {
        case Scope::None:
            return "none";
        case Scope::Local:
            return "local";
        case Scope::GlobalExplicit:
            return "global_explicit";
        case Scope::GlobalImplicit:
            return "global_implicit";
        case Scope::Free:
            return "free";
        case Scope::Cell:
            return "cell";
    }
    return "none";
}

const Symbol* SymbolTableEntry::lookup(std::string_view n) const {
    auto it = index.find(std::string(n));
    return it == index.end() ? nullptr : &symbols[it->second];
}

SymbolTableEntry* SymbolTable::make_entry() {
    entries_.push_back(std::make_unique<SymbolTableEntry>());
    return entries_.back().get();
}

const SymbolTableEntry* SymbolTable::lookup(const void* node) const {
    auto it = by_node_.find(node);
    return it == by_node_.end() ? nullptr : it->second;
}

std::string mangle(std::string_view priv, std::string_view name) {
    if (priv.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_')
        return std::string(name);
    // Dunder names and dotted (import) names are not mangled.
    if (name[name.size() - 1] == '_' && name[name.size() - 2] == '_') return std::string(name);
    if (name.find('.') != std::string_view::npos) return std::string(name);
    const size_t skip = priv.find_first_not_of('_');
    if (skip == std::string_view::npos) return std::string(name);  // class named only _
    std::string out = "_";
    out.append(priv.substr(skip));
    out.append(name);
    return out;
}

namespace detail {

SymtableBuilder::SymtableBuilder(SymbolTable& t, std::string_view source)
    : t_(t), source_(source) {}

std::string SymtableBuilder::line_text(int lineno) const {
    int ln = 1;
    size_t b = 0;
    while (ln < lineno) {
        const size_t nl = source_.find('\n', b);
        if (nl == std::string_view::npos) return {};
        b = nl + 1;
        ++ln;
    }
    size_t e = source_.find('\n', b);
    if (e == std::string_view::npos) e = source_.size();
    std::string s(source_.substr(b, e - b));
    if (!s.empty() && s.back() == '\r') s.pop_back();
    return s + "\n";
}

// PyErr_RangedSyntaxLocationObject(filename, lineno, col + 1, end_lineno, end_col + 1), with
// byte columns turned into characters on the line.
void SymtableBuilder::error(std::string msg, const Located& loc) {
    SyntaxErrorException ex;
    ex.info.kind = SyntaxErrorKind::SyntaxError;
    ex.info.msg = std::move(msg);
    ex.info.lineno = loc.lineno;
    ex.info.end_lineno = loc.end_lineno;
    ex.info.text = line_text(loc.lineno);
    auto chars = [](const std::string& line, int bytes) {
        int n = 0;
        for (int i = 0; i < bytes && i < static_cast<int>(line.size()); ++i) {
            n += (static_cast<unsigned char>(line[static_cast<size_t>(i)]) & 0xC0) != 0x80;
        }
        if (bytes > static_cast<int>(line.size())) n += bytes - static_cast<int>(line.size());
        return n;
    };
    ex.info.offset = chars(ex.info.text, loc.col_offset) + 1;
    const std::string end_line =
        loc.end_lineno == loc.lineno ? ex.info.text : line_text(loc.end_lineno);
    ex.info.end_offset = chars(end_line, loc.end_col_offset) + 1;
    throw ex;
}

void SymtableBuilder::enter(std::string name, BlockType type, const void* node,
                            const Located& loc) {
    SymbolTableEntry* e = t_.make_entry();
    e->name = std::move(name);
    e->type = type;
    e->node = node;
    e->loc = loc;
    if (cur_ && (cur_->nested || cur_->type == BlockType::Function)) e->nested = true;
    if (cur_) cur_->children.push_back(e);
    t_.bind(node, e);
    stack_.push_back(e);
    cur_ = e;
}

void SymtableBuilder::exit() {
    stack_.pop_back();
    cur_ = stack_.empty() ? nullptr : stack_.back();
}

uint32_t SymtableBuilder::flags_of(const SymbolTableEntry* e, const std::string& mangled) const {
    auto it = e->index.find(mangled);
    return it == e->index.end() ? 0 : e->symbols[it->second].flags;
}

Symbol& SymtableBuilder::symbol(SymbolTableEntry* e, const std::string& mangled) {
    auto it = e->index.find(mangled);
    if (it != e->index.end()) return e->symbols[it->second];
    e->index.emplace(mangled, e->symbols.size());
    e->symbols.push_back(Symbol{mangled, 0, Scope::None});
    return e->symbols.back();
}

// symtable_add_def_helper
void SymtableBuilder::add_def(std::string_view name, uint32_t flag, const Located& loc,
                              SymbolTableEntry* ste) {
    if (!ste) ste = cur_;
    const std::string mangled = mangle(private_, name);
    Symbol& sym = symbol(ste, mangled);
    uint32_t val = sym.flags;
    if ((flag & symflag::kParam) && (val & symflag::kParam)) {
        error("duplicate argument '" + std::string(name) + "' in function definition", loc);
    }
    val |= flag;
    if (ste->comp_iter_target) {
        // An iteration variable of a comprehension: it may not be a walrus target.
        if (val & (symflag::kGlobal | symflag::kNonlocal)) {
            error("comprehension inner loop cannot rebind assignment expression target '" +
                      std::string(name) + "'",
                  loc);
        }
        val |= symflag::kCompIter;
    }
    sym.flags = val;
    if (flag & symflag::kParam) {
        ste->varnames.push_back(mangled);
    } else if (flag & symflag::kGlobal) {
        // The module's symbols double as the global names (st_global).
        Symbol& g = symbol(t_.top_, mangled);
        g.flags |= flag;
    }
}

void SymtableBuilder::record_directive(std::string_view name, const Located& loc) {
    cur_->directives.emplace_back(mangle(private_, name), loc);
}

// --- statements ------------------------------------------------------------------------------

// future_parse (Python/future.c): the leading `from __future__` imports (after an optional
// docstring) and their features.
void SymtableBuilder::future_features(const Module& m) {
    static const char* const kFeatures[] = {
        "nested_scopes",  "generators",       "division",       "absolute_import", "with_statement",
        "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",  "annotations"};
    bool done = false;
    int prev_line = 0;
    for (size_t i = 0; i < m.body.size(); ++i) {
        const Stmt* s = m.body[i];
        if (done && s->lineno > prev_line) return;
        prev_line = s->lineno;
        if (s->is<ImportFrom>()) {
            const auto& imp = s->as<ImportFrom>();
            if (imp.module != "__future__") {
                done = true;
                continue;
            }
            if (done) {
                // A late one on the same line as the statement that ended the block (later
                // lines are the compiler's to report). CPython gives the 0-based column here.
                Located at = *s;
                at.col_offset = s->col_offset - 1;
                at.end_lineno = s->lineno;
                at.end_col_offset = at.col_offset;
                error("from __future__ imports must occur at the beginning of the file", at);
            }
            for (const Alias* a : imp.names) {
                bool known = false;
                for (const char* f : kFeatures) known = known || a->name == f;
                if (!known) {
                    Located at = *s;
                    at.end_lineno = s->lineno;
                    at.end_col_offset = s->col_offset;
                    error(a->name == "braces"
                              ? std::string("not a chance")
                              : "future feature " + std::string(a->name) + " is not defined",
                          at);
                }
                if (a->name == "annotations") t_.future_annotations_ = true;
            }
            t_.future_lineno_ = s->lineno;
        } else if (i == 0 && s->is<ExprStmt>() && s->as<ExprStmt>().value->is<Constant>() &&
                   s->as<ExprStmt>().value->as<Constant>().value.kind == ConstantKind::Str) {
            continue;  // the docstring
        } else {
            done = true;
        }
    }
}

void SymtableBuilder::visit_module(const Module& m) {
    future_features(m);
    Located loc;
    enter("top", BlockType::Module, &m, loc);
    t_.top_ = cur_;
    for (const Stmt* s : m.body) visit_stmt(s);
    exit();
}

void SymtableBuilder::visit_arguments_defaults(const Arguments* a) {
    for (const Expr* d : a->defaults) visit_expr(d);
    for (const Expr* d : a->kw_defaults) {
        if (d) visit_expr(d);
    }
}

// symtable_visit_annotations: argument and return annotations, in the enclosing scope.
void SymtableBuilder::visit_annotations(const Arguments* a, const Expr* returns) {
    if (t_.future_annotations_) return;
    for (const Seq<Arg*>* seq : {&a->posonlyargs, &a->args, &a->kwonlyargs}) {
        for (const Arg* arg : *seq) {
            if (arg->annotation) visit_expr(arg->annotation);
        }
    }
    if (a->vararg && a->vararg->annotation) visit_expr(a->vararg->annotation);
    if (a->kwarg && a->kwarg->annotation) visit_expr(a->kwarg->annotation);
    if (returns) visit_expr(returns);
}

// symtable_visit_arguments: parameters in co_varnames order.
void SymtableBuilder::visit_parameters(const Arguments* a) {
    for (const Seq<Arg*>* seq : {&a->posonlyargs, &a->args, &a->kwonlyargs}) {
        for (const Arg* arg : *seq) add_def(arg->arg, symflag::kParam, *arg);
    }
    if (a->vararg) {
        add_def(a->vararg->arg, symflag::kParam, *a->vararg);
        cur_->varargs = true;
    }
    if (a->kwarg) {
        add_def(a->kwarg->arg, symflag::kParam, *a->kwarg);
        cur_->varkeywords = true;
    }
}

template <class F>
void SymtableBuilder::visit_function(const Stmt* s, const F& f, bool is_async) {
    add_def(f.name, symflag::kLocal, *s);
    visit_arguments_defaults(f.args);
    visit_annotations(f.args, f.returns);
    for (const Expr* d : f.decorator_list) visit_expr(d);
    enter(std::string(f.name), BlockType::Function, s, *s);
    if (is_async) cur_->coroutine = true;
    visit_parameters(f.args);
    for (const Stmt* b : f.body) visit_stmt(b);
    exit();
}

void SymtableBuilder::visit_global_or_nonlocal(const Stmt* s, const Seq<std::string_view>& names,
                                               bool nonlocal) {
    const char* what = nonlocal ? "nonlocal" : "global";
    for (std::string_view name : names) {
        const uint32_t cur = flags_of(cur_, mangle(private_, name));
        if (cur & (symflag::kParam | symflag::kLocal | symflag::kUse | symflag::kAnnot)) {
            std::string msg;
            const std::string n(name);
            if (cur & symflag::kParam) {
                msg = "name '" + n + "' is parameter and " + what;
            } else if (cur & symflag::kUse) {
                msg = "name '" + n + "' is used prior to " + what + " declaration";
            } else if (cur & symflag::kAnnot) {
                msg = "annotated name '" + n + "' can't be " + what;
            } else {
                msg = "name '" + n + "' is assigned to before " + what + " declaration";
            }
            error(msg, *s);
        }
        add_def(name, nonlocal ? symflag::kNonlocal : symflag::kGlobal, *s);
        record_directive(name, *s);
    }
}

void SymtableBuilder::visit_stmt(const Stmt* s) {
    switch (s->kind) {
        case StmtKind::FunctionDef:
            visit_function(s, s->as<FunctionDef>(), false);
            break;
        case StmtKind::AsyncFunctionDef:
            visit_function(s, s->as<AsyncFunctionDef>(), true);
            break;
        case StmtKind::ClassDef: {
            const auto& c = s->as<ClassDef>();
            add_def(c.name, symflag::kLocal, *s);
            for (const Expr* b : c.bases) visit_expr(b);
            for (const Keyword* k : c.keywords) visit_expr(k->value);
            for (const Expr* d : c.decorator_list) visit_expr(d);
            enter(std::string(c.name), BlockType::Class, s, *s);
            const std::string saved = private_;
            private_ = std::string(c.name);
            for (const Stmt* b : c.body) visit_stmt(b);
            private_ = saved;
            exit();
            break;
        }
        case StmtKind::Return: {
            const auto& r = s->as<Return>();
            if (r.value) {
                visit_expr(r.value);
                cur_->returns_value = true;
            }
            break;
        }
        case StmtKind::Delete:
            for (const Expr* t : s->as<Delete>().targets) visit_expr(t);
            break;
        case StmtKind::Assign:
            for (const Expr* t : s->as<Assign>().targets) visit_expr(t);
            visit_expr(s->as<Assign>().value);
            break;
        case StmtKind::AnnAssign: {
            const auto& a = s->as<AnnAssign>();
            if (a.target->is<Name>()) {
                const auto& n = a.target->as<Name>();
                const uint32_t cur = flags_of(cur_, mangle(private_, n.id));
                if ((cur & (symflag::kGlobal | symflag::kNonlocal)) && cur_ != t_.top_ &&
                    a.simple) {
                    error(std::string("annotated name '") + std::string(n.id) + "' can't be " +
                              ((cur & symflag::kGlobal) ? "global" : "nonlocal"),
                          *s);
                }
                if (a.simple) {
                    add_def(n.id, symflag::kAnnot | symflag::kLocal, n);
                } else if (a.value) {
                    add_def(n.id, symflag::kLocal, n);
                }
            } else {
                visit_expr(a.target);
            }
            if (!t_.future_annotations_) visit_expr(a.annotation);
            if (a.value) visit_expr(a.value);
            break;
        }
        case StmtKind::AugAssign:
            visit_expr(s->as<AugAssign>().target);
            visit_expr(s->as<AugAssign>().value);
            break;
        case StmtKind::For:
        case StmtKind::AsyncFor: {
            auto loop = [&](const auto& f) {
                visit_expr(f.target);
                visit_expr(f.iter);
                for (const Stmt* b : f.body) visit_stmt(b);
                for (const Stmt* b : f.orelse) visit_stmt(b);
            };
            if (s->kind == StmtKind::For) {
                loop(s->as<For>());
            } else {
                loop(s->as<AsyncFor>());
            }
            break;
        }
        case StmtKind::While:
            visit_expr(s->as<While>().test);
            for (const Stmt* b : s->as<While>().body) visit_stmt(b);
            for (const Stmt* b : s->as<While>().orelse) visit_stmt(b);
            break;
        case StmtKind::If:
            visit_expr(s->as<If>().test);
            for (const Stmt* b : s->as<If>().body) visit_stmt(b);
            for (const Stmt* b : s->as<If>().orelse) visit_stmt(b);
            break;
        case StmtKind::With:
        case StmtKind::AsyncWith: {
            const auto& items =
                s->kind == StmtKind::With ? s->as<With>().items : s->as<AsyncWith>().items;
            const auto& body =
                s->kind == StmtKind::With ? s->as<With>().body : s->as<AsyncWith>().body;
            for (const WithItem* w : items) {
                visit_expr(w->context_expr);
                if (w->optional_vars) visit_expr(w->optional_vars);
            }
            for (const Stmt* b : body) visit_stmt(b);
            break;
        }
        case StmtKind::Match: {
            const auto& m = s->as<Match>();
            visit_expr(m.subject);
            for (const MatchCase* c : m.cases) {
                visit_pattern(c->pattern);
                if (c->guard) visit_expr(c->guard);
                for (const Stmt* b : c->body) visit_stmt(b);
            }
            break;
        }
        case StmtKind::Raise:
            if (s->as<Raise>().exc) visit_expr(s->as<Raise>().exc);
            if (s->as<Raise>().cause) visit_expr(s->as<Raise>().cause);
            break;
        case StmtKind::Try:
        case StmtKind::TryStar: {
            auto trystmt = [&](const auto& t) {
                for (const Stmt* b : t.body) visit_stmt(b);
                for (const Stmt* b : t.orelse) visit_stmt(b);
                for (const ExceptHandler* h : t.handlers) {
                    if (h->type) visit_expr(h->type);
                    if (!h->name.empty()) add_def(h->name, symflag::kLocal, *h);
                    for (const Stmt* b : h->body) visit_stmt(b);
                }
                for (const Stmt* b : t.finalbody) visit_stmt(b);
            };
            if (s->kind == StmtKind::Try) {
                trystmt(s->as<Try>());
            } else {
                trystmt(s->as<TryStar>());
            }
            break;
        }
        case StmtKind::Assert:
            visit_expr(s->as<Assert>().test);
            if (s->as<Assert>().msg) visit_expr(s->as<Assert>().msg);
            break;
        case StmtKind::Import:
            for (const Alias* a : s->as<Import>().names) visit_alias(a);
            break;
        case StmtKind::ImportFrom:
            for (const Alias* a : s->as<ImportFrom>().names) visit_alias(a);
            break;
        case StmtKind::Global:
            visit_global_or_nonlocal(s, s->as<Global>().names, false);
            break;
        case StmtKind::Nonlocal:
            visit_global_or_nonlocal(s, s->as<Nonlocal>().names, true);
            break;
        case StmtKind::Expr:
            visit_expr(s->as<ExprStmt>().value);
            break;
        case StmtKind::Pass:
        case StmtKind::Break:
        case StmtKind::Continue:
            break;
    }
}

// symtable_visit_alias: `import a.b` binds `a`; `import *` only at module level.
void SymtableBuilder::visit_alias(const Alias* a) {
    std::string_view name = a->asname.empty() ? a->name : a->asname;
    if (name == "*") {
        if (cur_->type != BlockType::Module) error("import * only allowed at module level", *a);
        return;
    }
    const size_t dot = name.find('.');
    if (dot != std::string_view::npos) name = name.substr(0, dot);
    add_def(name, symflag::kImport, *a);
}

}  // namespace detail

SymtableResult build_symtable(const Module& module, std::string_view source,
                              std::string_view filename) {
    SymtableResult r;
    auto table = std::make_unique<SymbolTable>();
    try {
        detail::SymtableBuilder b(*table, source);
        b.visit_module(module);
        b.analyze();
        r.table = std::move(table);
    } catch (const SyntaxErrorException& e) {
        r.error = e.info;
        r.error.filename.assign(filename);
    }
    return r;
}

}  // namespace interleave::python
