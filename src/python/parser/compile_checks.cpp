// check_compile_errors: the walk of CPython 3.11's compile.c (compiler_visit_stmt,
// compiler_visit_expr and friends) reduced to the checks it makes before emitting code, visiting
// nodes in the order the compiler does.
#include "python/parser/compile_checks.hpp"

#include <string>
#include <vector>

namespace interleave::python {

namespace {

enum class ScopeType { Module, Class, Function, AsyncFunction, Lambda, Comprehension };

struct Failed {
    SyntaxErrorInfo info;
};

class Checker {
  public:
    Checker(const SymbolTable& t, std::string_view source) : t_(t), source_(source) {}

    void module(const Module& m) {
        Scope s{ScopeType::Module, t_.top()};
        scope_ = &s;
        for (const Stmt* st : m.body) stmt(st);
    }

  private:
    struct Scope {
        ScopeType type;
        const SymbolTableEntry* ste;
        int loops = 0;   // enclosing loops (break/continue)
        int blocks = 0;  // statically nested blocks
    };

    // compiler_error: the position of the node being compiled, as CPython's SET_LOC.
    [[noreturn]] void error(std::string msg, const Located& at) {
        Failed f;
        f.info.msg = std::move(msg);
        f.info.lineno = at.lineno;
        f.info.end_lineno = at.end_lineno;
        const std::string line = line_text(at.lineno);
        f.info.text = line;
        f.info.offset = chars(line, at.col_offset) + 1;
        f.info.end_offset =
            chars(at.end_lineno == at.lineno ? line : line_text(at.end_lineno), at.end_col_offset) +
            1;
        throw f;
    }
    std::string line_text(int lineno) const {
        size_t b = 0;
        for (int ln = 1; ln < lineno; ++ln) {
            const size_t nl = source_.find('\n', b);
            if (nl == std::string_view::npos) return {};
            b = nl + 1;
        }
        size_t e = source_.find('\n', b);
        if (e == std::string_view::npos) e = source_.size();
        return std::string(source_.substr(b, e - b)) + "\n";
    }
    static int chars(const std::string& line, int bytes) {
        int n = 0;
        for (int i = 0; i < bytes && i < static_cast<int>(line.size()); ++i) {
            n += (static_cast<unsigned char>(line[static_cast<size_t>(i)]) & 0xC0) != 0x80;
        }
        return n;
    }

    // forbidden_name
    void check_name(std::string_view name, ExprContext ctx, const Located& at) {
        if (name != "__debug__") return;
        if (ctx == ExprContext::Store) error("cannot assign to __debug__", at);
        if (ctx == ExprContext::Del) error("cannot delete __debug__", at);
    }
    void check_args(const Arguments* a, const Located& at) {
        for (const Seq<Arg*>* seq : {&a->posonlyargs, &a->args, &a->kwonlyargs}) {
            for (const Arg* arg : *seq) check_name(arg->arg, ExprContext::Store, at);
        }
        if (a->vararg) check_name(a->vararg->arg, ExprContext::Store, at);
        if (a->kwarg) check_name(a->kwarg->arg, ExprContext::Store, at);
    }
    void keywords(const Seq<Keyword*>& ks, const Located& at) {
        for (size_t i = 0; i < ks.size(); ++i) {
            if (ks[i]->arg.empty()) continue;
            check_name(ks[i]->arg, ExprContext::Store, at);
            for (size_t j = i + 1; j < ks.size(); ++j) {
                if (ks[j]->arg == ks[i]->arg) {
                    error("keyword argument repeated: " + std::string(ks[i]->arg), *ks[j]);
                }
            }
        }
    }

    void push_block(const Located& at) {
        if (++scope_->blocks > kMaxStaticBlocks) error("too many statically nested blocks", at);
    }
    void pop_block() { --scope_->blocks; }

    template <class Body>
    void in_scope(ScopeType type, const void* node, Body&& body) {
        Scope s{type, t_.lookup(node)};
        Scope* saved = scope_;
        scope_ = &s;
        body();
        scope_ = saved;
    }

