// ProgramRun (see program_run.hpp): compile, then run_main on a new engine Run.
#include "samples/program_run.hpp"

#include <fmt/format.h>

#include "engine/runtime.hpp"
#include "python/interp.hpp"
#include "samples/report.hpp"

namespace interleave::samples {

namespace {

// The lines of `text` as Runtime::print takes them (no newline; a last line without one is a
// partial line).
void print_lines(engine::Runtime& rt, std::string_view text, engine::Stream stream) {
    size_t start = 0;
    while (start < text.size()) {
        const size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) {
            rt.print(std::string(text.substr(start)), stream, false);
            return;
        }
        rt.print(std::string(text.substr(start, nl - start)), stream);
        start = nl + 1;
    }
}

}  // namespace

std::shared_ptr<ProgramRun> ProgramRun::start(std::string_view source, std::string filename,
                                              const engine::RunConfig& config,
                                              std::vector<std::string> argv,
                                              std::string main_file) {
    auto self = std::shared_ptr<ProgramRun>(new ProgramRun());
    python::CompileResult compiled = python::compile_program(source, filename);
    std::shared_ptr<State> state = self->state_;
    if (!compiled.program) {
        // As python3: nothing of the program runs; the error goes to stderr; exit status 1.
        // A Run all the same, so every front end shows it the one way (console, status).
        const python::SyntaxErrorInfo& e = compiled.error;
        ProgramError err;
        err.type = python::name_of(e.kind);
        err.message = e.msg;
        err.line = e.lineno;
        err.column = e.offset > 0 ? e.offset : 0;
        err.end_line = e.end_lineno > 0 ? e.end_lineno : 0;
        err.end_column = e.end_offset > 0 ? e.end_offset : 0;
        err.traceback = compiled.error_text;
        {
            std::lock_guard<std::mutex> lock(state->mu);
            state->error = err;
            state->exit_code = 1;
        }
        self->run_ = engine::Run::start(
            [state, text = compiled.error_text](engine::Runtime& rt) {
                print_lines(rt, text, engine::Stream::err);
                std::lock_guard<std::mutex> lock(state->mu);
                state->ended = true;
            },
            config);
        return self;
    }
    if (argv.empty()) argv.push_back(filename);
    self->run_ = engine::Run::start(
        [state, program = compiled.program, argv = std::move(argv),
         main_file = std::move(main_file)](engine::Runtime& rt) {
            python::RunOptions options;
            options.argv = argv;
            options.main_file = main_file;
            python::RunResult r = python::run_main(rt, program, options);
            std::lock_guard<std::mutex> lock(state->mu);
            state->ended = true;
            state->stopped = r.stopped;
            state->exit_code = r.stopped ? 0 : r.exit_code;
            if (r.error) {
                ProgramError err;
                err.type = r.error->type;
                err.message = r.error->message;
                err.line = r.error->line;
                err.traceback = r.error->traceback;
                state->error = std::move(err);
            }
        },
        config);
    return self;
}

bool ProgramRun::ended() const {
    std::lock_guard<std::mutex> lock(state_->mu);
    return state_->ended;
}

int ProgramRun::exit_code() const {
    std::lock_guard<std::mutex> lock(state_->mu);
    return state_->exit_code;
}

std::optional<ProgramError> ProgramRun::error() const {
    std::lock_guard<std::mutex> lock(state_->mu);
    return state_->error;
}

bool ProgramRun::stopped() const {
    std::lock_guard<std::mutex> lock(state_->mu);
    return state_->stopped;
}

std::string error_json(const std::optional<ProgramError>& e) {
    if (!e) return "null";
    auto num = [](int v) { return v > 0 ? std::to_string(v) : std::string("null"); };
    return fmt::format(
        "{{\"type\": {}, \"message\": {}, \"line\": {}, \"column\": {}, \"traceback\": {}}}",
        json_string(e->type), json_string(e->message), num(e->line), num(e->column),
        json_string(e->traceback));
}

}  // namespace interleave::samples
