#pragma once
// Colours and display names of radio materials, shared by the plan view, its legend and the 3D
// view: the colours of the example scenes' plans (scenes/README.md), a stable hash for others.
#include <QColor>
#include <QString>

#include "core/radio/radio_material.hpp"

namespace rps {

QColor materialColor(const RadioMaterial& material);
// "concrete 0.30 m" style label: ITU type (or id for a custom material) and slab thickness.
QString materialLabel(const RadioMaterial& material);

}  // namespace rps
