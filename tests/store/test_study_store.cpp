#include <gtest/gtest.h>
#include <hdf5.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/store/study_store.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;
using rps::StoredStudy;
using rps::StoreError;
using rps::StudyStore;
using rps::TaskRecord;
using rps::TaskStatus;
namespace fs = std::filesystem;

namespace {

using TempDir = rps::test::TempDir;

json spec() {
    return {{"scene", "office.xml"},
            {"mode", "2ap_reflector"},
            {"seed", 42},
            {"methods", {{{"name", "ga"}, {"population", 100}}}}};
}

TaskRecord record(uint64_t i) {
    TaskRecord r;
    r.task_id = i;
    r.attempt = 1 + static_cast<int32_t>(i % 3);
    r.status = static_cast<int32_t>(i % 10 == 9 ? TaskStatus::failed : TaskStatus::ok);
    r.objective = i % 10 == 9 ? std::nan("") : -80.0 + 0.25 * static_cast<double>(i);
    r.worker_id = static_cast<int32_t>(i % 4);
    r.start_s = 0.5 * static_cast<double>(i);
    r.end_s = r.start_s + 0.4;
    r.elapsed_s = 0.39;
    return r;
}

json result(uint64_t i) {
    return {{"task", i},
            {"layout", {1.5 * static_cast<double>(i), 2.0, 3.8}},
            {"trajectory", std::vector<double>(i % 7 + 1, static_cast<double>(i))},
            {"text", std::string(i % 50, 'x')}};
}

std::vector<double> map_values(uint64_t i, int nx, int ny) {
    std::vector<double> v(static_cast<std::size_t>(nx * ny));
    for (std::size_t k = 0; k < v.size(); ++k) v[k] = 1e-9 * static_cast<double>(i * 1000 + k);
    return v;
}

void expect_record(const StoredStudy& study, std::size_t index, uint64_t i) {
    ASSERT_LT(index, study.tasks.size());
    const TaskRecord& got = study.tasks[index];
    const TaskRecord want = record(i);
    EXPECT_EQ(got.task_id, want.task_id);
    EXPECT_EQ(got.attempt, want.attempt);
    EXPECT_EQ(got.status, want.status);
    if (std::isnan(want.objective))
        EXPECT_TRUE(std::isnan(got.objective));
    else
        EXPECT_EQ(got.objective, want.objective);
    EXPECT_EQ(got.worker_id, want.worker_id);
    EXPECT_EQ(got.start_s, want.start_s);
    EXPECT_EQ(got.end_s, want.end_s);
    EXPECT_EQ(got.elapsed_s, want.elapsed_s);
    EXPECT_EQ(study.results[index], result(i)) << "task " << i;
}

// Child process: creates (or resumes) a store and appends records [from, to), reporting each
// completed append through the pipe, then waits to be killed.
[[noreturn]] void writer_child(const fs::path& path, bool resume, uint64_t from, uint64_t to,
                               int report_fd, int sleep_us) {
    try {
        StudyStore store =
            resume ? StudyStore::open_for_resume(path) : StudyStore::create(path, spec());
        for (uint64_t i = from; i < to; ++i) {
            store.append_task(record(i), result(i));
            if (i % 10 == 0) {
                const auto v = map_values(i, 6, 4);
                store.append_map(i, 6, 4, v);
            }
            const uint32_t done = static_cast<uint32_t>(i + 1);
            if (::write(report_fd, &done, sizeof done) != sizeof done) ::_exit(3);
            if (sleep_us > 0) ::usleep(static_cast<useconds_t>(sleep_us));
        }
        for (;;) ::pause();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "writer child: %s\n", e.what());
        ::_exit(2);
    }
}

struct Child {
    pid_t pid = -1;
    int read_fd = -1;
};

Child spawn_writer(const fs::path& path, bool resume, uint64_t from, uint64_t to,
                   int sleep_us = 0) {
    int fds[2];
    EXPECT_EQ(::pipe(fds), 0);
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::close(fds[0]);
        writer_child(path, resume, from, to, fds[1], sleep_us);
    }
    ::close(fds[1]);
    return {pid, fds[0]};
}

// Reads reports until `at_least` appends completed (or the child exits); returns the last one.
uint32_t wait_reports(int fd, uint32_t at_least) {
    uint32_t last = 0, value = 0;
    while (last < at_least && ::read(fd, &value, sizeof value) == sizeof value) last = value;
    return last;
}