    void stmts(const Seq<Stmt*>& body) {
        for (const Stmt* s : body) stmt(s);
    }

    template <class F>
    void function(const Stmt* s, const F& f, bool is_async) {
        check_args(f.args, *s);
        for (const Expr* d : f.decorator_list) expr(d);
        defaults_and_annotations(f.args, f.returns);
        in_scope(is_async ? ScopeType::AsyncFunction : ScopeType::Function, s,
                 [&] { stmts(f.body); });
        check_name(f.name, ExprContext::Store, *s);
    }
    void defaults_and_annotations(const Arguments* a, const Expr* returns) {
        for (const Expr* d : a->defaults) expr(d);
        for (const Expr* d : a->kw_defaults) {
            if (d) expr(d);
        }
        if (t_.future_annotations()) return;
        for (const Seq<Arg*>* seq : {&a->posonlyargs, &a->args, &a->kwonlyargs}) {
            for (const Arg* arg : *seq) {
                if (arg->annotation) expr(arg->annotation);
            }
        }
        if (a->vararg && a->vararg->annotation) expr(a->vararg->annotation, true);
        if (a->kwarg && a->kwarg->annotation) expr(a->kwarg->annotation);
        if (returns) expr(returns);
    }

    template <class Loop>
    void for_loop(const Stmt* s, const Loop& f) {
        expr(f.iter);
        target(f.target);
        push_block(*s);
        ++scope_->loops;
        stmts(f.body);
        --scope_->loops;
        pop_block();
        stmts(f.orelse);
    }

    template <class T>
    void try_stmt(const Stmt* s, const T& t) {
        const bool fin = !t.finalbody.empty();
        push_block(*s);
        if (fin && !t.handlers.empty()) push_block(*s);
        stmts(t.body);
        if (fin && !t.handlers.empty()) pop_block();
        if (!fin) pop_block();
        stmts(t.orelse);
        for (size_t i = 0; i < t.handlers.size(); ++i) {
            const ExceptHandler* h = t.handlers[i];
            if (!h->type && i + 1 < t.handlers.size()) error("default 'except:' must be last", *h);
            if (h->type) expr(h->type);
            if (!h->name.empty()) check_name(h->name, ExprContext::Store, *h);
            push_block(*h);
            stmts(h->body);
            pop_block();
        }
        if (fin) {
            pop_block();
            push_block(*s);
            stmts(t.finalbody);
            pop_block();
        }
    }

