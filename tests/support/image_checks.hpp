#pragma once
// Checks on rendered pictures, for tests that link QtGui: a blank or flat export has one or two
// distinct colours, a plot or a plan many.
#include <QImage>
#include <QSet>

namespace rps::test {

// Distinct colours over every other pixel of every other row, counted up to `limit`.
inline int distinct_colours(const QImage& image, int limit = 64) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            colours.insert(image.pixel(x, y));
            if (colours.size() >= limit) return static_cast<int>(colours.size());
        }
    }
    return static_cast<int>(colours.size());
}

}  // namespace rps::test
