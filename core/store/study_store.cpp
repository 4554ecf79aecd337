#include "core/store/study_store.hpp"

#include <fcntl.h>
#include <hdf5.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <mutex>
#include <optional>
#include <utility>

namespace rps {

using nlohmann::json;

namespace {

constexpr const char* kFormatName = "rps-study-store";
constexpr int kFormatVersion = 1;

// Chunk sizes: big enough that an append touches one chunk, small enough that a study with a
// handful of tasks stays small.
constexpr hsize_t kTaskChunkRows = 128;
constexpr hsize_t kBlobChunkBytes = 64 * 1024;
constexpr hsize_t kMapIndexChunkRows = 64;
constexpr hsize_t kMapDataChunkValues = 8 * 1024;

// See reader_fapl().
constexpr unsigned kSwmrReadAttempts = 8;

// In-memory rows (native layout with padding); the file type is the packed copy.
struct TaskRow {
    uint64_t task_id;
    int32_t attempt;
    int32_t status;
    double objective;
    int32_t worker_id;
    int32_t reserved;
    double start_s;
    double end_s;
    double elapsed_s;
    uint64_t result_offset;
    uint64_t result_size;
};

struct MapRow {
    uint64_t task_id;
    int32_t cells_x;
    int32_t cells_y;
    uint64_t offset;
    uint64_t count;
};

// HDF5 prints its error stack to stderr by default; the store turns errors into exceptions
// that carry the message instead, so the printing is switched off once for the process.
void silence_hdf5_errors() {
    static std::once_flag once;
    std::call_once(once, [] { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); });
}

std::atomic<bool> g_unclosed_file{false};

// The innermost (most specific) description on the HDF5 error stack, e.g. "unable to lock the
// file". Empty when the stack is empty.
std::string hdf5_error_text() {
    std::string text;
    H5Ewalk2(
        H5E_DEFAULT, H5E_WALK_UPWARD,
        [](unsigned, const H5E_error2_t* err, void* data) -> herr_t {
            auto* out = static_cast<std::string*>(data);
            if (out->empty() && err->desc) *out = err->desc;
            return 0;
        },
        &text);
    H5Eclear2(H5E_DEFAULT);
    // A failed write is described as "file write failed: time = ..., filename = '...', ...,
    // error message = 'File too large', ...": the system's message is the useful part, and the
    // file name there is the one the file was created under (study.h5.creating), not its own.
    const std::string key = "error message = '";
    if (const auto at = text.find(key); at != std::string::npos) {
        const auto end = text.find('\'', at + key.size());
        if (end != std::string::npos) text = text.substr(at + key.size(), end - at - key.size());
    }
    return text;
}

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what) {
    const std::string detail = hdf5_error_text();
    throw StoreError(path.string() + ": " + what + (detail.empty() ? "" : " (" + detail + ")"));
}

// RAII for HDF5 ids: each kind has its own close function.
class Hid {
public:
    Hid() = default;
    Hid(hid_t id, herr_t (*closer)(hid_t)) : id_(id), closer_(closer) {}
    Hid(const Hid&) = delete;
    Hid& operator=(const Hid&) = delete;
    Hid(Hid&& o) noexcept : id_(std::exchange(o.id_, H5I_INVALID_HID)), closer_(o.closer_) {}
    Hid& operator=(Hid&& o) noexcept {
        if (this != &o) {
            reset();
            id_ = std::exchange(o.id_, H5I_INVALID_HID);
            closer_ = o.closer_;
        }
        return *this;
    }
    ~Hid() { reset(); }
    void reset() {
        if (id_ >= 0 && closer_) closer_(id_);
        id_ = H5I_INVALID_HID;
    }
    hid_t get() const { return id_; }
    hid_t release() { return std::exchange(id_, H5I_INVALID_HID); }  // without closing
    bool valid() const { return id_ >= 0; }
    operator hid_t() const { return id_; }  // NOLINT: reads naturally in H5 calls

private:
    hid_t id_ = H5I_INVALID_HID;
    herr_t (*closer_)(hid_t) = nullptr;
};

Hid make_task_type() {
    Hid t(H5Tcreate(H5T_COMPOUND, sizeof(TaskRow)), H5Tclose);
    H5Tinsert(t, "task_id", HOFFSET(TaskRow, task_id), H5T_NATIVE_UINT64);
    H5Tinsert(t, "attempt", HOFFSET(TaskRow, attempt), H5T_NATIVE_INT32);
    H5Tinsert(t, "status", HOFFSET(TaskRow, status), H5T_NATIVE_INT32);
    H5Tinsert(t, "objective", HOFFSET(TaskRow, objective), H5T_NATIVE_DOUBLE);
    H5Tinsert(t, "worker_id", HOFFSET(TaskRow, worker_id), H5T_NATIVE_INT32);
    H5Tinsert(t, "start_s", HOFFSET(TaskRow, start_s), H5T_NATIVE_DOUBLE);
    H5Tinsert(t, "end_s", HOFFSET(TaskRow, end_s), H5T_NATIVE_DOUBLE);
    H5Tinsert(t, "elapsed_s", HOFFSET(TaskRow, elapsed_s), H5T_NATIVE_DOUBLE);
    H5Tinsert(t, "result_offset", HOFFSET(TaskRow, result_offset), H5T_NATIVE_UINT64);
    H5Tinsert(t, "result_size", HOFFSET(TaskRow, result_size), H5T_NATIVE_UINT64);
    return t;
}

