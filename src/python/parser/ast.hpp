// The Python abstract syntax tree, shaped like CPython 3.11's `ast` module (Parser/Python.asdl):
// the same node kinds, the same field names and meanings, so `ast_dump` reproduces
// `ast.dump(ast.parse(src))` byte for byte and a compiler written against CPython's AST reads ours.
//
// [SECTION] Conventions
// - Node classes carry CPython's names, with three exceptions forced by C++ (one name, two uses):
//   the expression *statement* `Expr` is `ExprStmt` here (its base class is `Expr`); the operator
//   enums `boolop/operator/unaryop/cmpop` are `BoolOperator/Operator/UnaryOperator/CmpOp` (the
//   node names BoolOp/UnaryOp are taken by the expression nodes).
// - Three node families have a kind tag and a base class: `Expr` (ExprKind), `Stmt` (StmtKind),
//   `Pattern` (PatternKind). Switch on `node->kind`, then `node->as<BinOp>()` (checked in debug
//   builds) or `node->is<BinOp>()`.
// - Optional fields (`expr?`, `identifier?`) are nullptr / empty string_view when absent. Sequences
//   (`expr*`) are Seq<T>; inside a Seq, a nullptr stands for CPython's None where the ASDL allows
//   it: Dict.keys (a `**d` entry), arguments.kw_defaults (a keyword-only parameter without
//   default).
// - Identifiers and string/bytes values are std::string_view into the arena (UTF-8; bytes values
//   are raw bytes, any value 0..255). They stay valid as long as the ParseResult that owns the
//   arena lives. Code objects must copy what they keep (they never point into the AST).
// - Positions (`Located`): lineno and end_lineno are 1-based lines; col_offset and end_col_offset
//   are 0-based offsets in UTF-8 *bytes* from the start of the line, exactly as CPython's AST
//   (the end is exclusive). Like CPython, `withitem`, `comprehension`, `arguments` and
//   `match_case` carry no positions; every other node does.
// - Nodes are plain structs in an Arena (trivially destructible, freed with it). Build them with
//   `arena.make<BinOp>()` then set the fields; the kind is set by the constructor.
//
// [SECTION] Checklist (what the parser produces)
//   Module ✓ (Interactive/Expression/FunctionType: ✗, not needed: we only compile files)
//   every stmt ✓ and expr ✓ kind of 3.11; patterns (match statement) as in 3.11
//   type_comment fields ✗ (always absent: type comments are only parsed by ast.parse with
//   type_comments=True); TypeIgnore ✗ (Module.type_ignores is always empty, as in ast.parse)
#pragma once

#include <cassert>
#include <cstdint>
#include <string_view>

#include "python/parser/arena.hpp"

