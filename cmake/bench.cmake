# Benchmarks (tests/bench), run by tests/bench/run_bench.sh (`./build.sh bench`).
# Off by default so normal builds do not pay for them: -DINTERLEAVE_BENCH=ON.
#   bench_engine  executor, coroutine switches, tracer, CPU speed-up per model (native + wasm)
#   bench_peers   oneTBB and std::async on the same executor job (native only; TBB optional)
# Figures are printed, never asserted: nothing here is a test.
option(INTERLEAVE_BENCH "Build the benchmarks in tests/bench" OFF)
if(NOT INTERLEAVE_BENCH)
  return()
endif()

add_executable(bench_engine tests/bench/bench_engine.cpp)
target_link_libraries(bench_engine PRIVATE interleave_engine)
target_compile_options(bench_engine PRIVATE ${INTERLEAVE_WARNINGS})

if(EMSCRIPTEN)
  # Same runtime shape as the wasm tests (TOOLCHAIN.md): main proxied to a pthread so it may
  # block, a pool for every thread a run uses, the tracer's buffers in a fixed heap.
  target_link_options(bench_engine PRIVATE -sPROXY_TO_PTHREAD -sPTHREAD_POOL_SIZE=8
    -sEXIT_RUNTIME=1 -sINITIAL_MEMORY=512MB -sALLOW_MEMORY_GROWTH=0)
else()
  add_executable(bench_peers tests/bench/bench_peers.cpp)
  target_link_libraries(bench_peers PRIVATE Threads::Threads)
  target_compile_options(bench_peers PRIVATE ${INTERLEAVE_WARNINGS})
  find_package(TBB QUIET)
  if(TBB_FOUND)
    target_link_libraries(bench_peers PRIVATE TBB::tbb)
    target_compile_definitions(bench_peers PRIVATE INTERLEAVE_HAVE_TBB=1)
  else()
    message(STATUS "bench: oneTBB not found (libtbb-dev); its column will read n/a")
  endif()
endif()
