#include "ui/color_scale.hpp"

#include <algorithm>
#include <cmath>

#include "core/metrics/map_metrics.hpp"

namespace rps {
namespace {

// Turbo (Google, Anton Mikhailov 2019), polynomial approximation; public domain / Apache-2.0.
QRgb turbo(double x) {
    x = std::clamp(x, 0.0, 1.0);
    const double x2 = x * x, x3 = x2 * x, x4 = x3 * x, x5 = x4 * x;
    const double r = 0.13572138 + 4.61539260 * x - 42.66032258 * x2 + 132.13108234 * x3 -
                     152.94239396 * x4 + 59.28637943 * x5;
    const double g = 0.09140261 + 2.19418839 * x + 4.84296658 * x2 - 14.18503333 * x3 +
                     4.27729857 * x4 + 2.82956604 * x5;
    const double b = 0.10667330 + 12.64194608 * x - 60.58204836 * x2 + 110.36276771 * x3 -
                     89.90310912 * x4 + 27.34824973 * x5;
    auto byte = [](double v) {
        return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
    };
    return qRgb(byte(r), byte(g), byte(b));
}

const std::array<QRgb, 256>& lut() {
    static const std::array<QRgb, 256> table = [] {
        std::array<QRgb, 256> t{};
        for (int i = 0; i < 256; ++i) t[static_cast<size_t>(i)] = turbo(i / 255.0);
        return t;
    }();
    return table;
}

}  // namespace

ColorScale::ColorScale(double min_dbm, double max_dbm) { setRange(min_dbm, max_dbm); }

void ColorScale::setRange(double min_dbm, double max_dbm) {
    min_dbm_ = std::min(min_dbm, max_dbm);
    max_dbm_ = std::max(min_dbm, max_dbm);
    if (max_dbm_ - min_dbm_ < 1.0) max_dbm_ = min_dbm_ + 1.0;
}

ColorScale ColorScale::fitted(const std::vector<double>& dbm, const std::vector<uint8_t>& mask) {
    double lo = 1e300, hi = -1e300;
    for (size_t i = 0; i < dbm.size(); ++i) {
        if ((!mask.empty() && !mask[i]) || dbm[i] <= kNoSignal_dbm) continue;
        lo = std::min(lo, dbm[i]);
        hi = std::max(hi, dbm[i]);
    }
    if (lo > hi) return ColorScale();
    return ColorScale(std::floor(lo / 5.0) * 5.0, std::ceil(hi / 5.0) * 5.0);
}

QRgb ColorScale::ramp(double t) {
    const int index = static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * 255.0));
    return lut()[static_cast<size_t>(index)];
}

QRgb ColorScale::rgb(double dbm) const { return ramp((dbm - min_dbm_) / (max_dbm_ - min_dbm_)); }

QImage ColorScale::image(const MeasurementGrid& grid, const std::vector<double>& dbm) const {
    QImage out(grid.cells_x, grid.cells_y, QImage::Format_ARGB32);
    out.fill(Qt::transparent);
    if (dbm.size() != grid.cell_count()) return out;
    for (int iy = 0; iy < grid.cells_y; ++iy) {
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(iy));
        for (int ix = 0; ix < grid.cells_x; ++ix) {
            const size_t i = grid.index(ix, iy);
            const bool counted = grid.mask.empty() || grid.mask[i];
            if (counted && dbm[i] > kNoSignal_dbm) line[ix] = rgb(dbm[i]);
        }
    }
    return out;
}

std::vector<double> ColorScale::ticks() const {
    const double span = max_dbm_ - min_dbm_;
    const double step = span > 60 ? 20.0 : span > 30 ? 10.0 : 5.0;
    std::vector<double> out;
    for (double v = std::ceil(min_dbm_ / step) * step; v <= max_dbm_ + 1e-9; v += step)
        out.push_back(v);
    return out;
}

}  // namespace rps
