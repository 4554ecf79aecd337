#pragma once
// Specular reflections of several paths on one face, in structure-of-arrays form: each lane is a
// path's field and direction, and every step of reflect_field (path_field.hpp) runs across the
// lanes, so that the compiler evaluates several lanes per vector instruction. Same operations in
// the same order per lane as reflect_field, with no floating-point contraction (the file is
// built with -ffp-contract=off), so the results are bit-identical to it on any processor; x86-64
// builds carry AVX-512 and AVX2 versions chosen at load time (docs/decisions.md, eleventh
// session).
#include "core/common/geometry.hpp"

namespace rps {

struct ReflectionLanes {
    static constexpr int kLanes = 16;
    double kx[kLanes], ky[kLanes], kz[kLanes];        // unit directions in; reflected out
    double field_re[3][kLanes], field_im[3][kLanes];  // complex field vectors, in and out
    double te_re[kLanes], te_im[kLanes], tm_re[kLanes], tm_im[kLanes];  // r_TE, r_TM
    // Out: 0 where the direction meets the face at normal incidence (|k × n|² <= 1e-24), where
    // TE and TM are chosen otherwise (TeTmAxes): the lane's outputs are then meaningless and the
    // caller reflects that path with reflect_field instead.
    double regular[kLanes];
};

// Reflects lanes 0..count-1 on the face of unit normal n.
void reflect_lanes(ReflectionLanes& lanes, int count, const Vec3& n);

}  // namespace rps
