// Names of the AST's enumerations and node kinds, as CPython 3.11's `ast` module spells them.
#include "python/parser/ast.hpp"

namespace interleave::python {

const char* name_of(ExprContext c) {
    static const char* const k[] = {"Load", "Store", "Del"};
    return k[static_cast<int>(c)];
}
const char* name_of(BoolOperator op) {
    return op == BoolOperator::And ? "And" : "Or";
}
const char* name_of(Operator op) {
    static const char* const k[] = {"Add",    "Sub",    "Mult",    "MatMult", "Div",
                                    "Mod",    "Pow",    "LShift",  "RShift",  "BitOr",
                                    "BitXor", "BitAnd", "FloorDiv"};
    return k[static_cast<int>(op)];
}
const char* name_of(UnaryOperator op) {
    static const char* const k[] = {"Invert", "Not", "UAdd", "USub"};
    return k[static_cast<int>(op)];
}
const char* name_of(CmpOp op) {
    static const char* const k[] = {"Eq",  "NotEq", "Lt",    "LtE", "Gt",
                                    "GtE", "Is",    "IsNot", "In",  "NotIn"};
    return k[static_cast<int>(op)];
}
const char* symbol_of(Operator op) {
    static const char* const k[] = {"+",  "-",  "*", "@", "/", "%", "**",
                                    "<<", ">>", "|", "^", "&", "//"};
    return k[static_cast<int>(op)];
}
const char* symbol_of(CmpOp op) {
    static const char* const k[] = {"==", "!=", "<",      "<=", ">",
                                    ">=", "is", "is not", "in", "not in"};
    return k[static_cast<int>(op)];
}

const char* name_of(ExprKind k) {
    static const char* const n[] = {
        "BoolOp",    "NamedExpr", "BinOp",     "UnaryOp",   "Lambda",   "IfExp",
        "Dict",      "Set",       "ListComp",  "SetComp",   "DictComp", "GeneratorExp",
        "Await",     "Yield",     "YieldFrom", "Compare",   "Call",     "FormattedValue",
        "JoinedStr", "Constant",  "Attribute", "Subscript", "Starred",  "Name",
        "List",      "Tuple",     "Slice"};
    static_assert(sizeof(n) / sizeof(n[0]) == static_cast<int>(ExprKind::Slice) + 1);
    return n[static_cast<int>(k)];
}
const char* name_of(StmtKind k) {
    static const char* const n[] = {"FunctionDef", "AsyncFunctionDef",
                                    "ClassDef",    "Return",
                                    "Delete",      "Assign",
                                    "AugAssign",   "AnnAssign",
                                    "For",         "AsyncFor",
                                    "While",       "If",
                                    "With",        "AsyncWith",
                                    "Match",       "Raise",
                                    "Try",         "TryStar",
                                    "Assert",      "Import",
                                    "ImportFrom",  "Global",
                                    "Nonlocal",    "Expr",
                                    "Pass",        "Break",
                                    "Continue"};
    static_assert(sizeof(n) / sizeof(n[0]) == static_cast<int>(StmtKind::Continue) + 1);
    return n[static_cast<int>(k)];
}
const char* name_of(PatternKind k) {
    static const char* const n[] = {"MatchValue", "MatchSingleton", "MatchSequence", "MatchMapping",
                                    "MatchClass", "MatchStar",      "MatchAs",       "MatchOr"};
    static_assert(sizeof(n) / sizeof(n[0]) == static_cast<int>(PatternKind::MatchOr) + 1);
    return n[static_cast<int>(k)];
}

}  // namespace interleave::python
