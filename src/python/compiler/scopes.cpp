// Scope analysis (see scopes.hpp), as CPython 3.11's Python/symtable.c.
#include "python/compiler/scopes.hpp"

#include <algorithm>
#include <set>

namespace interleave::python {

namespace {

struct ScopeError {
    SyntaxErrorInfo info;
};

class Builder {
  public:
    Builder(ScopeTable& t, std::string_view filename) : table_(t), filename_(filename) {}

    void error(const Located& at, std::string msg) {
        ScopeError e;
        e.info.kind = SyntaxErrorKind::SyntaxError;
        e.info.msg = std::move(msg);
        e.info.filename = std::string(filename_);
        e.info.lineno = at.lineno;
        e.info.offset = at.col_offset + 1;
        e.info.end_lineno = at.end_lineno;
        e.info.end_offset = at.end_col_offset + 1;
        throw e;
    }

    ScopeInfo* new_scope(ScopeInfo* parent, ScopeInfo::Kind kind, std::string name,
                         const void* node) {
        auto s = std::make_unique<ScopeInfo>();
        s->kind = kind;
        s->name = std::move(name);
        s->node = node;
        s->parent = parent;
        ScopeInfo* raw = s.get();
        if (parent) parent->children.push_back(std::move(s));
        else table_.top = std::move(s);
        table_.by_node[node] = raw;
        return raw;
    }

    void add(ScopeInfo* s, std::string_view name, uint16_t flag, const Located* at = nullptr) {
        std::string n(name);
        auto it = s->flags.find(n);
        if (it == s->flags.end()) {
            s->order.push_back(n);
            it = s->flags.emplace(n, 0).first;
        }
        if ((flag & ScopeInfo::kDefParam) && (it->second & ScopeInfo::kDefParam) && at)
            error(*at, "duplicate argument '" + n + "' in function definition");
        it->second |= flag;
        if (flag & ScopeInfo::kDefParam) s->params.push_back(n);
    }

    void stmts(ScopeInfo* s, const Seq<Stmt*>& body) {
        for (Stmt* st : body) stmt(s, st);
    }
    void exprs(ScopeInfo* s, const Seq<Expr*>& es) {
        for (Expr* e : es)
            if (e) expr(s, e);
    }

    void arguments(ScopeInfo* fn, const Arguments* a) {
        for (Arg* p : a->posonlyargs) add(fn, p->arg, ScopeInfo::kDefParam, p);
        for (Arg* p : a->args) add(fn, p->arg, ScopeInfo::kDefParam, p);
        for (Arg* p : a->kwonlyargs) add(fn, p->arg, ScopeInfo::kDefParam, p);
        if (a->vararg) add(fn, a->vararg->arg, ScopeInfo::kDefParam, a->vararg);
        if (a->kwarg) add(fn, a->kwarg->arg, ScopeInfo::kDefParam, a->kwarg);
    }
    void annotations(ScopeInfo* s, const Arguments* a, Expr* returns) {
        auto ann = [&](Arg* p) {
            if (p && p->annotation) expr(s, p->annotation);
        };
        for (Arg* p : a->posonlyargs) ann(p);
        for (Arg* p : a->args) ann(p);
        ann(a->vararg);
        for (Arg* p : a->kwonlyargs) ann(p);
        ann(a->kwarg);
        if (returns) expr(s, returns);
    }

    void function(ScopeInfo* s, const void* node, std::string_view name, const Arguments* args,
                  const Seq<Stmt*>* body, Expr* lambda_body, const Seq<Expr*>* decorators,
                  Expr* returns, bool is_async) {
        if (decorators) exprs(s, *decorators);
        exprs(s, args->defaults);
        exprs(s, args->kw_defaults);
        annotations(s, args, returns);
        ScopeInfo* fn = new_scope(s, ScopeInfo::Kind::Function, std::string(name), node);
        fn->is_coroutine = is_async;
        arguments(fn, args);
        if (body) stmts(fn, *body);
        if (lambda_body) expr(fn, lambda_body);
    }

