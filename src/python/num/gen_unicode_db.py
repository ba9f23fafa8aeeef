#!/usr/bin/env python3
"""Generates unicode_db_props.cpp and unicode_db_case.cpp: the character properties and case mappings that CPython 3.11's
str methods use (Objects/unicodectype.c), taken from the running python3's own str methods so
that the tables agree with CPython by construction (Unicode 14.0.0 for 3.11).

Run with python3.11 from the repository root (two files, to keep each small):
    python3 src/python/num/gen_unicode_db.py props > src/python/num/unicode_db_props.cpp
    python3 src/python/num/gen_unicode_db.py case > src/python/num/unicode_db_case.cpp

Layout (all sorted by code point, looked up by binary search in unicode_db.cpp):
  - flag runs: maximal ranges of code points with equal property flags (start, flags);
  - decimal blocks: starts of runs of ten consecutive decimal digits 0..9;
  - case ranges per mapping (lower, upper, title, fold): code points start, start+stride, ...
    (count of them) map to c + delta; code points between them map to themselves;
  - case specials: mappings to two or three code points (e.g. 'ß'.upper() == 'SS').
"""
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"
MAX = 0x110000
SIGMA = "\u03a3"

# Flag bits; keep in step with unicode_db.hpp.
ALPHA, DECIMAL, DIGIT, NUMERIC, SPACE, PRINTABLE = 1, 2, 4, 8, 16, 32
UPPER, LOWER, TITLE, CASE_IGNORABLE, XID_START, XID_CONTINUE = 64, 128, 256, 512, 1024, 2048


def is_surrogate(c):
    return 0xD800 <= c <= 0xDFFF


def flags_of(c):
    ch = chr(c)
    f = 0
    if ch.isalpha(): f |= ALPHA
    if ch.isdecimal(): f |= DECIMAL
    if ch.isdigit(): f |= DIGIT
    if ch.isnumeric(): f |= NUMERIC
    if ch.isspace(): f |= SPACE
    if ch.isprintable(): f |= PRINTABLE
    # Single-character isupper/islower/istitle return the flags themselves (unicodeobject.c).
    if ch.isupper(): f |= UPPER
    if ch.islower(): f |= LOWER
    if ch.istitle() and not ch.isupper(): f |= TITLE
    cased = bool(f & (UPPER | LOWER | TITLE))
    # Cased is Lowercase | Uppercase | Lt; check it the way str.title() sees it.
    assert cased == ((ch + "A").title()[-1] == "a"), hex(c)
    # Case_Ignorable, observed through the final-sigma rule of str.lower().
    if cased:
        ignorable = ("A" + SIGMA + ch).lower()[1] == "\u03c2"
    else:
        ignorable = ("A" + ch + SIGMA).lower()[-1] == "\u03c2"
    if ignorable: f |= CASE_IGNORABLE
    if not is_surrogate(c):
        if ch.isidentifier(): f |= XID_START          # '_' included, as CPython's check
        if ("a" + ch).isidentifier(): f |= XID_CONTINUE
    return f


def flag_runs():
    runs = []
    prev = None
    for c in range(MAX):
        f = flags_of(c)
        if f != prev:
            runs.append((c, f))
            prev = f
    return runs


def decimal_blocks():
    starts = []
    c = 0
    while c < MAX:
        if chr(c).isdecimal():
            assert unicodedata.decimal(chr(c)) == 0, hex(c)
            for k in range(10):
                assert unicodedata.decimal(chr(c + k)) == k, hex(c + k)
            assert not chr(c + 10).isdecimal() or unicodedata.decimal(chr(c + 10)) == 0
            starts.append(c)
            c += 10
        else:
            c += 1
    return starts


def mapping(kind, c):
    ch = chr(c)
    if kind == "lower": return ch.lower()
    if kind == "upper": return ch.upper()
    if kind == "title": return ch.title()
    return ch.casefold()


