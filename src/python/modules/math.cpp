// math (CPython 3.11's Modules/mathmodule.c: the common functions and constants).
#include <cmath>
#include <limits>

#include "python/modules/module_def.hpp"
#include "python/objects/int.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

bool arg_double(ThreadState& ts, Value v, double* out) {
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

Value domain_error(ThreadState& ts) {
    return raise(ts, &exc_ValueError, "math domain error");
}

template <double (*F)(double), bool CheckDomain>
Value unary(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1)
        return raisef(ts, &exc_TypeError, "math function takes exactly one argument ({} given)", n);
    double x;
    if (!arg_double(ts, a[0], &x)) return Value::null();
    double r = F(x);
    if (CheckDomain && std::isnan(r) && !std::isnan(x)) return domain_error(ts);
    if (std::isinf(r) && std::isfinite(x)) return raise(ts, &exc_OverflowError, "math range error");
    return Value::from_double(r);
}

double d_sqrt(double x) {
    return std::sqrt(x);
}
double d_exp(double x) {
    return std::exp(x);
}
double d_sin(double x) {
    return std::sin(x);
}
double d_cos(double x) {
    return std::cos(x);
}
double d_tan(double x) {
    return std::tan(x);
}
double d_asin(double x) {
    return std::asin(x);
}
double d_acos(double x) {
    return std::acos(x);
}
double d_atan(double x) {
    return std::atan(x);
}
double d_sinh(double x) {
    return std::sinh(x);
}
double d_cosh(double x) {
    return std::cosh(x);
}
double d_tanh(double x) {
    return std::tanh(x);
}
double d_fabs(double x) {
    return std::fabs(x);
}
double d_log2(double x) {
    return x < 0 || x == 0 ? NAN : std::log2(x);
}
double d_log10(double x) {
    return x < 0 || x == 0 ? NAN : std::log10(x);
}
double d_degrees(double x) {
    return x * (180.0 / M_PI);
}
double d_radians(double x) {
    return x * (M_PI / 180.0);
}
double d_expm1(double x) {
    return std::expm1(x);
}
double d_log1p(double x) {
    return x <= -1 ? NAN : std::log1p(x);
}

Value m_log(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n < 1 || n > 2) return raise(ts, &exc_TypeError, "log expected 1 or 2 arguments");
    auto ln = [&](Value v, double* out) -> bool {
        if (is_int(v) && !v.is_small()) {
            BigInt b = to_bigint(v);
            if (b.sign() <= 0) return domain_error(ts), false;
            uint64_t bits = b.bit_length();
            if (bits > 1000) {
                auto sh = rshift(b, int64_t(bits - 64));
                double d = 0;
                auto r = sh.value.to_double();
                d = r.value;
                *out = std::log(d) + double(bits - 64) * std::log(2.0);
                return true;
            }
        }
        double x;
        if (!arg_double(ts, v, &x)) return false;
        if (x <= 0) return domain_error(ts), false;
        *out = std::log(x);
        return true;
    };
    double x;
    if (!ln(a[0], &x)) return Value::null();
    if (n == 2) {
        double b;
        if (!ln(a[1], &b)) return Value::null();
        if (b == 0) return raise(ts, &exc_ZeroDivisionError, "float division by zero");
        return Value::from_double(x / b);
    }
    return Value::from_double(x);
}

Value m_floor_ceil(ThreadState& ts, const Value* a, size_t n, bool ceil) {
    if (n != 1) return raise(ts, &exc_TypeError, "takes exactly one argument");
    if (is_int(a[0])) return number_index(ts, a[0]);
    if (!a[0].is_double()) {
        Value f = type_lookup(type_of(a[0]), ceil ? names.__ceil__ : names.__floor__);
        if (!f.is_null()) return call1(ts, f, a[0]);
    }
    double x;
    if (!arg_double(ts, a[0], &x)) return Value::null();
    double r = ceil ? std::ceil(x) : std::floor(x);
    if (std::isnan(r)) return raise(ts, &exc_ValueError, "cannot convert float NaN to integer");
    if (std::isinf(r))
        return raise(ts, &exc_OverflowError, "cannot convert float infinity to integer");
    if (std::fabs(r) < 9e15) return int_from_i64(ts, int64_t(r));
    auto b = BigInt::from_double(r);
    return int_from_bigint(ts, std::move(b.value));
}
Value m_floor(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return m_floor_ceil(ts, a, n, false);
}
Value m_ceil(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return m_floor_ceil(ts, a, n, true);
}
Value m_trunc(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1) return raise(ts, &exc_TypeError, "trunc() takes exactly one argument");
    return number_to_int(ts, a[0]);
}

