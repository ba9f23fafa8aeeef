// The match statement (PEP 634), as CPython 3.11's compile.c compiler_match and
// compiler_pattern_*: the subject stays on the stack while a case's pattern runs; a failing
// check jumps to fail_pop[k], which pops the k values above the subject (captures not yet
// stored and sub-subjects), so every failure path leaves the stack as it found it. Captured
// values are rotated under those items and stored only once the whole pattern matched.
// Compile-time errors (unreachable patterns, duplicate names, ...) were raised earlier by
// parser/compile_checks.cpp.
#include "python/compiler/codegen.hpp"

namespace interleave::python {

namespace {

bool is_wildcard(const Pattern* p) {
    return p->kind == PatternKind::MatchAs && !p->as<MatchAs>().pattern &&
           p->as<MatchAs>().name.empty();
}
bool is_star_wildcard(const Pattern* p) {
    return p->kind == PatternKind::MatchStar && p->as<MatchStar>().name.empty();
}

}  // namespace

void Codegen::ensure_fail_pop(PatternCtx& pc, size_t n) {
    while (pc.fail_pop.size() < n + 1) pc.fail_pop.push_back(new_label());
}

void Codegen::jump_to_fail_pop(PatternCtx& pc, int op) {
    const size_t pops = pc.on_top + pc.stores.size();
    ensure_fail_pop(pc, pops);
    emit_jump(op, pc.fail_pop[pops]);
}

void Codegen::emit_and_reset_fail_pop(PatternCtx& pc) {
    if (pc.fail_pop.empty()) return;
    for (size_t k = pc.fail_pop.size() - 1; k > 0; --k) {
        place(pc.fail_pop[k]);
        emit(POP_TOP);
    }
    place(pc.fail_pop[0]);
    pc.fail_pop.clear();
}

void Codegen::pattern_rotate(size_t count) {
    while (count > 1) emit(SWAP, int(count--));
}

void Codegen::pattern_store_name(std::string_view name, PatternCtx& pc) {
    if (name.empty()) {
        emit(POP_TOP);
        return;
    }
    // Rotate this object underneath any items we need to preserve.
    pattern_rotate(pc.on_top + pc.stores.size() + 1);
    pc.stores.emplace_back(name);
}

void Codegen::pattern_subpattern(const Pattern* p, PatternCtx& pc) {
    const bool saved = pc.allow_irrefutable;
    pc.allow_irrefutable = true;
    pattern(p, pc);
    pc.allow_irrefutable = saved;
}

void Codegen::pattern_sequence(const MatchSequence& s, PatternCtx& pc) {
    const auto& patterns = s.patterns;
    const size_t size = patterns.size();
    long star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (size_t i = 0; i < size; ++i) {
        const Pattern* x = patterns[i];
        if (x->kind == PatternKind::MatchStar) {
            if (star >= 0) error(s, "multiple starred names in sequence pattern");
            star_wildcard = is_star_wildcard(x);
            only_wildcard = only_wildcard && star_wildcard;
            star = long(i);
            continue;
        }
        only_wildcard = only_wildcard && is_wildcard(x);
    }
    // The subject stays on top during the sequence and length checks.
    ++pc.on_top;
    emit(MATCH_SEQUENCE);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE_P);
    if (star < 0) {
        emit(GET_LEN);
        load_const(int_const(int64_t(size)));
        emit(COMPARE_OP, int(CompareOp::eq));
        jump_to_fail_pop(pc, POP_JUMP_IF_FALSE_P);
    } else if (!star_wildcard || size > 1) {
        emit(GET_LEN);
        load_const(int_const(int64_t(size) - 1));
        emit(COMPARE_OP, int(CompareOp::ge));
        jump_to_fail_pop(pc, POP_JUMP_IF_FALSE_P);
    }
    // Whatever comes next consumes the subject.
    --pc.on_top;
    if (only_wildcard) {
        emit(POP_TOP);
    } else if (star_wildcard) {
        // [first, *_, last]: index the subject instead of unpacking it.
        ++pc.on_top;
        for (size_t i = 0; i < size; ++i) {
            const Pattern* x = patterns[i];
            if (is_wildcard(x) || long(i) == star) continue;
            emit(COPY, 1);
            if (long(i) < star) {
                load_const(int_const(int64_t(i)));
            } else {
                // The subject may not support negative indexing: len(subject) - (size - i).
                emit(GET_LEN);
                load_const(int_const(int64_t(size - i)));
                emit(BINARY_OP, int(BinaryOp::sub));
            }
            emit(BINARY_SUBSCR);
            pattern_subpattern(x, pc);
        }
        --pc.on_top;
        emit(POP_TOP);
    } else {
        if (star >= 0)
            emit(UNPACK_EX, int(star + ((long(size) - star - 1) << 8)));
        else
            emit(UNPACK_SEQUENCE, int(size));
        pc.on_top += size;
        for (size_t i = 0; i < size; ++i) {
            --pc.on_top;
            pattern_subpattern(patterns[i], pc);
        }
    }
}