uint32_t kill_and_drain(Child child, uint32_t seen = 0) {
    ::kill(child.pid, SIGKILL);
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status)) << "writer child exited with " << WEXITSTATUS(status);
    // Every report written before the kill is still in the pipe: the appends it confirms
    // returned, so they must be in the file.
    uint32_t last = seen, value = 0;
    while (::read(child.read_fd, &value, sizeof value) == sizeof value) last = value;
    ::close(child.read_fd);
    return last;
}

std::string file_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// A finished store with records and maps, as `rps run` leaves it.
void write_finished_store(const fs::path& path, uint64_t records) {
    StudyStore store = StudyStore::create(path, spec());
    for (uint64_t i = 0; i < records; ++i) {
        store.append_task(record(i), result(i));
        if (i % 10 == 0) store.append_map(i, 6, 4, map_values(i, 6, 4));
    }
    store.mark_finished();
}

// Runs `call`, which must throw a StoreError naming `path` and saying that the file is damaged,
// within a few seconds (not hang in HDF5's metadata-read retries).
template <class Call>
void expect_damaged_error(const fs::path& path, Call call) {
    const auto start = std::chrono::steady_clock::now();
    try {
        call();
        ADD_FAILURE() << "expected StoreError for " << path;
    } catch (const StoreError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find(path.string()), std::string::npos) << what;
        EXPECT_NE(what.find("truncated or damaged study file"), std::string::npos) << what;
    }
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace

TEST(StudyStore, Writes100RecordsAndMapsAndReadsThemBack) {
    TempDir dir;
    const auto path = dir.file("study.h5");
    {
        StudyStore store = StudyStore::create(path, spec());
        for (uint64_t i = 0; i < 100; ++i) {
            EXPECT_EQ(store.append_task(record(i), result(i)), i + 1);  // row 0 is the marker
            if (i % 25 == 0) {
                const auto v = map_values(i, 8, 5);
                store.append_map(i, 8, 5, v);
            }
        }
        const StoredStudy live = store.load();
        EXPECT_EQ(live.tasks.size(), 100u);
    }
    EXPECT_FALSE(fs::exists(path.string() + ".lock"));
    const StoredStudy study = StudyStore::read(path);
    EXPECT_EQ(study.spec, spec());
    ASSERT_EQ(study.tasks.size(), 100u);
    ASSERT_EQ(study.results.size(), 100u);
    for (uint64_t i = 0; i < 100; ++i) expect_record(study, i, i);
    ASSERT_EQ(study.maps.size(), 4u);
    for (std::size_t k = 0; k < 4; ++k) {
        EXPECT_EQ(study.maps[k].task_id, k * 25);
        EXPECT_EQ(study.maps[k].cells_x, 8);
        EXPECT_EQ(study.maps[k].cells_y, 5);
        EXPECT_EQ(study.maps[k].power_w, map_values(k * 25, 8, 5));
    }
    ASSERT_EQ(study.markers.size(), 1u);
    EXPECT_EQ(study.markers[0].kind, TaskStatus::run_started);
    EXPECT_EQ(study.markers[0].info["event"], "created");
    EXPECT_FALSE(study.finished);
    EXPECT_FALSE(study.recovered);
    EXPECT_EQ(study.dropped_rows, 0u);
    ASSERT_NE(study.find_task(42), nullptr);
    EXPECT_EQ(study.find_task(42)->worker_id, 2);
    EXPECT_EQ(study.find_task(1000), nullptr);
}

TEST(StudyStore, FinishedMarkerAndCleanResume) {
    TempDir dir;
    const auto path = dir.file("study.h5");
    {
        StudyStore store = StudyStore::create(path, spec());
        store.append_task(record(0), result(0));
        store.mark_finished({{"best", 0}});
    }
    EXPECT_TRUE(StudyStore::read(path).finished);
    {
        StudyStore store = StudyStore::open_for_resume(path);
        EXPECT_FALSE(store.recovered());
        store.append_task(record(1), result(1));
    }
    const StoredStudy study = StudyStore::read(path);
    EXPECT_FALSE(study.finished);  // the resumed run has not finished
    ASSERT_EQ(study.markers.size(), 3u);
    EXPECT_EQ(study.markers[2].info["resumed"], true);
    ASSERT_EQ(study.tasks.size(), 2u);
    expect_record(study, 1, 1);
}