Value m_pow(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raisef(ts, &exc_TypeError, "pow expected 2 arguments, got {}", n);
    double x, y;
    if (!arg_double(ts, a[0], &x) || !arg_double(ts, a[1], &y)) return Value::null();
    if (x == 0 && y < 0) return domain_error(ts);
    double r = std::pow(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return domain_error(ts);
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
        return raise(ts, &exc_OverflowError, "math range error");
    return Value::from_double(r);
}

Value m_fmod(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raisef(ts, &exc_TypeError, "fmod expected 2 arguments, got {}", n);
    double x, y;
    if (!arg_double(ts, a[0], &x) || !arg_double(ts, a[1], &y)) return Value::null();
    if (y == 0 && !std::isnan(x)) return domain_error(ts);
    if (std::isinf(x) && !std::isnan(y)) return domain_error(ts);
    return Value::from_double(std::fmod(x, y));
}

Value m_atan2(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raisef(ts, &exc_TypeError, "atan2 expected 2 arguments, got {}", n);
    double y, x;
    if (!arg_double(ts, a[0], &y) || !arg_double(ts, a[1], &x)) return Value::null();
    return Value::from_double(std::atan2(y, x));
}

Value m_hypot(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    double acc = 0;
    std::vector<double> v;
    for (size_t i = 0; i < n; ++i) {
        double x;
        if (!arg_double(ts, a[i], &x)) return Value::null();
        v.push_back(x);
    }
    if (n == 2) return Value::from_double(std::hypot(v[0], v[1]));
    for (double x : v) acc += x * x;
    return Value::from_double(std::sqrt(acc));
}

Value m_copysign(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 2) return raisef(ts, &exc_TypeError, "copysign expected 2 arguments, got {}", n);
    double x, y;
    if (!arg_double(ts, a[0], &x) || !arg_double(ts, a[1], &y)) return Value::null();
    return Value::from_double(std::copysign(x, y));
}

Value m_isclose(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    size_t np = n - (kw ? size_t(kw->size) : 0);
    if (np != 2) return raise(ts, &exc_TypeError, "isclose() takes exactly 2 positional arguments");
    double x, y, rel = 1e-9, abs_tol = 0;
    if (!arg_double(ts, a[0], &x) || !arg_double(ts, a[1], &y)) return Value::null();
    for (size_t i = 0; kw && i < size_t(kw->size); ++i) {
        std::string_view k = str_view(kw->items[i]);
        double* target = k == "rel_tol" ? &rel : k == "abs_tol" ? &abs_tol : nullptr;
        if (!target)
            return raisef(ts, &exc_TypeError, "isclose() got an unexpected keyword argument '{}'",
                          k);
        if (!arg_double(ts, a[np + i], target)) return Value::null();
    }
    if (rel < 0 || abs_tol < 0)
        return raise(ts, &exc_ValueError, "tolerances must be non-negative");
    if (x == y) return Value::true_();
    if (std::isinf(x) || std::isinf(y)) return Value::false_();
    double diff = std::fabs(y - x);
    return Value::boolean((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) ||
                          diff <= abs_tol);
}

template <bool (*F)(double)>
Value predicate(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1) return raise(ts, &exc_TypeError, "takes exactly one argument");
    double x;
    if (!arg_double(ts, a[0], &x)) return Value::null();
    return Value::boolean(F(x));
}
bool p_isnan(double x) {
    return std::isnan(x);
}
bool p_isinf(double x) {
    return std::isinf(x);
}
bool p_isfinite(double x) {
    return std::isfinite(x);
}

Value m_gcd(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    BigInt g;
    for (size_t i = 0; i < n; ++i) {
        if (!is_int(a[i]))
            return raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer",
                          type_name(a[i]));
        BigInt x = abs(to_bigint(a[i]));
        while (!x.is_zero()) {
            auto r = mod(g, x);
            g = std::move(x);
            x = std::move(r.value);
        }
    }
    return int_from_bigint(ts, std::move(g));
}

