// Python syntax colouring: each token kind, strings across lines, spans never cross lines.
#include <doctest/doctest.h>

#include <string>

#include "ui/python_lexer.hpp"

using namespace interleave::ui;

namespace {
PyToken kind_of(const std::string& src, const std::string& word) {
    const auto at = src.find(word);
    for (const auto& t : lex_python(src))
        if (t.begin <= at && at < t.end) return t.kind;
    return PyToken::text;
}
}  // namespace

TEST_CASE("keywords, builtins, functions, numbers, comments, strings") {
    const std::string src =
        "import threading\n"
        "def print_numbers():\n"
        "    for i in range(5):  # count\n"
        "        print(f\"Thread 1: {i}\", 0.5)\n"
        "t1 = threading.Thread(target=print_numbers)\n"
        "@dataclass\n";
    CHECK(kind_of(src, "import") == PyToken::keyword);
    CHECK(kind_of(src, "def") == PyToken::keyword);
    CHECK(kind_of(src, "print_numbers") == PyToken::function);
    CHECK(kind_of(src, "range") == PyToken::builtin);
    CHECK(kind_of(src, "5") == PyToken::number);
    CHECK(kind_of(src, "0.5") == PyToken::number);
    CHECK(kind_of(src, "# count") == PyToken::comment);
    CHECK(kind_of(src, "f\"Thread") == PyToken::string);
    CHECK(kind_of(src, "Thread(") == PyToken::function);
    CHECK(kind_of(src, "target") == PyToken::text);
    CHECK(kind_of(src, "@dataclass") == PyToken::decorator);
}

TEST_CASE("triple-quoted strings span lines but tokens never cross a newline") {
    const std::string src = "x = \"\"\"one\ntwo # not a comment\n\"\"\"\ny = 1\n";
    const auto toks = lex_python(src);
    for (const auto& t : toks) {
        CHECK(t.end > t.begin);
        CHECK(src.substr(t.begin, t.end - t.begin).find('\n') == std::string::npos);
    }
    CHECK(kind_of(src, "# not") == PyToken::string);
    CHECK(kind_of(src, "y =") == PyToken::text);
    CHECK(kind_of(src, "1\n") == PyToken::number);
}

TEST_CASE("broken text never throws and covers everything") {
    const std::string src = "print('unterminated\nz = \"\\\n@\n\xC2\xB5";
    const auto toks = lex_python(src);
    size_t covered = 0;
    for (const auto& t : toks) covered += t.end - t.begin;
    size_t nonspace = 0;
    for (char c : src)
        if (c != ' ' && c != '\n') ++nonspace;
    CHECK(covered == nonspace);
}
