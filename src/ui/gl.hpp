// Interleave UI — the one place that picks the GL headers: desktop OpenGL 3.3 core with
// prototypes (link OpenGL), WebGL2 through Emscripten's GLES3 headers. The only
// #ifdef __EMSCRIPTEN__ in src/ui; every GL call in the UI goes through the subset both share.
#pragma once

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#define INTERLEAVE_GLSL_HEADER "#version 300 es\nprecision highp float;\n"
#else
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/glcorearb.h>
#define INTERLEAVE_GLSL_HEADER "#version 330 core\n"
#endif