Hid make_map_type() {
    Hid t(H5Tcreate(H5T_COMPOUND, sizeof(MapRow)), H5Tclose);
    H5Tinsert(t, "task_id", HOFFSET(MapRow, task_id), H5T_NATIVE_UINT64);
    H5Tinsert(t, "cells_x", HOFFSET(MapRow, cells_x), H5T_NATIVE_INT32);
    H5Tinsert(t, "cells_y", HOFFSET(MapRow, cells_y), H5T_NATIVE_INT32);
    H5Tinsert(t, "offset", HOFFSET(MapRow, offset), H5T_NATIVE_UINT64);
    H5Tinsert(t, "count", HOFFSET(MapRow, count), H5T_NATIVE_UINT64);
    return t;
}

Hid packed_copy(hid_t type) {
    Hid t(H5Tcopy(type), H5Tclose);
    H5Tpack(t);
    return t;
}

Hid latest_format_fapl() {
    // SWMR needs the latest file format (superblock v3, extensible-array chunk indexes).
    Hid fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
    H5Pset_libver_bounds(fapl, H5F_LIBVER_LATEST, H5F_LIBVER_LATEST);
    return fapl;
}

void create_extendible(const std::filesystem::path& path, hid_t file, const char* name,
                       hid_t file_type, hsize_t chunk) {
    const hsize_t dims = 0, maxdims = H5S_UNLIMITED;
    Hid space(H5Screate_simple(1, &dims, &maxdims), H5Sclose);
    Hid dcpl(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
    H5Pset_chunk(dcpl, 1, &chunk);
    // Zero fill: a row whose extent became visible but whose data never arrived (a crash in
    // between) reads as all zeros, which the reader recognises (result_size / count == 0).
    H5Pset_fill_time(dcpl, H5D_FILL_TIME_ALLOC);
    Hid dset(H5Dcreate2(file, name, file_type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT), H5Dclose);
    if (!dset.valid()) fail(path, std::string("cannot create dataset ") + name);
}

hsize_t extent_of(hid_t dset) {
    Hid space(H5Dget_space(dset), H5Sclose);
    hsize_t dims = 0;
    if (!space.valid() || H5Sget_simple_extent_ndims(space) != 1) return 0;
    H5Sget_simple_extent_dims(space, &dims, nullptr);
    return dims;
}

// Writes `count` elements at `at`, growing the dataset when needed (never shrinking: SWMR
// writers may only extend).
bool write_at(hid_t dset, hid_t mem_type, hsize_t at, hsize_t count, const void* data) {
    if (count == 0) return true;
    if (at + count > extent_of(dset)) {
        const hsize_t n = at + count;
        if (H5Dset_extent(dset, &n) < 0) return false;
    }
    Hid fspace(H5Dget_space(dset), H5Sclose);
    if (H5Sselect_hyperslab(fspace, H5S_SELECT_SET, &at, nullptr, &count, nullptr) < 0)
        return false;
    Hid mspace(H5Screate_simple(1, &count, nullptr), H5Sclose);
    return H5Dwrite(dset, mem_type, mspace, fspace, H5P_DEFAULT, data) >= 0;
}

bool read_range(hid_t dset, hid_t mem_type, hsize_t at, hsize_t count, void* data) {
    if (count == 0) return true;
    Hid fspace(H5Dget_space(dset), H5Sclose);
    if (H5Sselect_hyperslab(fspace, H5S_SELECT_SET, &at, nullptr, &count, nullptr) < 0)
        return false;
    Hid mspace(H5Screate_simple(1, &count, nullptr), H5Sclose);
    return H5Dread(dset, mem_type, mspace, fspace, H5P_DEFAULT, data) >= 0;
}

bool is_marker_status(int32_t status) {
    return status == static_cast<int32_t>(TaskStatus::run_started) ||
           status == static_cast<int32_t>(TaskStatus::study_finished);
}

bool is_known_status(int32_t status) {
    return status == static_cast<int32_t>(TaskStatus::ok) ||
           status == static_cast<int32_t>(TaskStatus::failed) ||
           status == static_cast<int32_t>(TaskStatus::cancelled) || is_marker_status(status);
}

double unix_time_now() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// ---- writer lock ------------------------------------------------------------------------------
// HDF5 drops its own file lock when SWMR writing starts (so that readers can open the file), so
// it cannot keep a second writer out, and recovery (clearing status flags) on a file that a live
// writer holds would corrupt it. The store therefore holds an flock on "<file>.lock" for as long
// as it writes; the kernel releases it when the writer dies, even by kill -9.
class WriterLock {
public:
    WriterLock() = default;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;
    WriterLock(WriterLock&& o) noexcept
        : fd_(std::exchange(o.fd_, -1)), path_(std::move(o.path_)) {}
    WriterLock& operator=(WriterLock&& o) noexcept {
        if (this != &o) {
            release();
            fd_ = std::exchange(o.fd_, -1);
            path_ = std::move(o.path_);
        }
        return *this;
    }
    ~WriterLock() { release(); }

    static std::filesystem::path lock_path(const std::filesystem::path& file) {
        return std::filesystem::path(file.string() + ".lock");
    }

    static WriterLock acquire(const std::filesystem::path& file) {
        const auto path = lock_path(file);
        for (int tries = 0; tries < 5; ++tries) {
            const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
            if (fd < 0)
                throw StoreError(file.string() + ": cannot create lock file " + path.string() +
                                 ": " + std::strerror(errno));
            if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
                ::close(fd);
                throw StoreError(file.string() +
                                 ": the study file is being written by another process");
            }
            // The previous owner may have unlinked the lock file between our open and flock:
            // then we hold a lock on a dead inode and must retry on the new file.
            struct stat by_fd {
            }, by_name{};
            if (::fstat(fd, &by_fd) == 0 && ::stat(path.c_str(), &by_name) == 0 &&
                by_fd.st_ino == by_name.st_ino && by_fd.st_dev == by_name.st_dev) {
                WriterLock lock;
                lock.fd_ = fd;
                lock.path_ = path;
                return lock;
            }
            ::close(fd);
        }
        throw StoreError(file.string() + ": cannot take the writer lock " + path.string());
    }

    // True when a live writer holds the lock (the reader must then not recover the file).
    static bool held_by_other(const std::filesystem::path& file) {
        const auto path = lock_path(file);
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return false;
        const bool held = ::flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
        ::close(fd);
        return held;
    }

    void release() {
        if (fd_ < 0) return;
        ::unlink(path_.c_str());  // while still locked, so nobody else holds the old inode
        ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_ = -1;
    std::filesystem::path path_;
};

// Recovers a file whose writer died with it open, the equivalent of `h5clear -s --increment=0`:
//  - clears the superblock status flags, which otherwise make every non-SWMR open fail with
//    "file is already open for write";
//  - sets the end-of-allocation to max(EOA, EOF): a SWMR writer extends the file long before
//    the superblock's EOA is written back, so after a kill the datasets' last chunks can lie
//    beyond the stored EOA and a read-write open refuses to read them ("addr overflow").
// HDF5 1.10 exposes the first only through the private file-access properties that h5clear
// itself uses (H5Fprivate.h: "clear_status_flags", "skip_eof_check"); the second is the public
// H5Fincrement_filesize.
bool recover_in_place(const std::filesystem::path& path) {
    Hid fapl = latest_format_fapl();
    hbool_t yes = true;
    if (H5Pset(fapl, "clear_status_flags", &yes) < 0) return false;
    if (H5Pset(fapl, "skip_eof_check", &yes) < 0) hdf5_error_text();  // absent in old 1.10.x
    Hid file(H5Fopen(path.c_str(), H5F_ACC_RDWR, fapl), H5Fclose);
    if (!file.valid()) return false;
    return H5Fincrement_filesize(file, 0) >= 0;
}

[[noreturn]] void fail_damaged(const std::filesystem::path& path, const std::string& detail) {
    hdf5_error_text();  // the HDF5 stack only says which read failed, not why
    throw StoreError(path.string() + ": truncated or damaged study file (" + detail + ")");
}

// Refuses a file shorter than the end-of-file address its superblock records. HDF5 finds this
// itself on a plain open, but not on a SWMR-read open (a writer may be extending the file), nor
// with "skip_eof_check" (recovery): the first then retries its metadata reads of the missing
// tail with back-off sleeps for minutes, the second grows the file with zeros, after which
// nothing can tell the damage apart any more. A killed writer cannot leave such a file: the
// superblock's EOF is written only after the file has reached it (a SWMR writer's file is,
// if anything, longer than the superblock says). Only our own format is checked (superblock
// v2/v3 at offset 0 with 8-byte addresses); anything else is left to HDF5.
void check_not_truncated(const std::filesystem::path& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw StoreError(path.string() + ": cannot open: " + std::strerror(errno));
    unsigned char sb[36] = {};
    struct stat st {};
    const bool got =
        ::pread(fd, sb, sizeof sb, 0) == static_cast<ssize_t>(sizeof sb) && ::fstat(fd, &st) == 0;
    ::close(fd);
    static constexpr unsigned char kSignature[8] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    if (!got || std::memcmp(sb, kSignature, sizeof kSignature) != 0) return;
    const unsigned version = sb[8];
    if (version < 2 || sb[9] != 8) return;
    // v2/v3 layout: signature, version, sizes of offsets and lengths, flags (12 bytes), then
    // base address, extension address and end-of-file address (little-endian).
    uint64_t base = 0, eof = 0;
    for (int i = 7; i >= 0; --i) {
        base = (base << 8) | sb[12 + i];
        eof = (eof << 8) | sb[28 + i];
    }
    const auto size = static_cast<uint64_t>(st.st_size);
    if (base != 0 || eof == ~uint64_t{0} || eof <= size) return;
    fail_damaged(path, std::to_string(size) + " bytes, its superblock says " + std::to_string(eof));
}

// Bounds HDF5's metadata-read retries. A SWMR reader retries a read whose checksum fails (the
// writer may be in the middle of updating that piece), 100 times by default with growing
// sleeps, which on a damaged file means minutes of hanging; a few tries are enough to ride out
// a concurrent update, which the writer finishes in microseconds.
Hid reader_fapl(bool swmr) {
    Hid fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
    if (swmr) H5Pset_metadata_read_attempts(fapl, kSwmrReadAttempts);
    return fapl;
}

// Recovers a copy of `path` in a private temporary file, so that a reader never modifies the
// study file (the original may be damaged in a way recovery would make worse, or may belong to
// someone else). Returns the copy's path; empty when the copy could not be recovered.
std::filesystem::path recover_copy(const std::filesystem::path& path) {
    std::error_code ec;
    auto dir = std::filesystem::temp_directory_path(ec);
    if (ec) return {};
    auto templ = (dir / "rps-recover-XXXXXX").string();
    const int fd = ::mkstemp(templ.data());
    if (fd < 0) return {};
    ::close(fd);
    const std::filesystem::path copy = templ;
    std::filesystem::copy_file(path, copy, std::filesystem::copy_options::overwrite_existing, ec);
    if (ec || !recover_in_place(copy)) {
        std::filesystem::remove(copy, ec);
        return {};
    }
    return copy;
}

bool is_hdf5(const std::filesystem::path& path) { return H5Fis_hdf5(path.c_str()) > 0; }

// ---- reading -----------------------------------------------------------------------------------

json parse_json_bytes(const std::vector<uint8_t>& bytes, std::size_t offset, std::size_t size,
                      bool& ok) {
    const auto* begin = reinterpret_cast<const char*>(bytes.data()) + offset;
    json j = json::parse(begin, begin + size, nullptr, /*allow_exceptions=*/false);
    ok = !j.is_discarded();
    return j;
}

struct ReadPositions {
    hsize_t next_task_row = 0;
    hsize_t next_blob = 0;
    hsize_t next_map_row = 0;
    hsize_t next_map_value = 0;
};

// A fixed-length string attribute of the root group, or "" when it is missing or of another
// type (a variable-length string is not what create() writes, so it reads as "").
std::string read_string_attribute(hid_t file, const char* name) {
    Hid attr(H5Aopen(file, name, H5P_DEFAULT), H5Aclose);
    if (!attr.valid()) return {};
    Hid type(H5Aget_type(attr), H5Tclose);
    if (!type.valid() || H5Tget_class(type) != H5T_STRING || H5Tis_variable_str(type) > 0)
        return {};
    const std::size_t size = H5Tget_size(type);
    if (size == 0 || size > 4096) return {};
    std::string text(size, '\0');
    if (H5Aread(attr, type, text.data()) < 0) return {};
    text.resize(std::strlen(text.c_str()));  // NUL-padded or NUL-terminated strings
    return text;
}

StoredStudy read_all(const std::filesystem::path& path, hid_t file, ReadPositions* positions) {
    StoredStudy study;
    study.path = path;

    // Format check first: a foreign HDF5 file gets a clear message, not a missing-dataset one.
    {
        if (H5Aexists(file, "rps_format") <= 0) fail(path, "not a study store (no rps_format)");
        // The tag's value too: an HDF5 file of another program with an attribute of that name
        // was shown, resumed (written to) and exported as if it were a study.
        const std::string tag = read_string_attribute(file, "rps_format");
        if (tag != kFormatName)
            throw StoreError(path.string() + ": not a study store (rps_format is '" + tag +
                             "', not '" + kFormatName + "')");
        Hid attr(H5Aopen(file, "rps_format_version", H5P_DEFAULT), H5Aclose);
        int version = 0;
        if (!attr.valid() || H5Aread(attr, H5T_NATIVE_INT, &version) < 0)
            fail(path, "study store without a format version");
        if (version > kFormatVersion)
            throw StoreError(path.string() + ": study store format version " +
                             std::to_string(version) + " is newer than this program (" +
                             std::to_string(kFormatVersion) + ")");
        // Versions start at 1: 0 or a negative one was never written by any rps.
        if (version < 1)
            throw StoreError(path.string() + ": study store format version " +
                             std::to_string(version) + " is not valid (versions start at 1)");
    }
    {
        Hid spec(H5Dopen2(file, "spec", H5P_DEFAULT), H5Dclose);
        if (!spec.valid()) fail(path, "incomplete study store (no /spec; creation interrupted?)");
        std::vector<uint8_t> bytes(extent_of(spec));
        if (!bytes.empty() && !read_range(spec, H5T_NATIVE_UINT8, 0, bytes.size(), bytes.data()))
            fail(path, "truncated or damaged study file: cannot read /spec");
        bool ok = false;
        study.spec = parse_json_bytes(bytes, 0, bytes.size(), ok);
        if (!ok)
            throw StoreError(path.string() +
                             ": truncated or damaged study file: /spec is not valid JSON");
    }

    Hid task_type = make_task_type();
    Hid map_type = make_map_type();
    Hid tasks(H5Dopen2(file, "tasks", H5P_DEFAULT), H5Dclose);
    Hid blob(H5Dopen2(file, "results_blob", H5P_DEFAULT), H5Dclose);
    Hid map_index(H5Dopen2(file, "maps_index", H5P_DEFAULT), H5Dclose);
    Hid map_data(H5Dopen2(file, "maps_data", H5P_DEFAULT), H5Dclose);
    if (!tasks.valid() || !blob.valid() || !map_index.valid() || !map_data.valid())
        fail(path, "incomplete study store (missing datasets; creation interrupted?)");

    // Rows first, then the blob: a live writer appends the blob before the row, so the blob
    // read afterwards covers every row read before it.
    std::vector<TaskRow> rows(extent_of(tasks));
    if (!read_range(tasks, task_type, 0, rows.size(), rows.data()))
        fail(path, "truncated or damaged study file: cannot read /tasks");
    // SWMR reader: see the blob as it is now, not as cached when opened.
    unsigned intent = 0;
    H5Fget_intent(file, &intent);
    const bool swmr_reader = (intent & H5F_ACC_SWMR_READ) != 0;
    if (swmr_reader) H5Drefresh(blob);
    std::vector<uint8_t> bytes(extent_of(blob));
    if (!read_range(blob, H5T_NATIVE_UINT8, 0, bytes.size(), bytes.data()))
        fail(path, "truncated or damaged study file: cannot read /results_blob");

    hsize_t last_valid_row_end = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TaskRow& r = rows[i];
        // A row is valid when its result bytes are complete and parse; a crash between extending
        // /tasks and writing the row leaves a zero-filled row (result_size == 0).
        bool ok = r.result_size > 0 && r.result_offset <= bytes.size() &&
                  r.result_size <= bytes.size() - r.result_offset && is_known_status(r.status);
        json result;
        if (ok) result = parse_json_bytes(bytes, r.result_offset, r.result_size, ok);
        if (!ok) {
            ++study.dropped_rows;
            continue;
        }
        last_valid_row_end = i + 1;
        if (r.task_id == kMarkerTaskId && is_marker_status(r.status)) {
            study.markers.push_back(
                {static_cast<TaskStatus>(r.status), std::move(result), study.tasks.size()});
            continue;
        }
        TaskRecord rec;
        rec.task_id = r.task_id;
        rec.attempt = r.attempt;
        rec.status = r.status;
        rec.objective = r.objective;
        rec.worker_id = r.worker_id;
        rec.start_s = r.start_s;
        rec.end_s = r.end_s;
        rec.elapsed_s = r.elapsed_s;
        rec.result_offset = r.result_offset;
        rec.result_size = r.result_size;
        study.tasks.push_back(rec);
        study.results.push_back(std::move(result));
    }
    study.finished =
        !study.markers.empty() && study.markers.back().kind == TaskStatus::study_finished;

    std::vector<MapRow> map_rows(extent_of(map_index));
    if (!read_range(map_index, map_type, 0, map_rows.size(), map_rows.data()))
        fail(path, "truncated or damaged study file: cannot read /maps_index");
    if (swmr_reader) H5Drefresh(map_data);
    const hsize_t values = extent_of(map_data);
    hsize_t last_valid_map_end = 0;
    for (std::size_t i = 0; i < map_rows.size(); ++i) {
        const MapRow& m = map_rows[i];
        const bool ok =
            m.count > 0 && m.cells_x > 0 && m.cells_y > 0 &&
            static_cast<uint64_t>(m.cells_x) * static_cast<uint64_t>(m.cells_y) == m.count &&
            m.offset <= values && m.count <= values - m.offset;
        if (!ok) {
            ++study.dropped_rows;
            continue;
        }
        StoredMap map;
        map.task_id = m.task_id;
        map.cells_x = m.cells_x;
        map.cells_y = m.cells_y;
        map.power_w.resize(m.count);
        if (!read_range(map_data, H5T_NATIVE_DOUBLE, m.offset, m.count, map.power_w.data()))
            fail(path, "truncated or damaged study file: cannot read /maps_data");
        study.maps.push_back(std::move(map));
        last_valid_map_end = i + 1;
    }

    if (positions) {
        // Torn rows at the end are overwritten by the next append; blob bytes after the last
        // valid row are orphans of an interrupted append and are simply skipped.
        positions->next_task_row = last_valid_row_end;
        positions->next_blob = bytes.size();
        positions->next_map_row = last_valid_map_end;
        positions->next_map_value = values;
    }
    return study;
}

}  // namespace

