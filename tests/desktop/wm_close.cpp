// Asks an X11 window to close the way a window manager does when its close button is clicked
// or Alt+F4 is pressed: a WM_PROTOCOLS client message carrying WM_DELETE_WINDOW (ICCCM 4.2.8.1).
// GLFW 3.3's X11 backend turns it into the window's close callback. Under a bare Xvfb there is
// no window manager, and xdotool's windowclose destroys the window instead of asking it.
//
//   wm_close WINDOW_ID     exit 0 once the message is sent; 1 if the window does not take
//                          WM_DELETE_WINDOW (it would be killed, not asked) or is not there.
#include <X11/Xatom.h>
#include <X11/Xlib.h>

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: wm_close WINDOW_ID\n");
        return 1;
    }
    Display* dpy = XOpenDisplay(nullptr);
    if (!dpy) {
        std::fprintf(stderr, "wm_close: cannot open the display\n");
        return 1;
    }
    const Window win = std::strtoul(argv[1], nullptr, 0);
    const Atom protocols = XInternAtom(dpy, "WM_PROTOCOLS", False);
    const Atom del = XInternAtom(dpy, "WM_DELETE_WINDOW", False);
    Atom* list = nullptr;
    int n = 0;
    bool takes = false;
    if (XGetWMProtocols(dpy, win, &list, &n)) {
        for (int i = 0; i < n; ++i) takes = takes || list[i] == del;
        XFree(list);
    }
    if (!takes) {
        std::fprintf(stderr, "wm_close: window %s does not take WM_DELETE_WINDOW\n", argv[1]);
        XCloseDisplay(dpy);
        return 1;
    }
    XEvent e{};
    e.xclient.type = ClientMessage;
    e.xclient.window = win;
    e.xclient.message_type = protocols;
    e.xclient.format = 32;
    e.xclient.data.l[0] = static_cast<long>(del);
    e.xclient.data.l[1] = CurrentTime;
    XSendEvent(dpy, win, False, NoEventMask, &e);
    XSync(dpy, False);
    XCloseDisplay(dpy);
    return 0;
}
