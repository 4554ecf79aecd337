// Worker-pool benchmark: throughput of the pool with 2 workers against 1 on the same tasks, and
// the per-task overhead of the protocol round trip, with real `rps worker` processes.
//
//   rps_bench_pool [--rps PATH] [--scene FILE] [--empty-tasks N] [--real-tasks N] [--chunk K]
//                  [--workers N] [--out FILE.json]
//   mpirun -n N+1 rps_bench_pool --mpi ...   the same rows with the workers on MPI ranks 1..N,
//                  each row measured beside the local pool's in the same run (a ratio)
//
// Empty tasks are "evaluate" tasks with no points: the worker parses, answers and waits for the
// next line, so their wall time per task IS the pool's overhead (dispatch, pipe, JSON, result
// handling). Real tasks evaluate K random office layouts each (default radio set-up).
#include <fmt/core.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "bench/bench_cli.hpp"
#include "core/opt/seed_sequence.hpp"
#include "core/study/layout.hpp"
#include "core/study/study_spec.hpp"
#include "runtime/worker_pool.hpp"
#ifdef RPS_WITH_MPI
#include "runtime/mpi_worker_channel.hpp"
#include "runtime/mpi_worker_node.hpp"
#endif

namespace {

using nlohmann::json;

struct Options {
    std::string rps = RPS_EXECUTABLE;
    std::string scene = std::string(RPS_SOURCE_DIR) + "/scenes/office/office.xml";
    int empty_tasks = 2000;
    int real_tasks = 48;
    int chunk = 4;
    int workers = 2;
    std::string out;
    bool mpi = false;
};

Options parse(int argc, char** argv) {
    Options o;
    CLI::App app{"Worker pool benchmark"};
    app.add_option("--rps", o.rps)->capture_default_str();
    app.add_option("--scene", o.scene)->capture_default_str();
    app.add_option("--empty-tasks", o.empty_tasks)->capture_default_str();
    app.add_option("--real-tasks", o.real_tasks)->capture_default_str();
    app.add_option("--chunk", o.chunk)->capture_default_str();
    app.add_option("--workers", o.workers)->capture_default_str();
    app.add_option("--out", o.out)->capture_default_str();
    app.add_flag("--mpi", o.mpi, "Also run every row with the workers on MPI ranks (mpirun)");
    rps::bench::parse_or_exit(app, argc, argv);
    return o;
}

// Waits until every worker of the pool has said ready (scene loaded), so that start-up is not
// timed.
void wait_ready(rps::WorkerPool& pool) {
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        bool ready = true;
        for (const auto& w : pool.stats().workers)
            ready = ready && w.state == rps::WorkerState::idle;
        if (ready) return;
        if (timer.elapsed() > 120000) throw std::runtime_error("workers did not start");
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

// CPU seconds of the waited-for child processes (the workers, once the pool has shut down).
double children_cpu_s() {
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           1e-6 * (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

struct Timing {
    double cores_used = 0;  // worker CPU time / wall: what the machine actually gave them
    double wall_s = 0;
    double tasks_per_s = 0;
    double ms_per_task = 0;
    double efficiency = 0;
};

// channels: empty, local worker processes; otherwise MPI ranks (their CPU time is not this
// process's children's: cores_used is then NaN).
Timing run_batch(const Options& o, const std::string& study, int workers,
                 const std::vector<json>& payloads, const rps::WorkerChannelFactory& channels) {
    rps::WorkerPoolConfig config;
    config.program = o.rps;
    config.arguments = {"worker", study};
    config.argument_files = {study};
    config.worker_count = workers;
    config.channel_factory = channels;
    const double cpu_before = children_cpu_s();
    auto pool = std::make_unique<rps::WorkerPool>(config);
    pool->start();
    wait_ready(*pool);
    const double cpu_ready = children_cpu_s() - cpu_before;  // 0: not reaped yet
    std::vector<rps::PoolTask> tasks;
    for (size_t i = 0; i < payloads.size(); ++i) tasks.push_back({i, payloads[i]});
    QElapsedTimer timer;
    timer.start();
    const auto before = pool->stats();
    const auto outcomes = pool->run_ordered(std::move(tasks));
    const double wall = timer.nsecsElapsed() * 1e-9;
    for (const auto& outcome : outcomes)
        if (!outcome.ok) throw std::runtime_error("task failed: " + outcome.error);
    const auto after = pool->stats();
    pool.reset();  // shuts the workers down and reaps them: their CPU time is counted now
    Timing t;
    // Start-up (scene load) is a few ms of the total; it is included in the CPU time.
    t.cores_used = channels ? std::nan("") : (children_cpu_s() - cpu_before - cpu_ready) / wall;
    t.wall_s = wall;
    t.tasks_per_s = payloads.size() / wall;
    t.ms_per_task = 1e3 * wall / payloads.size();
    t.efficiency = (after.busy_s - before.busy_s) / (workers * wall);
    return t;
}

std::vector<json> real_payloads(const Options& o, const rps::StudySpec& spec) {
    const rps::LayoutSpace space(spec);
    const rps::opt::SeedSequence seeds(2024);
    std::vector<json> payloads;
    for (int t = 0; t < o.real_tasks; ++t) {
        json points = json::array();
        auto rng = seeds.engine(static_cast<uint64_t>(t));
        for (int k = 0; k < o.chunk; ++k) {
            rps::opt::Vector x;
            for (size_t d = 0; d < space.dim(); ++d)
                x.push_back(rps::opt::uniform(rng, space.box().lower[d], space.box().upper[d]));
            points.push_back(x);
        }
        payloads.push_back({{"kind", "evaluate"}, {"points", points}});
    }
    return payloads;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    Options o = parse(argc, argv);
    rps::WorkerChannelFactory mpi_channels;
#ifdef RPS_WITH_MPI
    std::unique_ptr<rps::MpiWorkerNodes> nodes;
    if (o.mpi) {
        if (rps::MpiSession::open().rank() != 0) return rps::run_mpi_worker_node();
        nodes = std::make_unique<rps::MpiWorkerNodes>();
        o.workers = nodes->node_count();
        mpi_channels = nodes->channel_factory();
    }
#else
    if (o.mpi) {
        fmt::print(stderr, "rps_bench_pool: --mpi: this build has no MPI\n");
        return 2;
    }
#endif
    QTemporaryDir temp;
    const std::string study = temp.filePath("pool_bench_study.json").toStdString();
    const json doc = {{"name", "pool_bench"},
                      {"scene", o.scene},
                      {"mode", "1ap"},
                      {"methods", {{{"type", "grid"}}}}};
    std::ofstream(study) << doc.dump(2);
    const rps::StudySpec spec = rps::parse_study(doc, study);

    const std::vector<json> empty(static_cast<size_t>(o.empty_tasks),
                                  json{{"kind", "evaluate"}, {"points", json::array()}});
    const std::vector<json> real = real_payloads(o, spec);
    json out = {{"scene", o.scene},
                {"cpu_cores", std::thread::hardware_concurrency()},
                {"empty_tasks", o.empty_tasks},
                {"real_tasks", o.real_tasks},
                {"points_per_real_task", o.chunk}};
    fmt::print("{:<14} {:>8} {:>7} {:>10} {:>12} {:>11} {:>11} {:>11}\n", "tasks", "workers",
               "count", "wall s", "tasks/s", "ms/task", "efficiency", "cores used");
    const auto row = [&](const char* label, int workers, const std::vector<json>& payloads,
                         const rps::WorkerChannelFactory& channels = {}) {
        const Timing t = run_batch(o, study, workers, payloads, channels);
        fmt::print("{:<14} {:>8} {:>7} {:>10.3f} {:>12.1f} {:>11.3f} {:>11.2f} {:>11.2f}\n",
                   label, workers, payloads.size(), t.wall_s, t.tasks_per_s, t.ms_per_task,
                   t.efficiency, t.cores_used);
        return json{{"workers", workers},
                    {"wall_s", t.wall_s},
                    {"tasks_per_s", t.tasks_per_s},
                    {"ms_per_task", t.ms_per_task},
                    {"efficiency", t.efficiency},
                    {"cores_used", t.cores_used}};
    };
    try {
        const json e1 = row("empty", 1, empty);
        const json eN = row("empty", o.workers, empty);
        const json r1 = row("real evaluate", 1, real);
        const json rN = row("real evaluate", o.workers, real);
        out["empty"] = {{"one", e1}, {"many", eN},
                        {"speedup",
                         eN["tasks_per_s"].get<double>() / e1["tasks_per_s"].get<double>()},
                        {"overhead_ms_per_task", e1["ms_per_task"]}};
        out["real"] = {{"one", r1}, {"many", rN},
                       {"speedup",
                        rN["tasks_per_s"].get<double>() / r1["tasks_per_s"].get<double>()},
                       {"ms_per_layout_one_worker",
                        r1["ms_per_task"].get<double>() / o.chunk}};
        if (mpi_channels) {  // the same rows over MPI ranks, beside the local ones
            const json m1 = row("empty (mpi)", 1, empty, mpi_channels);
            const json mN = row("real (mpi)", o.workers, real, mpi_channels);
            out["mpi"] = {
                {"empty_one", m1},
                {"real_many", mN},
                {"overhead_ms_per_task", m1["ms_per_task"]},
                {"real_time_vs_local", mN["wall_s"].get<double>() / rN["wall_s"].get<double>()}};
        }
    } catch (const std::exception& e) {
        fmt::print(stderr, "rps_bench_pool: {}\n", e.what());
        return 1;
    }
    fmt::print("\nper-task overhead (empty tasks, 1 worker): {:.3f} ms (target < 1 ms)\n",
               out["empty"]["overhead_ms_per_task"].get<double>());
    fmt::print("speed-up {} workers vs 1, empty tasks: {:.2f}x\n", o.workers,
               out["empty"]["speedup"].get<double>());
    fmt::print("speed-up {} workers vs 1, real evaluate tasks: {:.2f}x (target >= 1.9x on 2 "
               "cores)\n",
               o.workers, out["real"]["speedup"].get<double>());
    if (out.contains("mpi")) {
        fmt::print("per-task overhead over MPI (empty tasks, 1 worker on rank 1): {:.3f} ms\n",
                   out["mpi"]["overhead_ms_per_task"].get<double>());
        fmt::print("real evaluate tasks, {} workers on MPI ranks / local: {:.3f} of the time\n",
                   o.workers, out["mpi"]["real_time_vs_local"].get<double>());
    }
    // On a shared machine the workers may get less than a core each: say so, with the speed-up
    // per core actually obtained.
    const double cores = out["real"]["many"]["cores_used"].get<double>() /
                         std::max(1e-9, out["real"]["one"]["cores_used"].get<double>());
    out["real"]["cores_ratio"] = cores;
    out["real"]["speedup_per_core_obtained"] = out["real"]["speedup"].get<double>() / cores;
    fmt::print("  the {} workers got {:.2f}x the CPU of 1 worker (machine load); speed-up per "
               "core obtained {:.2f}\n",
               o.workers, cores, out["real"]["speedup_per_core_obtained"].get<double>());
    if (!o.out.empty()) {
        std::ofstream(o.out) << out.dump(2) << "\n";
        fmt::print("wrote {}\n", o.out);
    }
    return 0;
}
