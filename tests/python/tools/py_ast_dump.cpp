// py_ast_dump: the front end's view of a Python file, for differential tests against CPython
// (tests/python/ast_compare.py).
//
//   py_ast_dump [--attributes] FILE   ast.dump of the parse (with positions), or on a syntax
//                                     error one line: ERROR <kind> <lineno> <offset>
//                                     <end_lineno> <end_offset> <msg> then a line "TEXT <repr>"
//   py_ast_dump --time N FILE         parse N times; prints the mean time per parse (µs)
//   py_ast_dump --batch FILE...       for each file: "=== FILE", then the dump, the dump with
//                                     positions and the symbol table ("SYMTABLE n" and n lines,
//                                     or "SYMERROR lineno offset end_lineno end_offset msg"),
//                                     then "COMPILE ok" or "COMPILEERROR ..." (compile_checks),
//                                     or the two ERROR/TEXT lines
//   py_ast_dump --symtable FILE       the symbol table (symtable_dump)
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>

#include "python/parser/ast_dump.hpp"
#include "python/parser/compile_checks.hpp"
#include "python/parser/parser.hpp"
#include "python/parser/symtable.hpp"

using namespace interleave::python;

namespace {

bool read_file(const char* path, std::string* out) {
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        std::fprintf(stderr, "py_ast_dump: cannot read %s\n", path);
        return false;
    }
    std::stringstream ss;
    ss << f.rdbuf();
    *out = ss.str();
    return true;
}

void print_error(const SyntaxErrorInfo& e) {
    std::printf("ERROR %s %d %d %d %d %s\nTEXT %s\n", name_of(e.kind), e.lineno, e.offset,
                e.end_lineno, e.end_offset, e.msg.c_str(), ast_repr_str(e.text).c_str());
}

}  // namespace

int main(int argc, char** argv) {
    bool attrs = false, batch = false, symtable = false;
    int times = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; ++i) {
        if (std::strcmp(argv[i], "--attributes") == 0) {
            attrs = true;
        } else if (std::strcmp(argv[i], "--batch") == 0) {
            batch = true;
        } else if (std::strcmp(argv[i], "--symtable") == 0) {
            symtable = true;
        } else if (std::strcmp(argv[i], "--time") == 0 && i + 1 < argc) {
            times = std::atoi(argv[++i]);
        }
    }
    if (i >= argc) {
        std::fprintf(stderr, "usage: py_ast_dump [--attributes] [--time N] [--batch] FILE...\n");
        return 2;
    }
    if (batch) {
        for (; i < argc; ++i) {
            std::string src;
            if (!read_file(argv[i], &src)) return 2;
            std::printf("=== %s\n", argv[i]);
            ParseResult r = parse(src);
            if (!r.ok()) {
                print_error(r.error());
                continue;
            }
            std::printf("%s\n%s\n", ast_dump(*r.module(), false).c_str(),
                        ast_dump(*r.module(), true).c_str());
            SymtableResult st = build_symtable(*r.module(), src);
            if (!st.ok()) {
                const SyntaxErrorInfo& e = st.error;
                std::printf("SYMERROR %d %d %d %d %s\n", e.lineno, e.offset, e.end_lineno,
                            e.end_offset, e.msg.c_str());
                continue;
            }
            const std::string d = symtable_dump(*st.table);
            size_t lines = 0;
            for (char c : d) lines += c == '\n';
            std::printf("SYMTABLE %zu\n%s", lines, d.c_str());
            if (auto ce = check_compile_errors(*r.module(), *st.table, src)) {
                std::printf("COMPILEERROR %d %d %d %d %s\n", ce->lineno, ce->offset, ce->end_lineno,
                            ce->end_offset, ce->msg.c_str());
            } else {
                std::printf("COMPILE ok\n");
            }
        }
        return 0;
    }
    std::string src;
    if (!read_file(argv[i], &src)) return 2;
    if (times > 0) {
        // CPU time as well as wall time: this machine is often shared.
        const auto t0 = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        size_t ok = 0;
        for (int k = 0; k < times; ++k) ok += parse(src).ok();
        const std::clock_t c1 = std::clock();
        const auto t1 = std::chrono::steady_clock::now();
        const double us = std::chrono::duration<double, std::micro>(t1 - t0).count() / times;
        const double cpu_us = 1e6 * static_cast<double>(c1 - c0) / CLOCKS_PER_SEC / times;
        std::printf("%.1f us per parse wall, %.1f us CPU (%zu/%d ok)\n", us, cpu_us, ok, times);
        return 0;
    }
    ParseResult r = parse(src);
    if (!r.ok()) {
        print_error(r.error());
        return 1;
    }
    if (symtable) {
        SymtableResult st = build_symtable(*r.module(), src);
        if (!st.ok()) {
            print_error(st.error);
            return 1;
        }
        std::printf("%s", symtable_dump(*st.table).c_str());
        return 0;
    }
    std::printf("%s\n", ast_dump(*r.module(), attrs).c_str());
    return 0;
}