namespace interleave::python {

// ---------------------------------------------------------------------------------------------
// [SECTION] Enumerations (ASDL sum types without fields)
// ---------------------------------------------------------------------------------------------

// expr_context: Load | Store | Del
enum class ExprContext : uint8_t { Load, Store, Del };
// boolop: And | Or
enum class BoolOperator : uint8_t { And, Or };
// operator (binary and augmented assignment operators)
enum class Operator : uint8_t {
    Add,       // +
    Sub,       // -
    Mult,      // *
    MatMult,   // @
    Div,       // /
    Mod,       // %
    Pow,       // **
    LShift,    // <<
    RShift,    // >>
    BitOr,     // |
    BitXor,    // ^
    BitAnd,    // &
    FloorDiv,  // //
};
// unaryop: Invert (~) | Not | UAdd (+) | USub (-)
enum class UnaryOperator : uint8_t { Invert, Not, UAdd, USub };
// cmpop
enum class CmpOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

// CPython's class names ("Load", "Add", "NotIn", ...), as ast.dump prints them.
const char* name_of(ExprContext c);
const char* name_of(BoolOperator op);
const char* name_of(Operator op);
const char* name_of(UnaryOperator op);
const char* name_of(CmpOp op);
// The operator's source spelling ("+", "not in", "**", ...), for error messages.
const char* symbol_of(Operator op);
const char* symbol_of(CmpOp op);

// ---------------------------------------------------------------------------------------------
// [SECTION] Positions
// ---------------------------------------------------------------------------------------------

// attributes (int lineno, int col_offset, int? end_lineno, int? end_col_offset). See the top.
struct Located {
    int32_t lineno = 0;
    int32_t col_offset = 0;
    int32_t end_lineno = 0;
    int32_t end_col_offset = 0;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Node families
// ---------------------------------------------------------------------------------------------

enum class ExprKind : uint8_t {
    BoolOp,
    NamedExpr,
    BinOp,
    UnaryOp,
    Lambda,
    IfExp,
    Dict,
    Set,
    ListComp,
    SetComp,
    DictComp,
    GeneratorExp,
    Await,
    Yield,
    YieldFrom,
    Compare,
    Call,
    FormattedValue,
    JoinedStr,
    Constant,
    Attribute,
    Subscript,
    Starred,
    Name,
    List,
    Tuple,
    Slice,
};
enum class StmtKind : uint8_t {
    FunctionDef,
    AsyncFunctionDef,
    ClassDef,
    Return,
    Delete,
    Assign,
    AugAssign,
    AnnAssign,
    For,
    AsyncFor,
    While,
    If,
    With,
    AsyncWith,
    Match,
    Raise,
    Try,
    TryStar,
    Assert,
    Import,
    ImportFrom,
    Global,
    Nonlocal,
    Expr,
    Pass,
    Break,
    Continue,
};
enum class PatternKind : uint8_t {
    MatchValue,
    MatchSingleton,
    MatchSequence,
    MatchMapping,
    MatchClass,
    MatchStar,
    MatchAs,
    MatchOr,
};

// CPython's class names ("BinOp", "Expr" for StmtKind::Expr, "MatchAs", ...).
const char* name_of(ExprKind k);
const char* name_of(StmtKind k);
const char* name_of(PatternKind k);

// Base of every family: the kind tag and checked downcasts.
template <class Kind>
struct Node : Located {
    Kind kind;
    explicit Node(Kind k) : kind(k) {}

