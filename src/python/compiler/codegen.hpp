// The code generator's state (internal to compiler/).
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "python/compiler/code_unit.hpp"
#include "python/parser/ast.hpp"
#include "python/parser/symtable.hpp"

namespace interleave::python {

struct Instr {
    int op = 0;
    int arg = 0;
    int target = -1;  // label id for jumps and SETUP_*
    Position pos;
};

enum class FBlockKind : uint8_t {
    WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup,
    PopValue, ExceptionHandler, ExceptionGroupHandler, AsyncComprehension
};

struct FBlock {
    FBlock() = default;
    explicit FBlock(FBlockKind k, int b = -1, int e = -1, const Seq<Stmt*>* f = nullptr,
                    std::string_view n = {}, const Stmt* s = nullptr)
        : kind(k), block(b), exit(e), finalbody(f), name(n), stmt(s) {}
    FBlockKind kind = FBlockKind::WhileLoop;
    int block = -1;  // continue target (loops)
    int exit = -1;   // break target
    const Seq<Stmt*>* finalbody = nullptr;
    std::string_view name;  // HandlerCleanup: the bound name
    const Stmt* stmt = nullptr;
};

inline ConstValue str_const(std::string_view s) {
    ConstValue c;
    c.kind = ConstValue::Kind::Str;
    c.s = std::string(s);
    return c;
}
inline ConstValue int_const(int64_t i) {
    ConstValue c;
    c.kind = ConstValue::Kind::Int;
    c.i = i;
    return c;
}

struct CompileError {
    SyntaxErrorInfo info;
};

// What the compiler needs of one symbol-table scope (parser/symtable.hpp), laid out as CPython
// 3.11's compiler_enter_scope does: co_varnames (parameters, then the other locals in order of
// first mention), sorted cell and free variables.
struct ScopeView {
    enum class Kind : uint8_t { Module, Function, Class, Comprehension };
    const SymbolTableEntry* ste = nullptr;
    Kind kind = Kind::Module;
    std::vector<std::string> varnames;
    std::vector<std::string> cellvars;  // sorted; __class__ for a class whose methods need it
    std::vector<std::string> freevars;  // sorted; FREE or DEF_FREE_CLASS
    bool is_generator = false;
    bool is_coroutine = false;
    bool needs_class_closure = false;
    bool function_like() const { return kind == Kind::Function || kind == Kind::Comprehension; }
    // The name's scope; Scope::None when the table does not know it (CPython: a NAME op).
    Scope scope_of(const std::string& name) const {
        const Symbol* s = ste->lookup(name);
        return s ? s->scope : Scope::None;
    }
};

struct Unit {
    ScopeView* scope = nullptr;
    std::shared_ptr<CodeUnit> out;
    std::vector<Instr> instrs;
    std::vector<int> labels;  // label id -> instruction index (-1: unplaced)
    std::unordered_map<std::string, int> names, fast, deref;
    std::vector<FBlock> fblocks;
    std::string class_name;  // for private name mangling
    Position pos;
    bool is_class = false;
    bool is_module = false;
};

class Codegen {
  public:
    Codegen(const SymbolTable& symtable, std::string_view filename);
    std::shared_ptr<CodeUnit> module(const Module* m);

    // --- units -------------------------------------------------------------------------
    void enter(const void* node, std::string name, std::string qualname, int firstline);
    std::shared_ptr<CodeUnit> leave();
    Unit& u() { return *units_.back(); }
    std::string qualname_for(const std::string& name, bool is_function);

    // --- emitting ------------------------------------------------------------------------
    int new_label();
    void place(int label);
    void emit(int op, int arg = 0);
    void emit_jump(int op, int label);
    int add_const(const ConstValue& c);
    void load_const(const ConstValue& c) { emit(LOAD_CONST, add_const(c)); }
    void load_none();
    int add_name(std::string_view n);
    std::string mangle(std::string_view n) const;
    void set_pos(const Located& l);
    void set_pos_none() { u().pos = Position{}; }
    [[noreturn]] void error(const Located& at, std::string msg);
    // A SyntaxWarning at `at` (compile.c compiler_warn), once per (line, message).
    void warn(const Located& at, std::string msg);
    // compile.c check_caller / check_subscripter / check_compare: literals that cannot work.
    void check_caller(const Expr* e);
    void check_subscripter(const Expr* e);
    void check_compare(const Compare& c);
    std::vector<SyntaxErrorInfo> warnings;

    // --- names ---------------------------------------------------------------------------
    enum class Ctx { Load, Store, Del };
    void nameop(std::string_view name, Ctx ctx);