const TaskRecord* StoredStudy::find_task(uint64_t task_id) const {
    for (auto it = tasks.rbegin(); it != tasks.rend(); ++it)
        if (it->task_id == task_id) return &*it;
    return nullptr;
}

std::optional<std::string> StoredStudy::scene_fingerprint() const {
    for (const StoredMarker& marker : markers) {
        if (marker.kind != TaskStatus::run_started || marker.info.value("event", "") != "created")
            continue;
        const auto it = marker.info.find("scene_fingerprint");
        if (it == marker.info.end() || !it->is_string()) return std::nullopt;
        return it->get<std::string>();
    }
    return std::nullopt;
}

// ---- writer ------------------------------------------------------------------------------------

struct StudyStore::Impl {
    std::filesystem::path path;
    WriterLock lock;
    Hid file;
    Hid tasks, blob, map_index, map_data;
    Hid task_type, map_type;
    ReadPositions next;
    bool recovered = false;

    void open_datasets() {
        tasks = Hid(H5Dopen2(file, "tasks", H5P_DEFAULT), H5Dclose);
        blob = Hid(H5Dopen2(file, "results_blob", H5P_DEFAULT), H5Dclose);
        map_index = Hid(H5Dopen2(file, "maps_index", H5P_DEFAULT), H5Dclose);
        map_data = Hid(H5Dopen2(file, "maps_data", H5P_DEFAULT), H5Dclose);
        if (!tasks.valid() || !blob.valid() || !map_index.valid() || !map_data.valid())
            fail(path, "incomplete study store (missing datasets)");
        task_type = make_task_type();
        map_type = make_map_type();
    }

