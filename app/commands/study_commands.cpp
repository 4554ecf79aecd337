// rps worker STUDY.json: one worker of a study pool (docs/protocol.md, "study tasks").
// rps run STUDY.json: runs a study over a pool of workers into its HDF5 store, or resumes one.
// (show, export and sweep are registered from report_commands.cpp; they live in show_command.cpp,
// export_command.cpp and sweep_command.cpp).
#include <fmt/core.h>
#include <signal.h>
#include <unistd.h>

#include <QCoreApplication>
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>
#include <vector>

#include "app/commands/command_registry.hpp"
#include "app/commands/report_commands.hpp"
#include "app/commands/stop_on_signal.hpp"
#include "core/common/error.hpp"
#include "core/protocol/worker_loop.hpp"
#include "core/scene/scene_loader.hpp"
#include "core/store/study_store.hpp"
#include "core/study/bounds_warnings.hpp"
#include "core/study/layout_evaluator.hpp"
#include "core/study/task_executor.hpp"
#include "core/study/task_id.hpp"
#include "runtime/study_events.hpp"
#include "runtime/study_runner.hpp"
#ifdef RPS_WITH_MPI
#include "runtime/mpi_worker_channel.hpp"
#include "runtime/mpi_worker_node.hpp"
#else
namespace rps {
struct MpiWorkerNodes {};  // a build without MPI has none
}  // namespace rps
#endif
#include "runtime/terminal_progress.hpp"

namespace rps::cli {
namespace {

using nlohmann::json;

// ---- worker --------------------------------------------------------------------------------

class StudyWorker : public protocol::WorkerHandler {
public:
    explicit StudyWorker(const std::string& study_path)
        : spec_(load_study(study_path)), scene_(load_scene(spec_.scene_path)) {
        const auto start = std::chrono::steady_clock::now();
        evaluator_ = std::make_unique<LayoutEvaluator>(spec_, scene_);
        setup_s_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }

    json ready_info() const override {
        const MeasurementGrid& grid = evaluator_->engine().grid();
        return {{"scene", spec_.scene_path},
                {"study", spec_.name},
                {"triangles", scene_.triangles.size()},
                {"faces", evaluator_->engine().face_count()},
                {"cells", {grid.cells_x, grid.cells_y}},
                {"engine_setup_s", setup_s_},
                {"capabilities",
                 {{"gpu_backend", false},
                  {"reason", "no GPU backend is built; GPU slots are recorded only"},
                  {"task_kinds", {"evaluate", "gd", "map"}},
                  {"max_order", true}}}};
    }

    json handle(const json& payload, protocol::ProgressSink& progress) const override {
        const LayoutEvaluator& evaluator = evaluator_for(payload);
        json result = execute_study_task(evaluator, payload,
                                         [&progress](const json& data) { progress.emit(data); });
        if (payload.value("kind", "") == "map") {
            // The coordinator stores the map without an engine of its own: it needs the shape.
            const MeasurementGrid& grid = evaluator.engine().grid();
            result["grid"] = {{"cells", {grid.cells_x, grid.cells_y}},
                              {"origin_m", {grid.origin_x_m, grid.origin_y_m}},
                              {"cell_m", grid.cell_m},
                              {"height_m", grid.height_m}};
        }
        return result;
    }

private:
    // "max_order": k asks for a cheaper evaluation (successive halving's first rounds): an
    // evaluator whose engine stops at reflection order k, built on first use and kept.
    const LayoutEvaluator& evaluator_for(const json& payload) const {
        if (!payload.contains("max_order")) return *evaluator_;
        const int order = payload.at("max_order").get<int>();
        if (order == spec_.radio.max_reflection_order) return *evaluator_;
        if (order < 0 || order > spec_.radio.max_reflection_order)
            throw std::invalid_argument("task: max_order must be within [0, " +
                                        std::to_string(spec_.radio.max_reflection_order) + "]");
        std::lock_guard lock(mutex_);
        auto& slot = lower_fidelity_[order];
        if (!slot) {
            StudySpec cheap = spec_;
            cheap.radio.max_reflection_order = order;
            slot = std::make_unique<LayoutEvaluator>(cheap, scene_);
        }
        return *slot;
    }