    void comprehension(ScopeInfo* s, const Expr* node, const char* name,
                       const Seq<Comprehension*>& gens, Expr* elt, Expr* value, bool is_gen) {
        expr(s, gens[0]->iter);
        ScopeInfo* c = new_scope(s, ScopeInfo::Kind::Comprehension, name, node);
        c->is_generator = is_gen;
        add(c, ".0", ScopeInfo::kDefParam);
        for (uint32_t i = 0; i < gens.size(); ++i) {
            Comprehension* g = gens[i];
            if (g->is_async) c->is_coroutine = true;
            comp_target_ = true;
            expr(c, g->target);
            comp_target_ = false;
            if (i > 0) expr(c, g->iter);
            exprs(c, g->ifs);
        }
        if (value) expr(c, value);
        expr(c, elt);
        if (c->is_coroutine && !is_gen) {
            // An async list/set/dict comprehension awaits in the enclosing scope.
        }
    }

    void stmt(ScopeInfo* s, const Stmt* st) {
        switch (st->kind) {
            case StmtKind::FunctionDef: {
                auto& f = st->as<FunctionDef>();
                add(s, f.name, ScopeInfo::kDefLocal);
                function(s, st, f.name, f.args, &f.body, nullptr, &f.decorator_list, f.returns, false);
                break;
            }
            case StmtKind::AsyncFunctionDef: {
                auto& f = st->as<AsyncFunctionDef>();
                add(s, f.name, ScopeInfo::kDefLocal);
                function(s, st, f.name, f.args, &f.body, nullptr, &f.decorator_list, f.returns, true);
                break;
            }
            case StmtKind::ClassDef: {
                auto& c = st->as<ClassDef>();
                add(s, c.name, ScopeInfo::kDefLocal);
                exprs(s, c.bases);
                for (Keyword* k : c.keywords) expr(s, k->value);
                exprs(s, c.decorator_list);
                ScopeInfo* cs = new_scope(s, ScopeInfo::Kind::Class, std::string(c.name), st);
                stmts(cs, c.body);
                break;
            }
            case StmtKind::Return: {
                auto& r = st->as<Return>();
                if (r.value) expr(s, r.value);
                break;
            }
            case StmtKind::Delete: exprs(s, st->as<Delete>().targets); break;
            case StmtKind::Assign: {
                auto& a = st->as<Assign>();
                exprs(s, a.targets);
                expr(s, a.value);
                break;
            }
            case StmtKind::AugAssign: {
                auto& a = st->as<AugAssign>();
                expr(s, a.target);
                expr(s, a.value);
                break;
            }
            case StmtKind::AnnAssign: {
                auto& a = st->as<AnnAssign>();
                if (a.target->kind == ExprKind::Name) {
                    auto& n = a.target->as<Name>();
                    auto it = s->flags.find(std::string(n.id));
                    if (it != s->flags.end() && (it->second & (ScopeInfo::kDefGlobal | ScopeInfo::kDefNonlocal)) && a.simple)
                        error(*st, "annotated name '" + std::string(n.id) + "' can't be " +
                                       ((it->second & ScopeInfo::kDefGlobal) ? "global" : "nonlocal"));
                    if (a.value) add(s, n.id, ScopeInfo::kDefLocal);
                    else add(s, n.id, ScopeInfo::kDefLocal);
                } else {
                    expr(s, a.target);
                }
                if (s->kind != ScopeInfo::Kind::Function) expr(s, a.annotation);
                if (a.value) expr(s, a.value);
                break;
            }
            case StmtKind::For:
            case StmtKind::AsyncFor: {
                const For* f = reinterpret_cast<const For*>(st);
                expr(s, f->target);
                expr(s, f->iter);
                stmts(s, f->body);
                stmts(s, f->orelse);
                break;
            }
            case StmtKind::While: {
                auto& w = st->as<While>();
                expr(s, w.test);
                stmts(s, w.body);
                stmts(s, w.orelse);
                break;
            }
            case StmtKind::If: {
                auto& i = st->as<If>();
                expr(s, i.test);
                stmts(s, i.body);
                stmts(s, i.orelse);
                break;
            }
            case StmtKind::With:
            case StmtKind::AsyncWith: {
                const With* w = reinterpret_cast<const With*>(st);
                for (WithItem* item : w->items) {
                    expr(s, item->context_expr);
                    if (item->optional_vars) expr(s, item->optional_vars);
                }
                stmts(s, w->body);
                break;
            }
            case StmtKind::Match: {
                auto& m = st->as<Match>();
                expr(s, m.subject);
                for (MatchCase* c : m.cases) {
                    pattern(s, c->pattern);
                    if (c->guard) expr(s, c->guard);
                    stmts(s, c->body);
                }
                break;
            }
            case StmtKind::Raise: {
                auto& r = st->as<Raise>();
                if (r.exc) expr(s, r.exc);
                if (r.cause) expr(s, r.cause);
                break;
            }
            case StmtKind::Try:
            case StmtKind::TryStar: {
                const Try* t = reinterpret_cast<const Try*>(st);
                stmts(s, t->body);
                for (ExceptHandler* h : t->handlers) {
                    if (h->type) expr(s, h->type);
                    if (!h->name.empty()) add(s, h->name, ScopeInfo::kDefLocal);
                    stmts(s, h->body);
                }
                stmts(s, t->orelse);
                stmts(s, t->finalbody);
                break;
            }
            case StmtKind::Assert: {
                auto& a = st->as<Assert>();
                expr(s, a.test);
                if (a.msg) expr(s, a.msg);
                break;
            }
            case StmtKind::Import:
            case StmtKind::ImportFrom: {
                const Seq<Alias*>& names = st->kind == StmtKind::Import ? st->as<Import>().names
                                                                        : st->as<ImportFrom>().names;
                for (Alias* a : names) {
                    if (a->name == "*") {
                        if (s->kind != ScopeInfo::Kind::Module)
                            error(*st, "import * only allowed at module level");
                        continue;
                    }
                    std::string_view n = a->asname.empty() ? a->name : a->asname;
                    if (a->asname.empty()) n = n.substr(0, n.find('.'));
                    add(s, n, ScopeInfo::kDefLocal | ScopeInfo::kDefImport);
                }
                break;
            }
            case StmtKind::Global:
            case StmtKind::Nonlocal: {
                bool global = st->kind == StmtKind::Global;
                const Seq<std::string_view>& names =
                    global ? st->as<Global>().names : st->as<Nonlocal>().names;
                if (!global && s->kind == ScopeInfo::Kind::Module)
                    error(*st, "nonlocal declaration not allowed at module level");
                for (std::string_view n : names) {
                    auto it = s->flags.find(std::string(n));
                    if (it != s->flags.end()) {
                        uint16_t f = it->second;
                        const char* kw = global ? "global" : "nonlocal";
                        if (f & ScopeInfo::kDefParam)
                            error(*st, "name '" + std::string(n) + "' is parameter and " + kw);
                        if (!global && (f & ScopeInfo::kDefGlobal))
                            error(*st, "name '" + std::string(n) + "' is nonlocal and global");
                        if (global && (f & ScopeInfo::kDefNonlocal))
                            error(*st, "name '" + std::string(n) + "' is nonlocal and global");
                        if (f & ScopeInfo::kUse)
                            error(*st, "name '" + std::string(n) + "' is used prior to " + kw + " declaration");
                        if (f & ScopeInfo::kDefLocal)
                            error(*st, "name '" + std::string(n) + "' is assigned to before " + kw + " declaration");
                    }
                    add(s, n, global ? ScopeInfo::kDefGlobal : ScopeInfo::kDefNonlocal);
                }
                break;
            }
            case StmtKind::Expr: expr(s, st->as<ExprStmt>().value); break;
            case StmtKind::Pass:
            case StmtKind::Break:
            case StmtKind::Continue: break;
        }
    }

