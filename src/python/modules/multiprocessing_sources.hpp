// The Python sources of multiprocessing, concurrent.futures and pickle (modules/registry.cpp
// registers them; each runs in its module's dict at first import, after its native init).
#pragma once

namespace interleave::python {

extern const char* const kMultiprocessingSource;           // multiprocessing
extern const char* const kMultiprocessingPoolSource;       // multiprocessing.pool
extern const char* const kMultiprocessingManagersSource;   // multiprocessing.managers
extern const char* const kConcurrentFuturesSource;         // concurrent.futures
extern const char* const kConcurrentFuturesProcessSource;  // concurrent.futures.process
extern const char* const kConcurrentFuturesThreadSource;   // concurrent.futures.thread
extern const char* const kPickleSource;                    // pickle

}  // namespace interleave::python