    StudySpec spec_;
    Scene scene_;
    std::unique_ptr<LayoutEvaluator> evaluator_;
    double setup_s_ = 0.0;
    mutable std::mutex mutex_;
    mutable std::map<int, std::unique_ptr<LayoutEvaluator>> lower_fidelity_;
};

// While the study and scene load, anything printed to stdout would corrupt the protocol stream
// before it starts: send it to stderr (the worker's log) until the loop owns stdout.
class StdoutToStderr {
public:
    StdoutToStderr() : saved_(::dup(STDOUT_FILENO)) {
        std::fflush(stdout);
        if (saved_ >= 0) ::dup2(STDERR_FILENO, STDOUT_FILENO);
    }
    ~StdoutToStderr() {
        std::cout.flush();
        std::fflush(stdout);
        if (saved_ >= 0) {
            ::dup2(saved_, STDOUT_FILENO);
            ::close(saved_);
        }
    }
    StdoutToStderr(const StdoutToStderr&) = delete;
    StdoutToStderr& operator=(const StdoutToStderr&) = delete;

private:
    int saved_;
};

void register_worker(CLI::App& app, CommandAction& action) {
    auto study = std::make_shared<std::string>();
    auto* command = app.add_subcommand(
        "worker", "Serve study tasks on stdin/stdout (started by the worker pool)");
    command->group("");  // hidden from --help: not meant to be typed
    command->add_option("STUDY", *study, "Study JSON")->required();
    command->callback([&action, study] {
        action = [study] {
            std::unique_ptr<StudyWorker> worker;
            {
                const StdoutToStderr guard;
                worker = std::make_unique<StudyWorker>(*study);  // the scene, once, before ready
            }
            return protocol::run_worker_loop_stdio(*worker);
        };
    });
}

// ---- run -----------------------------------------------------------------------------------

struct RunOptions {
    std::string study, out, resume, rps;
    int workers = 0;
    bool json = false, overwrite = false, verbose = false;
    bool mpi = false;     // workers on the other ranks of the MPI job
    bool events = false;  // study events on stdout, commands on stdin (study_events.hpp)
};

std::string this_executable() {
    std::error_code error;
    const auto path = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) return path.string();
    return QCoreApplication::applicationFilePath().toStdString();
}

std::string unit_of(const json& summary) { return summary["objective"].value("unit", "dBm"); }

void print_layout(const json& layout) {
    if (!layout.is_object()) return;
    int i = 0;
    for (const json& ap : layout.value("aps", json::array()))
        fmt::print("AP {}      x {:6.2f} m  y {:6.2f} m  z {:4.2f} m  yaw {:7.2f} deg  "
                   "downtilt {:5.2f} deg\n",
                   i++, ap["x_m"].get<double>(), ap["y_m"].get<double>(),
                   ap["z_m"].get<double>(), ap["yaw_deg"].get<double>(),
                   ap["downtilt_deg"].get<double>());
    if (layout.contains("reflector")) {
        const json& r = layout["reflector"];
        fmt::print("reflector u {:.3f}  v {:.3f}  focal ({:.2f}, {:.2f}, {:.2f}) m\n",
                   r["u"].get<double>(), r["v"].get<double>(), r["focal_m"][0].get<double>(),
                   r["focal_m"][1].get<double>(), r["focal_m"][2].get<double>());
    }
}

void print_summary(const json& s) {
    const std::string unit = unit_of(s);
    fmt::print("study     {} ({}), store {}{}\n", s["study"].get<std::string>(),
               s["mode"].get<std::string>(), s["store"].get<std::string>(),
               s.value("resumed", false) ? " (resumed)" : "");
    // The task as the studio labels it ("ga #12"); --json keeps the raw best_task_id.
    std::vector<MethodSpec> methods;
    for (const json& m : s["methods"]) methods.push_back({m["type"].get<std::string>(), json()});
    fmt::print("best      {} = {:.3f} {} (task {})\n", s["objective"]["metric"].get<std::string>(),
               s["best_objective"].get<double>(), unit,
               task_label(s["best_task_id"].get<uint64_t>(), methods));
    print_layout(s["best_layout"]);
    // The map's unit, whatever the objective's ("%" for coverage): dB for a SINR map, as
    // rps show prints it.
    const std::string map_unit =
        objective_unit("p5", s["objective"].value("combine", std::string("best")));
    if (const json& m = s["best_metrics"]; m.is_object())
        fmt::print(
            "metrics   P5 {1:.2f} {0}  min {2:.2f} {0}  mean {3:.2f} {0}  coverage {4:.1f} %\n",
            map_unit, m["p5_dbm"].get<double>(), m["min_dbm"].get<double>(),
            m["mean_dbm"].get<double>(), m["coverage_percent"].get<double>());
    for (const json& m : s["methods"]) {
        const json& best = m["best"];
        fmt::print("method {}  {:<8} best {:>9} {}  {} evaluations in {} tasks, {:.1f} s\n",
                   m["index"].get<int>(), m["type"].get<std::string>(),
                   best["objective"].is_number()
                       ? fmt::format("{:.3f}", best["objective"].get<double>())
                       : std::string("-"),
                   unit, m["evaluations"].get<uint64_t>(), m["tasks"].get<uint64_t>(),
                   m["wall_s"].get<double>());
    }
    const json& t = s["task_objectives"];
    if (t.value("count", 0) > 0)
        fmt::print("tasks     {} ({} replayed, {} failed): objective mean {:.3f} std {:.3f} "
                   "min {:.3f} max {:.3f} {}\n",
                   s["tasks"]["total"].get<uint64_t>(), s["tasks"]["replayed"].get<uint64_t>(),
                   s["tasks"]["failed"].get<uint64_t>(), t["mean"].get<double>(),
                   t["std"].get<double>(), t["min"].get<double>(), t["max"].get<double>(), unit);
    const json& pool = s["pool"];
    std::string busy;
    for (const json& w : pool.value("per_worker", json::array()))
        busy += fmt::format(" {}:{:.1f}s", w["id"].get<int>(), w["busy_s"].get<double>());
    const json efficiency = pool.value("efficiency", json());  // null when no worker ran
    fmt::print(
        "pool      {} workers, wall {:.2f} s, busy{}, efficiency {}, restarts {}, "
        "retries {}\n",
        pool["workers"].get<int>(), s["wall_s"].get<double>(), busy.empty() ? " -" : busy,
        efficiency.is_number() ? fmt::format("{:.2f}", efficiency.get<double>()) : "-",
        pool.value("restarts", 0), pool.value("retries", 0));
    fmt::print("gpu       {}\n", s.value("gpu", std::string("-")));
}

// Failed tasks, said where they cannot be missed: a run in which timeouts left whole methods
// without an evaluation exited 0 with the same summary as a clean one (and rps sweep recorded
// it "ok"). Returns true when a method was left without any evaluation (rps run then exits 1).
bool warn_about_failures(const json& s) {
    const json failures = s.value("failures", json::object());
    if (failures.value("count", 0) > 0)
        std::cerr << "rps: warning: " << failures.value("text", std::string()) << "\n";
    const json warnings = s.value("warnings", json::array());
    for (const json& w : warnings) std::cerr << "rps: warning: " << w.get<std::string>() << "\n";
    return !warnings.empty();
}

// The first bytes of an HDF5 file whose superblock is at offset 0 (every study file).
bool starts_like_hdf5(const std::string& path) {
    static constexpr char kSignature[] = "\x89HDF\r\n\x1a\n";
    std::ifstream in(path, std::ios::binary);
    char head[8] = {};
    return in.read(head, sizeof head) && std::equal(head, head + 8, kSignature);
}

// Combinations that used to be accepted and did something else than asked: a resume writes into
// the study file it finishes (--out never created its file) and never replaces it (--overwrite
// was ignored); a study file given as STUDY was parsed as JSON and its binary bytes echoed.
void check_run_options(const RunOptions& o) {
    if (!o.resume.empty() && !std::filesystem::is_regular_file(o.resume))
        throw std::invalid_argument("run: --resume " + o.resume + ": no such study file");
    if (!o.resume.empty() && !o.out.empty())
        throw std::invalid_argument(
            "run: --resume and --out cannot be combined: a resume writes "
            "into the study file it finishes (" +
            o.resume + ")");
    if (!o.resume.empty() && o.overwrite)
        throw std::invalid_argument(
            "run: --resume and --overwrite cannot be combined: a resume "
            "keeps what " +
            o.resume + " holds and finishes it");
    // A worker program that cannot start failed only after the store existed (an empty store
    // left behind, which the next run then refused without --overwrite).
    if (!o.rps.empty() &&
        (!std::filesystem::is_regular_file(o.rps) || ::access(o.rps.c_str(), X_OK) != 0))
        throw std::invalid_argument("run: --rps " + o.rps + ": not an executable file");
    if (!o.study.empty()) {
        const std::string ext = std::filesystem::path(o.study).extension().string();
        if (ext == ".h5" || ext == ".hdf5" || starts_like_hdf5(o.study))
            throw std::invalid_argument(o.study +
                                        " is a study file, not a study JSON; to finish "
                                        "it use rps run --resume " +
                                        o.study);
    }
}

// rps run --events: the run's events as JSON lines on stdout for a program that follows it (the
// studio), and its commands (pause, resume, cancel) read from stdin; docs/protocol.md.
class StudyEvents {
public:
    StudyEvents(StudyRunner& runner, const std::string& store, bool resume)
        : writer_(runner, [](const std::string& line) { std::cout << line << "\n"
                                                                  << std::flush; }),
          commands_(runner, STDIN_FILENO) {
        QObject::connect(&commands_, &StudyCommandReader::note, [](const QString& text) {
            std::cerr << "rps: " << text.toStdString() << "\n";
        });
        writer_.write({{"event", "started"},
                       {"version", kStudyEventsVersion},
                       {"store", store},
                       {"resume", resume},
                       {"pid", static_cast<int64_t>(::getpid())}});
    }

private:
    StudyEventWriter writer_;
    StudyCommandReader commands_;
};

// nodes: under --mpi, rank 0's workers on the other ranks of the job (null otherwise).
int run_study(const RunOptions& o, MpiWorkerNodes* nodes) {
    // Bad input fails here, before a store or a worker exists (exit 2, file and key named).
    std::optional<StudySpec> fresh;
    if (o.resume.empty()) {
        fresh = load_study(o.study);
        check_scene_file(*fresh);
        for (const std::string& warning : bounds_warnings(*fresh, load_scene(fresh->scene_path)))
            std::cerr << "rps: warning: " << warning << "\n";
    }
    static int argc = 1;
    static char name[] = "rps";
    static char* argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);

