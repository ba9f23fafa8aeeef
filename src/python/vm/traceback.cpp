// Exception formatting (see traceback.hpp).
#include "python/vm/traceback.hpp"

#include <unordered_set>

#include "python/compiler/compile_source.hpp"
#include "python/vm/code.hpp"
#include "python/vm/errors.hpp"
#include "python/vm/ops.hpp"
#include "python/vm/suggestions.hpp"

namespace interleave::python {

Value exception_group_exceptions(ThreadState& ts, Value eg);

namespace {

const std::vector<std::string>* source_lines(ThreadState& ts, Str* filename) {
    for (auto& p : ts.interp.programs)
        if (p->filename == filename->view()) return &p->lines;
    return nullptr;
}

// UTF-8 byte offset -> character offset within `line`.
int char_offset(const std::string& line, int byte_off) {
    int n = 0;
    for (int i = 0; i < byte_off && i < int(line.size()); ++i)
        if ((static_cast<unsigned char>(line[size_t(i)]) & 0xC0) != 0x80) ++n;
    if (byte_off > int(line.size())) n += byte_off - int(line.size());
    return n;
}

bool is_ws(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r';
}

void format_entry(ThreadState& ts, const Traceback* tb, std::string& out) {
    const Code* code = tb->code;
    out += fmt::format("  File \"{}\", line {}, in {}\n", code->filename->view(), tb->lineno,
                       code->name->view());
    const std::vector<std::string>* lines = source_lines(ts, code->filename);
    if (!lines || tb->lineno < 1 || size_t(tb->lineno) > lines->size()) return;
    const std::string& line = (*lines)[size_t(tb->lineno - 1)];
    size_t b = 0;
    while (b < line.size() && is_ws(line[b])) ++b;
    size_t e = line.size();
    while (e > b && is_ws(line[e - 1])) --e;
    if (b >= e) return;
    std::string stripped = line.substr(b, e - b);
    out += "    " + stripped + "\n";
    Position p = code->position(tb->lasti);
    if (p.line < 0 || p.end_line < 0 || p.col < 0 || p.end_col < 0) return;
    if (p.line != tb->lineno) return;
    int start = char_offset(line, p.col);
    int end = char_offset(line, p.end_col);
    int left_end = -1, right_start = -1;
    char primary = '^', secondary = '^';
    if (p.line == p.end_line) {
        std::string seg = line.substr(size_t(p.col), size_t(std::max(0, p.end_col - p.col)));
        int le = -1, rs = -1;
        if (caret_anchors(seg, &le, &rs, &primary, &secondary)) {
            left_end = char_offset(seg, le) + start;
            right_start = char_offset(seg, rs) + start;
        } else {
            primary = secondary = '^';
        }
    } else {
        end = char_offset(line, int(e));
    }
    int truncation = char_offset(line, int(b));
    int stripped_len = char_offset(line, int(e)) - truncation;
    bool secondary_ranges = left_end != -1 || right_start != -1;
    if (end - start == stripped_len && !secondary_ranges) return;
    std::string carets = "    ";
    for (int off = truncation + 1; off <= end; ++off) {
        if (off <= start)
            carets += ' ';
        else if (secondary_ranges && left_end < off && off <= right_start)
            carets += secondary;
        else
            carets += primary;
    }
    out += carets + "\n";
}

// The entries from `tb` down, as CPython 3.11's traceback.c tb_print_internal: more than three
// entries in a row from the same file, line and function (recursion) print as three and
// "[Previous line repeated N more times]".
void format_stack(ThreadState& ts, Value tb, std::string& out) {
    constexpr int kRecursiveCutoff = 3;  // TB_RECURSIVE_CUTOFF
    const Code* last_code = nullptr;
    int last_line = -1, count = 0;
    auto repeated = [&] {
        if (count <= kRecursiveCutoff) return;
        const int n = count - kRecursiveCutoff;
        out += fmt::format("  [Previous line repeated {} more time{}]\n", n, n > 1 ? "s" : "");
    };
    for (Value t = tb; !t.is_null() && !t.is_none(); t = t.as<Traceback>()->next) {
        const Traceback* e = t.as<Traceback>();
        const bool same = last_code && e->lineno == last_line &&
                          e->code->filename->view() == last_code->filename->view() &&
                          e->code->name->view() == last_code->name->view();
        if (!same) {
            repeated();
            last_code = e->code;
            last_line = e->lineno;
            count = 0;
        }
        if (++count > kRecursiveCutoff) continue;
        format_entry(ts, e, out);
    }
    repeated();
}

// CPython 3.11's traceback.py _ExceptionPrintContext: exception groups nest with "| " margins.
struct PrintCtx {
    std::unordered_set<uint64_t> seen;
    int depth = 0;  // exception_group_depth
    bool need_close = false;
};

// Appends `text` with every line indented for the current group depth (textwrap.indent).
void emit(PrintCtx& c, std::string& out, const std::string& text, char margin = '|') {
    std::string ind(size_t(2 * c.depth), ' ');
    if (c.depth) {
        ind += margin;
        ind += ' ';
    }
    for (size_t s = 0; s < text.size();) {
        size_t nl = text.find('\n', s);
        size_t e = nl == std::string::npos ? text.size() : nl + 1;
        out += ind;
        out.append(text, s, e - s);
        s = e;
    }
}

void format_only(ThreadState& ts, Value exc, std::string& out);

void format_chain(ThreadState& ts, Value exc, std::string& out, PrintCtx& c) {
    // (message, exception) pairs from the outermost exception down its __cause__/__context__.
    std::vector<std::pair<const char*, Value>> chain;
    const char* msg = nullptr;
    for (Value e = exc; !e.is_null();) {
        c.seen.insert(e.bits());
        chain.emplace_back(msg, e);
        Value next = Value::null();
        msg = nullptr;
        if (is_exception_instance(e)) {
            auto* b = e.as<BaseException>();
            if (!b->cause.is_null() && !b->cause.is_none() && is_exception_instance(b->cause)) {
                if (!c.seen.count(b->cause.bits())) {
                    next = b->cause;
                    msg =
                        "\nThe above exception was the direct cause of the following "
                        "exception:\n\n";
                }
            } else if (!b->context.is_null() && !b->context.is_none() && !b->suppress_context &&
                       is_exception_instance(b->context) && !c.seen.count(b->context.bits())) {
                next = b->context;
                msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
            }
        }
        e = next;
    }
    Rooted keep(ts, exc);
    for (size_t k = chain.size(); k-- > 0;) {
        Value e = chain[k].second;
        if (k + 1 < chain.size() && chain[k + 1].first) emit(c, out, chain[k + 1].first);
        Value tb = is_exception_instance(e) ? e.as<BaseException>()->traceback : Value::null();
        std::string stack;
        if (!tb.is_null() && !tb.is_none()) format_stack(ts, tb, stack);
        const bool group = e.is_ptr() && is_subtype(type_of(e), &exc_BaseExceptionGroup);
        if (!group) {
            if (!stack.empty()) emit(c, out, "Traceback (most recent call last):\n" + stack);
            std::string only;
            format_only(ts, e, only);
            emit(c, out, only);
            continue;
        }
        if (c.depth > 10) {  // max_group_depth
            emit(c, out, "... (max_group_depth is 10)\n");
            continue;
        }
        const bool toplevel = c.depth == 0;
        if (toplevel) ++c.depth;
        if (!stack.empty()) {
            emit(c, out, "Exception Group Traceback (most recent call last):\n",
                 toplevel ? '+' : '|');
            emit(c, out, stack);
        }
        std::string only;
        format_only(ts, e, only);
        emit(c, out, only);
        Value excs = exception_group_exceptions(ts, e);
        if (excs.is_null()) {
            clear_exc(ts);
            if (toplevel) c.depth = 0;
            continue;
        }
        Rooted kx(ts, excs);
        const int64_t num = is_tuple(excs) ? excs.as<Tuple>()->size : 0;
        const int64_t width = 15;  // max_group_width
        const int64_t n = num <= width ? num : width + 1;
        c.need_close = false;
        for (int64_t i = 0; i < n; ++i) {
            const bool last = i == n - 1;
            if (last) c.need_close = true;
            const bool truncated = i >= width;
            std::string title = truncated ? std::string("...") : std::to_string(i + 1);
            out += std::string(size_t(2 * c.depth), ' ') + (i == 0 ? "+-" : "  ") +
                   "+---------------- " + title + " ----------------\n";
            ++c.depth;
            if (!truncated) {
                format_chain(ts, excs.as<Tuple>()->items[i], out, c);
            } else {
                const int64_t rem = num - width;
                emit(c, out, fmt::format("and {} more exception{}\n", rem, rem > 1 ? "s" : ""));
            }
            if (last && c.need_close) {
                out += std::string(size_t(2 * c.depth), ' ') +
                       "+------------------------------------\n";
                c.need_close = false;
            }
            --c.depth;
        }
        if (toplevel) c.depth = 0;
    }
}

void format_syntax_error_detail(ThreadState&, Value exc, std::string& out) {
    Dict* d = exc.as<BaseException>()->attrs;
    if (!d) return;
    Value fn = dict_lookup_view(d, "filename");
    Value ln = dict_lookup_view(d, "lineno");
    Value text = dict_lookup_view(d, "text");
    Value off = dict_lookup_view(d, "offset");
    Value eoff = dict_lookup_view(d, "end_offset");
    Value eln = dict_lookup_view(d, "end_lineno");
    if (!is_str(fn) || !ln.is_small()) return;
    std::string line;
    if (is_str(text)) line = std::string(str_view(text));
    out += format_syntax_error_location(str_view(fn), ln.as_small(), is_str(text) ? &line : nullptr,
                                        off.is_small() ? off.as_small() : 0,
                                        eln.is_small() ? eln.as_small() : 0,
                                        eoff.is_small() ? eoff.as_small() : 0);
}

// ". Did you mean: 'x'?" after a NameError's or AttributeError's message (pythonrun.c
// print_exception with _Py_Offer_Suggestions), or "".
std::string suggestion_text(ThreadState& ts, Value exc) {
    if (!is_exception_instance(exc)) return {};
    std::string best;
    if (is_subtype(type_of(exc), &exc_NameError)) {
        Value s = exc.as<BaseException>()->suggestion;
        if (is_str(s)) best = std::string(str_view(s));
    } else if (is_subtype(type_of(exc), &exc_AttributeError)) {
        if (Dict* d = exc.as<BaseException>()->attrs)
            best = attribute_error_suggestion(ts, dict_get_str(d, names.obj),
                                              dict_get_str(d, names.name));
    }
    return best.empty() ? best : ". Did you mean: '" + best + "'?";
}

void format_only(ThreadState& ts, Value exc, std::string& out) {
    if (is_exception_instance(exc) && is_subtype(type_of(exc), &exc_SyntaxError))
        format_syntax_error_detail(ts, exc, out);
    std::string name = exception_type_name(exc);
    std::string msg = exception_message(ts, exc);
    if (is_subtype(type_of(exc), &exc_SyntaxError)) {
        Value m = exception_attr(exc, "msg");
        if (is_str(m)) msg = std::string(str_view(m));
    }
    msg += suggestion_text(ts, exc);
    out += msg.empty() ? name + "\n" : name + ": " + msg + "\n";
    if (Dict* d = instance_dict(ts, exc)) {
        Value notes = dict_get_str(d, names.__notes__);
        if (is_list(notes)) {
            List* l = notes.as<List>();
            for (int64_t i = 0; i < l->size; ++i) {
                std::string s;
                if (is_str(l->items[i]))
                    s = std::string(str_view(l->items[i]));
                else if (!repr_utf8(ts, l->items[i], &s)) {
                    clear_exc(ts);
                    s = "<note str() failed>";
                }
                out += s + "\n";
            }
        }
    }
}

}  // namespace

std::string format_syntax_error_location(std::string_view filename, int64_t lineno,
                                         const std::string* text, int64_t offset,
                                         int64_t end_lineno, int64_t end_offset) {
    std::string out = fmt::format("  File \"{}\", line {}\n", filename, lineno);
    if (!text) return out;
    const std::string& line = *text;
    size_t b = 0;
    while (b < line.size() && (line[b] == ' ' || line[b] == '\t' || line[b] == '\f')) ++b;
    size_t e = line.size();
    while (e > b && (line[e - 1] == '\n' || line[e - 1] == '\r')) --e;
    std::string shown = line.substr(b, e - b);
    out += "    " + shown + "\n";
    if (offset <= 0) return out;
    // pythonrun.c: an error spanning lines is marked to the end of its first line; the carets
    // never run past the text (line_size counts the text as given, newline included).
    const int64_t line_size = char_offset(line, int(line.size()));
    int64_t eo = end_offset;
    if (end_lineno > lineno) eo = line_size;
    if (eo > line_size + 1) eo = line_size + 1;
    // Offsets are 1-based character columns; the stripped indentation shifts them.
    int64_t lead = char_offset(line, int(b));
    int64_t col = offset - 1 - lead;
    int64_t width = (eo > 0 && eo > offset) ? eo - offset : 1;
    int64_t shown_len = char_offset(shown, int(shown.size()));
    if (col < 0) return out;  // points into the stripped indentation: no caret (pythonrun.c)
    if (col > shown_len) col = shown_len;
    out += "    " + std::string(size_t(col), ' ') + std::string(size_t(width), '^') + "\n";
    return out;
}

std::string exception_type_name(Value exc) {
    Type* t = type_of(exc);
    std::string name(t->qualname ? t->qualname->view() : t->name_str->view());
    if (t->tflags & kTypeHeap) {
        Value mod = dict_get_str(t->dict, names.__module__);
        if (is_str(mod) && str_view(mod) != "builtins" && str_view(mod) != "__main__")
            return std::string(str_view(mod)) + "." + name;
        return name;
    }
    std::string_view full(t->name);
    return std::string(full);
}

std::string exception_message(ThreadState& ts, Value exc) {
    Rooted keep(ts, exc);
    Value saved = fetch_exc(ts);
    Rooted ks(ts, saved);
    std::string s;
    if (!str_utf8(ts, exc, &s)) {
        clear_exc(ts);
        s = "<exception str() failed>";
    }
    if (!saved.is_null()) ts.curexc = saved;
    return s;
}

int exception_line(Value exc) {
    if (!is_exception_instance(exc)) return 0;
    Value tb = exc.as<BaseException>()->traceback;
    int line = 0;
    for (Value t = tb; !t.is_null() && !t.is_none(); t = t.as<Traceback>()->next)
        line = t.as<Traceback>()->lineno;
    return line;
}

std::string format_exception(ThreadState& ts, Value exc) {
    std::string out;
    PrintCtx c;
    Rooted keep(ts, exc);
    format_chain(ts, exc, out, c);
    return out;
}

}  // namespace interleave::python
