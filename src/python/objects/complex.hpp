// complex: a heap object with two doubles, as CPython 3.11's Objects/complexobject.c.
//   ✓ literals (1j), complex(), complex(real, imag), complex('1+2j') parsing, + - * / ** with
//     int/float/complex on either side, abs, conjugate, real/imag, == with int/float, hash, repr
//   ✗ ordering (TypeError as CPython), // % divmod (TypeError as CPython), format specs,
//     __complex__ on user classes, pickling
// Thread-safety: immutable once made; any thread of the interpreter.
#pragma once

#include "python/objects/object.hpp"

namespace interleave::python {

class Heap;
class ThreadState;
class TypeBuilder;

struct Complex : Object {
    double real = 0;
    double imag = 0;
};

extern Type complex_type;

// A new complex; null with MemoryError raised. O(1).
Value new_complex(ThreadState& ts, double real, double imag);
// For constants in a program's heap (code objects): nullptr past the heap's limit.
Complex* new_complex_heap(Heap& h, double real, double imag);
// x ** y for a float base that CPython 3.11 turns complex (negative base, fractional exponent).
Value complex_float_pow(ThreadState& ts, double x, double y);
void setup_complex_type(TypeBuilder& b);

}  // namespace interleave::python
