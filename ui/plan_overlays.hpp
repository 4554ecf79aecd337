#pragma once
// Overlay drawing for the plan view (and images exported from it): colour bar with dBm ticks,
// legend box, scale bar, text boxes. Free functions over a QPainter; no state.
#include <QColor>
#include <QPainter>
#include <QRectF>
#include <QString>

#include <vector>

#include "ui/color_scale.hpp"

namespace rps {

struct LegendEntry {
    enum class Symbol { Line, Dashed, Disc, Plate, Target, Swatch };
    Symbol symbol = Symbol::Line;
    QColor color;
    QString text;
};

// Sizes of a legend box and a text box as paintLegend / paintTextBox draw them with `font`.
QSizeF legendSize(const QFont& font, const QString& title, const std::vector<LegendEntry>& entries);
QSizeF textBoxSize(const QFont& font, const QStringList& lines);

// Vertical colour bar inside `area` (the bar, its ticks and labels, the title above).
void paintColorBar(QPainter& painter, const QRectF& area, const ColorScale& scale,
                   const QString& title);
// A legend box with its top-left corner at `origin`; returns the box drawn.
QRectF paintLegend(QPainter& painter, QPointF origin, const QString& title,
                   const std::vector<LegendEntry>& entries);
// A scale bar of a round length near `target_px` pixels, with its left end at `origin`.
void paintScaleBar(QPainter& painter, QPointF origin, double pixels_per_m, double target_px);
// A rounded, semi-transparent box with text lines; anchored by its bottom-left (or top-left)
// corner at `anchor`. Returns the box.
QRectF paintTextBox(QPainter& painter, QPointF anchor, const QStringList& lines,
                    bool anchor_is_bottom = true);

}  // namespace rps