TEST(StudyStore, KillNineMidWritingLosesNoReportedRecordAndResumes) {
    TempDir dir;
    // Several kill points: early, middle, late; the child appends flat out so that the kill
    // usually lands inside an append.
    for (uint32_t k : {3u, 37u, 81u}) {
        SCOPED_TRACE("kill after " + std::to_string(k) + " reported records");
        const auto path = dir.file("kill_" + std::to_string(k) + ".h5");
        Child child = spawn_writer(path, /*resume=*/false, 0, 100);
        const uint32_t seen = wait_reports(child.read_fd, k);
        ASSERT_GE(seen, k);
        const uint32_t reported = kill_and_drain(child, seen);
        ASSERT_GE(reported, k);

        const StoredStudy study = StudyStore::read(path);
        ASSERT_GE(study.tasks.size(), reported);
        for (std::size_t i = 0; i < study.tasks.size(); ++i) expect_record(study, i, i);
        EXPECT_EQ(study.spec, spec());
        EXPECT_FALSE(study.finished);

        // Resume: append the rest into the same file.
        const uint64_t have = study.tasks.size();
        {
            StudyStore store = StudyStore::open_for_resume(path);
            const StoredStudy before = store.load();
            EXPECT_EQ(before.tasks.size(), have);
            for (uint64_t i = have; i < 100; ++i) store.append_task(record(i), result(i));
            store.mark_finished();
        }
        const StoredStudy all = StudyStore::read(path);
        ASSERT_EQ(all.tasks.size(), 100u);
        for (uint64_t i = 0; i < 100; ++i) expect_record(all, i, i);
        EXPECT_TRUE(all.finished);
        ASSERT_EQ(all.markers.size(), 3u);
        EXPECT_EQ(all.markers[1].info["resumed"], true);
        EXPECT_EQ(all.markers[1].info["recovered"], true);  // the killed writer left flags set
        for (const auto& map : all.maps) {
            EXPECT_EQ(map.power_w, map_values(map.task_id, 6, 4));
        }
    }
}

TEST(StudyStore, KillAtRandomMomentsNeverCorruptsTheFile) {
    // Kills not synchronised with the appends (including during create()): whatever the moment,
    // the file reads back as a valid prefix, or as "creation interrupted", and resumes.
    TempDir dir;
    for (int round = 0; round < 12; ++round) {
        SCOPED_TRACE("round " + std::to_string(round));
        const auto path = dir.file("random_" + std::to_string(round) + ".h5");
        Child child = spawn_writer(path, false, 0, 100);
        ::usleep(static_cast<useconds_t>(500 + round * 1700));
        const uint32_t reported = kill_and_drain(child);
        StoredStudy study;
        try {
            study = StudyStore::read(path);
        } catch (const StoreError& e) {
            // Only acceptable when the kill came before the first record was confirmed.
            EXPECT_EQ(reported, 0u) << e.what();
            continue;
        }
        ASSERT_GE(study.tasks.size(), reported);
        for (std::size_t i = 0; i < study.tasks.size(); ++i) expect_record(study, i, i);
        {
            StudyStore store = StudyStore::open_for_resume(path);
            store.append_task(record(study.tasks.size()), result(study.tasks.size()));
        }
        const StoredStudy after = StudyStore::read(path);
        ASSERT_EQ(after.tasks.size(), study.tasks.size() + 1);
        for (std::size_t i = 0; i < after.tasks.size(); ++i) expect_record(after, i, i);
    }
}

TEST(StudyStore, KillNineTwiceThenResumeInAChild) {
    // A resumed writer killed again must leave the file just as readable.
    TempDir dir;
    const auto path = dir.file("twice.h5");
    Child first = spawn_writer(path, false, 0, 100);
    const uint32_t r1 = kill_and_drain(first, wait_reports(first.read_fd, 20));
    const uint64_t have = StudyStore::read(path).tasks.size();
    ASSERT_GE(have, r1);
    Child second = spawn_writer(path, true, have, 100);
    const uint32_t r2 =
        kill_and_drain(second, wait_reports(second.read_fd, static_cast<uint32_t>(have) + 15));
    const StoredStudy study = StudyStore::read(path);
    ASSERT_GE(study.tasks.size(), r2);
    for (std::size_t i = 0; i < study.tasks.size(); ++i) expect_record(study, i, i);
}

