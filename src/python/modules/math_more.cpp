// math, the rest of CPython 3.11's Modules/mathmodule.c functions: acosh asinh atanh cbrt exp2
// erf erfc gamma lgamma frexp ldexp remainder nextafter ulp dist lcm (values from the C
// library as CPython's; errors as CPython's: "math domain error", "math range error").
#include <cmath>
#include <limits>

#include "python/modules/module_def.hpp"
#include "python/objects/int.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

bool real_arg(ThreadState& ts, Value v, double* out) {
    if (v.is_double()) {
        *out = v.as_double();
        return true;
    }
    if (!is_int(v) && !type_of(v)->num.to_float && !type_of(v)->num.index) {
        raisef(ts, &exc_TypeError, "must be real number, not {}", type_name(v));
        return false;
    }
    return number_to_double(ts, v, out);
}

bool arity(ThreadState& ts, const char* name, size_t n, size_t want) {
    if (n == want) return true;
    if (want == 1)
        raisef(ts, &exc_TypeError, "math.{}() takes exactly one argument ({} given)", name, n);
    else
        raisef(ts, &exc_TypeError, "{} expected {} arguments, got {}", name, want, n);
    return false;
}

// A libm function of one argument with CPython's error rules: NaN from a non-NaN -> domain
// error; an infinite result from a finite argument -> range error (or domain error for poles).
template <double (*F)(double), bool PoleIsDomain>
Value unary(ThreadState& ts, const Value* a, size_t n, const char* name) {
    if (!arity(ts, name, n, 1)) return Value::null();
    double x;
    if (!real_arg(ts, a[0], &x)) return Value::null();
    double r = F(x);
    if (std::isnan(r) && !std::isnan(x)) return raise(ts, &exc_ValueError, "math domain error");
    if (std::isinf(r) && std::isfinite(x))
        return raise(ts, PoleIsDomain ? &exc_ValueError : &exc_OverflowError,
                     PoleIsDomain ? "math domain error" : "math range error");
    return Value::from_double(r);
}

double d_acosh(double x) {
    return std::acosh(x);
}
double d_asinh(double x) {
    return std::asinh(x);
}
double d_atanh(double x) {
    return std::fabs(x) >= 1 ? (std::fabs(x) == 1 ? HUGE_VAL : NAN) : std::atanh(x);
}
double d_cbrt(double x) {
    return std::cbrt(x);
}
double d_exp2(double x) {
    return std::exp2(x);
}
double d_erf(double x) {
    return std::erf(x);
}
double d_erfc(double x) {
    return std::erfc(x);
}
double d_gamma(double x) {
    if (x == 0 || (x < 0 && std::floor(x) == x) || x == -HUGE_VAL) return NAN;
    return std::tgamma(x);
}
double d_lgamma(double x) {
    if (x <= 0 && std::floor(x) == x) return HUGE_VAL;  // a pole: domain error
    return std::lgamma(x);
}

Value m_acosh(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return unary<d_acosh, false>(ts, a, n, "acosh");
}
Value m_asinh(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return unary<d_asinh, false>(ts, a, n, "asinh");
}
Value m_atanh(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return unary<d_atanh, true>(ts, a, n, "atanh");
}
Value m_cbrt(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return unary<d_cbrt, false>(ts, a, n, "cbrt");
}
Value m_exp2(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return unary<d_exp2, false>(ts, a, n, "exp2");
}
Value m_erf(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return unary<d_erf, false>(ts, a, n, "erf");
}
Value m_erfc(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return unary<d_erfc, false>(ts, a, n, "erfc");
}
Value m_gamma(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return unary<d_gamma, false>(ts, a, n, "gamma");
}
Value m_lgamma(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return unary<d_lgamma, true>(ts, a, n, "lgamma");
}

Value m_frexp(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (!arity(ts, "frexp", n, 1)) return Value::null();
    double x;
    if (!real_arg(ts, a[0], &x)) return Value::null();
    int e = 0;
    double m = (std::isnan(x) || std::isinf(x) || x == 0) ? x : std::frexp(x, &e);
    Tuple* t = new_tuple(ts, 2);
    if (!t) return Value::null();
    t->items[0] = Value::from_double(m);
    t->items[1] = Value::from_small(e);
    return Value::from_ptr(t);
}

