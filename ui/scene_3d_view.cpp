#include "ui/scene_3d_view.hpp"

#include <QGuiApplication>
#include <QQuaternion>
#include <QScreen>
#include <QVBoxLayout>
#include <QVector3D>
#include <Qt3DCore/QEntity>
#include <Qt3DCore/QTransform>
#include <Qt3DExtras/QConeMesh>
#include <Qt3DExtras/QCuboidMesh>
#include <Qt3DExtras/QForwardRenderer>
#include <Qt3DExtras/QOrbitCameraController>
#include <Qt3DExtras/QPerVertexColorMaterial>
#include <Qt3DExtras/QPhongMaterial>
#include <Qt3DExtras/QPlaneMesh>
#include <Qt3DExtras/QSphereMesh>
#include <Qt3DExtras/QTextureMaterial>
#include <Qt3DExtras/Qt3DWindow>
#include <Qt3DRender/QAttribute>
#include <Qt3DRender/QBuffer>
#include <Qt3DRender/QCamera>
#include <Qt3DRender/QDirectionalLight>
#include <Qt3DRender/QGeometry>
#include <Qt3DRender/QGeometryRenderer>
#include <Qt3DRender/QTexture>

#include <cmath>

#include "core/common/units.hpp"
#include "core/study/reflector_pose.hpp"
#include "ui/heatmap_texture_image.hpp"
#include "ui/material_palette.hpp"

namespace rps {
namespace {

// Scene frame (z up) -> Qt3D frame (y up).
QVector3D toQt(const Vec3& p) {
    return {static_cast<float>(p.x()), static_cast<float>(p.z()), static_cast<float>(-p.y())};
}

QColor apColor3d(int index) {
    static const QColor colors[] = {QColor(25, 90, 200), QColor(210, 80, 10), QColor(30, 135, 60),
                                    QColor(130, 45, 155)};
    return colors[index % 4];
}

Qt3DCore::QEntity* addMesh(Qt3DCore::QEntity* parent, Qt3DCore::QComponent* mesh,
                           const QColor& color, const QMatrix4x4& matrix) {
    auto* entity = new Qt3DCore::QEntity(parent);
    auto* material = new Qt3DExtras::QPhongMaterial(entity);
    material->setDiffuse(color);
    material->setAmbient(color.darker(250));
    material->setSpecular(QColor(60, 60, 60));
    auto* transform = new Qt3DCore::QTransform(entity);
    transform->setMatrix(matrix);
    entity->addComponent(mesh);
    entity->addComponent(material);
    entity->addComponent(transform);
    return entity;
}

QMatrix4x4 translation(const QVector3D& at) {
    QMatrix4x4 m;
    m.translate(at);
    return m;
}

}  // namespace

Scene3DView::Scene3DView(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    setMinimumSize(200, 150);
    setToolTip(tr("3D view: left drag turns, right drag pans, wheel zooms"));
}

Scene3DView::~Scene3DView() = default;

void Scene3DView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!window_ && qEnvironmentVariableIntValue("RPS_NO_3D") == 0) initialise();
}

void Scene3DView::initialise() {
    window_ = new Qt3DExtras::Qt3DWindow();
    window_->defaultFrameGraph()->setClearColor(QColor(236, 239, 243));
    container_ = QWidget::createWindowContainer(window_, this);
    container_->setFocusPolicy(Qt::StrongFocus);
    static_cast<QVBoxLayout*>(layout())->addWidget(container_);
    root_ = new Qt3DCore::QEntity;
    auto* controller = new Qt3DExtras::QOrbitCameraController(root_);
    controller->setCamera(window_->camera());
    controller->setLinearSpeed(40.0f);
    controller->setLookSpeed(160.0f);
    auto* light_entity = new Qt3DCore::QEntity(root_);
    auto* light = new Qt3DRender::QDirectionalLight(light_entity);
    light->setWorldDirection(QVector3D(-0.4f, -1.0f, -0.3f));
    light->setIntensity(0.9f);
    light_entity->addComponent(light);
    window_->setRootEntity(root_);
    rebuildScene();
    rebuildMarkers();
    rebuildHeatmap();
    resetCamera();
}

void Scene3DView::setScene(std::shared_ptr<const Scene> scene, const StudySpec& spec) {
    scene_ = std::move(scene);
    spec_ = spec;
    heatmap_ = QImage();
    if (!window_) return;
    rebuildScene();
    rebuildMarkers();
    rebuildHeatmap();
    resetCamera();
}

void Scene3DView::setStudy(const StudySpec& spec) {
    spec_ = spec;
    if (window_) rebuildMarkers();
}

void Scene3DView::setLayout(const Layout& layout) {
    layout_ = layout;
    if (window_) rebuildMarkers();
}

