// A PercentArgs host for the percent-format tests: a tuple, a single value or a dict of ints,
// floats, strs, bools, bytes and a stand-in "other" object (a list, str() "[1, 2]").
#pragma once

#include <map>
#include <string>
#include <variant>
#include <vector>

#include "python/num/percent_format.hpp"
#include "python/num/str_repr.hpp"

namespace num_test {

struct ListStub {};  // repr/str "[1, 2]", not a number
struct BytesVal {    // a bytes object (bytes formatting reads it through bytes_of)
    std::string data;
};
using PyVal = std::variant<int64_t, interleave::python::BigInt, double, std::string, bool,
                           ListStub, BytesVal>;

class TestArgs : public interleave::python::PercentArgs {
  public:
    enum class Shape { tuple, single, dict };
    Shape shape = Shape::tuple;
    std::vector<PyVal> items;           // tuple items, or items[0] for single
    std::map<std::string, PyVal> dict;  // for Shape::dict
    PyVal looked_up;
    bool lookup_failed = false;

    int64_t tuple_length() const override {
        return shape == Shape::tuple ? static_cast<int64_t>(items.size()) : -1;
    }
    bool is_mapping() const override { return shape == Shape::dict; }
    interleave::python::PercentValue value(int64_t slot) override {
        const PyVal& v = slot >= 0 ? items[static_cast<size_t>(slot)]
                                   : (slot == kLookedUp ? looked_up : operand());
        return describe(v);
    }
    bool lookup(std::string_view key) override {
        auto it = dict.find(std::string(key));
        if (it == dict.end()) {
            lookup_failed = true;
            return false;
        }
        looked_up = it->second;
        return true;
    }
    bool convert(int64_t slot, char, std::string* out) override {
        const PyVal& v = slot >= 0 ? items[static_cast<size_t>(slot)]
                                   : (slot == kLookedUp ? looked_up : operand());
        // only ListStub, bytes and the dict operand reach here
        const auto* b = std::get_if<BytesVal>(&v);
        *out = b ? interleave::python::repr_bytes(b->data) : "[1, 2]";
        return true;
    }
    bool to_int(int64_t, bool, interleave::python::BigInt*, bool* type_error) override {
        *type_error = true;
        return false;
    }
    bool to_float(int64_t, double*, bool* type_error) override {
        *type_error = true;
        return false;
    }
    bool bytes_of(int64_t slot, std::string* out, bool* type_error) override {
        const PyVal& v = slot >= 0 ? items[static_cast<size_t>(slot)]
                                   : (slot == kLookedUp ? looked_up : operand());
        *type_error = !std::holds_alternative<BytesVal>(v);
        if (*type_error) return false;
        *out = std::get<BytesVal>(v).data;
        return true;
    }

  private:
    PyVal dict_operand_{ListStub{}};
    const PyVal& operand() const { return shape == Shape::dict ? dict_operand_ : items[0]; }

    static interleave::python::PercentValue describe(const PyVal& v) {
        using interleave::python::PercentKind;
        interleave::python::PercentValue out;
        if (auto* i = std::get_if<int64_t>(&v)) {
            out.kind = PercentKind::int_;
            out.type_name = "int";
            out.small = *i;
        } else if (auto* b = std::get_if<interleave::python::BigInt>(&v)) {
            out.kind = PercentKind::int_;
            out.type_name = "int";
            out.big = b;
        } else if (auto* d = std::get_if<double>(&v)) {
            out.kind = PercentKind::float_;
            out.type_name = "float";
            out.f = *d;
        } else if (auto* s = std::get_if<std::string>(&v)) {
            out.kind = PercentKind::str;
            out.type_name = "str";
            out.text = *s;
        } else if (auto* t = std::get_if<bool>(&v)) {
            out.kind = PercentKind::bool_;
            out.type_name = "bool";
            out.small = *t ? 1 : 0;
        } else if (std::holds_alternative<BytesVal>(v)) {
            out.kind = PercentKind::bytes;
            out.type_name = "bytes";
        } else {
            out.kind = PercentKind::other;
            out.type_name = "list";
        }
        return out;
    }
};

}  // namespace num_test
