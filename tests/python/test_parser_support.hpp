// Shared by the parser's table-driven tests (test_parser_dump.cpp, test_parser_errors.cpp,
// generated from CPython 3.11 by parser_corpus/make_unit_tests.py).
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "python/parser/ast_dump.hpp"
#include "python/parser/parser.hpp"

struct DumpCase {
    const char* source;
    const char* dump;             // ast.dump(ast.parse(source))
    const char* dump_attributes;  // ast.dump(..., include_attributes=True)
};

struct ErrorCase {
    const char* name;
    const char* source;
    const char* kind;  // SyntaxError, IndentationError, TabError
    const char* msg;
    int lineno, offset, end_lineno, end_offset;
    const char* text;
    bool known_difference;  // listed in parser_corpus/errors/known_differences.txt
};

template <size_t N>
void check_dump_cases(const DumpCase (&cases)[N]) {
    using namespace interleave::python;
    for (const DumpCase& c : cases) {
        CAPTURE(c.source);
        ParseResult r = parse(c.source);
        REQUIRE_MESSAGE(r.ok(), r.error().msg);
        CHECK(ast_dump(*r.module()) == c.dump);
        CHECK(ast_dump(*r.module(), true) == c.dump_attributes);
    }
}

template <size_t N>
void check_error_cases(const ErrorCase (&cases)[N]) {
    using namespace interleave::python;
    for (const ErrorCase& c : cases) {
        CAPTURE(c.name);
        ParseResult r = parse(c.source);
        REQUIRE_FALSE(r.ok());
        const SyntaxErrorInfo& e = r.error();
        CHECK(std::string(name_of(e.kind)) == c.kind);
        CHECK(e.filename == "<main>");
        if (c.known_difference) {
            CHECK(e.msg.rfind(c.msg, 0) == 0);  // CPython's message, then our note
        } else {
            CHECK(e.msg == c.msg);
        }
        CHECK(e.lineno == c.lineno);
        CHECK(e.offset == c.offset);
        CHECK(e.end_lineno == c.end_lineno);
        CHECK(e.end_offset == c.end_offset);
        CHECK(e.text == c.text);
    }
}