    template <class T>
    [[nodiscard]] bool is() const {
        return kind == T::kKind;
    }
    template <class T>
    T& as() {
        assert(kind == T::kKind);
        return static_cast<T&>(*this);
    }
    template <class T>
    const T& as() const {
        assert(kind == T::kKind);
        return static_cast<const T&>(*this);
    }
};

struct Expr : Node<ExprKind> {
    using Node::Node;
};
struct Stmt : Node<StmtKind> {
    using Node::Node;
};
struct Pattern : Node<PatternKind> {
    using Node::Node;
};

template <ExprKind K>
struct ExprOf : Expr {
    static constexpr ExprKind kKind = K;
    ExprOf() : Expr(K) {}
};
template <StmtKind K>
struct StmtOf : Stmt {
    static constexpr StmtKind kKind = K;
    StmtOf() : Stmt(K) {}
};
template <PatternKind K>
struct PatternOf : Pattern {
    static constexpr PatternKind kKind = K;
    PatternOf() : Pattern(K) {}
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Helper records (ASDL product types)
// ---------------------------------------------------------------------------------------------

// arg = (identifier arg, expr? annotation, string? type_comment) + positions
struct Arg : Located {
    std::string_view arg;
    Expr* annotation = nullptr;
};

// arguments = (arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults,
//              arg? kwarg, expr* defaults)
// kw_defaults has one entry per kwonlyargs entry (nullptr: no default); defaults holds the
// defaults of the *last* len(defaults) positional parameters (posonlyargs then args). No positions.
struct Arguments {
    Seq<Arg*> posonlyargs;
    Seq<Arg*> args;
    Arg* vararg = nullptr;
    Seq<Arg*> kwonlyargs;
    Seq<Expr*> kw_defaults;
    Arg* kwarg = nullptr;
    Seq<Expr*> defaults;
};

// keyword = (identifier? arg, expr value) + positions. arg empty: `**value`.
struct Keyword : Located {
    std::string_view arg;
    Expr* value = nullptr;
};

// alias = (identifier name, identifier? asname) + positions. name may be dotted ("a.b.c") or "*".
struct Alias : Located {
    std::string_view name;
    std::string_view asname;
};

// withitem = (expr context_expr, expr? optional_vars). No positions.
struct WithItem {
    Expr* context_expr = nullptr;
    Expr* optional_vars = nullptr;
};

// comprehension = (expr target, expr iter, expr* ifs, int is_async). No positions.
struct Comprehension {
    Expr* target = nullptr;
    Expr* iter = nullptr;
    Seq<Expr*> ifs;
    int is_async = 0;
};

// excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body) + positions.
struct ExceptHandler : Located {
    Expr* type = nullptr;
    std::string_view name;
    Seq<Stmt*> body;
};

// match_case = (pattern pattern, expr? guard, stmt* body). No positions.
struct MatchCase {
    Pattern* pattern = nullptr;
    Expr* guard = nullptr;
    Seq<Stmt*> body;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Constant values (the `constant` ASDL builtin)
// ---------------------------------------------------------------------------------------------

enum class ConstantKind : uint8_t {
    None,
    True,
    False,
    Ellipsis,
    Int,      // int_value (fits in int64)
    BigInt,   // text: the value's decimal digits, no sign, no leading zeros (>= 2**63)
    Float,    // float_value
    Complex,  // float_value: the imaginary part (a literal `2j` is complex(0.0, 2.0))
    Str,      // text: UTF-8
    Bytes,    // text: raw bytes
};

// A literal's value. Integer literals are never negative (`-1` is UnaryOp(USub, 1)); those that
// do not fit in int64 (from any base: 0x, 0o, 0b, decimal) are BigInt with decimal digit text,
// for the VM's bigint to convert.
struct ConstantValue {
    ConstantKind kind = ConstantKind::None;
    int64_t int_value = 0;
    double float_value = 0.0;
    std::string_view text;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Expressions
// ---------------------------------------------------------------------------------------------

// a and b and c: BoolOp(And, [a, b, c]) (one node per run of the same operator)
struct BoolOp final : ExprOf<ExprKind::BoolOp> {
    BoolOperator op = BoolOperator::And;
    Seq<Expr*> values;
};
// target := value (target is a Name, ctx Store)
struct NamedExpr final : ExprOf<ExprKind::NamedExpr> {
    Expr* target = nullptr;
    Expr* value = nullptr;
};
struct BinOp final : ExprOf<ExprKind::BinOp> {
    Expr* left = nullptr;
    Operator op = Operator::Add;
    Expr* right = nullptr;
};
struct UnaryOp final : ExprOf<ExprKind::UnaryOp> {
    UnaryOperator op = UnaryOperator::Not;
    Expr* operand = nullptr;
};
struct Lambda final : ExprOf<ExprKind::Lambda> {
    Arguments* args = nullptr;
    Expr* body = nullptr;
};
// body if test else orelse
struct IfExp final : ExprOf<ExprKind::IfExp> {
    Expr* test = nullptr;
    Expr* body = nullptr;
    Expr* orelse = nullptr;
};
// keys[i] == nullptr: values[i] is unpacked (`**d`)
struct Dict final : ExprOf<ExprKind::Dict> {
    Seq<Expr*> keys;
    Seq<Expr*> values;
};
struct Set final : ExprOf<ExprKind::Set> {
    Seq<Expr*> elts;
};
struct ListComp final : ExprOf<ExprKind::ListComp> {
    Expr* elt = nullptr;
    Seq<Comprehension*> generators;
};
struct SetComp final : ExprOf<ExprKind::SetComp> {
    Expr* elt = nullptr;
    Seq<Comprehension*> generators;
};
struct DictComp final : ExprOf<ExprKind::DictComp> {
    Expr* key = nullptr;
    Expr* value = nullptr;
    Seq<Comprehension*> generators;
};
struct GeneratorExp final : ExprOf<ExprKind::GeneratorExp> {
    Expr* elt = nullptr;
    Seq<Comprehension*> generators;
};
struct Await final : ExprOf<ExprKind::Await> {
    Expr* value = nullptr;
};
struct Yield final : ExprOf<ExprKind::Yield> {
    Expr* value = nullptr;  // optional
};
struct YieldFrom final : ExprOf<ExprKind::YieldFrom> {
    Expr* value = nullptr;
};
// left ops[0] comparators[0] ops[1] comparators[1] ... (a < b < c is one Compare)
struct Compare final : ExprOf<ExprKind::Compare> {
    Expr* left = nullptr;
    Seq<CmpOp> ops;
    Seq<Expr*> comparators;
};
// func(args..., keywords...); `*x` in args is a Starred; `**x` is a Keyword with an empty arg.
struct Call final : ExprOf<ExprKind::Call> {
    Expr* func = nullptr;
    Seq<Expr*> args;
    Seq<Keyword*> keywords;
};
// One replacement field of an f-string. conversion: -1 none, 's' (115), 'r' (114), 'a' (97).
// format_spec: a JoinedStr or nullptr.
struct FormattedValue final : ExprOf<ExprKind::FormattedValue> {
    Expr* value = nullptr;
    int conversion = -1;
    Expr* format_spec = nullptr;
};
// An f-string (with adjacent literals concatenated): Constant(str) and FormattedValue parts.
struct JoinedStr final : ExprOf<ExprKind::JoinedStr> {
    Seq<Expr*> values;
};
// A literal. kind is "u" for a u-prefixed string (CPython's Constant.kind), else empty.
struct Constant final : ExprOf<ExprKind::Constant> {
    ConstantValue value;
    std::string_view kind;
};
struct Attribute final : ExprOf<ExprKind::Attribute> {
    Expr* value = nullptr;
    std::string_view attr;
    ExprContext ctx = ExprContext::Load;
};
// value[slice]; slice is a Slice, a Tuple (possibly holding Slices) or any expression.
struct Subscript final : ExprOf<ExprKind::Subscript> {
    Expr* value = nullptr;
    Expr* slice = nullptr;
    ExprContext ctx = ExprContext::Load;
};
struct Starred final : ExprOf<ExprKind::Starred> {
    Expr* value = nullptr;
    ExprContext ctx = ExprContext::Load;
};
struct Name final : ExprOf<ExprKind::Name> {
    std::string_view id;
    ExprContext ctx = ExprContext::Load;
};
struct List final : ExprOf<ExprKind::List> {
    Seq<Expr*> elts;
    ExprContext ctx = ExprContext::Load;
};
struct Tuple final : ExprOf<ExprKind::Tuple> {
    Seq<Expr*> elts;
    ExprContext ctx = ExprContext::Load;
};
// lower:upper:step, each optional; only as (part of) a Subscript's slice.
struct Slice final : ExprOf<ExprKind::Slice> {
    Expr* lower = nullptr;
    Expr* upper = nullptr;
    Expr* step = nullptr;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Statements
// ---------------------------------------------------------------------------------------------

// def name(args) -> returns: body. Positions start at `def` (or `async`), not at a decorator.
struct FunctionDef final : StmtOf<StmtKind::FunctionDef> {
    std::string_view name;
    Arguments* args = nullptr;
    Seq<Stmt*> body;
    Seq<Expr*> decorator_list;
    Expr* returns = nullptr;
};
struct AsyncFunctionDef final : StmtOf<StmtKind::AsyncFunctionDef> {
    std::string_view name;
    Arguments* args = nullptr;
    Seq<Stmt*> body;
    Seq<Expr*> decorator_list;
    Expr* returns = nullptr;
};
struct ClassDef final : StmtOf<StmtKind::ClassDef> {
    std::string_view name;
    Seq<Expr*> bases;
    Seq<Keyword*> keywords;
    Seq<Stmt*> body;
    Seq<Expr*> decorator_list;
};
struct Return final : StmtOf<StmtKind::Return> {
    Expr* value = nullptr;  // optional
};
struct Delete final : StmtOf<StmtKind::Delete> {
    Seq<Expr*> targets;  // ctx Del
};
// targets[0] = targets[1] = ... = value
struct Assign final : StmtOf<StmtKind::Assign> {
    Seq<Expr*> targets;
    Expr* value = nullptr;
};
struct AugAssign final : StmtOf<StmtKind::AugAssign> {
    Expr* target = nullptr;  // Name, Attribute or Subscript, ctx Store
    Operator op = Operator::Add;
    Expr* value = nullptr;
};
// target: annotation [= value]; simple is 1 for a bare name target without parentheses.
struct AnnAssign final : StmtOf<StmtKind::AnnAssign> {
    Expr* target = nullptr;
    Expr* annotation = nullptr;
    Expr* value = nullptr;  // optional
    int simple = 0;
};
struct For final : StmtOf<StmtKind::For> {
    Expr* target = nullptr;
    Expr* iter = nullptr;
    Seq<Stmt*> body;
    Seq<Stmt*> orelse;
};
struct AsyncFor final : StmtOf<StmtKind::AsyncFor> {
    Expr* target = nullptr;
    Expr* iter = nullptr;
    Seq<Stmt*> body;
    Seq<Stmt*> orelse;
};
struct While final : StmtOf<StmtKind::While> {
    Expr* test = nullptr;
    Seq<Stmt*> body;
    Seq<Stmt*> orelse;
};
// elif chains nest: orelse holds a single If whose position starts at `elif`.
struct If final : StmtOf<StmtKind::If> {
    Expr* test = nullptr;
    Seq<Stmt*> body;
    Seq<Stmt*> orelse;
};
struct With final : StmtOf<StmtKind::With> {
    Seq<WithItem*> items;
    Seq<Stmt*> body;
};
struct AsyncWith final : StmtOf<StmtKind::AsyncWith> {
    Seq<WithItem*> items;
    Seq<Stmt*> body;
};
struct Match final : StmtOf<StmtKind::Match> {
    Expr* subject = nullptr;
    Seq<MatchCase*> cases;
};
struct Raise final : StmtOf<StmtKind::Raise> {
    Expr* exc = nullptr;    // optional (bare `raise`)
    Expr* cause = nullptr;  // optional (`from cause`)
};
struct Try final : StmtOf<StmtKind::Try> {
    Seq<Stmt*> body;
    Seq<ExceptHandler*> handlers;
    Seq<Stmt*> orelse;
    Seq<Stmt*> finalbody;
};
// try ... except* ...
struct TryStar final : StmtOf<StmtKind::TryStar> {
    Seq<Stmt*> body;
    Seq<ExceptHandler*> handlers;
    Seq<Stmt*> orelse;
    Seq<Stmt*> finalbody;
};
struct Assert final : StmtOf<StmtKind::Assert> {
    Expr* test = nullptr;
    Expr* msg = nullptr;  // optional
};
struct Import final : StmtOf<StmtKind::Import> {
    Seq<Alias*> names;
};
// from .module import names; module empty for `from . import x`; level = number of dots.
struct ImportFrom final : StmtOf<StmtKind::ImportFrom> {
    std::string_view module;
    Seq<Alias*> names;
    int level = 0;
};
struct Global final : StmtOf<StmtKind::Global> {
    Seq<std::string_view> names;
};
struct Nonlocal final : StmtOf<StmtKind::Nonlocal> {
    Seq<std::string_view> names;
};
// An expression statement (CPython's `Expr`; ast_dump prints "Expr").
struct ExprStmt final : StmtOf<StmtKind::Expr> {
    Expr* value = nullptr;
};
struct Pass final : StmtOf<StmtKind::Pass> {};
struct Break final : StmtOf<StmtKind::Break> {};
struct Continue final : StmtOf<StmtKind::Continue> {};

// ---------------------------------------------------------------------------------------------
// [SECTION] Patterns (match statement)
// ---------------------------------------------------------------------------------------------

// A literal or dotted-name value pattern (value: Constant, UnaryOp(-), BinOp(+/-) or Attribute).
struct MatchValue final : PatternOf<PatternKind::MatchValue> {
    Expr* value = nullptr;
};
// None, True or False
struct MatchSingleton final : PatternOf<PatternKind::MatchSingleton> {
    ConstantValue value;
};
struct MatchSequence final : PatternOf<PatternKind::MatchSequence> {
    Seq<Pattern*> patterns;
};
// {keys[i]: patterns[i], **rest}
struct MatchMapping final : PatternOf<PatternKind::MatchMapping> {
    Seq<Expr*> keys;
    Seq<Pattern*> patterns;
    std::string_view rest;  // optional
};
// cls(patterns..., kwd_attrs[i]=kwd_patterns[i]...)
struct MatchClass final : PatternOf<PatternKind::MatchClass> {
    Expr* cls = nullptr;
    Seq<Pattern*> patterns;
    Seq<std::string_view> kwd_attrs;
    Seq<Pattern*> kwd_patterns;
};
// *name inside a sequence pattern; name empty for `*_`.
struct MatchStar final : PatternOf<PatternKind::MatchStar> {
    std::string_view name;
};
// `pattern as name`, a capture `name` (pattern nullptr), or the wildcard `_` (both absent).
struct MatchAs final : PatternOf<PatternKind::MatchAs> {
    Pattern* pattern = nullptr;
    std::string_view name;
};
struct MatchOr final : PatternOf<PatternKind::MatchOr> {
    Seq<Pattern*> patterns;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Module
// ---------------------------------------------------------------------------------------------

// mod = Module(stmt* body, type_ignore* type_ignores); type_ignores is always empty here.
struct Module {
    Seq<Stmt*> body;
};

}  // namespace interleave::python