    void stmt(const Stmt* s) {
        switch (s->kind) {
            case StmtKind::FunctionDef:
                function(s, s->as<FunctionDef>(), false);
                break;
            case StmtKind::AsyncFunctionDef:
                function(s, s->as<AsyncFunctionDef>(), true);
                break;
            case StmtKind::ClassDef: {
                const auto& c = s->as<ClassDef>();
                for (const Expr* d : c.decorator_list) expr(d);
                in_scope(ScopeType::Class, s, [&] { stmts(c.body); });
                keywords(c.keywords, *s);
                for (const Expr* b : c.bases) expr(b, true);
                for (const Keyword* k : c.keywords) expr(k->value);
                check_name(c.name, ExprContext::Store, *s);
                break;
            }
            case StmtKind::Return: {
                const auto& r = s->as<Return>();
                if (!scope_->ste || scope_->ste->type != BlockType::Function) {
                    error("'return' outside function", *s);
                }
                if (r.value && scope_->ste->coroutine && scope_->ste->generator) {
                    error("'return' with value in async generator", *s);
                }
                if (r.value) expr(r.value);
                break;
            }
            case StmtKind::Delete:
                for (const Expr* t : s->as<Delete>().targets) expr(t);
                break;
            case StmtKind::Assign:
                expr(s->as<Assign>().value);
                for (const Expr* t : s->as<Assign>().targets) target(t);
                break;
            case StmtKind::AugAssign:
                expr(s->as<AugAssign>().target);
                expr(s->as<AugAssign>().value);
                break;
            case StmtKind::AnnAssign: {
                const auto& a = s->as<AnnAssign>();
                if (a.value) expr(a.value);
                target(a.target);
                if (!t_.future_annotations()) expr(a.annotation);
                break;
            }
            case StmtKind::For:
                for_loop(s, s->as<For>());
                break;
            case StmtKind::AsyncFor:
                if (scope_->type != ScopeType::AsyncFunction) {
                    error("'async for' outside async function", *s);
                }
                for_loop(s, s->as<AsyncFor>());
                break;
            case StmtKind::While:
                expr(s->as<While>().test);
                push_block(*s);
                ++scope_->loops;
                stmts(s->as<While>().body);
                --scope_->loops;
                pop_block();
                stmts(s->as<While>().orelse);
                break;
            case StmtKind::If:
                expr(s->as<If>().test);
                stmts(s->as<If>().body);
                stmts(s->as<If>().orelse);
                break;
            case StmtKind::With:
            case StmtKind::AsyncWith: {
                const bool is_async = s->kind == StmtKind::AsyncWith;
                if (is_async && scope_->type != ScopeType::AsyncFunction) {
                    error("'async with' outside async function", *s);
                }
                const auto& items = is_async ? s->as<AsyncWith>().items : s->as<With>().items;
                for (const WithItem* w : items) {
                    expr(w->context_expr);
                    if (w->optional_vars) target(w->optional_vars);
                    push_block(*s);
                }
                stmts(is_async ? s->as<AsyncWith>().body : s->as<With>().body);
                for (size_t i = 0; i < items.size(); ++i) pop_block();
                break;
            }
            case StmtKind::Match:
                match(s->as<Match>());
                break;
            case StmtKind::Raise:
                if (s->as<Raise>().exc) expr(s->as<Raise>().exc);
                if (s->as<Raise>().cause) expr(s->as<Raise>().cause);
                break;
            case StmtKind::Try:
                try_stmt(s, s->as<Try>());
                break;
            case StmtKind::TryStar:
                try_stmt(s, s->as<TryStar>());
                break;
            case StmtKind::Assert:
                expr(s->as<Assert>().test);
                if (s->as<Assert>().msg) expr(s->as<Assert>().msg);
                break;
            case StmtKind::Import:
            case StmtKind::ImportFrom: {
                if (s->is<ImportFrom>() && s->as<ImportFrom>().module == "__future__" &&
                    s->lineno > t_.future_lineno()) {
                    error("from __future__ imports must occur at the beginning of the file", *s);
                }
                const auto& names =
                    s->kind == StmtKind::Import ? s->as<Import>().names : s->as<ImportFrom>().names;
                for (const Alias* a : names) {
                    std::string_view n = a->asname.empty() ? a->name : a->asname;
                    n = n.substr(0, n.find('.'));
                    check_name(n, ExprContext::Store, *s);
                }
                break;
            }
            case StmtKind::Expr:
                expr(s->as<ExprStmt>().value);
                break;
            case StmtKind::Break:
                if (scope_->loops == 0) error("'break' outside loop", *s);
                break;
            case StmtKind::Continue:
                if (scope_->loops == 0) error("'continue' not properly in loop", *s);
                break;
            case StmtKind::Global:
            case StmtKind::Nonlocal:
            case StmtKind::Pass:
                break;
        }
    }

