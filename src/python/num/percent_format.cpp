// printf-style formatting (CPython 3.11's PyUnicode_Format and its helpers in
// Objects/unicodeobject.c), step for step so that the error order matches too.
#include "python/num/percent_format.hpp"

#include <climits>
#include <cstdio>

#include "python/num/float_format.hpp"
#include "python/num/format_spec.hpp"
#include "python/num/str_repr.hpp"
#include "python/num/utf8.hpp"

namespace interleave::python {

namespace {

enum Flag : int { kLjust = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16 };

struct Arg {
    char32_t ch = 0;
    int flags = 0;
    int64_t width = -1;
    int64_t prec = -1;
    bool sign = false;
};

Error type_error(std::string msg) {
    return make_error(ExcType::TypeError, std::move(msg));
}

Error pending() {
    return make_error(ExcType::pending, "");
}

class Formatter {
  public:
    Formatter(std::string_view fmt, PercentArgs& args, int max_str_digits, bool bytes)
        : args_(args), max_digits_(max_str_digits), bytes_(bytes) {
        if (bytes) {
            for (unsigned char c : fmt) fmt_.push_back(c);
        } else {
            for (const char* p = fmt.data(); p < fmt.data() + fmt.size();)
                fmt_.push_back(utf8_decode(p));
        }
        const int64_t n = args.tuple_length();
        if (n >= 0) {
            arglen_ = n;
            argidx_ = 0;
        }
        dict_ = args.is_mapping();
    }

    Result<std::string> run() {
        fmtcnt_ = static_cast<int64_t>(fmt_.size());
        while (--fmtcnt_ >= 0) {
            if (at(fmtpos_) != '%') {
                const int64_t start = fmtpos_++;
                while (fmtcnt_ >= 0 && at(fmtpos_) != '%') {
                    ++fmtpos_;
                    --fmtcnt_;
                }
                if (fmtcnt_ < 0) --fmtpos_;
                for (int64_t i = start; i < fmtpos_; ++i) put(fmt_[static_cast<size_t>(i)]);
            } else {
                ++fmtpos_;
                Error e = format_arg();
                if (e) return e;
            }
        }
        if (argidx_ < arglen_ && !dict_) {
            return not_all_converted();
        }
        return std::move(out_);
    }

  private:
    // One code point of the output: UTF-8 for str, the byte itself for bytes.
    void put(char32_t c) {
        if (bytes_) {
            out_.push_back(static_cast<char>(c));
        } else {
            utf8_append(out_, c);
        }
    }
    Error not_all_converted() const {
        return type_error(bytes_ ? "not all arguments converted during bytes formatting"
                                 : "not all arguments converted during string formatting");
    }

    char32_t at(int64_t i) const {
        return i < static_cast<int64_t>(fmt_.size()) ? fmt_[static_cast<size_t>(i)] : 0;
    }
    char32_t read() { return at(fmtpos_++); }

    // unicode_format_getnextarg
    Result<int64_t> next_arg() {
        if (argidx_ < arglen_) {
            const int64_t i = argidx_++;
            return arglen_ < 0 ? current_ : i;
        }
        return type_error("not enough arguments for format string");
    }

    // '*' width or precision: an int argument.
    Error star_value(int64_t* out, bool is_width) {
        Result<int64_t> slot = next_arg();
        if (!slot) return slot.error;
        const PercentValue v = args_.value(slot.value);
        if (v.kind != PercentKind::int_ && v.kind != PercentKind::bool_)
            return type_error("* wants int");
        int64_t x = v.small;
        const bool fits = v.big == nullptr || v.big->to_int64(&x);
        if (!fits || x == INT64_MIN || (!is_width && (x > INT_MAX || x < INT_MIN))) {
            return make_error(ExcType::OverflowError,
                              is_width ? "Python int too large to convert to C ssize_t"
                                       : "Python int too large to convert to C int");
        }
        *out = x;
        return {};
    }

