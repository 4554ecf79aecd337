#include "ui/plan_overlays.hpp"

#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainterPath>

#include <cmath>

namespace rps {
namespace {

const QColor kBoxFill(255, 255, 255, 225);
const QColor kBoxPen(0, 0, 0, 60);

void paintSymbol(QPainter& p, const LegendEntry& e, const QRectF& r) {
    const QPointF c = r.center();
    switch (e.symbol) {
        case LegendEntry::Symbol::Line:
            p.setPen(QPen(e.color, 4, Qt::SolidLine, Qt::FlatCap));
            p.drawLine(QPointF(r.left(), c.y()), QPointF(r.right(), c.y()));
            break;
        case LegendEntry::Symbol::Dashed:
            p.setPen(QPen(e.color, 1.5, Qt::DashLine));
            p.drawLine(QPointF(r.left(), c.y()), QPointF(r.right(), c.y()));
            break;
        case LegendEntry::Symbol::Disc:
            p.setPen(QPen(Qt::white, 1.5));
            p.setBrush(e.color);
            p.drawEllipse(c, 5.5, 5.5);
            break;
        case LegendEntry::Symbol::Plate:
            p.setPen(QPen(Qt::black, 1));
            p.setBrush(e.color);
            p.drawRect(QRectF(r.left() + 2, c.y() - 2.5, r.width() - 4, 5));
            break;
        case LegendEntry::Symbol::Target:
            p.setPen(QPen(e.color, 1.8));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(c, 5, 5);
            p.drawLine(c - QPointF(7, 0), c + QPointF(7, 0));
            p.drawLine(c - QPointF(0, 7), c + QPointF(0, 7));
            break;
        case LegendEntry::Symbol::Swatch:
            p.setPen(Qt::NoPen);
            p.setBrush(e.color);
            p.drawRect(r.adjusted(2, 2, -2, -2));
            break;
    }
}

QFont smallFont(const QFont& base, double size) {
    QFont font = base;
    font.setPointSizeF(size);
    return font;
}

}  // namespace

QSizeF legendSize(const QFont& base, const QString& title,
                  const std::vector<LegendEntry>& entries) {
    const QFontMetricsF fm(smallFont(base, 8.5));
    const double row = std::max(fm.height(), 14.0) + 2;
    QFont bold = smallFont(base, 8.5);
    bold.setBold(true);
    double text_width = QFontMetricsF(bold).horizontalAdvance(title);
    for (const LegendEntry& e : entries)
        text_width = std::max(text_width, fm.horizontalAdvance(e.text) + 30);
    return {text_width + 16, row * (static_cast<double>(entries.size()) + 1) + 10};
}

QSizeF textBoxSize(const QFont& base, const QStringList& lines) {
    const QFontMetricsF fm(smallFont(base, 9));
    double width = 0;
    for (const QString& line : lines) width = std::max(width, fm.horizontalAdvance(line));
    return {width + 16, fm.height() * lines.size() + 10};
}

void paintColorBar(QPainter& p, const QRectF& area, const ColorScale& scale, const QString& title) {
    p.save();
    QFont font = p.font();
    font.setPointSizeF(8.5);
    p.setFont(font);
    const QFontMetricsF fm(font);
    const QRectF box = area;
    p.setPen(kBoxPen);
    p.setBrush(kBoxFill);
    p.drawRoundedRect(box, 5, 5);
    const double content = 14 + 7 + fm.horizontalAdvance(QStringLiteral("-120"));
    const QRectF bar(box.left() + std::max(8.0, (box.width() - content) / 2),
                     box.top() + fm.height() + 10, 14, box.height() - fm.height() - 20);
    QLinearGradient gradient(bar.bottomLeft(), bar.topLeft());
    for (int i = 0; i <= 16; ++i) gradient.setColorAt(i / 16.0, QColor(ColorScale::ramp(i / 16.0)));
    p.setPen(QPen(QColor(0, 0, 0, 120), 1));
    p.setBrush(gradient);
    p.drawRect(bar);
    p.setPen(QColor(30, 30, 30));
    p.drawText(QRectF(box.left(), box.top() + 4, box.width(), fm.height()), Qt::AlignCenter, title);
    for (double tick : scale.ticks()) {
        const double t = (tick - scale.minDbm()) / (scale.maxDbm() - scale.minDbm());
        const double y = bar.bottom() - t * bar.height();
        p.drawLine(QPointF(bar.right(), y), QPointF(bar.right() + 4, y));
        p.drawText(QPointF(bar.right() + 7, y + fm.ascent() / 2 - 1),
                   QString::number(tick, 'f', 0));
    }
    p.restore();
}

QRectF paintLegend(QPainter& p, QPointF origin, const QString& title,
                   const std::vector<LegendEntry>& entries) {
    const QRectF box(origin, legendSize(p.font(), title, entries));
    p.save();
    const QFont font = smallFont(p.font(), 8.5);
    p.setFont(font);
    const QFontMetricsF fm(font);
    const double row = std::max(fm.height(), 14.0) + 2;
    p.setPen(kBoxPen);
    p.setBrush(kBoxFill);
    p.drawRoundedRect(box, 5, 5);
    QFont bold = font;
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(QColor(30, 30, 30));
    p.drawText(QPointF(box.left() + 8, box.top() + 5 + fm.ascent()), title);
    p.setFont(font);
    double y = box.top() + 5 + row;
    for (const LegendEntry& e : entries) {
        paintSymbol(p, e, QRectF(box.left() + 8, y, 22, row - 2));
        p.setPen(QColor(30, 30, 30));
        p.drawText(QPointF(box.left() + 36, y + (row - 2) / 2 + fm.ascent() / 2 - 1), e.text);
        y += row;
    }
    p.restore();
    return box;
}

void paintScaleBar(QPainter& p, QPointF origin, double pixels_per_m, double target_px) {
    if (pixels_per_m <= 0) return;
    const double raw = target_px / pixels_per_m;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double length = magnitude;
    for (double f : {1.0, 2.0, 5.0, 10.0})
        if (f * magnitude <= raw) length = f * magnitude;
    const double px = length * pixels_per_m;
    p.save();
    QFont font = p.font();
    font.setPointSizeF(8.5);
    p.setFont(font);
    p.setPen(Qt::NoPen);
    p.setBrush(kBoxFill);
    p.drawRoundedRect(QRectF(origin.x() - 6, origin.y() - 20, px + 12, 28), 4, 4);
    p.setPen(QPen(QColor(30, 30, 30), 2, Qt::SolidLine, Qt::FlatCap));
    p.drawLine(origin, origin + QPointF(px, 0));
    p.drawLine(origin + QPointF(0, -4), origin + QPointF(0, 4));
    p.drawLine(origin + QPointF(px, -4), origin + QPointF(px, 4));
    const QString label = QStringLiteral("%1 m").arg(length, 0, 'g', 3);
    p.drawText(QRectF(origin.x(), origin.y() - 19, px, 14), Qt::AlignCenter, label);
    p.restore();
}

QRectF paintTextBox(QPainter& p, QPointF anchor, const QStringList& lines, bool anchor_is_bottom) {
    if (lines.isEmpty()) return {};
    const QSizeF size = textBoxSize(p.font(), lines);
    p.save();
    const QFont font = smallFont(p.font(), 9);
    p.setFont(font);
    const QFontMetricsF fm(font);
    const QPointF top_left = anchor_is_bottom ? anchor - QPointF(0, size.height()) : anchor;
    const QRectF box(top_left, size);
    p.setPen(kBoxPen);
    p.setBrush(kBoxFill);
    p.drawRoundedRect(box, 5, 5);
    p.setPen(QColor(25, 25, 25));
    double y = box.top() + 5 + fm.ascent();
    for (const QString& line : lines) {
        p.drawText(QPointF(box.left() + 8, y), line);
        y += fm.height();
    }
    p.restore();
    return box;
}

}  // namespace rps