    StudyRunOptions options;
    options.rps_executable = o.rps.empty() ? this_executable() : o.rps;
    options.workers = o.workers;
    options.overwrite = o.overwrite;
#ifdef RPS_WITH_MPI
    if (nodes) {
        options.workers = nodes->node_count();
        options.worker_channels = nodes->channel_factory();
    }
#else
    (void)nodes;
#endif
    StudyRunner runner;
    const StopOnSignal stop_on_signal([&runner] { runner.cancel(); });
    if (o.resume.empty())
        options.store_path = o.out.empty() ? std::filesystem::path(fresh->name + ".h5")
                                           : std::filesystem::path(o.out);
    const std::unique_ptr<StudyEvents> events =
        o.events ? std::make_unique<StudyEvents>(
                       runner,
                       std::filesystem::absolute(o.resume.empty() ? options.store_path
                                                                  : std::filesystem::path(o.resume))
                           .string(),
                       !o.resume.empty())
                 : nullptr;
    // With --events the progress is an event: no bar lines on stderr (the studio shows stderr).
    TerminalProgress bar(o.resume.empty() ? "study" : "resume", 1, events ? nullptr : stderr);
    std::string method, best;
    const auto status = [&] { return method + best; };
    QObject::connect(&runner, &StudyRunner::methodStarted, [&](int index, const QString& type) {
        method = fmt::format("method {} {}", index, type.toStdString());
    });
    QObject::connect(&runner, &StudyRunner::bestChanged, [&](const QVector<double>&, double f) {
        best = fmt::format(", best {:.2f}", f);
    });
    quint64 finished_tasks = 0;
    QObject::connect(&runner, &StudyRunner::progress, [&](quint64 done, quint64 total, double) {
        finished_tasks = done;
        bar.set_total(total);
        bar.update(done, status());
    });
    if (o.verbose)
        QObject::connect(&runner, &StudyRunner::log, [](const QString& line) {
            std::cerr << line.toStdString() << "\n";
        });
    json summary;
    try {
        if (!o.resume.empty()) {
            summary = runner.resume(o.resume, options);
        } else {
            summary = runner.run(*fresh, options);
        }
    } catch (const StudyError& error) {
        if (const int sig = stop_on_signal.signal()) {
            bar.finish("interrupted");
            const std::string store = o.resume.empty() ? options.store_path.string() : o.resume;
            std::cerr << "rps: interrupted by " << signal_name(sig);
            if (!store.empty() && std::filesystem::exists(store))
                std::cerr << ": the finished tasks are kept in " << store << "; rps run --resume "
                          << store << " finishes the study";
            std::cerr << "\n";
            return 128 + sig;
        }
        bar.finish("failed");
        std::cerr << "rps: error: study failed: " << error.what() << "\n";
        return kExitFailure;
    } catch (const StoreError& error) {
        bar.finish("failed");
        const std::string what = error.what();
        std::cerr << "rps: error: " << what
                  << (what.find("file exists") != std::string::npos
                          ? " (--overwrite replaces it, --resume FILE finishes it)"
                          : "")
                  << "\n";
        return kExitBadInput;
    }
    if (summary.value("already_finished", false)) {
        // Nothing ran and nothing was written: the study's own summary, as it finished.
        bar.abandon();  // no "0/1 done" line: nothing ran
        std::cerr << "rps: " << o.resume << " is already finished: nothing to run\n";
    } else {
        bar.set_total(finished_tasks);  // the estimate was an upper bound (GA re-evaluations)
        bar.update(finished_tasks, status());
        bar.finish(status());
    }
    if (o.json && !events)  // with --events the summary went out as the "finished" event
        std::cout << summary.dump(2) << "\n";
    else if (!events)
        print_summary(summary);
    return warn_about_failures(summary) ? kExitFailure : kExitOk;
}