void Scene3DView::setHeatmap(const MeasurementGrid& grid, const QImage& image) {
    const bool geometry_changed = grid.cells_x != grid_.cells_x || grid.cells_y != grid_.cells_y ||
                                  grid.origin_x_m != grid_.origin_x_m ||
                                  grid.origin_y_m != grid_.origin_y_m || !heat_entity_;
    grid_ = grid;
    heatmap_ = image.mirrored(false, true);  // texture rows run north to south on the plane
    if (!window_) return;
    if (geometry_changed)
        rebuildHeatmap();
    else if (heat_image_)
        heat_image_->setImage(heatmap_);
}

void Scene3DView::resetCamera() {
    if (!window_ || !scene_) return;
    const Aabb box = scene_->bounds();
    const Vec3 c = box.center();
    // Fit the scene's bounding sphere into both the vertical and the horizontal field of view.
    const double radius = 0.5 * std::max(box.size().norm(), 5.0);
    const double fov = 40.0, half = deg_to_rad(fov / 2);
    const double aspect = static_cast<double>(std::max(1, window_->width())) /
                          static_cast<double>(std::max(1, window_->height()));
    const double half_h = std::atan(aspect * std::tan(half));
    const double distance = 1.05 * radius / std::sin(std::min(half, half_h));
    const Vec3 direction = Vec3(0.35, -0.75, 0.95).normalized();
    Qt3DRender::QCamera* camera = window_->camera();
    camera->lens()->setPerspectiveProjection(static_cast<float>(fov), static_cast<float>(aspect),
                                             0.1f, static_cast<float>(distance * 4));
    camera->setUpVector(QVector3D(0, 1, 0));
    camera->setViewCenter(toQt(Vec3(c.x(), c.y(), 0.0)));
    camera->setPosition(toQt(Vec3(c.x(), c.y(), 0.0) + distance * direction));
}

QImage Scene3DView::renderedImage() const {
    if (!window_ || !container_ || !container_->isVisible()) return {};
    QScreen* screen = window_->screen() ? window_->screen() : QGuiApplication::primaryScreen();
    return screen ? screen->grabWindow(window_->winId()).toImage() : QImage();
}

Qt3DCore::QEntity* Scene3DView::makeSceneMesh(Qt3DCore::QEntity* parent) const {
    const double ceiling_z = spec_ ? spec_->grid.height_m : 1.5;
    const Vec3 light = Vec3(0.35, -0.55, 0.75).normalized();
    QByteArray bytes;
    uint32_t count = 0;
    for (size_t t = 0; t < scene_->triangles.size(); ++t) {
        const auto& tri = scene_->triangles[t];
        const Vec3 &a = scene_->vertices[tri[0]], &b = scene_->vertices[tri[1]],
                   &c = scene_->vertices[tri[2]];
        Vec3 n = (b - a).cross(c - a);
        if (n.norm() < 1e-12) continue;
        n.normalize();
        if (std::abs(n.z()) > 0.9 && a.z() > ceiling_z) continue;  // ceilings hide the floor
        const QColor base = materialColor(
            scene_->materials.at(scene_->triangle_material(static_cast<uint32_t>(t))));
        const double shade = 0.55 + 0.45 * std::abs(n.dot(light));
        const float rgb[3] = {static_cast<float>(base.redF() * shade),
                              static_cast<float>(base.greenF() * shade),
                              static_cast<float>(base.blueF() * shade)};
        for (const Vec3* p : {&a, &b, &c}) {
            const QVector3D q = toQt(*p);
            const float v[6] = {q.x(), q.y(), q.z(), rgb[0], rgb[1], rgb[2]};
            bytes.append(reinterpret_cast<const char*>(v), sizeof(v));
            ++count;
        }
    }
    auto* entity = new Qt3DCore::QEntity(parent);
    auto* geometry = new Qt3DRender::QGeometry(entity);
    auto* buffer = new Qt3DRender::QBuffer(geometry);
    buffer->setData(bytes);
    const uint stride = 6 * sizeof(float);
    auto* position =
        new Qt3DRender::QAttribute(buffer, Qt3DRender::QAttribute::defaultPositionAttributeName(),
                                   Qt3DRender::QAttribute::Float, 3, count, 0, stride);
    auto* color = new Qt3DRender::QAttribute(
        buffer, Qt3DRender::QAttribute::defaultColorAttributeName(), Qt3DRender::QAttribute::Float,
        3, count, 3 * sizeof(float), stride);
    geometry->addAttribute(position);
    geometry->addAttribute(color);
    auto* renderer = new Qt3DRender::QGeometryRenderer(entity);
    renderer->setGeometry(geometry);
    renderer->setPrimitiveType(Qt3DRender::QGeometryRenderer::Triangles);
    renderer->setVertexCount(static_cast<int>(count));
    entity->addComponent(renderer);
    entity->addComponent(new Qt3DExtras::QPerVertexColorMaterial(entity));
    return entity;
}

