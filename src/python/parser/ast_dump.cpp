// ast_dump: CPython 3.11's Lib/ast.py dump() with indent=None, field by field in Python.asdl's
// order; optional fields that are absent are left out, as dump() leaves out None defaults.
#include "python/parser/ast_dump.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "python/parser/unicode.hpp"

namespace interleave::python {

namespace {

class Dumper {
  public:
    explicit Dumper(bool attrs) : attrs_(attrs) {}
    std::string out;

    void module(const Module& m) {
        out += "Module(body=";
        stmts(m.body);
        out += ", type_ignores=[])";
    }

  private:
    // --- helpers ------------------------------------------------------------------------------
    void open(const char* name) {
        stack_.push_back(first_);
        out += name;
        out += '(';
        first_ = true;
    }
    void field(const char* name) {
        if (!first_) out += ", ";
        first_ = false;
        out += name;
        out += '=';
    }
    void close(const Located* loc) {
        if (attrs_ && loc) {
            field("lineno");
            out += std::to_string(loc->lineno);
            field("col_offset");
            out += std::to_string(loc->col_offset);
            field("end_lineno");
            out += std::to_string(loc->end_lineno);
            field("end_col_offset");
            out += std::to_string(loc->end_col_offset);
        }
        out += ')';
        first_ = stack_.back();
        stack_.pop_back();
    }
    void ident(const char* name, std::string_view v) {
        field(name);
        out += ast_repr_str(v);
    }
    void opt_ident(const char* name, std::string_view v) {
        if (!v.empty()) ident(name, v);
    }
    void integer(const char* name, long v) {
        field(name);
        out += std::to_string(v);
    }
    void expr_field(const char* name, const Expr* e) {
        field(name);
        expr(e);
    }
    void opt_expr(const char* name, const Expr* e) {
        if (e) expr_field(name, e);
    }
    void exprs_field(const char* name, const Seq<Expr*>& s) {
        field(name);
        exprs(s);
    }
    void stmts_field(const char* name, const Seq<Stmt*>& s) {
        field(name);
        stmts(s);
    }
    void ctx(ExprContext c) {
        field("ctx");
        out += name_of(c);
        out += "()";
    }

    template <class T, class F>
    void list(const Seq<T>& s, F&& each) {
        out += '[';
        bool first = true;
        for (const T& x : s) {
            if (!first) out += ", ";
            first = false;
            each(x);
        }
        out += ']';
    }
    void exprs(const Seq<Expr*>& s) {
        list(s, [&](const Expr* e) {
            if (e) {
                expr(e);
            } else {
                out += "None";
            }
        });
    }
    void stmts(const Seq<Stmt*>& s) {
        list(s, [&](const Stmt* x) { stmt(x); });
    }
    void names(const char* name, const Seq<std::string_view>& s) {
        field(name);
        list(s, [&](std::string_view n) { out += ast_repr_str(n); });
    }

    void constant_value(const ConstantValue& v) {
        switch (v.kind) {
            case ConstantKind::None:
                out += "None";
                break;
            case ConstantKind::True:
                out += "True";
                break;
            case ConstantKind::False:
                out += "False";
                break;
            case ConstantKind::Ellipsis:
                out += "Ellipsis";
                break;
            case ConstantKind::Int:
                out += std::to_string(v.int_value);
                break;
            case ConstantKind::BigInt:
                out += v.text;
                break;
            case ConstantKind::Float:
                out += ast_repr_float(v.float_value);
                break;
            case ConstantKind::Complex:
                out += ast_repr_imag(v.float_value);
                break;
            case ConstantKind::Str:
                out += ast_repr_str(v.text);
                break;
            case ConstantKind::Bytes:
                out += ast_repr_bytes(v.text);
                break;
        }
    }