#ifdef RPS_WITH_MPI
// Rank 0's nodes under --mpi; null without --mpi and on the other ranks.
std::unique_ptr<MpiWorkerNodes> mpi_worker_nodes(const RunOptions& o) {
    if (!o.mpi) return nullptr;
    const MpiSession& session = MpiSession::open();
    if (session.rank() != 0) return nullptr;
    if (session.size() < 2)
        throw std::invalid_argument(
            "run: --mpi: this MPI job has no rank for a worker; start it with mpirun -n N+1 for "
            "N workers (rank 0 runs the study, every other rank one worker)");
    auto nodes = std::make_unique<MpiWorkerNodes>();
    if (o.workers > 0)
        throw std::invalid_argument(
            "run: --workers and --mpi cannot be combined: under MPI every rank but 0 runs one "
            "worker (mpirun -n N+1 for N workers)");
    return nodes;
}
#else
std::unique_ptr<MpiWorkerNodes> mpi_worker_nodes(const RunOptions& o) {
    if (o.mpi)
        throw std::invalid_argument(
            "run: --mpi: this rps was built without MPI (cmake -DRPS_WITH_MPI=ON, with Debian's "
            "libopenmpi-dev)");
    return nullptr;
}
int run_mpi_worker_node() { return kExitFailure; }  // never reached: --mpi is refused above
#endif

