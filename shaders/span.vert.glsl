// Timeline spans: one instance per span, a quad from gl_VertexID (no vertex buffer).
// The version line (GL 3.3 core or GLSL ES 3.00) is prepended at load time.
layout(location = 0) in vec4 a_rect;   // x0, y0, x1, y1 in ImGui display pixels
layout(location = 1) in vec4 a_color;  // RGBA8, normalised

uniform vec2 u_display_pos;   // ImDrawData::DisplayPos
uniform vec2 u_display_size;  // ImDrawData::DisplaySize

out vec4 v_color;
out vec2 v_local;  // 0..1 across the quad, for the edge shading
out vec2 v_size;   // quad size in pixels

void main() {
    // Two triangles: (0,0) (1,0) (0,1) / (0,1) (1,0) (1,1).
    int i = gl_VertexID;
    vec2 corner = vec2((i == 1 || i == 4 || i == 5) ? 1.0 : 0.0,
                       (i == 2 || i == 3 || i == 5) ? 1.0 : 0.0);
    vec2 p = mix(a_rect.xy, a_rect.zw, corner);
    vec2 ndc = (p - u_display_pos) / u_display_size * 2.0 - 1.0;
    gl_Position = vec4(ndc.x, -ndc.y, 0.0, 1.0);
    v_color = a_color;
    v_local = corner;
    v_size = a_rect.zw - a_rect.xy;
}