    void require_open() const {
        if (!file.valid()) throw StoreError(path.string() + ": study store is closed");
    }

    std::size_t append_row(TaskRow row, const json& result) {
        require_open();
        const std::string text = result.dump(-1, ' ', false, json::error_handler_t::replace);
        // 1. result bytes, flushed: a row must never point at bytes that are not on disk.
        if (!write_at(blob, H5T_NATIVE_UINT8, next.next_blob, text.size(), text.data()) ||
            H5Dflush(blob) < 0)
            fail(path, "cannot append to /results_blob");
        row.result_offset = next.next_blob;
        row.result_size = text.size();
        next.next_blob += text.size();
        // 2. the row, the commit record, flushed.
        const hsize_t index = next.next_task_row;
        if (!write_at(tasks, task_type, index, 1, &row) || H5Dflush(tasks) < 0)
            fail(path, "cannot append to /tasks");
        next.next_task_row = index + 1;
        if (H5Fflush(file, H5F_SCOPE_LOCAL) < 0) fail(path, "cannot flush");
        return static_cast<std::size_t>(index);
    }

    void close() {
        tasks.reset();
        blob.reset();
        map_index.reset();
        map_data.reset();
        task_type.reset();
        map_type.reset();
        // Closed once only: after a failed H5Fclose a second one crashes (left_a_file_unclosed).
        if (file.valid() && H5Fclose(file.release()) < 0) {
            g_unclosed_file.store(true);
            hdf5_error_text();  // clears the stack
        }
        lock.release();
    }
};

