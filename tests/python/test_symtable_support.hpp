// Shared by the symbol table's table-driven test (test_symtable_cases.cpp, generated from CPython
// 3.11 by parser_corpus/make_unit_tests.py).
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "python/parser/compile_checks.hpp"
#include "python/parser/parser.hpp"
#include "python/parser/symtable.hpp"

struct SymtableCase {
    const char* name;
    const char* source;
    const char* table;    // symtable_dump's text, or "" when there is an error
    bool symtable_error;  // the error below is the symbol table's (else compile()'s, if msg set)
    const char* msg;
    int lineno, offset, end_lineno, end_offset;
};

template <size_t N>
void check_symtable_cases(const SymtableCase (&cases)[N]) {
    using namespace interleave::python;
    for (const SymtableCase& c : cases) {
        CAPTURE(c.name);
        ParseResult r = parse(c.source);
        REQUIRE_MESSAGE(r.ok(), r.error().msg);
        SymtableResult st = build_symtable(*r.module(), c.source);
        if (c.symtable_error) {
            REQUIRE_FALSE(st.ok());
            CHECK(st.error.msg == c.msg);
            CHECK(st.error.lineno == c.lineno);
            CHECK(st.error.offset == c.offset);
            if (c.end_lineno) CHECK(st.error.end_lineno == c.end_lineno);
            if (c.end_offset) CHECK(st.error.end_offset == c.end_offset);
            continue;
        }
        REQUIRE_MESSAGE(st.ok(), st.error.msg);
        CHECK(symtable_dump(*st.table) == c.table);
        std::optional<SyntaxErrorInfo> ce = check_compile_errors(*r.module(), *st.table, c.source);
        if (*c.msg) {
            REQUIRE(ce.has_value());
            CHECK(ce->msg == c.msg);
            CHECK(ce->lineno == c.lineno);
            CHECK(ce->offset == c.offset);
            CHECK(ce->end_lineno == c.end_lineno);
            CHECK(ce->end_offset == c.end_offset);
        } else {
            CHECK_MESSAGE(!ce.has_value(), (ce ? ce->msg : std::string()));
        }
    }
}
