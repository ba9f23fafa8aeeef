// complex, as CPython 3.11's Objects/complexobject.c: int and float operands become complex
// (x+0j) first, then _Py_c_sum/diff/prod/quot/pow with their edge cases (Smith's division,
// exponentiation by squaring for integral exponents up to 100, errno-style errors).
#include "python/objects/complex.hpp"

#include <cmath>

#include "python/num/float_format.hpp"
#include "python/num/hash.hpp"
#include "python/objects/api.hpp"
#include "python/objects/heap.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

Type complex_type;

namespace {

struct C {
    double re = 0, im = 0;
};

// errno of CPython's helpers: none, EDOM (division by zero, 0 ** negative), ERANGE.
enum class Err { none, dom, range };

C cx(Value v) {
    auto* c = v.as<Complex>();
    return {c->real, c->imag};
}

bool is_complex(Value v) {
    return v.is_ptr() && isinstance_fast(v, &complex_type);
}

// An operand as a complex: complex, float, int (OverflowError when too large for a float)
// or bool. 0: not a number (NotImplemented), -1: raised, 1: ok.
int operand(ThreadState& ts, Value v, C* out) {
    if (is_complex(v)) {
        *out = cx(v);
        return 1;
    }
    if (double d; float_value(v, &d)) {
        *out = {d, 0.0};
        return 1;
    }
    if (v.is_bool()) {
        *out = {v.is_true() ? 1.0 : 0.0, 0.0};
        return 1;
    }
    if (!is_int(v)) return 0;
    double d;
    if (!int_to_double(ts, v, &d)) return -1;
    *out = {d, 0.0};
    return 1;
}

#define COMPLEX_OPERANDS                                            \
    C x, y;                                                         \
    int ka = operand(ts, a, &x);                                    \
    if (ka <= 0) return ka < 0 ? Value::null() : not_implemented(); \
    int kb = operand(ts, b, &y);                                    \
    if (kb <= 0) return kb < 0 ? Value::null() : not_implemented();

C prod(C a, C b) {
    return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

// _Py_c_quot: Smith's algorithm, scaled by the larger part of the divisor.
C quot(C a, C b, Err* err) {
    const double abs_breal = std::fabs(b.re), abs_bimag = std::fabs(b.im);
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            *err = Err::dom;
            return {0.0, 0.0};
        }
        const double ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (abs_bimag >= abs_breal) {
        const double ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return {NAN, NAN};  // a NaN in the divisor
}

// _Py_c_pow
C cpow(C a, C b, Err* err) {
    if (b.re == 0.0 && b.im == 0.0) return {1.0, 0.0};
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) *err = Err::dom;
        return {0.0, 0.0};
    }
    const double vabs = std::hypot(a.re, a.im);
    double len = std::pow(vabs, b.re);
    const double at = std::atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0.0) {
        len /= std::exp(at * b.im);
        phase += b.im * std::log(vabs);
    }
    return {len * std::cos(phase), len * std::sin(phase)};
}

C powu(C x, long n) {
    C r{1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) r = prod(r, p);
        p = prod(p, p);
    }
    return r;
}

// complex_pow's core: integral exponents up to 100 by squaring, others by c_pow; the errors
// as CPython words them.
Value power(ThreadState& ts, C a, C b) {
    Err err = Err::none;
    C p;
    const long n = long(b.re);
    if (b.im == 0.0 && b.re == double(n) && n <= 100 && n >= -100)
        p = n > 0 ? powu(a, n) : quot({1.0, 0.0}, powu(a, -n), &err);
    else
        p = cpow(a, b, &err);
    if (err == Err::dom)
        return raise(ts, &exc_ZeroDivisionError, "0.0 to a negative or complex power");
    if (std::isinf(p.re) || std::isinf(p.im))  // Py_ADJUST_ERANGE2
        return raise(ts, &exc_OverflowError, "complex exponentiation");
    return new_complex(ts, p.re, p.im);
}

