#pragma once
// The 2D top view of the scene (DESIGN §6): walls coloured by material with a legend, the
// reflector mount wall, the AP bounds, APs with their direction, the plate with its normal and
// focal point, and the heatmap of the current layout with a dBm colour bar.
//
// Interaction: wheel zooms about the cursor, dragging empty space pans, double-click fits the
// scene. Dragging an AP moves it, dragging the tip of its arrow turns it, Shift+wheel over an AP
// tilts it; dragging the plate slides it along its mount; dragging the target moves the focal
// point. While a drag runs the view emits layoutPreview() on every move (the owner computes
// maps); on release it emits layoutEdited() with the layouts before and after (an undo step).
#include <QImage>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

#include "core/study/study_spec.hpp"
#include "ui/color_scale.hpp"
#include "ui/layout_document.hpp"
#include "ui/map_result.hpp"
#include "ui/plan_overlays.hpp"
#include "ui/scene_outline.hpp"

namespace rps {

class PlanView : public QWidget {
    Q_OBJECT
public:
    explicit PlanView(QWidget* parent = nullptr);

    void setScene(std::shared_ptr<const Scene> scene, SceneOutline outline);
    void setStudy(const StudySpec& spec);
    // Shows a layout; ignored while the user drags (the drag's own layout wins).
    void setLayout(const Layout& layout);
    // Shows a map (power per cell in W over `grid`); `note` is drawn with it (e.g. "preview").
    void setMap(const MeasurementGrid& grid, const std::vector<double>& power_w,
                const QString& note = {});
    void clearMap();
    bool hasMap() const { return !map_dbm_.empty(); }
    const std::vector<double>& mapDbm() const { return map_dbm_; }
    const ColorScale& colorScale() const { return scale_; }
    void setColorScale(const ColorScale& scale);
    void fitColorScale();  // to the map on screen
    void setInfoLines(const QStringList& lines);
    void setSmoothMap(bool smooth);
    void setLegendVisible(bool visible);

    void fitToScene();
    void zoomBy(double factor, QPointF anchor);

    // World (m, y up) <-> widget pixels.
    QPointF toWidget(QPointF world) const;
    QPointF toWorld(QPointF widget) const;
    double pixelsPerMetre() const { return scale_px_; }
    // Widget positions of the draggable handles (automation and tests).
    QPointF apHandle(int index) const;
    QPointF apDirectionHandle(int index) const;
    std::optional<QPointF> plateHandle() const;
    std::optional<QPointF> focalHandle() const;

    const Layout& layout() const { return layout_; }
    bool dragging() const { return drag_.kind != DragKind::None; }
    // The map value (dBm) of the cell under a world point, if the cell counts.
    std::optional<double> rssAt(QPointF world) const;
    QString describePoint(QPointF world) const;

Q_SIGNALS:
    void layoutPreview(rps::Layout layout);
    void layoutEdited(int edit_kind, int ap_index, rps::Layout before, rps::Layout after);
    void hoverInfo(QString text);
    void mapPainted();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    enum class DragKind { None, Pan, Ap, ApDirection, Plate, Focal };
    struct Drag {
        DragKind kind = DragKind::None;
        int index = -1;
        QPointF last_widget;
        Layout before;
        bool moved = false;
    };
    struct Hit {
        DragKind kind = DragKind::None;
        int index = -1;
    };

    Hit hitTest(QPointF widget) const;
    void dragTo(QPointF widget);
    void finishDrag();
    QPointF clampToScene(QPointF world) const;
    QString handleToolTip(const Hit& hit) const;

    void paintFloor(QPainter& p) const;
    void paintHeatmap(QPainter& p) const;
    void paintBounds(QPainter& p) const;
    void paintExcludedAreas(QPainter& p) const;
    void paintWalls(QPainter& p) const;
    void paintMount(QPainter& p) const;
    void paintPlate(QPainter& p) const;
    void paintAps(QPainter& p) const;
    void paintOverlays(QPainter& p) const;
    void paintHover(QPainter& p) const;
    void paintEmpty(QPainter& p) const;
    std::vector<LegendEntry> legendEntries() const;
    double rightColumnWidth() const;  // colour bar and legend, stacked at the right edge

    std::shared_ptr<const Scene> scene_;
    SceneOutline outline_;
    std::optional<StudySpec> spec_;
    Layout layout_;
    Drag drag_;

    MeasurementGrid grid_;
    std::vector<double> map_dbm_;
    QImage map_image_;  // one pixel per cell, flipped so that row 0 is north (widget top)
    QString map_note_;
    ColorScale scale_;
    bool scale_fitted_ = false;
    bool smooth_map_ = false;
    bool legend_visible_ = true;
    QStringList info_lines_;

    double scale_px_ = 10.0;  // pixels per metre
    QPointF offset_;          // widget position of world (0, 0)
    bool fitted_ = false;
    bool user_view_ = false;  // zoomed or panned by the user: keep it on resize
    std::optional<QPointF> hover_world_;
    bool paint_pending_signal_ = false;
};

}  // namespace rps