    // --- records ------------------------------------------------------------------------------
    void arg(const Arg* a) {
        open("arg");
        ident("arg", a->arg);
        opt_expr("annotation", a->annotation);
        close(a);
    }
    void arguments(const Arguments* a) {
        open("arguments");
        field("posonlyargs");
        list(a->posonlyargs, [&](const Arg* x) { arg(x); });
        field("args");
        list(a->args, [&](const Arg* x) { arg(x); });
        if (a->vararg) {
            field("vararg");
            arg(a->vararg);
        }
        field("kwonlyargs");
        list(a->kwonlyargs, [&](const Arg* x) { arg(x); });
        exprs_field("kw_defaults", a->kw_defaults);
        if (a->kwarg) {
            field("kwarg");
            arg(a->kwarg);
        }
        exprs_field("defaults", a->defaults);
        close(nullptr);
    }
    void keyword(const Keyword* k) {
        open("keyword");
        opt_ident("arg", k->arg);
        expr_field("value", k->value);
        close(k);
    }
    void keywords_field(const Seq<Keyword*>& s) {
        field("keywords");
        list(s, [&](const Keyword* k) { keyword(k); });
    }
    void alias(const Alias* a) {
        open("alias");
        ident("name", a->name);
        opt_ident("asname", a->asname);
        close(a);
    }
    void comprehensions(const Seq<Comprehension*>& s) {
        field("generators");
        list(s, [&](const Comprehension* c) {
            open("comprehension");
            expr_field("target", c->target);
            expr_field("iter", c->iter);
            exprs_field("ifs", c->ifs);
            integer("is_async", c->is_async);
            close(nullptr);
        });
    }
    void withitems(const Seq<WithItem*>& s) {
        field("items");
        list(s, [&](const WithItem* w) {
            open("withitem");
            expr_field("context_expr", w->context_expr);
            opt_expr("optional_vars", w->optional_vars);
            close(nullptr);
        });
    }
    void handlers(const Seq<ExceptHandler*>& s) {
        field("handlers");
        list(s, [&](const ExceptHandler* h) {
            open("ExceptHandler");
            opt_expr("type", h->type);
            opt_ident("name", h->name);
            stmts_field("body", h->body);
            close(h);
        });
    }

    // --- patterns -----------------------------------------------------------------------------
    void patterns_field(const char* name, const Seq<Pattern*>& s) {
        field(name);
        list(s, [&](const Pattern* p) { pattern(p); });
    }
    void pattern(const Pattern* p) {
        open(name_of(p->kind));
        switch (p->kind) {
            case PatternKind::MatchValue:
                expr_field("value", p->as<MatchValue>().value);
                break;
            case PatternKind::MatchSingleton:
                field("value");
                constant_value(p->as<MatchSingleton>().value);
                break;
            case PatternKind::MatchSequence:
                patterns_field("patterns", p->as<MatchSequence>().patterns);
                break;
            case PatternKind::MatchMapping: {
                const auto& m = p->as<MatchMapping>();
                exprs_field("keys", m.keys);
                patterns_field("patterns", m.patterns);
                opt_ident("rest", m.rest);
                break;
            }
            case PatternKind::MatchClass: {
                const auto& m = p->as<MatchClass>();
                expr_field("cls", m.cls);
                patterns_field("patterns", m.patterns);
                names("kwd_attrs", m.kwd_attrs);
                patterns_field("kwd_patterns", m.kwd_patterns);
                break;
            }
            case PatternKind::MatchStar:
                opt_ident("name", p->as<MatchStar>().name);
                break;
            case PatternKind::MatchAs: {
                const auto& m = p->as<MatchAs>();
                if (m.pattern) {
                    field("pattern");
                    pattern(m.pattern);
                }
                opt_ident("name", m.name);
                break;
            }
            case PatternKind::MatchOr:
                patterns_field("patterns", p->as<MatchOr>().patterns);
                break;
        }
        close(p);
    }