    // compiler_match: every case but a final `case _:` is compiled as a pattern; an irrefutable
    // pattern is allowed only last (or with a guard).
    struct PatternCtx {
        std::vector<std::string_view> stores;
        bool allow_irrefutable = false;
    };
    void match(const Match& m) {
        expr(m.subject);
        const size_t n = m.cases.size();
        const MatchCase* last = m.cases[n - 1];
        const bool has_default = n > 1 && last->pattern->is<MatchAs>() && !last->guard &&
                                 !last->pattern->as<MatchAs>().pattern &&
                                 last->pattern->as<MatchAs>().name.empty();
        for (size_t i = 0; i < n - (has_default ? 1 : 0); ++i) {
            const MatchCase* c = m.cases[i];
            PatternCtx pc;
            pc.allow_irrefutable = c->guard != nullptr || i == n - 1;
            pattern(c->pattern, pc);
            if (c->guard) expr(c->guard);
            stmts(c->body);
        }
        if (has_default) stmts(last->body);
    }
    void store(std::string_view name, PatternCtx& pc) {
        check_name(name, ExprContext::Store, *last_pattern_);
        for (std::string_view s : pc.stores) {
            if (s == name) {
                error("multiple assignments to name '" + std::string(name) + "' in pattern",
                      *last_pattern_);
            }
        }
        pc.stores.push_back(name);
    }
    void subpattern(const Pattern* p, PatternCtx& pc) {
        const bool saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        pattern(p, pc);
        pc.allow_irrefutable = saved;
    }
    void pattern(const Pattern* p, PatternCtx& pc) {
        last_pattern_ = p;  // SET_LOC(c, p): errors point at the last pattern visited
        switch (p->kind) {
            case PatternKind::MatchValue:
                expr(p->as<MatchValue>().value);
                break;
            case PatternKind::MatchSingleton:
                break;
            case PatternKind::MatchSequence:
                for (const Pattern* x : p->as<MatchSequence>().patterns) subpattern(x, pc);
                break;
            case PatternKind::MatchStar:
                if (!p->as<MatchStar>().name.empty()) store(p->as<MatchStar>().name, pc);
                break;
            case PatternKind::MatchAs: {
                const auto& a = p->as<MatchAs>();
                if (!a.pattern) {
                    if (!pc.allow_irrefutable) {
                        if (!a.name.empty()) {
                            error("name capture '" + std::string(a.name) +
                                      "' makes remaining patterns unreachable",
                                  *p);
                        }
                        error("wildcard makes remaining patterns unreachable", *p);
                    }
                } else {
                    subpattern(a.pattern, pc);
                }
                if (!a.name.empty()) store(a.name, pc);
                break;
            }
            case PatternKind::MatchOr: {
                const auto& alts = p->as<MatchOr>().patterns;
                std::vector<std::string_view> control;
                for (size_t i = 0; i < alts.size(); ++i) {
                    PatternCtx alt;
                    alt.allow_irrefutable = i + 1 == alts.size() && pc.allow_irrefutable;
                    pattern(alts[i], alt);
                    if (i == 0) {
                        control = alt.stores;
                        continue;
                    }
                    bool same = alt.stores.size() == control.size();
                    for (std::string_view n : control) {
                        bool found = false;
                        for (std::string_view m : alt.stores) found = found || m == n;
                        same = same && found;
                    }
                    if (!same) error("alternative patterns bind different names", *last_pattern_);
                }
                for (std::string_view n : control) store(n, pc);
                break;
            }
            case PatternKind::MatchClass: {
                const auto& c = p->as<MatchClass>();
                expr(c.cls);
                for (size_t i = 0; i < c.kwd_attrs.size(); ++i) {
                    check_name(c.kwd_attrs[i], ExprContext::Store, *p);
                    for (size_t j = i + 1; j < c.kwd_attrs.size(); ++j) {
                        if (c.kwd_attrs[i] == c.kwd_attrs[j]) {
                            error("attribute name repeated in class pattern: " +
                                      std::string(c.kwd_attrs[j]),
                                  *c.kwd_patterns[j]);
                        }
                    }
                }
                for (const Pattern* x : c.patterns) subpattern(x, pc);
                for (const Pattern* x : c.kwd_patterns) subpattern(x, pc);
                break;
            }
            case PatternKind::MatchMapping: {
                const auto& m = p->as<MatchMapping>();
                for (const Expr* k : m.keys) expr(k);
                for (const Pattern* x : m.patterns) subpattern(x, pc);
                if (!m.rest.empty()) store(m.rest, pc);
                break;
            }
        }
    }

