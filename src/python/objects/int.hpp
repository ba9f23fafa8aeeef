// int beyond the small ints of the NaN box: an Int object boxing pynum's BigInt.
#pragma once

#include "python/num/bigint.hpp"
#include "python/objects/api.hpp"

namespace interleave::python {

struct Int : Object {
    BigInt value;
};

// The value as a BigInt (small ints and bools converted). v must be an int.
BigInt to_bigint(Value v);
// A small int if it fits, else an Int object. null + MemoryError if the heap is full.
Value int_from_bigint(ThreadState& ts, BigInt b);
Value int_from_bigint_heap(Heap& h, BigInt b);  // program constants
// Raises the num error (or the stopped status) and returns null.
Value raise_num_error(ThreadState& ts, const Error& e);
// v as an exact int (a subclass instance or bool becomes a plain int; int.__index__).
Value int_index(ThreadState& ts, Value v);

}  // namespace interleave::python