StudyStore::StudyStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StudyStore::StudyStore(StudyStore&&) noexcept = default;
StudyStore& StudyStore::operator=(StudyStore&&) noexcept = default;
StudyStore::~StudyStore() {
    if (impl_) impl_->close();
}

StudyStore StudyStore::create(const std::filesystem::path& path, const json& study_spec,
                              bool overwrite, const json& created_info) {
    silence_hdf5_errors();
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->lock = WriterLock::acquire(path);
    if (!overwrite && std::filesystem::exists(path))
        throw StoreError(path.string() + ": file exists (refusing to overwrite a study)");

    // Built under a temporary name and renamed into place once complete and in SWMR mode with
    // its first marker: a writer killed during creation leaves no half-made file at `path`
    // (such a file cannot be read back, not even by SWMR readers).
    const std::filesystem::path temp(path.string() + ".creating");
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);  // a stale one from a killed creator; we hold the lock
    struct RemoveOnFailure {
        const std::filesystem::path& file;
        bool armed = true;
        ~RemoveOnFailure() {
            std::error_code ec;
            if (armed) std::filesystem::remove(file, ec);
        }
    } cleanup{temp};

    Hid fapl = latest_format_fapl();
    impl->file = Hid(H5Fcreate(temp.c_str(), H5F_ACC_EXCL, H5P_DEFAULT, fapl), H5Fclose);
    if (!impl->file.valid()) fail(temp, "cannot create study file");
    hid_t file = impl->file;

    // Everything is created before SWMR starts: afterwards no object may be added.
    {
        Hid str_type(H5Tcopy(H5T_C_S1), H5Tclose);
        H5Tset_size(str_type, std::strlen(kFormatName));
        Hid scalar(H5Screate(H5S_SCALAR), H5Sclose);
        Hid a1(H5Acreate2(file, "rps_format", str_type, scalar, H5P_DEFAULT, H5P_DEFAULT),
               H5Aclose);
        Hid a2(
            H5Acreate2(file, "rps_format_version", H5T_STD_I32LE, scalar, H5P_DEFAULT, H5P_DEFAULT),
            H5Aclose);
        if (!a1.valid() || !a2.valid() || H5Awrite(a1, str_type, kFormatName) < 0 ||
            H5Awrite(a2, H5T_NATIVE_INT, &kFormatVersion) < 0)
            fail(path, "cannot write format attributes");

        const std::string text = study_spec.dump(-1, ' ', false, json::error_handler_t::replace);
        const hsize_t n = text.size();
        Hid space(H5Screate_simple(1, &n, nullptr), H5Sclose);
        Hid spec(
            H5Dcreate2(file, "spec", H5T_STD_U8LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
            H5Dclose);
        if (!spec.valid() ||
            H5Dwrite(spec, H5T_NATIVE_UINT8, H5S_ALL, H5S_ALL, H5P_DEFAULT, text.data()) < 0)
            fail(path, "cannot write /spec");
    }
    {
        Hid task_file_type = packed_copy(make_task_type());
        Hid map_file_type = packed_copy(make_map_type());
        create_extendible(path, file, "tasks", task_file_type, kTaskChunkRows);
        create_extendible(path, file, "results_blob", H5T_STD_U8LE, kBlobChunkBytes);
        create_extendible(path, file, "maps_index", map_file_type, kMapIndexChunkRows);
        create_extendible(path, file, "maps_data", H5T_IEEE_F64LE, kMapDataChunkValues);
    }
    if (H5Fflush(file, H5F_SCOPE_GLOBAL) < 0) fail(path, "cannot flush new study file");
    if (H5Fstart_swmr_write(file) < 0) fail(path, "cannot start SWMR writing");
    impl->open_datasets();
    StudyStore store(std::move(impl));
    json created = created_info.is_object() ? created_info : json::object();
    created["event"] = "created";
    created["unix_time"] = unix_time_now();
    store.append_marker(TaskStatus::run_started, created);
    // rename() replaces an old study atomically (overwrite); the open handle follows the inode.
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec)
        throw StoreError(path.string() +
                         ": cannot move the new study file into place: " + ec.message());
    cleanup.armed = false;
    return store;
}