    Error parse(Arg& arg) {
        if (arg.ch == '(') {
            if (!dict_) return type_error("format requires a mapping");
            ++fmtpos_;
            --fmtcnt_;
            const int64_t keystart = fmtpos_;
            int pcount = 1;
            while (pcount > 0 && --fmtcnt_ >= 0) {
                arg.ch = read();
                if (arg.ch == ')') {
                    --pcount;
                } else if (arg.ch == '(') {
                    ++pcount;
                }
            }
            const int64_t keylen = fmtpos_ - keystart - 1;
            if (fmtcnt_ < 0 || pcount > 0)
                return make_error(ExcType::ValueError, "incomplete format key");
            std::string key;
            for (int64_t i = keystart; i < keystart + keylen; ++i) {
                if (bytes_) {
                    key.push_back(static_cast<char>(fmt_[static_cast<size_t>(i)]));
                } else {
                    utf8_append(key, fmt_[static_cast<size_t>(i)]);
                }
            }
            if (!args_.lookup(key)) return pending();
            current_ = PercentArgs::kLookedUp;
            arglen_ = -1;
            argidx_ = -2;
        }
        while (--fmtcnt_ >= 0) {
            arg.ch = read();
            int flag = 0;
            switch (arg.ch) {
                case '-':
                    flag = kLjust;
                    break;
                case '+':
                    flag = kSign;
                    break;
                case ' ':
                    flag = kBlank;
                    break;
                case '#':
                    flag = kAlt;
                    break;
                case '0':
                    flag = kZero;
                    break;
                default:
                    break;
            }
            if (flag == 0) break;
            arg.flags |= flag;
        }
        if (arg.ch == '*') {
            Error e = star_value(&arg.width, true);
            if (e) return e;
            if (arg.width < 0) {
                arg.flags |= kLjust;
                arg.width = -arg.width;
            }
            if (--fmtcnt_ >= 0) arg.ch = read();
        } else if (arg.ch >= '0' && arg.ch <= '9') {
            arg.width = arg.ch - '0';
            while (--fmtcnt_ >= 0) {
                arg.ch = read();
                if (arg.ch < '0' || arg.ch > '9') break;
                const int d = static_cast<int>(arg.ch - '0');
                if (arg.width > (INT64_MAX - d) / 10)
                    return make_error(ExcType::ValueError, "width too big");
                arg.width = arg.width * 10 + d;
            }
        }
        if (arg.ch == '.') {
            arg.prec = 0;
            if (--fmtcnt_ >= 0) arg.ch = read();
            if (arg.ch == '*') {
                Error e = star_value(&arg.prec, false);
                if (e) return e;
                if (arg.prec < 0) arg.prec = 0;
                if (--fmtcnt_ >= 0) arg.ch = read();
            } else if (arg.ch >= '0' && arg.ch <= '9') {
                arg.prec = arg.ch - '0';
                while (--fmtcnt_ >= 0) {
                    arg.ch = read();
                    if (arg.ch < '0' || arg.ch > '9') break;
                    const int d = static_cast<int>(arg.ch - '0');
                    if (arg.prec > (INT_MAX - d) / 10) {
                        return make_error(ExcType::ValueError,
                                          bytes_ ? "prec too big" : "precision too big");
                    }
                    arg.prec = arg.prec * 10 + d;
                }
            }
        }
        if (fmtcnt_ >= 0 && (arg.ch == 'h' || arg.ch == 'l' || arg.ch == 'L')) {
            if (--fmtcnt_ >= 0) arg.ch = read();
        }
        if (fmtcnt_ < 0) return make_error(ExcType::ValueError, "incomplete format");
        if (arg.width > kMaxFormatWidth || arg.prec > kMaxFormatWidth)
            return make_error(ExcType::MemoryError, "");
        return {};
    }

    // str()/repr()/ascii() of an argument.
    Error text_of(int64_t slot, const PercentValue& v, char how, std::string* s) {
        switch (v.kind) {
            case PercentKind::str:
                *s = how == 's' ? std::string(v.text)
                                : (how == 'r' ? repr_str(v.text) : ascii_str(v.text));
                return {};
            case PercentKind::bool_:
                *s = v.small ? "True" : "False";
                return {};
            case PercentKind::float_:
                *s = float_repr(v.f);
                return {};
            case PercentKind::int_: {
                Result<std::string> r = v.big ? v.big->to_decimal(max_digits_)
                                              : BigInt::from_int64(v.small).to_decimal(max_digits_);
                if (!r) return r.error;
                *s = std::move(r.value);
                return {};
            }
            case PercentKind::bytes:
            case PercentKind::other:
                break;
        }
        return args_.convert(slot, how, s) ? Error{} : pending();
    }

