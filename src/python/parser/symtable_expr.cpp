// The symbol table builder's expressions, comprehensions, assignment expressions and patterns
// (CPython 3.11's symtable_visit_expr, symtable_handle_comprehension,
// symtable_handle_namedexpr, symtable_visit_pattern).
#include "python/parser/symtable_impl.hpp"

namespace interleave::python::detail {

void SymtableBuilder::visit_expr(const Expr* e) {
    switch (e->kind) {
        case ExprKind::NamedExpr:
            visit_namedexpr(e);
            break;
        case ExprKind::BoolOp:
            for (const Expr* v : e->as<BoolOp>().values) visit_expr(v);
            break;
        case ExprKind::BinOp:
            visit_expr(e->as<BinOp>().left);
            visit_expr(e->as<BinOp>().right);
            break;
        case ExprKind::UnaryOp:
            visit_expr(e->as<UnaryOp>().operand);
            break;
        case ExprKind::Lambda: {
            const auto& l = e->as<Lambda>();
            visit_arguments_defaults(l.args);
            enter("lambda", BlockType::Function, e, *e);
            visit_parameters(l.args);
            visit_expr(l.body);
            exit();
            break;
        }
        case ExprKind::IfExp:
            visit_expr(e->as<IfExp>().test);
            visit_expr(e->as<IfExp>().body);
            visit_expr(e->as<IfExp>().orelse);
            break;
        case ExprKind::Dict:
            for (const Expr* k : e->as<Dict>().keys) {
                if (k) visit_expr(k);
            }
            for (const Expr* v : e->as<Dict>().values) visit_expr(v);
            break;
        case ExprKind::Set:
            for (const Expr* x : e->as<Set>().elts) visit_expr(x);
            break;
        case ExprKind::GeneratorExp:
            visit_comprehension(e, "genexpr", e->as<GeneratorExp>().generators,
                                e->as<GeneratorExp>().elt, nullptr);
            break;
        case ExprKind::ListComp:
            visit_comprehension(e, "listcomp", e->as<ListComp>().generators, e->as<ListComp>().elt,
                                nullptr);
            break;
        case ExprKind::SetComp:
            visit_comprehension(e, "setcomp", e->as<SetComp>().generators, e->as<SetComp>().elt,
                                nullptr);
            break;
        case ExprKind::DictComp:
            visit_comprehension(e, "dictcomp", e->as<DictComp>().generators, e->as<DictComp>().key,
                                e->as<DictComp>().value);
            break;
        case ExprKind::Yield:
            if (e->as<Yield>().value) visit_expr(e->as<Yield>().value);
            cur_->generator = true;
            if (cur_->comprehension != ComprehensionKind::None) raise_if_comprehension(e);
            break;
        case ExprKind::YieldFrom:
            visit_expr(e->as<YieldFrom>().value);
            cur_->generator = true;
            if (cur_->comprehension != ComprehensionKind::None) raise_if_comprehension(e);
            break;
        case ExprKind::Await:
            visit_expr(e->as<Await>().value);
            cur_->coroutine = true;
            break;
        case ExprKind::Compare:
            visit_expr(e->as<Compare>().left);
            for (const Expr* c : e->as<Compare>().comparators) visit_expr(c);
            break;
        case ExprKind::Call:
            visit_expr(e->as<Call>().func);
            for (const Expr* a : e->as<Call>().args) visit_expr(a);
            for (const Keyword* k : e->as<Call>().keywords) visit_expr(k->value);
            break;
        case ExprKind::FormattedValue:
            visit_expr(e->as<FormattedValue>().value);
            if (e->as<FormattedValue>().format_spec)
                visit_expr(e->as<FormattedValue>().format_spec);
            break;
        case ExprKind::JoinedStr:
            for (const Expr* v : e->as<JoinedStr>().values) visit_expr(v);
            break;
        case ExprKind::Constant:
            break;
        case ExprKind::Attribute:
            visit_expr(e->as<Attribute>().value);
            break;
        case ExprKind::Subscript:
            visit_expr(e->as<Subscript>().value);
            visit_expr(e->as<Subscript>().slice);
            break;
        case ExprKind::Starred:
            visit_expr(e->as<Starred>().value);
            break;
        case ExprKind::Slice:
            if (e->as<Slice>().lower) visit_expr(e->as<Slice>().lower);
            if (e->as<Slice>().upper) visit_expr(e->as<Slice>().upper);
            if (e->as<Slice>().step) visit_expr(e->as<Slice>().step);
            break;
        case ExprKind::Name: {
            const auto& n = e->as<Name>();
            add_def(n.id, n.ctx == ExprContext::Load ? symflag::kUse : symflag::kLocal, *e);
            // super() counts as a use of __class__.
            if (n.ctx == ExprContext::Load && cur_->type == BlockType::Function &&
                n.id == "super") {
                add_def("__class__", symflag::kUse, *e);
            }
            break;
        }
        case ExprKind::List:
            for (const Expr* x : e->as<List>().elts) visit_expr(x);
            break;
        case ExprKind::Tuple:
            for (const Expr* x : e->as<Tuple>().elts) visit_expr(x);
            break;
    }
}

void SymtableBuilder::raise_if_comprehension(const Expr* e) {
    const char* msg = "'yield' inside generator expression";
    switch (cur_->comprehension) {
        case ComprehensionKind::List:
            msg = "'yield' inside list comprehension";
            break;
        case ComprehensionKind::Set:
            msg = "'yield' inside set comprehension";
            break;
        case ComprehensionKind::Dict:
            msg = "'yield' inside dict comprehension";
            break;
        default:
            break;
    }
    error(msg, *e);
}

// symtable_handle_comprehension: the outermost iterable is evaluated in the current scope; the
// rest lives in a new function scope whose implicit parameter ".0" is that iterator.
void SymtableBuilder::visit_comprehension(const Expr* e, const char* scope_name,
                                          const Seq<Comprehension*>& generators, const Expr* elt,
                                          const Expr* value) {
    const bool is_generator = e->is<GeneratorExp>();
    const Comprehension* outermost = generators[0];
    ++cur_->comp_iter_expr;
    visit_expr(outermost->iter);
    --cur_->comp_iter_expr;
    enter(scope_name, BlockType::Function, e, *e);
    cur_->comprehension = e->is<ListComp>()   ? ComprehensionKind::List
                          : e->is<SetComp>()  ? ComprehensionKind::Set
                          : e->is<DictComp>() ? ComprehensionKind::Dict
                                              : ComprehensionKind::Generator;
    if (outermost->is_async) cur_->coroutine = true;
    add_def(".0", symflag::kParam, *e);
    cur_->comp_iter_target = true;
    visit_expr(outermost->target);
    cur_->comp_iter_target = false;
    for (const Expr* i : outermost->ifs) visit_expr(i);
    for (size_t k = 1; k < generators.size(); ++k) {
        const Comprehension* c = generators[k];
        cur_->comp_iter_target = true;
        visit_expr(c->target);
        cur_->comp_iter_target = false;
        ++cur_->comp_iter_expr;
        visit_expr(c->iter);
        --cur_->comp_iter_expr;
        for (const Expr* i : c->ifs) visit_expr(i);
        if (c->is_async) cur_->coroutine = true;
    }
    if (value) visit_expr(value);
    visit_expr(elt);
    cur_->generator = is_generator;
    const bool is_async = cur_->coroutine && !is_generator;
    exit();
    if (is_async) cur_->coroutine = true;
}

// symtable_handle_namedexpr
void SymtableBuilder::visit_namedexpr(const Expr* e) {
    const auto& n = e->as<NamedExpr>();
    if (cur_->comp_iter_expr > 0) {
        error("assignment expression cannot be used in a comprehension iterable expression", *e);
    }
    if (cur_->comprehension != ComprehensionKind::None) extend_namedexpr_scope(n.target);
    visit_expr(n.value);
    visit_expr(n.target);
}

// symtable_extend_namedexpr_scope: a walrus in a comprehension binds in the nearest enclosing
// function (nonlocal there) or module (global).
void SymtableBuilder::extend_namedexpr_scope(const Expr* target) {
    const std::string_view name = target->as<Name>().id;
    const std::string mangled = mangle(private_, name);
    for (size_t i = stack_.size(); i-- > 0;) {
        SymbolTableEntry* ste = stack_[i];
        if (ste->comprehension != ComprehensionKind::None) {
            if (flags_of(ste, mangled) & symflag::kCompIter) {
                error("assignment expression cannot rebind comprehension iteration variable '" +
                          std::string(name) + "'",
                      *target);
            }
            continue;
        }
        if (ste->type == BlockType::Function) {
            if (flags_of(ste, mangled) & symflag::kGlobal) {
                add_def(name, symflag::kGlobal, *target);
            } else {
                add_def(name, symflag::kNonlocal, *target);
            }
            record_directive(name, *target);
            add_def(name, symflag::kLocal, *target, ste);
            return;
        }
        if (ste->type == BlockType::Module) {
            add_def(name, symflag::kGlobal, *target);
            record_directive(name, *target);
            add_def(name, symflag::kGlobal, *target, ste);
            return;
        }
        error("assignment expression within a comprehension cannot be used in a class body",
              *target);
    }
}

// symtable_visit_pattern: capture names are stores.
void SymtableBuilder::visit_pattern(const Pattern* p) {
    switch (p->kind) {
        case PatternKind::MatchValue:
            visit_expr(p->as<MatchValue>().value);
            break;
        case PatternKind::MatchSingleton:
            break;
        case PatternKind::MatchSequence:
            for (const Pattern* x : p->as<MatchSequence>().patterns) visit_pattern(x);
            break;
        case PatternKind::MatchStar:
            if (!p->as<MatchStar>().name.empty())
                add_def(p->as<MatchStar>().name, symflag::kLocal, *p);
            break;
        case PatternKind::MatchAs:
            if (p->as<MatchAs>().pattern) visit_pattern(p->as<MatchAs>().pattern);
            if (!p->as<MatchAs>().name.empty()) add_def(p->as<MatchAs>().name, symflag::kLocal, *p);
            break;
        case PatternKind::MatchOr:
            for (const Pattern* x : p->as<MatchOr>().patterns) visit_pattern(x);
            break;
        case PatternKind::MatchClass: {
            const auto& c = p->as<MatchClass>();
            visit_expr(c.cls);
            for (const Pattern* x : c.patterns) visit_pattern(x);
            for (const Pattern* x : c.kwd_patterns) visit_pattern(x);
            break;
        }
        case PatternKind::MatchMapping: {
            const auto& m = p->as<MatchMapping>();
            for (const Expr* k : m.keys) visit_expr(k);
            for (const Pattern* x : m.patterns) visit_pattern(x);
            if (!m.rest.empty()) add_def(m.rest, symflag::kLocal, *p);
            break;
        }
    }
}

}  // namespace interleave::python::detail
