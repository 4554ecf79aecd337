#pragma once
// Forward-mode automatic differentiation with N directional derivatives: exact gradients of the
// study surrogate (no finite differences). Only the operations the surrogate needs.
#include <array>
#include <cmath>

namespace rps {

template <int N>
struct Dual {
    double v = 0.0;
    std::array<double, N> d{};

    Dual() = default;
    Dual(double value) : v(value) {}  // NOLINT: constants promote implicitly
    static Dual variable(double value, int index) {
        Dual x(value);
        x.d[index] = 1.0;
        return x;
    }
};

template <int N> Dual<N> operator+(const Dual<N>& a, const Dual<N>& b) {
    Dual<N> r(a.v + b.v);
    for (int i = 0; i < N; ++i) r.d[i] = a.d[i] + b.d[i];
    return r;
}
template <int N> Dual<N> operator-(const Dual<N>& a, const Dual<N>& b) {
    Dual<N> r(a.v - b.v);
    for (int i = 0; i < N; ++i) r.d[i] = a.d[i] - b.d[i];
    return r;
}
template <int N> Dual<N> operator-(const Dual<N>& a) { return Dual<N>(0.0) - a; }
template <int N> Dual<N> operator*(const Dual<N>& a, const Dual<N>& b) {
    Dual<N> r(a.v * b.v);
    for (int i = 0; i < N; ++i) r.d[i] = a.d[i] * b.v + a.v * b.d[i];
    return r;
}
template <int N> Dual<N> operator/(const Dual<N>& a, const Dual<N>& b) {
    Dual<N> r(a.v / b.v);
    const double inv = 1.0 / (b.v * b.v);
    for (int i = 0; i < N; ++i) r.d[i] = (a.d[i] * b.v - a.v * b.d[i]) * inv;
    return r;
}
template <int N> Dual<N> operator+(const Dual<N>& a, double b) { return a + Dual<N>(b); }
template <int N> Dual<N> operator+(double a, const Dual<N>& b) { return Dual<N>(a) + b; }
template <int N> Dual<N> operator-(const Dual<N>& a, double b) { return a - Dual<N>(b); }
template <int N> Dual<N> operator-(double a, const Dual<N>& b) { return Dual<N>(a) - b; }
template <int N> Dual<N> operator*(const Dual<N>& a, double b) { return a * Dual<N>(b); }
template <int N> Dual<N> operator*(double a, const Dual<N>& b) { return Dual<N>(a) * b; }
template <int N> Dual<N> operator/(const Dual<N>& a, double b) { return a * (1.0 / b); }
template <int N> Dual<N> operator/(double a, const Dual<N>& b) { return Dual<N>(a) / b; }

template <int N> Dual<N> unary(const Dual<N>& a, double value, double derivative) {
    Dual<N> r(value);
    for (int i = 0; i < N; ++i) r.d[i] = derivative * a.d[i];
    return r;
}
template <int N> Dual<N> sqrt(const Dual<N>& a) {
    const double s = std::sqrt(a.v);
    return unary(a, s, s > 0 ? 0.5 / s : 0.0);
}
template <int N> Dual<N> exp(const Dual<N>& a) {
    const double e = std::exp(a.v);
    return unary(a, e, e);
}
template <int N> Dual<N> log(const Dual<N>& a) { return unary(a, std::log(a.v), 1.0 / a.v); }
template <int N> Dual<N> sin(const Dual<N>& a) { return unary(a, std::sin(a.v), std::cos(a.v)); }
template <int N> Dual<N> cos(const Dual<N>& a) { return unary(a, std::cos(a.v), -std::sin(a.v)); }
template <int N> Dual<N> acos(const Dual<N>& a) {
    const double x = std::fmax(-1.0, std::fmin(1.0, a.v));
    const double s = std::sqrt(std::fmax(1e-300, 1.0 - x * x));
    return unary(a, std::acos(x), -1.0 / s);
}
template <int N> Dual<N> atan2(const Dual<N>& y, const Dual<N>& x) {
    const double r2 = x.v * x.v + y.v * y.v;
    Dual<N> r(std::atan2(y.v, x.v));
    if (r2 > 0)
        for (int i = 0; i < N; ++i) r.d[i] = (x.v * y.d[i] - y.v * x.d[i]) / r2;
    return r;
}
// min/max pick a branch (the derivative of the chosen one), as the patterns' caps do.
template <int N> Dual<N> min(const Dual<N>& a, const Dual<N>& b) { return a.v <= b.v ? a : b; }
template <int N> Dual<N> min(const Dual<N>& a, double b) { return a.v <= b ? a : Dual<N>(b); }

inline double sqrt(double a) { return std::sqrt(a); }
inline double exp(double a) { return std::exp(a); }
inline double log(double a) { return std::log(a); }
inline double sin(double a) { return std::sin(a); }
inline double cos(double a) { return std::cos(a); }
inline double acos(double a) { return std::acos(std::fmax(-1.0, std::fmin(1.0, a))); }
inline double atan2(double y, double x) { return std::atan2(y, x); }
inline double min(double a, double b) { return std::fmin(a, b); }

inline double value_of(double a) { return a; }
template <int N> double value_of(const Dual<N>& a) { return a.v; }

}  // namespace rps
