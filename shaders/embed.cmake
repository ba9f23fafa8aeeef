# Embeds shaders/*.glsl into a generated header as C++ raw strings, at configure time (and
# again whenever a shader changes): `interleave_embed_shaders(<target>)` adds the include dir.
# The header defines interleave::shaders::<name>_<stage> (e.g. span_vert, span_frag) without
# a #version line; src/ui prepends the GL 3.3 or WebGL2 one.
function(interleave_embed_shaders target)
  set(dir "${CMAKE_CURRENT_FUNCTION_LIST_DIR}")
  file(GLOB shaders CONFIGURE_DEPENDS "${dir}/*.glsl")
  set(out_dir "${CMAKE_BINARY_DIR}/generated")
  set(body "// Generated from shaders/*.glsl by shaders/embed.cmake. Do not edit.\n#pragma once\nnamespace interleave::shaders {\n")
  foreach(f IN LISTS shaders)
    get_filename_component(name "${f}" NAME_WE)   # span
    get_filename_component(ext "${f}" NAME)       # span.vert.glsl
    string(REGEX REPLACE "^[^.]*\\.([^.]*)\\.glsl$" "\\1" stage "${ext}")
    file(READ "${f}" text)
    string(APPEND body "inline constexpr const char* ${name}_${stage} = R\"GLSL(${text})GLSL\";\n")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${f}")
  endforeach()
  string(APPEND body "}  // namespace interleave::shaders\n")
  file(MAKE_DIRECTORY "${out_dir}")
  # Write only on change so the UI is not rebuilt on every configure.
  set(path "${out_dir}/interleave_shaders.hpp")
  if(EXISTS "${path}")
    file(READ "${path}" old)
  endif()
  if(NOT old STREQUAL body)
    file(WRITE "${path}" "${body}")
  endif()
  target_include_directories(${target} PRIVATE "${out_dir}")
endfunction()
