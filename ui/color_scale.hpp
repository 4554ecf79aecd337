#pragma once
// The colour scale of received-power heatmaps (plan view, 3D view): dBm -> colour on a perceptual
// "turbo" ramp over a fixed range, so that a map dragged around keeps comparable colours.
#include <QColor>
#include <QImage>
#include <QString>

#include <array>
#include <cstdint>
#include <vector>

#include "core/engine/measurement_grid.hpp"

namespace rps {

class ColorScale {
public:
    explicit ColorScale(double min_dbm = -110.0, double max_dbm = -40.0);

    double minDbm() const { return min_dbm_; }
    double maxDbm() const { return max_dbm_; }
    void setRange(double min_dbm, double max_dbm);
    // A range that covers the masked cells' values, rounded outward to 5 dB.
    static ColorScale fitted(const std::vector<double>& dbm, const std::vector<uint8_t>& mask);

    QRgb rgb(double dbm) const;  // clamped to the range
    QColor color(double dbm) const { return QColor::fromRgb(rgb(dbm)); }
    // Colour at t in [0, 1] along the ramp (0 = weakest).
    static QRgb ramp(double t);

    // One pixel per cell, row 0 = cell row 0 (south, y min); cells outside the mask or without
    // signal are transparent.
    QImage image(const MeasurementGrid& grid, const std::vector<double>& dbm) const;
    // Tick values for a colour bar: every 5 or 10 dB inside the range.
    std::vector<double> ticks() const;

private:
    double min_dbm_;
    double max_dbm_;
};

}  // namespace rps