    // --- statements (codegen_stmt.cpp) ---------------------------------------------------------
    void stmts(const Seq<Stmt*>& body);
    void stmt(const Stmt* s);
    void function_def(const Stmt* s, std::string_view name, const Arguments* args,
                      const Seq<Stmt*>& body, const Seq<Expr*>& decorators, Expr* returns,
                      bool is_async);
    void class_def(const ClassDef& c, const Stmt* s);
    void for_stmt(const Stmt* s, bool is_async);
    void while_stmt(const While& w, const Stmt* s);
    void if_stmt(const If& i);
    void try_stmt(const Try& t, const Stmt* s);
    void try_except(const Try& t, const Stmt* s);
    void try_finally(const Try& t, const Stmt* s);
    void try_star(const Try& t, const Stmt* s);
    void with_stmt(const With& w, const Stmt* s, uint32_t item, bool is_async);
    void return_stmt(const Return& r, const Stmt* s);
    void break_continue(const Stmt* s, bool is_break);
    void unwind_fblock(const FBlock& b, bool preserve_tos);
    bool unwind_fblock_stack(bool preserve_tos, FBlock* loop_out);
    void call_exit_with_nones();
    void with_except_finish(int cleanup);
    void pop_except_and_reraise();
    void import(const Import& i);
    void import_from(const ImportFrom& i, const Stmt* s);
    void assign_target(const Expr* t);
    void aug_assign(const AugAssign& a);
    void delete_target(const Expr* t);
    void raise_stmt(const Raise& r);
    void assert_stmt(const Assert& a);
    void ann_assign(const AnnAssign& a);

    // --- match (codegen_match.cpp) --------------------------------------------------------------
    // compile.c's pattern_context: the names captured so far (their values wait on the stack),
    // how many other values sit above the subject, and the labels that pop k values on failure.
    struct PatternCtx {
        std::vector<std::string> stores;
        bool allow_irrefutable = false;
        std::vector<int> fail_pop;
        size_t on_top = 0;
    };
    void match_stmt(const Match& m);
    void pattern(const Pattern* p, PatternCtx& pc);
    void pattern_subpattern(const Pattern* p, PatternCtx& pc);
    void pattern_sequence(const MatchSequence& s, PatternCtx& pc);
    void pattern_mapping(const MatchMapping& m, PatternCtx& pc);
    void pattern_class(const MatchClass& c, const Pattern* p, PatternCtx& pc);
    void pattern_or(const MatchOr& o, PatternCtx& pc);
    void pattern_store_name(std::string_view name, PatternCtx& pc);
    void pattern_rotate(size_t count);
    void ensure_fail_pop(PatternCtx& pc, size_t n);
    void jump_to_fail_pop(PatternCtx& pc, int op);
    void emit_and_reset_fail_pop(PatternCtx& pc);

    // --- expressions (codegen_expr.cpp) ---------------------------------------------------------
    void expr(const Expr* e);
    void exprs(const Seq<Expr*>& es);
    void jump_if(const Expr* e, int label, bool cond);
    void compare(const Compare& c);
    void compare_op(CmpOp op);
    void boolop(const BoolOp& b);
    void call(const Call& c);
    void call_args(const Seq<Expr*>& args, const Seq<Keyword*>& kws, int extra_positional);
    bool has_starred(const Seq<Expr*>& args, const Seq<Keyword*>& kws);
    void call_ex_args(const Seq<Expr*>& args, const Seq<Keyword*>& kws);
    void starred_collection(const Seq<Expr*>& elts, int build_op, int extend_op, bool tuple);
    bool foldable_set_display(const Seq<Expr*>& elts, std::vector<ConstValue>* items);
    bool folded_constant(const Expr* e, ConstValue* out);
    void dict_display(const Dict& d);
    void subscript_slice(const Expr* slice);
    void joined_str(const JoinedStr& j);
    void formatted_value(const FormattedValue& f);
    void lambda(const Lambda& l, const Expr* e);
    void comprehension(const Expr* e, const Seq<Comprehension*>& gens, const Expr* elt,
                       const Expr* value, int kind);
    void comprehension_generator(const Seq<Comprehension*>& gens, uint32_t index, int depth,
                                 const Expr* elt, const Expr* value, int kind);
    void yield_from(bool await);
    void make_closure(const std::shared_ptr<CodeUnit>& code, int flags, ScopeView* child);
    int defaults(const Arguments* a);  // pushes defaults/kwdefaults; returns MAKE_FUNCTION flags
    bool annotations(const Arguments* a, Expr* returns);
    ConstValue constant_value(const ConstantValue& v);

  private:
    ScopeView* view_of(const void* node);

    const SymbolTable& symtable_;
    std::string filename_;
    std::unordered_map<const void*, std::unique_ptr<ScopeView>> views_;
    std::vector<std::unique_ptr<Unit>> units_;
};

}  // namespace interleave::python