    // mainformatlong + _PyUnicode_FormatLong.
    Error format_long(int64_t slot, const PercentValue& v, Arg& arg, std::string* s) {
        const char type = static_cast<char>(arg.ch);
        const bool index_only = type == 'o' || type == 'x' || type == 'X';
        auto wrong_type = [&]() {
            char buf[300];
            std::snprintf(buf, sizeof buf, "%%%c format: %s is required, not %.200s", type,
                          index_only ? "an integer" : "a real number",
                          std::string(v.type_name).c_str());
            return type_error(buf);
        };
        BigInt value;
        switch (v.kind) {
            case PercentKind::int_:
                value = v.big ? *v.big : BigInt::from_int64(v.small);
                break;
            case PercentKind::bool_:
                value = BigInt::from_int64(v.small);
                break;
            case PercentKind::float_: {
                if (index_only) return wrong_type();
                Result<BigInt> r = BigInt::from_double(v.f);
                if (!r) return r.error;
                value = std::move(r.value);
                break;
            }
            case PercentKind::str:
            case PercentKind::bytes:
                return wrong_type();
            case PercentKind::other: {
                if (!v.is_number) return wrong_type();
                bool type_err = false;
                if (!args_.to_int(slot, index_only, &value, &type_err))
                    return type_err ? wrong_type() : pending();
                break;
            }
        }
        if (arg.prec > INT_MAX - 3)
            return make_error(ExcType::OverflowError, "precision too large");
        std::string digits;
        if (type == 'o' || type == 'x' || type == 'X') {
            digits = value.magnitude_digits(type == 'o' ? 8 : 16);
        } else {
            Result<std::string> r = value.to_decimal(max_digits_);
            if (!r) return r.error;
            digits = value.is_negative() ? r.value.substr(1) : std::move(r.value);
        }
        std::string lead = value.is_negative() ? "-" : "";
        if ((arg.flags & kAlt) && index_only) lead += type == 'o' ? "0o" : "0x";
        if (arg.prec > static_cast<int64_t>(digits.size())) {
            digits.insert(0, static_cast<size_t>(arg.prec) - digits.size(), '0');
        }
        *s = lead + digits;
        if (type == 'X') {
            for (char& c : *s) {
                if (c >= 'a' && c <= 'x') c = static_cast<char>(c - ('a' - 'A'));
            }
        }
        arg.sign = true;
        return {};
    }

    Error format_float(int64_t slot, const PercentValue& v, Arg& arg, std::string* s) {
        double x = 0;
        auto wrong_type = [&]() {
            if (bytes_)
                return type_error("float argument required, not " + std::string(v.type_name));
            return type_error("must be real number, not " + std::string(v.type_name.substr(0, 50)));
        };
        switch (v.kind) {
            case PercentKind::float_:
                x = v.f;
                break;
            case PercentKind::bool_:
                x = static_cast<double>(v.small);
                break;
            case PercentKind::int_: {
                Result<double> r =
                    v.big ? v.big->to_double() : BigInt::from_int64(v.small).to_double();
                if (!r) return r.error;
                x = r.value;
                break;
            }
            case PercentKind::str:
            case PercentKind::bytes:
                return wrong_type();
            case PercentKind::other: {
                bool type_err = false;
                if (!v.is_number) return wrong_type();
                if (!args_.to_float(slot, &x, &type_err)) {
                    if (type_err) return wrong_type();
                    if (!bytes_) return pending();
                    // bytes' formatfloat replaces whatever __float__ raised with its TypeError
                    args_.discard_pending();
                    return wrong_type();
                }
                break;
            }
        }
        const int prec = arg.prec < 0 ? 6 : static_cast<int>(arg.prec);
        *s = double_to_string(x, static_cast<char>(arg.ch), prec,
                              (arg.flags & kAlt) ? dtsf::alt : 0);
        arg.sign = true;
        return {};
    }

