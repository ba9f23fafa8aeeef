// Internal to the object model: finishing builtin types after every setup_* hook ran.
#pragma once

#include "python/objects/types.hpp"

namespace interleave::python {

// Inherits unset slots from bases, computes MROs and exposes slots as dunder methods
// (int.__add__, object.__init__, ...) on every builtin type.
void finish_builtin_types(TypeBuilder& b);
// Slots of heap classes: fills `t`'s slots from its dunder methods (and inherits the rest).
void fixup_heap_type_slots(Type* t);

}  // namespace interleave::python
