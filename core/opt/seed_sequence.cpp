#include "core/opt/seed_sequence.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

namespace rps::opt {

double uniform01(std::mt19937_64& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

double uniform(std::mt19937_64& rng, double a, double b) {
    if (a == b) return a;
    return a + (b - a) * uniform01(rng);
}

std::uint64_t uniform_index(std::mt19937_64& rng, std::uint64_t n) {
    if (n == 0) throw std::invalid_argument("uniform_index: empty range");
    // Reject the top partial block so every residue is equally likely.
    const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % n + 1) % n;
    std::uint64_t r;
    do {
        r = rng();
    } while (r > limit);
    return r % n;
}

double standard_normal(std::mt19937_64& rng) {
    const double u1 = 1.0 - uniform01(rng);  // (0, 1]: log stays finite
    const double u2 = uniform01(rng);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace rps::opt