void Scene3DView::rebuildScene() {
    delete scene_entity_;
    scene_entity_ = nullptr;
    if (scene_) scene_entity_ = makeSceneMesh(root_);
}

void Scene3DView::rebuildMarkers() {
    delete markers_;
    markers_ = new Qt3DCore::QEntity(root_);
    for (size_t i = 0; i < layout_.aps.size(); ++i) {
        const ApPlacement& ap = layout_.aps[i];
        const Vec3 p(ap.x_m, ap.y_m, ap.z_m);
        auto* sphere = new Qt3DExtras::QSphereMesh;
        sphere->setRadius(0.35f);
        addMesh(markers_, sphere, apColor3d(static_cast<int>(i)), translation(toQt(p)));
        const double yaw = deg_to_rad(ap.yaw_deg), tilt = deg_to_rad(ap.downtilt_deg);
        const Vec3 d(std::cos(yaw) * std::cos(tilt), std::sin(yaw) * std::cos(tilt),
                     -std::sin(tilt));
        auto* cone = new Qt3DExtras::QConeMesh;
        cone->setBottomRadius(0.22f);
        cone->setTopRadius(0.0f);
        cone->setLength(0.7f);
        QMatrix4x4 m = translation(toQt(p + 0.75 * d));
        m.rotate(QQuaternion::rotationTo(QVector3D(0, 1, 0), toQt(d)));
        addMesh(markers_, cone, apColor3d(static_cast<int>(i)), m);
    }
    if (!spec_ || !spec_->reflector || !layout_.reflector || layout_.aps.empty()) return;
    const int anchor =
        std::clamp(spec_->reflector->orient_to_ap, 0, static_cast<int>(layout_.aps.size()) - 1);
    const PlatePose pose = plate_pose(*spec_->reflector, *layout_.reflector,
                                      layout_.aps[static_cast<size_t>(anchor)].pose().position);
    auto* focal = new Qt3DExtras::QSphereMesh;
    focal->setRadius(0.2f);
    addMesh(markers_, focal, QColor(200, 30, 160), translation(toQt(layout_.reflector->focal)));
    if (!pose.valid) return;
    const PlateGeometry& g = pose.plate;
    auto* plate = new Qt3DExtras::QCuboidMesh;
    plate->setXExtent(static_cast<float>(g.width_m));
    plate->setYExtent(static_cast<float>(g.height_m));
    plate->setZExtent(0.03f);
    const QVector3D w = toQt(g.width_axis), h = toQt(g.height_axis()), n = toQt(g.normal),
                    c = toQt(g.center);
    const QMatrix4x4 m(w.x(), h.x(), n.x(), c.x(), w.y(), h.y(), n.y(), c.y(), w.z(), h.z(), n.z(),
                       c.z(), 0, 0, 0, 1);
    addMesh(markers_, plate, QColor(200, 205, 212), m);
}

void Scene3DView::rebuildHeatmap() {
    delete heat_entity_;
    heat_entity_ = nullptr;
    heat_image_ = nullptr;
    if (grid_.cells_x <= 0 || !root_) return;
    heat_entity_ = new Qt3DCore::QEntity(root_);
    auto* mesh = new Qt3DExtras::QPlaneMesh(heat_entity_);
    const double sx = grid_.cells_x * grid_.cell_m, sy = grid_.cells_y * grid_.cell_m;
    mesh->setWidth(static_cast<float>(sx));
    mesh->setHeight(static_cast<float>(sy));
    auto* texture = new Qt3DRender::QTexture2D(heat_entity_);
    texture->setMinificationFilter(Qt3DRender::QAbstractTexture::Nearest);
    texture->setMagnificationFilter(Qt3DRender::QAbstractTexture::Nearest);
    heat_image_ = new HeatmapTextureImage(texture);
    QImage blank(1, 1, QImage::Format_ARGB32);
    blank.fill(Qt::transparent);
    heat_image_->setImage(heatmap_.isNull() ? blank : heatmap_);
    texture->addTextureImage(heat_image_);
    auto* material = new Qt3DExtras::QTextureMaterial(heat_entity_);
    material->setTexture(texture);
    material->setAlphaBlendingEnabled(true);
    heat_transform_ = new Qt3DCore::QTransform(heat_entity_);
    heat_transform_->setTranslation(
        toQt(Vec3(grid_.origin_x_m + sx / 2, grid_.origin_y_m + sy / 2, grid_.height_m)));
    heat_entity_->addComponent(mesh);
    heat_entity_->addComponent(material);
    heat_entity_->addComponent(heat_transform_);
}

}  // namespace rps
