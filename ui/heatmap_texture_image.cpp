#include "ui/heatmap_texture_image.hpp"

#include <QPainter>

namespace rps {

HeatmapTextureImage::HeatmapTextureImage(Qt3DCore::QNode* parent)
    : Qt3DRender::QPaintedTextureImage(parent) {
    setSize(QSize(2, 2));
}

void HeatmapTextureImage::setImage(const QImage& image) {
    image_ = image;
    if (!image_.isNull()) setSize(image_.size());
    update();
}

void HeatmapTextureImage::paint(QPainter* painter) {
    painter->setCompositionMode(QPainter::CompositionMode_Source);
    if (image_.isNull())
        painter->fillRect(QRect(QPoint(0, 0), size()), Qt::transparent);
    else
        painter->drawImage(QPoint(0, 0), image_);
}

}  // namespace rps
