# engine_one_clock (CTest): src/engine and src/python read time only through the run's Clock
# (src/engine/clock.hpp). A host clock read anywhere else is an error naming the file and line:
# it would bypass the simulated machine's virtual time and, in the browser, the one time base
# every Web Worker shares (issue #8 item 2; REVIEW.md §2.1).
#   cmake -DSRC=<repo>/src -P cmake/check_clock_reads.cmake
# Allowed: the clock itself (clock.*, clock_source.hpp, platform/*) and the real machine's spin
# calibration (machine.cpp), which must time real CPU work.
cmake_minimum_required(VERSION 3.20)
if(NOT SRC)
  message(FATAL_ERROR "pass -DSRC=<repo>/src")
endif()
file(GLOB_RECURSE files "${SRC}/engine/*.cpp" "${SRC}/engine/*.hpp" "${SRC}/engine/*.js"
  "${SRC}/python/*.cpp" "${SRC}/python/*.hpp" "${SRC}/python/*.h" "${SRC}/python/*.inc")
set(allowed engine/clock.cpp engine/clock.hpp engine/clock_source.hpp engine/machine.cpp)
set(pattern "steady_clock|system_clock|high_resolution_clock|clock_gettime|gettimeofday|emscripten_get_now|performance\\.now|timeOrigin|sleep_for|sleep_until|wait_until|std::clock\\(|std::time\\(|time\\(nullptr\\)|time\\(NULL\\)|CLOCK_(MONOTONIC|REALTIME|PROCESS|THREAD)|::now\\(\\)|Date\\.now")
set(bad "")
foreach(f IN LISTS files)
  file(RELATIVE_PATH rel "${SRC}" "${f}")
  if(rel IN_LIST allowed OR rel MATCHES "^engine/platform/")
    continue()
  endif()
  file(STRINGS "${f}" lines)
  set(n 0)
  foreach(line IN LISTS lines)
    math(EXPR n "${n} + 1")
    string(REGEX REPLACE "//.*$" "" code "${line}")
    if(code MATCHES "${pattern}")
      string(STRIP "${line}" shown)
      string(APPEND bad "  src/${rel}:${n}: ${shown}\n")
    endif()
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "Host clock read outside the run's Clock (use Runtime::now_ns / "
    "deadline_after / WorkerContext::now_ns; see src/engine/clock.hpp):\n${bad}")
endif()
message(STATUS "engine_one_clock: no host clock read outside src/engine/clock* (${SRC})")
