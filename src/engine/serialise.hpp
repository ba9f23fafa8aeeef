// Interleave engine — pickle: the serialiser every process boundary goes through.
//
// Like Python's pickle, a value is turned into bytes on one side and a fresh, independent copy is
// built from them on the other. Processes (process.hpp), process pools (executor.hpp) and
// process channels (ProcessQueue, Pipe) use it, so nothing but bytes crosses between simulated
// processes: that is what makes a child's changes invisible to its parent.
//
//   Supported ✓: bool, integers (range-checked on load), float/double, std::string, std::vector,
//                std::pair, std::tuple, std::map, std::unordered_map, std::optional,
//                std::monostate (None), and *handles* (channel ends: ProcessQueue, Connection),
//                which travel by reference as multiprocessing's queues and pipes do.
//   Not supported ✗: pointers, references, functions, user structs (compile-time error: give the
//                struct a tuple form yourself), cycles/shared references (pickle's memo).
//
// Format: a one-byte tag per value, LEB128 varints for integers (zig-zag) and lengths. Loading
// checks every tag and length and throws PickleError on a mismatch or truncated input, never
// reads out of bounds. Pure functions: any thread, no runtime needed.
#pragma once

#include <concepts>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace interleave::engine {

// Bytes plus the handles (shared channel objects) they refer to by index.
struct Pickled {
    std::vector<uint8_t> bytes;
    std::vector<std::shared_ptr<void>> handles;
    size_t size() const { return bytes.size(); }
};

struct PickleError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

namespace pickle {

enum class Tag : uint8_t { none = 1, boolean, integer, real, string, list, tuple, dict, handle };

class Writer {
  public:
    explicit Writer(Pickled& out) : out_(out) {}
    void tag(Tag t) { out_.bytes.push_back(static_cast<uint8_t>(t)); }
    void varint(uint64_t v) {
        while (v >= 0x80) {
            out_.bytes.push_back(static_cast<uint8_t>(v | 0x80));
            v >>= 7;
        }
        out_.bytes.push_back(static_cast<uint8_t>(v));
    }
    void raw(const void* p, size_t n) {
        const auto* b = static_cast<const uint8_t*>(p);
        out_.bytes.insert(out_.bytes.end(), b, b + n);
    }
    size_t handle(std::shared_ptr<void> h) {
        out_.handles.push_back(std::move(h));
        return out_.handles.size() - 1;
    }

  private:
    Pickled& out_;
};

class Reader {
  public:
    explicit Reader(const Pickled& in)
        : p_(in.bytes.data()), end_(in.bytes.data() + in.bytes.size()), in_(in) {}
    void expect(Tag t) {
        need(1);
        if (*p_ != static_cast<uint8_t>(t))
            throw PickleError("pickle: unexpected tag " + std::to_string(*p_) + ", wanted " +
                              std::to_string(static_cast<int>(t)));
        ++p_;
    }
    bool peek(Tag t) const { return p_ < end_ && *p_ == static_cast<uint8_t>(t); }
    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1);
            const uint8_t b = *p_++;
            v |= static_cast<uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        throw PickleError("pickle: varint too long");
    }
    // A length that must fit in the remaining input (each element takes at least one byte).
    size_t length() {
        const uint64_t n = varint();
        if (n > static_cast<uint64_t>(end_ - p_)) throw PickleError("pickle: length past end");
        return static_cast<size_t>(n);
    }
    void raw(void* dst, size_t n) {
        need(n);
        std::memcpy(dst, p_, n);
        p_ += n;
    }
    const std::shared_ptr<void>& handle(size_t i) const {
        if (i >= in_.handles.size()) throw PickleError("pickle: bad handle index");
        return in_.handles[i];
    }
    bool at_end() const { return p_ == end_; }

  private:
    void need(size_t n) const {
        if (static_cast<size_t>(end_ - p_) < n) throw PickleError("pickle: truncated input");
    }
    const uint8_t* p_;
    const uint8_t* end_;
    const Pickled& in_;
};

