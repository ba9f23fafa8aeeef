// The AST's shape (src/python/parser/ast.hpp): nodes are built in an arena, downcast by kind,
// and carry CPython's names.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "python/parser/ast.hpp"

using namespace interleave::python;

TEST_CASE("ast: a statement `x = -2 ** 2` built in an arena" * doctest::timeout(10)) {
    Arena arena;
    auto* two = arena.make<Constant>();
    two->value.kind = ConstantKind::Int;
    two->value.int_value = 2;
    auto* pow = arena.make<BinOp>();
    pow->left = two;
    pow->op = Operator::Pow;
    pow->right = two;
    auto* neg = arena.make<UnaryOp>();
    neg->op = UnaryOperator::USub;
    neg->operand = pow;
    auto* x = arena.make<Name>();
    x->id = arena.str("x");
    x->ctx = ExprContext::Store;
    auto* assign = arena.make<Assign>();
    assign->targets = arena.seq1<Expr*>(x);
    assign->value = neg;
    assign->lineno = 1;
    assign->end_col_offset = 11;
    auto* mod = arena.make<Module>();
    mod->body = arena.seq(std::vector<Stmt*>{assign});

    REQUIRE(mod->body.size() == 1);
    Stmt* s = mod->body[0];
    CHECK(s->kind == StmtKind::Assign);
    CHECK(s->is<Assign>());
    CHECK_FALSE(s->is<AugAssign>());
    const Assign& a = s->as<Assign>();
    CHECK(a.targets[0]->as<Name>().id == "x");
    CHECK(a.value->as<UnaryOp>().operand->as<BinOp>().op == Operator::Pow);
    CHECK(std::string(name_of(a.value->kind)) == "UnaryOp");
    CHECK(std::string(name_of(StmtKind::Expr)) == "Expr");
    CHECK(std::string(name_of(CmpOp::NotIn)) == "NotIn");
    CHECK(std::string(symbol_of(CmpOp::IsNot)) == "is not");
    CHECK(s->lineno == 1);
    CHECK(s->end_col_offset == 11);
}

TEST_CASE("ast: the arena holds many nodes and long strings" * doctest::timeout(10)) {
    Arena arena;
    std::vector<Expr*> names;
    for (int i = 0; i < 100000; ++i) {
        auto* n = arena.make<Name>();
        n->id = arena.str("name" + std::to_string(i));
        names.push_back(n);
    }
    std::string big(200000, 'x');
    CHECK(arena.str(big) == big);
    Seq<Expr*> seq = arena.seq(names);
    REQUIRE(seq.size() == 100000);
    CHECK(seq[99999]->as<Name>().id == "name99999");
    CHECK(seq[0]->as<Name>().ctx == ExprContext::Load);
    CHECK(arena.bytes_used() > 100000 * sizeof(Name));
}
