// The Python language version the interpreter follows (CPython 3.11), for sys.version_info,
// the CLI's banner and error messages that name it.
#include "python/version.hpp"

namespace interleave::python {

const char* language_version() {
    return "3.11";
}

}  // namespace interleave::python
