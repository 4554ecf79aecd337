// rps sweep SWEEP.json [--workers N] [--out-dir DIR] [--generate-only] [--json]
//           [--mpi [--mpirun "mpirun OPTIONS"]]: a study over a sweep of parameters
// (core/study/sweep.hpp): each trial's study file, then `rps run` for each (a finished trial is
// reused, an unfinished one resumed; one whose study file holds another study is refused), then
// summary.json and summary.csv. With --mpi each trial runs as an MPI job of its own
// (mpirun OPTIONS -n N+1 rps run TRIAL --mpi). SIGINT or SIGTERM stops it at any point with the
// same summary of the trials that ran (exit 130 / 143).
#include <fmt/core.h>

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/commands/child_process.hpp"
#include "app/commands/json_fields.hpp"
#include "app/commands/report_commands.hpp"
#include "app/commands/stop_on_signal.hpp"
#include "app/commands/stored_study_view.hpp"
#include "core/common/atomic_file.hpp"
#include "core/store/study_store.hpp"
#include "core/study/json_reader.hpp"
#include "core/study/study_spec.hpp"
#include "core/study/sweep.hpp"

namespace rps::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct SweepOptions {
    std::string file, out_dir;
    int workers = 0;
    bool generate_only = false, json = false;
    bool mpi = false;               // each trial as an MPI job
    std::string mpirun = "mpirun";  // its launcher and options, split as a shell would
};

// How a trial's `rps run` starts: the program, and what goes before `run ...`.
struct TrialLauncher {
    fs::path program;                 // rps itself, or the MPI launcher
    std::vector<std::string> prefix;  // the launcher's options, then -n and rps (MPI); else none
    fs::path rps;
    bool mpi = false;
};

// ------------------------------------------------------------------------------ small helpers

