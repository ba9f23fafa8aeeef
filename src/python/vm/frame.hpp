// Frames: the activation records of Python code (CPython 3.11's _PyInterpreterFrame shape).
//
// A frame is {code, function, globals, builtins, locals mapping, back link, saved ip and stack
// pointer} followed by `localsplus`: the fast locals, cells, free variables, then the value
// stack. Function frames live on their thread's FrameArena (LIFO); a generator's or
// coroutine's frame lives inside the generator object and is linked into the thread's chain
// while it runs. A Python→Python call pushes a frame and stays in the same eval loop.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "python/objects/core.hpp"

namespace interleave::python {

struct Generator;

enum FrameFlags : uint8_t {
    kFrameEntry = 1,       // when it returns or yields, the eval loop returns to its C++ caller
    kFrameOnArena = 2,     // popped from the FrameArena when it ends
    kFrameInit = 4,        // an __init__ called by a class call: returns `self`, checks None
    kFrameGenResume = 8,   // a generator frame resumed inline by FOR_ITER/SEND in its `back`
};

struct Frame {
    const Code* code = nullptr;
    Function* func = nullptr;
    Dict* globals = nullptr;
    Dict* builtins = nullptr;
    Value locals;  // the mapping of a module or class body, else null
    Frame* back = nullptr;
    const uint16_t* ip = nullptr;  // next instruction to run (saved when the frame is left)
    Value* sp = nullptr;           // value stack top (saved when the frame is left)
    Generator* gen = nullptr;      // owning generator, if any
    uint8_t flags = 0;
    uint32_t nlocalsplus = 0;
    uint32_t size = 0;  // bytes of this frame (arena bookkeeping)
    Value localsplus[1];

    Value* stack_base() { return localsplus + nlocalsplus; }
};

// Bytes a frame for `code` needs.
size_t frame_size(const Code* code);

// A thread's stack of function frames: chunks of memory handed out LIFO.
class FrameArena {
  public:
    FrameArena() = default;
    ~FrameArena();
    FrameArena(const FrameArena&) = delete;
    FrameArena& operator=(const FrameArena&) = delete;

    // Memory for a frame of `bytes`; nullptr only if the system is out of memory.
    Frame* push(size_t bytes) {
        if (top_ + bytes <= limit_) [[likely]] {
            auto* f = reinterpret_cast<Frame*>(top_);
            top_ += bytes;
            return f;
        }
        return push_slow(bytes);
    }
    // Pops `f` (the most recent push).
    void pop(Frame* f) {
        char* p = reinterpret_cast<char*>(f);
        if (p >= chunk_base_ && p < limit_) [[likely]] {
            top_ = p;
            return;
        }
        pop_slow(f);
    }

  private:
    Frame* push_slow(size_t bytes);
    void pop_slow(Frame* f);
    struct Chunk {
        std::unique_ptr<char[]> mem;
        size_t size;
    };
    std::vector<Chunk> chunks_;
    size_t current_ = 0;  // index of the chunk top_ is in
    char* chunk_base_ = nullptr;
    char* top_ = nullptr;
    char* limit_ = nullptr;
};

}  // namespace interleave::python