// Codec<T>: dump(Writer&, const T&) and load(Reader&) -> T. Specialise for new types; channel
// ends specialise it to travel as handles.
template <class T, class = void>
struct Codec;  // undefined: "T is not picklable"

template <class T>
inline constexpr bool is_picklable_v = requires(Writer& w, Reader& r, const T& v) {
    Codec<T>::dump(w, v);
    { Codec<T>::load(r) } -> std::same_as<T>;
};

template <>
struct Codec<std::monostate> {
    static void dump(Writer& w, const std::monostate&) { w.tag(Tag::none); }
    static std::monostate load(Reader& r) {
        r.expect(Tag::none);
        return {};
    }
};

template <>
struct Codec<bool> {
    static void dump(Writer& w, bool v) {
        w.tag(Tag::boolean);
        w.varint(v ? 1 : 0);
    }
    static bool load(Reader& r) {
        r.expect(Tag::boolean);
        const uint64_t v = r.varint();
        if (v > 1) throw PickleError("pickle: bad bool");
        return v == 1;
    }
};

template <class T>
struct Codec<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
    static void dump(Writer& w, T v) {
        w.tag(Tag::integer);
        if constexpr (std::is_signed_v<T>) {
            const int64_t s = v;
            w.varint((static_cast<uint64_t>(s) << 1) ^ static_cast<uint64_t>(s >> 63));
            w.varint(0);  // sign domain marker: signed
        } else {
            w.varint(static_cast<uint64_t>(v));
            w.varint(1);  // unsigned
        }
    }
    static T load(Reader& r) {
        r.expect(Tag::integer);
        const uint64_t raw = r.varint();
        const uint64_t domain = r.varint();
        if (domain == 0) {
            const int64_t s = static_cast<int64_t>((raw >> 1) ^ (~(raw & 1) + 1));
            if constexpr (std::is_signed_v<T>) {
                if (s < std::numeric_limits<T>::min() || s > std::numeric_limits<T>::max())
                    throw PickleError("pickle: integer out of range");
            } else {
                if (s < 0 || static_cast<uint64_t>(s) > std::numeric_limits<T>::max())
                    throw PickleError("pickle: integer out of range");
            }
            return static_cast<T>(s);
        }
        if (domain != 1) throw PickleError("pickle: bad integer");
        if (raw > static_cast<uint64_t>(std::numeric_limits<T>::max()))
            throw PickleError("pickle: integer out of range");
        return static_cast<T>(raw);
    }
};

template <class T>
struct Codec<T, std::enable_if_t<std::is_floating_point_v<T>>> {
    static void dump(Writer& w, T v) {
        w.tag(Tag::real);
        const double d = static_cast<double>(v);
        w.raw(&d, sizeof d);
    }
    static T load(Reader& r) {
        r.expect(Tag::real);
        double d;
        r.raw(&d, sizeof d);
        return static_cast<T>(d);
    }
};

template <>
struct Codec<std::string> {
    static void dump(Writer& w, const std::string& s) {
        w.tag(Tag::string);
        w.varint(s.size());
        w.raw(s.data(), s.size());
    }
    static std::string load(Reader& r) {
        r.expect(Tag::string);
        std::string s(r.length(), '\0');
        r.raw(s.data(), s.size());
        return s;
    }
};

template <class T, class A>
struct Codec<std::vector<T, A>> {
    static void dump(Writer& w, const std::vector<T, A>& v) {
        w.tag(Tag::list);
        w.varint(v.size());
        for (const auto& x : v) Codec<T>::dump(w, static_cast<const T&>(x));
    }
    static std::vector<T, A> load(Reader& r) {
        r.expect(Tag::list);
        const size_t n = r.length();
        std::vector<T, A> v;
        v.reserve(n);
        for (size_t i = 0; i < n; ++i) v.push_back(Codec<T>::load(r));
        return v;
    }
};

