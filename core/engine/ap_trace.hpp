#pragma once
// The static (plate-free) paths of one AP over the receiver raster, kept so that moving only the
// reflector plate re-uses them: a plate pose only removes the paths it shadows and adds its own.
#include <complex>
#include <cstdint>
#include <vector>

#include "core/engine/radio_engine.hpp"

namespace rps {

class ApTrace {
public:
    TxPose tx;
    // Traced for a cell selection only (MapRequest::cells): map_from_trace then gives those cells
    // and refuses a plate (its paths would be added to every cell).
    bool partial = false;
    std::vector<uint32_t> path_receiver;     // receiver index of each path
    std::vector<uint32_t> path_branch;       // 0 = line of sight, f + 1 = first face f
    std::vector<double> path_power_w;        // received power of each path (incoherent)
    std::vector<Vec3c> path_amplitude;       // receiver ports incl. phase; coherent engines only
    std::vector<uint32_t> path_point_begin;  // offsets into points, size = paths + 1
    std::vector<Vec3> points;                // Tx, interaction points, Rx of each path
    std::vector<uint32_t> path_face_begin;   // offsets into faces, size = paths + 1
    std::vector<int> faces;                  // each path's reflecting faces (edge decisions)
    // The image method's unfolding: the last image I = M·tx + b. Kept per path so that a
    // gradient can move the AP while the path's faces stay fixed (study surrogate gradients).
    std::vector<Mat3> path_mirror;  // M: product of the faces' reflections (orthogonal)
    std::vector<Vec3> path_image;   // I at the traced AP position
    std::vector<double> path_length_m;

    size_t path_count() const { return path_receiver.size(); }
};

}  // namespace rps
