// Assembly: labels to offsets, jump directions, EXTENDED_ARG, the exception table (handler
// stacks propagated along control flow, as CPython 3.11's label_exception_targets), stack
// depth and the per-unit position table.
#pragma once

#include "python/compiler/codegen.hpp"

namespace interleave::python {

void assemble(Unit& unit);
// Net stack effect of an instruction (jump: whether the jump is taken).
int stack_effect(int op, int arg, bool jump);

}  // namespace interleave::python
