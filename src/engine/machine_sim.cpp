// The simulated machine's scheduler (see sim.hpp). Placeholder until the scheduler lands: a
// simulated run is refused at Runtime construction.
#include <stdexcept>

#include "engine/sim.hpp"

namespace interleave::engine {

Sim::Sim(Runtime& rt) : rt_(rt), cores_(rt.machine().cpu_count()), seed_(rt.config().machine.seed) {
    throw std::invalid_argument("the simulated machine is not available in this build yet");
}
Sim::~Sim() = default;
int64_t Sim::now_ns() const noexcept {
    return 0;
}
void Sim::admit(uint16_t, const WorkerContext*) {}
void Sim::abandon_admission(uint16_t) {}
void Sim::attach(WorkerContext&) {}
void Sim::exit(WorkerContext&) {}
bool Sim::park(WorkerContext&, std::unique_lock<std::mutex>&, WaitCv&, int64_t, ProbeRef) {
    return true;
}
void Sim::yield_point(WorkerContext&) {}
void Sim::charge(WorkerContext&, int64_t) noexcept {}
void Sim::notified(WaitCv&) noexcept {}
void Sim::on_stop() noexcept {}
void Sim::wake_all() noexcept {}
void Sim::abandon() noexcept {}

}  // namespace interleave::engine
