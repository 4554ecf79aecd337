#pragma once
// Writing an output file whole or not at all. The bytes go to a temporary file in the target's
// folder, are flushed to the disk (fsync, where a full disk may only show) and closed with every
// step checked, then renamed over the target: a failed write (a full disk, a file size limit)
// leaves the old file or none, never a truncated one that a "wrote" line claims is complete.
// A target that exists and is no regular file (/dev/null, /dev/stdout, a FIFO) is written in
// place: it cannot be renamed over. A symbolic link is followed, so that the link stays.
#include <filesystem>
#include <string>
#include <string_view>

#include "core/common/error.hpp"

namespace rps {

// A write that failed: names the file (and the option that named it) and the system's reason.
class FileWriteError : public InputError {
public:
    FileWriteError(const std::filesystem::path& file, const std::string& field,
                   const std::string& cause);
    // The system's reason alone, e.g. "No space left on device".
    const std::string& cause() const { return cause_; }

private:
    std::string cause_;
};

// Writes `bytes` as the file `path`. Throws FileWriteError, "PATH: field 'FIELD': cannot write
// the file: CAUSE" (no field part when `field` is empty).
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           const std::string& field = "");

}  // namespace rps
