#include "core/scene/scene_fingerprint.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstdint>

namespace rps {
namespace {

// FNV-1a, 64 bits (Fowler, Noll, Vo): small, stable across platforms and runs, and enough to
// notice an edit; not a cryptographic hash.
class Fnv1a {
public:
    void bytes(const void* data, size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (size_t i = 0; i < size; ++i) hash_ = (hash_ ^ p[i]) * 0x100000001b3ULL;
    }
    void number(double value) { integer(std::bit_cast<uint64_t>(value)); }
    void integer(uint64_t value) {
        for (int i = 0; i < 8; ++i) {
            const unsigned char byte = static_cast<unsigned char>(value >> (8 * i));
            bytes(&byte, 1);
        }
    }
    void text(const std::string& s) {
        integer(s.size());
        bytes(s.data(), s.size());
    }
    uint64_t value() const { return hash_; }

private:
    uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string scene_fingerprint(const Scene& scene) {
    Fnv1a hash;
    hash.integer(scene.materials.size());
    for (const RadioMaterial& m : scene.materials) {
        hash.text(m.id);
        hash.text(m.itu_type);
        hash.number(m.relative_permittivity);
        hash.number(m.conductivity_s_per_m);
        hash.number(m.thickness_m);
        hash.integer(m.perfect_conductor);
    }
    hash.integer(scene.vertices.size());
    for (const Vec3& v : scene.vertices)
        for (int c = 0; c < 3; ++c) hash.number(v[c]);
    hash.integer(scene.triangles.size());
    for (size_t t = 0; t < scene.triangles.size(); ++t) {
        for (uint32_t index : scene.triangles[t]) hash.integer(index);
        hash.integer(scene.triangle_material(static_cast<uint32_t>(t)));
    }
    return fmt::format("{:016x}", hash.value());
}

}  // namespace rps