template <class... Ts>
struct Codec<std::tuple<Ts...>> {
    static void dump(Writer& w, const std::tuple<Ts...>& t) {
        w.tag(Tag::tuple);
        w.varint(sizeof...(Ts));
        std::apply([&](const auto&... x) { (Codec<std::decay_t<decltype(x)>>::dump(w, x), ...); },
                   t);
    }
    static std::tuple<Ts...> load(Reader& r) {
        r.expect(Tag::tuple);
        if (r.varint() != sizeof...(Ts)) throw PickleError("pickle: tuple arity mismatch");
        // Braced init evaluates left to right, matching the dump order.
        return std::tuple<Ts...>{Codec<Ts>::load(r)...};
    }
};

template <class A, class B>
struct Codec<std::pair<A, B>> {
    static void dump(Writer& w, const std::pair<A, B>& p) {
        w.tag(Tag::tuple);
        w.varint(2);
        Codec<A>::dump(w, p.first);
        Codec<B>::dump(w, p.second);
    }
    static std::pair<A, B> load(Reader& r) {
        r.expect(Tag::tuple);
        if (r.varint() != 2) throw PickleError("pickle: pair arity mismatch");
        A a = Codec<A>::load(r);
        B b = Codec<B>::load(r);
        return {std::move(a), std::move(b)};
    }
};

template <class M>
struct MapCodec {
    using K = typename M::key_type;
    using V = typename M::mapped_type;
    static void dump(Writer& w, const M& m) {
        w.tag(Tag::dict);
        w.varint(m.size());
        for (const auto& [k, v] : m) {
            Codec<K>::dump(w, k);
            Codec<V>::dump(w, v);
        }
    }
    static M load(Reader& r) {
        r.expect(Tag::dict);
        const size_t n = r.length();
        M m;
        for (size_t i = 0; i < n; ++i) {
            K k = Codec<K>::load(r);
            V v = Codec<V>::load(r);
            m.insert_or_assign(std::move(k), std::move(v));
        }
        return m;
    }
};
template <class K, class V, class C, class A>
struct Codec<std::map<K, V, C, A>> : MapCodec<std::map<K, V, C, A>> {};
template <class K, class V, class H, class E, class A>
struct Codec<std::unordered_map<K, V, H, E, A>> : MapCodec<std::unordered_map<K, V, H, E, A>> {};

template <class T>
struct Codec<std::optional<T>> {
    static void dump(Writer& w, const std::optional<T>& v) {
        if (v)
            Codec<T>::dump(w, *v);
        else
            w.tag(Tag::none);
    }
    static std::optional<T> load(Reader& r) {
        if (r.peek(Tag::none)) {
            r.expect(Tag::none);
            return std::nullopt;
        }
        return Codec<T>::load(r);
    }
};

// A shared object travelling by reference (multiprocessing's inherited queues and pipes).
template <class Obj>
struct HandleCodec {
    static void dump(Writer& w, const std::shared_ptr<Obj>& p) {
        w.tag(Tag::handle);
        w.varint(w.handle(std::static_pointer_cast<void>(p)));
    }
    static std::shared_ptr<Obj> load(Reader& r) {
        r.expect(Tag::handle);
        return std::static_pointer_cast<Obj>(r.handle(static_cast<size_t>(r.varint())));
    }
};

// Appends `v` to `out`.
template <class T>
void dump_into(Pickled& out, const T& v) {
    static_assert(is_picklable_v<T>, "type is not picklable (see serialise.hpp for the list)");
    Writer w(out);
    Codec<T>::dump(w, v);
}

// pickle.dumps
template <class T>
[[nodiscard]] Pickled dumps(const T& v) {
    Pickled out;
    dump_into(out, v);
    return out;
}

// pickle.loads: the whole input must be exactly one T.
template <class T>
[[nodiscard]] T loads(const Pickled& in) {
    static_assert(is_picklable_v<T>, "type is not picklable (see serialise.hpp for the list)");
    Reader r(in);
    T v = Codec<T>::load(r);
    if (!r.at_end()) throw PickleError("pickle: trailing bytes");
    return v;
}

}  // namespace pickle
}  // namespace interleave::engine