    // %c's integer argument (an int, a bool or an object with __index__) in [0, limit], shared
    // by str's %c (limit 0x10FFFF) and bytes' (255): `bad` when it is no integer, `range`
    // when it is out of range, pending() when its __index__ raised.
    Error char_code(int64_t slot, const PercentValue& v, int64_t limit, const Error& bad,
                    const Error& range, int64_t* out) {
        int64_t x = 0;
        switch (v.kind) {
            case PercentKind::int_:
            case PercentKind::bool_:
                x = v.small;
                if (v.big != nullptr && !v.big->to_int64(&x)) return range;
                break;
            case PercentKind::other: {
                BigInt value;
                bool type_err = false;
                if (!args_.to_int(slot, true, &value, &type_err)) return type_err ? bad : pending();
                if (!value.to_int64(&x)) return range;
                break;
            }
            default:
                return bad;
        }
        if (x < 0 || x > limit) return range;
        *out = x;
        return {};
    }

    Error format_char(int64_t slot, const PercentValue& v, std::string* s) {
        const Error bad = type_error("%c requires int or char");
        if (v.kind == PercentKind::str) {
            if (utf8_length(v.text) != 1) return bad;
            *s = std::string(v.text);
            return {};
        }
        int64_t x = 0;
        Error e =
            char_code(slot, v, 0x10FFFF, bad,
                      make_error(ExcType::OverflowError, "%c arg not in range(0x110000)"), &x);
        if (e) return e;
        s->clear();
        utf8_append(*s, static_cast<char32_t>(x));
        return {};
    }

    // Bytes formatting's %s/%b: format_obj in Objects/bytesobject.c.
    Error bytes_text(int64_t slot, const PercentValue& v, std::string* s) {
        bool type_err = false;
        if (args_.bytes_of(slot, s, &type_err)) return {};
        if (!type_err) return pending();
        return type_error(
            "%b requires a bytes-like object, or an object that implements __bytes__, not '" +
            std::string(v.type_name.substr(0, 100)) + "'");
    }

    // Bytes formatting's %c: byte_converter in Objects/bytesobject.c.
    Error byte_char(int64_t slot, const PercentValue& v, std::string* s) {
        const Error bad = type_error("%c requires an integer in range(256) or a single byte");
        if (v.kind == PercentKind::bytes) {
            bool type_err = false;
            if (!args_.bytes_of(slot, s, &type_err)) return type_err ? bad : pending();
            return s->size() == 1 ? Error{} : bad;
        }
        int64_t x = 0;
        Error e = char_code(slot, v, 255, bad,
                            make_error(ExcType::OverflowError, "%c arg not in range(256)"), &x);
        if (e) return e;
        s->assign(1, static_cast<char>(x));
        return {};
    }

    Error unsupported(const Arg& arg) const {
        // str shows printable ASCII only; bytes passes the byte as a C char to PyErr_Format's
        // %c: a byte past 0x7f is a negative char there, which fails the message itself.
        std::string shown;
        if (bytes_ && arg.ch >= 0x80) {
            return make_error(ExcType::OverflowError, "character argument not in range(0x110000)");
        } else if (bytes_) {
            shown.push_back(static_cast<char>(arg.ch));
        } else {
            shown.push_back((arg.ch >= 31 && arg.ch <= 126) ? static_cast<char>(arg.ch) : '?');
        }
        char code[64];
        std::snprintf(code, sizeof code, "' (0x%x) at index %lld", static_cast<unsigned>(arg.ch),
                      static_cast<long long>(fmtpos_ - 1));
        return make_error(ExcType::ValueError, "unsupported format character '" + shown + code);
    }

