// Runs a fuzz target's LLVMFuzzerTestOneInput over given files and folders, without libFuzzer:
// the GCC build replays the committed seeds and every input a fuzzing run ever failed on
// (tests/fuzz/seeds) as ordinary tests, so the targets keep compiling and the findings stay
// fixed. The target decides what fails (a crash, an exception other than InputError, an abort).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

bool replay(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.string().c_str());
        return false;
    }
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)),
                                  std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path arg(argv[i]);
        if (std::filesystem::is_directory(arg)) {
            for (const auto& entry : std::filesystem::directory_iterator(arg))
                if (entry.is_regular_file()) files.push_back(entry.path());
        } else {
            files.push_back(arg);
        }
    }
    std::sort(files.begin(), files.end());
    size_t replayed = 0;
    for (const auto& file : files) replayed += replay(file) ? 1 : 0;
    std::printf("%zu inputs replayed\n", replayed);
    return replayed == files.size() && replayed > 0 ? 0 : 1;
}
