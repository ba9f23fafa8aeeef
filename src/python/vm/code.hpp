// Code objects: immutable compiled code, shared by every thread and process of a program.
// They live (with their constants) on the program's immortal heap and are never collected.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "python/compiler/code_unit.hpp"
#include "python/objects/core.hpp"
#include "python/objects/heap.hpp"

namespace interleave::python {

struct Code : Object {
    std::vector<uint16_t> code;
    std::vector<Position> positions;
    std::vector<Value> consts;
    std::vector<Str*> names;
    std::vector<Str*> localsplusnames;
    std::vector<uint8_t> localspluskinds;
    std::vector<ExceptionEntry> exceptiontable;
    std::vector<int32_t> cell2arg;  // per cell: index of the argument it starts with, or -1
    Str* name = nullptr;
    Str* qualname = nullptr;
    Str* filename = nullptr;
    int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
    int nlocals = 0, ncells = 0, nfrees = 0, nlocalsplus = 0;
    int stacksize = 0;
    uint32_t flags = 0;
    int firstlineno = 1;
    size_t frame_bytes = 0;
    int total_args = 0;  // argcount + kwonly + (varargs) + (varkw)

    // The position of the instruction at code-unit offset `offset`.
    Position position(int offset) const {
        if (offset < 0 || size_t(offset) >= positions.size()) return {};
        return positions[size_t(offset)];
    }
};

// A compiled program: its code objects and constants on an immortal heap.
struct Program {
    Program() : heap(0, /*immortal=*/true) {}
    Heap heap;
    Code* main = nullptr;
    std::string filename;
    std::string source;
    std::vector<std::string> lines;  // source lines for tracebacks
    // The compiler's SyntaxWarnings as CPython's warnings module prints them
    // ("file:N: SyntaxWarning: msg" and the stripped source line), written to stderr at start.
    std::string warnings_text;
};

// Builds Code objects for `unit` and its nested code on `program`'s heap.
Code* materialize_code(Program& program, const CodeUnit& unit);

}  // namespace interleave::python
