// Timeline spans: flat colour, a one-pixel darker right edge on wide spans so adjacent spans
// of the same colour still read as separate, and a slight top-to-bottom shade.
in vec4 v_color;
in vec2 v_local;
in vec2 v_size;

out vec4 o_color;

void main() {
    vec3 c = v_color.rgb * (1.04 - 0.10 * v_local.y);
    float px_from_right = (1.0 - v_local.x) * v_size.x;
    if (v_size.x > 4.0 && px_from_right < 1.0) c *= 0.72;
    o_color = vec4(c, v_color.a);
}
