# Each sample's program, src/samples/python/<id>_sample.py, embedded in interleave_samples as
#   extern "C" const unsigned char interleave_sample_<id>_py[];
#   extern "C" const unsigned int  interleave_sample_<id>_py_size;
# (cmake/embed_file.cmake). Editing a .py file rebuilds only its generated .cpp. A sample whose
# file is missing fails to link (sample_meta.cpp names every symbol), never runs empty.
# Sets SAMPLE_PROGRAM_SOURCES (the generated .cpp files) for the library.
file(GLOB _sample_programs CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/samples/python/*_sample.py)
set(_sample_gen "${CMAKE_BINARY_DIR}/gen/samples")
file(MAKE_DIRECTORY "${_sample_gen}")
set(SAMPLE_PROGRAM_SOURCES "")
foreach(_py ${_sample_programs})
  get_filename_component(_stem "${_py}" NAME_WE)
  string(REGEX REPLACE "_sample$" "" _id "${_stem}")
  set(_out "${_sample_gen}/${_id}_py.cpp")
  add_custom_command(OUTPUT "${_out}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${_py} -DOUTPUT=${_out} -DSYMBOL=interleave_sample_${_id}_py
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake
    DEPENDS "${_py}" ${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake
    COMMENT "Embedding sample program ${_stem}.py" VERBATIM)
  list(APPEND SAMPLE_PROGRAM_SOURCES "${_out}")
endforeach()