void Codegen::pattern_mapping(const MatchMapping& m, PatternCtx& pc) {
    const size_t size = m.keys.size();
    ++pc.on_top;
    emit(MATCH_MAPPING);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE_P);
    if (size == 0 && m.rest.empty()) {
        --pc.on_top;
        emit(POP_TOP);
        return;
    }
    if (size) {
        emit(GET_LEN);
        load_const(int_const(int64_t(size)));
        emit(COMPARE_OP, int(CompareOp::ge));
        jump_to_fail_pop(pc, POP_JUMP_IF_FALSE_P);
    }
    for (const Expr* k : m.keys) {
        ConstValue c;
        if (folded_constant(k, &c))
            load_const(c);
        else
            expr(k);
    }
    emit(BUILD_TUPLE, int(size));
    emit(MATCH_KEYS);
    // A tuple of keys and a tuple of values (or None) now sit on the subject.
    pc.on_top += 2;
    emit(COPY, 1);
    load_none();
    emit(IS_OP, 1);
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE_P);
    emit(UNPACK_SEQUENCE, int(size));
    pc.on_top += size;
    --pc.on_top;
    for (size_t i = 0; i < size; ++i) {
        --pc.on_top;
        pattern_subpattern(m.patterns[i], pc);
    }
    // A match: what follows consumes the keys and the subject.
    pc.on_top -= 2;
    if (!m.rest.empty()) {
        // rest = dict(subject); del rest[key] for each key.
        emit(BUILD_MAP, 0);
        emit(SWAP, 3);
        emit(DICT_UPDATE, 2);
        emit(UNPACK_SEQUENCE, int(size));
        for (size_t k = size; k > 0; --k) {
            emit(COPY, int(1 + k));
            emit(SWAP, 2);
            emit(DELETE_SUBSCR);
        }
        pattern_store_name(m.rest, pc);
    } else {
        emit(POP_TOP);  // the keys
        emit(POP_TOP);  // the subject
    }
}

void Codegen::pattern_class(const MatchClass& c, const Pattern* p, PatternCtx& pc) {
    const size_t nargs = c.patterns.size(), nattrs = c.kwd_attrs.size();
    expr(c.cls);
    set_pos(*p);
    ConstValue names;
    names.kind = ConstValue::Kind::Tuple;
    for (std::string_view a : c.kwd_attrs) names.items.push_back(str_const(a));
    load_const(names);
    emit(MATCH_CLASS, int(nargs));
    emit(COPY, 1);
    load_none();
    emit(IS_OP, 1);
    // TOS is now a tuple of (nargs + nattrs) attributes (or None).
    ++pc.on_top;
    jump_to_fail_pop(pc, POP_JUMP_IF_FALSE_P);
    emit(UNPACK_SEQUENCE, int(nargs + nattrs));
    pc.on_top += nargs + nattrs;
    --pc.on_top;
    for (size_t i = 0; i < nargs + nattrs; ++i) {
        --pc.on_top;
        const Pattern* x = i < nargs ? c.patterns[i] : c.kwd_patterns[i - nargs];
        if (is_wildcard(x)) {
            emit(POP_TOP);
            continue;
        }
        pattern_subpattern(x, pc);
    }
}

