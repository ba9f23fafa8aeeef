// The standard-library modules written in Python (src/python/modules/<stem>.py, embedded by
// cmake/python_modules.cmake as interleave_pymod_<stem>), for modules/registry.cpp:
//   {"itertools", nullptr, pymod_text(interleave_pymod_itertools)},
// Adding one: the .py file, one line here, one line in registry.cpp.
#pragma once

extern "C" const unsigned char interleave_pymod_itertools[];
extern "C" const unsigned char interleave_pymod_functools[];
extern "C" const unsigned char interleave_pymod_collections[];
extern "C" const unsigned char interleave_pymod_collections_abc[];
extern "C" const unsigned char interleave_pymod_operator[];
extern "C" const unsigned char interleave_pymod_contextlib[];
extern "C" const unsigned char interleave_pymod_dataclasses[];
extern "C" const unsigned char interleave_pymod_copy[];
extern "C" const unsigned char interleave_pymod_io[];
extern "C" const unsigned char interleave_pymod_datetime[];
extern "C" const unsigned char interleave_pymod_random[];
extern "C" const unsigned char interleave_pymod_bisect[];
extern "C" const unsigned char interleave_pymod_heapq[];
extern "C" const unsigned char interleave_pymod_os[];
extern "C" const unsigned char interleave_pymod_signal[];
extern "C" const unsigned char interleave_pymod_posixpath[];
extern "C" const unsigned char interleave_pymod_string[];
extern "C" const unsigned char interleave_pymod_typing[];
extern "C" const unsigned char interleave_pymod_enum[];
extern "C" const unsigned char interleave_pymod_contextvars[];
extern "C" const unsigned char interleave_pymod_types[];
extern "C" const unsigned char interleave_pymod_time[];
extern "C" const unsigned char interleave_pymod__structseq[];
extern "C" const unsigned char interleave_pymod__sysinfo[];
extern "C" const unsigned char interleave_pymod_concurrent_futures[];
extern "C" const unsigned char interleave_pymod_concurrent_futures_base[];
extern "C" const unsigned char interleave_pymod_concurrent_futures_thread[];
extern "C" const unsigned char interleave_pymod_concurrent_futures_process[];
extern "C" const unsigned char interleave_pymod_urllib_error[];
extern "C" const unsigned char interleave_pymod_urllib_request[];
extern "C" const unsigned char interleave_pymod_traceback[];
extern "C" const unsigned char interleave_pymod_logging[];
extern "C" const unsigned char interleave_pymod_abc[];
extern "C" const unsigned char interleave_pymod_timeit[];
extern "C" const unsigned char interleave_pymod_statistics[];
extern "C" const unsigned char interleave_pymod_json[];
extern "C" const unsigned char interleave_pymod_atexit[];
extern "C" const unsigned char interleave_pymod_pprint[];
