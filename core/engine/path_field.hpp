#pragma once
// Polarised field bookkeeping along a path (PHYSICS.md §2.2, Sionna's implicit Jones basis):
// at each interaction the field splits into its TE part along s = normalize(k × n) and its TM
// part along p = k × s, each scaled by its own coefficient. A transmitted ray keeps its direction.
#include <cmath>
#include <complex>

#include "core/common/geometry.hpp"

namespace rps {

// Component of a complex vector along a real vector (no conjugation).
inline std::complex<double> component(const Vec3c& field, const Vec3& axis) {
    return field.x() * axis.x() + field.y() * axis.y() + field.z() * axis.z();
}

// The TE/TM split at an interface of normal n for direction k, with unnormalised axes: s = k × n
// and p = k × s have the same length |k × n| (k is a unit vector), so the projection of E onto
// the pair is (E·s) s / |s|² + (E·p) p / |s|², one division instead of normalising each axis (a
// square root and three divisions, 4 % of a map). At normal incidence (|k × n| < 1e-12), where TE
// and TM coincide (PHYSICS.md §2.2), s is any unit vector ⟂ k.
struct TeTmAxes {
    Vec3 s, p;
    double inverse_norm2;  // 1 / |s|² = 1 / |p|²

    TeTmAxes(const Vec3& k, const Vec3& n) : s(k.cross(n)) {
        const double norm2 = s.squaredNorm();
        if (norm2 > 1e-24) [[likely]] {
            inverse_norm2 = 1.0 / norm2;
        } else {
            const Vec3 helper = std::abs(k.x()) < 0.9 ? Vec3::UnitX() : Vec3::UnitY();
            s = k.cross(helper).normalized();
            inverse_norm2 = 1.0;
        }
        p = k.cross(s);
    }
};

// a·u + b·v for complex a, b and real u, v, without promoting u and v to complex vectors (which
// would multiply by their zero imaginary parts).
inline Vec3c combine(std::complex<double> a, const Vec3& u, std::complex<double> b, const Vec3& v) {
    return {a * u.x() + b * v.x(), a * u.y() + b * v.y(), a * u.z() + b * v.z()};
}

// E_r = r_TE (E·ŝ) ŝ + r_TM (E·p̂_i) p̂_r with p = k × s; returns the reflected direction in k.
inline Vec3c reflect_field(const Vec3c& field, Vec3& k, const Vec3& n, std::complex<double> r_te,
                           std::complex<double> r_tm) {
    const TeTmAxes axes(k, n);
    const Vec3 k_out = k - 2.0 * k.dot(n) * n;
    const Vec3 p_out = k_out.cross(axes.s);
    const std::complex<double> e_s = component(field, axes.s) * axes.inverse_norm2;
    const std::complex<double> e_p = component(field, axes.p) * axes.inverse_norm2;
    k = k_out;
    return combine(r_te * e_s, axes.s, r_tm * e_p, p_out);
}

// E_t = t_TE (E·ŝ) ŝ + t_TM (E·p̂) p̂; the direction is unchanged.
inline Vec3c transmit_field(const Vec3c& field, const Vec3& k, const Vec3& n,
                            std::complex<double> t_te, std::complex<double> t_tm) {
    const TeTmAxes axes(k, n);
    return combine(t_te * axes.inverse_norm2 * component(field, axes.s), axes.s,
                   t_tm * axes.inverse_norm2 * component(field, axes.p), axes.p);
}

// A segment's wall crossings applied in order (each as transmit_field). While the walls are
// parallel (normals equal up to sign, within 1e-12) the TE/TM axes are the same, so the field is
// kept as its two components and each wall only scales them; a wall of another orientation
// recombines and splits again. Coefficients are re-used while material and incidence repeat.
class TransmissionChain {
public:
    template <class Coefficients>
    void cross(Vec3c& field, const Vec3& k, const Vec3& n, int material, double cos_i,
               Coefficients&& coefficients) {
        if (!split_ || std::abs(n.dot(normal_)) < 1.0 - 1e-12) {
            finish(field);
            const TeTmAxes axes(k, n);
            s_ = axes.s;
            p_ = axes.p;
            e_s_ = component(field, s_) * axes.inverse_norm2;
            e_p_ = component(field, p_) * axes.inverse_norm2;
            normal_ = n;
            split_ = true;
        }
        if (material != material_ || cos_i != cos_i_) {
            const auto t = coefficients();
            t_te_ = t.te;
            t_tm_ = t.tm;
            material_ = material;
            cos_i_ = cos_i;
        }
        e_s_ *= t_te_;
        e_p_ *= t_tm_;
    }
    // Writes the field back after the last crossing (a no-op when nothing was crossed).
    void finish(Vec3c& field) {
        if (split_) field = combine(e_s_, s_, e_p_, p_);
        split_ = false;
    }

private:
    bool split_ = false;
    Vec3 s_ = Vec3::Zero(), p_ = Vec3::Zero(), normal_ = Vec3::Zero();
    std::complex<double> e_s_, e_p_;
    int material_ = -1000;
    double cos_i_ = -1.0;
    std::complex<double> t_te_, t_tm_;
};

}  // namespace rps
