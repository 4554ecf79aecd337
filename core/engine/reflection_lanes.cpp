#include "core/engine/reflection_lanes.hpp"

#include "core/common/vector_kernel.hpp"

namespace rps {

// reflect_field, lane by lane: s = k × n, p = k × s (|s|² = |p|² for a unit k), the field's
// components along them over |s|², scaled by r_TE and r_TM, recombined along s and the
// reflected p_out = k_out × s. Written out per lane (no Eigen or std::complex) so that the loop
// vectorises; each expression keeps reflect_field's operand order.
RPS_VECTOR_KERNEL
void reflect_lanes(ReflectionLanes& lanes, int count, const Vec3& n) {
    const double nx = n.x(), ny = n.y(), nz = n.z();
    for (int i = 0; i < count; ++i) {
        const double kx = lanes.kx[i], ky = lanes.ky[i], kz = lanes.kz[i];
        const double sx = ky * nz - kz * ny, sy = kz * nx - kx * nz, sz = kx * ny - ky * nx;
        const double norm2 = sx * sx + sy * sy + sz * sz;
        lanes.regular[i] = norm2 > 1e-24 ? 1.0 : 0.0;
        const double inverse_norm2 = 1.0 / norm2;
        const double px = ky * sz - kz * sy, py = kz * sx - kx * sz, pz = kx * sy - ky * sx;
        const double kn = kx * nx + ky * ny + kz * nz;
        const double ox = kx - 2.0 * kn * nx, oy = ky - 2.0 * kn * ny, oz = kz - 2.0 * kn * nz;
        const double qx = oy * sz - oz * sy, qy = oz * sx - ox * sz, qz = ox * sy - oy * sx;
        const double ex_re = lanes.field_re[0][i], ey_re = lanes.field_re[1][i],
                     ez_re = lanes.field_re[2][i];
        const double ex_im = lanes.field_im[0][i], ey_im = lanes.field_im[1][i],
                     ez_im = lanes.field_im[2][i];
        const double es_re = (ex_re * sx + ey_re * sy + ez_re * sz) * inverse_norm2;
        const double es_im = (ex_im * sx + ey_im * sy + ez_im * sz) * inverse_norm2;
        const double ep_re = (ex_re * px + ey_re * py + ez_re * pz) * inverse_norm2;
        const double ep_im = (ex_im * px + ey_im * py + ez_im * pz) * inverse_norm2;
        // (a + jb)(c + jd) = (ac - bd) + j(ad + bc), as std::complex multiplies finite values.
        const double as_re = lanes.te_re[i] * es_re - lanes.te_im[i] * es_im;
        const double as_im = lanes.te_re[i] * es_im + lanes.te_im[i] * es_re;
        const double ap_re = lanes.tm_re[i] * ep_re - lanes.tm_im[i] * ep_im;
        const double ap_im = lanes.tm_re[i] * ep_im + lanes.tm_im[i] * ep_re;
        lanes.field_re[0][i] = as_re * sx + ap_re * qx;
        lanes.field_im[0][i] = as_im * sx + ap_im * qx;
        lanes.field_re[1][i] = as_re * sy + ap_re * qy;
        lanes.field_im[1][i] = as_im * sy + ap_im * qy;
        lanes.field_re[2][i] = as_re * sz + ap_re * qz;
        lanes.field_im[2][i] = as_im * sz + ap_im * qz;
        lanes.kx[i] = ox;
        lanes.ky[i] = oy;
        lanes.kz[i] = oz;
    }
}

}  // namespace rps
