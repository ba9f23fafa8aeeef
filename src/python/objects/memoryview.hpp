// memoryview (memoryview.cpp): one-dimensional views of bytes and bytearray in any native
// single-character format, as CPython 3.11's Objects/memoryobject.c; what it offers is listed
// in memoryview.cpp. A view of a bytearray holds one of its exports until released.
// Thread-safety: any thread of the interpreter; a view of a shared bytearray reads and writes
// it under the bytearray's lock.
#pragma once

#include <string>

#include "python/objects/object.hpp"

namespace interleave::python {

class TypeBuilder;

extern Type memoryview_type;

// The bytes a view shows (its items' bytes, in order), copied into *out (the buffer protocol's
// reader for bytes(view), b"".join, the bytes methods: read_bytes). false if v is no memoryview, is
// released, or views a bytearray that has shrunk under it. Never raises. O(len).
bool memoryview_bytes(Value v, std::string* out);
// Gives back the export of a view that can no longer be reached (the eval loop's
// memoryview(b)[i], ThreadState::temp_view), as CPython frees it at that point; nothing for
// other values. O(1).
void memoryview_drop_temporary(Value v);
void setup_memoryview_type(TypeBuilder& b);

}  // namespace interleave::python