    void pattern(ScopeInfo* s, const Pattern* p) {
        if (!p) return;
        switch (p->kind) {
            case PatternKind::MatchValue: expr(s, p->as<MatchValue>().value); break;
            case PatternKind::MatchSingleton: break;
            case PatternKind::MatchSequence:
                for (Pattern* q : p->as<MatchSequence>().patterns) pattern(s, q);
                break;
            case PatternKind::MatchMapping: {
                auto& m = p->as<MatchMapping>();
                exprs(s, m.keys);
                for (Pattern* q : m.patterns) pattern(s, q);
                if (!m.rest.empty()) add(s, m.rest, ScopeInfo::kDefLocal);
                break;
            }
            case PatternKind::MatchClass: {
                auto& m = p->as<MatchClass>();
                expr(s, m.cls);
                for (Pattern* q : m.patterns) pattern(s, q);
                for (Pattern* q : m.kwd_patterns) pattern(s, q);
                break;
            }
            case PatternKind::MatchStar:
                if (!p->as<MatchStar>().name.empty()) add(s, p->as<MatchStar>().name, ScopeInfo::kDefLocal);
                break;
            case PatternKind::MatchAs: {
                auto& m = p->as<MatchAs>();
                pattern(s, m.pattern);
                if (!m.name.empty()) add(s, m.name, ScopeInfo::kDefLocal);
                break;
            }
            case PatternKind::MatchOr:
                for (Pattern* q : p->as<MatchOr>().patterns) pattern(s, q);
                break;
        }
    }

