#include "core/protocol/worker_loop.hpp"

#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <mutex>
#include <optional>
#include <streambuf>
#include <string>
#include <thread>

#include "core/protocol/protocol.hpp"

namespace rps::protocol {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

// Serialises whole lines from the task thread, handler threads and the heartbeat thread; a line
// interleaved with another would be garbage to the coordinator and cost a worker restart.
class LineWriter {
public:
    explicit LineWriter(std::ostream& out) : out_(out) {}
    bool write(const WorkerMessage& message) { return write_raw(encode(message)); }
    bool write_raw(const std::string& line) {
        std::lock_guard lock(mutex_);
        out_ << line << '\n';
        out_.flush();  // the coordinator acts on every line as it arrives
        if (!out_) failed_ = true;
        return !failed_;
    }
    bool failed() const {
        std::lock_guard lock(mutex_);
        return failed_;
    }

private:
    std::ostream& out_;
    mutable std::mutex mutex_;
    bool failed_ = false;
};

class TaskProgress : public ProgressSink {
public:
    TaskProgress(LineWriter& writer, uint64_t task_id, int attempt)
        : writer_(writer), task_id_(task_id), attempt_(attempt) {}
    void emit(const json& data) override { writer_.write(ProgressMessage{task_id_, data}); }
    void log(std::string_view level, std::string_view message) override {
        writer_.write(LogMessage{std::string(level), std::string(message)});
    }
    uint64_t task_id() const override { return task_id_; }
    int attempt() const override { return attempt_; }

private:
    LineWriter& writer_;
    uint64_t task_id_;
    int attempt_;
};

// Beats only while a task runs: an idle worker has nothing to prove, and the coordinator only
// watches busy workers. A handler stuck in a loop still beats (the thread is alive); the pool's
// task timeout covers that case, the heartbeat covers a frozen or wedged process.
class Heartbeat {
public:
    Heartbeat(LineWriter& writer, std::chrono::milliseconds interval, Clock::time_point t0)
        : writer_(writer), interval_(interval), t0_(t0), thread_([this] { run(); }) {}
    ~Heartbeat() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        cv_.notify_all();
        thread_.join();
    }
    void set_busy(bool busy) {
        {
            std::lock_guard lock(mutex_);
            busy_ = busy;
        }
        cv_.notify_all();
    }

private:
    void run() {
        std::unique_lock lock(mutex_);
        while (!stop_) {
            if (!busy_) {
                cv_.wait(lock, [this] { return busy_ || stop_; });
                continue;
            }
            if (cv_.wait_for(lock, interval_, [this] { return !busy_ || stop_; })) continue;
            lock.unlock();
            const double t = std::chrono::duration<double>(Clock::now() - t0_).count();
            writer_.write(HeartbeatMessage{t});
            lock.lock();
        }
    }

    LineWriter& writer_;
    std::chrono::milliseconds interval_;
    Clock::time_point t0_;
    std::mutex mutex_;
    std::condition_variable cv_;
    bool busy_ = false;
    bool stop_ = false;
    std::thread thread_;  // last: started after the fields it reads
};

std::chrono::milliseconds resolve_interval(std::chrono::milliseconds configured) {
    if (configured.count() > 0) return configured;
    if (const char* env = std::getenv("RPS_HEARTBEAT_MS")) {
        char* end = nullptr;
        const long ms = std::strtol(env, &end, 10);
        if (end != env && ms > 0) return std::chrono::milliseconds(ms);
    }
    return std::chrono::milliseconds(1000);
}

int env_worker_id() {
    if (const char* env = std::getenv("RPS_WORKER_ID")) {
        char* end = nullptr;
        const long id = std::strtol(env, &end, 10);
        if (end != env && id >= 0 && id < 1000000) return static_cast<int>(id);
    }
    return -1;
}