void register_run(CLI::App& app, CommandAction& action) {
    auto o = std::make_shared<RunOptions>();
    auto* command = app.add_subcommand("run", "Run a placement study (or resume one)");
    command->add_option("STUDY", o->study, "Study JSON (docs/study_format.md)");
    command->add_option("--workers", o->workers, "Worker processes (default: compute.workers)")
        ->check(CLI::Range(1, 1024));
    command->add_option("--out", o->out, "Study file to write (default: <study name>.h5 here)");
    // Not checked here: under MPI every rank parses this line, and the other ranks' machines
    // need not see the study file (rank 0 checks it in check_run_options).
    command->add_option("--resume", o->resume, "Finish an interrupted study file");
    command->add_option("--rps", o->rps, "The rps executable the workers run (default: this one)");
    command->add_flag("--json", o->json, "Print the summary as JSON");
    command->add_flag("--overwrite", o->overwrite, "Replace an existing study file");
    command->add_flag("-v,--verbose", o->verbose, "Print the runner's and the workers' logs");
    command->add_flag("--events", o->events,
                      "Print the study's events as JSON lines on stdout and read pause, resume "
                      "and cancel from stdin (for a program that follows the run; "
                      "docs/protocol.md)");
    command->add_flag("--mpi", o->mpi,
                      "Run the workers on the ranks of an MPI job: mpirun -n N+1 rps run ... "
                      "--mpi (rank 0 runs the study, every other rank one worker)");
    command->callback([&action, o] {
        action = [o] {
            // Under MPI every rank runs this command: all but rank 0 become worker nodes, and
            // rank 0 tells them when it is over, also when it refuses its input.
            std::unique_ptr<MpiWorkerNodes> nodes = mpi_worker_nodes(*o);
            if (o->mpi && !nodes) return run_mpi_worker_node();
            if (o->study.empty() == o->resume.empty())
                throw std::invalid_argument("run: give either STUDY.json or --resume FILE.h5");
            check_run_options(*o);
            return run_study(*o, nodes.get());
        };
    });
}

}  // namespace

void register_study_commands(CLI::App& app, CommandAction& action) {
    register_init(app, action);
    register_run(app, action);
    register_worker(app, action);
    register_report_commands(app, action);
}

}  // namespace rps::cli