    // An assignment target (Store): starred only directly inside a list or tuple, once.
    void target(const Expr* e) {
        switch (e->kind) {
            case ExprKind::Starred:
                error("starred assignment target must be in a list or tuple", *e);
            case ExprKind::List:
            case ExprKind::Tuple: {
                const auto& elts = e->is<List>() ? e->as<List>().elts : e->as<Tuple>().elts;
                int starred = 0;
                for (const Expr* x : elts) starred += x->is<Starred>();
                if (starred > 1) error("multiple starred expressions in assignment", *e);
                for (const Expr* x : elts) target(x->is<Starred>() ? x->as<Starred>().value : x);
                break;
            }
            case ExprKind::Name:
                check_name(e->as<Name>().id, ExprContext::Store, *e);
                break;
            case ExprKind::Attribute:
                expr(e->as<Attribute>().value);
                check_name(e->as<Attribute>().attr, ExprContext::Store, *e);
                break;
            case ExprKind::Subscript:
                expr(e->as<Subscript>().value);
                expr(e->as<Subscript>().slice, true);
                break;
            default:
                expr(e);
                break;
        }
    }

    void comprehension(const Expr* e, const Seq<Comprehension*>& gens, const Expr* elt,
                       const Expr* value) {
        const ScopeType outer = scope_->type;
        in_scope(ScopeType::Comprehension, e, [&] {
            const bool is_async = scope_->ste && scope_->ste->coroutine;
            if (is_async && !e->is<GeneratorExp>() && outer != ScopeType::AsyncFunction &&
                outer != ScopeType::Comprehension) {
                error("asynchronous comprehension outside of an asynchronous function", *e);
            }
            for (size_t i = 0; i < gens.size(); ++i) {
                if (i > 0) expr(gens[i]->iter);
                target(gens[i]->target);
                for (const Expr* c : gens[i]->ifs) expr(c);
            }
            expr(elt);
            if (value) expr(value);
        });
        expr(gens[0]->iter);
    }