StudyStore StudyStore::open_for_resume(const std::filesystem::path& path) {
    silence_hdf5_errors();
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    if (!std::filesystem::exists(path)) throw StoreError(path.string() + ": no such file");
    if (!is_hdf5(path)) throw StoreError(path.string() + ": not an HDF5 file");
    // Read it all first, without writing: a damaged file must be refused before the read-write
    // open below sets its status flags (which a failed close then leaves set) or recovery grows
    // it with zeros. Before taking the lock, because read() refuses files whose lock is held.
    (void)read(path);
    impl->lock = WriterLock::acquire(path);

    Hid fapl = latest_format_fapl();
    impl->file = Hid(H5Fopen(path.c_str(), H5F_ACC_RDWR | H5F_ACC_SWMR_WRITE, fapl), H5Fclose);
    if (!impl->file.valid()) {
        // The previous writer died with the file open: its status flags are still set. We hold
        // the writer lock, so nobody else is writing and clearing them is safe.
        hdf5_error_text();
        if (!recover_in_place(path)) fail(path, "cannot recover the study file");
        impl->recovered = true;
        impl->file = Hid(H5Fopen(path.c_str(), H5F_ACC_RDWR | H5F_ACC_SWMR_WRITE, fapl), H5Fclose);
        if (!impl->file.valid()) fail(path, "cannot open study file for writing after recovery");
    }
    read_all(path, impl->file, &impl->next);  // validates the format, finds append positions
    impl->open_datasets();
    const bool recovered = impl->recovered;
    StudyStore store(std::move(impl));
    store.append_marker(TaskStatus::run_started, {{"event", "resumed"},
                                                  {"resumed", true},
                                                  {"recovered", recovered},
                                                  {"unix_time", unix_time_now()}});
    return store;
}

