# doctest executables, one per layer; every *.cpp in the folder joins it (one file per component).
# Each test case carries a doctest timeout; CTest adds a hard TIMEOUT on top, for a whole
# executable: a sanitizer build runs 5-15x slower, and a busy machine slows it again (TSan's
# samples_tests took over 600 s beside two busy loops and three builds on 2 cores).
if(INTERLEAVE_SANITIZE)
  set(INTERLEAVE_TEST_TIMEOUT 1800)
else()
  set(INTERLEAVE_TEST_TIMEOUT 600)
endif()

function(interleave_test name dir)
  file(GLOB srcs CONFIGURE_DEPENDS ${dir}/*.cpp)
  if(NOT srcs)
    return()
  endif()
  add_executable(${name} ${srcs} tests/doctest_main.cpp)
  target_link_libraries(${name} PRIVATE ${ARGN})
  target_include_directories(${name} PRIVATE tests)
  target_compile_options(${name} PRIVATE ${INTERLEAVE_WARNINGS})
  target_compile_definitions(${name} PRIVATE
    INTERLEAVE_SOURCE_DIR="${CMAKE_SOURCE_DIR}" DOCTEST_CONFIG_COLORS_NONE)
  if(EMSCRIPTEN)
    target_link_options(${name} PRIVATE -sPROXY_TO_PTHREAD -sPTHREAD_POOL_SIZE=24
      -sEXIT_RUNTIME=1 -sINITIAL_MEMORY=256MB -sALLOW_MEMORY_GROWTH=0 -sNODERAWFS=1)
    set_target_properties(${name} PROPERTIES CROSSCOMPILING_EMULATOR "/usr/bin/node;--no-experimental-fetch")
  endif()
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES TIMEOUT ${INTERLEAVE_TEST_TIMEOUT})
endfunction()

interleave_test(engine_tests tests/engine interleave_engine)
# One clock (src/engine/clock.hpp): no host clock read in src/engine or src/python elsewhere.
add_test(NAME engine_one_clock COMMAND ${CMAKE_COMMAND} -DSRC=${CMAKE_SOURCE_DIR}/src
  -P ${CMAKE_SOURCE_DIR}/cmake/check_clock_reads.cmake)
interleave_test(python_tests tests/python interleave_python)
interleave_test(samples_tests tests/samples interleave_samples)
# The CLI tests in samples_tests run the built interleave-cli (native only).
if(TARGET samples_tests AND TARGET interleave-cli AND NOT EMSCRIPTEN)
  target_compile_definitions(samples_tests PRIVATE INTERLEAVE_CLI_PATH="$<TARGET_FILE:interleave-cli>")
  add_dependencies(samples_tests interleave-cli)
endif()

# libFuzzer targets (samples layer), built only with -DINTERLEAVE_FUZZ=ON and clang.
include(${CMAKE_CURRENT_LIST_DIR}/fuzz.cmake OPTIONAL)

# Python conformance (tests/python/conformance.py): every program under python3 and under
# `interleave-cli run`, outputs compared; xfail.txt lists what may fail today. Native builds only
# (no sanitizer, no wasm), and only where python3 exists.
find_program(INTERLEAVE_PYTHON3 python3)
if(INTERLEAVE_PYTHON3 AND TARGET interleave-cli AND NOT EMSCRIPTEN AND NOT INTERLEAVE_SANITIZE)
  add_test(NAME python_conformance COMMAND ${INTERLEAVE_PYTHON3}
    ${CMAKE_SOURCE_DIR}/tests/python/conformance.py --interp "$<TARGET_FILE:interleave-cli> run" --jobs 2)
  set_tests_properties(python_conformance PROPERTIES TIMEOUT 600)
  # The harness's own checks (normalising, comparing, crash/hang/flood detection), python3 only.
  add_test(NAME python_conformance_selftest COMMAND ${INTERLEAVE_PYTHON3}
    ${CMAKE_SOURCE_DIR}/tests/python/conformance.py --self-test)
  set_tests_properties(python_conformance_selftest PROPERTIES TIMEOUT 120)
endif()

# The same conformance run against the wasm build of the CLI under node (NODERAWFS reads the
# programs): the interpreter compiled for a 32-bit, pthreads-as-Workers target must print what
# CPython prints. Each program pays node's start-up (~0.5 s of CPU), hence the longer limits.
if(INTERLEAVE_PYTHON3 AND TARGET interleave-cli AND EMSCRIPTEN)
  add_test(NAME python_conformance_wasm COMMAND ${INTERLEAVE_PYTHON3}
    ${CMAKE_SOURCE_DIR}/tests/python/conformance.py
    --interp "/usr/bin/node --no-experimental-fetch $<TARGET_FILE:interleave-cli> run"
    --jobs 2 --timeout 60)
  set_tests_properties(python_conformance_wasm PROPERTIES TIMEOUT 1500)
endif()

# Python front end, differential (tests/python/ast_compare.py): every .py under tests/python/
# (programs, cases, parser_corpus) parsed by CPython 3.11's ast.parse and by py_ast_dump;
# ast.dump (with positions) and SyntaxError fields must be equal. Native builds only, where
# python3 exists; skipped (exit 77) when python3 is not 3.11.
if(INTERLEAVE_PYTHON3 AND NOT EMSCRIPTEN AND NOT INTERLEAVE_SANITIZE)
  add_executable(py_ast_dump tests/python/tools/py_ast_dump.cpp)
  target_link_libraries(py_ast_dump PRIVATE interleave_python)
  target_compile_options(py_ast_dump PRIVATE ${INTERLEAVE_WARNINGS})
  add_test(NAME python_ast_compare COMMAND ${INTERLEAVE_PYTHON3}
    ${CMAKE_SOURCE_DIR}/tests/python/ast_compare.py --tool $<TARGET_FILE:py_ast_dump>
    ${CMAKE_SOURCE_DIR}/tests/python)
  set_tests_properties(python_ast_compare PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77)
endif()
