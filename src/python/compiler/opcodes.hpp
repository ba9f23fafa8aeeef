// The bytecode: 16-bit code units, opcode in the low byte, argument in the high byte
// (EXTENDED_ARG prefixes for larger arguments), CPython 3.11's instruction set in spirit with
// absolute jump targets (in code units). Shared by the compiler and the VM; no object model.
#pragma once

#include <cstdint>

namespace interleave::python {

#define PY_OPCODES(X)                                                                        \
    X(NOP) X(POP_TOP) X(PUSH_NULL) X(COPY) X(SWAP) X(RESUME) X(EXTENDED_ARG)                  \
    X(LOAD_CONST) X(LOAD_FAST) X(STORE_FAST) X(DELETE_FAST)                                  \
    X(LOAD_DEREF) X(STORE_DEREF) X(DELETE_DEREF) X(LOAD_CLASSDEREF) X(LOAD_CLOSURE)          \
    X(MAKE_CELL) X(COPY_FREE_VARS)                                                           \
    X(LOAD_NAME) X(STORE_NAME) X(DELETE_NAME) X(LOAD_GLOBAL) X(STORE_GLOBAL)                 \
    X(DELETE_GLOBAL) X(LOAD_ATTR) X(STORE_ATTR) X(DELETE_ATTR) X(LOAD_METHOD)                \
    X(LOAD_BUILD_CLASS) X(LOAD_ASSERTION_ERROR)                                              \
    X(BINARY_OP) X(UNARY_NEGATIVE) X(UNARY_POSITIVE) X(UNARY_NOT) X(UNARY_INVERT)            \
    X(COMPARE_OP) X(IS_OP) X(CONTAINS_OP)                                                    \
    X(BINARY_SUBSCR) X(STORE_SUBSCR) X(DELETE_SUBSCR) X(BUILD_SLICE)                         \
    X(BUILD_TUPLE) X(BUILD_LIST) X(BUILD_SET) X(BUILD_MAP) X(BUILD_CONST_KEY_MAP)            \
    X(BUILD_STRING) X(LIST_APPEND) X(SET_ADD) X(MAP_ADD) X(LIST_EXTEND) X(SET_UPDATE)        \
    X(DICT_UPDATE) X(DICT_MERGE) X(LIST_TO_TUPLE)                                            \
    X(UNPACK_SEQUENCE) X(UNPACK_EX)                                                          \
    X(GET_ITER) X(FOR_ITER) X(GET_YIELD_FROM_ITER) X(GET_AWAITABLE) X(GET_AITER)             \
    X(GET_ANEXT) X(END_ASYNC_FOR) X(SEND) X(YIELD_VALUE) X(RETURN_VALUE) X(ASYNC_GEN_WRAP)   \
    X(JUMP_FORWARD) X(JUMP_BACKWARD) X(JUMP_BACKWARD_NO_INTERRUPT)                           \
    X(POP_JUMP_IF_FALSE) X(POP_JUMP_IF_TRUE) X(POP_JUMP_IF_NONE) X(POP_JUMP_IF_NOT_NONE)     \
    X(POP_JUMP_BACKWARD_IF_FALSE) X(POP_JUMP_BACKWARD_IF_TRUE)                               \
    X(JUMP_IF_FALSE_OR_POP) X(JUMP_IF_TRUE_OR_POP)                                           \
    X(MAKE_FUNCTION) X(CALL) X(KW_NAMES) X(CALL_FUNCTION_EX)                                 \
    X(RAISE_VARARGS) X(RERAISE) X(PUSH_EXC_INFO) X(POP_EXCEPT) X(CHECK_EXC_MATCH)            \
    X(CHECK_EG_MATCH) X(PREP_RERAISE_STAR) X(WITH_EXCEPT_START) X(BEFORE_WITH)               \
    X(BEFORE_ASYNC_WITH) X(FORMAT_VALUE) X(IMPORT_NAME) X(IMPORT_FROM) X(IMPORT_STAR)        \
    X(SETUP_ANNOTATIONS) X(GET_LEN) X(MATCH_MAPPING) X(MATCH_SEQUENCE) X(MATCH_KEYS)         \
    X(MATCH_CLASS) X(CALL_INTRINSIC)

// BINARY_SUBSCR / STORE_SUBSCR argument: the container is the value of a call expression, pushed
// by the CALL / CALL_FUNCTION_EX just before (only the key was evaluated since). The VM then
// drops a memoryview made by that call as soon as it is used (ThreadState::temp_view).
inline constexpr int kSubscrOfCall = 1;

enum Opcode : uint8_t {
#define PY_OP_ENUM(n) n,
    PY_OPCODES(PY_OP_ENUM)
#undef PY_OP_ENUM
    kOpcodeCount
};

const char* opcode_name(int op);

// COMPARE_OP's argument (CPython's Py_LT.. order).
enum class CompareOp : uint8_t { lt, le, eq, ne, gt, ge };

// BINARY_OP's argument: CPython 3.11's NB_* order; in-place forms add kInplace.
enum class BinaryOp : uint8_t {
    add, and_, floordiv, lshift, matmul, mul, mod, or_, pow, rshift, sub, truediv, xor_,
    count_
};
constexpr int kInplace = static_cast<int>(BinaryOp::count_);

// Pseudo-instructions the compiler uses before assembly (never in code objects).
enum PseudoOp : int {
    SETUP_FINALLY = 256,  // push a handler: target; pops to the current depth
    SETUP_CLEANUP,        // same, and pushes lasti
    SETUP_WITH,           // same as SETUP_CLEANUP, depth - 1
    POP_BLOCK,            // ends the innermost handler's range
    JUMP,                 // becomes JUMP_FORWARD or JUMP_BACKWARD
    JUMP_NO_INTERRUPT,    // becomes JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT
    POP_JUMP_IF_FALSE_P,  // becomes POP_JUMP_IF_FALSE or POP_JUMP_BACKWARD_IF_FALSE
    POP_JUMP_IF_TRUE_P,
};

// MAKE_FUNCTION flags (as CPython 3.11).
enum MakeFunctionFlags : uint8_t {
    kMfDefaults = 1,
    kMfKwDefaults = 2,
    kMfAnnotations = 4,
    kMfClosure = 8,
};

// FORMAT_VALUE flags.
enum FormatFlags : uint8_t {
    kFvConvMask = 3,  // 0 none, 1 str, 2 repr, 3 ascii
    kFvHaveSpec = 4,
};

// CALL_INTRINSIC arguments.
enum Intrinsic : uint8_t {
    kIntrinsicStopIterationError = 1,  // generator body raised StopIteration -> RuntimeError
    kIntrinsicUnaryPositive = 2,
    kIntrinsicListToTuple = 3,
};

// Code flags (CPython's CO_*).
enum CodeFlags : uint32_t {
    kCoOptimized = 0x1,
    kCoNewLocals = 0x2,
    kCoVarargs = 0x4,
    kCoVarkeywords = 0x8,
    kCoNested = 0x10,
    kCoGenerator = 0x20,
    kCoNoFree = 0x40,
    kCoCoroutine = 0x80,
    kCoIterableCoroutine = 0x100,
    kCoAsyncGenerator = 0x200,
};

// Kinds of localsplus entries (CPython's CO_FAST_*).
enum LocalKind : uint8_t {
    kFastLocal = 0x20,
    kFastCell = 0x40,
    kFastFree = 0x80,
};

// A zero-cost exception table entry: instructions [start, end) are covered by the handler at
// `target`; the value stack is popped to `depth` (and lasti pushed if `lasti`) before the
// exception is pushed.
struct ExceptionEntry {
    uint32_t start = 0;
    uint32_t end = 0;
    uint32_t target = 0;
    uint16_t depth = 0;
    bool lasti = false;
};

// Source position of one instruction (1-based lines, 0-based UTF-8 byte columns, -1 unknown).
struct Position {
    int32_t line = -1;
    int32_t end_line = -1;
    int32_t col = -1;
    int32_t end_col = -1;
};

}  // namespace interleave::python
