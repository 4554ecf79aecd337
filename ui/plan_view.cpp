#include "ui/plan_view.hpp"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

#include "core/common/units.hpp"
#include "core/metrics/map_metrics.hpp"
#include "core/study/reflector_pose.hpp"
#include "ui/material_palette.hpp"
#include "ui/plan_overlays.hpp"

namespace rps {
namespace {

constexpr double kApRadiusPx = 9.0;
constexpr double kArrowPx = 36.0;
constexpr double kHandlePx = 6.0;
constexpr double kHitSlackPx = 4.0;
const QColor kMountColor(220, 40, 40, 150);
const QColor kBoundsColor(40, 150, 70);
const QColor kExcludedColor(90, 90, 100);
const QColor kPlateColor(196, 202, 210);
const QColor kFocalColor(200, 30, 160);

QColor apColor(int index) {
    static const QColor colors[] = {QColor(25, 90, 200),  QColor(210, 80, 10), QColor(30, 135, 60),
                                    QColor(130, 45, 155), QColor(0, 130, 140), QColor(160, 120, 0)};
    return colors[index % 6];
}

double distanceToSegment(QPointF p, QPointF a, QPointF b) {
    const QPointF ab = b - a;
    const double len2 = QPointF::dotProduct(ab, ab);
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

QPointF plan(const Vec3& v) { return {v.x(), v.y()}; }

// An arrow with a white halo, readable on any heatmap colour.
void drawArrow(QPainter& p, QPointF from, QPointF to, const QColor& color, double width) {
    const QPointF d = to - from;
    const double length = std::hypot(d.x(), d.y());
    if (length < 1e-6) return;
    const QPointF u = d / length, n(-u.y(), u.x());
    QPolygonF head;
    head << to << to - 9 * u + 4.5 * n << to - 9 * u - 4.5 * n;
    p.setPen(
        QPen(QColor(255, 255, 255, 210), width + 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawLine(from, to - 6 * u);
    p.drawPolygon(head);
    p.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
    p.drawLine(from, to - 6 * u);
    p.setBrush(color);
    p.setPen(Qt::NoPen);
    p.drawPolygon(head);
}

std::optional<PlatePose> currentPlate(const std::optional<StudySpec>& spec, const Layout& layout) {
    if (!spec || !spec->reflector || !layout.reflector || layout.aps.empty()) return std::nullopt;
    const int anchor =
        std::clamp(spec->reflector->orient_to_ap, 0, static_cast<int>(layout.aps.size()) - 1);
    return plate_pose(*spec->reflector, *layout.reflector,
                      layout.aps[static_cast<size_t>(anchor)].pose().position);
}

QPolygonF platePolygon(const PlateGeometry& g) {
    const Vec3 w = 0.5 * g.width_m * g.width_axis, h = 0.5 * g.height_m * g.height_axis();
    QPolygonF polygon;
    const Vec3 corners[4] = {g.center - w - h, g.center + w - h, g.center + w + h,
                             g.center - w + h};
    for (const Vec3& c : corners) polygon << plan(c);
    return polygon;
}

}  // namespace

PlanView::PlanView(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(320, 240);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::CrossCursor);
    setToolTip(QString());
}

void PlanView::setScene(std::shared_ptr<const Scene> scene, SceneOutline outline) {
    scene_ = std::move(scene);
    outline_ = std::move(outline);
    clearMap();
    scale_fitted_ = false;
    fitted_ = false;
    fitToScene();
}

void PlanView::setStudy(const StudySpec& spec) {
    spec_ = spec;
    if (!user_view_) fitToScene();
    update();
}

void PlanView::setLayout(const Layout& layout) {
    if (dragging()) return;
    layout_ = layout;
    update();
}

void PlanView::setMap(const MeasurementGrid& grid, const std::vector<double>& power_w,
                      const QString& note) {
    grid_ = grid;
    map_dbm_.resize(power_w.size());
    std::transform(power_w.begin(), power_w.end(), map_dbm_.begin(), power_to_dbm_floored);
    if (!scale_fitted_) {
        scale_ = ColorScale::fitted(map_dbm_, grid_.mask);
        scale_fitted_ = true;
    }
    map_image_ = scale_.image(grid_, map_dbm_).mirrored(false, true);
    map_note_ = note;
    paint_pending_signal_ = true;
    update();
}

void PlanView::clearMap() {
    map_dbm_.clear();
    map_image_ = QImage();
    map_note_.clear();
    update();
}

void PlanView::setColorScale(const ColorScale& scale) {
    scale_ = scale;
    scale_fitted_ = true;
    if (!map_dbm_.empty()) map_image_ = scale_.image(grid_, map_dbm_).mirrored(false, true);
    update();
}

void PlanView::fitColorScale() {
    if (!map_dbm_.empty()) setColorScale(ColorScale::fitted(map_dbm_, grid_.mask));
}

void PlanView::setInfoLines(const QStringList& lines) {
    info_lines_ = lines;
    update();
}

void PlanView::setLegendVisible(bool visible) {
    legend_visible_ = visible;
    if (!user_view_) fitToScene();
    update();
}

double PlanView::rightColumnWidth() const {
    const double legend =
        legend_visible_ ? legendSize(font(), tr("Materials"), legendEntries()).width() : 0.0;
    return std::max(legend, 84.0);
}

void PlanView::setSmoothMap(bool smooth) {
    smooth_map_ = smooth;
    update();
}

// --- coordinates --------------------------------------------------------------------------------

QPointF PlanView::toWidget(QPointF world) const {
    return {offset_.x() + world.x() * scale_px_, offset_.y() - world.y() * scale_px_};
}

QPointF PlanView::toWorld(QPointF widget) const {
    return {(widget.x() - offset_.x()) / scale_px_, (offset_.y() - widget.y()) / scale_px_};
}

void PlanView::fitToScene() {
    QRectF bounds = outline_.bounds;
    if (bounds.isEmpty()) bounds = QRectF(0, 0, 20, 20);
    const double right = rightColumnWidth() + 24.0, left = 16.0, top = 16.0, bottom = 74.0;
    const double avail_w = std::max(50.0, width() - left - right);
    const double avail_h = std::max(50.0, height() - top - bottom);
    scale_px_ = std::min(avail_w / bounds.width(), avail_h / bounds.height());
    const QPointF center_px(left + avail_w / 2, top + avail_h / 2);
    offset_ = QPointF(center_px.x() - bounds.center().x() * scale_px_,
                      center_px.y() + bounds.center().y() * scale_px_);
    fitted_ = true;
    user_view_ = false;
    update();
}

void PlanView::zoomBy(double factor, QPointF anchor) {
    const QPointF world = toWorld(anchor);
    scale_px_ = std::clamp(scale_px_ * factor, 0.5, 2000.0);
    offset_ = QPointF(anchor.x() - world.x() * scale_px_, anchor.y() + world.y() * scale_px_);
    user_view_ = true;
    update();
}

QPointF PlanView::apHandle(int index) const {
    const ApPlacement& ap = layout_.aps.at(static_cast<size_t>(index));
    return toWidget({ap.x_m, ap.y_m});
}

QPointF PlanView::apDirectionHandle(int index) const {
    const double yaw = deg_to_rad(layout_.aps.at(static_cast<size_t>(index)).yaw_deg);
    return apHandle(index) + QPointF(std::cos(yaw), -std::sin(yaw)) * kArrowPx;
}

std::optional<QPointF> PlanView::plateHandle() const {
    const auto pose = currentPlate(spec_, layout_);
    if (!pose) return std::nullopt;
    return toWidget(plan(pose->valid ? pose->plate.center : pose->mount_point));
}

std::optional<QPointF> PlanView::focalHandle() const {
    if (!layout_.reflector) return std::nullopt;
    return toWidget(plan(layout_.reflector->focal));
}

std::optional<double> PlanView::rssAt(QPointF world) const {
    if (map_dbm_.empty() || grid_.cell_m <= 0) return std::nullopt;
    const int ix = static_cast<int>(std::floor((world.x() - grid_.origin_x_m) / grid_.cell_m));
    const int iy = static_cast<int>(std::floor((world.y() - grid_.origin_y_m) / grid_.cell_m));
    if (ix < 0 || iy < 0 || ix >= grid_.cells_x || iy >= grid_.cells_y) return std::nullopt;
    const size_t i = grid_.index(ix, iy);
    if (!grid_.mask.empty() && !grid_.mask[i]) return std::nullopt;
    return map_dbm_[i];
}

QString PlanView::describePoint(QPointF world) const {
    QString text = tr("x %1 m, y %2 m").arg(world.x(), 0, 'f', 2).arg(world.y(), 0, 'f', 2);
    if (const auto rss = rssAt(world)) {
        text += *rss <= kNoSignal_dbm ? tr("  |  no signal")
                                      : tr("  |  RSS %1 dBm").arg(*rss, 0, 'f', 1);
    } else if (!map_dbm_.empty()) {
        text += tr("  |  outside the measured cells");
    }
    return text;
}

// --- interaction
// ----------------------------------------------------------------------------------

PlanView::Hit PlanView::hitTest(QPointF w) const {
    auto near = [&](QPointF a, double r) {
        const QPointF d = a - w;
        return std::hypot(d.x(), d.y()) <= r + kHitSlackPx;
    };
    for (int i = static_cast<int>(layout_.aps.size()) - 1; i >= 0; --i) {
        if (near(apDirectionHandle(i), kHandlePx)) return {DragKind::ApDirection, i};
        if (near(apHandle(i), kApRadiusPx)) return {DragKind::Ap, i};
    }
    if (const auto focal = focalHandle(); focal && near(*focal, 8)) return {DragKind::Focal, -1};
    if (const auto pose = currentPlate(spec_, layout_); pose && pose->valid) {
        const QPolygonF poly = platePolygon(pose->plate);
        QPolygonF px;
        for (const QPointF& c : poly) px << toWidget(c);
        const double d =
            std::min(distanceToSegment(w, px[0], px[1]), distanceToSegment(w, px[2], px[3]));
        if (px.containsPoint(w, Qt::OddEvenFill) || d <= 6 ||
            near(toWidget(plan(pose->plate.center)), 8))
            return {DragKind::Plate, -1};
    } else if (const auto handle = plateHandle(); handle && near(*handle, 8)) {
        return {DragKind::Plate, -1};
    }
    return {};
}

QString PlanView::handleToolTip(const Hit& hit) const {
    switch (hit.kind) {
        case DragKind::Ap:
        case DragKind::ApDirection: {
            const ApPlacement& ap = layout_.aps.at(static_cast<size_t>(hit.index));
            return tr("AP %1 at (%2, %3) m, height %4 m, yaw %5°, downtilt %6°\n"
                      "Drag to move, drag the arrow tip to turn, Shift+wheel to tilt.")
                .arg(hit.index + 1)
                .arg(ap.x_m, 0, 'f', 2)
                .arg(ap.y_m, 0, 'f', 2)
                .arg(ap.z_m, 0, 'f', 1)
                .arg(ap.yaw_deg, 0, 'f', 0)
                .arg(ap.downtilt_deg, 0, 'f', 0);
        }
        case DragKind::Plate:
            return tr("Reflector plate at u = %1, v = %2 on its mount\n"
                      "Drag to slide it along the mount wall.")
                .arg(layout_.reflector->u, 0, 'f', 3)
                .arg(layout_.reflector->v, 0, 'f', 3);
        case DragKind::Focal:
            return tr("Focal point (%1, %2) m: the plate faces so that AP → plate → focal point "
                      "is a mirror path.\nDrag to move it.")
                .arg(layout_.reflector->focal.x(), 0, 'f', 2)
                .arg(layout_.reflector->focal.y(), 0, 'f', 2);
        default:
            return {};
    }
}

QPointF PlanView::clampToScene(QPointF world) const {
    const QRectF b = outline_.bounds.isEmpty() ? QRectF(-1e6, -1e6, 2e6, 2e6) : outline_.bounds;
    return {std::clamp(world.x(), b.left(), b.right()), std::clamp(world.y(), b.top(), b.bottom())};
}

void PlanView::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton && event->button() != Qt::MiddleButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    const Hit hit = event->button() == Qt::LeftButton ? hitTest(event->localPos()) : Hit{};
    drag_ = Drag{hit.kind == DragKind::None ? DragKind::Pan : hit.kind, hit.index,
                 event->localPos(), layout_, false};
    setCursor(drag_.kind == DragKind::Pan ? Qt::ClosedHandCursor : Qt::SizeAllCursor);
    QToolTip::hideText();
    event->accept();
}

void PlanView::mouseMoveEvent(QMouseEvent* event) {
    if (dragging()) {
        dragTo(event->localPos());
        event->accept();
        return;
    }
    hover_world_ = toWorld(event->localPos());
    const Hit hit = hitTest(event->localPos());
    setCursor(hit.kind == DragKind::None ? Qt::CrossCursor : Qt::OpenHandCursor);
    if (hit.kind != DragKind::None)
        QToolTip::showText(event->globalPos(), handleToolTip(hit), this);
    else
        QToolTip::hideText();
    Q_EMIT hoverInfo(describePoint(*hover_world_));
    update();
}

void PlanView::dragTo(QPointF widget) {
    const QPointF world = toWorld(widget);
    drag_.moved = true;
    switch (drag_.kind) {
        case DragKind::Pan:
            offset_ += widget - drag_.last_widget;
            drag_.last_widget = widget;
            user_view_ = true;
            update();
            return;
        case DragKind::Ap: {
            const QPointF p = clampToScene(world);
            ApPlacement& ap = layout_.aps.at(static_cast<size_t>(drag_.index));
            ap.x_m = p.x(), ap.y_m = p.y();
            break;
        }
        case DragKind::ApDirection: {
            ApPlacement& ap = layout_.aps.at(static_cast<size_t>(drag_.index));
            ap.yaw_deg = rad_to_deg(std::atan2(world.y() - ap.y_m, world.x() - ap.x_m));
            break;
        }
        case DragKind::Plate: {
            const ReflectorSpec& r = *spec_->reflector;
            const QPointF a(r.top_left.x(), r.top_left.y()),
                b(r.bottom_right.x(), r.bottom_right.y());
            const QPointF ab = b - a;
            const double len2 = std::max(1e-12, QPointF::dotProduct(ab, ab));
            layout_.reflector->u = std::clamp(QPointF::dotProduct(world - a, ab) / len2, 0.0, 1.0);
            break;
        }
        case DragKind::Focal: {
            const ReflectorSpec& r = *spec_->reflector;
            layout_.reflector->focal.x() = std::clamp(world.x(), r.focal_x_min_m, r.focal_x_max_m);
            layout_.reflector->focal.y() = std::clamp(world.y(), r.focal_y_min_m, r.focal_y_max_m);
            break;
        }
        case DragKind::None:
            return;
    }
    hover_world_ = world;
    Q_EMIT layoutPreview(layout_);
    Q_EMIT hoverInfo(describePoint(world));
    update();
}

void PlanView::mouseReleaseEvent(QMouseEvent* event) {
    if (dragging()) finishDrag();
    setCursor(Qt::CrossCursor);
    event->accept();
}

void PlanView::finishDrag() {
    const Drag drag = drag_;
    drag_ = Drag{};
    if (drag.kind == DragKind::Pan || !drag.moved) return;
    LayoutEdit kind = LayoutEdit::MoveAp;
    if (drag.kind == DragKind::ApDirection) kind = LayoutEdit::RotateAp;
    if (drag.kind == DragKind::Plate) kind = LayoutEdit::MovePlate;
    if (drag.kind == DragKind::Focal) kind = LayoutEdit::MoveFocal;
    Q_EMIT layoutEdited(static_cast<int>(kind), drag.index, drag.before, layout_);
}

void PlanView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (hitTest(event->localPos()).kind == DragKind::None) fitToScene();
}

void PlanView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0) return;
    const Hit hit = hitTest(event->position());
    if ((event->modifiers() & Qt::ShiftModifier) && hit.index >= 0 && !dragging()) {
        const Layout before = layout_;
        ApPlacement& ap = layout_.aps.at(static_cast<size_t>(hit.index));
        ap.downtilt_deg = std::clamp(ap.downtilt_deg + steps, -90.0, 90.0);
        Q_EMIT layoutEdited(static_cast<int>(LayoutEdit::TiltAp), hit.index, before, layout_);
        QToolTip::showText(event->globalPosition().toPoint(), handleToolTip(hit), this);
    } else {
        zoomBy(std::pow(1.15, steps), event->position());
    }
    event->accept();
}

