// Every module the interpreter offers (one line each; see module_def.hpp).
#include "python/modules/asyncio_modules.hpp"
#include "python/modules/module_def.hpp"

namespace interleave::python {

bool init_sys(ThreadState& ts, Module* m);
bool init_time(ThreadState& ts, Module* m);
bool init_math(ThreadState& ts, Module* m);

std::span<const ModuleDef> native_modules() {
    static const ModuleDef kModules[] = {
        {"sys", init_sys},
        {"time", init_time},
        {"math", init_math},
        INTERLEAVE_ASYNCIO_MODULES
    };
    return kModules;
}

}  // namespace interleave::python
