// Internal to the symbol table: the builder shared by symtable*.cpp.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "python/parser/symtable.hpp"

namespace interleave::python::detail {

class SymtableBuilder {
  public:
    SymtableBuilder(SymbolTable& t, std::string_view source);

    void visit_module(const Module& m);
    void future_features(const Module& m);
    void analyze();  // symtable_analyze (symtable_analyze.cpp)

  private:
    // --- blocks and names (symtable.cpp) -------------------------------------------------------
    [[noreturn]] void error(std::string msg, const Located& loc);
    std::string line_text(int lineno) const;
    void enter(std::string name, BlockType type, const void* node, const Located& loc);
    void exit();
    uint32_t flags_of(const SymbolTableEntry* e, const std::string& mangled) const;
    Symbol& symbol(SymbolTableEntry* e, const std::string& mangled);
    void add_def(std::string_view name, uint32_t flag, const Located& loc,
                 SymbolTableEntry* ste = nullptr);
    void record_directive(std::string_view name, const Located& loc);

    void visit_stmt(const Stmt* s);
    template <class F>
    void visit_function(const Stmt* s, const F& f, bool is_async);
    void visit_arguments_defaults(const Arguments* a);
    void visit_annotations(const Arguments* a, const Expr* returns);
    void visit_parameters(const Arguments* a);
    void visit_global_or_nonlocal(const Stmt* s, const Seq<std::string_view>& names, bool nonlocal);
    void visit_alias(const Alias* a);

    // --- expressions (symtable_expr.cpp) -------------------------------------------------------
    void visit_expr(const Expr* e);
    void visit_pattern(const Pattern* p);
    void visit_comprehension(const Expr* e, const char* scope_name,
                             const Seq<Comprehension*>& generators, const Expr* elt,
                             const Expr* value);
    void visit_namedexpr(const Expr* e);
    void extend_namedexpr_scope(const Expr* target);
    void raise_if_comprehension(const Expr* e);

    // --- analysis (symtable_analyze.cpp) -------------------------------------------------------
    using NameSet = std::unordered_set<std::string>;
    void analyze_block(SymbolTableEntry* ste, const NameSet* bound, NameSet& free, NameSet& global);
    void analyze_name(SymbolTableEntry* ste, std::vector<Scope>& scopes, size_t i,
                      const NameSet* bound, NameSet& local, NameSet& free, NameSet& global);
    [[noreturn]] void error_at_directive(const SymbolTableEntry* ste, const std::string& name,
                                         std::string msg);

    SymbolTable& t_;
    std::string_view source_;
    std::vector<SymbolTableEntry*> stack_;
    SymbolTableEntry* cur_ = nullptr;
    std::string private_;  // the enclosing class's name, for mangling
};

}  // namespace interleave::python::detail