    ScopeInfo* enclosing_function(ScopeInfo* s) {
        while (s && s->kind == ScopeInfo::Kind::Comprehension) s = s->parent;
        return s;
    }

    void expr(ScopeInfo* s, const Expr* e) {
        switch (e->kind) {
            case ExprKind::BoolOp: exprs(s, e->as<BoolOp>().values); break;
            case ExprKind::NamedExpr: {
                auto& n = e->as<NamedExpr>();
                expr(s, n.value);
                std::string_view id = n.target->as<Name>().id;
                if (s->kind == ScopeInfo::Kind::Comprehension) {
                    ScopeInfo* target = enclosing_function(s);
                    if (target->kind == ScopeInfo::Kind::Class)
                        error(*e, "assignment expression within a comprehension cannot be used in a class body");
                    // Bind in the enclosing function (or module) scope; free (or global) here.
                    if (target->kind == ScopeInfo::Kind::Module) {
                        for (ScopeInfo* c = s; c != target; c = c->parent) add(c, id, ScopeInfo::kDefGlobal);
                        add(target, id, ScopeInfo::kDefLocal);
                    } else {
                        for (ScopeInfo* c = s; c != target; c = c->parent) add(c, id, ScopeInfo::kDefNonlocal);
                        add(target, id, ScopeInfo::kDefLocal);
                    }
                } else {
                    add(s, id, ScopeInfo::kDefLocal);
                }
                break;
            }
            case ExprKind::BinOp: expr(s, e->as<BinOp>().left); expr(s, e->as<BinOp>().right); break;
            case ExprKind::UnaryOp: expr(s, e->as<UnaryOp>().operand); break;
            case ExprKind::Lambda: {
                auto& l = e->as<Lambda>();
                function(s, e, "<lambda>", l.args, nullptr, l.body, nullptr, nullptr, false);
                break;
            }
            case ExprKind::IfExp: {
                auto& i = e->as<IfExp>();
                expr(s, i.test);
                expr(s, i.body);
                expr(s, i.orelse);
                break;
            }
            case ExprKind::Dict: exprs(s, e->as<Dict>().keys); exprs(s, e->as<Dict>().values); break;
            case ExprKind::Set: exprs(s, e->as<Set>().elts); break;
            case ExprKind::ListComp: {
                auto& c = e->as<ListComp>();
                comprehension(s, e, "<listcomp>", c.generators, c.elt, nullptr, false);
                break;
            }
            case ExprKind::SetComp: {
                auto& c = e->as<SetComp>();
                comprehension(s, e, "<setcomp>", c.generators, c.elt, nullptr, false);
                break;
            }
            case ExprKind::DictComp: {
                auto& c = e->as<DictComp>();
                comprehension(s, e, "<dictcomp>", c.generators, c.key, c.value, false);
                break;
            }
            case ExprKind::GeneratorExp: {
                auto& c = e->as<GeneratorExp>();
                comprehension(s, e, "<genexpr>", c.generators, c.elt, nullptr, true);
                break;
            }
            case ExprKind::Await:
                if (s->kind == ScopeInfo::Kind::Comprehension) s->is_coroutine = true;
                expr(s, e->as<Await>().value);
                break;
            case ExprKind::Yield:
                if (s->kind == ScopeInfo::Kind::Class || s->kind == ScopeInfo::Kind::Module)
                    error(*e, "'yield' outside function");
                s->is_generator = true;
                if (e->as<Yield>().value) expr(s, e->as<Yield>().value);
                break;
            case ExprKind::YieldFrom:
                if (s->kind == ScopeInfo::Kind::Class || s->kind == ScopeInfo::Kind::Module)
                    error(*e, "'yield' outside function");
                s->is_generator = true;
                expr(s, e->as<YieldFrom>().value);
                break;
            case ExprKind::Compare:
                expr(s, e->as<Compare>().left);
                exprs(s, e->as<Compare>().comparators);
                break;
            case ExprKind::Call: {
                auto& c = e->as<Call>();
                expr(s, c.func);
                exprs(s, c.args);
                for (Keyword* k : c.keywords) expr(s, k->value);
                break;
            }
            case ExprKind::FormattedValue: {
                auto& f = e->as<FormattedValue>();
                expr(s, f.value);
                if (f.format_spec) expr(s, f.format_spec);
                break;
            }
            case ExprKind::JoinedStr: exprs(s, e->as<JoinedStr>().values); break;
            case ExprKind::Constant: break;
            case ExprKind::Attribute: expr(s, e->as<Attribute>().value); break;
            case ExprKind::Subscript:
                expr(s, e->as<Subscript>().value);
                expr(s, e->as<Subscript>().slice);
                break;
            case ExprKind::Starred: expr(s, e->as<Starred>().value); break;
            case ExprKind::Name: {
                auto& n = e->as<Name>();
                if (n.ctx == ExprContext::Load) {
                    add(s, n.id, ScopeInfo::kUse);
                    if (n.id == "super" || n.id == "__class__") mark_class_use(s);
                } else {
                    add(s, n.id, ScopeInfo::kDefLocal);
                }
                break;
            }
            case ExprKind::List: exprs(s, e->as<List>().elts); break;
            case ExprKind::Tuple: exprs(s, e->as<Tuple>().elts); break;
            case ExprKind::Slice: {
                auto& sl = e->as<Slice>();
                if (sl.lower) expr(s, sl.lower);
                if (sl.upper) expr(s, sl.upper);
                if (sl.step) expr(s, sl.step);
                break;
            }
        }
    }

