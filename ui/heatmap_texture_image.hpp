#pragma once
// A Qt3D texture image that shows a QImage (the heatmap on the 3D view's measurement plane).
#include <QImage>
#include <Qt3DRender/QPaintedTextureImage>

namespace rps {

class HeatmapTextureImage : public Qt3DRender::QPaintedTextureImage {
    Q_OBJECT
public:
    explicit HeatmapTextureImage(Qt3DCore::QNode* parent = nullptr);
    void setImage(const QImage& image);

protected:
    void paint(QPainter* painter) override;

private:
    QImage image_;
};

}  // namespace rps