void PlanView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    if (!user_view_) fitToScene();
}

void PlanView::leaveEvent(QEvent* event) {
    hover_world_.reset();
    update();
    QWidget::leaveEvent(event);
}

// --- painting
// ---------------------------------------------------------------------------------------

void PlanView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(248, 249, 251));
    if (!scene_) {
        paintEmpty(p);
        return;
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    paintFloor(p);
    paintHeatmap(p);
    paintExcludedAreas(p);
    paintBounds(p);
    paintWalls(p);
    paintMount(p);
    paintPlate(p);
    paintAps(p);
    paintOverlays(p);
    paintHover(p);
    if (paint_pending_signal_) {
        paint_pending_signal_ = false;
        Q_EMIT mapPainted();
    }
}

void PlanView::paintEmpty(QPainter& p) const {
    p.setPen(QColor(110, 110, 120));
    QFont font = p.font();
    font.setPointSizeF(11);
    p.setFont(font);
    p.drawText(rect(), Qt::AlignCenter,
               tr("Open a scene, a study or a study result (File > Open, Ctrl+O)."));
}

void PlanView::paintFloor(QPainter& p) const {
    QTransform t;
    t.translate(offset_.x(), offset_.y());
    t.scale(scale_px_, -scale_px_);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(232, 234, 238));
    p.drawPath(t.map(outline_.floor));
}