TEST(StudyStore, ReaderSeesConsistentPrefixWhileWriterAppends) {
    TempDir dir;
    const auto path = dir.file("live.h5");
    Child child = spawn_writer(path, false, 0, 150, /*sleep_us=*/500);
    wait_reports(child.read_fd, 5);
    std::size_t previous = 0;
    for (int round = 0; round < 15; ++round) {
        const StoredStudy study = StudyStore::read(path);
        EXPECT_GE(study.tasks.size(), previous);
        previous = study.tasks.size();
        for (std::size_t i = 0; i < study.tasks.size(); ++i) expect_record(study, i, i);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    EXPECT_GT(previous, 5u);
    kill_and_drain(child);
}

TEST(StudyStore, SecondWriterIsRefused) {
    TempDir dir;
    const auto path = dir.file("study.h5");
    StudyStore store = StudyStore::create(path, spec());
    EXPECT_THROW(StudyStore::open_for_resume(path), StoreError);
    store.append_task(record(0), result(0));  // the first writer is unaffected
    store.close();
    EXPECT_THROW(store.append_task(record(1), result(1)), StoreError);
    EXPECT_NO_THROW(StudyStore::open_for_resume(path));
}

TEST(StudyStore, RefusesBadInputWithClearErrors) {
    TempDir dir;
    const auto path = dir.file("study.h5");
    EXPECT_THROW(StudyStore::read(dir.file("missing.h5")), StoreError);
    std::ofstream(dir.file("text.h5")) << "not hdf5";
    try {
        StudyStore::read(dir.file("text.h5"));
        FAIL() << "expected StoreError";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("not an HDF5 file"), std::string::npos) << e.what();
    }
    StudyStore store = StudyStore::create(path, spec());
    EXPECT_THROW(StudyStore::create(path, spec()), StoreError);
    const std::vector<double> three(3, 1.0);
    EXPECT_THROW(store.append_map(1, 2, 2, three), std::invalid_argument);
    TaskRecord marker_like = record(0);
    marker_like.task_id = rps::kMarkerTaskId;
    EXPECT_THROW(store.append_task(marker_like, json::object()), std::invalid_argument);
}

TEST(StudyStore, OverwriteReplacesAnOldStudy) {
    TempDir dir;
    const auto path = dir.file("study.h5");
    {
        StudyStore store = StudyStore::create(path, spec());
        store.append_task(record(0), result(0));
    }
    { StudyStore store = StudyStore::create(path, {{"other", true}}, /*overwrite=*/true); }
    const StoredStudy study = StudyStore::read(path);
    EXPECT_EQ(study.spec, json({{"other", true}}));
    EXPECT_TRUE(study.tasks.empty());
}

TEST(StudyStore, TruncatedFileFailsQuicklyAndIsLeftUntouched) {
    // Reading must never write: recovering a truncated file in place once grew it with zeros,
    // after which every reader hung in HDF5 for minutes.
    TempDir dir;
    const auto full = dir.file("full.h5");
    write_finished_store(full, 60);
    const std::string bytes = file_bytes(full);
    ASSERT_GT(bytes.size(), 4096u);
    for (std::size_t keep : {std::size_t{2048}, bytes.size() / 2, bytes.size() - 1}) {
        SCOPED_TRACE("kept " + std::to_string(keep) + " of " + std::to_string(bytes.size()));
        const auto path = dir.file("trunc_" + std::to_string(keep) + ".h5");
        const std::string cut = bytes.substr(0, keep);
        write_bytes(path, cut);
        for (int round = 0; round < 2; ++round) {  // the second read sees what the first left
            expect_damaged_error(path, [&] { StudyStore::read(path); });
            expect_damaged_error(path, [&] { StudyStore::open_for_resume(path); });
        }
        EXPECT_TRUE(file_bytes(path) == cut) << "the truncated file was modified";
    }
}

