// The eval loop's slow paths (each a function so the loop stays small). Internal to vm/.
#pragma once

#include "python/compiler/opcodes.hpp"
#include "python/objects/api.hpp"
#include "python/vm/state.hpp"

namespace interleave::python {

struct Code;
struct Generator;

// The eval breaker's slow path (CPython 3.11's eval_breaker handling): charges the
// `instructions` run since the last poll to the simulated machine (and zeroes the count), then
// stop, the GIL's drop request, the simulated scheduler's switch, line samples and a due
// collection. false: the thread must unwind (run stopping, daemon at shutdown).
bool eval_breaker(ThreadState& ts, uint64_t& instructions);
// engine::WorkerContext::on_wait for a Python thread: publishes the program line it waits at
// (issue #9 item 7: the editor's line markers). ThreadState's constructor sets it.
void publish_wait_line(engine::WorkerContext& ctx);
// Instructions between two slow-path visits on the real machine (collection checks).
constexpr uint64_t kInstructionsPerGcCheck = 1024;
// Instructions charged to the simulated machine at once: its time advances in such steps
// between the engine's own events (7.7 µs with the GIL, well under a switch interval).
// Free-threaded, workers on different cores run in lock-step by these steps (each one a baton
// hand-off between OS threads), so they are larger there (123 µs).
constexpr uint64_t kInstructionsPerCharge = 256;
constexpr uint64_t kInstructionsPerChargeFree = 4096;

void raise_unbound_local(ThreadState& ts, const Code* code, unsigned index);
void raise_unbound_deref(ThreadState& ts, const Code* code, unsigned index);
void raise_name_error(ThreadState& ts, Str* name);

void add_traceback(ThreadState& ts, Frame* frame, int offset);
const ExceptionEntry* find_handler(const Code* code, int offset);
void do_raise(ThreadState& ts, Value exc, Value cause, bool has_cause);
bool check_except_type_valid(ThreadState& ts, Value type);
Value exception_traceback(Value exc);  // __traceback__ or None

Value build_string(ThreadState& ts, const Value* parts, unsigned n);
Value build_set(ThreadState& ts, const Value* items, unsigned n);
bool set_add_value(ThreadState& ts, Value set, Value item);
bool set_update_value(ThreadState& ts, Value set, Value iterable);
// {**a, **b} in a call: duplicates are TypeErrors naming the function.
bool dict_merge_kwargs(ThreadState& ts, Dict* d, Value other, Value callable);
// Unpacks `seq` into dst[0..] in stack order (last item lowest); `after` < 0: exactly `before`.
bool unpack_iterable(ThreadState& ts, Value seq, int before, int after, Value* dst);
Value make_function(ThreadState& ts, Frame* frame, Value* sp, unsigned flags);
Value format_value(ThreadState& ts, Value v, int conversion, Value spec);
bool before_with(ThreadState& ts, Value mgr, Value* exit_fn, Value* result, bool is_async);

// Generators: link `g`'s frame above `caller` (inline resumption) with `value` sent in.
bool enter_generator(ThreadState& ts, Generator* g, Frame* caller, Value value);
void leave_generator(ThreadState& ts, Generator* g);
// A generator's frame ended with an exception: StopIteration becomes RuntimeError (PEP 479).
void generator_exception_exit(ThreadState& ts, Generator* g);
Value send_to(ThreadState& ts, Value receiver, Value v, bool* returned);
Value get_awaitable(ThreadState& ts, Value v, int where);
Value get_aiter(ThreadState& ts, Value v);
Value get_anext(ThreadState& ts, Value v);
Value async_gen_wrap(ThreadState& ts, Value v);

// except*
bool exception_group_match(ThreadState& ts, Value exc, Value type, Value* match, Value* rest);
// eg.split(condition) (match, rest: None when empty); false: raised.
bool exception_group_split_by(ThreadState& ts, Value eg, Value condition, Value* match,
                              Value* rest);
Value prep_reraise_star(ThreadState& ts, Value orig, Value excs);

Value import_name(ThreadState& ts, Frame* frame, Str* name, Value level, Value fromlist);
Value import_from(ThreadState& ts, Value module, Str* name);
bool import_star(ThreadState& ts, Frame* frame, Value module);
bool setup_annotations(ThreadState& ts, Frame* frame);

Value match_keys(ThreadState& ts, Value subject, Value keys);
Value match_class(ThreadState& ts, Value subject, Value cls, Value kwnames, int nargs);
// Whether a sequence pattern may match v (MATCH_SEQUENCE).
bool match_sequence(Value v);
// Whether a mapping pattern may match v (MATCH_MAPPING).
bool match_mapping(Value v);
Value call_intrinsic(ThreadState& ts, int which, Value v);

bool list_extend_with(ThreadState& ts, List* l, Value iterable);
Value sequence_compare(ThreadState& ts, const Value* a, int64_t na, const Value* b, int64_t nb,
                       CompareOp op);
Value run_frame(ThreadState& ts, Frame* entry);

}  // namespace interleave::python
