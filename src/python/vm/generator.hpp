// Generators and coroutines own their frame (embedded, as CPython 3.11's gi_iframe); next(),
// send(), FOR_ITER and SEND link it into the running thread's frame chain.
#pragma once

#include "python/objects/api.hpp"
#include "python/vm/frame.hpp"
#include "python/vm/state.hpp"

namespace interleave::python {

enum class GenState : uint8_t { created, suspended, running, finished };

struct Generator : Object {
    Str* name = nullptr;
    Str* qualname = nullptr;
    GenState state = GenState::created;
    bool hooks_done = false;
    Value exc_state;      // the exception its frame is handling while suspended
    Value prev_exc_info;  // the resumer's, restored when it yields or ends
    Value awaiting;       // coroutine origin / async-gen wrapper bookkeeping
    // Coroutines: the code and line that created it (for the "never awaited" warning).
    const Code* origin = nullptr;
    int origin_line = 0;
    Frame frame;  // followed by the rest of the frame's localsplus

    bool is_coroutine() const;
};

// A generator/coroutine for `f`'s code with arguments bound (the frame is not run yet).
Generator* new_generator(ThreadState& ts, Function* f, size_t frame_bytes);
// Resumes `gen` with `value` (or raising `exc` in it when not null). Returns the yielded or
// returned value; *returned tells which. null: raised (StopIteration is not raised here: a
// return is reported through *returned).
Value gen_send(ThreadState& ts, Generator* gen, Value value, bool* returned);
Value gen_throw(ThreadState& ts, Generator* gen, Value exc);
// gen.close(): raises GeneratorExit in it; true on success.
bool gen_close(ThreadState& ts, Generator* gen);
void trace_frame(Frame* f, GcVisitor& v);

}  // namespace interleave::python
