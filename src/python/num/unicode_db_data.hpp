// The generated tables behind unicode_db.hpp (unicode_db_props.cpp and unicode_db_case.cpp,
// made by gen_unicode_db.py).
// Internal to src/python/num.
#pragma once

#include <cstdint>

namespace interleave::python::detail {

// Code points start, start + stride, ... (count of them) map to c + delta.
struct CaseRange {
    uint32_t start;
    uint16_t count;
    uint8_t stride;
    int32_t delta;
};
// A mapping to two or three code points (unused slots are 0).
struct CaseSpecial {
    uint32_t cp;
    uint32_t out[3];
};

extern const uint32_t kFlagRunStart[];
extern const uint16_t kFlagRunFlags[];
extern const uint32_t kFlagRunCount;
extern const uint16_t kLatin1Flags[256];
extern const uint32_t kDecimalStart[];
extern const uint32_t kDecimalCount;

extern const CaseRange kLowerRanges[];
extern const uint32_t kLowerRangeCount;
extern const CaseSpecial kLowerSpecials[];
extern const uint32_t kLowerSpecialCount;
extern const CaseRange kUpperRanges[];
extern const uint32_t kUpperRangeCount;
extern const CaseSpecial kUpperSpecials[];
extern const uint32_t kUpperSpecialCount;
extern const CaseRange kTitleRanges[];
extern const uint32_t kTitleRangeCount;
extern const CaseSpecial kTitleSpecials[];
extern const uint32_t kTitleSpecialCount;
extern const CaseRange kFoldRanges[];
extern const uint32_t kFoldRangeCount;
extern const CaseSpecial kFoldSpecials[];
extern const uint32_t kFoldSpecialCount;

}  // namespace interleave::python::detail
