#include "app/commands/plate_mesh.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace rps::cli {
namespace {

template <typename T>
void put_le(std::ostream& out, T value) {
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    if constexpr (std::endian::native == std::endian::big) std::reverse(bytes, bytes + sizeof(T));
    out.write(reinterpret_cast<const char*>(bytes), sizeof(T));
}

}  // namespace

std::array<Vec3, 4> plate_corners(const PlateGeometry& p) {
    const Vec3 w = 0.5 * p.width_m * p.width_axis, h = 0.5 * p.height_m * p.height_axis();
    return {p.center - w - h, p.center + w - h, p.center + w + h, p.center - w + h};
}

void write_plate_ply(const std::filesystem::path& path, const PlateGeometry& plate) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + path.string());
    out << "ply\nformat binary_little_endian 1.0\n"
        << "comment Reflector Placement Studio: reflector plate " << plate.width_m << " m x "
        << plate.height_m << " m\n"
        << "element vertex 4\nproperty float x\nproperty float y\nproperty float z\n"
        << "element face 2\nproperty list uchar int vertex_indices\nend_header\n";
    for (const Vec3& c : plate_corners(plate))
        for (int k = 0; k < 3; ++k) put_le(out, static_cast<float>(c[k]));
    static constexpr int32_t kFaces[2][3] = {{0, 1, 2}, {0, 2, 3}};
    for (const auto& face : kFaces) {
        put_le(out, static_cast<uint8_t>(3));
        for (const int32_t index : face) put_le(out, index);
    }
    if (!out) throw std::runtime_error("error while writing " + path.string());
}

}  // namespace rps::cli
