// The parser's limits (parser.hpp, "Limits"): deep nesting of every kind ends in a clean error,
// never a native stack overflow, on a thread with the stack an interpreter thread has (256 KiB;
// the sanitizers' instrumented frames get 1 MiB). Plus the API's promises: errors are values,
// the tree outlives nothing it points into.
#include <doctest/doctest.h>
#include <pthread.h>

#include <functional>
#include <string>

#include "python/parser/ast_dump.hpp"
#include "python/parser/parser.hpp"

using namespace interleave::python;

namespace {

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr size_t kStack = 1024 * 1024;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr size_t kStack = 1024 * 1024;
#else
constexpr size_t kStack = 256 * 1024;
#endif
#else
constexpr size_t kStack = 256 * 1024;
#endif

// Runs f on a new thread with a stack of kStack bytes.
void on_small_stack(const std::function<void()>& f) {
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    REQUIRE(pthread_attr_setstacksize(&attr, kStack) == 0);
    pthread_t t;
    auto body = [](void* p) -> void* {
        (*static_cast<const std::function<void()>*>(p))();
        return nullptr;
    };
    REQUIRE(pthread_create(&t, &attr, body, const_cast<std::function<void()>*>(&f)) == 0);
    pthread_join(t, nullptr);
    pthread_attr_destroy(&attr);
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    out.reserve(s.size() * static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

struct Outcome {
    bool ok = false;
    SyntaxErrorInfo error;
    size_t dump_size = 0;
};

Outcome parse_small_stack(const std::string& src) {
    Outcome o;
    on_small_stack([&] {
        ParseResult r = parse(src);
        o.ok = r.ok();
        if (r.ok()) {
            o.dump_size = ast_dump(*r.module(), true).size();
        } else {
            o.error = r.error();
        }
    });
    return o;
}

}  // namespace

TEST_CASE("parser limits: brackets nest 200 deep, as CPython's tokenizer allows" *
          doctest::timeout(60)) {
    Outcome o = parse_small_stack("x = " + repeat("(", 200) + "1" + repeat(")", 200) + "\n");
    CHECK(o.ok);
    o = parse_small_stack("x = " + repeat("[", 200) + repeat("]", 200) + "\n");
    CHECK(o.ok);
    o = parse_small_stack(repeat("(", 100000));
    REQUIRE_FALSE(o.ok);
    CHECK(o.error.msg == "too many nested parentheses");
    CHECK(o.error.offset == 201);
    o = parse_small_stack("f(" + repeat("{'a': [", 99) + repeat("]}", 99) + ")\n");
    CHECK(o.ok);
}

TEST_CASE("parser limits: long operator and unary chains end in RecursionError" *
          doctest::timeout(60)) {
    for (const std::string& src :
         {repeat("-", 100000) + "1\n", repeat("not ", 100000) + "x\n",
          "x = 1" + repeat(" + 1", 100000) + "\n", "x = a" + repeat(".b", 100000) + "\n",
          "x = a" + repeat("[0]", 100000) + "\n", "x = f" + repeat("()", 100000) + "\n",
          "x = 2" + repeat(" ** 2", 100000) + "\n", repeat("lambda: ", 100000) + "0\n",
          "x = " + repeat("a if b else ", 100000) + "c\n"}) {
        CAPTURE(src.substr(0, 40));
        Outcome o = parse_small_stack(src);
        REQUIRE_FALSE(o.ok);
        CHECK(o.error.kind == SyntaxErrorKind::RecursionError);
        CHECK(o.error.msg == "maximum recursion depth exceeded during compilation");
        CHECK(o.error.lineno >= 1);
    }
}

TEST_CASE("parser limits: what learners nest parses (and dumps) on a small stack" *
          doctest::timeout(60)) {
    // 90 nested blocks (indentation allows 100), a 300-term sum, 100 unary minus.
    std::string blocks;
    for (int i = 0; i < 90; ++i) blocks += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
    blocks += std::string(90, ' ') + "pass\n";
    CHECK(parse_small_stack(blocks).ok);
    CHECK(parse_small_stack("x = 1" + repeat(" + 1", 300) + "\n").ok);
    CHECK(parse_small_stack("x = " + repeat("-", 100) + "1\n").ok);
    // A comparison chain is one node, however long (as in CPython).
    CHECK(parse_small_stack("x = a" + repeat(" < a", 10000) + "\n").ok);
    // 200 nested calls, the costliest nesting per level.
    CHECK(parse_small_stack("x = " + repeat("f(", 200) + repeat(")", 200) + "\n").ok);
    std::string defs;
    for (int i = 0; i < 90; ++i) defs += std::string(static_cast<size_t>(i), ' ') + "def f():\n";
    defs += std::string(90, ' ') + "return [x for x in (y for y in z)]\n";
    CHECK(parse_small_stack(defs).ok);
}

TEST_CASE("parser limits: indentation stops at 100 levels, as CPython's" * doctest::timeout(60)) {
    std::string src;
    for (int i = 0; i < 1000; ++i) src += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
    src += std::string(1000, ' ') + "pass\n";
    Outcome o = parse_small_stack(src);
    REQUIRE_FALSE(o.ok);
    CHECK(o.error.kind == SyntaxErrorKind::IndentationError);
    CHECK(o.error.msg == "too many levels of indentation");
    CHECK(o.error.lineno == 101);
}

TEST_CASE("parser: errors are values; the tree lives as long as its ParseResult" *
          doctest::timeout(10)) {
    ParseResult bad = parse("def f(:\n", "prog.py");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().filename == "prog.py");
    CHECK(bad.module() == nullptr);

    std::string src = "name_" + std::string(100, 'x') + " = 'a string value'\n";
    ParseResult good = parse(src);
    src.assign(src.size(), '?');  // the tree must not point into the source
    REQUIRE(good.ok());
    ParseResult moved = std::move(good);
    const auto& assign = moved.module()->body[0]->as<Assign>();
    CHECK(assign.targets[0]->as<Name>().id == "name_" + std::string(100, 'x'));
    CHECK(assign.value->as<Constant>().value.text == "a string value");
    CHECK(moved.arena()->bytes_used() > 0);
}

TEST_CASE("parser: constant values" * doctest::timeout(10)) {
    ParseResult r = parse(
        "a = 9223372036854775807\nb = 9223372036854775808\nc = 0xFFFFFFFFFFFFFFFFFFFF\n"
        "d = 1.5e300\ne = 2.5j\nf = b'\\x00\\xff'\ng = '\\u00e9'\nh = ...\n");
    REQUIRE(r.ok());
    auto value = [&](int i) {
        return r.module()->body[i]->as<Assign>().value->as<Constant>().value;
    };
    CHECK(value(0).kind == ConstantKind::Int);
    CHECK(value(0).int_value == INT64_MAX);
    CHECK(value(1).kind == ConstantKind::BigInt);
    CHECK(value(1).text == "9223372036854775808");
    CHECK(value(2).kind == ConstantKind::BigInt);
    CHECK(value(2).text == "1208925819614629174706175");
    CHECK(value(3).kind == ConstantKind::Float);
    CHECK(value(3).float_value == 1.5e300);
    CHECK(value(4).kind == ConstantKind::Complex);
    CHECK(value(4).float_value == 2.5);
    CHECK(value(5).kind == ConstantKind::Bytes);
    CHECK(value(5).text == std::string("\0\xff", 2));
    CHECK(value(6).kind == ConstantKind::Str);
    CHECK(value(6).text == "\xc3\xa9");
    CHECK(value(7).kind == ConstantKind::Ellipsis);
}
