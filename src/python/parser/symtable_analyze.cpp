// The symbol table's analysis pass, as CPython 3.11's Python/symtable.c (analyze_block,
// analyze_name, analyze_cells, drop_class_free, update_symbols): every name gets its scope, free
// names propagate outwards, locals captured by inner scopes become cells.
#include <algorithm>

#include "python/parser/symtable_impl.hpp"

namespace interleave::python::detail {

void SymtableBuilder::analyze() {
    NameSet free, global;
    analyze_block(t_.top_, nullptr, free, global);
}

void SymtableBuilder::error_at_directive(const SymbolTableEntry* ste, const std::string& name,
                                         std::string msg) {
    for (const auto& [n, loc] : ste->directives) {
        if (n == name) error(std::move(msg), loc);
    }
    error(std::move(msg), ste->loc);
}

// analyze_name: the scope of one name from its flags and the enclosing scopes' bindings.
void SymtableBuilder::analyze_name(SymbolTableEntry* ste, std::vector<Scope>& scopes, size_t i,
                                   const NameSet* bound_c, NameSet& local, NameSet& free,
                                   NameSet& global) {
    auto* bound = const_cast<NameSet*>(bound_c);
    const std::string& name = ste->symbols[i].name;
    const uint32_t flags = ste->symbols[i].flags;
    if (flags & symflag::kGlobal) {
        if (flags & symflag::kNonlocal) {
            error_at_directive(ste, name, "name '" + name + "' is nonlocal and global");
        }
        scopes[i] = Scope::GlobalExplicit;
        global.insert(name);
        if (bound) bound->erase(name);
        return;
    }
    if (flags & symflag::kNonlocal) {
        if (!bound) {
            error_at_directive(ste, name, "nonlocal declaration not allowed at module level");
        }
        if (!bound->count(name)) {
            error_at_directive(ste, name, "no binding for nonlocal '" + name + "' found");
        }
        scopes[i] = Scope::Free;
        ste->free = true;
        free.insert(name);
        return;
    }
    if (flags & symflag::kBound) {
        scopes[i] = Scope::Local;
        local.insert(name);
        global.erase(name);
        return;
    }
    // Bound in an enclosing function: free here.
    if (bound && bound->count(name)) {
        scopes[i] = Scope::Free;
        ste->free = true;
        free.insert(name);
        return;
    }
    if (global.count(name)) {
        scopes[i] = Scope::GlobalImplicit;
        return;
    }
    if (ste->nested) ste->free = true;
    scopes[i] = Scope::GlobalImplicit;
}

void SymtableBuilder::analyze_block(SymbolTableEntry* ste, const NameSet* bound, NameSet& free,
                                    NameSet& global) {
    NameSet local, newglobal, newfree, newbound;
    std::vector<Scope> scopes(ste->symbols.size(), Scope::None);
    NameSet bound_copy;
    NameSet* b = nullptr;
    if (bound) {
        bound_copy = *bound;
        b = &bound_copy;
    }
    // A class's names are not visible in its methods: what children see is fixed before.
    if (ste->type == BlockType::Class) {
        newglobal = global;
        if (b) newbound = *b;
    }
    for (size_t i = 0; i < ste->symbols.size(); ++i) {
        analyze_name(ste, scopes, i, b, local, free, global);
    }
    if (ste->type != BlockType::Class) {
        if (ste->type == BlockType::Function) newbound.insert(local.begin(), local.end());
        if (b) newbound.insert(b->begin(), b->end());
        newglobal.insert(global.begin(), global.end());
    } else {
        newbound.insert("__class__");
    }
    // Children see copies; their free names are collected.
    NameSet allfree;
    for (SymbolTableEntry* child : ste->children) {
        NameSet child_free = newfree;
        NameSet child_global = newglobal;
        analyze_block(child, &newbound, child_free, child_global);
        allfree.insert(child_free.begin(), child_free.end());
        if (child->free || child->child_free) ste->child_free = true;
    }
    newfree.insert(allfree.begin(), allfree.end());
    if (ste->type == BlockType::Function) {
        // analyze_cells: locals that children use freely become cells.
        for (size_t i = 0; i < scopes.size(); ++i) {
            if (scopes[i] == Scope::Local && newfree.count(ste->symbols[i].name)) {
                scopes[i] = Scope::Cell;
                newfree.erase(ste->symbols[i].name);
            }
        }
    } else if (ste->type == BlockType::Class) {
        // drop_class_free: __class__ used by a method makes the class provide the cell.
        if (newfree.erase("__class__")) ste->needs_class_closure = true;
    }
    // update_symbols
    for (size_t i = 0; i < scopes.size(); ++i) ste->symbols[i].scope = scopes[i];
    std::vector<std::string> names(newfree.begin(), newfree.end());
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
        auto it = ste->index.find(name);
        if (it != ste->index.end()) {
            // A method's free name that the class itself binds or declares global.
            Symbol& s = ste->symbols[it->second];
            if (ste->type == BlockType::Class && (s.flags & (symflag::kBound | symflag::kGlobal))) {
                s.flags |= symflag::kFreeClass;
            }
            continue;
        }
        if (b && !b->count(name)) continue;  // a global
        ste->index.emplace(name, ste->symbols.size());
        ste->symbols.push_back(Symbol{name, 0, Scope::Free});
    }
    free.insert(newfree.begin(), newfree.end());
}

}  // namespace interleave::python::detail

namespace interleave::python {

namespace {

void dump_entry(const SymbolTableEntry* e, int indent, std::string& out) {
    out.append(static_cast<size_t>(indent), ' ');
    out += e->name + " type=" + std::to_string(static_cast<int>(e->type)) +
           " line=" + std::to_string(e->loc.lineno) + " nested=" + (e->nested ? "1" : "0") +
           " varnames=[";
    for (size_t i = 0; i < e->varnames.size(); ++i) out += (i ? "," : "") + e->varnames[i];
    out += "]\n";
    std::vector<const Symbol*> syms;
    for (const Symbol& s : e->symbols) syms.push_back(&s);
    std::sort(syms.begin(), syms.end(),
              [](const Symbol* a, const Symbol* b) { return a->name < b->name; });
    for (const Symbol* s : syms) {
        out.append(static_cast<size_t>(indent) + 2, ' ');
        out += s->name + " " + std::to_string(s->flags | (static_cast<uint32_t>(s->scope) << 11)) +
               "\n";
    }
    for (const SymbolTableEntry* c : e->children) dump_entry(c, indent + 4, out);
}

}  // namespace

std::string symtable_dump(const SymbolTable& table) {
    std::string out;
    dump_entry(table.top(), 0, out);
    return out;
}

}  // namespace interleave::python