Value m_factorial(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1)
        return raisef(ts, &exc_TypeError, "math.factorial() takes exactly one argument ({} given)",
                      n);
    if (!is_int(a[0]))
        return raisef(ts, &exc_TypeError, "'{}' object cannot be interpreted as an integer",
                      type_name(a[0]));
    int64_t k;
    if (!int_to_i64(ts, a[0], &k)) return Value::null();
    if (k < 0) return raise(ts, &exc_ValueError, "factorial() not defined for negative values");
    BigInt r = BigInt::from_int64(1);
    for (int64_t i = 2; i <= k; ++i) {
        r = r * BigInt::from_int64(i);
        if ((i & 1023) == 0 && !poll_long_loop(ts)) return Value::null();
    }
    return int_from_bigint(ts, std::move(r));
}

Value m_comb_perm(ThreadState& ts, const Value* a, size_t n, bool comb) {
    if (n < 1 || n > 2) return raise(ts, &exc_TypeError, "expected 2 arguments");
    int64_t N, K;
    if (!index_i64(ts, a[0], &N)) return Value::null();
    K = N;
    if (n == 2 && !index_i64(ts, a[1], &K)) return Value::null();
    if (N < 0) return raise(ts, &exc_ValueError, "n must be a non-negative integer");
    if (K < 0) return raise(ts, &exc_ValueError, "k must be a non-negative integer");
    if (K > N) return Value::from_small(0);
    if (comb && K > N - K) K = N - K;
    BigInt r = BigInt::from_int64(1);
    for (int64_t i = 0; i < K; ++i) {
        r = r * BigInt::from_int64(N - i);
        if (comb) r = floordiv(r, BigInt::from_int64(i + 1)).value;
    }
    return int_from_bigint(ts, std::move(r));
}
Value m_comb(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return m_comb_perm(ts, a, n, true);
}
Value m_perm(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    return m_comb_perm(ts, a, n, false);
}

Value m_prod(ThreadState& ts, const Value* a, size_t n, Tuple* kw) {
    size_t np = n - (kw ? size_t(kw->size) : 0);
    if (np != 1) return raise(ts, &exc_TypeError, "prod() takes exactly 1 positional argument");
    Rooted acc(ts, Value::from_small(1));
    for (size_t i = 0; kw && i < size_t(kw->size); ++i)
        if (str_view(kw->items[i]) == "start") acc = a[np + i];
    RootedVector items(ts);
    if (!iterate_into(ts, a[0], items.v)) return Value::null();
    for (Value v : items.v) {
        Value r = binary_op(ts, acc, v, int(BinaryOp::mul));
        if (r.is_null()) return r;
        acc = r;
    }
    return acc;
}

Value m_fsum(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1) return raise(ts, &exc_TypeError, "fsum() takes exactly one argument");
    RootedVector items(ts);
    if (!iterate_into(ts, a[0], items.v)) return Value::null();
    // Shewchuk's algorithm with CPython's math_fsum around it: infinities and nans summed
    // apart ("-inf + inf in fsum"), a finite overflow is an error, and the partials are added
    // from the top with the half-even correction, so the result is correctly rounded.
    std::vector<double> p;
    double special_sum = 0.0, inf_sum = 0.0;
    for (Value v : items.v) {
        double x;
        if (!arg_double(ts, v, &x)) return Value::null();
        const double xsave = x;
        size_t i = 0;
        for (double y : p) {
            if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
            const double hi = x + y;
            const double lo = y - (hi - x);
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        p.resize(i);
        if (x == 0.0) continue;
        if (!std::isfinite(x)) {
            if (std::isfinite(xsave))
                return raise(ts, &exc_OverflowError, "intermediate overflow in fsum");
            if (std::isinf(xsave)) inf_sum += xsave;
            special_sum += xsave;
            p.clear();
        } else {
            p.push_back(x);
        }
    }
    if (special_sum != 0.0) {
        if (std::isnan(inf_sum)) return raise(ts, &exc_ValueError, "-inf + inf in fsum");
        return Value::from_double(special_sum);
    }
    double hi = 0.0;
    size_t k = p.size();
    if (k > 0) {
        double lo = 0.0;
        hi = p[--k];
        while (k > 0) {
            const double x = hi;
            const double y = p[--k];
            hi = x + y;
            lo = y - (hi - x);
            if (lo != 0.0) break;
        }
        if (k > 0 && ((lo < 0.0 && p[k - 1] < 0.0) || (lo > 0.0 && p[k - 1] > 0.0))) {
            const double y = lo * 2.0;
            const double x = hi + y;
            if (y == x - hi) hi = x;
        }
    }
    return Value::from_double(hi);
}

