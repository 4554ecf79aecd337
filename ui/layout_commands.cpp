#include "ui/layout_commands.hpp"

#include "ui/layout_defaults.hpp"

namespace rps {

LayoutCommand::LayoutCommand(LayoutDocument* document, LayoutEdit kind, int ap_index, Layout before,
                             Layout after)
    : document_(document),
      kind_(kind),
      ap_index_(ap_index),
      before_(std::move(before)),
      after_(std::move(after)) {
    setText(describe(kind, ap_index));
}

QString LayoutCommand::describe(LayoutEdit kind, int ap_index) {
    switch (kind) {
        case LayoutEdit::MoveAp:
            return tr("Move AP %1").arg(ap_index + 1);
        case LayoutEdit::RotateAp:
            return tr("Rotate AP %1").arg(ap_index + 1);
        case LayoutEdit::MovePlate:
            return tr("Move reflector plate");
        case LayoutEdit::MoveFocal:
            return tr("Move focal point");
        case LayoutEdit::ApplyLayout:
            return tr("Apply layout");
        case LayoutEdit::TiltAp:
            return tr("Tilt AP %1").arg(ap_index + 1);
    }
    return {};
}

void LayoutCommand::undo() { document_->setLayout(before_); }

void LayoutCommand::redo() { document_->setLayout(after_); }

int LayoutCommand::id() const {
    // QUndoStack merges a pushed command into the one on top when both have the same id >= 0.
    return kind_ == LayoutEdit::TiltAp ? 1000 + ap_index_ : -1;
}

bool LayoutCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const LayoutCommand*>(other);
    if (!next || next->id() != id() || id() < 0) return false;
    after_ = next->after_;
    setObsolete(sameLayout(before_, after_));
    return true;
}

}  // namespace rps
