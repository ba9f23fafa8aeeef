// multiprocessing's shared objects as Python values: one native type `_mp.Handle` wrapping a
// C++ object shared by every simulated process that holds it (a channel, a process, a lock,
// shared memory). The pickler sends a handle as a persistent id into Pickled::handles, so a
// child or a queue's receiver gets the very same C++ object (PYTHON.md §9: "Queues, Pipes,
// Lock, Value/Array and Manager proxies travel as handles").
//
// Thread-safety: a Handle is an ordinary heap object of one interpreter; the object it points
// to is shared across processes and does its own locking. Lifetime: shared_ptr; the heap's
// finaliser drops this process's reference.
#pragma once

#include <memory>

#include "python/objects/api.hpp"
#include "python/vm/state.hpp"

namespace interleave::python {

struct MpShared {
    virtual ~MpShared() = default;
    virtual const char* kind() const = 0;  // for messages: "Channel", "Process", "Lock", ...
};

extern Type mp_handle_type;
void setup_mp_types(TypeBuilder& b);

bool is_mp_handle(Value v);
const char* mp_handle_kind(Value v);
std::shared_ptr<void> mp_handle_ptr(Value v);  // as stored in Pickled::handles
// A new handle of this interpreter on a shared object (from Pickled::handles). null + raised.
Value new_mp_handle_void(ThreadState& ts, const std::shared_ptr<void>& obj);
Value new_mp_handle(ThreadState& ts, std::shared_ptr<MpShared> obj);
// The shared object of a handle, or nullptr with TypeError raised (`fn` names the caller).
MpShared* mp_shared(ThreadState& ts, Value v, const char* fn);

}  // namespace interleave::python
