// "Did you mean" suggestions (see suggestions.hpp).
#include "python/vm/suggestions.hpp"

#include <algorithm>
#include <cstdint>

#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"

namespace interleave::python {

namespace {

constexpr size_t kMaxCandidateItems = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return kMoveCost;  // not the same letter in another case
    if (a == b) return 0;
    if ('A' <= a && a <= 'Z') a = char(a + ('a' - 'A'));
    if ('A' <= b && b <= 'Z') b = char(b + ('a' - 'A'));
    return a == b ? kCaseCost : kMoveCost;
}

// One row of the matrix, updated in place; gives up (max_cost + 1) once a whole row is over.
size_t levenshtein(std::string_view a, std::string_view b, size_t max_cost) {
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
    if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
    if (b.size() < a.size()) std::swap(a, b);  // the shorter one is the row
    if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
    size_t row[kMaxStringSize];
    for (size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
    size_t result = 0;
    for (size_t bi = 0; bi < b.size(); ++bi) {
        size_t distance = result = bi * kMoveCost;
        size_t minimum = SIZE_MAX;
        for (size_t i = 0; i < a.size(); ++i) {
            const size_t substitute = distance + substitution_cost(b[bi], a[i]);
            distance = row[i];
            const size_t insert_delete = std::min(result, distance) + kMoveCost;
            result = std::min(insert_delete, substitute);
            row[i] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

void dict_keys(Dict* d, std::vector<std::string_view>* out) {
    int64_t pos = 0;
    Value k;
    while (d && dict_next(d, &pos, &k, nullptr))
        if (is_str(k)) out->push_back(str_view(k));
}

}  // namespace

int closest_name(std::string_view name, const std::vector<std::string_view>& candidates) {
    if (candidates.size() >= kMaxCandidateItems) return -1;
    int best = -1;
    size_t best_distance = SIZE_MAX;
    for (size_t i = 0; i < candidates.size(); ++i) {
        const std::string_view item = candidates[i];
        if (item == name) continue;
        // No more than a third of the characters involved may change, and no worse than the best.
        size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
        if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
        const size_t d = levenshtein(name, item, max_distance);
        if (d > max_distance) continue;
        if (best < 0 || d < best_distance) {
            best = int(i);
            best_distance = d;
        }
    }
    return best;
}

Str* name_error_suggestion(ThreadState& ts, const Frame* frame, Str* name) {
    if (!frame || !frame->code) return nullptr;
    std::vector<std::string_view> c;
    const Code* code = frame->code;
    for (int i = 0; i < code->nlocals && size_t(i) < code->localsplusnames.size(); ++i)
        c.push_back(code->localsplusnames[size_t(i)]->view());
    const std::string_view want = name->view();
    for (Dict* scope : {static_cast<Dict*>(nullptr), frame->globals, frame->builtins}) {
        if (scope) {
            c.clear();
            dict_keys(scope, &c);
        }
        const int i = closest_name(want, c);
        if (i >= 0) return new_str(ts, c[size_t(i)]);
    }
    return nullptr;
}

std::string attribute_error_suggestion(ThreadState& ts, Value obj, Value name) {
    if (obj.is_null() || !is_str(name)) return {};
    Value dir = dict_lookup_view(ts.interp.builtins, "dir");
    if (dir.is_null()) return {};
    Rooted keep(ts, obj);
    Value listing = call1(ts, dir, obj);
    if (listing.is_null()) {
        clear_exc(ts);
        return {};
    }
    Rooted kl(ts, listing);
    if (!is_list(listing)) return {};
    std::vector<std::string_view> c;
    const List* l = listing.as<List>();
    for (int64_t i = 0; i < l->size; ++i)
        if (is_str(l->items[i])) c.push_back(str_view(l->items[i]));
    const int i = closest_name(str_view(name), c);
    return i < 0 ? std::string() : std::string(c[size_t(i)]);
}

}  // namespace interleave::python