// Minimal output streambuf over a raw file descriptor (libstdc++'s stdio_filebuf is not
// portable). Unbuffered writes are fine: the writer sends whole lines and flushes each.
class FdOutBuf : public std::streambuf {
public:
    explicit FdOutBuf(int fd) : fd_(fd) {}

protected:
    int_type overflow(int_type ch) override {
        if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
        const char c = traits_type::to_char_type(ch);
        return write_all(&c, 1) ? ch : traits_type::eof();
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        return write_all(s, static_cast<std::size_t>(n)) ? n : 0;
    }

private:
    bool write_all(const char* data, std::size_t size) {
        while (size > 0) {
            const ssize_t n = ::write(fd_, data, size);
            if (n < 0) {
                if (errno == EINTR) continue;
                return false;
            }
            data += n;
            size -= static_cast<std::size_t>(n);
        }
        return true;
    }
    int fd_;
};

}  // namespace

int run_worker_loop(std::istream& in, std::ostream& out, const WorkerHandler& handler,
                    const WorkerLoopOptions& options) {
    const auto t0 = Clock::now();
    LineWriter writer(out);

    json ready;
    try {
        ReadyMessage defaults;
        defaults.worker_id = env_worker_id();
        defaults.pid = static_cast<int64_t>(::getpid());
        ready = to_json(WorkerMessage(defaults));
        const json info = handler.ready_info();
        if (info.is_object()) {
            for (auto it = info.begin(); it != info.end(); ++it) {
                if (it.key() == "type" || it.key() == "protocol") continue;
                ready[it.key()] = it.value();
            }
        }
    } catch (const std::exception& e) {
        writer.write(
            ErrorMessage{std::nullopt, std::string("worker failed to start: ") + e.what()});
        return 1;
    } catch (...) {
        writer.write(ErrorMessage{std::nullopt, "worker failed to start: unknown exception"});
        return 1;
    }
    if (!writer.write_raw(ready.dump(-1, ' ', false, json::error_handler_t::replace))) return 2;

    Heartbeat heartbeat(writer, resolve_interval(options.heartbeat_interval), t0);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line == "\r") continue;
        auto decoded = decode_coordinator_message(line);
        if (!decoded) {
            // Tell the coordinator, which decides what to do; a worker never guesses a task_id.
            writer.write(
                ErrorMessage{std::nullopt, "cannot decode coordinator line: " + decoded.error});
            continue;
        }
        if (std::holds_alternative<ShutdownMessage>(*decoded.message)) break;
        const auto& task = std::get<TaskMessage>(*decoded.message);

        TaskProgress progress(writer, task.task_id, task.attempt);
        heartbeat.set_busy(true);
        const auto start = Clock::now();
        std::optional<json> result;
        std::string error;
        try {
            result = handler.handle(task.payload, progress);
        } catch (const std::exception& e) {
            error = e.what();
            if (error.empty()) error = "task failed (exception without message)";
        } catch (...) {
            error = "task failed (unknown exception)";
        }
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        heartbeat.set_busy(false);
        if (result)
            writer.write(ResultMessage{task.task_id, std::move(*result), elapsed});
        else
            writer.write(ErrorMessage{task.task_id, error});
        if (writer.failed()) return 2;
    }
    return writer.failed() ? 2 : 0;
}

int run_worker_loop_stdio(const WorkerHandler& handler, const WorkerLoopOptions& options) {
    std::fflush(stdout);
    std::cout.flush();
    const int protocol_fd = ::dup(STDOUT_FILENO);
    if (protocol_fd < 0) return run_worker_loop(std::cin, std::cout, handler, options);
    ::dup2(STDERR_FILENO, STDOUT_FILENO);  // stray prints now go to the worker's log
    FdOutBuf buffer(protocol_fd);
    std::ostream out(&buffer);
    const int rc = run_worker_loop(std::cin, out, handler, options);
    ::close(protocol_fd);
    return rc;
}

}  // namespace rps::protocol
