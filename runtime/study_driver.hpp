#pragma once
// The deterministic driver of one study run, new or resumed (StudyRunner's determinism contract:
// runtime/study_runner.hpp). Internal to the runtime: study_driver.cpp runs tasks on the pool and
// reduces their results, study_driver_methods.cpp turns each search method into tasks, and
// study_driver_summary.cpp writes the summary a run ends with.
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/opt/problem.hpp"
#include "core/store/study_store.hpp"
#include "core/study/layout.hpp"
#include "runtime/study_runner.hpp"

namespace rps {

// The order every reduction uses: higher objective, then lower task id (a total order, so the
// best of a set does not depend on the order its members arrive in).
struct BestTask {
    double objective = opt::kInfeasibleFitness;
    uint64_t task_id = std::numeric_limits<uint64_t>::max();
    Vector x;
    bool valid() const { return !x.empty(); }
    bool offer(double f, uint64_t id, const Vector& point) {
        if (valid() && !(f > objective || (f == objective && id < task_id))) return false;
        objective = f, task_id = id, x = point;
        return true;
    }
};

// The driver of one run (new or resumed). Lives in the thread that runs it.
class StudyRunner::Driver {
public:
    using json = nlohmann::json;

    Driver(StudyRunner& owner, StudySpec spec, StudyStore store, const StudyRunOptions& options,
           bool resumed)
        : owner_(owner),
          spec_(std::move(spec)),
          space_(spec_),
          store_(std::move(store)),
          options_(options),
          resumed_(resumed) {
        if (resumed_) load_memo();
    }
    // The pool goes first and says nothing more: its shutdown cancels what is left, and those
    // signals must not reach members that are already gone.
    ~Driver() {
        // Before the pool dies: cancel(), pause() and ~StudyRunner in the GUI thread reach it
        // through the owner's pointer, and drive() clears that only after this destructor (on
        // an exception, cancellation included).
        owner_.set_pool(nullptr);
        if (!pool_) return;
        pool_->disconnect();
        pool_->shutdown();
    }
    Driver(const Driver&) = delete;
    Driver& operator=(const Driver&) = delete;

    json run();

private:
    struct MethodState {
        int index = 0;
        std::string type;
        uint64_t seq = 0;
        BestTask best;
        uint64_t evaluations = 0;
        uint64_t tasks = 0;
        uint64_t failed = 0;  // tasks that ran out of attempts (timeouts, worker errors)
        double wall_s = 0.0;
    };
    struct Pending {
        int method_index = 0;
        std::string method;
        json payload;
    };
    struct Memo {
        TaskRecord record;
        json stored;
    };

    void load_memo();
    void write_worker_study();
    void start_pool();
    uint64_t estimate_tasks() const;
    uint64_t estimate_tasks(const MethodSpec& method) const;

    void run_method(MethodState& m, const MethodSpec& method);
    void run_grid(MethodState& m, const json& p, uint64_t seed);
    void run_gd(MethodState& m, const json& p, uint64_t seed);
    void run_ga(MethodState& m, const json& p, uint64_t seed);
    void run_pso(MethodState& m, const json& p, uint64_t seed);
    void run_cmaes(MethodState& m, const json& p, uint64_t seed);
    void run_refine(MethodState& m, const json& p, uint64_t seed);
    void run_halving(MethodState& m, const json& p, uint64_t seed);
    json run_final_map(MethodState& m);
    std::string why_no_feasible_layout() const;

    // timeout_s: each task's attempt limit (< 0: the study's task_timeout_s).
    std::vector<json> run_tasks(MethodState& m, const std::vector<json>& payloads,
                                double timeout_s = -1.0);
    void run_streamed(MethodState& m, const std::function<std::optional<json>()>& next_payload);
    std::optional<json> replay(uint64_t id, const Pending& pending);
    bool any_worker_alive() const;
    std::vector<double> evaluate(MethodState& m, const std::vector<Vector>& points,
                                 std::size_t chunk_size, int max_order = -1);
    Vector random_feasible(std::mt19937_64& rng) const;
    opt::Constraint constraint() const;

    void on_finished(const PoolOutcome& outcome);
    void record_outcome(const PoolOutcome& outcome);
    void account(StudyTaskEvent event);
    StudyTaskEvent make_event(uint64_t id, const Pending& p, const json& result) const;
    void check_cancel() const;
    json summary(const json& map_result, double wall_s) const;
    std::string failures_text() const;
    json failures_json() const;

    StudyRunner& owner_;
    StudySpec spec_;
    LayoutSpace space_;
    StudyStore store_;
    StudyRunOptions options_;
    bool resumed_;
    json stored_doc_;
    QTemporaryDir temp_;
    std::unique_ptr<WorkerPool> pool_;
    QElapsedTimer clock_;

    std::map<uint64_t, Memo> memo_;
    std::set<uint64_t> stored_maps_;
    std::map<uint64_t, Pending> pending_;
    std::vector<MethodState> methods_;
    BestTask best_;
    std::vector<std::pair<uint64_t, double>> task_objectives_;  // full-fidelity, by id at the end
    uint64_t done_ = 0, replayed_ = 0, failed_ = 0, total_estimate_ = 1;
    std::map<std::string, uint64_t> failure_reasons_;  // why tasks failed, and how often
    double earlier_runs_wall_s_ = 0.0;                 // see load_memo()
    std::string store_error_;
    std::string slot_error_;  // an exception caught in a pool slot
};

}  // namespace rps