Value m_ldexp(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (!arity(ts, "ldexp", n, 2)) return Value::null();
    double x;
    if (!real_arg(ts, a[0], &x)) return Value::null();
    if (!is_int(a[1]))
        return raise(ts, &exc_TypeError, "Expected an int as second argument to ldexp.");
    BigInt e = to_bigint(a[1]);
    int64_t ei;
    if (!e.to_int64(&ei))
        ei = e.is_negative() ? std::numeric_limits<int64_t>::min()
                             : std::numeric_limits<int64_t>::max();
    if (x == 0 || !std::isfinite(x)) return Value::from_double(x);
    if (ei > 100000) return raise(ts, &exc_OverflowError, "math range error");
    if (ei < -100000) return Value::from_double(std::copysign(0.0, x));
    double r = std::ldexp(x, int(ei));
    if (std::isinf(r)) return raise(ts, &exc_OverflowError, "math range error");
    return Value::from_double(r);
}

Value m_remainder(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (!arity(ts, "remainder", n, 2)) return Value::null();
    double x, y;
    if (!real_arg(ts, a[0], &x) || !real_arg(ts, a[1], &y)) return Value::null();
    if (std::isnan(x) || std::isnan(y)) return Value::from_double(NAN);
    if (std::isinf(x) || y == 0) return raise(ts, &exc_ValueError, "math domain error");
    if (std::isinf(y)) return Value::from_double(x);
    return Value::from_double(std::remainder(x, y));
}

Value m_nextafter(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (!arity(ts, "nextafter", n, 2)) return Value::null();
    double x, y;
    if (!real_arg(ts, a[0], &x) || !real_arg(ts, a[1], &y)) return Value::null();
    return Value::from_double(std::nextafter(x, y));
}

Value m_ulp(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (!arity(ts, "ulp", n, 1)) return Value::null();
    double x;
    if (!real_arg(ts, a[0], &x)) return Value::null();
    if (std::isnan(x)) return Value::from_double(x);
    x = std::fabs(x);
    if (std::isinf(x)) return Value::from_double(x);
    double x2 = std::nextafter(x, HUGE_VAL);
    if (std::isinf(x2)) {
        x2 = std::nextafter(x, -HUGE_VAL);
        return Value::from_double(x - x2);
    }
    return Value::from_double(x2 - x);
}

Value m_dist(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (!arity(ts, "dist", n, 2)) return Value::null();
    RootedVector p(ts), q(ts);
    if (!is_tuple(a[0]) && !is_list(a[0]))
        return raise(ts, &exc_TypeError, "dist(): argument 1 must be tuple");
    if (!is_tuple(a[1]) && !is_list(a[1]))
        return raise(ts, &exc_TypeError, "dist(): argument 2 must be tuple");
    if (!iterate_into(ts, a[0], p.v) || !iterate_into(ts, a[1], q.v)) return Value::null();
    if (p.v.size() != q.v.size())
        return raise(ts, &exc_ValueError, "both points must have the same number of dimensions");
    double sum = 0, maxv = 0;
    std::vector<double> d(p.v.size());
    for (size_t i = 0; i < p.v.size(); ++i) {
        double x, y;
        if (!real_arg(ts, p.v[i], &x) || !real_arg(ts, q.v[i], &y)) return Value::null();
        d[i] = std::fabs(x - y);
        maxv = std::max(maxv, d[i]);
    }
    if (maxv == 0 || std::isinf(maxv)) return Value::from_double(maxv);
    for (double v : d) sum += (v / maxv) * (v / maxv);
    return Value::from_double(maxv * std::sqrt(sum));
}

Value m_lcm(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    BigInt r = BigInt::from_int64(1);
    if (n == 0) return Value::from_small(1);
    for (size_t i = 0; i < n; ++i) {
        if (!is_int(a[i]))
            return raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer",
                          type_name(a[i]));
        BigInt x = abs(to_bigint(a[i]));
        if (x.is_zero() || r.is_zero()) {
            r = BigInt();
            continue;
        }
        BigInt g = r, y = x;
        while (!y.is_zero()) {
            auto m = mod(g, y);
            g = std::move(y);
            y = std::move(m.value);
        }
        r = floordiv(r, g).value * x;
    }
    return int_from_bigint(ts, std::move(r));
}

const MethodDef kMathMore[] = {
    {"acosh", m_acosh},         {"asinh", m_asinh}, {"atanh", m_atanh}, {"cbrt", m_cbrt},
    {"exp2", m_exp2},           {"erf", m_erf},     {"erfc", m_erfc},   {"gamma", m_gamma},
    {"lgamma", m_lgamma},       {"frexp", m_frexp}, {"ldexp", m_ldexp}, {"remainder", m_remainder},
    {"nextafter", m_nextafter}, {"ulp", m_ulp},     {"dist", m_dist},   {"lcm", m_lcm},
};

}  // namespace

bool add_math_more(ThreadState& ts, Module* m) {
    return add_functions(ts, m, kMathMore);
}

}  // namespace interleave::python