void PlanView::paintHeatmap(QPainter& p) const {
    if (map_image_.isNull()) return;
    const QPointF top_left =
        toWidget({grid_.origin_x_m, grid_.origin_y_m + grid_.cells_y * grid_.cell_m});
    const QPointF bottom_right =
        toWidget({grid_.origin_x_m + grid_.cells_x * grid_.cell_m, grid_.origin_y_m});
    p.save();
    p.setRenderHint(QPainter::SmoothPixmapTransform, smooth_map_);
    p.setOpacity(0.93);
    p.drawImage(QRectF(top_left, bottom_right), map_image_);
    p.restore();
}

void PlanView::paintBounds(QPainter& p) const {
    if (!spec_) return;
    const ApBounds& b = spec_->bounds;
    const QRectF r(toWidget({b.x_min_m, b.y_max_m}), toWidget({b.x_max_m, b.y_min_m}));
    p.setPen(QPen(kBoundsColor, 1.4, Qt::DashLine));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
}

// Areas the study leaves out of its metrics (grid.exclude): hatched, so the map under them
// stays readable.
void PlanView::paintExcludedAreas(QPainter& p) const {
    if (!spec_) return;
    p.save();
    p.setPen(QPen(kExcludedColor, 1.2, Qt::DashLine));
    p.setBrush(QBrush(kExcludedColor, Qt::BDiagPattern));
    for (const Polygon2d& area : spec_->grid.excluded_areas) {
        QPolygonF polygon;
        for (const auto& [x, y] : area) polygon << toWidget({x, y});
        p.drawPolygon(polygon);
    }
    p.restore();
}

