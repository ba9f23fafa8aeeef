// Assembly (see assemble.hpp).
#include "python/compiler/assemble.hpp"

#include <algorithm>
#include <vector>

namespace interleave::python {

int stack_effect(int op, int arg, bool jump) {
    switch (op) {
        case NOP: case SWAP: case RESUME: case EXTENDED_ARG: case MAKE_CELL: case COPY_FREE_VARS:
        case DELETE_FAST: case DELETE_DEREF: case DELETE_NAME: case DELETE_GLOBAL: case LOAD_ATTR:
        case UNARY_NEGATIVE: case UNARY_POSITIVE: case UNARY_NOT: case UNARY_INVERT:
        case LIST_TO_TUPLE: case GET_ITER: case GET_YIELD_FROM_ITER: case GET_AWAITABLE:
        case GET_AITER: case YIELD_VALUE: case ASYNC_GEN_WRAP: case JUMP_FORWARD:
        case JUMP_BACKWARD: case JUMP_BACKWARD_NO_INTERRUPT: case KW_NAMES:
        case CHECK_EXC_MATCH: case CHECK_EG_MATCH: case SETUP_ANNOTATIONS: case CALL_INTRINSIC:
        case JUMP: case JUMP_NO_INTERRUPT: case POP_BLOCK:
            return 0;
        case SETUP_FINALLY: case SETUP_CLEANUP: case SETUP_WITH:
            return 0;
        case POP_TOP: case STORE_FAST: case STORE_DEREF: case STORE_NAME: case STORE_GLOBAL:
        case DELETE_ATTR: case BINARY_OP: case COMPARE_OP: case IS_OP: case CONTAINS_OP:
        case BINARY_SUBSCR: case LIST_APPEND: case SET_ADD: case LIST_EXTEND: case SET_UPDATE:
        case DICT_UPDATE: case DICT_MERGE: case RETURN_VALUE: case POP_JUMP_IF_FALSE:
        case POP_JUMP_IF_TRUE: case POP_JUMP_IF_NONE: case POP_JUMP_IF_NOT_NONE:
        case POP_JUMP_BACKWARD_IF_FALSE: case POP_JUMP_BACKWARD_IF_TRUE:
        case POP_JUMP_IF_FALSE_P: case POP_JUMP_IF_TRUE_P: case RERAISE: case POP_EXCEPT:
        case PREP_RERAISE_STAR: case IMPORT_NAME: case IMPORT_STAR:
            return -1;
        case PUSH_NULL: case COPY: case LOAD_CONST: case LOAD_FAST: case LOAD_DEREF:
        case LOAD_CLASSDEREF: case LOAD_CLOSURE: case LOAD_NAME: case LOAD_BUILD_CLASS:
        case LOAD_ASSERTION_ERROR: case LOAD_METHOD: case GET_ANEXT: case PUSH_EXC_INFO:
        case WITH_EXCEPT_START: case BEFORE_WITH: case BEFORE_ASYNC_WITH: case IMPORT_FROM:
        case GET_LEN: case MATCH_MAPPING: case MATCH_SEQUENCE: case MATCH_KEYS:
            return 1;
        case LOAD_GLOBAL: return 1 + (arg & 1);
        case STORE_ATTR: case DELETE_SUBSCR: case MAP_ADD: case END_ASYNC_FOR: case MATCH_CLASS:
            return -2;
        case STORE_SUBSCR: return -3;
        case BUILD_SLICE: return 1 - arg;
        case BUILD_TUPLE: case BUILD_LIST: case BUILD_SET: case BUILD_STRING: return 1 - arg;
        case BUILD_MAP: return 1 - 2 * arg;
        case BUILD_CONST_KEY_MAP: return -arg;
        case UNPACK_SEQUENCE: return arg - 1;
        case UNPACK_EX: return (arg & 0xFF) + (arg >> 8);
        case FOR_ITER: return jump ? -1 : 1;
        case SEND: return jump ? -1 : 0;
        case JUMP_IF_FALSE_OR_POP: case JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
        case MAKE_FUNCTION:
            return -(bool(arg & kMfDefaults) + bool(arg & kMfKwDefaults) +
                     bool(arg & kMfAnnotations) + bool(arg & kMfClosure));
        case CALL: return -(arg + 1);
        case CALL_FUNCTION_EX: return (arg & 1) ? -3 : -2;
        case RAISE_VARARGS: return -arg;
        case FORMAT_VALUE: return (arg & kFvHaveSpec) ? -1 : 0;
        default: return 0;
    }
}

namespace {

struct Handler {
    int label;
    int depth;
    bool lasti;
};

bool is_terminal(int op) {
    return op == RETURN_VALUE || op == RAISE_VARARGS || op == RERAISE || op == JUMP ||
           op == JUMP_NO_INTERRUPT || op == JUMP_FORWARD || op == JUMP_BACKWARD ||
           op == JUMP_BACKWARD_NO_INTERRUPT;
}
bool is_jump(const Instr& i) {
    return i.target >= 0 && i.op != SETUP_FINALLY && i.op != SETUP_CLEANUP && i.op != SETUP_WITH;
}

int ext_count(int arg) {
    int n = 0;
    for (unsigned a = unsigned(arg) >> 8; a; a >>= 8) ++n;
    return n;
}

}  // namespace

void assemble(Unit& unit) {
    std::vector<Instr>& ins = unit.instrs;
    const size_t n = ins.size();
    // Label -> instruction index (a label at the end points past the last instruction).
    auto target_index = [&](int label) { return unit.labels[size_t(label)]; };

    // 1. Handler stacks and stack depths along control flow.
    std::vector<int> depth_at(n + 1, -1);
    std::vector<int> handler_of(n, -1);  // index into `handlers`
    std::vector<Handler> handlers;
    struct Work {
        size_t index;
        int depth;
        std::vector<int> stack;  // indices into handlers
    };
    std::vector<Work> work;
    work.push_back({0, 0, {}});
    int maxdepth = 0;
    while (!work.empty()) {
        Work w = std::move(work.back());
        work.pop_back();
        size_t i = w.index;
        int depth = w.depth;
        std::vector<int> stack = std::move(w.stack);
        while (i < n) {
            if (depth_at[i] >= 0) break;
            depth_at[i] = depth;
            handler_of[i] = stack.empty() ? -1 : stack.back();
            const Instr& in = ins[i];
            if (in.op == SETUP_FINALLY || in.op == SETUP_CLEANUP || in.op == SETUP_WITH) {
                Handler h;
                h.label = in.target;
                h.depth = in.op == SETUP_WITH ? depth - 1 : depth;
                h.lasti = in.op != SETUP_FINALLY;
                handlers.push_back(h);
                int hd = h.depth + (h.lasti ? 1 : 0) + 1;
                maxdepth = std::max(maxdepth, hd);
                work.push_back({size_t(target_index(in.target)), hd, stack});
                stack.push_back(int(handlers.size()) - 1);
                ++i;
                continue;
            }
            if (in.op == POP_BLOCK) {
                if (!stack.empty()) stack.pop_back();
                ++i;
                continue;
            }
            if (is_jump(in)) {
                int jd = depth + stack_effect(in.op, in.arg, true);
                maxdepth = std::max(maxdepth, jd);
                work.push_back({size_t(target_index(in.target)), jd, stack});
                if (in.op == JUMP || in.op == JUMP_NO_INTERRUPT) break;
            }
            if (is_terminal(in.op)) break;
            depth += stack_effect(in.op, in.arg, false);
            maxdepth = std::max(maxdepth, depth);
            ++i;
        }
    }
    unit.out->stacksize = maxdepth + 2;

    // 2. Offsets (EXTENDED_ARG sizes depend on jump targets: iterate until stable).
    auto real = [&](const Instr& in) {
        return !(in.op == SETUP_FINALLY || in.op == SETUP_CLEANUP || in.op == SETUP_WITH ||
                 in.op == POP_BLOCK);
    };
    std::vector<int> offset(n + 1, 0);
    std::vector<int> args(n, 0);
    for (size_t k = 0; k < n; ++k) args[k] = ins[k].arg;
    for (int pass = 0; pass < 8; ++pass) {
        int off = 0;
        for (size_t k = 0; k < n; ++k) {
            offset[k] = off;
            if (!real(ins[k])) continue;
            off += 1 + ext_count(args[k]);
        }
        offset[n] = off;
        bool changed = false;
        for (size_t k = 0; k < n; ++k) {
            if (!is_jump(ins[k])) continue;
            int t = offset[size_t(target_index(ins[k].target))];
            if (args[k] != t) {
                args[k] = t;
                changed = true;
            }
        }
        if (!changed) break;
    }

    // 3. Code units and positions; pseudo jumps get their direction.
    CodeUnit& out = *unit.out;
    out.code.clear();
    out.positions.clear();
    for (size_t k = 0; k < n; ++k) {
        const Instr& in = ins[k];
        if (!real(in)) continue;
        int op = in.op;
        int arg = args[k];
        if (is_jump(in)) {
            bool backward = arg <= offset[k];
            switch (op) {
                case JUMP: op = backward ? JUMP_BACKWARD : JUMP_FORWARD; break;
                case JUMP_NO_INTERRUPT: op = backward ? JUMP_BACKWARD_NO_INTERRUPT : JUMP_FORWARD; break;
                case POP_JUMP_IF_FALSE_P: op = backward ? POP_JUMP_BACKWARD_IF_FALSE : POP_JUMP_IF_FALSE; break;
                case POP_JUMP_IF_TRUE_P: op = backward ? POP_JUMP_BACKWARD_IF_TRUE : POP_JUMP_IF_TRUE; break;
                default: break;
            }
        }
        int ext = ext_count(arg);
        for (int e = ext; e > 0; --e) {
            out.code.push_back(uint16_t(EXTENDED_ARG | (((unsigned(arg) >> (8 * e)) & 0xFF) << 8)));
            out.positions.push_back(in.pos);
        }
        out.code.push_back(uint16_t(op | ((unsigned(arg) & 0xFF) << 8)));
        out.positions.push_back(in.pos);
    }

    // 4. The exception table: runs of real instructions with the same handler.
    out.exceptiontable.clear();
    int cur = -2;
    ExceptionEntry entry;
    for (size_t k = 0; k < n; ++k) {
        if (!real(ins[k])) continue;
        int h = handler_of[k];
        if (h != cur) {
            if (cur >= 0) {
                entry.end = uint32_t(offset[k]);
                out.exceptiontable.push_back(entry);
            }
            cur = h;
            if (h >= 0) {
                entry.start = uint32_t(offset[k]);
                entry.target = uint32_t(offset[size_t(target_index(handlers[size_t(h)].label))]);
                entry.depth = uint16_t(handlers[size_t(h)].depth);
                entry.lasti = handlers[size_t(h)].lasti;
            }
        }
    }
    if (cur >= 0) {
        entry.end = uint32_t(offset[n]);
        out.exceptiontable.push_back(entry);
    }
}

}  // namespace interleave::python