Value c_add(ThreadState& ts, Value a, Value b) {
    COMPLEX_OPERANDS
    return new_complex(ts, x.re + y.re, x.im + y.im);
}
Value c_sub(ThreadState& ts, Value a, Value b) {
    COMPLEX_OPERANDS
    return new_complex(ts, x.re - y.re, x.im - y.im);
}
Value c_mul(ThreadState& ts, Value a, Value b) {
    COMPLEX_OPERANDS
    C r = prod(x, y);
    return new_complex(ts, r.re, r.im);
}
Value c_truediv(ThreadState& ts, Value a, Value b) {
    COMPLEX_OPERANDS
    Err err = Err::none;
    C r = quot(x, y, &err);
    if (err != Err::none) return raise(ts, &exc_ZeroDivisionError, "complex division by zero");
    return new_complex(ts, r.re, r.im);
}
Value c_pow(ThreadState& ts, Value a, Value b) {
    COMPLEX_OPERANDS
    return power(ts, x, y);
}

// pow(z, n, m): complex_pow refuses a modulus.
Value c_pow3(ThreadState& ts, Value, Value, Value) {
    return raise(ts, &exc_ValueError, "complex modulo");
}

Value c_neg(ThreadState& ts, Value a) {
    C x = cx(a);
    return new_complex(ts, -x.re, -x.im);
}
Value c_pos(ThreadState& ts, Value a) {
    C x = cx(a);
    return new_complex(ts, x.re, x.im);
}
// _Py_c_abs: an infinite part wins over a NaN; overflow of a finite pair is an error.
Value c_abs(ThreadState& ts, Value a) {
    C x = cx(a);
    if (std::isinf(x.re) || std::isinf(x.im)) return Value::from_double(INFINITY);
    if (std::isnan(x.re) || std::isnan(x.im)) return Value::from_double(NAN);
    double r = std::hypot(x.re, x.im);
    if (std::isinf(r)) return raise(ts, &exc_OverflowError, "absolute value too large");
    return Value::from_double(r);
}
int c_bool(ThreadState&, Value a) {
    C x = cx(a);
    return x.re != 0.0 || x.im != 0.0;
}

// == and != only (ordering gives NotImplemented, so the TypeError names both types).
Value c_richcompare(ThreadState& ts, Value a, Value b, CompareOp op) {
    if (op != CompareOp::eq && op != CompareOp::ne) return not_implemented();
    C x = cx(a);
    bool equal;
    if (is_int(b)) {
        if (x.im != 0.0) {
            equal = false;
        } else {  // exactly, as float == int: (2**53 + 1) + 0j != 2**53 + 1
            Value r = richcompare(ts, Value::from_double(x.re), b, CompareOp::eq);
            if (r.is_null()) return r;
            equal = r.is_true();
        }
    } else if (b.is_double()) {
        equal = x.re == b.as_double() && x.im == 0.0;
    } else if (is_complex(b)) {
        C y = cx(b);
        equal = x.re == y.re && x.im == y.im;
    } else {
        return not_implemented();
    }
    return Value::boolean(op == CompareOp::eq ? equal : !equal);
}

bool c_hash(ThreadState&, Value self, int64_t* out) {
    C x = cx(self);
    *out = hash_complex(x.re, x.im, object_id(self));
    return true;
}

// complex_repr: repr digits without ".0"; no parentheses when the real part is +0.
Value c_repr(ThreadState& ts, Value self) {
    C x = cx(self);
    std::string s;
    if (x.re == 0.0 && std::copysign(1.0, x.re) == 1.0) {
        s = double_to_string(x.im, 'r', 0, 0) + "j";
    } else {
        s = "(" + double_to_string(x.re, 'r', 0, 0) + double_to_string(x.im, 'r', 0, dtsf::sign) +
            "j)";
    }
    return str_value(ts, s);
}

