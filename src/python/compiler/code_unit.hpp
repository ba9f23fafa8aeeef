// What the compiler produces: a code object as plain C++ data (no object model), turned into
// an immutable Code object by the VM (vm/code.cpp). Kept apart from the object model because
// the AST's node names (Dict, List, Tuple, ...) and the object structs share a namespace.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "python/compiler/opcodes.hpp"

namespace interleave::python {

struct CodeUnit;

// A compile-time constant.
struct ConstValue {
    enum class Kind : uint8_t { None, True, False, Ellipsis, Int, BigInt, Float, Str, Bytes, Tuple, FrozenSet, Code, Complex };
    Kind kind = Kind::None;
    int64_t i = 0;
    double f = 0;  // Float; Complex: the imaginary part (literals are 0+fj)
    std::string s;  // Str/Bytes text; BigInt decimal digits
    std::vector<ConstValue> items;  // Tuple, FrozenSet (in display order)
    std::shared_ptr<CodeUnit> code;

    bool same_as(const ConstValue& o) const;  // identical constant (for deduplication)
};

struct CodeUnit {
    std::vector<uint16_t> code;
    std::vector<Position> positions;  // one per code unit
    std::vector<ConstValue> consts;
    std::vector<std::string> names;
    std::vector<std::string> localsplusnames;
    std::vector<uint8_t> localspluskinds;
    std::vector<ExceptionEntry> exceptiontable;
    std::string name, qualname, filename;
    int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
    int nlocals = 0;  // plain locals (localsplus starts with them)
    int stacksize = 0;
    uint32_t flags = 0;
    int firstlineno = 1;
};

}  // namespace interleave::python