void PlanView::paintWalls(QPainter& p) const {
    const double plane_z = spec_ ? spec_->grid.height_m : 1.5;
    for (const WallSegment& wall : outline_.walls) {
        const QColor color = materialColor(scene_->materials.at(wall.material));
        const bool crosses_plane = wall.z_min_m <= plane_z + 1e-6 && wall.z_max_m >= plane_z - 1e-6;
        const double width = std::max(2.0, wall.thickness_m * scale_px_);
        QPen pen(color, width, Qt::SolidLine, Qt::FlatCap);
        if (!crosses_plane) {  // lintels, transoms: the opening below is drawn as open
            QColor faint = color;
            faint.setAlpha(90);
            pen = QPen(faint, std::max(1.5, width * 0.6), Qt::DotLine, Qt::FlatCap);
        }
        p.setPen(pen);
        p.drawLine(toWidget(wall.a), toWidget(wall.b));
    }
}

void PlanView::paintMount(QPainter& p) const {
    if (!spec_ || !spec_->reflector) return;
    const ReflectorSpec& r = *spec_->reflector;
    const QPointF facing(r.facing.x(), -r.facing.y());  // widget y points down
    const QPointF shift = facing * 5.0;
    p.setPen(QPen(kMountColor, 6, Qt::SolidLine, Qt::FlatCap));
    p.drawLine(toWidget(plan(r.top_left)) + shift, toWidget(plan(r.bottom_right)) + shift);
}