    // --- expressions --------------------------------------------------------------------------
    void expr(const Expr* e) {
        open(name_of(e->kind));
        switch (e->kind) {
            case ExprKind::BoolOp: {
                const auto& n = e->as<BoolOp>();
                field("op");
                out += name_of(n.op);
                out += "()";
                exprs_field("values", n.values);
                break;
            }
            case ExprKind::NamedExpr:
                expr_field("target", e->as<NamedExpr>().target);
                expr_field("value", e->as<NamedExpr>().value);
                break;
            case ExprKind::BinOp: {
                const auto& n = e->as<BinOp>();
                expr_field("left", n.left);
                field("op");
                out += name_of(n.op);
                out += "()";
                expr_field("right", n.right);
                break;
            }
            case ExprKind::UnaryOp: {
                const auto& n = e->as<UnaryOp>();
                field("op");
                out += name_of(n.op);
                out += "()";
                expr_field("operand", n.operand);
                break;
            }
            case ExprKind::Lambda:
                field("args");
                arguments(e->as<Lambda>().args);
                expr_field("body", e->as<Lambda>().body);
                break;
            case ExprKind::IfExp:
                expr_field("test", e->as<IfExp>().test);
                expr_field("body", e->as<IfExp>().body);
                expr_field("orelse", e->as<IfExp>().orelse);
                break;
            case ExprKind::Dict:
                exprs_field("keys", e->as<Dict>().keys);
                exprs_field("values", e->as<Dict>().values);
                break;
            case ExprKind::Set:
                exprs_field("elts", e->as<Set>().elts);
                break;
            case ExprKind::ListComp:
                expr_field("elt", e->as<ListComp>().elt);
                comprehensions(e->as<ListComp>().generators);
                break;
            case ExprKind::SetComp:
                expr_field("elt", e->as<SetComp>().elt);
                comprehensions(e->as<SetComp>().generators);
                break;
            case ExprKind::DictComp:
                expr_field("key", e->as<DictComp>().key);
                expr_field("value", e->as<DictComp>().value);
                comprehensions(e->as<DictComp>().generators);
                break;
            case ExprKind::GeneratorExp:
                expr_field("elt", e->as<GeneratorExp>().elt);
                comprehensions(e->as<GeneratorExp>().generators);
                break;
            case ExprKind::Await:
                expr_field("value", e->as<Await>().value);
                break;
            case ExprKind::Yield:
                opt_expr("value", e->as<Yield>().value);
                break;
            case ExprKind::YieldFrom:
                expr_field("value", e->as<YieldFrom>().value);
                break;
            case ExprKind::Compare: {
                const auto& n = e->as<Compare>();
                expr_field("left", n.left);
                field("ops");
                list(n.ops, [&](CmpOp op) {
                    out += name_of(op);
                    out += "()";
                });
                exprs_field("comparators", n.comparators);
                break;
            }
            case ExprKind::Call:
                expr_field("func", e->as<Call>().func);
                exprs_field("args", e->as<Call>().args);
                keywords_field(e->as<Call>().keywords);
                break;
            case ExprKind::FormattedValue: {
                const auto& n = e->as<FormattedValue>();
                expr_field("value", n.value);
                integer("conversion", n.conversion);
                opt_expr("format_spec", n.format_spec);
                break;
            }
            case ExprKind::JoinedStr:
                exprs_field("values", e->as<JoinedStr>().values);
                break;
            case ExprKind::Constant:
                field("value");
                constant_value(e->as<Constant>().value);
                opt_ident("kind", e->as<Constant>().kind);
                break;
            case ExprKind::Attribute:
                expr_field("value", e->as<Attribute>().value);
                ident("attr", e->as<Attribute>().attr);
                ctx(e->as<Attribute>().ctx);
                break;
            case ExprKind::Subscript:
                expr_field("value", e->as<Subscript>().value);
                expr_field("slice", e->as<Subscript>().slice);
                ctx(e->as<Subscript>().ctx);
                break;
            case ExprKind::Starred:
                expr_field("value", e->as<Starred>().value);
                ctx(e->as<Starred>().ctx);
                break;
            case ExprKind::Name:
                ident("id", e->as<Name>().id);
                ctx(e->as<Name>().ctx);
                break;
            case ExprKind::List:
                exprs_field("elts", e->as<List>().elts);
                ctx(e->as<List>().ctx);
                break;
            case ExprKind::Tuple:
                exprs_field("elts", e->as<Tuple>().elts);
                ctx(e->as<Tuple>().ctx);
                break;
            case ExprKind::Slice:
                opt_expr("lower", e->as<Slice>().lower);
                opt_expr("upper", e->as<Slice>().upper);
                opt_expr("step", e->as<Slice>().step);
                break;
        }
        close(e);
    }

    // --- statements ---------------------------------------------------------------------------
    template <class F>
    void function(const F& f) {
        ident("name", f.name);
        field("args");
        arguments(f.args);
        stmts_field("body", f.body);
        exprs_field("decorator_list", f.decorator_list);
        opt_expr("returns", f.returns);
    }
    template <class F>
    void for_loop(const F& f) {
        expr_field("target", f.target);
        expr_field("iter", f.iter);
        stmts_field("body", f.body);
        stmts_field("orelse", f.orelse);
    }
    template <class T>
    void try_stmt(const T& t) {
        stmts_field("body", t.body);
        handlers(t.handlers);
        stmts_field("orelse", t.orelse);
        stmts_field("finalbody", t.finalbody);
    }

