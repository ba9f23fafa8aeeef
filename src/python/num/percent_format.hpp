// printf-style str formatting, `format % args`, as CPython 3.11's PyUnicode_Format
// (Objects/unicodeobject.c): flags - + space # 0, width and precision (digits or '*'),
// length modifiers h l L (ignored), conversions d i u o x X e E f F g G c s r a %, and
// %(key)s mapping keys. The VM supplies the arguments through PercentArgs.
//
// ✓ outputs byte for byte, including the quirks: '%05s' pads with spaces, '%#05x' -> 0x0ff,
//   '%.5d' -> zero-filled digits, a negative '*' width left-aligns, after %(key) the mapping
//   value is the only argument left ('%(a)*d' fails), a dict operand with plain %s is the dict
// ✓ error texts: "not enough arguments for format string", "not all arguments converted during
//   string formatting", "%d format: a real number is required, not str", "%x format: an integer
//   is required, not float", "must be real number, not str", "unsupported format character 'y'
//   (0x79) at index 1" (index in code points), "incomplete format", "incomplete format key",
//   "format requires a mapping", "* wants int", "%c requires int or char", "%c arg not in
//   range(0x110000)", and the int digit limit of str()
// ✓ bytes % args (_PyBytes_FormatEx, Objects/bytesobject.c) through percent_format_bytes: the
//   format and the result are raw bytes (an index counts bytes), %s/%b take bytes-like objects
//   or __bytes__, %r/%a give ascii(), %c takes an int in range(256) or one byte, %(key) looks
//   up a bytes key, and its own texts ("not all arguments converted during bytes formatting",
//   "float argument required, not str", "%b requires a bytes-like object, or an object that
//   implements __bytes__, not 'str'", "%c requires an integer in range(256) or a single byte",
//   "%c arg not in range(256)", "prec too big")
// ✗ bytes: a __float__ that raises is reported as raised (CPython replaces it with its
//   "float argument required" TypeError)
//
// Thread-safety: one call on one thread; the callbacks run on that thread. Cost O(output).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "python/num/bigint.hpp"
#include "python/num/error.hpp"

namespace interleave::python {

// What the formatter knows about one argument without calling back into the VM.
enum class PercentKind : uint8_t {
    int_,    // exactly int: small, or big when big != nullptr
    bool_,   // True/False: small is 0/1; str() gives "True"/"False", %d gives 1
    float_,  // exactly float: f
    str,     // exactly str: text (UTF-8)
    bytes,   // bytes or bytearray (bytes formatting only): its data through bytes_of()
    other,   // anything else: the callbacks below do the work
};

struct PercentValue {
    PercentKind kind = PercentKind::other;
    std::string_view type_name;  // "list", "NoneType", ... for the TypeError texts
    bool is_number = false;      // other: PyNumber_Check (__index__, __int__ or __float__)
    int64_t small = 0;
    const BigInt* big = nullptr;
    double f = 0;
    std::string_view text;
};

// The right operand of %, as the VM sees it. Slots: 0..n-1 are tuple items, kOperand the
// operand itself (when it is not a tuple), kLookedUp the value of the last %(key) lookup.
class PercentArgs {
  public:
    static constexpr int64_t kOperand = -1;
    static constexpr int64_t kLookedUp = -2;

    virtual ~PercentArgs() = default;
    // Items in the tuple operand, or -1 when the operand is not a tuple.
    virtual int64_t tuple_length() const = 0;
    // PyMapping_Check(operand) and not a tuple or str: %(key) is allowed.
    virtual bool is_mapping() const = 0;
    virtual PercentValue value(int64_t slot) = 0;
    // operand[key] with key a str -> slot kLookedUp. false: the VM holds the exception (KeyError).
    virtual bool lookup(std::string_view key) = 0;
    // str()/repr()/ascii() of the slot (how = 's', 'r', 'a') as UTF-8, for PercentKind::other.
    // false: the VM holds the exception.
    virtual bool convert(int64_t slot, char how, std::string* out) = 0;
    // For PercentKind::other with is_number: __index__ (index_only, for %o %x %X %c) or int()'s
    // protocol (%d %i %u); *type_error = true (and false returned) when the object has no such
    // method (the formatter raises its own TypeError text); otherwise false means pending.
    virtual bool to_int(int64_t slot, bool index_only, BigInt* out, bool* type_error) = 0;
    // float(x) via __float__/__index__ for PercentKind::other; same failure convention.
    virtual bool to_float(int64_t slot, double* out, bool* type_error) = 0;
    // Drops the exception a failed conversion left pending (the formatter raises its own).
    virtual void discard_pending() {}
    // Bytes formatting's %s/%b/%c: the slot's bytes (bytes, bytearray, __bytes__, a buffer);
    // *type_error = true (and false returned) when it has none; otherwise false means pending.
    virtual bool bytes_of(int64_t, std::string*, bool* type_error) {
        *type_error = true;
        return false;
    }
};

// format % args. max_str_digits: sys.get_int_max_str_digits() for %d/%s of ints.
Result<std::string> percent_format(std::string_view format, PercentArgs& args,
                                   int max_str_digits = kDefaultMaxStrDigits);
// bytes % args: format and result are raw bytes. lookup() receives the raw key bytes.
Result<std::string> percent_format_bytes(std::string_view format, PercentArgs& args,
                                         int max_str_digits = kDefaultMaxStrDigits);

}  // namespace interleave::python