Value m_modf(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1) return raise(ts, &exc_TypeError, "modf() takes exactly one argument");
    double x, ip;
    if (!arg_double(ts, a[0], &x)) return Value::null();
    double fp = std::modf(x, &ip);
    Tuple* t = new_tuple(ts, 2);
    if (!t) return Value::null();
    t->items[0] = Value::from_double(fp);
    t->items[1] = Value::from_double(ip);
    return Value::from_ptr(t);
}

Value m_isqrt(ThreadState& ts, const Value* a, size_t n, Tuple*) {
    if (n != 1) return raise(ts, &exc_TypeError, "isqrt() takes exactly one argument");
    Value i = number_index(ts, a[0]);
    if (i.is_null()) return i;
    BigInt x = to_bigint(i);
    if (x.is_negative()) return raise(ts, &exc_ValueError, "isqrt() argument must be nonnegative");
    if (x.is_zero()) return Value::from_small(0);
    // Newton's iteration on big ints.
    BigInt r = lshift(BigInt::from_int64(1), int64_t((x.bit_length() + 1) / 2)).value;
    for (;;) {
        BigInt y = floordiv(r + floordiv(x, r).value, BigInt::from_int64(2)).value;
        if (!(y < r)) break;
        r = std::move(y);
    }
    return int_from_bigint(ts, std::move(r));
}

const MethodDef kMath[] = {
    {"sqrt", unary<d_sqrt, true>},
    {"exp", unary<d_exp, false>},
    {"sin", unary<d_sin, true>},
    {"cos", unary<d_cos, true>},
    {"tan", unary<d_tan, true>},
    {"asin", unary<d_asin, true>},
    {"acos", unary<d_acos, true>},
    {"atan", unary<d_atan, false>},
    {"sinh", unary<d_sinh, false>},
    {"cosh", unary<d_cosh, false>},
    {"tanh", unary<d_tanh, false>},
    {"fabs", unary<d_fabs, false>},
    {"log2", unary<d_log2, true>},
    {"log10", unary<d_log10, true>},
    {"degrees", unary<d_degrees, false>},
    {"radians", unary<d_radians, false>},
    {"expm1", unary<d_expm1, false>},
    {"log1p", unary<d_log1p, true>},
    {"log", m_log},
    {"floor", m_floor},
    {"ceil", m_ceil},
    {"trunc", m_trunc},
    {"pow", m_pow},
    {"atan2", m_atan2},
    {"fmod", m_fmod},
    {"hypot", m_hypot},
    {"copysign", m_copysign},
    {"isclose", m_isclose},
    {"isnan", predicate<p_isnan>},
    {"isinf", predicate<p_isinf>},
    {"isfinite", predicate<p_isfinite>},
    {"gcd", m_gcd},
    {"factorial", m_factorial},
    {"comb", m_comb},
    {"perm", m_perm},
    {"prod", m_prod},
    {"fsum", m_fsum},
    {"modf", m_modf},
    {"isqrt", m_isqrt},
};

}  // namespace

bool add_math_more(ThreadState& ts, Module* m);  // math_more.cpp

bool init_math(ThreadState& ts, Module* m) {
    return add_functions(ts, m, kMath) && add_math_more(ts, m) &&
           add_value(ts, m, "pi", Value::from_double(M_PI)) &&
           add_value(ts, m, "e", Value::from_double(M_E)) &&
           add_value(ts, m, "tau", Value::from_double(2 * M_PI)) &&
           add_value(ts, m, "inf", Value::from_double(HUGE_VAL)) &&
           add_value(ts, m, "nan", Value::from_double(NAN));
}

}  // namespace interleave::python
