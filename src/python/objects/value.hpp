// Value: the interpreter's 64-bit NaN-boxed value (PYTHON.md §5; MicroPython's REPR_D shape).
//
//   a double            stored as itself (every NaN is canonicalised to 0x7FF8'0000'0000'0000)
//   0xFFF9 | 48 bits    a small int, signed, in [-2**47, 2**47); larger ints are Int objects
//   0xFFFA | 48 bits    a pointer to an Object (32-bit pointers in wasm, 48-bit natively)
//   0xFFFB | n          specials: null (no value: error status / unbound), None, False, True
//
// A Value is trivially copyable; an aligned 8-byte slot is read and written whole, so a racing
// reader never sees half of one. Values do not own anything: the heap's tracing GC keeps what
// is reachable from roots (see heap.hpp for the rooting rules).
#pragma once

#include <cstdint>
#include <cstring>

namespace interleave::python {

struct Object;

class Value {
  public:
    static constexpr uint64_t kTagShift = 48;
    static constexpr uint64_t kIntTag = 0xFFF9ull << kTagShift;
    static constexpr uint64_t kPtrTag = 0xFFFAull << kTagShift;
    static constexpr uint64_t kSpecialTag = 0xFFFBull << kTagShift;
    static constexpr uint64_t kFirstTag = kIntTag;  // below: a double
    static constexpr uint64_t kCanonicalNaN = 0x7FF8'0000'0000'0000ull;
    static constexpr int64_t kSmallMax = (int64_t(1) << 47) - 1;
    static constexpr int64_t kSmallMin = -(int64_t(1) << 47);

    constexpr Value() : bits_(kSpecialTag) {}  // null

    static constexpr Value null() { return Value(kSpecialTag); }
    static constexpr Value none() { return Value(kSpecialTag | 1); }
    static constexpr Value false_() { return Value(kSpecialTag | 2); }
    static constexpr Value true_() { return Value(kSpecialTag | 3); }
    static constexpr Value boolean(bool b) { return Value(kSpecialTag | (b ? 3 : 2)); }
    static Value from_double(double d) {
        if (__builtin_expect(d != d, 0)) return Value(kCanonicalNaN);
        uint64_t b;
        std::memcpy(&b, &d, 8);
        return Value(b);
    }
    // `i` must be in [kSmallMin, kSmallMax] (see fits_small).
    static constexpr Value from_small(int64_t i) {
        return Value(kIntTag | (static_cast<uint64_t>(i) & 0xFFFF'FFFF'FFFFull));
    }
    static constexpr bool fits_small(int64_t i) { return i >= kSmallMin && i <= kSmallMax; }
    static Value from_ptr(const Object* p) {
        return Value(kPtrTag | static_cast<uint64_t>(reinterpret_cast<uintptr_t>(p)));
    }
    static constexpr Value from_bits(uint64_t b) { return Value(b); }

    constexpr uint64_t bits() const { return bits_; }
    constexpr bool is_null() const { return bits_ == kSpecialTag; }
    constexpr bool is_none() const { return bits_ == (kSpecialTag | 1); }
    constexpr bool is_bool() const { return (bits_ & ~1ull) == (kSpecialTag | 2); }
    constexpr bool is_true() const { return bits_ == (kSpecialTag | 3); }
    constexpr bool is_false() const { return bits_ == (kSpecialTag | 2); }
    constexpr bool is_double() const { return bits_ < kFirstTag; }
    constexpr bool is_small() const { return (bits_ >> kTagShift) == 0xFFF9; }
    constexpr bool is_ptr() const { return (bits_ >> kTagShift) == 0xFFFA; }
    constexpr bool is_special() const { return (bits_ >> kTagShift) == 0xFFFB; }

    double as_double() const {
        double d;
        std::memcpy(&d, &bits_, 8);
        return d;
    }
    constexpr int64_t as_small() const { return static_cast<int64_t>(bits_ << 16) >> 16; }
    Object* as_ptr() const {
        return reinterpret_cast<Object*>(static_cast<uintptr_t>(bits_ & 0xFFFF'FFFF'FFFFull));
    }
    template <class T>
    T* as() const {
        return static_cast<T*>(as_ptr());
    }

    constexpr bool operator==(Value o) const { return bits_ == o.bits_; }  // identity (`is`)
    constexpr bool operator!=(Value o) const { return bits_ != o.bits_; }

  private:
    constexpr explicit Value(uint64_t b) : bits_(b) {}
    uint64_t bits_;
};
static_assert(sizeof(Value) == 8);

}  // namespace interleave::python