// A float literal at the start of s (sign, digits, point, exponent, or inf/infinity/nan):
// its length, 0 when there is none. Underscores between digits as in Python literals.
size_t float_prefix(std::string_view s) {
    size_t i = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    auto word = [&](std::string_view w) {
        if (s.size() - i < w.size()) return false;
        for (size_t k = 0; k < w.size(); ++k)
            if (std::tolower(static_cast<unsigned char>(s[i + k])) != w[k]) return false;
        return true;
    };
    if (word("infinity")) return i + 8;
    if (word("inf") || word("nan")) return i + 3;
    auto digits = [&] {
        size_t start = i;
        while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) ||
                                (s[i] == '_' && i > start && i + 1 < s.size() &&
                                 std::isdigit(static_cast<unsigned char>(s[i + 1])))))
            ++i;
        return i > start;
    };
    bool any = digits();
    if (i < s.size() && s[i] == '.') {
        ++i;
        any = digits() || any;
    }
    if (!any) return 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        size_t save = i++;
        if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
        if (!digits()) i = save;
    }
    return i;
}

bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

// complex_subtype_from_string: "1", "2j", "1+2j", "-j", "(1-2.5e3j)", surrounding spaces.
bool parse_complex(std::string_view s, C* out) {
    auto strip = [](std::string_view& t) {
        while (!t.empty() && is_space(t.front())) t.remove_prefix(1);
        while (!t.empty() && is_space(t.back())) t.remove_suffix(1);
    };
    strip(s);
    if (!s.empty() && s.front() == '(') {
        if (s.back() != ')') return false;
        s = s.substr(1, s.size() - 2);
        strip(s);
    }
    auto number = [](std::string_view t, double* d) {
        auto r = parse_float(t);
        if (!r.ok()) return false;
        *d = r.value;
        return true;
    };
    double x = 0, y = 0;
    size_t n = float_prefix(s);
    if (n) {
        double z;
        if (!number(s.substr(0, n), &z)) return false;
        s.remove_prefix(n);
        if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
            x = z;
            size_t m = float_prefix(s);
            if (m) {
                if (!number(s.substr(0, m), &y)) return false;
                s.remove_prefix(m);
            } else {
                y = s[0] == '+' ? 1.0 : -1.0;
                s.remove_prefix(1);
            }
            if (s.empty() || (s[0] != 'j' && s[0] != 'J')) return false;
            s.remove_prefix(1);
        } else if (!s.empty() && (s[0] == 'j' || s[0] == 'J')) {
            y = z;
            s.remove_prefix(1);
        } else {
            x = z;
        }
    } else {
        y = 1.0;
        if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
            y = s[0] == '+' ? 1.0 : -1.0;
            s.remove_prefix(1);
        }
        if (s.empty() || (s[0] != 'j' && s[0] != 'J')) return false;
        s.remove_prefix(1);
    }
    if (!s.empty()) return false;
    *out = {x, y};
    return true;
}

// complex(real=0, imag=0) and complex(string).
Value c_new(ThreadState& ts, Type* type, const Value* args, size_t nargs, Tuple* kwnames) {
    Value slot[2] = {Value::null(), Value::null()};
    const size_t nkw = kwnames ? size_t(kwnames->size) : 0;
    const size_t npos = nargs - nkw;
    if (npos > 2)
        return raisef(ts, &exc_TypeError, "complex() takes at most 2 arguments ({} given)", nargs);
    for (size_t i = 0; i < npos; ++i) slot[i] = args[i];
    for (size_t i = 0; i < nkw; ++i) {
        std::string_view k = str_view(kwnames->items[i]);
        int at = k == "real" ? 0 : k == "imag" ? 1 : -1;
        if (at < 0)
            return raisef(ts, &exc_TypeError, "'{}' is an invalid keyword argument for complex()",
                          k);
        if (!slot[at].is_null())
            return raisef(ts, &exc_TypeError,
                          "argument for complex() given by name ('{}') and position ({})", k,
                          at + 1);
        slot[at] = args[npos + i];
    }
    C r{0.0, 0.0};
    if (!slot[0].is_null() && is_str(slot[0])) {
        if (!slot[1].is_null())
            return raise(ts, &exc_TypeError,
                         "complex() can't take second arg if first is a string");
        if (!parse_complex(str_view(slot[0]), &r))
            return raise(ts, &exc_ValueError, "complex() arg is a malformed string");
    } else {
        if (!slot[1].is_null() && is_str(slot[1]))
            return raise(ts, &exc_TypeError, "complex() second arg can't be a string");
        C a{0.0, 0.0}, b{0.0, 0.0};
        if (!slot[0].is_null()) {
            int k = operand(ts, slot[0], &a);
            if (k < 0) return Value::null();
            if (k == 0)
                return raisef(ts, &exc_TypeError,
                              "complex() first argument must be a string or a number, not '{}'",
                              type_name(slot[0]));
        }
        if (!slot[1].is_null()) {
            int k = operand(ts, slot[1], &b);
            if (k < 0) return Value::null();
            if (k == 0)
                return raisef(ts, &exc_TypeError,
                              "complex() second argument must be a number, not '{}'",
                              type_name(slot[1]));
        }
        // complex_new_impl: a + b*1j without rounding the parts that are not complex.
        r.re = a.re;
        r.im = slot[1].is_null() ? a.im : b.re;
        if (!slot[1].is_null() && is_complex(slot[1])) r.re -= b.im;
        if (!slot[1].is_null() && is_complex(slot[0])) r.im += a.im;
    }
    if (type == &complex_type) return new_complex(ts, r.re, r.im);
    Complex* c = ts.heap.make<Complex>(type, type->instance_size);
    if (!c) return raise_memory_error(ts);
    c->real = r.re;
    c->imag = r.im;
    return Value::from_ptr(c);
}

