#include "core/common/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <optional>
#include <random>
#include <system_error>

namespace rps {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& file, const std::string& field, int error) {
    throw FileWriteError(file, field, std::generic_category().message(error));
}

// 0 or the errno of the failed write.
int write_all(int fd, std::string_view bytes) {
    const char* data = bytes.data();
    size_t left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        data += written;
        left -= static_cast<size_t>(written);
    }
    return 0;
}

// Writes, syncs (a device that cannot sync, like /dev/null, says EINVAL: nothing to wait for)
// and closes `fd`; 0 or the first errno.
int write_sync_close(int fd, std::string_view bytes) {
    int error = write_all(fd, bytes);
    if (error == 0 && ::fsync(fd) != 0 && errno != EINVAL && errno != EROFS) error = errno;
    if (::close(fd) != 0 && error == 0 && errno != EINTR) error = errno;
    return error;
}

// "DIR/.NAME.rps-PID-N": hidden, beside the target (a rename within one file system is atomic).
fs::path temporary_beside(const fs::path& target) {
    static std::atomic<unsigned> counter{0};
    static const unsigned salt = std::random_device{}();
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    // Shortened, so that a target name near the limit (255 bytes) still has a temporary.
    const std::string name = target.filename().string().substr(0, 180);
    return folder / ("." + name + ".rps-" + std::to_string(::getpid()) + "-" +
                     std::to_string(salt) + "-" + std::to_string(counter++));
}

}  // namespace

FileWriteError::FileWriteError(const fs::path& file, const std::string& field,
                               const std::string& cause)
    : InputError({file.string(), 0, field}, "cannot write the file: " + cause), cause_(cause) {}

void write_file_atomically(const fs::path& path, std::string_view bytes, const std::string& field) {
    fs::path target = path;
    std::error_code ec;
    if (fs::is_symlink(target, ec)) {
        const fs::path resolved = fs::weakly_canonical(target, ec);
        if (!ec) target = resolved;
    }
    struct stat existing {};
    std::optional<mode_t> mode;
    if (::stat(target.c_str(), &existing) == 0) {
        if (S_ISDIR(existing.st_mode)) fail(path, field, EISDIR);
        if (!S_ISREG(existing.st_mode)) {
            const int fd = ::open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
            if (fd < 0) fail(path, field, errno);
            if (const int error = write_sync_close(fd, bytes)) fail(path, field, error);
            return;
        }
        mode = existing.st_mode & 07777;  // a replaced file keeps its permissions
    }
    fs::path temporary;
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
        temporary = temporary_beside(target);
        fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST) fail(path, field, errno);
    }
    if (fd < 0) fail(path, field, EEXIST);
    if (mode) ::fchmod(fd, *mode);
    int error = write_sync_close(fd, bytes);
    if (error == 0 && ::rename(temporary.c_str(), target.c_str()) != 0) error = errno;
    if (error != 0) {
        ::unlink(temporary.c_str());
        fail(path, field, error);
    }
}

}  // namespace rps
