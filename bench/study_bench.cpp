// Study benchmark: the original framework's two headline studies on the office example, run end
// to end through `rps worker` processes and the study store, plus a small 2ap_reflector study.
//
//   rps_bench_study [--rps PATH] [--workers N] [--gd-starts N] [--gd-iterations N]
//                   [--ga-pop N] [--ga-gen N] [--ga-chunk N] [--refl-candidates N] [--refl-ga-pop N]
//                   [--refl-ga-gen N] [--max-order K] [--cell-m M] [--antenna NAME]
//                   [--only gd|ga|quality|reflector] [--out FILE.json]
//
// The original (ORIGINAL.md §8): GD 80 tasks x 30 iterations, 1 AP with its direction, 240.9 s
// wall on a GPU (4 actors x 0.25 GPU); GA [x, y] population 100 x 20 generations, 1661
// evaluations in 13.9 s. Targets on 2 cores: GD <= 24 s, GA <= 7 s. Smaller budgets are allowed
// for quick runs; the table and the JSON say which budgets were used.
#include <fmt/core.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "bench/bench_cli.hpp"
#include "core/study/study_spec.hpp"
#include "runtime/study_runner.hpp"

namespace {

using nlohmann::json;

struct Options {
    std::string rps = RPS_EXECUTABLE;
    std::string scene = std::string(RPS_SOURCE_DIR) + "/scenes/office/office.xml";
    int workers = 2;
    int gd_starts = 80, gd_iterations = 30;
    int ga_pop = 100, ga_gen = 20, ga_chunk = 2;
    int refl_candidates = 32, refl_ga_pop = 20, refl_ga_gen = 5;
    int max_order = 2;
    double cell_m = 1.0;
    std::string antenna = "ap2x1";
    std::string only, out;
};

Options parse(int argc, char** argv) {
    Options o;
    CLI::App app{"Study benchmark: the original framework's headline studies"};
    app.add_option("--rps", o.rps)->capture_default_str();
    app.add_option("--scene", o.scene)->capture_default_str();
    app.add_option("--workers", o.workers)->capture_default_str();
    app.add_option("--gd-starts", o.gd_starts)->capture_default_str();
    app.add_option("--gd-iterations", o.gd_iterations)->capture_default_str();
    app.add_option("--ga-pop", o.ga_pop)->capture_default_str();
    app.add_option("--ga-gen", o.ga_gen)->capture_default_str();
    app.add_option("--ga-chunk", o.ga_chunk, "individuals per evaluate task")
        ->capture_default_str();
    app.add_option("--refl-candidates", o.refl_candidates)->capture_default_str();
    app.add_option("--refl-ga-pop", o.refl_ga_pop)->capture_default_str();
    app.add_option("--refl-ga-gen", o.refl_ga_gen)->capture_default_str();
    app.add_option("--max-order", o.max_order)->capture_default_str();
    app.add_option("--cell-m", o.cell_m)->capture_default_str();
    app.add_option("--antenna", o.antenna)->capture_default_str();
    app.add_option("--only", o.only)->capture_default_str();
    app.add_option("--out", o.out)->capture_default_str();
    rps::bench::parse_or_exit(app, argc, argv);
    return o;
}

json base_study(const Options& o, const std::string& name, const std::string& mode) {
    return {{"name", name},
            {"scene", o.scene},
            {"radio", {{"antenna", o.antenna}, {"max_order", o.max_order}}},
            {"grid", {{"cell_m", o.cell_m}}},
            {"mode", mode},
            {"bounds", {{"x_m", {5.5, 34.5}}, {"y_m", {5.5, 34.5}}}},
            {"seed", 4},
            {"compute", {{"workers", o.workers}}}};
}

// CPU seconds of the waited-for children: the workers, once the run has shut its pool down.
double children_cpu_s() {
    rusage usage{};
    ::getrusage(RUSAGE_CHILDREN, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           1e-6 * (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

struct Case {
    std::string name;
    std::string budget;
    json study;
    double original_s = 0;  // 0: no original figure
    double target_s = 0;
};

json run_case(const Options& o, const Case& c, const QTemporaryDir& temp) {
    const std::string file = temp.filePath(QString::fromStdString(c.name + ".json")).toStdString();
    std::ofstream(file) << c.study.dump(2);
    const rps::StudySpec spec = rps::load_study(file);
    rps::StudyRunner runner;
    rps::StudyRunOptions options;
    options.rps_executable = o.rps;
    options.store_path = temp.filePath(QString::fromStdString(c.name + ".h5")).toStdString();
    options.workers = o.workers;
    QElapsedTimer timer;
    timer.start();
    const double cpu_before = children_cpu_s();
    const json s = runner.run(spec, options);
    const double wall = timer.nsecsElapsed() * 1e-9;
    const double cpu = children_cpu_s() - cpu_before;
    const double evaluations = std::max<double>(1.0, s["evaluations"].get<double>());
    return {{"case", c.name},
            {"budget", c.budget},
            {"wall_s", wall},
            {"original_s", c.original_s},
            {"target_s", c.target_s},
            {"best_objective_dbm", s["best_objective"]},
            {"best_layout", s["best_layout"]},
            {"evaluations", s["evaluations"]},
            {"tasks", s["tasks"]["total"]},
            {"pool_efficiency", s["pool"]["efficiency"]},
            {"ms_per_evaluation_per_worker", 1e3 * wall * o.workers / evaluations},
            // Worker CPU time: what the run costs on an unloaded machine, whatever the load now.
            {"worker_cpu_s", cpu},
            {"cpu_ms_per_evaluation", 1e3 * cpu / evaluations},
            {"cores_used", cpu / wall},
            {"projected_wall_s_on_idle_cores", cpu / o.workers},
            {"methods", s["methods"]}};
}

// Each method's best against the exhaustive search (the quality case's first method): the issue
// asks for 0.1 dB on 1ap.
json print_quality(const json& r) {
    constexpr double kBar_db = 0.1;
    const json& methods = r.at("methods");
    const double reference = methods.at(0).at("best").at("objective").get<double>();
    json out = json::array();
    fmt::print("  quality vs exhaustive 0.25 m grid ({:.3f} dBm):\n", reference);
    for (std::size_t i = 1; i < methods.size(); ++i) {
        const json& m = methods[i];
        const double best = m.at("best").at("objective").get<double>();
        const double gap = reference - best;
        fmt::print("    {:<6} {:>9.3f} dBm  {:>+7.3f} dB  {:>6} evaluations  {}\n",
                   m.at("type").get<std::string>(), best, -gap, m.at("evaluations").get<uint64_t>(),
                   gap <= kBar_db ? "within 0.1 dB" : "MISSES the 0.1 dB bar");
        out.push_back({{"type", m.at("type")},
                       {"best_dbm", best},
                       {"gap_db", gap},
                       {"within_bar", gap <= kBar_db}});
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const Options o = parse(argc, argv);
    std::vector<Case> cases;
    if (o.only.empty() || o.only == "gd") {
        json s = base_study(o, "office_gd", "1ap");
        s["methods"] = {{{"type", "gd"},
                         {"starts", o.gd_starts},
                         {"iterations", o.gd_iterations},
                         {"lr_m", 0.5}}};
        cases.push_back({"gd_1ap",
                         fmt::format("{} starts x {} iterations (AP x, y, yaw, "
                                     "downtilt)",
                                     o.gd_starts, o.gd_iterations),
                         s, 240.9, 24.0});
    }
    if (o.only.empty() || o.only == "ga") {
        json s = base_study(o, "office_ga", "1ap");
        s["bounds"]["optimise_direction"] = false;  // the original's GA searched [x, y] only
        s["methods"] = {{{"type", "ga"},
                         {"population", o.ga_pop},
                         {"generations", o.ga_gen},
                         {"tournament", 10},
                         {"chunk", o.ga_chunk}}};
        cases.push_back(
            {"ga_1ap", fmt::format("population {} x {} generations (AP x, y)", o.ga_pop, o.ga_gen),
             s, 13.9, 7.0});
    }
    if (o.only.empty() || o.only == "quality") {
        // The quality bar on the office: 1 AP, directions fixed ([x, y] as the original's
        // GA), every method against a dense exhaustive search (0.25 m grid, 13 689 layouts) run in
        // the same study.
        json s = base_study(o, "office_quality", "1ap");
        s["bounds"]["optimise_direction"] = false;
        s["methods"] = {{{"type", "grid"}, {"resolution_m", 0.25}, {"chunk", 64}},
                        {{"type", "grid"}, {"resolution_m", 0.5}, {"refine_levels", 2}},
                        {{"type", "ga"},
                         {"population", 200},
                         {"generations", 30},
                         {"tournament", 10},
                         {"chunk", o.ga_chunk}},
                        {{"type", "gd"}, {"starts", 80}, {"iterations", 30}, {"lr_m", 0.5}}};
        cases.push_back(
            {"quality_1ap",
             "exhaustive 0.25 m grid vs 0.5 m grid refined twice, GA 200 x 30, GD 80 x 30 "
             "(AP x, y)",
             s, 0, 0});
    }
    if (o.only.empty() || o.only == "reflector") {
        json s = base_study(o, "office_2ap_reflector", "2ap_reflector");
        s["methods"] = {{{"type", "halving"}, {"candidates", o.refl_candidates}, {"chunk", 2}},
                        {{"type", "ga"},
                         {"population", o.refl_ga_pop},
                         {"generations", o.refl_ga_gen},
                         {"chunk", 2}},
                        {{"type", "refine"}, {"max_evaluations", 20}}};
        cases.push_back({"2ap_reflector",
                         fmt::format("halving {} candidates, GA {} x {}, refine 20",
                                     o.refl_candidates, o.refl_ga_pop, o.refl_ga_gen),
                         s, 0, 0});
    }
    QTemporaryDir temp;
    json out = {
        {"scene", o.scene},
        {"workers", o.workers},
        {"cpu_cores", std::thread::hardware_concurrency()},
        {"radio", {{"antenna", o.antenna}, {"max_order", o.max_order}, {"cell_m", o.cell_m}}},
        {"cases", json::array()}};
    fmt::print("{:<14} {:>9} {:>12} {:>9} {:>9} {:>11} {:>8} {:>8} {:>10}  {}\n", "study", "wall s",
               "original s", "target s", "evals", "best dBm", "effic.", "cores", "cpu ms/ev",
               "budget");
    for (const Case& c : cases) {
        json r;
        try {
            r = run_case(o, c, temp);
        } catch (const std::exception& e) {
            fmt::print(stderr, "rps_bench_study: {}: {}\n", c.name, e.what());
            return 1;
        }
        fmt::print("{:<14} {:>9.2f} {:>12} {:>9} {:>9} {:>11.2f} {:>8.2f} {:>8.2f} {:>10.1f}  {}\n",
                   c.name, r["wall_s"].get<double>(),
                   c.original_s > 0 ? fmt::format("{:.1f}", c.original_s) : std::string("-"),
                   c.target_s > 0 ? fmt::format("{:.1f}", c.target_s) : std::string("-"),
                   r["evaluations"].get<uint64_t>(), r["best_objective_dbm"].get<double>(),
                   r["pool_efficiency"].get<double>(), r["cores_used"].get<double>(),
                   r["cpu_ms_per_evaluation"].get<double>(), c.budget);
        if (c.name == "quality_1ap") r["quality"] = print_quality(r);
        out["cases"].push_back(r);
    }
    if (!o.out.empty()) {
        std::ofstream(o.out) << out.dump(2) << "\n";
        fmt::print("wrote {}\n", o.out);
    }
    return 0;
}