bool StudyStore::being_written(const std::filesystem::path& path) {
    return WriterLock::held_by_other(path);
}

StoredStudy StudyStore::read(const std::filesystem::path& path) {
    silence_hdf5_errors();
    if (!std::filesystem::exists(path)) throw StoreError(path.string() + ": no such file");
    if (!is_hdf5(path)) throw StoreError(path.string() + ": not an HDF5 file");

    check_not_truncated(path);

    bool recovered = false;
    // SWMR read works on a file being written and on one whose SWMR writer was killed.
    Hid file(H5Fopen(path.c_str(), H5F_ACC_RDONLY | H5F_ACC_SWMR_READ, reader_fapl(true)),
             H5Fclose);
    if (!file.valid()) {
        hdf5_error_text();
        file = Hid(H5Fopen(path.c_str(), H5F_ACC_RDONLY, reader_fapl(false)), H5Fclose);
    }
    // Removes the recovered copy once read; on Linux the open handle keeps it readable.
    struct RemoveCopy {
        std::filesystem::path path;
        ~RemoveCopy() {
            std::error_code ec;
            if (!path.empty()) std::filesystem::remove(path, ec);
        }
    } copy;
    if (!file.valid()) {
        // Left open by a writer killed before SWMR started: its status flags make every open
        // fail. A reader must not modify the file, so a private copy is recovered and read.
        // Never under a live writer: the copy could catch it half-way.
        hdf5_error_text();
        if (WriterLock::held_by_other(path))
            throw StoreError(path.string() + ": the study file is being created; try again");
        copy.path = recover_copy(path);
        if (copy.path.empty()) fail_damaged(path, "cannot be opened or recovered");
        recovered = true;
        file = Hid(H5Fopen(copy.path.c_str(), H5F_ACC_RDONLY, reader_fapl(false)), H5Fclose);
        if (!file.valid()) fail_damaged(path, "cannot be opened after recovery");
    }
    StoredStudy study = read_all(path, file, nullptr);
    // A run that did not end with a clean close: the last marker is a start, not a finish, and
    // the writer lock is free. Report it so that the caller can offer --resume.
    study.recovered = recovered;
    return study;
}

