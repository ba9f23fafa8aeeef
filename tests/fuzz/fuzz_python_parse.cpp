// libFuzzer target: the Python front end must be total. For any bytes, on a thread with the
// stack the tests give an interpreter thread under the sanitizers (1 MiB): the tokenizer and
// parser return a tree or a SyntaxError value (no exception escapes, no crash, no stack
// overflow, no leak), and on a tree ast_dump, the symbol table and the compile checks run to an
// answer. The same input gives the same answer twice.
//
// Build and run: see cmake/fuzz.cmake.
#include <pthread.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "python/parser/ast_dump.hpp"
#include "python/parser/compile_checks.hpp"
#include "python/parser/parser.hpp"
#include "python/parser/symtable.hpp"

using namespace interleave::python;

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_python_parse: invariant broken: %s\n", what);
    std::abort();
}

// Everything the front end says about a source, as one string.
std::string front_end(std::string_view src) {
    ParseResult r = parse(src);
    if (!r.ok()) {
        const SyntaxErrorInfo& e = r.error();
        if (e.msg.empty()) fail("an error without a message");
        if (e.lineno < 0 || e.end_lineno < 0) fail("a negative line");
        const size_t nl = e.text.find('\n');
        if (nl != std::string::npos && nl + 1 != e.text.size()) fail("error text spans lines");
        return std::string("E ") + name_of(e.kind) + " " + e.msg + " " + std::to_string(e.lineno) +
               ":" + std::to_string(e.offset) + "-" + std::to_string(e.end_lineno) + ":" +
               std::to_string(e.end_offset) + " " + e.text;
    }
    std::string out = ast_dump(*r.module(), true);
    for (const Stmt* s : r.module()->body) {
        if (s->lineno < 1 || s->end_lineno < s->lineno)
            fail("a statement's lines are out of order");
    }
    SymtableResult st = build_symtable(*r.module(), src);
    if (!st.ok()) return out + "\nS " + st.error.msg;
    out += "\n" + symtable_dump(*st.table);
    if (auto ce = check_compile_errors(*r.module(), *st.table, src)) out += "\nC " + ce->msg;
    return out;
}

struct Job {
    std::string_view src;
    std::string first, second;
};

void* run(void* p) {
    auto* job = static_cast<Job*>(p);
    try {
        job->first = front_end(job->src);
        job->second = front_end(job->src);
    } catch (...) {
        fail("an exception escaped the front end");
    }
    return nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    Job job{std::string_view(reinterpret_cast<const char*>(data), size), {}, {}};
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 1024 * 1024);
    pthread_t t;
    if (pthread_create(&t, &attr, run, &job) != 0) fail("cannot start the parsing thread");
    pthread_join(t, nullptr);
    pthread_attr_destroy(&attr);
    if (job.first != job.second) fail("the same source gave two answers");
    return 0;
}
