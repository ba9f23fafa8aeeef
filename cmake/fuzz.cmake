# libFuzzer targets (clang only). Configure a separate build with clang:
#   CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DINTERLEAVE_ENGINE_ONLY=ON -DINTERLEAVE_FUZZ=ON
#   ninja -C build/fuzz fuzz_share_link fuzz_code_codec fuzz_text_model fuzz_knob_text && ctest --test-dir build/fuzz -R fuzz_ --output-on-failure
# The CTest entry is a bounded run (INTERLEAVE_FUZZ_RUNS inputs); new inputs go to
# build/fuzz/corpus_<name>, never into the seed corpora in the source tree.
option(INTERLEAVE_FUZZ "Build libFuzzer targets (needs clang)" OFF)
set(INTERLEAVE_FUZZ_RUNS 200000 CACHE STRING "Inputs per bounded fuzz run in CTest")

if(INTERLEAVE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "INTERLEAVE_FUZZ needs clang (CC=clang CXX=clang++), not ${CMAKE_CXX_COMPILER_ID}")
  endif()
  # The decoder's own sources are compiled into the target with coverage instrumentation; the
  # rest of the samples library (the catalog it looks knobs up in) links as usual. Objects in
  # the executable take precedence over the archive's copies, so nothing is defined twice.
  add_executable(fuzz_share_link tests/fuzz/fuzz_share_link.cpp
    src/samples/share_link.cpp src/samples/knobs.cpp)
  target_link_libraries(fuzz_share_link PRIVATE interleave_samples)
  target_compile_options(fuzz_share_link PRIVATE -fsanitize=fuzzer,address,undefined -g -O1 ${INTERLEAVE_WARNINGS})
  target_link_options(fuzz_share_link PRIVATE -fsanitize=fuzzer,address,undefined)
  set(_fuzz_corpus "${CMAKE_BINARY_DIR}/corpus_share_link")
  file(MAKE_DIRECTORY "${_fuzz_corpus}")
  add_test(NAME fuzz_share_link
    COMMAND fuzz_share_link -runs=${INTERLEAVE_FUZZ_RUNS} -max_len=6000 -timeout=10
            -dict=${CMAKE_SOURCE_DIR}/tests/fuzz/share_link.dict
            ${_fuzz_corpus} ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus_share_link)
  set_tests_properties(fuzz_share_link PROPERTIES TIMEOUT 300)

  # A link's code= decoder (base64url, raw DEFLATE through zlib, UTF-8 check, 1 MiB bound).
  add_executable(fuzz_code_codec tests/fuzz/fuzz_code_codec.cpp
    src/samples/code_codec.cpp src/samples/code_codec_zlib.cpp)
  target_link_libraries(fuzz_code_codec PRIVATE interleave_samples)
  target_compile_options(fuzz_code_codec PRIVATE -fsanitize=fuzzer,address,undefined -g -O1 ${INTERLEAVE_WARNINGS})
  target_link_options(fuzz_code_codec PRIVATE -fsanitize=fuzzer,address,undefined)
  set(_cc_corpus "${CMAKE_BINARY_DIR}/corpus_code_codec")
  file(MAKE_DIRECTORY "${_cc_corpus}")
  add_test(NAME fuzz_code_codec
    COMMAND fuzz_code_codec -runs=${INTERLEAVE_FUZZ_RUNS} -max_total_time=60 -max_len=4096 -timeout=10
            ${_cc_corpus} ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus_code_codec)
  set_tests_properties(fuzz_code_codec PROPERTIES TIMEOUT 300)

  # The editor's text model (src/ui/editor, no ImGui: it builds in this engine-only tree).
  add_executable(fuzz_text_model tests/fuzz/fuzz_text_model.cpp src/ui/editor/utf8.cpp
    src/ui/editor/text_model.cpp src/ui/editor/text_commands.cpp)
  target_include_directories(fuzz_text_model PRIVATE ${CMAKE_SOURCE_DIR}/src)
  target_compile_options(fuzz_text_model PRIVATE -fsanitize=fuzzer,address,undefined -g -O1 ${INTERLEAVE_WARNINGS})
  target_link_options(fuzz_text_model PRIVATE -fsanitize=fuzzer,address,undefined)
  # Each input runs up to 400 editor commands: half the runs keep it near the decoder's time.
  math(EXPR _tm_runs "${INTERLEAVE_FUZZ_RUNS} / 2")
  set(_tm_corpus "${CMAKE_BINARY_DIR}/corpus_text_model")
  file(MAKE_DIRECTORY "${_tm_corpus}")
  add_test(NAME fuzz_text_model
    COMMAND fuzz_text_model -runs=${_tm_runs} -max_len=2000 -timeout=10
            ${_tm_corpus} ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus_text_model)
  set_tests_properties(fuzz_text_model PROPERTIES TIMEOUT 300)

  # The Python front end (src/python/parser: tokenizer, parser, ast_dump, symbol table, compile
  # checks) must be total on any bytes; its sources are compiled in with coverage. The CTest entry
  # runs for INTERLEAVE_FUZZ_PYTHON_SECONDS (or INTERLEAVE_FUZZ_RUNS inputs, if sooner); new inputs
  # go to build/fuzz/corpus_python, never into the seed corpus tests/fuzz/corpus_python.
  set(INTERLEAVE_FUZZ_PYTHON_SECONDS 45 CACHE STRING "Seconds per bounded fuzz_python_parse run")
  file(GLOB _python_front_end CONFIGURE_DEPENDS src/python/parser/*.cpp)
  add_executable(fuzz_python_parse tests/fuzz/fuzz_python_parse.cpp ${_python_front_end})
  target_include_directories(fuzz_python_parse PRIVATE src)
  # The parser answers the run's heartbeats between statements (engine::answer_heartbeat).
  target_link_libraries(fuzz_python_parse PRIVATE interleave_engine)
  target_compile_options(fuzz_python_parse PRIVATE -fsanitize=fuzzer,address,undefined -g -O1 ${INTERLEAVE_WARNINGS})
  target_link_options(fuzz_python_parse PRIVATE -fsanitize=fuzzer,address,undefined -pthread)
  set(_fuzz_python_corpus "${CMAKE_BINARY_DIR}/corpus_python")
  file(MAKE_DIRECTORY "${_fuzz_python_corpus}")
  add_test(NAME fuzz_python_parse
    COMMAND fuzz_python_parse -runs=${INTERLEAVE_FUZZ_RUNS}
            -max_total_time=${INTERLEAVE_FUZZ_PYTHON_SECONDS} -max_len=4096 -timeout=10
            -rss_limit_mb=2048 -dict=${CMAKE_SOURCE_DIR}/tests/fuzz/python.dict
            ${_fuzz_python_corpus} ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus_python)
  set_tests_properties(fuzz_python_parse PROPERTIES TIMEOUT 300)

  # The knob <-> text binding over any text, with every sample's knob specs; seeded with the
  # samples' own programs and past findings in tests/fuzz/corpus_knob_text (both read-only: new
  # inputs go to build/fuzz/corpus_knob_text). ~0.4 ms an input under ASan, so the run is also
  # bounded in time (60 s) on a busy machine.
  add_executable(fuzz_knob_text tests/fuzz/fuzz_knob_text.cpp
    src/samples/knob_text.cpp src/samples/knobs.cpp)
  target_link_libraries(fuzz_knob_text PRIVATE interleave_samples)
  target_compile_options(fuzz_knob_text PRIVATE -fsanitize=fuzzer,address,undefined -g -O1 ${INTERLEAVE_WARNINGS})
  target_link_options(fuzz_knob_text PRIVATE -fsanitize=fuzzer,address,undefined)
  set(_kt_corpus "${CMAKE_BINARY_DIR}/corpus_knob_text")
  file(MAKE_DIRECTORY "${_kt_corpus}")
  add_test(NAME fuzz_knob_text
    COMMAND fuzz_knob_text -runs=${INTERLEAVE_FUZZ_RUNS} -max_total_time=60 -max_len=4000 -timeout=10
            -dict=${CMAKE_SOURCE_DIR}/tests/fuzz/knob_text.dict
            ${_kt_corpus} ${CMAKE_SOURCE_DIR}/src/samples/python
            ${CMAKE_SOURCE_DIR}/tests/fuzz/corpus_knob_text)
  set_tests_properties(fuzz_knob_text PROPERTIES TIMEOUT 300)
endif()