std::size_t StudyStore::append_task(const TaskRecord& record, const json& result) {
    if (record.task_id == kMarkerTaskId || is_marker_status(record.status))
        throw std::invalid_argument("append_task: marker ids/statuses are reserved");
    TaskRow row{};
    row.task_id = record.task_id;
    row.attempt = record.attempt;
    row.status = record.status;
    row.objective = record.objective;
    row.worker_id = record.worker_id;
    row.start_s = record.start_s;
    row.end_s = record.end_s;
    row.elapsed_s = record.elapsed_s;
    return impl_->append_row(row, result);
}

void StudyStore::append_marker(TaskStatus kind, const json& info) {
    if (!is_marker_status(static_cast<int32_t>(kind)))
        throw std::invalid_argument("append_marker: not a marker kind");
    TaskRow row{};
    row.task_id = kMarkerTaskId;
    row.attempt = 0;
    row.status = static_cast<int32_t>(kind);
    row.objective = std::numeric_limits<double>::quiet_NaN();
    row.worker_id = -1;
    impl_->append_row(row, info);
}

void StudyStore::append_map(uint64_t task_id, int cells_x, int cells_y,
                            std::span<const double> power_w) {
    if (cells_x < 1 || cells_y < 1 ||
        power_w.size() != static_cast<std::size_t>(cells_x) * static_cast<std::size_t>(cells_y))
        throw std::invalid_argument("append_map: power_w must hold cells_x * cells_y values");
    Impl& s = *impl_;
    s.require_open();
    // Values first, then the index row that makes them visible (same commit rule as tasks).
    if (!write_at(s.map_data, H5T_NATIVE_DOUBLE, s.next.next_map_value, power_w.size(),
                  power_w.data()) ||
        H5Dflush(s.map_data) < 0)
        fail(s.path, "cannot append to /maps_data");
    MapRow row{task_id, cells_x, cells_y, s.next.next_map_value, power_w.size()};
    s.next.next_map_value += power_w.size();
    if (!write_at(s.map_index, s.map_type, s.next.next_map_row, 1, &row) ||
        H5Dflush(s.map_index) < 0)
        fail(s.path, "cannot append to /maps_index");
    ++s.next.next_map_row;
    if (H5Fflush(s.file, H5F_SCOPE_LOCAL) < 0) fail(s.path, "cannot flush");
}

StoredStudy StudyStore::load() const {
    impl_->require_open();
    StoredStudy study = read_all(impl_->path, impl_->file, nullptr);
    study.recovered = impl_->recovered;
    return study;
}

const std::filesystem::path& StudyStore::path() const { return impl_->path; }
bool StudyStore::recovered() const { return impl_->recovered; }
int StudyStore::exit_code(int code) {
    if (left_a_file_unclosed()) {
        std::cout.flush();
        std::cerr.flush();
        std::fflush(nullptr);
        std::_Exit(code);
    }
    return code;
}

bool StudyStore::left_a_file_unclosed() { return g_unclosed_file.load(); }

void StudyStore::close() {
    if (impl_) impl_->close();
}

}  // namespace rps
