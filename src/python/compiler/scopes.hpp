// Scope analysis for the compiler (CPython 3.11's symtable.c semantics): for every function,
// lambda, class, comprehension and the module, which names are local, global (explicit or
// implicit), free or cell. Provisional: the front end's symtable (parser/symtable.hpp) will
// replace it; the compiler only reads ScopeInfo.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "python/parser/ast.hpp"
#include "python/parser/syntax_error.hpp"

namespace interleave::python {

enum class NameScope : uint8_t { Local, GlobalExplicit, GlobalImplicit, Free, Cell };

struct ScopeInfo {
    enum class Kind : uint8_t { Module, Function, Class, Comprehension };
    Kind kind = Kind::Module;
    std::string name;
    const void* node = nullptr;
    ScopeInfo* parent = nullptr;
    std::vector<std::unique_ptr<ScopeInfo>> children;

    // Per name: what the body does with it.
    enum Flag : uint16_t {
        kDefLocal = 1, kDefParam = 2, kDefGlobal = 4, kDefNonlocal = 8, kUse = 16,
        kDefImport = 32, kFreeClass = 64,
    };
    std::unordered_map<std::string, uint16_t> flags;
    std::vector<std::string> order;  // names in order of first appearance
    std::vector<std::string> params;  // parameters in order (posonly, args, *args, kwonly, **kw)

    // Results.
    std::unordered_map<std::string, NameScope> scopes;
    std::vector<std::string> varnames;  // locals: parameters first
    std::vector<std::string> cellvars;  // sorted
    std::vector<std::string> freevars;  // sorted
    bool is_generator = false;
    bool is_coroutine = false;
    bool needs_class_closure = false;  // class body with a __class__ cell
    bool uses_super_or_class = false;  // a function that mentions super or __class__

    NameScope scope_of(std::string_view n) const {
        auto it = scopes.find(std::string(n));
        if (it != scopes.end()) return it->second;
        return kind == Kind::Module ? NameScope::GlobalImplicit : NameScope::GlobalImplicit;
    }
};

struct ScopeTable {
    std::unique_ptr<ScopeInfo> top;
    std::unordered_map<const void*, ScopeInfo*> by_node;
    ScopeInfo* lookup(const void* node) const {
        auto it = by_node.find(node);
        return it == by_node.end() ? nullptr : it->second;
    }
};

// Builds the table; false with *error filled for the errors CPython's symtable raises
// ("name 'x' is used prior to global declaration", "nonlocal declaration not allowed at module
// level", "no binding for nonlocal 'x' found", ...).
bool build_scopes(const Module* module, std::string_view filename, ScopeTable* table,
                  SyntaxErrorInfo* error);

}  // namespace interleave::python
