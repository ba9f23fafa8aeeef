// hash() exactly as CPython 3.11 run with PYTHONHASHSEED=0 (the conformance harness runs
// python3 that way, so that set and dict-of-set orders match ours): Python/pyhash.c,
// Objects/tupleobject.c, Objects/setobject.c, Objects/complexobject.c.
//
// ✓ str: SipHash-1-3 (3.11's default, Py_HASH_CUTOFF 0) keyed with zeros (the secret that
//   PYTHONHASHSEED=0 gives) over PEP 393's canonical form: 1 byte per code point if all are
//   < 256, else 2 bytes (UCS-2) if all < 65536, else 4 (UCS-4), little-endian. "" -> 0.
// ✓ bytes: the same over the bytes. -1 -> -2 everywhere.
// ✓ int (int_ops.hpp hash_int64, BigInt::hash), float (float_ops.hpp hash_double), tuple
//   (xxHash-style since 3.8), frozenset, complex, bool (== int), None/objects (by id)
// How the VM hashes what is not here:
//   - None, functions, classes, instances without __hash__ and NaN floats: hash_pointer(id)
//     (object.__hash__ is _Py_HashPointer(self) in 3.11; None became a constant only in 3.12).
//     Give objects ids from a deterministic per-process counter, spaced by 16 like CPython's
//     aligned addresses (e.g. base + 16 * n), so hash_pointer() yields small consecutive
//     values and runs repeat exactly. Sets of such objects still order differently from
//     CPython (its ids are real addresses), so tests compare those as multisets.
//   - True/False hash as 1/0; a class's __hash__ returning a huge int is reduced with
//     BigInt::hash (as CPython does with the returned int); -1 -> -2.
// Any thread; pure functions. Costs: O(n) in the bytes hashed, ~1 ns/byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace interleave::python {

// SipHash-1-3 with CPython's finalisation, keyed (k0, k1). Raw: no 0-for-empty, no -1 fix.
uint64_t siphash13(uint64_t k0, uint64_t k1, const void* data, size_t len);

// _Py_HashBytes with the zero key: "" -> 0, -1 -> -2.
int64_t hash_bytes(std::string_view bytes);
// hash(str) for UTF-8 text (valid): the canonical PEP 393 bytes hashed as above. ASCII and
// Latin-1 texts need no copy beyond a small buffer; others are widened in 256-code-point
// chunks.
int64_t hash_str(std::string_view utf8);

// hash(tuple) from its items' hashes (tuplehash).
int64_t hash_tuple(const int64_t* item_hashes, size_t n);
// hash(frozenset) from its items' hashes, any order (frozenset_hash).
int64_t hash_frozenset(const int64_t* item_hashes, size_t n);
// hash(complex(re, im)): hash(re) + 1000003 * hash(im), -1 -> -2. (NaN parts hash by the
// complex object's id, as _Py_HashDouble(v, ...) does: pass it.)
int64_t hash_complex(double re, double im, uint64_t object_id = 0);

}  // namespace interleave::python
