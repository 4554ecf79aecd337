#pragma once
// Deterministic seed derivation and portable random draws.
//
// Every random choice in rps_opt starts from one 64-bit study seed. Child seeds are derived with
// splitmix64 (Steele, Lea & Flood 2014; Vigna's reference splitmix64.c):
//
//     mix(z)  = z ^= z >> 30; z *= 0xBF58476D1CE4E5B9; z ^= z >> 27; z *= 0x94D049BB133111EB;
//               z ^ (z >> 31)
//     derive(seed, stream) = mix(seed + (stream + 1) * 0x9E3779B97F4A7C15)
//
// i.e. derive(seed, i) is the (i+1)-th output of a splitmix64 generator whose state starts at
// `seed`. Streams are independent of each other and of the order they are asked for, so "start 7"
// gets the same seed whether 8 or 80 starts run, on one worker or many. Each stream seeds one
// std::mt19937_64 (its single-value constructor is fully specified by the standard).
//
// The draws below are written out instead of using std::uniform_real_distribution /
// std::normal_distribution, whose algorithms are implementation-defined: with these, a seed gives
// the same numbers under libstdc++ and libc++ (up to libm's log/cos/sqrt in standard_normal).
#include <cstdint>
#include <random>
#include <string_view>

namespace rps::opt {

inline constexpr std::uint64_t kSplitMixGamma = 0x9E3779B97F4A7C15ULL;

constexpr std::uint64_t splitmix64_mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

// Advances a splitmix64 state and returns the next output.
constexpr std::uint64_t splitmix64_next(std::uint64_t& state) {
    state += kSplitMixGamma;
    return splitmix64_mix(state);
}

// FNV-1a (64-bit) of a label, so streams can be named ("ga", "starts") instead of numbered.
constexpr std::uint64_t fnv1a64(std::string_view text) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return h;
}

class SeedSequence {
public:
    constexpr explicit SeedSequence(std::uint64_t seed) : seed_(seed) {}

    constexpr std::uint64_t seed() const { return seed_; }
    // The seed of stream `stream` (see the file comment for the formula).
    constexpr std::uint64_t derive(std::uint64_t stream) const {
        return splitmix64_mix(seed_ + (stream + 1) * kSplitMixGamma);
    }
    constexpr std::uint64_t derive(std::string_view label) const { return derive(fnv1a64(label)); }
    // A child sequence, for hierarchies such as study -> method -> start -> iteration.
    constexpr SeedSequence child(std::uint64_t stream) const {
        return SeedSequence(derive(stream));
    }
    constexpr SeedSequence child(std::string_view label) const {
        return SeedSequence(derive(label));
    }
    // 32-bit seed for libraries that take `unsigned` (pagmo): the high half of derive(stream).
    constexpr std::uint32_t derive32(std::uint64_t stream) const {
        return static_cast<std::uint32_t>(derive(stream) >> 32);
    }
    std::mt19937_64 engine(std::uint64_t stream) const { return std::mt19937_64(derive(stream)); }

private:
    std::uint64_t seed_;
};

// Uniform in [0, 1) from the top 53 bits of one engine output.
double uniform01(std::mt19937_64& rng);
// Uniform in [a, b) (returns a when a == b).
double uniform(std::mt19937_64& rng, double a, double b);
// Uniform integer in [0, n), unbiased (rejection); n must be > 0.
std::uint64_t uniform_index(std::mt19937_64& rng, std::uint64_t n);
// Standard normal by Box-Muller; consumes exactly two engine outputs, keeps no cached value (so
// the stream position never depends on how many normals were drawn before).
double standard_normal(std::mt19937_64& rng);

}  // namespace rps::opt
