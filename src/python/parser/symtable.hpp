// The symbol table, as CPython 3.11's Python/symtable.c builds it from the AST: one entry per
// scope (module, class, function, lambda, and each comprehension or generator expression, which
// are function scopes of their own in 3.11), and for each name in a scope its flags and scope:
// local, global (explicit or implicit), free or cell. The compiler reads it to choose
// LOAD_FAST/LOAD_DEREF/LOAD_GLOBAL/LOAD_NAME and to build closures.
//
// Checklist (as symtable.c)
//   ✓ flags DEF_GLOBAL, DEF_LOCAL, DEF_PARAM, DEF_NONLOCAL, USE, DEF_FREE_CLASS, DEF_IMPORT,
//     DEF_ANNOT, DEF_COMP_ITER; scopes LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL
//   ✓ class scopes: names not visible to methods; `__class__` cell when a method uses super()
//     or __class__ (needs_class_closure); private name mangling (`__x` -> `_C__x`)
//   ✓ walrus in comprehensions binds in the enclosing function (or module) scope
//   ✓ generator / coroutine flags (async comprehensions propagate to the enclosing scope)
//   ✓ errors: global/nonlocal misuse, duplicate argument, walrus in comprehension iterables and
//     class bodies, walrus rebinding an iteration variable, 'yield' inside a comprehension,
//     `import *` inside a function
//   ✓ `from __future__ import ...` (Python/future.c): annotations are not visited under
//     `annotations`; "future feature x is not defined", "not a chance"
//     (✗ CPython reports no end position for those two; ours repeat the start)
//
// Thread safety: build_symtable is reentrant. Cost: O(AST nodes + symbols); recursion depth is
// the AST's (bounded, see parser.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "python/parser/ast.hpp"
#include "python/parser/syntax_error.hpp"

namespace interleave::python {

// Symbol flags: the values of CPython 3.11's DEF_* constants (Lib/symtable.py reads them).
namespace symflag {
inline constexpr uint32_t kGlobal = 1;      // `global x` in this scope
inline constexpr uint32_t kLocal = 2;       // assigned in this scope
inline constexpr uint32_t kParam = 4;       // a parameter
inline constexpr uint32_t kNonlocal = 8;    // `nonlocal x` in this scope
inline constexpr uint32_t kUse = 16;        // read in this scope
inline constexpr uint32_t kFree = 32;       // (unused since 3.x; kept for the values)
inline constexpr uint32_t kFreeClass = 64;  // free in a method, also bound in the class
inline constexpr uint32_t kImport = 128;    // bound by an import
inline constexpr uint32_t kAnnot = 256;     // annotated (x: int)
inline constexpr uint32_t kCompIter = 512;  // a comprehension's iteration variable
inline constexpr uint32_t kBound = kLocal | kParam | kImport;
}  // namespace symflag

// A name's scope after analysis (CPython's LOCAL .. CELL).
enum class Scope : uint8_t {
    None = 0,
    Local = 1,
    GlobalExplicit = 2,
    GlobalImplicit = 3,
    Free = 4,
    Cell = 5,
};
const char* name_of(Scope s);

struct Symbol {
    std::string name;  // mangled in class bodies and what they contain
    uint32_t flags = 0;
    Scope scope = Scope::None;
};

// _symtable's TYPE_FUNCTION, TYPE_CLASS, TYPE_MODULE values.
enum class BlockType : uint8_t { Function = 0, Class = 1, Module = 2 };
enum class ComprehensionKind : uint8_t { None, List, Set, Dict, Generator };

// One scope (CPython's PySTEntryObject).
struct SymbolTableEntry {
    std::string name;  // "top", the def/class name, "lambda", "listcomp", "setcomp",
                       // "dictcomp", "genexpr"
    BlockType type = BlockType::Module;
    // The AST node that opens the scope: the Module, a FunctionDef/AsyncFunctionDef/ClassDef
    // (Stmt*), a Lambda or comprehension (Expr*).
    const void* node = nullptr;
    Located loc;
    std::vector<Symbol> symbols;        // in order of first mention
    std::vector<std::string> varnames;  // parameters, in order (".0" for comprehensions)
    std::vector<SymbolTableEntry*> children;
    ComprehensionKind comprehension = ComprehensionKind::None;
    bool nested = false;     // inside a function
    bool generator = false;  // contains yield (or is a generator expression)
    bool coroutine = false;  // async def, or contains await / async comprehension
    bool varargs = false;
    bool varkeywords = false;
    bool returns_value = false;
    bool needs_class_closure = false;  // a class whose methods use __class__ / super()
    bool free = false;                 // has free variables
    bool child_free = false;           // a child scope has free variables

    // The symbol `name` (already mangled), or nullptr.
    [[nodiscard]] const Symbol* lookup(std::string_view name) const;

    // Internal to the builder.
    std::unordered_map<std::string, size_t> index;
    bool comp_iter_target = false;
    int comp_iter_expr = 0;
    std::vector<std::pair<std::string, Located>> directives;  // global/nonlocal, per name
};

class SymbolTable {
  public:
    [[nodiscard]] const SymbolTableEntry* top() const { return top_; }
    // `from __future__ import annotations` is in effect: annotations are not evaluated (and not
    // visited here), as CPython 3.11 does.
    [[nodiscard]] bool future_annotations() const { return future_annotations_; }
    // Line of the last `from __future__` import of the file's leading block (0: none); a later
    // one is an error (compile_checks.hpp).
    [[nodiscard]] int future_lineno() const { return future_lineno_; }
    // The scope a Module/FunctionDef/AsyncFunctionDef/ClassDef/Lambda/comprehension opens.
    [[nodiscard]] const SymbolTableEntry* lookup(const void* node) const;

    // Internal to the builder.
    SymbolTableEntry* make_entry();
    void bind(const void* node, SymbolTableEntry* e) { by_node_[node] = e; }
    SymbolTableEntry* top_ = nullptr;
    bool future_annotations_ = false;
    int future_lineno_ = 0;

  private:
    std::vector<std::unique_ptr<SymbolTableEntry>> entries_;
    std::unordered_map<const void*, SymbolTableEntry*> by_node_;
};

struct SymtableResult {
    std::unique_ptr<SymbolTable> table;  // null on error
    SyntaxErrorInfo error;
    [[nodiscard]] bool ok() const { return table != nullptr; }
};

// Builds and analyzes the symbol table of `module` (parsed from `source`, used for the error
// line's text). Errors are values, as CPython's messages and positions; unlike compile() with
// "<string>"-like names (where CPython has no text), text holds the source line.
SymtableResult build_symtable(const Module& module, std::string_view source,
                              std::string_view filename = "<main>");

// _Py_Mangle: `__spam` inside class `_Ham` becomes `_Ham__spam`; dunder names, dotted names and
// names in classes named only with underscores are left alone.
std::string mangle(std::string_view private_name, std::string_view name);

// A text view of the table for tests: one line per scope and per symbol, with raw flag values
// as CPython's symtable module exposes them (flags | scope << 11).
std::string symtable_dump(const SymbolTable& table);

}  // namespace interleave::python