    // unicode_format_arg_output (and the same steps of _PyBytes_FormatEx for bytes)
    void output(Arg& arg, const std::string& text) {
        std::u32string str;
        if (bytes_) {
            for (unsigned char c : text) str.push_back(c);
        } else {
            for (const char* p = text.data(); p < text.data() + text.size();)
                str.push_back(utf8_decode(p));
        }
        int64_t len = static_cast<int64_t>(str.size());
        const char32_t fill = (arg.sign && (arg.flags & kZero)) ? '0' : ' ';
        if ((arg.width == -1 || arg.width <= len) && (arg.prec == -1 || arg.prec >= len) &&
            !(arg.flags & (kSign | kBlank))) {
            out_ += text;
            return;
        }
        const bool text_conv = arg.ch == 's' || arg.ch == 'r' || arg.ch == 'a' || arg.ch == 'b';
        if (text_conv && arg.prec >= 0 && len > arg.prec) len = arg.prec;
        int64_t pindex = 0;
        char32_t signchar = 0;
        if (arg.sign) {
            if (str[0] == '-' || str[0] == '+') {
                signchar = str[0];
                --len;
                ++pindex;
            } else if (arg.flags & kSign) {
                signchar = '+';
            } else if (arg.flags & kBlank) {
                signchar = ' ';
            } else {
                arg.sign = false;
            }
        }
        if (arg.width < len) arg.width = len;
        if (arg.sign) {
            if (fill != ' ') put(signchar);
            if (arg.width > len) --arg.width;
        }
        const bool prefix = (arg.flags & kAlt) && (arg.ch == 'x' || arg.ch == 'X' || arg.ch == 'o');
        if (prefix) {
            if (fill != ' ') {
                out_.push_back('0');
                put(arg.ch);
                pindex += 2;
            }
            arg.width = std::max<int64_t>(arg.width - 2, 0);
            len -= 2;
        }
        if (arg.width > len && !(arg.flags & kLjust)) {
            out_.append(static_cast<size_t>(arg.width - len), static_cast<char>(fill));
            arg.width = len;
        }
        if (fill == ' ') {
            if (arg.sign) put(signchar);
            if (prefix) {
                out_.push_back('0');
                put(arg.ch);
                pindex += 2;
            }
        }
        for (int64_t i = pindex; i < pindex + len; ++i) put(str[static_cast<size_t>(i)]);
        if (arg.width > len) out_.append(static_cast<size_t>(arg.width - len), ' ');
    }

    Error format_arg() {
        Arg arg;
        arg.ch = at(fmtpos_);
        if (arg.ch == '%') {
            ++fmtpos_;
            --fmtcnt_;
            out_.push_back('%');
            return {};
        }
        Error e = parse(arg);
        if (e) return e;
        Result<int64_t> slot = next_arg();
        if (!slot) return slot.error;
        const PercentValue v = args_.value(slot.value);
        if (bytes_ && arg.ch == 'i') arg.ch = 'd';  // as _PyBytes_FormatEx: "%d format: ..."
        std::string text;
        switch (arg.ch) {
            case 's':
            case 'r':
            case 'a':
                // bytes: %s is %b, and %r is %a (ascii(), the text of Python 2's repr)
                if (bytes_ && arg.ch == 's') {
                    e = bytes_text(slot.value, v, &text);
                } else {
                    e = text_of(slot.value, v, bytes_ ? 'a' : static_cast<char>(arg.ch), &text);
                }
                break;
            case 'b':
                if (!bytes_) return unsupported(arg);
                e = bytes_text(slot.value, v, &text);
                break;
            case 'i':
            case 'd':
            case 'u':
            case 'o':
            case 'x':
            case 'X':
                e = format_long(slot.value, v, arg, &text);
                break;
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                e = format_float(slot.value, v, arg, &text);
                break;
            case 'c':
                e = bytes_ ? byte_char(slot.value, v, &text) : format_char(slot.value, v, &text);
                break;
            default:
                return unsupported(arg);
        }
        if (e) return e;
        output(arg, text);
        if (dict_ && argidx_ < arglen_) return not_all_converted();
        return {};
    }

    PercentArgs& args_;
    int max_digits_;
    std::u32string fmt_;
    std::string out_;
    bool bytes_ = false;
    int64_t fmtpos_ = 0, fmtcnt_ = 0;
    int64_t arglen_ = -1, argidx_ = -2;
    int64_t current_ = PercentArgs::kOperand;
    bool dict_ = false;
};

}  // namespace

Result<std::string> percent_format(std::string_view format, PercentArgs& args, int max_str_digits) {
    Formatter f(format, args, max_str_digits, false);
    return f.run();
}

Result<std::string> percent_format_bytes(std::string_view format, PercentArgs& args,
                                         int max_str_digits) {
    Formatter f(format, args, max_str_digits, true);
    return f.run();
}

}  // namespace interleave::python
