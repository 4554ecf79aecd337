#include "ui/layout_document.hpp"

#include <QUndoStack>

#include "ui/layout_commands.hpp"

namespace rps {

LayoutDocument::LayoutDocument(QObject* parent)
    : QObject(parent), undo_stack_(new QUndoStack(this)) {}

void LayoutDocument::setLayout(const Layout& layout) {
    layout_ = layout;
    Q_EMIT layoutChanged();
}

void LayoutDocument::reset(const Layout& layout) {
    undo_stack_->clear();
    setLayout(layout);
}

void LayoutDocument::edit(LayoutEdit kind, int ap_index, const Layout& before,
                          const Layout& after) {
    undo_stack_->push(new LayoutCommand(this, kind, ap_index, before, after));
}

}  // namespace rps
