// The tokenizer (src/python/parser/lexer.hpp): token kinds and CPython's positions, indentation,
// implicit and explicit line joining, every number and string form, and tokenizer errors.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "python/parser/lexer.hpp"

using namespace interleave::python;

namespace {

// "KIND text@line:col-line:col" for each token up to ENDMARKER.
std::vector<std::string> tokens(std::string_view src) {
    Lexer lx(src);
    std::vector<std::string> out;
    for (;;) {
        Token t = lx.next();
        if (t.type == Tok::EndMarker) break;
        std::string s = spelling_of(t.type);
        if (t.type == Tok::Name || t.type == Tok::Number || t.type == Tok::String) {
            s += " " + std::string(lx.text(t));
        }
        s += "@" + std::to_string(t.lineno) + ":" + std::to_string(t.col) + "-" +
             std::to_string(t.end_lineno) + ":" + std::to_string(t.end_col);
        out.push_back(s);
    }
    return out;
}

std::vector<std::string> kinds(std::string_view src) {
    Lexer lx(src);
    std::vector<std::string> out;
    for (;;) {
        Token t = lx.next();
        if (t.type == Tok::EndMarker) break;
        out.push_back(t.type == Tok::Name || t.type == Tok::Number || t.type == Tok::String
                          ? std::string(lx.text(t))
                          : spelling_of(t.type));
    }
    return out;
}

SyntaxErrorInfo lex_error(std::string_view src) {
    Lexer lx(src);
    try {
        for (;;) {
            if (lx.next().type == Tok::EndMarker) break;
        }
    } catch (const SyntaxErrorException& e) {
        return e.info;
    }
    FAIL("no error for " << src);
    return {};
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("lexer: positions of tokens, NEWLINE at its newline with no width" *
          doctest::timeout(10)) {
    CHECK(tokens("x = 10\n") ==
          V{"NAME x@1:0-1:1", "=@1:2-1:3", "NUMBER 10@1:4-1:6", "NEWLINE@1:6-1:6"});
    // No final newline: one is implied, as for CPython's string input.
    CHECK(tokens("pass") == V{"pass@1:0-1:4", "NEWLINE@1:4-1:4"});
    // Columns are UTF-8 bytes.
    CHECK(tokens("é = 'ü'\n") ==
          V{"NAME é@1:0-1:2", "=@1:3-1:4", "STRING 'ü'@1:5-1:9", "NEWLINE@1:9-1:9"});
}

TEST_CASE("lexer: INDENT and DEDENT, blank and comment lines, tabs" * doctest::timeout(10)) {
    CHECK(kinds("if x:\n    y\n\n  # comment\n    z\nw\n") == V{"if", "x", ":", "NEWLINE", "INDENT",
                                                                "y", "NEWLINE", "z", "NEWLINE",
                                                                "DEDENT", "w", "NEWLINE"});
    // Dedent of several levels at once, and at the end of the file.
    CHECK(kinds("if a:\n if b:\n  c\nd\nif e:\n f") ==
          V{"if",      "a",      ":", "NEWLINE", "INDENT", "if",     "b",       ":",
            "NEWLINE", "INDENT", "c", "NEWLINE", "DEDENT", "DEDENT", "d",       "NEWLINE",
            "if",      "e",      ":", "NEWLINE", "INDENT", "f",      "NEWLINE", "DEDENT"});
    // Tabs: one level per tab here; a form feed resets the column.
    CHECK(kinds("if a:\n\tb\n\tc\n\fd\n") == V{"if", "a", ":", "NEWLINE", "INDENT", "b", "NEWLINE",
                                               "c", "NEWLINE", "DEDENT", "d", "NEWLINE"});
}

TEST_CASE("lexer: brackets and backslashes join lines" * doctest::timeout(10)) {
    CHECK(kinds("x = [1,\n  2]\ny = 1 + \\\n  2\n") ==
          V{"x", "=", "[", "1", ",", "2", "]", "NEWLINE", "y", "=", "1", "+", "2", "NEWLINE"});
    // Inside brackets indentation is ignored.
    CHECK(kinds("f(a,\n        b)\n") == V{"f", "(", "a", ",", "b", ")", "NEWLINE"});
}

TEST_CASE("lexer: operators take the longest match" * doctest::timeout(10)) {
    CHECK(kinds("a**=b//=c->d:=e...f!=g<<=h>>i@=j\n") ==
          V{"a", "**=", "b", "//=", "c", "->", "d", ":=", "e", "...",
            "f", "!=",  "g", "<<=", "h", ">>", "i", "@=", "j", "NEWLINE"});
    CHECK(kinds("x.y..z\n") == V{"x", ".", "y", ".", ".", "z", "NEWLINE"});
}

TEST_CASE("lexer: number literals" * doctest::timeout(10)) {
    CHECK(kinds("0 00 0_0 7 1_000 0xFF 0X_f 0o17 0b1_0 1.5 .5 5. 1e10 1E-5 1_0.0_1e+1_0 2j 1.5J "
                ".5e3j 0j\n") == V{"0",    "00",   "0_0",   "7",     "1_000",
                                   "0xFF", "0X_f", "0o17",  "0b1_0", "1.5",
                                   ".5",   "5.",   "1e10",  "1E-5",  "1_0.0_1e+1_0",
                                   "2j",   "1.5J", ".5e3j", "0j",    "NEWLINE"});
    // A keyword right after a number is allowed (CPython warns).
    CHECK(kinds("1if x else 2\n") == V{"1", "if", "x", "else", "2", "NEWLINE"});
}

TEST_CASE("lexer: string prefixes, triple quotes, escaped quotes" * doctest::timeout(10)) {
    CHECK(kinds("r'a' b'b' BR'c' rb'd' u'e' f'{x}' Rf'g' fR'h' ''\"x\"\n") ==
          V{"r'a'", "b'b'", "BR'c'", "rb'd'", "u'e'", "f'{x}'", "Rf'g'", "fR'h'", "''", "\"x\"",
            "NEWLINE"});
    CHECK(tokens("s = '''a\nb''' + 'it\\'s'\n") ==
          V{"NAME s@1:0-1:1", "=@1:2-1:3", "STRING '''a\nb'''@1:4-2:4", "+@2:5-2:6",
            "STRING 'it\\'s'@2:7-2:14", "NEWLINE@2:14-2:14"});
    // A name that merely starts like a prefix.
    CHECK(kinds("bar rb fr u\n") == V{"bar", "rb", "fr", "u", "NEWLINE"});
}

TEST_CASE("lexer: keywords and soft keywords" * doctest::timeout(10)) {
    Lexer lx("async await match case _ None\n");
    CHECK(lx.next().type == Tok::KwAsync);
    CHECK(lx.next().type == Tok::KwAwait);
    CHECK(lx.next().type == Tok::Name);  // soft keywords are names to the lexer
    CHECK(lx.next().type == Tok::Name);
    CHECK(lx.next().type == Tok::Name);
    CHECK(lx.next().type == Tok::KwNone);
}

TEST_CASE("lexer: CPython's tokenizer errors and positions" * doctest::timeout(10)) {
    SyntaxErrorInfo e = lex_error("x = 'abc\n");
    CHECK(e.msg == "unterminated string literal (detected at line 1)");
    CHECK((e.lineno == 1 && e.offset == 5 && e.end_offset == 5));
    CHECK(e.text == "x = 'abc");

    e = lex_error("x = '''abc\n\ny\n");
    CHECK(e.msg == "unterminated triple-quoted string literal (detected at line 3)");
    CHECK((e.lineno == 1 && e.offset == 5));

    e = lex_error("x = 1abc\n");
    CHECK(e.msg == "invalid decimal literal");
    CHECK(e.offset == 5);
    CHECK(lex_error("x = 0o8\n").msg == "invalid digit '8' in octal literal");
    CHECK(lex_error("x = 0x\n").msg == "invalid hexadecimal literal");
    CHECK(lex_error("x = 1__0\n").msg == "invalid decimal literal");
    e = lex_error("x = 0777\n");
    CHECK(e.msg ==
          "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
          "octal integers");
    CHECK((e.offset == 5 && e.end_offset == 6));

    e = lex_error("x = (1]\n");
    CHECK(e.msg == "closing parenthesis ']' does not match opening parenthesis '('");
    CHECK(e.offset == 7);
    CHECK(lex_error("x = (1,\n 2]\n").msg ==
          "closing parenthesis ']' does not match opening parenthesis '(' on line 1");
    CHECK(lex_error("x = 1)\n").msg == "unmatched ')'");

    e = lex_error("x = 5 \xe2\x82\xac 3\n");
    CHECK(e.msg == "invalid character '\xe2\x82\xac' (U+20AC)");
    CHECK(e.offset == 7);
    CHECK(lex_error("a\xe2\x80\x8b\n").msg == "invalid non-printable character U+200B");

    e = lex_error("x = 1 \\ 2\n");
    CHECK(e.msg == "unexpected character after line continuation character");
    CHECK((e.offset == 8 && e.end_offset == 0));

    e = lex_error("if x:\n    a\n  b\n");
    CHECK(e.kind == SyntaxErrorKind::IndentationError);
    CHECK(e.msg == "unindent does not match any outer indentation level");
    CHECK((e.lineno == 3 && e.offset == 4 && e.end_offset == -1 && e.text == "  b\n"));

    e = lex_error("if x:\n\tb\n        c\n");
    CHECK(e.kind == SyntaxErrorKind::TabError);
    CHECK(e.msg == "inconsistent use of tabs and spaces in indentation");
    CHECK((e.lineno == 3 && e.offset == 1 && e.end_offset == 0));

    CHECK(lex_error(std::string(201, '(')).msg == "too many nested parentheses");
    CHECK(lex_error(std::string("x = 1\n\0\n", 8)).msg ==
          "source code string cannot contain null bytes");
    CHECK(lex_error("x = '\xff'\n").msg.find("can't decode byte 0xff") != std::string::npos);
}

TEST_CASE("lexer: newlines \\r\\n and \\r, and a BOM, read as \\n" * doctest::timeout(10)) {
    CHECK(kinds("\xEF\xBB\xBFx = 1\r\ny = 2\rz") ==
          V{"x", "=", "1", "NEWLINE", "y", "=", "2", "NEWLINE", "z", "NEWLINE"});
}