std::string tail_of(const fs::path& file, size_t lines) {
    std::ifstream in(file);
    std::vector<std::string> all;
    for (std::string line; std::getline(in, line);) all.push_back(line);
    std::string text;
    for (size_t i = all.size() > lines ? all.size() - lines : 0; i < all.size(); ++i)
        text += all[i] + "\n";
    return text;
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string value_text(const json& value) {
    return value.is_string() ? value.get<std::string>() : value.dump();
}

// "key=value, ..." of a trial's choices.
std::string values_text(const json& values) {
    std::string text;
    for (const auto& [k, v] : values.items())
        text += (text.empty() ? "" : ", ") + k + "=" + value_text(v);
    return text;
}

// "ga+gd" of a summary row's methods.
std::string methods_text(const json& row) {
    std::string methods;
    for (const json& m : row["methods"])
        methods += (methods.empty() ? "" : "+") + m.get<std::string>();
    return methods;
}

void write_text(const fs::path& path, const std::string& text) {
    write_file_atomically(path, text, "--out-dir");
}

// ------------------------------------------------------------------------------ the trials

// Writes each trial's study document and trials.json; returns trials.json's content.
json write_trials(const SweepOptions& o, const fs::path& out_dir,
                  const std::vector<SweepTrial>& trials, const std::vector<std::string>& keys) {
    json index = {{"sweep", fs::absolute(o.file).lexically_normal().string()},
                  {"count", trials.size()},
                  {"order", "seeds outermost, then grid keys in lexicographic order, last fastest"},
                  {"grid_keys", keys},
                  {"trials", json::array()}};
    for (const SweepTrial& trial : trials) {
        const fs::path file = out_dir / (trial.name + ".json");
        write_text(file, trial.document.dump(2) + "\n");
        index["trials"].push_back({{"index", trial.index},
                                   {"name", trial.name},
                                   {"file", file.filename().string()},
                                   {"values", trial.values}});
    }
    write_text(out_dir / "trials.json", index.dump(2) + "\n");
    return index;
}

// Trials are named by position (prefix_NNN), so after the sweep file changes an existing study
// file may hold another study than its trial now gives; reusing or resuming it would report the
// old study under the new values. Refused rather than re-run: the old file may be the result
// someone wants, and only they can decide to delete it.
void refuse_stale_trials(const std::vector<SweepTrial>& trials, const fs::path& out_dir) {
    for (const SweepTrial& trial : trials) {
        const fs::path h5 = out_dir / (trial.name + ".h5");
        if (!fs::exists(h5)) continue;
        json stored;
        try {
            stored = StudyStore::read(h5).spec;
        } catch (const std::exception&) {
            continue;  // unreadable: `rps run --resume` reports it for this trial alone
        }
        // As `rps run` stores it: read back from the trial file, the scene made absolute.
        const fs::path file = out_dir / (trial.name + ".json");
        const json expected =
            stored_study_document(parse_study(json::parse(trial.document.dump()), file.string()));
        if (stored != expected)
            throw std::invalid_argument(
                h5.string() + " holds another study than trial " + trial.name +
                " of this sweep (the sweep or its study changed since it ran); remove it, or "
                "use another name_prefix or --out-dir");
    }
}

void print_trials(const std::vector<SweepTrial>& trials, const fs::path& out_dir) {
    fmt::print("{} trial(s) written to {}\n", trials.size(), out_dir.string());
    for (const SweepTrial& trial : trials)
        fmt::print("  {}  {}\n", trial.name, values_text(trial.values));
}

// How a trial runs: a fresh `rps run`, a resume of its unfinished study file, or not at all
// (its study file is finished: reused).
struct TrialPlan {
    std::vector<std::string> args;
    bool reuse = false;
};

TrialPlan plan_trial(const SweepTrial& trial, const fs::path& out_dir, const fs::path& h5,
                     int workers, const TrialLauncher& launcher) {
    TrialPlan plan;
    if (fs::exists(h5)) {
        try {
            plan.reuse = StudyStore::read(h5).finished;
        } catch (const std::exception&) {
        }
        if (!plan.reuse) plan.args = {"run", "--resume", h5.string()};
    } else {
        plan.args = {"run", (out_dir / (trial.name + ".json")).string(), "--out", h5.string()};
    }
    if (plan.reuse) return plan;
    if (!launcher.mpi) {
        if (workers > 0) plan.args.insert(plan.args.end(), {"--workers", std::to_string(workers)});
        return plan;
    }
    // One rank runs the study, one rank per worker: the trial's own count unless --workers.
    const int ranks = 1 + (workers > 0 ? workers
                                       : trial.document.value("compute", json::object())
                                             .value("workers", ComputeSpec{}.workers));
    std::vector<std::string> args = launcher.prefix;
    args.insert(args.end(), {"-n", std::to_string(ranks), launcher.rps.string()});
    args.insert(args.end(), plan.args.begin(), plan.args.end());
    args.push_back("--mpi");
    plan.args = std::move(args);
    return plan;
}

struct TrialResult {
    json best_objective = nullptr;
    bool finished = false;
    std::string error;  // the study file does not read
};

// Reads the trial's study file back into its row (objective, wall time).
TrialResult read_trial_result(json& row, const fs::path& h5, bool reuse) {
    TrialResult result;
    if (!fs::exists(h5)) return result;
    try {
        const StoredStudy stored = StudyStore::read(h5);
        const StoredStudyView view = view_stored_study(stored);
        result.finished = stored.finished;
        if (!view.data["best"].is_null())
            result.best_objective = view.data["best"].value("objective", json());
        row["objective"] = view.data["objective"]["metric"];
        row["study_wall_s"] = view.data["wall_s"];
        if (reuse) row["time_s"] = view.data["wall_s"];
        // Tasks that ran out of attempts (timeouts...): a trial can finish with some.
        row["failed_tasks"] = view.data["tasks"]["failed"];
    } catch (const std::exception& e) {
        result.error = e.what();
    }
    return result;
}

// stopped: the sweep stopped the trial (a signal to the sweep). mpirun exits with 1 when it
// passed a SIGTERM on, not with the 143 of the `rps run` it stopped.
std::string trial_status(bool reuse, int exit_code, bool finished, bool stopped) {
    if (reuse) return "reused";
    if (exit_code == 0 && finished) return "ok";
    return interrupted(exit_code) || stopped ? "interrupted" : "failed";
}

std::string failure_text(int exit_code, const TrialLauncher& launcher) {
    return exit_code == -1  ? "could not start " + launcher.program.string()
           : exit_code != 0 ? fmt::format("{} exited with {}",
                                          launcher.mpi ? "the MPI job" : "rps run", exit_code)
                            : "the study file is not marked finished";
}

// Runs (or reuses) one trial, printing its progress line; returns its summary row, or nothing
// when the sweep was stopped as the trial was about to start.
std::optional<json> run_trial(const SweepTrial& trial, size_t count, const fs::path& out_dir,
                              const SweepOptions& o, const TrialLauncher& launcher,
                              ChildRunner& children, std::FILE* progress) {
    const fs::path h5 = out_dir / (trial.name + ".h5");
    const fs::path log = out_dir / (trial.name + ".log");
    const std::string values = values_text(trial.values);
    fmt::print(progress, "[{}/{}] {}{} ... ", trial.index + 1, count, trial.name,
               values.empty() ? "" : " (" + values + ")");
    std::fflush(progress);
    const TrialPlan plan = plan_trial(trial, out_dir, h5, o.workers, launcher);
    int exit_code = 0;
    double time_s = 0;
    if (!plan.reuse) {
        const auto start = std::chrono::steady_clock::now();
        const std::optional<int> code = children.run(launcher.program, plan.args, log);
        if (!code) {
            fmt::print(progress, "not started\n");
            std::fflush(progress);
            return std::nullopt;
        }
        exit_code = *code;
        time_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    json row = {{"trial", trial.name},
                {"index", trial.index},
                {"values", trial.values},
                {"mode", trial.document.value("mode", "1ap")},
                {"seed", trial.document.value("seed", json(4))},
                // null when the trial was refused before its study file was created
                {"file", fs::exists(h5) ? json(h5.string()) : json(nullptr)},
                {"log", log.string()},
                {"exit_code", exit_code},
                {"time_s", time_s}};
    if (!plan.reuse) {
        // How the trial ran, to run it again by hand.
        json command = json::array({launcher.program.string()});
        for (const std::string& arg : plan.args) command.push_back(arg);
        row["command"] = command;
    }
    json methods = json::array();
    for (const json& m : trial.document["methods"]) methods.push_back(m.value("type", "?"));
    row["methods"] = methods;
    TrialResult result = read_trial_result(row, h5, plan.reuse);
    const std::string status =
        trial_status(plan.reuse, exit_code, result.finished, !plan.reuse && children.stopped());
    if (status == "failed") {
        if (result.error.empty()) result.error = failure_text(exit_code, launcher);
        row["error"] = result.error;
        row["log_tail"] = tail_of(log, 5);
    }
    row["status"] = status;
    row["best_objective"] = result.best_objective;
    fmt::print(progress, "{}{}{}\n", status,
               result.best_objective.is_number()
                   ? fmt::format(", best {:.3f}", result.best_objective.get<double>())
                   : "",
               plan.reuse ? " (already finished)" : fmt::format(", {:.1f} s", time_s));
    if (status == "failed")
        fmt::print(stderr, "  {}: {}\n{}", trial.name, result.error,
                   row["log_tail"].get<std::string>());
    std::fflush(progress);
    return row;
}

// ------------------------------------------------------------------------------ the summary

std::string summary_csv(const json& rows, const std::vector<std::string>& keys) {
    std::string csv = "trial,methods,mode,seed,status,objective,best_objective,time_s,file";
    for (const std::string& k : keys) csv += "," + csv_field(k);
    csv += "\n";
    for (const json& row : rows) {
        csv += fmt::format(
            "{},{},{},{},{},{},{},{},{}", csv_field(value_text(row["trial"])),
            csv_field(methods_text(row)), csv_field(value_text(row["mode"])),
            value_text(row["seed"]), row["status"].get<std::string>(),
            csv_field(row.value("objective", std::string())),
            row["best_objective"].is_number()
                ? fmt::format("{:.6f}", row["best_objective"].get<double>())
                : "",
            row["time_s"].is_number() ? fmt::format("{:.3f}", row["time_s"].get<double>()) : "",
            row["file"].is_string() ? csv_field(value_text(row["file"])) : "");
        for (const std::string& k : keys)
            csv += ',' + csv_field(row["values"].contains(k) ? value_text(row["values"][k]) : "");
        csv += "\n";
    }
    return csv;
}

void print_summary(const json& rows, size_t failed, const fs::path& out_dir) {
    fmt::print("\n{:<24} {:<14} {:<14} {:>6} {:<7} {:>11} {:>9}  {}\n", "trial", "methods",
               "mode", "seed", "status", "best", "time (s)", "file");
    for (const json& row : rows)
        fmt::print("{:<24} {:<14} {:<14} {:>6} {:<7} {:>11} {:>9}  {}\n",
                   row["trial"].get<std::string>(), methods_text(row),
                   row["mode"].get<std::string>(), value_text(row["seed"]),
                   row["status"].get<std::string>(), fixed(row["best_objective"], 3),
                   fixed(row["time_s"], 1),
                   row["file"].is_string() ? row["file"].get<std::string>() : "-");
    fmt::print("{} trial(s), {} failed; summary in {}\n", rows.size(), failed,
               (out_dir / "summary.json").string());
}

// What a sweep that a signal (or its trial's) stopped says on stderr: where the trials that ran
// are recorded, and how to go on (a sweep run again into its folder reuses the finished trials
// and resumes the interrupted one).
void print_stopped(int sig, const json& rows, size_t planned, bool complete, const SweepOptions& o,
                   const fs::path& out_dir) {
    const std::string by = sig ? fmt::format(" by {}", signal_name(sig)) : "";
    if (complete) {
        fmt::print(stderr, "rps sweep: interrupted{} after its last trial: the sweep is complete\n",
                   by);
        return;
    }
    fmt::print(stderr,
               "rps sweep: interrupted{}: {} of {} trial(s) recorded in {}; rps sweep {} "
               "--out-dir {}{} reuses the finished trials and resumes the rest\n",
               by, rows.size(), planned, (out_dir / "summary.json").string(), o.file,
               out_dir.string(),
               (o.workers > 0 ? fmt::format(" --workers {}", o.workers) : "") +
                   (o.mpi ? fmt::format(" --mpi --mpirun '{}'", o.mpirun) : ""));
}

// The program each trial runs: this rps, or (--mpi) the MPI launcher found on PATH, so that a
// launcher that is missing is said once, before any trial, not as every trial's failure.
TrialLauncher trial_launcher(const SweepOptions& o) {
    TrialLauncher launcher;
    launcher.rps = fs::read_symlink("/proc/self/exe");
    launcher.program = launcher.rps;
    if (!o.mpi) return launcher;
    const QStringList words = QProcess::splitCommand(QString::fromStdString(o.mpirun));
    if (words.isEmpty()) throw std::invalid_argument("sweep: --mpirun: no launcher given");
    const QString found = QStandardPaths::findExecutable(words.front());
    const QFileInfo as_path(words.front());
    if (found.isEmpty() && !(as_path.isFile() && as_path.isExecutable()))
        throw std::invalid_argument("sweep: --mpi: the MPI launcher " +
                                    words.front().toStdString() +
                                    " was not found (Debian: openmpi-bin; or --mpirun PATH)");
    launcher.program = (found.isEmpty() ? as_path.absoluteFilePath() : found).toStdString();
    for (qsizetype i = 1; i < words.size(); ++i) launcher.prefix.push_back(words[i].toStdString());
    launcher.mpi = true;
    return launcher;
}

// --mpi and --mpirun, as far as they can be checked before anything is written.
void check_mpi_options(const SweepOptions& o, bool mpirun_given) {
    if (mpirun_given && !o.mpi)
        throw std::invalid_argument("sweep: --mpirun needs --mpi (it names the MPI launcher)");
#ifndef RPS_WITH_MPI
    if (o.mpi)
        throw std::invalid_argument(
            "sweep: --mpi: this rps was built without MPI (cmake -DRPS_WITH_MPI=ON, with "
            "Debian's libopenmpi-dev)");
#endif
}

int run_sweep(const SweepOptions& o) {
    // From the start, so that a signal never ends the sweep part-way through a file: the trials'
    // `rps run` stop (resumable) and the summary of those that ran is written as at a normal end.
    ChildRunner children;
    const StopOnSignal stop_on_signal([&children] { children.stop(); });
    const json sweep = read_json_file(o.file);
    const std::vector<SweepTrial> trials = expand_sweep(sweep, o.file);
    const std::vector<std::string> keys = sweep_grid_keys(sweep);
    const fs::path out_dir = o.out_dir.empty()
                                 ? fs::path(fs::path(o.file).stem().string() + "_sweep")
                                 : fs::path(o.out_dir);
    create_output_folder(out_dir, "--out-dir");
    refuse_stale_trials(trials, out_dir);  // before the trial files are rewritten
    const json index = write_trials(o, out_dir, trials, keys);
    if (o.generate_only) {
        if (o.json)
            std::cout << index.dump(2) << "\n";
        else
            print_trials(trials, out_dir);
        const int sig = stop_on_signal.signal();
        return sig ? 128 + sig : kExitOk;
    }

    const TrialLauncher launcher = trial_launcher(o);
    std::FILE* progress = o.json ? stderr : stdout;
    json rows = json::array();
    size_t failed = 0;
    for (const SweepTrial& trial : trials) {
        // A signal stops the sweep even when the trial it reached had just finished.
        if (stop_on_signal.signal()) break;
        const std::optional<json> row =
            run_trial(trial, trials.size(), out_dir, o, launcher, children, progress);
        if (!row) break;
        rows.push_back(*row);
        failed += (*row)["status"] == "failed";
        // A trial's rps run stopped on its own (Ctrl-\, kill PID) stops the sweep too.
        if ((*row)["status"] == "interrupted") break;
    }
    const bool trial_interrupted = !rows.empty() && rows.back()["status"] == "interrupted";
    const bool stopped = rows.size() < trials.size() || trial_interrupted;

    const json summary = {{"sweep", index["sweep"]},
                          {"out_dir", out_dir.string()},
                          {"trials", rows},
                          {"count", rows.size()},
                          {"planned", trials.size()},
                          {"failed", failed},
                          {"interrupted", stopped},
                          {"grid_keys", keys}};
    write_text(out_dir / "summary.json", summary.dump(2) + "\n");
    write_text(out_dir / "summary.csv", summary_csv(rows, keys));
    if (o.json)
        std::cout << summary.dump(2) << "\n";
    else
        print_summary(rows, failed, out_dir);
    const int sig = stop_on_signal.signal();  // one while the summary was written counts too
    if (stopped || sig) print_stopped(sig, rows, trials.size(), !stopped, o, out_dir);
    if (sig) return 128 + sig;
    if (trial_interrupted) return rows.back()["exit_code"].get<int>();
    return failed ? kExitFailure : kExitOk;
}

}  // namespace

void register_sweep(CLI::App& app, CommandAction& action) {
    auto o = std::make_shared<SweepOptions>();
    auto* command =
        app.add_subcommand("sweep", "Expand a sweep file into trials and run each with rps run");
    command->add_option("SWEEP", o->file, "Sweep JSON (docs/study_format.md)")->required();
    command->add_option("--workers", o->workers, "Workers per trial (default: the study's)")
        ->check(CLI::Range(1, 1024));
    command->add_option("--out-dir", o->out_dir,
                        "Folder for trials and results (default: <sweep name>_sweep)");
    command->add_flag("--generate-only", o->generate_only,
                      "Write the trial files and trials.json, run nothing");
    command->add_flag("--json", o->json, "Print JSON");
    command->add_flag("--mpi", o->mpi,
                      "Run each trial as an MPI job: MPIRUN -n N+1 rps run TRIAL --mpi (rank 0 "
                      "runs the study, every other rank one of its N workers)");
    CLI::Option* mpirun = command->add_option(
        "--mpirun", o->mpirun,
        "The MPI launcher and its options, e.g. \"mpirun --hostfile HOSTS\" (default: mpirun)");
    command->callback([&action, o, mpirun] {
        const bool mpirun_given = mpirun->count() > 0;
        action = [o, mpirun_given] {
            check_mpi_options(*o, mpirun_given);
            if (o->mpi && !o->generate_only) trial_launcher(*o);  // missing: before any file
            return run_sweep(*o);
        };
    });
}

}  // namespace rps::cli