    void mark_class_use(ScopeInfo* s) {
        // A function inside a class mentioning super or __class__ gets a __class__ free var.
        if (s->kind == ScopeInfo::Kind::Function || s->kind == ScopeInfo::Kind::Comprehension) {
            s->uses_super_or_class = true;
            add(s, "__class__", ScopeInfo::kUse);
        }
    }

  private:
    ScopeTable& table_;
    std::string_view filename_;
    bool comp_target_ = false;
};

bool function_like(const ScopeInfo* s) {
    return s->kind == ScopeInfo::Kind::Function || s->kind == ScopeInfo::Kind::Comprehension;
}

// Returns the free names `s` needs from its enclosing scopes.
std::set<std::string> analyze(ScopeInfo* s, const std::set<std::string>& bound,
                              const std::set<std::string>& global_names, Builder& b) {
    std::set<std::string> local, newglobal = global_names, free;
    for (const std::string& n : s->order) {
        uint16_t f = s->flags[n];
        NameScope sc;
        if (f & ScopeInfo::kDefGlobal) {
            sc = NameScope::GlobalExplicit;
            newglobal.insert(n);
        } else if (f & ScopeInfo::kDefNonlocal) {
            if (!bound.count(n)) {
                Located at{};
                (void)at;
                SyntaxErrorInfo e;
                ScopeError se;
                se.info.msg = "no binding for nonlocal '" + n + "' found";
                se.info.kind = SyntaxErrorKind::SyntaxError;
                throw se;
            }
            sc = NameScope::Free;
        } else if (f & (ScopeInfo::kDefLocal | ScopeInfo::kDefParam)) {
            sc = NameScope::Local;
            local.insert(n);
            newglobal.erase(n);
        } else if (s->kind != ScopeInfo::Kind::Module && bound.count(n)) {
            sc = NameScope::Free;
        } else {
            sc = NameScope::GlobalImplicit;
        }
        s->scopes[n] = sc;
        if (sc == NameScope::Free) free.insert(n);
    }
    std::set<std::string> newbound = bound;
    if (function_like(s)) newbound.insert(local.begin(), local.end());
    if (s->kind == ScopeInfo::Kind::Class) newbound.insert("__class__");
    std::set<std::string> child_free;
    for (auto& c : s->children) {
        auto cf = analyze(c.get(), newbound, newglobal, b);
        child_free.insert(cf.begin(), cf.end());
    }
    for (const std::string& n : child_free) {
        if (function_like(s) && s->scopes.count(n) && s->scopes[n] == NameScope::Local) {
            s->scopes[n] = NameScope::Cell;
        } else if (s->kind == ScopeInfo::Kind::Class && n == "__class__") {
            s->needs_class_closure = true;
        } else if (s->kind != ScopeInfo::Kind::Module) {
            auto it = s->scopes.find(n);
            if (it == s->scopes.end() || it->second != NameScope::Cell) {
                if (it == s->scopes.end() || s->kind != ScopeInfo::Kind::Class || it->second != NameScope::Local) {
                    if (it == s->scopes.end()) {
                        s->order.push_back(n);
                        s->flags[n] |= ScopeInfo::kFreeClass;
                    }
                    s->scopes[n] = NameScope::Free;
                } else {
                    // A class binds the name locally and a method uses an outer one: the class
                    // keeps its local; the free reference passes through.
                    s->flags[n] |= ScopeInfo::kFreeClass;
                }
                free.insert(n);
            }
        }
    }
    // Names laid out as CPython: parameters, then other locals by first appearance; cells and
    // free variables sorted.
    for (const std::string& p : s->params) s->varnames.push_back(p);
    if (function_like(s)) {
        for (const std::string& n : s->order) {
            NameScope sc = s->scopes[n];
            if ((sc == NameScope::Local || sc == NameScope::Cell) &&
                std::find(s->varnames.begin(), s->varnames.end(), n) == s->varnames.end())
                s->varnames.push_back(n);
        }
    }
    for (auto& [n, sc] : s->scopes) {
        if (sc == NameScope::Cell) s->cellvars.push_back(n);
        if (sc == NameScope::Free || (s->kind == ScopeInfo::Kind::Class && (s->flags[n] & ScopeInfo::kFreeClass)))
            s->freevars.push_back(n);
    }
    if (s->needs_class_closure) s->cellvars.push_back("__class__");
    std::sort(s->cellvars.begin(), s->cellvars.end());
    std::sort(s->freevars.begin(), s->freevars.end());
    s->freevars.erase(std::unique(s->freevars.begin(), s->freevars.end()), s->freevars.end());
    return free;
}

}  // namespace

bool build_scopes(const Module* module, std::string_view filename, ScopeTable* table,
                  SyntaxErrorInfo* error) {
    Builder b(*table, filename);
    try {
        ScopeInfo* top = b.new_scope(nullptr, ScopeInfo::Kind::Module, "<module>", module);
        b.stmts(top, module->body);
        analyze(top, {}, {}, b);
    } catch (ScopeError& e) {
        *error = e.info;
        if (error->filename.empty()) error->filename = std::string(filename);
        return false;
    }
    return true;
}

}  // namespace interleave::python
