// compile_source and caret_anchors (see compile_source.hpp).
#include "python/compiler/compile_source.hpp"

#include "python/compiler/compile.hpp"
#include "python/parser/parser.hpp"

namespace interleave::python {

SourceCompileOutput compile_source(std::string_view source, std::string_view filename) {
    SourceCompileOutput out;
    ParseResult parsed = parse(source, filename);
    if (!parsed.ok()) {
        out.error = parsed.error();
        return out;
    }
    CompileOutput c = compile_module(parsed.module(), filename, source);
    out.code = std::move(c.code);
    out.error = std::move(c.error);
    if (!out.code) out.error.from_compiler = true;
    out.warnings = std::move(c.warnings);
    return out;
}

namespace {
bool is_ws(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r';
}
}  // namespace

bool caret_anchors(const std::string& segment, int* left_end, int* right_start, char* primary,
                   char* secondary) {
    ParseResult r = parse(segment, "<anchors>");
    if (!r.ok() || r.module()->body.size() != 1) return false;
    const Stmt* st = r.module()->body[0];
    if (st->kind != StmtKind::Expr) return false;
    const Expr* e = st->as<ExprStmt>().value;
    if (e->kind == ExprKind::BinOp) {
        auto& b = e->as<BinOp>();
        for (int i = b.left->end_col_offset; i < b.right->col_offset; ++i) {
            if (is_ws(segment[size_t(i)])) continue;
            *left_end = i;
            *right_start = i + 1;
            if (i + 1 < b.right->col_offset && !is_ws(segment[size_t(i + 1)])) ++*right_start;
            if (i + 1 < b.right->col_offset && segment[size_t(i)] == ')') continue;
            *primary = '~';
            *secondary = '^';
            break;
        }
        return *left_end >= 0;
    }
    if (e->kind == ExprKind::Subscript) {
        auto& s = e->as<Subscript>();
        *left_end = s.value->end_col_offset;
        *right_start = s.slice->end_col_offset + 1;
        int len = int(segment.size());
        while (*left_end < len &&
               (is_ws(segment[size_t(*left_end)]) || segment[size_t(*left_end)] != '['))
            ++*left_end;
        while (*right_start < len &&
               (is_ws(segment[size_t(*right_start)]) || segment[size_t(*right_start)] != ']'))
            ++*right_start;
        if (*right_start < len) ++*right_start;
        *primary = '~';
        *secondary = '^';
        return true;
    }
    return false;
}

}  // namespace interleave::python
