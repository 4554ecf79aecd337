#pragma once
// What the map's receiver, isotropic and dual-polarised, takes from one path's field: its
// components along θ̂ and φ̂ of the direction the path arrives from (PHYSICS.md §2.3: a =
// (λ/4π)(1/L)·C_Rᴴ·J·C_T, one coefficient per receiver port). A coherent sum adds these per port,
// |Σ a_θ|² + |Σ a_φ|², as Sionna's paths do; adding the fields as 3-D vectors instead made two
// paths whose fields lie in different planes (a line of sight and its floor reflection, V
// polarised) interfere by the cosine of the angle between them: up to 3 dB off at a fringe. For
// one path the two ports hold its whole power (the field is ⟂ its direction), so incoherent sums
// are unchanged.
#include <cmath>

#include "core/engine/path_field.hpp"

namespace rps {

// The ports (θ, φ) of the field arriving along the unit propagation direction k, as (θ, φ, 0)
// so that they add and square like the fields they replace. The angles are those of the arrival
// direction -k (towards the source); at the poles φ is taken as 0. (Using k instead flips every
// path's φ port alike, which no sum of powers sees.)
inline Vec3c receiver_ports(const Vec3c& field, const Vec3& k) {
    const double horizontal = std::hypot(k.x(), k.y());
    // -k = (sinθ cosφ, sinθ sinφ, cosθ)
    const double cos_phi = horizontal > 0 ? -k.x() / horizontal : 1.0;
    const double sin_phi = horizontal > 0 ? -k.y() / horizontal : 0.0;
    const double cos_theta = -k.z(), sin_theta = horizontal;
    const Vec3 theta_hat(cos_theta * cos_phi, cos_theta * sin_phi, -sin_theta);
    const Vec3 phi_hat(-sin_phi, cos_phi, 0.0);
    return {component(field, theta_hat), component(field, phi_hat), 0.0};
}

}  // namespace rps