    void stmt(const Stmt* s) {
        open(name_of(s->kind));
        switch (s->kind) {
            case StmtKind::FunctionDef:
                function(s->as<FunctionDef>());
                break;
            case StmtKind::AsyncFunctionDef:
                function(s->as<AsyncFunctionDef>());
                break;
            case StmtKind::ClassDef: {
                const auto& c = s->as<ClassDef>();
                ident("name", c.name);
                exprs_field("bases", c.bases);
                keywords_field(c.keywords);
                stmts_field("body", c.body);
                exprs_field("decorator_list", c.decorator_list);
                break;
            }
            case StmtKind::Return:
                opt_expr("value", s->as<Return>().value);
                break;
            case StmtKind::Delete:
                exprs_field("targets", s->as<Delete>().targets);
                break;
            case StmtKind::Assign:
                exprs_field("targets", s->as<Assign>().targets);
                expr_field("value", s->as<Assign>().value);
                break;
            case StmtKind::AugAssign: {
                const auto& a = s->as<AugAssign>();
                expr_field("target", a.target);
                field("op");
                out += name_of(a.op);
                out += "()";
                expr_field("value", a.value);
                break;
            }
            case StmtKind::AnnAssign: {
                const auto& a = s->as<AnnAssign>();
                expr_field("target", a.target);
                expr_field("annotation", a.annotation);
                opt_expr("value", a.value);
                integer("simple", a.simple);
                break;
            }
            case StmtKind::For:
                for_loop(s->as<For>());
                break;
            case StmtKind::AsyncFor:
                for_loop(s->as<AsyncFor>());
                break;
            case StmtKind::While:
                expr_field("test", s->as<While>().test);
                stmts_field("body", s->as<While>().body);
                stmts_field("orelse", s->as<While>().orelse);
                break;
            case StmtKind::If:
                expr_field("test", s->as<If>().test);
                stmts_field("body", s->as<If>().body);
                stmts_field("orelse", s->as<If>().orelse);
                break;
            case StmtKind::With:
                withitems(s->as<With>().items);
                stmts_field("body", s->as<With>().body);
                break;
            case StmtKind::AsyncWith:
                withitems(s->as<AsyncWith>().items);
                stmts_field("body", s->as<AsyncWith>().body);
                break;
            case StmtKind::Match: {
                const auto& m = s->as<Match>();
                expr_field("subject", m.subject);
                field("cases");
                list(m.cases, [&](const MatchCase* c) {
                    open("match_case");
                    field("pattern");
                    pattern(c->pattern);
                    opt_expr("guard", c->guard);
                    stmts_field("body", c->body);
                    close(nullptr);
                });
                break;
            }
            case StmtKind::Raise:
                opt_expr("exc", s->as<Raise>().exc);
                opt_expr("cause", s->as<Raise>().cause);
                break;
            case StmtKind::Try:
                try_stmt(s->as<Try>());
                break;
            case StmtKind::TryStar:
                try_stmt(s->as<TryStar>());
                break;
            case StmtKind::Assert:
                expr_field("test", s->as<Assert>().test);
                opt_expr("msg", s->as<Assert>().msg);
                break;
            case StmtKind::Import:
                field("names");
                list(s->as<Import>().names, [&](const Alias* a) { alias(a); });
                break;
            case StmtKind::ImportFrom: {
                const auto& i = s->as<ImportFrom>();
                opt_ident("module", i.module);
                field("names");
                list(i.names, [&](const Alias* a) { alias(a); });
                integer("level", i.level);
                break;
            }
            case StmtKind::Global:
                names("names", s->as<Global>().names);
                break;
            case StmtKind::Nonlocal:
                names("names", s->as<Nonlocal>().names);
                break;
            case StmtKind::Expr:
                expr_field("value", s->as<ExprStmt>().value);
                break;
            case StmtKind::Pass:
            case StmtKind::Break:
            case StmtKind::Continue:
                break;
        }
        close(s);
    }

    bool attrs_;
    bool first_ = true;
    std::vector<bool> stack_;
};

}  // namespace

std::string ast_dump(const Module& module, bool include_attributes) {
    Dumper d(include_attributes);
    d.module(module);
    return std::move(d.out);
}

}  // namespace interleave::python
