// Drops a file on an X11 window the way a file manager does, through the XDND protocol
// (freedesktop.org's XDND version 5: XdndEnter, XdndPosition, the target's XdndStatus,
// XdndDrop, then the target converts XdndSelection to text/uri-list and says XdndFinished).
// GLFW 3.3's X11 backend answers it and calls the window's drop callback, so this tests the
// desktop app's drag and drop as a user's drop reaches it (xdotool cannot drag between
// programs: it only moves the pointer and presses buttons).
//
//   xdnd_drop WINDOW_ID FILE     exit 0 once the target has finished the drop;
//                                1 with a message if it refused it or said nothing in 30 s.
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <poll.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

Display* dpy = nullptr;
Window source = 0, target = 0;
Atom XdndAware, XdndEnter, XdndPosition, XdndStatus, XdndDrop, XdndFinished, XdndSelection,
    XdndActionCopy, UriList;

void send(Atom type, long l1, long l2, long l3, long l4) {
    XEvent e{};
    e.xclient.type = ClientMessage;
    e.xclient.display = dpy;
    e.xclient.window = target;
    e.xclient.message_type = type;
    e.xclient.format = 32;
    e.xclient.data.l[0] = static_cast<long>(source);
    e.xclient.data.l[1] = l1;
    e.xclient.data.l[2] = l2;
    e.xclient.data.l[3] = l3;
    e.xclient.data.l[4] = l4;
    XSendEvent(dpy, target, False, NoEventMask, &e);
    XFlush(dpy);
}

// The next event, waiting at most until `deadline` (false: none came).
bool next_event(XEvent& e, std::chrono::steady_clock::time_point deadline) {
    while (!XPending(dpy)) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                              deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0) return false;
        pollfd p{ConnectionNumber(dpy), POLLIN, 0};
        poll(&p, 1, static_cast<int>(left));
    }
    XNextEvent(dpy, &e);
    return true;
}

int fail(const char* why) {
    std::fprintf(stderr, "xdnd_drop: %s\n", why);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) return fail("usage: xdnd_drop WINDOW_ID FILE");
    target = static_cast<Window>(std::strtoul(argv[1], nullptr, 0));
    char* abs = realpath(argv[2], nullptr);
    if (!abs) return fail("the file to drop does not exist");
    const std::string uri = std::string("file://") + abs + "\r\n";
    std::free(abs);
    dpy = XOpenDisplay(nullptr);
    if (!dpy) return fail("cannot open the X display ($DISPLAY)");
    XdndAware = XInternAtom(dpy, "XdndAware", False);
    XdndEnter = XInternAtom(dpy, "XdndEnter", False);
    XdndPosition = XInternAtom(dpy, "XdndPosition", False);
    XdndStatus = XInternAtom(dpy, "XdndStatus", False);
    XdndDrop = XInternAtom(dpy, "XdndDrop", False);
    XdndFinished = XInternAtom(dpy, "XdndFinished", False);
    XdndSelection = XInternAtom(dpy, "XdndSelection", False);
    XdndActionCopy = XInternAtom(dpy, "XdndActionCopy", False);
    UriList = XInternAtom(dpy, "text/uri-list", False);

    // The target must say it takes drops, and which protocol version.
    Atom type = None;
    int format = 0;
    unsigned long n = 0, after = 0;
    unsigned char* data = nullptr;
    if (XGetWindowProperty(dpy, target, XdndAware, 0, 1, False, XA_ATOM, &type, &format, &n, &after,
                           &data) != Success ||
        n != 1)
        return fail("the window does not accept drops (no XdndAware property)");
    const long version = std::min(5L, static_cast<long>(*reinterpret_cast<Atom*>(data)));
    XFree(data);

    // Its middle, in root coordinates (where the pointer would be when the file is let go).
    XWindowAttributes wa{};
    XGetWindowAttributes(dpy, target, &wa);
    int rx = 0, ry = 0;
    Window child = 0;
    XTranslateCoordinates(dpy, target, wa.root, wa.width / 2, wa.height / 2, &rx, &ry, &child);

    source = XCreateSimpleWindow(dpy, wa.root, 0, 0, 1, 1, 0, 0, 0);
    XSetSelectionOwner(dpy, XdndSelection, source, CurrentTime);
    if (XGetSelectionOwner(dpy, XdndSelection) != source) return fail("cannot own XdndSelection");

    send(XdndEnter, version << 24, static_cast<long>(UriList), None, None);
    send(XdndPosition, 0, (static_cast<long>(rx) << 16) | ry, CurrentTime,
         static_cast<long>(XdndActionCopy));

    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    bool dropped = false;
    XEvent e;
    while (next_event(e, deadline)) {
        if (e.type == ClientMessage && e.xclient.message_type == XdndStatus) {
            if (dropped) continue;
            if (!(e.xclient.data.l[1] & 1)) return fail("the window refused the drop");
            send(XdndDrop, 0, CurrentTime, 0, 0);
            dropped = true;
        } else if (e.type == SelectionRequest) {
            // The target asks for the dropped data: the file's URI, as text/uri-list.
            const XSelectionRequestEvent& r = e.xselectionrequest;
            XEvent reply{};
            reply.xselection.type = SelectionNotify;
            reply.xselection.display = dpy;
            reply.xselection.requestor = r.requestor;
            reply.xselection.selection = r.selection;
            reply.xselection.target = r.target;
            reply.xselection.time = r.time;
            reply.xselection.property = None;
            if (r.target == UriList && r.property != None) {
                XChangeProperty(dpy, r.requestor, r.property, UriList, 8, PropModeReplace,
                                reinterpret_cast<const unsigned char*>(uri.data()),
                                static_cast<int>(uri.size()));
                reply.xselection.property = r.property;
            }
            XSendEvent(dpy, r.requestor, False, NoEventMask, &reply);
            XFlush(dpy);
        } else if (e.type == ClientMessage && e.xclient.message_type == XdndFinished) {
            XCloseDisplay(dpy);
            return 0;
        }
    }
    return fail(dropped ? "the window took the drop but never said XdndFinished"
                        : "the window never answered XdndPosition");
}
