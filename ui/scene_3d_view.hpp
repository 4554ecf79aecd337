#pragma once
// The 3D view (Qt3D, DESIGN §6): the scene's triangles coloured by material (lit once, colours
// baked per vertex; ceilings left out so the floor can be seen from above), the APs, the plate,
// the focal point and the heatmap as a textured plane at the measurement height; orbit camera
// (left drag turns, right drag pans, wheel zooms). The Qt3D window is made on first show, so a
// hidden 3D dock costs nothing and needs no OpenGL.
#include <QImage>
#include <QWidget>

#include <memory>
#include <optional>

#include "core/study/layout_evaluator.hpp"

namespace Qt3DCore {
class QEntity;
class QTransform;
}  // namespace Qt3DCore
namespace Qt3DExtras {
class Qt3DWindow;
}
namespace Qt3DRender {
class QCamera;
}

namespace rps {

class HeatmapTextureImage;

class Scene3DView : public QWidget {
    Q_OBJECT
public:
    explicit Scene3DView(QWidget* parent = nullptr);
    ~Scene3DView() override;

    void setScene(std::shared_ptr<const Scene> scene, const StudySpec& spec);
    void setStudy(const StudySpec& spec);
    void setLayout(const Layout& layout);
    // The heatmap (one pixel per cell, row 0 = south) over the grid.
    void setHeatmap(const MeasurementGrid& grid, const QImage& image);
    void resetCamera();
    bool initialised() const { return window_ != nullptr; }
    // The rendered frame (for screenshots; null before the first frame).
    QImage renderedImage() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void initialise();
    void rebuildScene();
    void rebuildMarkers();
    void rebuildHeatmap();
    Qt3DCore::QEntity* makeSceneMesh(Qt3DCore::QEntity* parent) const;

    std::shared_ptr<const Scene> scene_;
    std::optional<StudySpec> spec_;
    Layout layout_;
    MeasurementGrid grid_;
    QImage heatmap_;

    Qt3DExtras::Qt3DWindow* window_ = nullptr;
    QWidget* container_ = nullptr;
    Qt3DCore::QEntity* root_ = nullptr;
    Qt3DCore::QEntity* scene_entity_ = nullptr;
    Qt3DCore::QEntity* markers_ = nullptr;
    Qt3DCore::QEntity* heat_entity_ = nullptr;
    Qt3DCore::QTransform* heat_transform_ = nullptr;
    HeatmapTextureImage* heat_image_ = nullptr;
};

}  // namespace rps