void PlanView::paintPlate(QPainter& p) const {
    const auto pose = currentPlate(spec_, layout_);
    if (!pose) return;
    const QPointF focal = toWidget(plan(layout_.reflector->focal));
    if (pose->valid) {
        const PlateGeometry& g = pose->plate;
        const QPointF center = toWidget(plan(g.center));
        const int anchor =
            std::clamp(spec_->reflector->orient_to_ap, 0, static_cast<int>(layout_.aps.size()) - 1);
        p.setPen(QPen(QColor(90, 90, 100, 160), 1.2, Qt::DashLine));
        p.drawLine(apHandle(anchor), center);
        p.setPen(QPen(kFocalColor, 1.4, Qt::DashLine));
        p.drawLine(center, focal);
        QPolygonF poly;
        for (const QPointF& c : platePolygon(g)) poly << toWidget(c);
        // A plate seen from above is nearly a segment: draw it as a steel bar with a halo.
        p.setPen(QPen(QColor(255, 255, 255, 220), 9, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPolygon(poly);
        p.setPen(QPen(QColor(40, 44, 52), 6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolygon(poly);
        p.setPen(QPen(kPlateColor, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(kPlateColor);
        p.drawPolygon(poly);
        const QPointF n(g.normal.x(), -g.normal.y());
        drawArrow(p, center, center + n * 28.0, QColor(40, 40, 50), 2.0);
    } else {
        const QPointF m = toWidget(plan(pose->mount_point));
        p.setPen(QPen(QColor(200, 0, 0), 2.5));
        p.drawLine(m + QPointF(-6, -6), m + QPointF(6, 6));
        p.drawLine(m + QPointF(-6, 6), m + QPointF(6, -6));
    }
    p.setPen(QPen(kFocalColor, 2.2));
    p.setBrush(QColor(255, 255, 255, 170));
    p.drawEllipse(focal, 7, 7);
    p.drawLine(focal - QPointF(11, 0), focal + QPointF(11, 0));
    p.drawLine(focal - QPointF(0, 11), focal + QPointF(0, 11));
}

void PlanView::paintAps(QPainter& p) const {
    p.save();
    QFont font = p.font();
    font.setBold(true);
    font.setPointSizeF(8.5);
    for (int i = 0; i < static_cast<int>(layout_.aps.size()); ++i) {
        const QPointF c = apHandle(i), tip = apDirectionHandle(i);
        const QColor color = apColor(i);
        const QPointF u = (tip - c) / kArrowPx;
        drawArrow(p, c + u * kApRadiusPx, tip, color, 2.6);
        p.setPen(QPen(color, 1.5));
        p.setBrush(Qt::white);
        p.drawEllipse(tip, 3.5, 3.5);
        p.setPen(QPen(Qt::white, 2));
        p.setBrush(color);
        p.drawEllipse(c, kApRadiusPx, kApRadiusPx);
        p.setFont(font);
        p.drawText(
            QRectF(c.x() - kApRadiusPx, c.y() - kApRadiusPx, 2 * kApRadiusPx, 2 * kApRadiusPx),
            Qt::AlignCenter, QString::number(i + 1));
    }
    p.restore();
}

std::vector<LegendEntry> PlanView::legendEntries() const {
    std::vector<LegendEntry> entries;
    if (!scene_) return entries;
    for (uint32_t m : outline_.used_materials) {
        const RadioMaterial& material = scene_->materials.at(m);
        entries.push_back(
            {LegendEntry::Symbol::Line, materialColor(material), materialLabel(material)});
    }
    if (spec_ && spec_->reflector)
        entries.push_back({LegendEntry::Symbol::Line, kMountColor, tr("reflector mount wall")});
    entries.push_back({LegendEntry::Symbol::Dashed, kBoundsColor, tr("AP search bounds")});
    if (spec_ && !spec_->grid.excluded_areas.empty())
        entries.push_back(
            {LegendEntry::Symbol::Dashed, kExcludedColor, tr("excluded from the metrics")});
    entries.push_back({LegendEntry::Symbol::Disc, apColor(0), tr("access point")});
    if (layout_.reflector) {
        entries.push_back({LegendEntry::Symbol::Plate, kPlateColor, tr("reflector plate")});
        entries.push_back({LegendEntry::Symbol::Target, kFocalColor, tr("focal point")});
    }
    return entries;
}

void PlanView::paintOverlays(QPainter& p) const {
    p.setFont(font());
    const double column = rightColumnWidth();
    const double x = width() - column - 10;
    double y = 10;
    if (!map_image_.isNull()) {
        const double h = std::clamp(height() * 0.42, 150.0, 320.0);
        paintColorBar(p, QRectF(x, y, column, h), scale_, tr("RSS dBm"));
        y += h + 8;
    }
    if (legend_visible_) paintLegend(p, QPointF(x, y), tr("Materials"), legendEntries());
    paintScaleBar(p, QPointF(18, height() - 14), scale_px_, 90);
    QStringList lines = info_lines_;
    if (!map_note_.isEmpty()) lines << map_note_;
    if (const auto pose = currentPlate(spec_, layout_); pose && !pose->valid)
        lines << tr("Plate not placeable: %1").arg(QString::fromStdString(pose->reason));
    const double box_width = textBoxSize(p.font(), lines).width();
    const double left = std::max(10.0, std::min(130.0, width() - box_width - 10.0));
    paintTextBox(p, QPointF(left, height() - 8), lines);
}

void PlanView::paintHover(QPainter& p) const {
    if (!hover_world_ || dragging() || map_dbm_.empty()) return;
    const auto rss = rssAt(*hover_world_);
    if (!rss) return;
    const QPointF at = toWidget(*hover_world_) + QPointF(14, -10);
    const QString value =
        *rss <= kNoSignal_dbm ? tr("no signal") : tr("%1 dBm").arg(*rss, 0, 'f', 1);
    paintTextBox(p, at, {value}, true);
}

}  // namespace rps

// Compiled here rather than in rps_ui's single file of generated code, which would pull the
// whole studio (Qt3D included) into `rps`, which links only what `rps report` uses.
// NOLINTNEXTLINE(bugprone-suspicious-include): moc's output is meant to be included.
#include "moc_plan_view.cpp"