Value g_real(ThreadState&, Value self) {
    return Value::from_double(self.as<Complex>()->real);
}
Value g_imag(ThreadState&, Value self) {
    return Value::from_double(self.as<Complex>()->imag);
}
Value m_conjugate(ThreadState& ts, const Value* a, size_t, Tuple*) {
    C x = cx(a[0]);
    return new_complex(ts, x.re, -x.im);
}

// complex.__getnewargs__: (real, imag), as CPython's complex___getnewargs__.
Value m_getnewargs(ThreadState& ts, const Value* a, size_t, Tuple*) {
    C x = cx(a[0]);
    Value parts[2] = {Value::from_double(x.re), Value::from_double(x.im)};
    Tuple* t = new_tuple_from(ts, parts, 2);
    return t ? Value::from_ptr(t) : Value::null();
}

const MethodDef kComplexMethods[] = {{"conjugate", m_conjugate, kMethNoArgs},
                                     {"__getnewargs__", m_getnewargs, kMethNoArgs}};
const GetSetDef kComplexGetSets[] = {{"real", g_real}, {"imag", g_imag}};

}  // namespace

Complex* new_complex_heap(Heap& h, double real, double imag) {
    Complex* c = h.make<Complex>(&complex_type, sizeof(Complex));
    if (!c) return nullptr;
    c->real = real;
    c->imag = imag;
    return c;
}

Value new_complex(ThreadState& ts, double real, double imag) {
    Complex* c = new_complex_heap(ts.heap, real, imag);
    if (!c) return raise_memory_error(ts);
    return Value::from_ptr(c);
}

Value complex_float_pow(ThreadState& ts, double x, double y) {
    return power(ts, {x, 0.0}, {y, 0.0});
}

void setup_complex_type(TypeBuilder& b) {
    b.init(complex_type, "complex", nullptr, sizeof(Complex));
    complex_type.repr = c_repr;
    complex_type.hash = c_hash;
    complex_type.richcompare = c_richcompare;
    complex_type.bool_ = c_bool;
    complex_type.new_ = c_new;
    auto& n = complex_type.num;
    n.binary[int(BinaryOp::add)] = c_add;
    n.binary[int(BinaryOp::sub)] = c_sub;
    n.binary[int(BinaryOp::mul)] = c_mul;
    n.binary[int(BinaryOp::truediv)] = c_truediv;
    n.binary[int(BinaryOp::pow)] = c_pow;
    n.pow3 = c_pow3;
    n.neg = c_neg;
    n.pos = c_pos;
    n.abs = c_abs;
    b.methods(complex_type, kComplexMethods);
    b.getsets(complex_type, kComplexGetSets);
}

}  // namespace interleave::python
