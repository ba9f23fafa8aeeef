# Python source of the interpreter's modules, src/python/modules/*.py, embedded in
# interleave_python as NUL-terminated text:
#   extern "C" const unsigned char interleave_pymod_<stem>[];
# (cmake/embed_text.cmake). modules/registry.cpp names each one in a ModuleDef's `source`.
# Editing a .py file rebuilds only its generated .cpp. Sets PYTHON_MODULE_SOURCES.
file(GLOB _pymods CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/python/modules/*.py)
set(_pymod_gen "${CMAKE_BINARY_DIR}/gen/pymods")
file(MAKE_DIRECTORY "${_pymod_gen}")
set(PYTHON_MODULE_SOURCES "")
foreach(_py ${_pymods})
  get_filename_component(_stem "${_py}" NAME_WE)
  set(_out "${_pymod_gen}/${_stem}_py.cpp")
  add_custom_command(OUTPUT "${_out}"
    COMMAND ${CMAKE_COMMAND} -DINPUT=${_py} -DOUTPUT=${_out} -DSYMBOL=interleave_pymod_${_stem}
            -P ${CMAKE_SOURCE_DIR}/cmake/embed_text.cmake
    DEPENDS "${_py}" ${CMAKE_SOURCE_DIR}/cmake/embed_text.cmake
    COMMENT "Embedding Python module ${_stem}.py" VERBATIM)
  list(APPEND PYTHON_MODULE_SOURCES "${_out}")
endforeach()
