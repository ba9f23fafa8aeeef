// Names of the exception types that num's errors carry.
#include "python/num/error.hpp"

namespace interleave::python {

const char* exc_type_name(ExcType type) {
    switch (type) {
        case ExcType::none:
            return "";
        case ExcType::ValueError:
            return "ValueError";
        case ExcType::OverflowError:
            return "OverflowError";
        case ExcType::ZeroDivisionError:
            return "ZeroDivisionError";
        case ExcType::TypeError:
            return "TypeError";
        case ExcType::IndexError:
            return "IndexError";
        case ExcType::KeyError:
            return "KeyError";
        case ExcType::MemoryError:
            return "MemoryError";
        case ExcType::interrupted:
            return "interrupted";
        case ExcType::pending:
            return "pending";
    }
    return "";
}

}  // namespace interleave::python