TEST(StudyStore, ZeroFilledTailFailsQuicklyAndIsLeftUntouched) {
    // What the old in-place recovery made of a truncated file: the right length, zeros from the
    // cut on. The superblock cannot tell, so a SWMR reader retried its metadata reads for
    // minutes; the retries are bounded now. A cut that spared everything the store refers to
    // still reads (a valid study); any other must fail fast and leave the file as it was.
    TempDir dir;
    const auto full = dir.file("full.h5");
    write_finished_store(full, 60);
    const std::string bytes = file_bytes(full);
    int damaged_files = 0;
    for (std::size_t keep :
         {std::size_t{2048}, bytes.size() / 10, bytes.size() / 4, bytes.size() / 2}) {
        SCOPED_TRACE("kept " + std::to_string(keep) + " of " + std::to_string(bytes.size()));
        const auto path = dir.file("zeros_" + std::to_string(keep) + ".h5");
        const std::string damaged = bytes.substr(0, keep) + std::string(bytes.size() - keep, '\0');
        write_bytes(path, damaged);
        const auto start = std::chrono::steady_clock::now();
        bool readable = true;
        try {
            StudyStore::read(path);
        } catch (const StoreError&) {
            readable = false;
        }
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
        if (readable) continue;
        ++damaged_files;
        for (int round = 0; round < 2; ++round) {
            expect_damaged_error(path, [&] { StudyStore::read(path); });
            expect_damaged_error(path, [&] { StudyStore::open_for_resume(path); });
        }
        EXPECT_TRUE(file_bytes(path) == damaged) << "the damaged file was modified";
    }
    EXPECT_GE(damaged_files, 2);
}

TEST(StudyStore, FileLeftOpenByAPlainWriterIsReadWithoutModifyingIt) {
    // A writer killed before SWMR started leaves status flags that make every open fail; the
    // reader recovers a private copy and leaves the file itself to the writer's resume.
    TempDir dir;
    const auto path = dir.file("flags.h5");
    write_finished_store(path, 30);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
        ::_exit(file >= 0 && H5Fflush(file, H5F_SCOPE_GLOBAL) >= 0 ? 0 : 2);  // never closed
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    const std::string before = file_bytes(path);

    const StoredStudy study = StudyStore::read(path);
    EXPECT_TRUE(study.recovered);
    ASSERT_EQ(study.tasks.size(), 30u);
    for (std::size_t i = 0; i < study.tasks.size(); ++i) expect_record(study, i, i);
    EXPECT_EQ(file_bytes(path), before);

    {
        StudyStore store = StudyStore::open_for_resume(path);  // the writer may recover it
        EXPECT_TRUE(store.recovered());
    }
    EXPECT_FALSE(StudyStore::read(path).recovered);
}

namespace {

// Rewrites the root attributes the way another program (or a reviewer's tool) could.
void set_format_attributes(const fs::path& path, int version, const std::string& tag) {
    const hid_t file = H5Fopen(path.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    ASSERT_GE(file, 0);
    const hid_t version_attr = H5Aopen(file, "rps_format_version", H5P_DEFAULT);
    ASSERT_GE(H5Awrite(version_attr, H5T_NATIVE_INT, &version), 0);
    H5Aclose(version_attr);
    const hid_t tag_attr = H5Aopen(file, "rps_format", H5P_DEFAULT);
    const hid_t type = H5Aget_type(tag_attr);
    std::string padded = tag;
    padded.resize(H5Tget_size(type), '\0');
    ASSERT_GE(H5Awrite(tag_attr, type, padded.data()), 0);
    H5Tclose(type);
    H5Aclose(tag_attr);
    H5Fclose(file);
}

}  // namespace

TEST(StudyStore, RefusesAForeignFormatTagAndVersionsBelowOne) {
    // Only versions above 1 were refused: a tag of another program, or version 0 or -1, was
    // shown, exported and even resumed (written to) as a study.
    TempDir dir;
    struct Case {
        int version;
        std::string tag, expected;
    };
    const std::vector<Case> cases = {{1, "not-a-rps-store", "not a study store"},
                                     {0, "rps-study-store", "format version 0 is not valid"},
                                     {-1, "rps-study-store", "format version -1 is not valid"},
                                     {2, "rps-study-store", "is newer than this program"}};
    for (const Case& c : cases) {
        SCOPED_TRACE(c.tag + " " + std::to_string(c.version));
        std::string name = std::to_string(c.version);  // not "v" + ...: GCC 12 -Wrestrict bug
        name.append(c.tag).append(".h5");
        const auto path = dir.file(name);
        write_finished_store(path, 3);
        set_format_attributes(path, c.version, c.tag);
        const std::string before = file_bytes(path);
        for (int resume = 0; resume < 2; ++resume) {
            try {
                if (resume)
                    StudyStore::open_for_resume(path);
                else
                    StudyStore::read(path);
                ADD_FAILURE() << "expected StoreError";
            } catch (const StoreError& e) {
                const std::string what = e.what();
                EXPECT_NE(what.find(path.string()), std::string::npos) << what;
                EXPECT_NE(what.find(c.expected), std::string::npos) << what;
            }
        }
        EXPECT_TRUE(file_bytes(path) == before) << "a refused file was modified";
    }
}
