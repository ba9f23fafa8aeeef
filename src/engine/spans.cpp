// SpanBuilder: trace events -> closed state / GIL / task intervals, incrementally.
#include "engine/spans.hpp"

namespace interleave::engine {

void SpanBuilder::clear() {
    *this = SpanBuilder{};
}

void SpanBuilder::add(const std::vector<TraceEvent>& events) {
    for (const TraceEvent& ev : events) {
        if (lanes_.size() <= ev.worker) lanes_.resize(ev.worker + 1);
        Lane& l = lanes_[ev.worker];
        if (ev.t_ns > last_ns_) last_ns_ = ev.t_ns;
        auto close_state = [&](int64_t t) {
            if (l.has_state && t > l.state_begin)
                states_.push_back(Span{l.state_begin, t, l.state_task, ev.worker, l.state});
            l.has_state = false;
        };
        switch (ev.kind) {
            case EventKind::state:
                close_state(ev.t_ns);
                l.has_state = true;
                l.state = static_cast<WorkerState>(ev.arg);
                l.state_begin = ev.t_ns;
                l.state_task = ev.task;
                break;
            case EventKind::task_begin:
                l.open_tasks.push_back(TaskSpan{ev.t_ns, ev.t_ns, ev.task, ev.worker,
                                                static_cast<uint16_t>(l.open_tasks.size())});
                // The state continues, now on behalf of the new task.
                if (l.has_state) {
                    close_state(ev.t_ns);
                    l.has_state = true;
                    l.state_begin = ev.t_ns;
                }
                l.state_task = ev.task;
                break;
            case EventKind::task_end:
                if (!l.open_tasks.empty()) {
                    TaskSpan t = l.open_tasks.back();
                    l.open_tasks.pop_back();
                    t.end_ns = ev.t_ns;
                    tasks_.push_back(t);
                }
                if (l.has_state) {
                    close_state(ev.t_ns);
                    l.has_state = true;
                    l.state_begin = ev.t_ns;
                }
                l.state_task = l.open_tasks.empty() ? 0 : l.open_tasks.back().task;
                break;
            case EventKind::gil_acquire:
                l.holds_gil = true;
                l.gil_begin = ev.t_ns;
                l.gil_process = static_cast<uint16_t>(ev.arg);
                break;
            case EventKind::gil_release:
                if (l.holds_gil)
                    gil_.push_back(GilSpan{l.gil_begin, ev.t_ns, ev.worker, l.gil_process});
                l.holds_gil = false;
                break;
            case EventKind::worker_exit:
                close_state(ev.t_ns);
                while (!l.open_tasks.empty()) {
                    TaskSpan t = l.open_tasks.back();
                    l.open_tasks.pop_back();
                    t.end_ns = ev.t_ns;
                    tasks_.push_back(t);
                }
                if (l.holds_gil)
                    gil_.push_back(GilSpan{l.gil_begin, ev.t_ns, ev.worker, l.gil_process});
                l.holds_gil = false;
                break;
            case EventKind::gil_drop_request:
            case EventKind::print:
            case EventKind::py_span:  // drawn by the Chrome export; the timeline's own lane later
            case EventKind::py_line:  // the editor's line markers
                break;
        }
    }
}

void SpanBuilder::open_spans(int64_t now_ns, std::vector<Span>& states, std::vector<GilSpan>& gil,
                             std::vector<TaskSpan>& tasks) const {
    for (size_t w = 0; w < lanes_.size(); ++w) {
        const Lane& l = lanes_[w];
        const auto wid = static_cast<uint16_t>(w);
        if (l.has_state && now_ns > l.state_begin)
            states.push_back(Span{l.state_begin, now_ns, l.state_task, wid, l.state});
        if (l.holds_gil) gil.push_back(GilSpan{l.gil_begin, now_ns, wid, l.gil_process});
        for (TaskSpan t : l.open_tasks) {
            t.end_ns = now_ns;
            tasks.push_back(t);
        }
    }
}

}  // namespace interleave::engine
