#pragma once
// The study file: one HDF5 file per study, written by the coordinator alone, readable while it is
// being written (SWMR) and after the writer was killed.
//
// Crash safety (STYLE.md's HDF5 note): every dataset is created up front, then SWMR writing is
// switched on, and from then on the writer only extends datasets, writes and flushes. A task row
// is the commit record of a task: its result bytes are written and flushed before the row, so a
// row that a reader can see always points at complete bytes. `kill -9` of the writer therefore
// loses at most the record being appended; the file stays readable (SWMR read) and resumable.
// Not covered: power loss / OS crash (HDF5 1.10's sec2 driver never fsyncs).
//
// Layout (format "rps-study-store" version 1, h5dump-able):
//   /              attributes rps_format (string), rps_format_version (int)
//   /spec          u8[n]   the study spec as JSON text
//   /tasks         compound rows, see TaskRecord (task_id u64, attempt i32, status i32,
//                  objective f64, worker_id i32, start_s, end_s, elapsed_s f64,
//                  result_offset u64, result_size u64); markers are rows with kMarkerTaskId
//   /results_blob  u8[*]   each row's result JSON, appended
//   /maps_index    compound rows (task_id u64, cells_x i32, cells_y i32, offset u64, count u64)
//   /maps_data     f64[*]  the maps' power per cell in W, row-major (x fastest), appended
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace rps {

class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Values of TaskRecord::status. Codes are stored in files: never renumber, only add.
enum class TaskStatus : int32_t {
    ok = 0,
    failed = 1,     // the task ran out of attempts or its handler reported an error
    cancelled = 2,  // the run was stopped before the task finished
    // Marker rows (task_id == kMarkerTaskId), the append-only way to record run events:
    run_started = 100,     // written by create() and by every open_for_resume()
    study_finished = 101,  // written by the caller when the study completed
};

inline constexpr uint64_t kMarkerTaskId = std::numeric_limits<uint64_t>::max();

struct TaskRecord {
    uint64_t task_id = 0;
    int32_t attempt = 1;  // attempts used (the pool's PoolOutcome::attempts)
    int32_t status = static_cast<int32_t>(TaskStatus::ok);
    double objective = std::numeric_limits<double>::quiet_NaN();  // NaN: none (failed task)
    int32_t worker_id = -1;
    double start_s = 0.0;  // seconds since the pool started (coordinator's steady clock)
    double end_s = 0.0;
    double elapsed_s = 0.0;  // as measured by the worker
    // Filled by the store on append; ignored on input.
    uint64_t result_offset = 0;
    uint64_t result_size = 0;
};

struct StoredMarker {
    TaskStatus kind = TaskStatus::run_started;
    nlohmann::json info;  // e.g. {"event":"created"}, {"resumed":true,"recovered":false}
    // Task rows stored before this marker: the rows of a run lie between its run_started marker
    // and the next one (the runner sums the earlier runs' wall time from them).
    std::size_t task_rows_before = 0;
};

struct StoredMap {
    uint64_t task_id = 0;
    int cells_x = 0;
    int cells_y = 0;
    std::vector<double> power_w;  // cells_x * cells_y, index = y * cells_x + x
};

struct StoredStudy {
    std::filesystem::path path;
    nlohmann::json spec;
    std::vector<TaskRecord> tasks;        // task rows in append order (markers excluded)
    std::vector<nlohmann::json> results;  // results[i] is the result of tasks[i]
    std::vector<StoredMarker> markers;    // in append order
    std::vector<StoredMap> maps;          // in append order; a later map of a task supersedes
    bool finished = false;                // the last marker is study_finished
    bool recovered = false;        // the file had been left open by a writer that did not close it
    std::size_t dropped_rows = 0;  // rows that were torn by a crash and ignored

    // The last row of this task, or nullptr (a resumed run may have re-run a task).
    const TaskRecord* find_task(uint64_t task_id) const;
    // The fingerprint of the scene the study started on (scene_fingerprint.hpp), from its
    // "created" marker; nullopt for stores written before fingerprints were recorded.
    std::optional<std::string> scene_fingerprint() const;
};

class StudyStore {
public:
    // Creates the file with every dataset, then switches to SWMR writing and flushes. Refuses to
    // replace an existing file unless `overwrite`. Writes a run_started marker
    // {"event":"created",...} that also holds the fields of `created_info` (e.g. the scene's
    // fingerprint, which a resume compares).
    static StudyStore create(const std::filesystem::path& path, const nlohmann::json& study_spec,
                             bool overwrite = false,
                             const nlohmann::json& created_info = nlohmann::json::object());
    // Reopens an existing study for appending, recovering a file left open by a killed writer
    // (clears the superblock status flags like `h5clear -s`). Writes a run_started marker with
    // {"resumed":true,"recovered":...}. The state already stored is available from load().
    // A truncated or damaged file is refused (StoreError) before anything is written to it.
    static StudyStore open_for_resume(const std::filesystem::path& path);
    // Reads everything; works while a writer is appending (SWMR read) and on a killed writer's
    // file. Never modifies the file: if it cannot be opened at all and no writer holds it, a
    // private temporary copy is recovered and read instead. A truncated or damaged file fails
    // quickly with a StoreError naming it ("truncated or damaged study file").
    static StoredStudy read(const std::filesystem::path& path);
    // Whether a live process holds the file's writer lock (a run is appending to it now; its
    // lock goes with the process, however it ends).
    static bool being_written(const std::filesystem::path& path);

    StudyStore(StudyStore&&) noexcept;
    StudyStore& operator=(StudyStore&&) noexcept;
    ~StudyStore();

    // Appends one task row and its result JSON (objects, trajectories...), flushed before
    // returning. Returns the row index. Throws StoreError on I/O failure.
    std::size_t append_task(const TaskRecord& record, const nlohmann::json& result);
    // Appends a map (power per cell in W), flushed before returning. Throws
    // std::invalid_argument when power_w.size() != cells_x * cells_y or a size is < 1.
    void append_map(uint64_t task_id, int cells_x, int cells_y, std::span<const double> power_w);
    // Appends a marker row (kind must be a marker status).
    void append_marker(TaskStatus kind, const nlohmann::json& info = nlohmann::json::object());
    void mark_finished(const nlohmann::json& summary = nlohmann::json::object()) {
        append_marker(TaskStatus::study_finished, summary);
    }

    // Everything in the file now, read through the writer's own handle.
    StoredStudy load() const;
    const std::filesystem::path& path() const;
    // True when open_for_resume had to recover the file.
    bool recovered() const;
    // Closes the file (also done by the destructor). Further appends throw.
    void close();
    // True once a study file could not be closed (its last metadata did not reach the disk: a
    // full disk, a file size limit). HDF5 keeps such a file in a half-closed state and crashes
    // when it closes it again at process exit, so a process that sees this should leave with
    // std::_Exit after flushing its output (`rps` does).
    static bool left_a_file_unclosed();
    // What a program's main() returns with: when a file was left unclosed, flushes the standard
    // streams and leaves at once with `code` (std::_Exit, no HDF5 exit-time clean-up).
    static int exit_code(int code);

private:
    struct Impl;
    explicit StudyStore(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace rps