    // starred_ok: the parent accepts `*x` here (a display, call arguments, a subscript tuple).
    void expr(const Expr* e, bool starred_ok = false) {
        switch (e->kind) {
            case ExprKind::BoolOp:
                for (const Expr* v : e->as<BoolOp>().values) expr(v);
                break;
            case ExprKind::NamedExpr:
                expr(e->as<NamedExpr>().value);
                check_name(e->as<NamedExpr>().target->as<Name>().id, ExprContext::Store,
                           *e->as<NamedExpr>().target);
                break;
            case ExprKind::BinOp:
                expr(e->as<BinOp>().left);
                expr(e->as<BinOp>().right);
                break;
            case ExprKind::UnaryOp:
                expr(e->as<UnaryOp>().operand);
                break;
            case ExprKind::Lambda: {
                const auto& l = e->as<Lambda>();
                check_args(l.args, *e);
                for (const Expr* d : l.args->defaults) expr(d);
                for (const Expr* d : l.args->kw_defaults) {
                    if (d) expr(d);
                }
                in_scope(ScopeType::Lambda, e, [&] { expr(l.body); });
                break;
            }
            case ExprKind::IfExp:
                expr(e->as<IfExp>().test);
                expr(e->as<IfExp>().body);
                expr(e->as<IfExp>().orelse);
                break;
            case ExprKind::Dict: {
                const auto& d = e->as<Dict>();
                for (size_t i = 0; i < d.values.size(); ++i) {
                    if (d.keys[i]) expr(d.keys[i]);
                    expr(d.values[i]);
                }
                break;
            }
            case ExprKind::Set:
                for (const Expr* x : e->as<Set>().elts) expr(x, true);
                break;
            case ExprKind::List:
                if (e->as<List>().ctx == ExprContext::Store) return target(e);
                for (const Expr* x : e->as<List>().elts) expr(x, true);
                break;
            case ExprKind::Tuple:
                if (e->as<Tuple>().ctx == ExprContext::Store) return target(e);
                for (const Expr* x : e->as<Tuple>().elts) expr(x, true);
                break;
            case ExprKind::ListComp:
                comprehension(e, e->as<ListComp>().generators, e->as<ListComp>().elt, nullptr);
                break;
            case ExprKind::SetComp:
                comprehension(e, e->as<SetComp>().generators, e->as<SetComp>().elt, nullptr);
                break;
            case ExprKind::DictComp:
                comprehension(e, e->as<DictComp>().generators, e->as<DictComp>().key,
                              e->as<DictComp>().value);
                break;
            case ExprKind::GeneratorExp:
                comprehension(e, e->as<GeneratorExp>().generators, e->as<GeneratorExp>().elt,
                              nullptr);
                break;
            case ExprKind::Await:
                if (!scope_->ste || scope_->ste->type != BlockType::Function) {
                    error("'await' outside function", *e);
                }
                if (scope_->type != ScopeType::AsyncFunction &&
                    scope_->type != ScopeType::Comprehension) {
                    error("'await' outside async function", *e);
                }
                expr(e->as<Await>().value);
                break;
            case ExprKind::Yield:
                if (!scope_->ste || scope_->ste->type != BlockType::Function) {
                    error("'yield' outside function", *e);
                }
                if (e->as<Yield>().value) expr(e->as<Yield>().value);
                break;
            case ExprKind::YieldFrom:
                if (!scope_->ste || scope_->ste->type != BlockType::Function) {
                    error("'yield' outside function", *e);
                }
                if (scope_->type == ScopeType::AsyncFunction) {
                    error("'yield from' inside async function", *e);
                }
                expr(e->as<YieldFrom>().value);
                break;
            case ExprKind::Compare:
                expr(e->as<Compare>().left);
                for (const Expr* c : e->as<Compare>().comparators) expr(c);
                break;
            case ExprKind::Call: {
                const auto& c = e->as<Call>();
                keywords(c.keywords, *e);
                expr(c.func);
                for (const Expr* a : c.args) expr(a, true);
                for (const Keyword* k : c.keywords) expr(k->value);
                break;
            }
            case ExprKind::FormattedValue:
                expr(e->as<FormattedValue>().value);
                if (e->as<FormattedValue>().format_spec) expr(e->as<FormattedValue>().format_spec);
                break;
            case ExprKind::JoinedStr:
                for (const Expr* v : e->as<JoinedStr>().values) expr(v);
                break;
            case ExprKind::Constant:
                break;
            case ExprKind::Attribute:
                expr(e->as<Attribute>().value);
                check_name(e->as<Attribute>().attr, e->as<Attribute>().ctx, *e);
                break;
            case ExprKind::Subscript:
                expr(e->as<Subscript>().value);
                expr(e->as<Subscript>().slice, true);
                break;
            case ExprKind::Starred:
                if (e->as<Starred>().ctx == ExprContext::Store) {
                    error("starred assignment target must be in a list or tuple", *e);
                }
                if (!starred_ok) error("can't use starred expression here", *e);
                expr(e->as<Starred>().value);
                break;
            case ExprKind::Name:
                check_name(e->as<Name>().id, e->as<Name>().ctx, *e);
                break;
            case ExprKind::Slice:
                if (e->as<Slice>().lower) expr(e->as<Slice>().lower);
                if (e->as<Slice>().upper) expr(e->as<Slice>().upper);
                if (e->as<Slice>().step) expr(e->as<Slice>().step);
                break;
        }
    }

    const SymbolTable& t_;
    std::string_view source_;
    Scope* scope_ = nullptr;
    const Pattern* last_pattern_ = nullptr;
};

}  // namespace

std::optional<SyntaxErrorInfo> check_compile_errors(const Module& module, const SymbolTable& table,
                                                    std::string_view source,
                                                    std::string_view filename) {
    try {
        Checker c(table, source);
        c.module(module);
    } catch (Failed& f) {
        f.info.filename.assign(filename);
        return std::move(f.info);
    }
    return std::nullopt;
}

}  // namespace interleave::python