void Codegen::pattern_or(const MatchOr& o, PatternCtx& pc) {
    const int end = new_label();
    PatternCtx old = std::move(pc);
    std::vector<std::string> control;
    const auto& alts = o.patterns;
    for (size_t i = 0; i < alts.size(); ++i) {
        set_pos(*alts[i]);
        pc = PatternCtx{};
        // An irrefutable alternative must be last, if it is allowed at all.
        pc.allow_irrefutable = i + 1 == alts.size() && old.allow_irrefutable;
        emit(COPY, 1);
        pattern(alts[i], pc);
        const size_t nstores = pc.stores.size();
        if (i == 0) {
            control = pc.stores;
        } else if (nstores) {
            // Bring the captures into the first alternative's order.
            size_t icontrol = nstores;
            while (icontrol--) {
                const std::string& name = control[icontrol];
                size_t istores = 0;
                while (pc.stores[istores] != name) ++istores;
                if (icontrol != istores) {
                    const size_t rotations = istores + 1;
                    std::vector<std::string> rotated(pc.stores.begin(),
                                                     pc.stores.begin() + long(rotations));
                    pc.stores.erase(pc.stores.begin(), pc.stores.begin() + long(rotations));
                    pc.stores.insert(pc.stores.begin() + long(icontrol - istores), rotated.begin(),
                                     rotated.end());
                    for (size_t r = 0; r < rotations; ++r) pattern_rotate(icontrol + 1);
                }
            }
        }
        emit_jump(JUMP, end);
        emit_and_reset_fail_pop(pc);
    }
    pc = std::move(old);
    // No alternative matched: pop the remaining copy of the subject and fail.
    emit(POP_TOP);
    jump_to_fail_pop(pc, JUMP);
    place(end);
    const size_t nstores = control.size();
    // Between the new captures and where they belong: the other new captures, the copy of
    // the subject, what else is on top, and the earlier captures.
    const size_t nrots = nstores + 1 + pc.on_top + pc.stores.size();
    for (size_t i = 0; i < nstores; ++i) {
        pattern_rotate(nrots);
        pc.stores.push_back(control[i]);
    }
    emit(POP_TOP);  // the copy of the subject
}

void Codegen::pattern(const Pattern* p, PatternCtx& pc) {
    set_pos(*p);
    switch (p->kind) {
        case PatternKind::MatchValue: {
            const Expr* v = p->as<MatchValue>().value;
            ConstValue c;
            if (folded_constant(v, &c))
                load_const(c);
            else
                expr(v);
            emit(COMPARE_OP, int(CompareOp::eq));
            jump_to_fail_pop(pc, POP_JUMP_IF_FALSE_P);
            return;
        }
        case PatternKind::MatchSingleton:
            load_const(constant_value(p->as<MatchSingleton>().value));
            emit(IS_OP, 0);
            jump_to_fail_pop(pc, POP_JUMP_IF_FALSE_P);
            return;
        case PatternKind::MatchSequence:
            pattern_sequence(p->as<MatchSequence>(), pc);
            return;
        case PatternKind::MatchMapping:
            pattern_mapping(p->as<MatchMapping>(), pc);
            return;
        case PatternKind::MatchClass:
            pattern_class(p->as<MatchClass>(), p, pc);
            return;
        case PatternKind::MatchStar:
            pattern_store_name(p->as<MatchStar>().name, pc);
            return;
        case PatternKind::MatchAs: {
            const auto& a = p->as<MatchAs>();
            if (!a.pattern) {
                pattern_store_name(a.name, pc);
                return;
            }
            // A copy to store if the inner pattern matches.
            ++pc.on_top;
            emit(COPY, 1);
            pattern(a.pattern, pc);
            --pc.on_top;
            pattern_store_name(a.name, pc);
            return;
        }
        case PatternKind::MatchOr:
            pattern_or(p->as<MatchOr>(), pc);
            return;
    }
}

void Codegen::match_stmt(const Match& m) {
    expr(m.subject);
    const int end = new_label();
    const size_t cases = m.cases.size();
    const MatchCase* last = m.cases[cases - 1];
    const bool has_default = is_wildcard(last->pattern) && cases > 1;
    for (size_t i = 0; i < cases - (has_default ? 1 : 0); ++i) {
        const MatchCase* c = m.cases[i];
        set_pos(*c->pattern);
        // Only copy the subject if this is not the last case.
        const bool keep_subject = i != cases - (has_default ? 1 : 0) - 1;
        if (keep_subject) emit(COPY, 1);
        PatternCtx pc;
        // Irrefutable cases must be either guarded, last, or both.
        pc.allow_irrefutable = c->guard != nullptr || i == cases - 1;
        pattern(c->pattern, pc);
        // A match: store the captured names (they are on the stack).
        for (const std::string& name : pc.stores) nameop(name, Ctx::Store);
        if (c->guard) {
            ensure_fail_pop(pc, 0);
            jump_if(c->guard, pc.fail_pop[0], false);
        }
        if (keep_subject) emit(POP_TOP);
        stmts(c->body);
        set_pos_none();
        emit_jump(JUMP, end);
        // A failed pattern's cleanup belongs to the pattern's line, not the body's last.
        set_pos(*c->pattern);
        emit_and_reset_fail_pop(pc);
    }
    if (has_default) {
        set_pos(*last->pattern);
        if (cases == 1)
            emit(POP_TOP);
        else
            emit(NOP);
        if (last->guard) jump_if(last->guard, end, false);
        stmts(last->body);
        set_pos_none();
    }
    place(end);
}

}  // namespace interleave::python
