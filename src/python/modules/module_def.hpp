// How a module is defined (for engineers adding modules: one file per module, one line in
// modules/registry.cpp).
//
//   // modules/mymod.cpp
//   static Value mymod_f(ThreadState& ts, const Value* args, size_t n, Tuple* kw) {...}
//   static const MethodDef kFunctions[] = {{"f", mymod_f}};
//   bool init_mymod(ThreadState& ts, Module* m) {
//       return add_functions(ts, m, kFunctions) && add_value(ts, m, "VERSION", ...);
//   }
//   // registry.cpp: {"mymod", init_mymod, nullptr},
//
// A module may instead (or also) be Python source compiled at first import (`source`), e.g. a
// prelude for asyncio; its init then runs first and the source runs in the module's dict.
// init runs once per interpreter (simulated process) at the first import, on the importing
// thread; state goes in the module's dict (or objects it holds), never in C++ globals.
#pragma once

#include <span>
#include <string_view>

#include "python/objects/api.hpp"
#include "python/vm/state.hpp"

namespace interleave::python {

struct ModuleDef {
    const char* name;
    bool (*init)(ThreadState& ts, Module* m);  // may be null
    const char* source = nullptr;              // Python source run after init, or null
};

// Every module the interpreter offers beyond builtins.
std::span<const ModuleDef> native_modules();

// Helpers for init functions.
bool add_functions(ThreadState& ts, Module* m, std::span<const MethodDef> defs);
bool add_value(ThreadState& ts, Module* m, std::string_view name, Value v);
bool add_type(ThreadState& ts, Module* m, Type* t);

// os._exit's end (os.cpp): the simulated process ends at once with status & 0xFF, no handler
// or finally runs, its other threads stop, the unfinished output line is dropped. Returns
// null with the thread unwinding (raise_stopped).
Value end_process_now(ThreadState& ts, int status);

}  // namespace interleave::python