def case_tables(kind):
    single = {}
    special = []
    for c in range(MAX):
        if is_surrogate(c):
            continue
        m = mapping(kind, c)
        if m == chr(c):
            continue
        if len(m) == 1:
            single[c] = ord(m) - c
        else:
            assert len(m) <= 3
            special.append((c, [ord(x) for x in m]))
    specials = {c for c, _ in special}
    ranges = []
    cps = sorted(single)
    i = 0
    while i < len(cps):
        start, delta = cps[i], single[cps[i]]
        stride, count = 1, 1
        if i + 1 < len(cps) and single[cps[i + 1]] == delta:
            gap = cps[i + 1] - start
            if gap == 2 and start + 1 not in single and start + 1 not in specials:
                stride = 2
            if gap in (1, 2) and gap == stride:
                while (i + count < len(cps) and cps[i + count] == start + count * stride
                       and single[cps[i + count]] == delta and count < 0xFFFF
                       and (stride == 1 or (start + count * stride - 1 not in single
                                            and start + count * stride - 1 not in specials))):
                    count += 1
        ranges.append((start, count, stride, delta))
        i += count
    return ranges, special


def emit_array(out, decl, items, per_line):
    out.append(decl + " = {")
    for k in range(0, len(items), per_line):
        out.append("    " + " ".join(items[k:k + per_line]))
    out.append("};")


def main():
    part = sys.argv[1] if len(sys.argv) > 1 else ""
    assert part in ("props", "case"), "usage: gen_unicode_db.py props|case"
    out = []
    out.append("// GENERATED by src/python/num/gen_unicode_db.py %s from CPython %s (Unicode %s)."
               % (part, sys.version.split()[0], unicodedata.unidata_version))
    out.append("// Do not edit; regenerate. Tables for unicode_db.cpp.")
    out.append('#include "python/num/unicode_db_data.hpp"')
    out.append("")
    out.append("// clang-format off")
    out.append("namespace interleave::python::detail {")
    out.append("")
    if part == "props":
        runs = flag_runs()
        emit_array(out, "const uint32_t kFlagRunStart[%d]" % len(runs),
                   ["0x%x," % s for s, _ in runs], 16)
        emit_array(out, "const uint16_t kFlagRunFlags[%d]" % len(runs),
                   ["0x%x," % f for _, f in runs], 20)
        out.append("const uint32_t kFlagRunCount = %d;" % len(runs))
        latin1 = [flags_of(c) for c in range(256)]
        emit_array(out, "const uint16_t kLatin1Flags[256]", ["0x%x," % f for f in latin1], 16)
        dec = decimal_blocks()
        emit_array(out, "const uint32_t kDecimalStart[%d]" % len(dec), ["0x%x," % s for s in dec], 10)
        out.append("const uint32_t kDecimalCount = %d;" % len(dec))
    else:
        for kind in ("lower", "upper", "title", "fold"):
            ranges, special = case_tables(kind)
            emit_array(out, "const CaseRange k%sRanges[%d]" % (kind.capitalize(), len(ranges)),
                       ["{0x%x, %d, %d, %d}," % r for r in ranges], 4)
            out.append("const uint32_t k%sRangeCount = %d;" % (kind.capitalize(), len(ranges)))
            items = ["{0x%x, {%s}}," % (c, ", ".join("0x%x" % x for x in m + [0] * (3 - len(m))))
                     for c, m in special]
            emit_array(out, "const CaseSpecial k%sSpecials[%d]" % (kind.capitalize(), max(1, len(items))),
                       items or ["{0, {0, 0, 0}},"], 3)
            out.append("const uint32_t k%sSpecialCount = %d;" % (kind.capitalize(), len(special)))
            out.append("")
    out.append("}  // namespace interleave::python::detail")
    out.append("// clang-format on")
    print("\n".join(out))


if __name__ == "__main__":
    main()
