#include "core/study/surrogate_objective.hpp"

#include <algorithm>
#include <cmath>

#include "core/common/dual_number.hpp"
#include "core/common/units.hpp"
#include "core/engine/ap_trace.hpp"
#include "core/radio/antenna_gain.hpp"

namespace rps {
namespace {

constexpr int kApParams = 4;  // x, y, yaw, downtilt of one AP
using ApDual = Dual<kApParams>;
constexpr double kSmoothMaxTemperature_db = 1.0;  // best-server combining, smoothed
constexpr double kSeparationPenalty_db_per_m2 = 1.0;
constexpr double kMovingPathShare = 1e-3;  // weaker paths are held at their x0 power

// Gain toward world direction d of an antenna at (yaw, downtilt): R = Rz(yaw)·Ry(tilt), local =
// Rᵀ d (PHYSICS.md §3, the same rotation as Antenna).
template <class T>
struct PoseTrig {
    T cy, sy, ct, st;  // cos/sin of yaw and downtilt, computed once per AP
    PoseTrig(const T& yaw, const T& tilt)
        : cy(cos(yaw)), sy(sin(yaw)), ct(cos(tilt)), st(sin(tilt)) {}
};

template <class T>
T gain_toward(AntennaModel model, const T& dx, const T& dy, const T& dz, const PoseTrig<T>& pose) {
    const T &cy = pose.cy, &sy = pose.sy, &ct = pose.ct, &st = pose.st;
    // Rz(yaw)ᵀ then Ry(tilt)ᵀ.
    const T ux = cy * dx + sy * dy;
    const T uy = -sy * dx + cy * dy;
    const T lx = ct * ux - st * dz;
    const T lz = st * ux + ct * dz;
    const T theta = acos(lz);
    const T phi = atan2(uy, lx);
    return antenna_gain_local(model, theta, phi);
}

}  // namespace

SurrogateObjective::SurrogateObjective(const LayoutEvaluator& evaluator, const Vector& x0,
                                       double temperature_db)
    : evaluator_(evaluator), x0_(x0), temperature_db_(temperature_db) {
    const RadioEngine& engine = evaluator.engine();
    const MeasurementGrid& grid = engine.grid();
    const RadioSetup& setup = engine.setup();
    const Layout layout = evaluator.space().decode(x0);
    const double tx_power_w = dbm_to_watts(setup.tx_power_dbm);
    const double spread = std::pow(wavelength_m(setup.freq_hz) / (4.0 * kPi), 2);
    const int n = grid.samples_per_axis;
    const int raster_nx = grid.cells_x * n;
    // The static paths of the cells the surrogate reads: the weakest cells, traced while the exact
    // objective is computed from them (LayoutEvaluator::trace_weak_cells); or, where the
    // objective needs every cell, every cell (traced first: the evaluation then re-uses them).
    std::vector<std::vector<std::shared_ptr<const ApTrace>>> traces;
    LayoutEvaluation evaluation;
    if (auto weak = evaluator.trace_weak_cells(layout)) {
        traces = std::move(weak->traces);
        evaluation = std::move(weak->evaluation);
        surrogate_cells_ = std::move(weak->traced_cells);
    } else {
        for (const ApPlacement& ap : layout.aps)
            traces.push_back({evaluator.static_trace(ap.pose())});
        evaluation = evaluator.evaluate(layout, true);
        surrogate_cells_ = grid.mask;
    }
    true_objective_x0_ = evaluation.valid && evaluator.space().feasible(x0)
                             ? evaluation.objective
                             : opt::kInfeasibleFitness;
    for (size_t a = 0; a < layout.aps.size(); ++a) {
        const TxPose pose = layout.aps[a].pose();
        const PoseTrig<double> trig(pose.yaw_rad, pose.downtilt_rad);
        tx0_.push_back(pose.position);
        const auto cell_of = [&](uint32_t receiver) {
            return static_cast<uint32_t>(
                grid.index(receiver % raster_nx / n, receiver / raster_nx / n));
        };
        const double weight = 1.0 / (n * n);
        std::vector<double> static_sum(grid.cell_count(), 0.0);
        for (const auto& trace : traces[a])
            for (size_t p = 0; p < trace->path_count(); ++p)
                static_sum[cell_of(trace->path_receiver[p])] += weight * trace->path_power_w[p];
        // Paths that carry less than kMovingPathShare of their cell's power stay constant (in the
        // offset below): they barely move the gradient, and most of an office's paths are such
        // weak multi-wall paths, so the dual-number pass runs over a fraction of them.
        std::vector<double> offset(grid.cell_count(), 0.0);
        std::vector<FrozenPath> frozen;
        for (const auto& trace : traces[a])
            for (size_t p = 0; p < trace->path_count(); ++p) {
                const uint32_t cell = cell_of(trace->path_receiver[p]);
                const double power_w = weight * trace->path_power_w[p];
                if (power_w < kMovingPathShare * static_sum[cell]) {
                    offset[cell] += power_w;
                    continue;
                }
                const Vec3& tx = trace->points[trace->path_point_begin[p]];
                const Vec3& first = trace->points[trace->path_point_begin[p] + 1];
                const Vec3 d = (first - tx).normalized();
                const double length = trace->path_length_m[p];
                const double g = gain_toward<double>(setup.antenna, d.x(), d.y(), d.z(), trig);
                const double geometric = tx_power_w * g * spread / (length * length);
                const double rho = geometric > 0 ? trace->path_power_w[p] / geometric : 0.0;
                const Vec3& rx = trace->points[trace->path_point_begin[p + 1] - 1];
                frozen.push_back(
                    {cell, weight, rho, trace->path_mirror[p], trace->path_image[p], rx});
            }
        // Whatever the plate adds or shadows stays as it is at x0.
        if (evaluation.valid && layout.reflector)
            for (size_t c = 0; c < offset.size(); ++c)
                offset[c] += evaluation.per_ap_power_w[a][c] - static_sum[c];
        paths_.push_back(std::move(frozen));
        offset_w_.push_back(std::move(offset));
    }
}

template <class T>
void SurrogateObjective::accumulate(const Vector& x, std::vector<std::vector<T>>& per_ap) const {
    const RadioEngine& engine = evaluator_.engine();
    const RadioSetup& setup = engine.setup();
    const size_t cells = engine.grid().cell_count();
    const Layout layout = evaluator_.space().decode(x);
    const double tx_power_w = dbm_to_watts(setup.tx_power_dbm);
    const double spread = std::pow(wavelength_m(setup.freq_hz) / (4.0 * kPi), 2);
    per_ap.assign(layout.aps.size(), std::vector<T>(cells, T(0.0)));
    for (size_t a = 0; a < layout.aps.size(); ++a) {
        const ApPlacement& ap = layout.aps[a];
        T px, py, yaw, tilt;
        if constexpr (std::is_same_v<T, double>) {
            px = ap.x_m, py = ap.y_m, yaw = deg_to_rad(ap.yaw_deg),
            tilt = deg_to_rad(ap.downtilt_deg);
        } else {
            px = T::variable(ap.x_m, 0);
            py = T::variable(ap.y_m, 1);
            yaw = T::variable(deg_to_rad(ap.yaw_deg), 2);
            tilt = T::variable(deg_to_rad(ap.downtilt_deg), 3);
        }
        const T shift_x = px - tx0_[a].x(), shift_y = py - tx0_[a].y();
        const PoseTrig<T> trig(yaw, tilt);
        std::vector<T>& cell_power = per_ap[a];
        for (const FrozenPath& path : paths_[a]) {
            if (path.rho <= 0.0) continue;
            const Mat3& m = path.mirror;
            // Image moved rigidly with the AP; the AP height is fixed.
            const T ix = path.image0.x() + m(0, 0) * shift_x + m(0, 1) * shift_y;
            const T iy = path.image0.y() + m(1, 0) * shift_x + m(1, 1) * shift_y;
            const T iz = path.image0.z() + m(2, 0) * shift_x + m(2, 1) * shift_y;
            const T vx = path.rx.x() - ix, vy = path.rx.y() - iy, vz = path.rx.z() - iz;
            const T length2 = vx * vx + vy * vy + vz * vz;
            const T length = sqrt(length2);
            // Departure direction d = Mᵀ·u with u the unfolded direction toward the receiver.
            const T ux = vx / length, uy = vy / length, uz = vz / length;
            const T dx = m(0, 0) * ux + m(1, 0) * uy + m(2, 0) * uz;
            const T dy = m(0, 1) * ux + m(1, 1) * uy + m(2, 1) * uz;
            const T dz = m(0, 2) * ux + m(1, 2) * uy + m(2, 2) * uz;
            const T gain = gain_toward<T>(setup.antenna, dx, dy, dz, trig);
            cell_power[path.cell] = cell_power[path.cell] +
                                    (tx_power_w * spread * path.rho * path.weight) * gain / length2;
        }
        for (size_t c = 0; c < cells; ++c)
            if (offset_w_[a][c] != 0.0) cell_power[c] = cell_power[c] + offset_w_[a][c];
    }
}

std::vector<double> SurrogateObjective::cell_power_w(const Vector& x) const {
    std::vector<std::vector<double>> per_ap;
    accumulate(x, per_ap);
    std::vector<double> combined(per_ap.front().size(), 0.0);
    for (const auto& map : per_ap)
        for (size_t c = 0; c < map.size(); ++c) combined[c] = std::max(combined[c], map[c]);
    return combined;
}

opt::ValueAndGradient SurrogateObjective::value_and_gradient(const Vector& x) const {
    std::vector<std::vector<ApDual>> per_ap;
    accumulate(x, per_ap);
    const MeasurementGrid& grid = evaluator_.engine().grid();
    const LayoutSpace& space = evaluator_.space();
    const size_t ap_count = per_ap.size();
    const int stride = space.directions_free() ? 4 : 2;
    // Per cell: S_c (dB, smooth max over APs) and dS_c/dparams.
    std::vector<double> s_db;
    std::vector<std::vector<double>> s_grad;  // [cell][param]
    const double ln10 = std::log(10.0);
    for (size_t c = 0; c < grid.cell_count(); ++c) {
        if (!grid.mask[c] || !surrogate_cells_[c]) continue;
        double dbm[16], shift = -1e300;
        for (size_t a = 0; a < ap_count; ++a) {
            dbm[a] = per_ap[a][c].v > kNoSignalPower_w ? 10.0 * std::log10(per_ap[a][c].v) + 30.0
                                                       : kNoSignal_dbm;
            shift = std::max(shift, dbm[a]);
        }
        double sum = 0.0, weight[16];
        for (size_t a = 0; a < ap_count; ++a)
            sum += weight[a] = std::exp((dbm[a] - shift) / kSmoothMaxTemperature_db);
        const double s = ap_count == 1 ? dbm[0] : shift + kSmoothMaxTemperature_db * std::log(sum);
        std::vector<double> grad(x.size(), 0.0);
        for (size_t a = 0; a < ap_count; ++a) {
            const ApDual& p = per_ap[a][c];
            if (p.v <= kNoSignalPower_w) continue;
            const double w = ap_count == 1 ? 1.0 : weight[a] / sum;
            const double to_db = 10.0 / (ln10 * p.v);
            for (int k = 0; k < stride; ++k) grad[a * stride + k] += w * to_db * p.d[k];
        }
        // Directions are optimised in degrees.
        if (space.directions_free())
            for (size_t a = 0; a < ap_count; ++a) {
                grad[a * stride + 2] *= kPi / 180.0;
                grad[a * stride + 3] *= kPi / 180.0;
            }
        s_db.push_back(s);
        s_grad.push_back(std::move(grad));
    }
    opt::ValueAndGradient result;
    result.gradient.assign(x.size(), 0.0);
    if (s_db.empty()) return result;
    // Soft-min over cells: F = −τ·log(mean exp(−S/τ)), computed stably.
    const double tau = temperature_db_;
    const double low = *std::min_element(s_db.begin(), s_db.end());
    double sum = 0.0;
    std::vector<double> w(s_db.size());
    for (size_t i = 0; i < s_db.size(); ++i) sum += w[i] = std::exp(-(s_db[i] - low) / tau);
    result.value = low - tau * std::log(sum / s_db.size());
    for (size_t i = 0; i < s_db.size(); ++i)
        for (size_t k = 0; k < x.size(); ++k) result.gradient[k] += (w[i] / sum) * s_grad[i][k];
    // Minimum AP separation as a smooth penalty.
    const double min_sep = evaluator_.spec().bounds.min_separation_m;
    for (size_t a = 0; a < ap_count; ++a)
        for (size_t b = a + 1; b < ap_count; ++b) {
            const double dx = x[a * stride] - x[b * stride],
                         dy = x[a * stride + 1] - x[b * stride + 1];
            const double d = std::max(1e-9, std::hypot(dx, dy));
            if (d >= min_sep) continue;
            const double gap = min_sep - d;
            result.value -= kSeparationPenalty_db_per_m2 * gap * gap;
            const double g = 2.0 * kSeparationPenalty_db_per_m2 * gap / d;  // d(-pen)/d(dx) = g·dx
            result.gradient[a * stride] += g * dx, result.gradient[b * stride] -= g * dx;
            result.gradient[a * stride + 1] += g * dy, result.gradient[b * stride + 1] -= g * dy;
        }
    return result;
}

double SurrogateObjective::value(const Vector& x) const { return value_and_gradient(x).value; }

}  // namespace rps
