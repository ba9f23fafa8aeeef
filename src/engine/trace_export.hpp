// Interleave engine — Chrome Trace Event JSON export (Perfetto, chrome://tracing).
//
// Layout: one pid per simulated process (process 0 -> pid 1, named "MainProcess"), one small
// integer tid per worker (worker id + 1) with thread_name metadata, and per process one extra
// track "GIL" whose slices say who held it. On each worker track, task slices ("X") nest by
// task depth and state slices are cut at every task boundary, so slices nest perfectly.
// print events become instant events carrying the line; Python call spans (py_span) get a track
// "<worker> (Python calls)" per worker; line samples (py_line) are not exported (they are for
// the editor's markers). Any thread; reads a snapshot.
#pragma once

#include <string>
#include <vector>

#include "engine/run.hpp"
#include "engine/trace.hpp"

namespace interleave::engine {

std::string export_chrome_trace(const Tracer& tracer, const std::vector<OutputLine>& output,
                                int64_t end_ns);

}  // namespace interleave::engine
